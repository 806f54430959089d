"""Screenshots of the desk's case life (issue 13) on the 1920×1080 desk under Xvfb, in both
languages: the call-taking form with a likely duplicate listed (call-form-*.png), the incident
panel of a jointly dispatched case with each party's acknowledgement, a pending request for more
time and an urge (joint-dispatch-*.png), and the history view finding closed cases
(history-*.png), the Evaluation view by street (evaluation-*.png) with its intake chart
(evaluation-flow-*.png), and the shift-handover PDF (handover-*.pdf) with its pages as images
(handover-*-N.png, by pdftoppm from poppler-utils); and the shift replay (issue 16,
replay-*.png): *Replay this shift* over the demo shift so far, seeked to its middle — the amber
REPLAY band, the slider's marks (cases reported, turned red, escalated), every panel at that
moment. The live state is tools/screenshot_map.py's: a real hub, the demo feed, a night's
backlog. `python tools/screenshot_desk.py [--out docs/screenshots] [--only desk|replay]`."""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--langs", default="zh_CN,en")
    ap.add_argument("--max-wait", type=float, default=60.0)
    ap.add_argument("--only", default="desk,replay",
                    help="the steps to shoot, of desk (call form … handover) and replay; default both")
    ap.add_argument("--shift-run", type=float, default=120.0,
                    help="seconds the demo shift runs (from the hub's start) before it is replayed")
    opts = ap.parse_args()
    steps = set(opts.only.split(","))
    if steps - {"desk", "replay"}:
        ap.error(f"--only: unknown steps {', '.join(sorted(steps - {'desk', 'replay'}))} (desk, replay)")

    from tools import xscreen

    if xscreen.current() is None:
        sys.exit(xscreen.run_on_screen("desk", sys.argv))

    from console.models.calltaking import initials
    from console.models.catalog import load_catalog
    from console.models.lifecycle import Actor, Role
    from console.views.app import make_app
    from console.views.map import release_pages
    from tools.screenshot_map import (
        _snapshot,
        _submit,
        close_window,
        live_state,
        open_window,
        pump,
        settled_grab,
        wait_map_populated,
        wait_until,
    )

    app = make_app(["screenshots"])
    catalog = load_catalog()
    began = datetime.now(UTC).replace(microsecond=0)  # the demo shift's beginning: the hub starts now
    state = live_state(catalog, max_wait=opts.max_wait)
    hub = state.hub
    sup = Actor(state.supervisor.name, Role.SUPERVISOR)
    teams = sorted(catalog.teams)
    lead, helper, dept = teams[0], teams[3], "D-GA"
    crew = Actor("zhao.qiang", Role.FIELD, lead)
    helper_crew = Actor("sun.wei", Role.FIELD, helper)

    def ok(actor: Actor, name: str, args: dict) -> dict:
        res = _submit(hub, actor, name, args)
        assert res.get("ok"), (name, res)
        return res.get("incident") or {}

    # the shift's closed cases, for the history view
    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    closed: list[str] = []
    jid = ""
    if "desk" in steps:
        for k, code in enumerate(("E0102", "P0101", "E0406", "E0301", "P0211")):
            g = grids[(k * 37) % len(grids)]
            inc = ok(sup, "incident.report", {"category": code, "lat": g.centroid[0], "lon": g.centroid[1],
                                              "description": ["暴露垃圾已清运", "井盖破损已更换", "路面积水已排除",
                                                              "占道经营已劝离", "护栏修复完成"][k],
                                              "source": "12345", "reporter": "市民", "caller_phone": "13900001111"})
            for name, args in (("incident.accept", {}), ("incident.dispatch", {"team": teams[k % len(teams)]}),
                               ("incident.acknowledge", {}), ("incident.resolve", {"note": "处置完毕"}),
                               ("incident.callback", {"reached": True, "satisfaction": 5 - k % 2}),
                               ("incident.verify", {"passed": True}), ("incident.close", {"satisfaction": 5 - k % 2})):
                ok(sup, name, {"incident": inc["id"], **args})
            closed.append(inc["id"])

        # a jointly dispatched case: the lead signed, one assist signed, the department not yet; more
        # time asked by the lead's crew; urged once
        g = grids[len(grids) // 2]
        joint = ok(sup, "incident.report", {"category": "E0406", "lat": g.centroid[0], "lon": g.centroid[1],
                                            "description": "路口严重积水，需排水、交警、城管联合处置",
                                            "source": "110", "reporter": "李女士", "caller_phone": "13812345678"})
        jid = joint["id"]
        ok(sup, "incident.accept", {"incident": jid})
        ok(sup, "incident.dispatch", {"incident": jid, "team": lead, "assist": [helper, dept], "note": "联合处置"})
        ok(crew, "incident.acknowledge", {"incident": jid})
        ok(helper_crew, "incident.acknowledge", {"incident": jid})
        dl = datetime.fromisoformat(ok(sup, "incident.urge", {"incident": jid, "level": 1, "note": "请尽快到场"})
                                    ["deadline"].replace("Z", "+00:00"))
        ok(crew, "incident.extend", {"incident": jid, "until": (dl + timedelta(hours=4)).astimezone(UTC).isoformat(),
                                     "reason": "需调用抽水泵车"})

    def shoot(window, lang: str) -> None:
        # 1. the call-taking form: a call about an open case's spot, its duplicate listed
        held = window.state.incidents
        dup = next((i for i in held.values() if i.get("state") in ("reported", "accepted")
                    and i.get("category") in catalog.categories and i.get("grid")), None)
        form = window.call_form
        window.new_call_action.trigger()
        form.caller_edit.setText("王先生")
        form.phone_edit.setText("138 1234 5678")
        if dup is not None:
            cat = catalog.categories[dup["category"]]
            form.category_edit.setText(initials(cat.name_zh))
            form.pick_category(cat.code)
            form.place_edit.setText(dup["grid"])
            form.pick_place()  # the grid, as Enter takes it; then the spot, as a click on the map gives it
            form.set_point(float(dup["lat"]) + 0.0002, float(dup["lon"]))
        form.address_edit.setText("红旗街与西安大路交口东北角" if lang == "zh_CN"
                                  else "NE corner, Hongqi St / Xi'an Rd")
        form.description_edit.setPlainText("来电反映此处问题仍未处理，影响通行" if lang == "zh_CN"
                                           else "The caller says it is still there and blocks the way")
        form.submit()  # with a duplicate: lists it and waits for A or R
        path = opts.out / f"call-form-{lang}.png"
        settled_grab(app, window, at_least=1.5, screen=True).save(str(path))
        print(f"wrote {path}: duplicate {dup and dup['id']}", flush=True)
        form.clear()
        form.hide()

        # 2. the jointly dispatched case in the incident panel
        wait_until(app, lambda: jid in window.state.incidents, 10, "the joint case")
        window.state.select(jid)
        wait_until(app, lambda: (window.panel.incident() or {}).get("id") == jid
                   and window.panel.history_view.topLevelItemCount() >= 6, 10, "the joint case's timeline")
        window.panel.scroll.verticalScrollBar().setValue(0)
        path = opts.out / f"joint-dispatch-{lang}.png"
        settled_grab(app, window, at_least=1.5, screen=True).save(str(path))
        print(f"wrote {path}: {jid}", flush=True)

        # 3. the history view: the shift's closed cases
        window.docks["history"].raise_()
        view = window.history
        view.status_combo.setCurrentIndex(max(0, view.status_combo.findData("closed")))
        view.search()
        wait_until(app, lambda: not view.pending and view.table.rowCount() >= len(closed), 10, "the history")
        view.table.selectRow(0)
        path = opts.out / f"history-{lang}.png"
        settled_grab(app, window, at_least=1.5, screen=True).save(str(path))
        print(f"wrote {path}: {view.table.rowCount()} rows", flush=True)

        # 4. the numbers (issue 15): by street, today
        window.docks["evaluation"].raise_()
        ev = window.evaluation
        ev.group_combo.setCurrentIndex(ev.group_combo.findData("street"))
        wait_until(app, lambda: not ev.pending and bool(ev.rows), 10, "the numbers")
        path = opts.out / f"evaluation-{lang}.png"
        settled_grab(app, window, at_least=1.5, screen=True).save(str(path))
        print(f"wrote {path}: {len(ev.rows)} groups", flush=True)
        ev.charts.setCurrentIndex(1)  # intake and closure over the day
        wait_until(app, lambda: bool(ev.series), 10, "the series")
        path = opts.out / f"evaluation-flow-{lang}.png"
        settled_grab(app, window, at_least=1.0, screen=True).save(str(path))
        print(f"wrote {path}", flush=True)
        ev.charts.setCurrentIndex(0)

        # 5. the shift-handover report (a PDF), and its pages as images (pdftoppm)
        pdf = opts.out / f"handover-{lang}.pdf"
        assert ev.handover_to(str(pdf)), ev.status.text()
        wait_until(app, lambda: ev.job is None, 60, "the handover report")
        for old in opts.out.glob(f"handover-{lang}-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(opts.out / f"handover-{lang}")], check=True)
        print(f"wrote {pdf} ({ev.status.text()}) and its pages", flush=True)

    # ---- the shift replayed (issue 16) ----------------------------------------------------------

    def marks(since: datetime, until: datetime) -> list[dict]:
        """``query.marks`` over the span, read from the hub's store as the hub answers it."""
        args = {"since": since.isoformat(), "until": until.isoformat()}
        fut = asyncio.run_coroutine_threadsafe(hub.hub._read(hub.store.query_marks, args), hub.loop)
        return fut.result(30)["marks"]

    def escalate_one() -> str:
        """Escalate an accepted case (not a drill) to its category's department, as a supervisor
        would: the demo only escalates now and then (3 % of the cases its crews have signed for)."""
        for inc in sorted(_snapshot(hub)["incidents"], key=lambda i: i["id"]):
            cat = catalog.categories.get(inc.get("category", ""))
            if inc.get("state") == "accepted" and not inc.get("drill") and cat is not None:
                ok(sup, "incident.escalate", {"incident": inc["id"], "department": cat.department,
                                              "reason": "超出街道处置能力，请职能部门处置"})
                return inc["id"]
        return ""

    span: list[datetime] = []

    def shift_span() -> tuple[datetime, datetime]:
        """[the demo shift's beginning, now] once it has run ``--shift-run`` seconds, with an
        escalation in it (one made here, a third of the way in, when the demo has made none)."""
        if not span:
            def run_until(t: datetime) -> None:
                pump(app, max(0.0, (t - datetime.now(UTC)).total_seconds()))

            run_until(began + timedelta(seconds=opts.shift_run / 3))
            if not any(m["kind"] == "escalated" for m in marks(began, datetime.now(UTC))):
                print(f"the demo has escalated nothing yet: escalated {escalate_one() or 'nothing'}", flush=True)
            run_until(began + timedelta(seconds=opts.shift_run))
            span[:] = [began, datetime.now(UTC).replace(microsecond=0)]
            kinds = Counter(m["kind"] for m in marks(*span))
            print(f"the shift to replay: {span[0].isoformat()} to {span[1].isoformat()}, marks {dict(kinds)}",
                  flush=True)
        return span[0], span[1]

    def replay(window, lang: str) -> None:
        """*Replay this shift*, seeked to its middle; the whole window once every panel shows it."""
        since, until = shift_span()
        bar, rp = window.replay_bar, window.replay_bar.replay
        window.start_replay(since, until)
        wait_until(app, lambda: rp.at == since and rp.seq is not None and not rp.busy, 20, "the replay's start")
        mid = since + (until - since) / 2
        bar.seek(mid)
        wait_until(app, lambda: rp.at == mid and rp.seq is not None and not rp.busy, 20, "the replay at its middle")
        wait_until(app, lambda: bool(bar.slider.marks), 10, "the slider's marks")
        n = wait_map_populated(app, window)
        # a live alert raised just before the replay began goes by itself (6 s); replaying raises none
        wait_until(app, window.toast.isHidden, 10, "the last live alert to go")
        path = opts.out / f"replay-{lang.split('_')[0]}.png"  # replay-zh.png, replay-en.png
        settled_grab(app, window, at_least=1.5, screen=True).save(str(path))
        print(f"wrote {path}: {bar.band.text()}, seq {rp.seq}, {n} incidents on the map, "
              f"{window.queue.model.rowCount()} in the queue, {len(bar.slider.marks)} marks", flush=True)
        bar.leave()

    opts.out.mkdir(parents=True, exist_ok=True)
    try:
        for lang in opts.langs.split(","):
            for step, run in (("desk", shoot), ("replay", replay)):
                if step in steps:  # each in a window of its own, as it opens
                    window, bridge, tr = open_window(app, state, lang=lang, theme="dark")
                    wait_map_populated(app, window)
                    run(window, lang)
                    close_window(app, window, bridge, tr)
    finally:
        release_pages()
        state.stop()


if __name__ == "__main__":
    main()
