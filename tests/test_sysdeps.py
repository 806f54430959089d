"""The set-up script that brings the system libraries Qt needs: ldd's report parsed, each missing
library mapped to its Debian package, installed as root on Debian, else the one command printed
(and set-up goes on). Socket-free: commands are answered by a fake runner; one test asks the real
machine."""

import subprocess
from pathlib import Path

import pytest

from console import sysdeps

LDD_QXCB = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)
"""

POLICY = """\
libpulse0:
  Installed: (none)
  Candidate: 16.1+dfsg1-2+b1
  Version table:
libxcb-icccm4:
  Installed: (none)
  Candidate: 0.4.1-1.1
libxcb-keysyms1:
  Installed: (none)
  Candidate: 0.4.0-1+b2
fonts-noto-cjk:
  Installed: (none)
  Candidate: 1:20220127+repack1-1
"""


def test_ldd_not_found_lines_are_read_once_each_in_order():
    assert sysdeps.parse_ldd(LDD_QXCB) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


@pytest.mark.parametrize(("soname", "package"), [
    ("libpulse.so.0", "libpulse0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),  # a name ending in a digit takes a hyphen
    ("libEGL.so.1", "libegl1"),
    ("libgssapi_krb5.so.2", "libgssapi-krb5-2"),
    ("libnss3.so", "libnss3"),
    ("libasound.so.2.0.0", "libasound2"),
])
def test_a_library_maps_to_its_debian_package_by_the_naming_policy(soname, package):
    assert sysdeps.package_candidates(soname) == [package, package + "t64"]


def test_apt_cache_policy_is_read_for_packages_with_a_candidate():
    text = POLICY + "nosuch:\n  Installed: (none)\n  Candidate: (none)\n"
    known = sysdeps.parse_policy(text)
    assert set(known) == {"libpulse0", "libxcb-icccm4", "libxcb-keysyms1", "fonts-noto-cjk"}


class FakeMachine:
    """Answers ldd, dpkg-query, apt-cache and apt-get as a Debian machine lacking some libraries."""

    def __init__(self, base: Path, missing: dict[str, list[str]], *, font=False, install_ok=True):
        self.base, self.missing, self.font, self.install_ok = base, missing, font, install_ok
        self.calls: list[list[str]] = []

    def __call__(self, cmd):
        cmd = list(cmd)
        self.calls.append(cmd)
        out, rc = "", 0
        if cmd[0] == "ldd":
            rel = str(Path(cmd[1]).relative_to(self.base))
            out = "".join(f"\t{lib} => not found\n" for lib in self.missing.get(rel, []))
        elif cmd[0] == "dpkg-query":
            have = self.font and cmd[-1] == sysdeps.FONT_PACKAGE
            out, rc = ("install ok installed", 0) if have else ("", 1)
        elif cmd[:2] == ["apt-cache", "policy"]:
            out = POLICY
        elif cmd[:2] == ["apt-get", "install"]:
            rc = 0 if self.install_ok else 100
            if self.install_ok:
                self.missing = {}
                self.font = True
        return subprocess.CompletedProcess(cmd, rc, out, "E: network unreachable" if rc else "")


@pytest.fixture
def qt_tree(tmp_path):
    """A PySide6 folder's shape: the files ldd is asked about."""
    for rel in ("QtMultimedia.abi3.so", "Qt/plugins/platforms/libqxcb.so", "QtCore.abi3.so",
                "Qt/plugins/multimedia/libffmpegmediaplugin.so"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"")
    return tmp_path


MISSING = {"QtMultimedia.abi3.so": ["libpulse.so.0"],
           "Qt/plugins/multimedia/libffmpegmediaplugin.so": ["libpulse.so.0"],
           "Qt/plugins/platforms/libqxcb.so": ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]}


def test_the_plan_is_derived_from_what_the_qt_files_lack(qt_tree):
    plan = sysdeps.make_plan(qt_tree, FakeMachine(qt_tree, MISSING))
    assert plan.missing == {"libxcb-icccm.so.4": ["window"], "libxcb-keysyms.so.1": ["window"],
                            "libpulse.so.0": ["QtMultimedia"]}
    assert plan.packages == ["libxcb-icccm4", "libxcb-keysyms1", "libpulse0", "fonts-noto-cjk"]
    assert plan.unresolved == []


def test_as_root_on_debian_it_installs_them_with_apt_get(qt_tree, capsys):
    machine = FakeMachine(qt_tree, MISSING)
    assert sysdeps.main(["--install"], machine, is_root=True, is_debian=True, base=qt_tree) == 0
    [install] = [c for c in machine.calls if c[:2] == ["apt-get", "install"]]
    assert install[-4:] == ["libxcb-icccm4", "libxcb-keysyms1", "libpulse0", "fonts-noto-cjk"]
    assert "-y" in install
    assert "now present" in capsys.readouterr().out


def test_not_root_it_prints_the_one_command_and_goes_on(qt_tree, capsys):
    machine = FakeMachine(qt_tree, MISSING)
    assert sysdeps.main(["--install"], machine, is_root=False, is_debian=True, base=qt_tree) == 0
    assert not [c for c in machine.calls if c[0] == "apt-get"]
    out = capsys.readouterr().out
    commands = [ln for ln in out.splitlines() if "run:" in ln]
    assert commands == ["setup: to install them, run: sudo apt-get install -y --no-install-recommends "
                        "libxcb-icccm4 libxcb-keysyms1 libpulse0 fonts-noto-cjk"]


def test_not_debian_it_names_the_libraries_and_goes_on(qt_tree, capsys):
    machine = FakeMachine(qt_tree, MISSING)
    assert sysdeps.main(["--install"], machine, is_root=True, is_debian=False, base=qt_tree) == 0
    assert not [c for c in machine.calls if c[0] in ("apt-get", "apt-cache")]
    assert "libpulse.so.0" in capsys.readouterr().out


def test_a_failed_install_says_so_with_the_command_and_goes_on(qt_tree, capsys):
    machine = FakeMachine(qt_tree, MISSING, install_ok=False)
    assert sysdeps.main(["--install"], machine, is_root=True, is_debian=True, base=qt_tree) == 0
    out = capsys.readouterr().out
    assert "could not install" in out and "network unreachable" in out and "apt-get install -y" in out


def test_nothing_missing_installs_nothing(qt_tree, capsys):
    machine = FakeMachine(qt_tree, {}, font=True)
    assert sysdeps.main(["--install"], machine, is_root=True, is_debian=True, base=qt_tree) == 0
    assert not [c for c in machine.calls if c[0] == "apt-get"]
    assert "present" in capsys.readouterr().out


def test_an_extra_package_is_asked_for_by_name(qt_tree):
    plan = sysdeps.make_plan(qt_tree, FakeMachine(qt_tree, {}, font=True), also=["xvfb"])
    assert plan.packages == ["xvfb"]


@pytest.mark.skipif(not sysdeps.debian(), reason="the machine check is for Debian/Ubuntu")
def test_after_set_up_this_machine_has_every_library_qt_needs():
    """What `make setup` promises, checked on the machine the tests run on."""
    base = sysdeps.pyside_dir()
    assert base is not None
    assert sysdeps.missing_libraries(base) == {}, "run `make setup`: it installs them"
    assert not sysdeps.font_missing(), "run `make setup`: it installs fonts-noto-cjk"
