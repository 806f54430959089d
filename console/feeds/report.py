"""``main.py report``: the numbers for a window, from a hub, into a CSV or XLSX file, or the
contents of the shift-handover PDF — the scheduled daily report (issue 15). A protocol client like
the other feeds; nothing is written when the hub refuses or cannot be reached."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from console.models.export import write_numbers
from console.state import debrief, handover

from .common import command, connect


class ReportError(Exception):
    """The hub refused the question (its code and message, in one line)."""


async def run_report(url: str, token: str, out: Path, *, since: str | None, until: str | None,
                     group_by: str = "department", language: str = "zh_CN") -> dict[str, Any]:
    client = await connect(url, token, "report/1", keep_state=False)
    try:
        args = {"group_by": group_by, **({"since": since} if since else {}), **({"until": until} if until else {})}
        res = await command(client, "query.indicators", args)
    finally:
        await client.close()
    if not res.get("ok"):
        raise ReportError(f"the hub refused: {res.get('code')}: {res.get('message')}")
    title = f"{since or '…'} – {until or '…'} · {group_by}"
    write_numbers(res["rows"], out, language=language, title=title)
    return res


async def gather_handover(url: str, token: str, *, since: datetime, until: datetime) -> handover.Handover:
    """The handover report's contents from a hub (views/handover.py makes the PDF of it): its
    numbers and series for the period, and the active cases of its snapshot."""
    client = await connect(url, token, "report/1")
    try:
        answers = {}
        for name, op in handover.questions(since, until):
            res = await command(client, op.name, op.args)
            if not res.get("ok"):
                raise ReportError(f"the hub refused {op.name}: {res.get('code')}: {res.get('message')}")
            answers[name] = res
        active = list(client.replica.incidents.values())
        user = getattr(client, "user", "") or ""
    finally:
        await client.close()
    return handover.build(since, until, answers, active, user=str(user or ""), hub=url)


async def gather_debrief(url: str, token: str, *, case: str | None = None,
                         drill_run: str | None = None) -> debrief.Debrief:
    """A debrief's contents from a hub (views/debrief.py makes the PDF of it); DebriefError when
    the hub refuses or there is nothing to tell."""
    client = await connect(url, token, "debrief/1", keep_state=False)
    try:
        plan = debrief.gather(case=case, drill_run=drill_run, user=str(getattr(client, "user", "") or ""), hub=url)
        return await debrief.drive_async(plan, lambda name, args: command(client, name, args))
    finally:
        await client.close()
