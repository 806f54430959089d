"""The call-taking form (受理登记, issue 13): a call-taker registers a call with the keyboard alone.

N (or the toolbar's *New call*) opens it. Channel, caller and phone; the category by code,
Chinese, English or pinyin initials; the place by a street, community, grid, camera junction,
pasted coordinates or a click on the map; the description; the priority the category proposes.
Before the report goes out, open cases of the same category within 100 m and 24 h are listed:
A adds the caller to the chosen case as a note, R (or Ctrl+Enter again) reports anyway. The
searches are models/calltaking.py; the hub is reached through the bridge's operations only."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.models.calltaking import (
    CHANNELS,
    DUPLICATE_RADIUS_M,
    CategoryIndex,
    Draft,
    PlaceIndex,
    caller_note,
    parse_coords,
)
from console.models.catalog import Catalog
from console.models.names import local_name
from console.models.recommend import fmt_distance
from console.state import derived, ops

ERROR, OK = "#c62828", "#1b7f3b"
TAKER_ROLES = ("operator", "supervisor", "admin")  # who registers calls at a desk (issue 13)


class _Arrows(QObject):
    """Up and Down in a search field move through its list; Enter takes the highlighted row."""

    def __init__(self, edit: QLineEdit, listing: QListWidget, pick: Any) -> None:
        super().__init__(edit)
        self.listing, self.pick = listing, pick
        edit.installEventFilter(self)

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress:
            return False
        key, n = event.key(), self.listing.count()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and n:
            row = self.listing.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
            self.listing.setCurrentRow(max(0, min(n - 1, row)))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return bool(self.listing.isVisibleTo(self.listing.window()) and self.pick())
        return False


class CallForm(QDialog):
    """One call at a time; the draft stays when the form is hidden, until reported or cleared."""

    reported = Signal(str)  # the new incident's id
    noted = Signal(str)  # the case the caller was added to
    place_changed = Signal(object)  # (lat, lon) or None: the map's pin follows

    def __init__(self, bridge: Any, state: Any, catalog: Catalog, *, language: str = "zh_CN",
                 parent: QWidget | None = None, now_fn: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("call-form")
        self.bridge, self.state, self.catalog, self.language = bridge, state, catalog, language
        self._now = now_fn or (lambda: datetime.now(UTC))
        self._indexes: tuple[CategoryIndex, PlaceIndex] | None = None  # built on first use (pinyin)
        self.draft = Draft()
        self._priority_touched = False
        self._confirming = False  # duplicates shown after Report: A or R decides
        self._sending = False  # a report or a note is with the hub: nothing more goes until it answers
        self._point_from_map = False
        self.duplicates: list[tuple[str, float]] = []
        self._build()
        self._retranslate()
        self._refresh()

    @property
    def categories(self) -> CategoryIndex:
        return self._index()[0]

    @property
    def places(self) -> PlaceIndex:
        return self._index()[1]

    def _index(self) -> tuple[CategoryIndex, PlaceIndex]:
        if self._indexes is None:
            self._indexes = (CategoryIndex(self.catalog.categories.values()), PlaceIndex(self.catalog))
        return self._indexes

    # ---- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        f = self.font()
        f.setPointSizeF(max(f.pointSizeF(), 12.0))
        self.setFont(f)
        # about the incident panel's width: longer lines wrap; the map stays in view beside it
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 58)
        self._placed = False
        outer = QVBoxLayout(self)
        outer.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # never squeezed below its rows
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)
        self._captions: dict[str, QLabel] = {}

        def row(key: str, field: Any) -> None:
            self._captions[key] = QLabel()
            form.addRow(self._captions[key], field)

        self.channel_combo = QComboBox(objectName="call-channel")
        row("channel", self.channel_combo)
        who = QWidget()
        h = QHBoxLayout(who)
        h.setContentsMargins(0, 0, 0, 0)
        self.caller_edit = QLineEdit(objectName="call-caller")
        self.phone_edit = QLineEdit(objectName="call-phone")
        self.phone_edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        h.addWidget(self.caller_edit, 3)
        h.addWidget(self.phone_edit, 2)
        row("caller", who)

        self.category_edit = QLineEdit(objectName="call-category")
        self.category_list = QListWidget(objectName="call-category-list")
        self.category_label = QLabel(objectName="call-category-chosen")
        row("category", self._search_block(self.category_edit, self.category_list, self.category_label))
        self.place_edit = QLineEdit(objectName="call-place")
        self.place_list = QListWidget(objectName="call-place-list")
        self.place_label = QLabel(objectName="call-place-chosen")
        row("place", self._search_block(self.place_edit, self.place_list, self.place_label))
        self.address_edit = QLineEdit(objectName="call-address")
        row("address", self.address_edit)
        self.description_edit = QPlainTextEdit(objectName="call-description")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        row("description", self.description_edit)
        self.priority_combo = QComboBox(objectName="call-priority")
        row("priority", self.priority_combo)

        self.dup_box = QGroupBox(objectName="call-duplicates")
        dv = QVBoxLayout(self.dup_box)
        self.dup_caption = QLabel()
        self.dup_caption.setWordWrap(True)
        self.dup_list = QListWidget(objectName="call-duplicate-list")
        self.dup_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.dup_list.setWordWrap(True)  # the whole line read, never scrolled sideways
        self.dup_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        dh = QHBoxLayout()
        self.add_note_button = QPushButton(objectName="call-add-note")
        self.anyway_button = QPushButton(objectName="call-report-anyway")
        for b in (self.add_note_button, self.anyway_button):
            b.setAutoDefault(False)  # Enter in a field must never add a note or report by itself
        dh.addWidget(self.add_note_button)
        dh.addWidget(self.anyway_button)
        dh.addStretch(1)
        dv.addWidget(self.dup_caption)
        dv.addWidget(self.dup_list)
        dv.addLayout(dh)
        outer.addWidget(self.dup_box)
        outer.addStretch(1)  # spare height below, not inside the duplicate list

        self.result_label = QLabel(objectName="call-result")
        self.result_label.setWordWrap(True)
        outer.addWidget(self.result_label)
        bh = QHBoxLayout()
        self.report_button = QPushButton(objectName="call-report")
        self.report_button.setDefault(False)
        self.report_button.setAutoDefault(False)
        self.clear_button = QPushButton(objectName="call-clear")
        self.clear_button.setAutoDefault(False)
        bh.addStretch(1)
        bh.addWidget(self.clear_button)
        bh.addWidget(self.report_button)
        outer.addLayout(bh)

        for combo in (self.channel_combo, self.priority_combo):
            combo.activated.connect(lambda _i, c=combo: self._combo_touched(c))
        self.caller_edit.textChanged.connect(self._refresh)
        self.phone_edit.textChanged.connect(self._refresh)
        self.category_edit.textChanged.connect(self._search_categories)
        self.place_edit.textChanged.connect(self._search_places)
        self.category_list.itemActivated.connect(lambda _i: self.pick_category())
        self.place_list.itemActivated.connect(lambda _i: self.pick_place())
        self.description_edit.textChanged.connect(self._refresh)
        self.address_edit.textChanged.connect(self._refresh)
        self._arrows = [_Arrows(self.category_edit, self.category_list, self.pick_category),
                        _Arrows(self.place_edit, self.place_list, self.pick_place)]
        self.report_button.clicked.connect(self.submit)
        self.clear_button.clicked.connect(self.clear)
        self.add_note_button.clicked.connect(self.add_as_note)
        self.anyway_button.clicked.connect(self.report_anyway)
        self.dup_list.itemActivated.connect(lambda _i: self.add_as_note())
        # one key decides, wherever the focus is in the form; letters only in the duplicate list
        self.shortcuts = [QShortcut(QKeySequence(k), self, self.submit) for k in ("Ctrl+Return", "Ctrl+Enter")]
        for key, slot in (("A", self.add_as_note), ("R", self.report_anyway)):
            s = QShortcut(QKeySequence(key), self.dup_list, slot)
            s.setContext(Qt.ShortcutContext.WidgetShortcut)
            self.shortcuts.append(s)

    def _search_block(self, edit: QLineEdit, listing: QListWidget, chosen: QLabel) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        listing.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 10)
        listing.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows in the field move it; Tab skips it
        listing.hide()  # shown while it has matches to offer
        chosen.setWordWrap(True)
        for x in (edit, listing, chosen):
            v.addWidget(x)
        return w

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New call"))
        captions = {"channel": self.tr("Channel"), "caller": self.tr("Caller, phone"),
                    "category": self.tr("Category"), "place": self.tr("Place"), "address": self.tr("Address"),
                    "description": self.tr("What happened"), "priority": self.tr("Priority")}
        for key, text in captions.items():
            self._captions[key].setText(text)
        keep = self.channel_combo.currentData() or self.draft.channel
        self.channel_combo.clear()
        for ch in CHANNELS:
            self.channel_combo.addItem(self.channel_name(ch), ch)
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(keep)))
        keep = self.priority_combo.currentData()
        self.priority_combo.clear()
        self.priority_combo.addItem(self.tr("Proposed by the category"), "")
        self.priority_combo.addItem(self.tr("Urgent"), "urgent")
        self.priority_combo.addItem(self.tr("Normal"), "normal")
        self.priority_combo.setCurrentIndex(max(0, self.priority_combo.findData(keep)))
        self.caller_edit.setPlaceholderText(self.tr("Caller's name (optional)"))
        self.phone_edit.setPlaceholderText(self.tr("Phone, e.g. 138 1234 5678"))
        self.category_edit.setPlaceholderText(self.tr("Code, name or pinyin initials (e.g. dljs) — ↓ ↑ Enter"))
        self.place_edit.setPlaceholderText(
            self.tr("Street, community, grid code, junction, or pasted coordinates — or click the map"))
        self.address_edit.setPlaceholderText(self.tr("House number, landmark (optional)"))
        self.description_edit.setPlaceholderText(self.tr("What the caller reports"))
        self.dup_box.setTitle(self.tr("Likely duplicates"))
        self.add_note_button.setText(self.tr("Add the caller to this case (A)"))
        self.add_note_button.setToolTip(self.tr("Adds who called and what they said to the chosen case as a note"))
        self.anyway_button.setText(self.tr("Report anyway (R)"))
        self.report_button.setText(self.tr("Report (Ctrl+Enter)"))
        self.clear_button.setText(self.tr("Clear"))
        self._refresh()

    def channel_name(self, channel: str) -> str:
        names = {"12345": self.tr("12345 hotline"), "110": self.tr("110 police transfer"),
                 "grid": self.tr("grid worker"), "sensor": self.tr("sensor"), "web": self.tr("web"),
                 "walk_in": self.tr("walk-in"), "mailbox": self.tr("mailbox")}
        return names.get(channel, channel)

    # ---- filling in ----------------------------------------------------------------------------

    def _combo_touched(self, combo: QComboBox) -> None:
        if combo is self.priority_combo:
            self._priority_touched = bool(combo.currentData())
            cat = self.catalog.categories.get(self.draft.category)
            if not self._priority_touched:  # "proposed by the category" again
                self.draft.priority = cat.default_priority if cat else ""
        self._refresh()

    def _name(self, thing: Any) -> str:
        return local_name(thing, self.language)

    def _search_categories(self, text: str) -> None:
        self.category_list.clear()
        cat = self.catalog.categories.get(self.draft.category)
        if cat and text.strip() and text.strip() not in (cat.code, self._name(cat)):
            self.draft.category = ""  # typed again: the earlier pick no longer stands
            self._refresh()
        if not text.strip():
            self.category_list.hide()
            return
        for c in self.categories.search(text, 8):
            item = QListWidgetItem(f"{c.code}  {self._name(c)}")
            item.setData(Qt.ItemDataRole.UserRole, c.code)
            self.category_list.addItem(item)
        if self.category_list.count():
            self.category_list.setCurrentRow(0)
        self.category_list.setVisible(bool(text.strip()) and self.category_list.count() > 0)

    def _search_places(self, text: str) -> None:
        self.place_list.clear()
        pair = parse_coords(text)
        if pair is not None:  # pasted coordinates are the place at once: Ctrl+Enter may follow
            self.set_point(*pair)
        elif text.strip() and self.draft.lat is not None and not self._point_from_map:
            self.draft.lat = self.draft.lon = None  # typed again: the earlier place no longer stands
            self.place_changed.emit(None)
            self._refresh()
        kinds = {"street": self.tr("street"), "community": self.tr("community"), "grid": self.tr("grid"),
                 "camera": self.tr("junction"), "coords": self.tr("coordinates")}
        for p in self.places.search(text, 8):
            label = (f"{p.lat:.6f}, {p.lon:.6f}" if p.kind == "coords"
                     else f"{self._name(p)}  ({kinds[p.kind]} {p.code})")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.place_list.addItem(item)
        if self.place_list.count():
            self.place_list.setCurrentRow(0)
        self.place_list.setVisible(self.place_list.count() > 0)

    def pick_category(self, code: str | None = None) -> bool:
        """Take ``code`` (default: the highlighted match); the priority follows unless set by hand."""
        if code is None:
            item = self.category_list.currentItem()
            if item is None:
                return False
            code = item.data(Qt.ItemDataRole.UserRole)
        cat = self.catalog.categories.get(code)
        if cat is None:
            return False
        self.draft.category = code
        self.category_list.hide()  # taken: the line under the field says which
        if not self._priority_touched:
            self.draft.priority = cat.default_priority
        self.place_edit.setFocus(Qt.FocusReason.TabFocusReason)
        self._refresh()
        return True

    def pick_place(self) -> bool:
        item = self.place_list.currentItem()
        if item is None:
            return False
        p = item.data(Qt.ItemDataRole.UserRole)
        self.place_list.hide()
        self.set_point(p.lat, p.lon)
        if p.kind != "coords" and not self.address_edit.text().strip():
            self.address_edit.setText(self._name(p))
        self.address_edit.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def set_point(self, lat: float, lon: float, *, from_map: bool = False) -> None:
        """The place: from the list, pasted, or a click on the map."""
        self._point_from_map = from_map
        self.draft.lat, self.draft.lon = float(lat), float(lon)
        self.place_changed.emit((self.draft.lat, self.draft.lon))
        self._refresh()

    def _sync(self) -> None:
        d = self.draft
        d.channel = self.channel_combo.currentData() or d.channel
        d.caller, d.phone = self.caller_edit.text(), self.phone_edit.text()
        d.address, d.description = self.address_edit.text(), self.description_edit.toPlainText()
        if self._priority_touched:
            d.priority = self.priority_combo.currentData() or d.priority

    def _refresh(self) -> None:
        if not hasattr(self, "report_button"):
            return
        self._sync()
        d = self.draft
        cat = self.catalog.categories.get(d.category)
        if cat:
            prio = self.tr("urgent") if d.priority == "urgent" else self.tr("normal")
            self.category_label.setText(self.tr("✓ {name} ({code}) — {priority}").format(
                name=self._name(cat), code=cat.code, priority=prio))
        else:
            self.category_label.setText(self.tr("No category chosen yet"))
        if d.lat is not None and d.lon is not None:
            place = self.catalog.place_of(d.lat, d.lon)
            names = [self._name(self.catalog.streets.get(place.street or "")),
                     self._name(self.catalog.communities.get(place.community or "")), place.grid or ""]
            where = " · ".join(n for n in names if n) or self.tr("outside the district")
            self.place_label.setText(f"✓ {where}  ({d.lat:.6f}, {d.lon:.6f})")
        else:
            self.place_label.setText(self.tr("No place yet: pick one, paste coordinates, or click the map"))
        if not self._priority_touched and d.priority:
            self.priority_combo.setItemText(0, self.tr("Proposed: {priority}").format(
                priority=self.tr("urgent") if d.priority == "urgent" else self.tr("normal")))
        self._fill_duplicates()

    def _fill_duplicates(self) -> None:
        d = self.draft
        self.duplicates = []
        if d.category and d.lat is not None and d.lon is not None:
            probe = {**d.as_incident(), "reported_at": self._now().isoformat()}
            self.duplicates = derived.merge_suggestions(probe, self.state.incidents, self._now(),
                                                        radius_m=DUPLICATE_RADIUS_M)
        keep = self.dup_list.currentItem().data(Qt.ItemDataRole.UserRole) if self.dup_list.currentItem() else None
        self.dup_list.clear()
        for iid, dist in self.duplicates:
            inc = self.state.incidents.get(iid) or {}
            text = self.tr("{id} — {dist} away — {description}").format(
                id=iid, dist=fmt_distance(dist), description=(inc.get("description") or "")[:50])
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, iid)
            self.dup_list.addItem(item)
            if iid == keep:
                self.dup_list.setCurrentItem(item)
        if self.dup_list.count() and self.dup_list.currentRow() < 0:
            self.dup_list.setCurrentRow(0)
        self.dup_box.setVisible(bool(self.duplicates))
        if not self.duplicates:
            self._confirming = False
        self.dup_caption.setText(
            self.tr("The same category within 100 m in the last 24 h. A: add the caller to the chosen case; "
                    "R or Ctrl+Enter: report a new case anyway.") if self._confirming else
            self.tr("Open cases of the same category within 100 m in the last 24 h."))
        self.add_note_button.setEnabled(bool(self.duplicates))

    # ---- sending -------------------------------------------------------------------------------

    def _say(self, text: str, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(f"color: {OK if ok else ERROR};")

    def problems(self) -> list[str]:
        self._sync()
        return self.draft.problems(self.catalog)

    def _refuse_problems(self) -> bool:
        probs = self.problems()
        if not probs:
            return False
        texts = {"channel": self.tr("Choose the channel."), "phone": self.tr("The phone number is not valid."),
                 "category": self.tr("Choose the category."), "place": self.tr("Give the place."),
                 "outside": self.tr("The place is outside the district."),
                 "description": self.tr("Describe what happened."), "priority": self.tr("Choose the priority.")}
        focus = {"channel": self.channel_combo, "phone": self.phone_edit, "category": self.category_edit,
                 "place": self.place_edit, "outside": self.place_edit, "description": self.description_edit,
                 "priority": self.priority_combo}
        self._say(" ".join(texts[p] for p in probs), False)
        focus[probs[0]].setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def submit(self) -> None:
        """Report (Ctrl+Enter): the first time with likely duplicates, list them and wait for A or R."""
        if self._sending:
            return
        self._fill_duplicates()  # a case another desk reported a moment ago counts too
        if self._refuse_problems():
            return
        if self.duplicates and not self._confirming:
            self._confirming = True
            self._fill_duplicates()
            self._say(self.tr("Likely duplicates found: A adds the caller to the chosen case, R reports anyway."),
                      False)
            self.dup_list.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.report_anyway()

    def report_anyway(self) -> None:
        if self._sending or self._refuse_problems():
            return
        self._sending = True
        self._say(self.tr("Sent; waiting for the hub…"), True)
        op = ops.report(**self.draft.report_args())
        self.bridge.run(op, on_success=self._reported, on_failure=self._failed)

    def add_as_note(self) -> None:
        item = self.dup_list.currentItem()
        if self._sending or item is None or self._refuse_problems():
            return
        self._sending = True
        iid = item.data(Qt.ItemDataRole.UserRole)
        text = caller_note(self.draft, self.channel_name(self.draft.channel),
                           self.tr("Another call ({channel}) from {caller}: {description}"))
        self._say(self.tr("Sent; waiting for the hub…"), True)
        self.bridge.run(ops.note(iid, text), on_success=lambda _r: self._noted(iid), on_failure=self._failed)

    def _reported(self, res: dict[str, Any]) -> None:
        self._sending = False
        iid = str((res.get("incident") or {}).get("id") or res.get("id") or "")
        self.clear()
        self._say(self.tr("Reported as {id}.").format(id=iid), True)
        self.caller_edit.setFocus(Qt.FocusReason.OtherFocusReason)  # ready for the next call
        self.reported.emit(iid)

    def _noted(self, iid: str) -> None:
        self._sending = False
        self.clear()
        self._say(self.tr("The caller was added to {id}.").format(id=iid), True)
        self.caller_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.noted.emit(iid)

    def _failed(self, res: dict[str, Any]) -> None:
        self._sending = False
        self._say(self.tr("Not sent: {code}: {message}").format(code=res.get("code", ""),
                                                                 message=res.get("message", "")), False)

    def clear(self) -> None:
        """A new call: everything but the channel (calls come in runs on one line)."""
        channel = self.draft.channel
        self.draft = Draft(channel=channel)
        self._priority_touched = self._confirming = self._sending = self._point_from_map = False
        for e in (self.caller_edit, self.phone_edit, self.category_edit, self.place_edit, self.address_edit):
            e.clear()
        self.description_edit.clear()
        self.priority_combo.setCurrentIndex(0)
        self.priority_combo.setItemText(0, self.tr("Proposed by the category"))
        self.result_label.clear()
        self.place_changed.emit(None)
        self._refresh()

    def open_new(self) -> None:
        """N: show the form, the caller's name first (the channel keeps its last value)."""
        if not self._placed and self.parentWidget() is not None:
            # first time: over the incident panel's side, so the queue and the map (a click there
            # gives the place) stay in view; moved by hand, it stays where it was put
            self._placed = True
            geo = self.parentWidget().geometry()
            # tall enough for what appears while typing (matches, duplicates) without re-sizing
            self.resize(self.minimumWidth(), max(self.sizeHint().height(), geo.height() - 180))
            self.move(max(geo.x(), geo.x() + geo.width() - self.width() - 16), geo.y() + 90)
        self.show()
        self.raise_()
        self.activateWindow()
        self.caller_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)


def install(window: Any) -> CallForm:
    """The form on ``window`` (MainWindow): the toolbar button and N, the map's clicks and pin,
    the new case selected once reported; only for the roles that take calls."""
    form = CallForm(window.bridge, window.state, window.catalog, language=window.language, parent=window)
    action = QAction(QCoreApplication.translate("MainWindow", "New call (N)"), window, objectName="new-call")
    action.setShortcut(QKeySequence("N"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setEnabled(False)  # until the hub says who we are
    action.triggered.connect(form.open_new)
    # the button sits in the menu bar's row, not a toolbar of its own: the map keeps that height
    button = QToolButton(window.menu_bar(), objectName="new-call-button")  # parented: Python keeps no other
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setStyleSheet("QToolButton { font-weight: bold; padding: 2px 14px; }")
    window.menu_bar().setCornerWidget(button, Qt.Corner.TopLeftCorner)
    window.new_call_button = button
    window.addAction(action)
    window.map.map_clicked.connect(lambda lat, lon: form.set_point(lat, lon, from_map=True) if form.isVisible()
                                   else None)
    form.place_changed.connect(lambda p: window.map.set_pin(*(p or (None,))))
    form.finished.connect(lambda _r: window.map.set_pin(None))
    form.reported.connect(window.state.select)
    form.noted.connect(window.state.select)
    window.state.welcomed.connect(lambda who: action.setEnabled(str(who.role) in TAKER_ROLES))
    window.new_call_action = action
    return form


__all__ = ["CallForm", "TAKER_ROLES", "install"]
