"""What the incident panel sends and how it fills its choices: the command for each action
(named builders from console.state.ops, refused here with the reason next to the control), the
dispatch, escalation and reopen targets, the duplicate suggestions. Functions of the panel, with
its translation context."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# the actions whose note field says why: the hub refuses them without one
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QListWidgetItem,
)

from console.models.recommend import fmt_distance
from console.state import derived, ops
from console.state.ops import Op

from .common import _NEEDS_NOTE, _NO_RATING, PENDING_COLOUR, RECOMMEND_LIMIT, _fmt_span, _when


def _combo_restore(self, combo: QComboBox, keep: Any) -> None:
    i = combo.findData(keep) if keep is not None else -1
    combo.setCurrentIndex(i if i >= 0 else 0)


def _fill_dispatch_targets(self) -> None:
    inc, cat = self._incident, self._catalog
    keep = self.dispatch_combo.currentData()
    self.dispatch_combo.clear()
    self._recs = []
    if not inc or not cat:
        return
    # unknown category or no position: no ranking, every target still listed
    self._recs = derived.recommend(cat, inc, self._team_status(), RECOMMEND_LIMIT)
    for r in self._recs:
        team = cat.teams.get(r.team)
        label = QCoreApplication.translate("IncidentPanel", "★ {name} — {dist}, {load} open").format(
            name=self._name(team) or r.team, dist=fmt_distance(r.distance_m), load=r.load)
        if not r.capable:
            label += " " + QCoreApplication.translate("IncidentPanel", "(not capable)")
        self.dispatch_combo.addItem(label, f"team:{r.team}")
        self.dispatch_combo.setItemData(self.dispatch_combo.count() - 1,
                                        r.reason_zh if self._lang == "zh_CN" else r.reason,
                                        Qt.ItemDataRole.ToolTipRole)
    recommended = {r.team for r in self._recs}
    if self._recs:
        self.dispatch_combo.insertSeparator(self.dispatch_combo.count())
    for tid, team in sorted(cat.teams.items()):
        if tid not in recommended:
            self.dispatch_combo.addItem(f"{self._name(team)} ({tid})", f"team:{tid}")
    self.dispatch_combo.insertSeparator(self.dispatch_combo.count())
    for did, dept in sorted(cat.departments.items()):
        label = QCoreApplication.translate("IncidentPanel", "Department: {name}").format(name=self._name(dept))
        self.dispatch_combo.addItem(label, f"department:{did}")
    self._combo_restore(self.dispatch_combo, keep)


def _fill_departments(self) -> None:
    cat, inc = self._catalog, self._incident
    keep = self.escalate_combo.currentData()
    self.escalate_combo.clear()
    if not cat:
        return
    for did, dept in sorted(cat.departments.items()):
        self.escalate_combo.addItem(f"{self._name(dept)} ({did})", did)
    if keep is None and inc:  # default: the category's responsible department
        c = cat.categories.get(inc.get("category") or "")
        keep = c.department if c else None
    self._combo_restore(self.escalate_combo, keep)


def _fill_reopen_targets(self) -> None:
    cat = self._catalog
    keep = self.reopen_combo.currentData()
    self.reopen_combo.clear()
    if not cat:
        return
    self.reopen_combo.addItem(QCoreApplication.translate("IncidentPanel", "Reopen to…"), None)
    for tid, team in sorted(cat.teams.items()):
        self.reopen_combo.addItem(f"{self._name(team)} ({tid})", f"team:{tid}")
    for did, dept in sorted(cat.departments.items()):
        label = QCoreApplication.translate("IncidentPanel", "Department: {name}").format(name=self._name(dept))
        self.reopen_combo.addItem(label, f"department:{did}")
    self._combo_restore(self.reopen_combo, keep)


def _fill_merge_suggestions(self) -> None:
    keep = self.merge_list.currentItem().data(Qt.ItemDataRole.UserRole) if self.merge_list.currentItem() else None
    self.merge_list.blockSignals(True)  # refilling must not overwrite a typed id
    self.merge_list.clear()
    others = self._incidents_fn() or {}
    now = self._now()
    for oid, dist in self.merge_suggestions():
        other = others.get(oid) or {}
        when = _when(other.get("reported_at"))
        ago = _fmt_span((now - when).total_seconds()) if when else ""
        text = QCoreApplication.translate("IncidentPanel", "{id} — {dist}, reported {ago} ago — {desc}").format(
            id=oid, dist=fmt_distance(dist), ago=ago, desc=(other.get("description") or "")[:60])
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, oid)
        self.merge_list.addItem(item)
        if oid == keep:
            self.merge_list.setCurrentItem(item)
    self.merge_list.blockSignals(False)


def _merge_pick(self, item: QListWidgetItem | None, _prev: QListWidgetItem | None = None) -> None:
    if item is not None:
        self.merge_id_edit.setText(item.data(Qt.ItemDataRole.UserRole))


def _send(self, op: Op) -> None:
    inc = self._incident
    assert inc is not None
    self._set_result(QCoreApplication.translate("IncidentPanel", "Sent; waiting for the hub…"), PENDING_COLOUR)
    self.command_requested.emit(op.name, {**op.args, "expect_version": inc.get("version")})


def _target(self, data: Any) -> dict[str, str]:
    kind, _, ident = str(data or "").partition(":")
    return {kind: ident} if kind in ("team", "department") and ident else {}


def _trigger(self, name: str) -> None:
    if not self._usable(name):
        return
    note = self.note_edit.toPlainText().strip() or None
    if name in _NEEDS_NOTE and not note:
        self._refuse(QCoreApplication.translate("IncidentPanel", "Write the reason in the note field first.")
                     if name != "note"
                     else QCoreApplication.translate("IncidentPanel", "Write the note first."), self.note_edit)
        return
    iid = self._incident["id"]
    simple: dict[str, Callable[[], Op]] = {
        "accept": lambda: ops.accept(iid, note), "acknowledge": lambda: ops.acknowledge(iid, note),
        "reject": lambda: ops.reject(iid, note), "return": lambda: ops.return_(iid, note),
        "resolve": lambda: ops.resolve(iid, note), "verify_pass": lambda: ops.verify(iid, True, note),
        "verify_fail": lambda: ops.verify(iid, False, note), "note": lambda: ops.note(iid, note)}
    op = simple[name]() if name in simple else getattr(self, f"_op_{name}")(iid, note)
    if op is not None:  # None: refused here, with the reason shown next to the control
        self._send(op)


def _op_dispatch(self, iid: str, note: str | None) -> Op | None:
    target = self._target(self.dispatch_combo.currentData())
    if not target:
        self._refuse(QCoreApplication.translate("IncidentPanel", "Choose a team or department."), self.dispatch_combo)
        return None
    assist = [a for a in self.assist_ids() if a not in target.values()]
    return ops.dispatch(iid, note=note, assist=assist or None, **target)


def _op_escalate(self, iid: str, note: str | None) -> Op | None:
    dept = self.escalate_combo.currentData()
    if not dept:
        self._refuse(QCoreApplication.translate("IncidentPanel", "Choose a department."), self.escalate_combo)
        return None
    return ops.escalate(iid, dept, note or "")


def _op_merge(self, iid: str, note: str | None) -> Op | None:
    into = self.merge_id_edit.text().strip()
    if not into or into == iid:
        self._refuse(QCoreApplication.translate("IncidentPanel", "Choose the incident this one duplicates."),
                     self.merge_id_edit)
        return None
    return ops.merge(iid, into, note)


def _op_close(self, iid: str, note: str | None) -> Op | None:
    sat = self.satisfaction_combo.currentData()
    if sat is None:
        self._refuse(QCoreApplication.translate("IncidentPanel", "Choose the call-back rating, or “no call-back”."),
                     self.satisfaction_combo)
        return None
    return ops.close(iid, None if sat == _NO_RATING else int(sat), note)


def _op_reopen(self, iid: str, note: str | None) -> Op | None:
    target: dict[str, str] = {}
    if not self._incident.get("assignee"):
        target = self._target(self.reopen_combo.currentData())
        if not target:
            why = QCoreApplication.translate("IncidentPanel", "This case never had an assignee: choose who gets it.")
            self._refuse(why, self.reopen_combo)
            return None
    return ops.reopen(iid, note or "", **target)


def _dispatch_first(self) -> None:
    if not self._usable("dispatch"):
        return
    if not self._recs:
        why = QCoreApplication.translate("IncidentPanel", "No free team to recommend; choose a target in the list.")
        self._refuse(why, self.dispatch_combo)
        return
    self._send(ops.dispatch(self._incident["id"], team=self._recs[0].team,
                            note=self.note_edit.toPlainText().strip() or None))
