"""The incident queue: table model batches, filter proxy, and the queue view."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QPalette

from console.views import queue
from console.views.queue import (
    Column,
    IncidentFilterProxy,
    IncidentTableModel,
    QueueView,
    SortRole,
)

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
NOW_S = NOW.timestamp()


def iso(t: datetime) -> str:
    return t.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def inc(iid: str, **kw) -> dict:
    d = {
        "id": iid, "state": "reported", "status": "reported", "category": "E0102", "priority": "normal",
        "lat": 43.86, "lon": 125.23, "grid": "220104001001001", "community": "220104001001",
        "street": "220104001", "description": f"case {iid}", "address": None, "source": "grid",
        "reported_at": iso(NOW), "assignee": None, "assignee_kind": None,
        "deadline": iso(NOW + timedelta(hours=1)), "sla": "green", "drill": False, "version": 1,
    }
    d.update(kw)
    if "state" in kw:
        d["status"] = kw["state"]
    return d


@pytest.fixture
def reference(catalog):
    return catalog.to_wire()


@pytest.fixture
def model(qtbot, reference):
    m = IncidentTableModel(now_fn=lambda: NOW_S, countdown_interval_ms=0)
    m.set_reference(reference)
    m.set_language("en")
    yield m
    m.deleteLater()


@pytest.fixture
def proxy(model):
    p = IncidentFilterProxy()
    p.setSourceModel(model)
    yield p
    p.deleteLater()


@pytest.fixture
def view(qtbot, reference):
    v = QueueView(model=IncidentTableModel(now_fn=lambda: NOW_S, countdown_interval_ms=0))
    qtbot.addWidget(v)
    v.set_reference(reference)
    v.set_language("en")
    return v


def recorder(signal) -> list:
    calls: list = []
    signal.connect(lambda *a: calls.append(a))
    return calls


# --- model ---------------------------------------------------------------------------------


def test_apply_inserts_all_new_rows_with_one_rows_inserted_signal(model):
    model.reset([inc("a"), inc("b"), inc("c")])
    inserted = recorder(model.rowsInserted)
    resets = recorder(model.modelAboutToBeReset)
    model.apply([inc("d"), inc("a", version=2), inc("e"), inc("f"), inc("g")])
    assert [(a[1], a[2]) for a in inserted] == [(3, 6)]
    assert not resets
    assert model.ids() == ["a", "b", "c", "d", "e", "f", "g"]
    assert model.row_of("f") == 5


def test_apply_updates_in_place_keeping_row_count_and_without_reset(model):
    model.reset([inc("a"), inc("b"), inc("c")])
    resets = recorder(model.modelAboutToBeReset)
    changed = recorder(model.dataChanged)
    model.apply([inc("b", version=2, state="accepted"), inc("c", version=2, priority="urgent")])
    assert model.rowCount() == 3 and not resets
    assert [(a[0].row(), a[1].row()) for a in changed] == [(1, 2)]  # one signal for the contiguous run
    assert model.data(model.index(1, Column.STATUS)) == "Accepted"
    assert model.data(model.index(2, Column.PRIORITY)) == "Urgent"


def test_apply_removes_final_states_in_contiguous_ranges(model):
    model.reset([inc(x) for x in "abcdef"])
    removed = recorder(model.rowsRemoved)
    model.apply([inc("b", state="closed", version=2), inc("c", state="rejected", version=2),
                 inc("e", state="merged", version=2)])
    assert model.ids() == ["a", "d", "f"]
    assert sorted((a[1], a[2]) for a in removed) == [(1, 2), (4, 4)]
    assert [model.row_of(x) for x in "adf"] == [0, 1, 2]
    assert model.row_of("b") is None


def test_apply_ignores_older_versions_and_new_final_incidents(model):
    model.reset([inc("a", version=3, description="newest")])
    model.apply([inc("a", version=2, description="stale"), inc("z", state="closed")])
    assert model.ids() == ["a"]
    assert model.incident(0)["description"] == "newest"


def test_reopened_within_the_same_batch_stays(model):
    model.reset([inc("a")])
    model.apply([inc("a", state="closed", version=2), inc("a", state="reported", version=3)])
    assert model.ids() == ["a"]


def test_countdown_shows_time_left_and_overdue_against_the_injected_clock(model):
    model.reset([inc("a", deadline=iso(NOW + timedelta(seconds=5025))),
                 inc("b", deadline=iso(NOW - timedelta(minutes=5))), inc("c", deadline=None, sla=None)])
    text = [model.data(model.index(r, Column.DEADLINE)) for r in range(3)]
    assert text == ["1:23:45", "-0:05:00 overdue", ""]
    now = [NOW_S]
    model.now_fn = lambda: now[0]
    now[0] += 25
    assert model.data(model.index(0, Column.DEADLINE)) == "1:23:20"


def test_countdown_refresh_is_one_signal_over_the_deadline_and_sla_columns(model):
    model.reset([inc(str(k)) for k in range(50)])
    changed = recorder(model.dataChanged)
    model.refresh_countdown()
    assert len(changed) == 1
    tl, br, _roles = changed[0]
    assert (tl.row(), tl.column(), br.row(), br.column()) == (0, Column.DEADLINE, 49, Column.SLA)


def test_sla_column_has_palette_colours_and_the_palette_can_be_set(model):
    model.reset([inc("a", sla="red"), inc("b", sla=None)])
    red = model.palette["red"]
    assert model.data(model.index(0, Column.SLA), Qt.ItemDataRole.BackgroundRole).color() == QColor(red[0])
    assert model.data(model.index(0, Column.SLA), Qt.ItemDataRole.ForegroundRole).color() == QColor(red[1])
    assert model.data(model.index(1, Column.SLA), Qt.ItemDataRole.BackgroundRole) is None
    model.palette = {**model.palette, "red": ("#ff0000", "#000000")}
    assert model.data(model.index(0, Column.SLA), Qt.ItemDataRole.BackgroundRole).color() == QColor("#ff0000")


def test_sort_role_gives_comparable_keys_and_user_role_the_incident(model):
    d = NOW + timedelta(minutes=7)
    model.reset([inc("a", priority="urgent", deadline=iso(d)), inc("b", priority="normal", deadline=None)])
    assert model.data(model.index(0, Column.PRIORITY), SortRole) < model.data(model.index(1, Column.PRIORITY), SortRole)
    assert model.data(model.index(0, Column.DEADLINE), SortRole) == pytest.approx(d.timestamp())
    assert model.data(model.index(1, Column.DEADLINE), SortRole) == float("inf")
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole)["id"] == "a"


def test_language_switch_changes_category_names(model):
    model.reset([inc("a", category="P0101")])
    idx = model.index(0, Column.CATEGORY)
    assert model.data(idx) == "Water-supply manhole cover"
    model.set_language("zh_CN")
    assert model.data(idx) == "上水井盖"
    assert "subdistrict" not in model.data(model.index(0, Column.PLACE)).lower()


def test_place_shows_street_name_and_grid_code(model):
    model.reset([inc("a")])
    assert model.data(model.index(0, Column.PLACE)) == "Qianjin Subdistrict / 220104001001001"


# --- proxy -------------------------------------------------------------------------------

FILTER_CASES = [
    ({"status": {"accepted"}}, {"b"}),
    ({"category": "E01"}, {"a", "b", "c"}),
    ({"category": "P"}, {"d", "e"}),
    ({"category": "P0101"}, {"d"}),
    ({"street": "220104002"}, {"c", "e"}),
    ({"grid": "220104002002"}, {"c"}),
    ({"source": "hotline"}, {"b", "d"}),
    ({"sla": "red"}, {"a", "e"}),
    ({"sla": "none"}, {"d"}),
    ({"drill": True}, {"c"}),
    ({"drill": False}, {"a", "b", "d", "e"}),
    ({"text": "WATER-SUPPLY"}, {"d"}),  # category name, case-insensitive
    ({"text": "桂林路"}, {"c"}),  # address
    ({"text": "case-b"}, {"b"}),  # id
    ({"text": "garbage smell"}, {"a"}),  # every term, anywhere
    ({"sla": {"red", "blue"}, "source": "grid"}, {"a", "c", "e"}),
    ({"status": {"reported", "accepted"}, "text": "case", "drill": False}, {"a", "b", "d", "e"}),
]


def _filter_data() -> list[dict]:
    return [
        inc("case-a", category="E0102", sla="red", description="garbage piles, bad smell"),
        inc("case-b", category="E0101", state="accepted", source="hotline", sla="green"),
        inc("case-c", category="E0103", street="220104002", grid="220104002002005", drill=True, sla="blue",
            address="桂林路 12 号"),
        inc("case-d", category="P0101", source="hotline", sla=None, deadline=None),
        inc("case-e", category="P0102", street="220104002", grid="220104002003001", sla="red"),
    ]


@pytest.mark.parametrize(("filters", "expected"), FILTER_CASES, ids=[str(f) for f, _ in FILTER_CASES])
def test_each_filter_and_combinations_select_the_matching_incidents(model, proxy, filters, expected):
    model.reset(_filter_data())
    proxy.set_filters(**filters)
    assert {i.removeprefix("case-") for i in proxy.ids()} == expected
    # filterAcceptsRow agrees row by row
    assert {model.incident(r)["id"].removeprefix("case-") for r in range(model.rowCount())
            if proxy.filterAcceptsRow(r, QModelIndex())} == expected


def test_set_filters_refilters_once_and_none_clears(model, proxy):
    model.reset(_filter_data())
    resets = recorder(proxy.modelReset)
    proxy.set_filters(source="hotline", sla="red", drill=False)
    assert len(resets) == 1 and proxy.rowCount() == 0
    proxy.set_filters(source=None, sla=None, drill=None)
    assert proxy.rowCount() == 5


def test_sorting_by_deadline_and_priority(model, proxy):
    model.reset([inc("a", deadline=iso(NOW + timedelta(hours=3))), inc("b", deadline=None, priority="urgent"),
                 inc("c", deadline=iso(NOW - timedelta(hours=1)), priority="urgent"),
                 inc("d", deadline=iso(NOW + timedelta(hours=1)))])
    proxy.sort(Column.DEADLINE, Qt.SortOrder.AscendingOrder)
    assert proxy.ids() == ["c", "d", "a", "b"]  # overdue first, no deadline last
    proxy.sort(Column.DEADLINE, Qt.SortOrder.DescendingOrder)
    assert proxy.ids() == ["b", "a", "d", "c"]
    proxy.sort(Column.PRIORITY, Qt.SortOrder.AscendingOrder)
    assert proxy.ids() == ["b", "c", "a", "d"]  # urgent first, ties in arrival order
    assert proxy.sortColumn() == Column.PRIORITY
    proxy.sort(-1)
    assert proxy.ids() == ["a", "b", "c", "d"]


def test_sort_keeps_persistent_indexes_on_their_incidents(model, proxy):
    model.reset([inc(x, deadline=iso(NOW + timedelta(minutes=m))) for x, m in zip("abc", (30, 10, 20), strict=True)])
    kept = [proxy.index(0, 0)]
    from PySide6.QtCore import QPersistentModelIndex

    p = QPersistentModelIndex(kept[0])
    proxy.sort(Column.DEADLINE)
    assert proxy.data(proxy.index(p.row(), 0)) == "a"


def _expected(model: IncidentTableModel, proxy: IncidentFilterProxy) -> list[str]:
    """Brute force: filter every row one by one, stable-sort by the SortRole keys."""
    rows = [r for r in range(model.rowCount()) if proxy.filterAcceptsRow(r, QModelIndex())]
    col = proxy.sortColumn()
    if col >= 0:
        rows.sort(key=lambda r: model.sort_key(r, col), reverse=proxy.sortOrder() == Qt.SortOrder.DescendingOrder)
    return [model.incident(r)["id"] for r in rows]


@pytest.mark.parametrize("compact_at", [1024, 2])
@pytest.mark.parametrize("seed", range(5))
def test_proxy_follows_batches_like_a_full_resort_and_refilter(model, proxy, seed, compact_at, monkeypatch):
    """Per-batch inserts, moves and removals in the proxy end where a full sort and filter would
    (also when the row renumbering after removals is compacted often)."""
    monkeypatch.setattr(queue._Holes, "compact_at", compact_at)
    rnd = random.Random(seed)
    cats = ["E0101", "E0102", "P0101"]

    def rand(iid: str, version: int) -> dict:
        return inc(iid, version=version, category=rnd.choice(cats), priority=rnd.choice(["urgent", "normal"]),
                   sla=rnd.choice(["green", "blue", "red", None]), source=rnd.choice(["grid", "hotline"]),
                   state=rnd.choice(["reported", "accepted", "dispatched", "closed"] if version > 1 else ["reported"]),
                   deadline=rnd.choice([None, iso(NOW + timedelta(minutes=rnd.randrange(-60, 60)))]))

    model.reset([rand(f"i{k}", 1) for k in range(60)])
    col = rnd.choice([-1, Column.DEADLINE, Column.PRIORITY, Column.SLA, Column.ID])
    proxy.sort(col, rnd.choice([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder]))
    proxy.set_filters(**rnd.choice([{}, {"sla": {"red", "blue"}}, {"source": "grid"}, {"category": "E01"}]))
    assert proxy.ids() == _expected(model, proxy)
    resets = recorder(proxy.modelAboutToBeReset)
    layouts = recorder(proxy.layoutChanged)
    nxt = 60
    for batch in range(15):
        ups = []
        for iid in rnd.sample(model.ids(), min(8, model.rowCount())):
            ups.append(rand(iid, model.incident(model.row_of(iid))["version"] + 1))
        for _ in range(rnd.randrange(4)):
            ups.append(rand(f"i{nxt}", 1))
            nxt += 1
        model.apply(ups)
        assert proxy.ids() == _expected(model, proxy), f"batch {batch}"
        assert all(model.row_of(model.incident(r)["id"]) == r for r in range(model.rowCount()))
        for p in range(proxy.rowCount()):  # mapping both ways
            assert proxy.mapFromSource(proxy.mapToSource(proxy.index(p, 3))).row() == p
    assert not resets and not layouts


def test_text_filter_narrowing_keeps_the_sort(model, proxy):
    model.reset([inc(f"x{k}", description=f"pile-{k}", deadline=iso(NOW + timedelta(minutes=50 - k)))
                 for k in range(20)])
    proxy.sort(Column.DEADLINE)
    proxy.set_filters(text="pile-1")
    assert proxy.ids() == ["x19", "x18", "x17", "x16", "x15", "x14", "x13", "x12", "x11", "x10", "x1"]
    proxy.set_filters(text="pile-12")
    assert proxy.ids() == ["x12"]
    proxy.set_filters(text="pile")
    assert proxy.rowCount() == 20


def test_countdown_tick_is_forwarded_as_one_signal(model, proxy):
    model.reset([inc(str(k)) for k in range(30)])
    proxy.sort(Column.DEADLINE)
    proxy.set_filters(text="1")
    changed = recorder(proxy.dataChanged)
    model.refresh_countdown()
    assert len(changed) == 1
    assert (changed[0][0].row(), changed[0][1].row()) == (0, proxy.rowCount() - 1)


def test_language_switch_resorts_by_category_name(model, proxy):
    model.reset([inc("a", category="P0101"), inc("b", category="E0102")])
    proxy.sort(Column.CATEGORY)
    en = proxy.ids()
    model.set_language("zh_CN")
    assert [proxy.data(proxy.index(r, Column.CATEGORY)) for r in range(2)] == sorted(
        model.data(model.index(r, Column.CATEGORY)).lower() for r in range(2))
    assert en == ["b", "a"]  # "Exposed…" < "Water…"


# --- view --------------------------------------------------------------------------------


def test_select_incident_maps_through_the_proxy_after_sorting_and_filtering(view):
    view.model.reset([inc(f"i{k}", deadline=iso(NOW + timedelta(minutes=100 - k)), source="grid" if k % 2 else "web")
                      for k in range(40)])
    view.table.sortByColumn(Column.DEADLINE, Qt.SortOrder.AscendingOrder)
    view.proxy.set_filters(source="grid")
    assert view.select_incident("i7")
    cur = view.table.currentIndex()
    assert view.proxy.data(view.proxy.index(cur.row(), Column.ID)) == "i7"
    assert view.table.selectionModel().isRowSelected(cur.row(), QModelIndex())
    assert not view.select_incident("i8")  # filtered out


def test_incident_selected_is_emitted_when_the_current_row_changes(view, qtbot):
    view.model.reset([inc("a"), inc("b")])
    with qtbot.waitSignal(view.incident_selected) as blocker:
        view.table.setCurrentIndex(view.proxy.index(1, 0))
    assert blocker.args == [view.proxy.incident(1)["id"]]


def test_keyboard_down_moves_and_enter_activates(view, qtbot):
    view.model.reset([inc("a"), inc("b"), inc("c")])
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    with qtbot.waitSignal(view.incident_selected) as moved:
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert moved.args == [view.proxy.incident(1)["id"]]
    with qtbot.waitSignal(view.activated) as act:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert act.args == [view.proxy.incident(1)["id"]]


def test_selection_survives_a_filter_change(view):
    view.model.reset([inc(f"i{k}", source="grid" if k % 2 else "web") for k in range(10)])
    view.select_incident("i5")
    view.proxy.set_filters(source="grid")
    assert view.selected_id() == "i5"
    assert view.proxy.incident(view.table.currentIndex().row())["id"] == "i5"


def test_text_box_filters_after_the_debounce_and_count_label_follows(view, qtbot):
    view.model.reset([inc("a", description="broken lamp"), inc("b", description="garbage")])
    assert view.count_label.text() == "2 shown of 2"
    view.text_edit.setText("LAMP")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)
    assert view.count_label.text() == "1 shown of 2"


def test_combos_drive_the_filters(view):
    view.model.reset(_filter_data())
    combo = view.sla_combo
    combo.setCurrentIndex(combo.findData("red"))
    assert view.proxy.filters()["sla"] == {"red"}
    view.drill_combo.setCurrentIndex(view.drill_combo.findData(True))
    assert view.proxy.ids() == []
    view.drill_combo.setCurrentIndex(0)
    view.category_combo.setCurrentIndex(view.category_combo.findData("P"))
    assert view.proxy.ids() == ["case-e"]
    view.source_combo.setCurrentIndex(view.source_combo.findData("hotline"))
    view.sla_combo.setCurrentIndex(0)
    view.status_combo.setCurrentIndex(0)
    assert view.proxy.ids() == ["case-d"]
    view.street_combo.setCurrentIndex(view.street_combo.findData("220104002"))
    assert view.proxy.ids() == []


def test_view_language_switch_renames_categories_in_table_and_combo(view):
    view.model.reset([inc("a", category="P0101")])
    i = view.category_combo.findData("P0101")
    assert "Water-supply manhole cover" in view.category_combo.itemText(i)
    view.set_language("zh_CN")
    assert "上水井盖" in view.category_combo.itemText(view.category_combo.findData("P0101"))
    assert view.proxy.data(view.proxy.index(0, Column.CATEGORY)) == "上水井盖"


def test_header_strings_come_from_the_model(view):
    assert view.proxy.headerData(Column.DEADLINE, Qt.Orientation.Horizontal) == "Time left"


# --- painting --------------------------------------------------------------------------------


def test_cell_gives_what_data_gives_for_the_painted_roles(model):
    model.reset([inc("a", sla="red"), inc("b", sla=None, priority="urgent")])
    for r in range(2):
        for c in Column:
            text, bg, fg, right = model.cell(r, c)
            idx = model.index(r, c)
            assert text == model.data(idx)
            want_bg = model.data(idx, Qt.ItemDataRole.BackgroundRole)
            assert (bg is None) == (want_bg is None) and (bg is None or bg.color() == want_bg.color())
            want_fg = model.data(idx, Qt.ItemDataRole.ForegroundRole)
            assert (fg is None) == (want_fg is None) and (fg is None or fg == want_fg.color())
            assert right == (model.data(idx, Qt.ItemDataRole.TextAlignmentRole) is not None)


def test_delegate_is_installed_and_paints_sla_colour_text_and_selection(view, qtbot):
    assert isinstance(view.table.itemDelegate(), queue.QueueItemDelegate)
    view.model.reset([inc("a", sla="red", deadline=iso(NOW + timedelta(minutes=1))),
                      inc("b", sla="green", deadline=iso(NOW + timedelta(minutes=2)))])
    view.resize(1400, 400)
    view.show()
    qtbot.waitExposed(view)
    t = view.table

    def pixel(row: int, col: int, image) -> QColor:
        r = t.visualRect(view.proxy.index(row, col))
        return QColor(image.pixel(r.left() + 1, r.bottom() - 1))  # a corner: background, not text

    def has_text(row: int, col: int, image) -> bool:
        r = t.visualRect(view.proxy.index(row, col))
        bg = pixel(row, col, image)
        return any(QColor(image.pixel(x, r.center().y())) != bg for x in range(r.left() + 3, r.right() - 3))

    img = t.viewport().grab().toImage()
    assert view.proxy.incident(0)["id"] == "a"
    assert pixel(0, Column.SLA, img) == QColor(view.model.palette["red"][0])
    assert pixel(1, Column.SLA, img) == QColor(view.model.palette["green"][0])
    assert has_text(0, Column.SLA, img) and has_text(0, Column.ID, img)
    assert not has_text(0, Column.ASSIGNEE, img)  # nobody assigned: nothing drawn

    view.select_incident("a")
    img = t.viewport().grab().toImage()
    group = QPalette.ColorGroup.Normal if t.isActiveWindow() else QPalette.ColorGroup.Inactive
    assert pixel(0, Column.SLA, img) == t.palette().color(group, QPalette.ColorRole.Highlight)


def test_delegate_elides_with_an_ellipsis_and_caches_the_layout(view):
    d = view.table.itemDelegate()
    d._begin_paint()
    long = "Water-supply manhole cover " * 5
    st, width = d._laid_out(long, 80)
    assert st.text().endswith("…") and width <= 80
    assert d._laid_out(long, 80)[0] is st
    assert d._laid_out("ID", 80)[0].text() == "ID"


def test_delegate_lets_go_of_texts_not_painted_for_two_generations(view):
    """A shift's stream of new texts (countdowns, new cases) must not pile up in the cache."""
    d = view.table.itemDelegate()
    d._begin_paint()
    kept, gone = d._laid_out("12 min", 80), d._laid_out("13 min", 80)

    def next_generation():
        d._generation_at -= d.GENERATION_S
        d._begin_paint()

    next_generation()
    assert d._laid_out("12 min", 80) is kept  # painted again: carried into the new generation
    next_generation()
    assert d._laid_out("12 min", 80) is kept
    assert ("13 min", 80) not in d._texts and ("13 min", 80) not in d._older  # unpainted for two: let go
    assert d._laid_out("13 min", 80) is not gone
