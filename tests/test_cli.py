"""The command line: bad reference data stops start-up with a message naming file and entry;
commands whose issue has not landed say so and exit 2."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


def test_check_reports_the_shipped_district():
    r = run("check")
    assert r.returncode == 0, r.stderr
    assert "220104" in r.stdout and "grids" in r.stdout


def test_broken_reference_data_stops_start_up_naming_file_and_entry(tmp_path):
    data = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", data)
    cats = data / "categories.toml"
    text = cats.read_text(encoding="utf-8")
    cats.write_text(text.replace('limits = "lights"', 'limits = "no-such-profile"', 1), encoding="utf-8")
    r = run("--catalog", str(data / "catalog.toml"), "check")
    assert r.returncode == 2
    [line] = r.stderr.strip().splitlines()
    assert "categories.toml" in line and "no-such-profile" in line


def test_malformed_toml_names_the_file(tmp_path):
    data = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", data)
    (data / "timelimits.toml").write_text("[profiles.default\nbroken", encoding="utf-8")
    r = run("--catalog", str(data / "catalog.toml"))
    assert r.returncode == 2 and "timelimits.toml" in r.stderr


def test_unbuilt_commands_say_so_and_exit_2():
    r = run("drill", "scenario.toml", "--connect", "ws://127.0.0.1:1/ws", "--token", "t")
    assert r.returncode == 2 and "not built yet" in r.stderr


def test_demo_against_an_unreachable_hub_exits_2_with_one_line():
    r = run("demo", "--connect", "ws://127.0.0.1:1/ws", "--token", "t")
    assert r.returncode == 2
    [line] = r.stderr.strip().splitlines()
    assert "cannot reach the hub" in line


def test_bad_arguments_exit_non_zero_with_a_reason():
    r = run("hub", "--port", "eighty")
    assert r.returncode != 0 and "--port" in r.stderr


def test_a_malformed_hub_url_is_refused_before_anything_starts():
    r = run("console", "--connect", "nonsense", "--token", "t")
    assert r.returncode == 2
    [line] = r.stderr.strip().splitlines()
    assert "--connect" in line and "ws://" in line
