"""The numbers to a file (issue 15), socket-free: CSV and XLSX hold the rows as given, read
back; a wrong suffix, a missing folder or an unwritable file is one clear line and leaves no
partial file."""

import csv

import pytest
from openpyxl import load_workbook

from console.models.export import ExportError, write_numbers

ROWS = [{"key": "D-CG", "name": "城管局", "name_en": "Urban Management", "grade": "B", "composite": 80.5,
         "reported": 10, "accepted": 9, "closed": 7, "closure_rate": 77.8, "on_time_closure_rate": None}]


def test_xlsx_holds_the_rows_in_the_chosen_language(tmp_path):
    out = write_numbers(ROWS, tmp_path / "n.xlsx", language="en", title="today")
    ws = load_workbook(out).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][0] == "today" and values[1][:4] == ["Key", "Name", "Grade", "Score"]
    assert values[2][:5] == ["D-CG", "Urban Management", "B", 80.5, 10]
    assert values[2][values[1].index("On-time closure rate")] is None  # null stays empty, not 0


def test_csv_is_utf8_with_a_bom_for_excel_and_chinese_headers(tmp_path):
    out = write_numbers(ROWS, tmp_path / "n.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["代码", "名称", "等级"] and rows[1][1] == "城管局"


@pytest.mark.parametrize("name, says", [("n.pdf", ".csv or .xlsx"), ("missing/n.csv", "does not exist")])
def test_a_bad_target_is_one_line_and_nothing_is_written(tmp_path, name, says):
    with pytest.raises(ExportError, match=says):
        write_numbers(ROWS, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_a_target_that_cannot_be_written_leaves_no_file(tmp_path):
    (tmp_path / "n.xlsx").mkdir()  # a folder where the file should go (root may write anywhere else)
    with pytest.raises(ExportError, match="cannot write"):
        write_numbers(ROWS, tmp_path / "n.xlsx")
    assert [p.name for p in tmp_path.iterdir()] == ["n.xlsx"] and (tmp_path / "n.xlsx").is_dir()


def test_a_failure_midway_leaves_the_old_file_whole_and_no_temporary_one(tmp_path, monkeypatch):
    target = tmp_path / "n.csv"
    target.write_text("the old report")
    import console.models.export as ex

    def broken(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ex.os, "replace", broken)
    with pytest.raises(ExportError, match="No space left"):
        write_numbers(ROWS, target)
    assert target.read_text() == "the old report" and sorted(p.name for p in tmp_path.iterdir()) == ["n.csv"]
