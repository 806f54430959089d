"""``main.py report``: the numbers for a window, from a hub, into a CSV or XLSX file — the
scheduled daily report (issue 15). A protocol client like the other feeds; nothing is written
when the hub refuses or cannot be reached."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from console.models.export import write_numbers

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
