"""The numbers to a file (issue 15): a ``query.indicators`` answer as CSV (UTF-8 with a BOM, so
Excel reads the Chinese) or XLSX (openpyxl: a real workbook rather than a CSV renamed). Written
to a temporary file beside the target and moved into place, so a failed export never leaves a
partial file. Qt-free: the Evaluation view and ``main.py report`` both use it."""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from pathlib import Path
from typing import Any

# (row key, Chinese header, English header)
COLUMNS = (
    ("key", "代码", "Key"), ("name", "名称", "Name"), ("grade", "等级", "Grade"), ("composite", "综合得分", "Score"),
    ("reported", "上报", "Reported"), ("accepted", "立案", "Accepted"), ("rejected", "作废", "Rejected"),
    ("dispatched", "派遣", "Dispatched"), ("returned", "退单", "Returned"), ("reworks", "返工", "Reworks"),
    ("closed", "结案", "Closed"), ("closed_on_time", "按期结案", "Closed on time"),
    ("closure_rate", "结案率", "Closure rate"), ("on_time_closure_rate", "按期结案率", "On-time closure rate"),
    ("rework_rate", "返工率", "Rework rate"), ("accurate_dispatch_rate", "准确派遣率", "Accurate dispatch rate"),
    ("satisfaction_rate", "满意率", "Satisfaction rate"), ("extensions", "延期", "More time asked"),
    ("parked", "挂账", "Parked"), ("urged", "催办", "Urged"), ("hotline", "热线", "Hotline cases"),
    ("response_rate", "响应率", "Response rate"), ("resolution_rate", "解决率", "Resolution rate"),
    ("hotline_satisfaction_rate", "热线满意率", "Hotline satisfaction rate"),
    ("escalated", "上报部门", "Escalated"), ("timely_signoff_rate", "按时签收率", "Timely sign-off rate"),
    ("timely_handling_rate", "按时处置率", "Timely handling rate"),
    ("street_rating", "街道评价（星）", "Street's rating"),
    ("two_way_score", "双向考核得分", "Two-way score"),
)
FORMATS = (".csv", ".xlsx")
# read once, at import (the umask can only be read by setting it): a finished file gets the
# permissions any other file written here would have, not the 0600 of a temporary file
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def publish(tmp: str, path: Path) -> None:
    """Move the finished temporary file ``tmp`` into place at ``path``, readable like any file."""
    os.chmod(tmp, 0o666 & ~_UMASK)
    os.replace(tmp, path)


class ExportError(Exception):
    """What stopped an export, in one line naming the file."""


def write_numbers(rows: list[dict[str, Any]], path: Path, *, language: str = "zh_CN", title: str = "") -> Path:
    """Write ``rows`` (query.indicators' rows) to ``path`` (.csv or .xlsx); returns the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"{path}: the file must end in .csv or .xlsx")
    if not path.parent.is_dir():
        raise ExportError(f"{path}: the folder {path.parent} does not exist")
    zh = language.lower().startswith("zh")
    headers = [zh_h if zh else en_h for _k, zh_h, en_h in COLUMNS]
    table = [[_cell(r, key, zh) for key, _z, _e in COLUMNS] for r in rows]
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=suffix, dir=path.parent)
    except OSError as e:
        raise ExportError(f"cannot write {path}: {e.strerror}") from None
    os.close(fd)
    try:
        if suffix == ".csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
                w = csv.writer(f)
                if title:
                    w.writerow([title])
                w.writerow(headers)
                w.writerows(table)
        else:
            _xlsx(tmp, headers, table, title, zh)
        publish(tmp, path)
    except OSError as e:
        raise ExportError(f"cannot write {path}: {e.strerror}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return path


def _cell(row: dict[str, Any], key: str, zh: bool) -> Any:
    if key == "name":
        return row.get("name") if zh else (row.get("name_en") or row.get("name"))
    return row.get(key)


def _xlsx(tmp: str, headers: list[str], table: list[list[Any]], title: str, zh: bool) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "考评" if zh else "Numbers"
    if title:
        ws.append([title])
        ws["A1"].font = Font(bold=True, size=13)
    ws.append(headers)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in table:
        ws.append(row)
    ws.freeze_panes = ws.cell(row=ws.max_row - len(table) + 1, column=3)
    for col in ws.columns:
        width = max(len(str(c.value or "")) for c in col)
        ws.column_dimensions[col[0].column_letter].width = min(40, max(8, width * (2 if zh else 1.1)))
    wb.save(tmp)
