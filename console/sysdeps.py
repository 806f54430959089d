"""The system libraries the installed Qt needs and lacks, and the Debian packages that bring them.

Run by ``make setup`` (``python -m console.sysdeps --install``). The list is derived, not kept by
hand: ``ldd`` on the Qt parts the console loads (the Python modules, the xcb platform plugin, the
multimedia plugins, the web engine's helper process) names every shared library the loader cannot
find; each is mapped to its Debian package by the library naming rule of Debian policy §8.1
(``libxcb-icccm.so.4`` → ``libxcb-icccm4``, ``libxkbcommon-x11.so.0`` → ``libxkbcommon-x11-0``),
checked against ``apt-cache``. The CJK font comes on top (Chinese is the console's first language).

As root on Debian/Ubuntu it installs them with ``apt-get``; otherwise it prints the one command to
run and goes on (exit 0): a console without sound or video still works (docs/SETUP.md).
Standard library only: it runs before anything else is known to work.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

FONT_PACKAGE = "fonts-noto-cjk"

# The Qt parts the console loads, by what they are for (relative to the PySide6 folder). Globs:
# the wheel names its modules *.abi3.so on Linux.
QT_PARTS: dict[str, tuple[str, ...]] = {
    "Qt": ("QtCore.*so", "QtGui.*so", "QtWidgets.*so", "QtNetwork.*so", "QtSvg.*so", "QtOpenGL.*so",
           "QtPrintSupport.*so"),
    "window": ("Qt/plugins/platforms/libqxcb.so", "Qt/plugins/xcbglintegrations/*.so"),
    "QtMultimedia": ("QtMultimedia.*so", "Qt/plugins/multimedia/*.so"),
    "QtWebEngine": ("QtWebEngineCore.*so", "QtWebEngineWidgets.*so", "QtWebChannel.*so",
                    "Qt/libexec/QtWebEngineProcess"),
}

Runner = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]


def run(cmd: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(cmd), capture_output=True, text=True, check=False,
                          env={**os.environ, "LC_ALL": "C", "DEBIAN_FRONTEND": "noninteractive"})


def pyside_dir() -> Path | None:
    """The installed PySide6 package's folder, without importing it (an import may be what fails)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def parse_ldd(text: str) -> list[str]:
    """The libraries ``ldd`` reports as ``not found``, in order, each once."""
    out: list[str] = []
    for line in text.splitlines():
        m = re.match(r"\s*(\S+)\s+=>\s+not found", line)
        if m and m.group(1) not in out:
            out.append(m.group(1))
    return out


def missing_libraries(base: Path, parts: Iterable[str] | None = None, runner: Runner = run) -> dict[str, list[str]]:
    """{library: [parts that need it]} for the libraries the loader cannot find."""
    found: dict[str, list[str]] = {}
    for part in parts or QT_PARTS:
        for pattern in QT_PARTS[part]:
            for path in sorted(glob.glob(str(base / pattern))):
                res = runner(["ldd", path])
                for lib in parse_ldd(res.stdout + res.stderr):
                    needers = found.setdefault(lib, [])
                    if part not in needers:
                        needers.append(part)
    return found


def package_candidates(soname: str) -> list[str]:
    """Debian package names that ship ``soname``, by policy §8.1 (the t64 rename included).

    >>> package_candidates("libxkbcommon-x11.so.0")
    ['libxkbcommon-x11-0', 'libxkbcommon-x11-0t64']
    """
    m = re.fullmatch(r"(lib.+?)\.so(?:\.(\d+))?(?:\.[\d.]+)?", soname)
    if not m:
        return []
    name, major = m.group(1).lower().replace("_", "-"), m.group(2) or ""
    if major and name[-1].isdigit():
        name += "-"
    pkg = name + major
    return [pkg, pkg + "t64"]


def parse_policy(text: str) -> dict[str, str]:
    """``apt-cache policy A B …`` → {package: candidate version} for those it knows a candidate of."""
    out: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        if line and not line[0].isspace() and line.rstrip().endswith(":"):
            current = line.rstrip()[:-1]
        elif current and line.strip().startswith("Candidate:"):
            version = line.split(":", 1)[1].strip()
            if version and version != "(none)":
                out[current] = version
    return out


@dataclass
class Plan:
    """What is missing and what would bring it."""

    missing: dict[str, list[str]] = field(default_factory=dict)  # library -> parts that need it
    packages: list[str] = field(default_factory=list)  # to install, libraries' then the font's
    unresolved: list[str] = field(default_factory=list)  # libraries no known package ships
    font_missing: bool = False

    @property
    def needed(self) -> bool:
        return bool(self.packages or self.unresolved)

    def command(self, root: bool) -> str:
        cmd = "apt-get install -y --no-install-recommends " + " ".join(self.packages)
        return cmd if root else "sudo " + cmd


def debian(which: Callable[[str], str | None] = shutil.which) -> bool:
    return bool(which("apt-get") and which("dpkg-query") and which("apt-cache"))


def font_missing(runner: Runner = run, *, is_debian: bool = True) -> bool:
    if is_debian:
        res = runner(["dpkg-query", "-W", "-f=${Status}", FONT_PACKAGE])
        return "install ok installed" not in res.stdout
    if not shutil.which("fc-list"):
        return False  # nothing to ask; the README names the font
    return not runner(["fc-list", ":lang=zh", "family"]).stdout.strip()


def make_plan(base: Path | None, runner: Runner = run, *, is_debian: bool = True,
              also: Sequence[str] = ()) -> Plan:
    """What is missing. ``also``: extra Debian packages wanted (e.g. ``xvfb`` for screenshots)."""
    plan = Plan()
    if base is not None:
        plan.missing = missing_libraries(base, runner=runner)
    plan.font_missing = font_missing(runner, is_debian=is_debian)
    if not is_debian:
        plan.unresolved = list(plan.missing)
        return plan
    wanted = {lib: package_candidates(lib) for lib in plan.missing}
    names = sorted({p for c in wanted.values() for p in c} | set(also))
    known = parse_policy(runner(["apt-cache", "policy", *names]).stdout) if names else {}
    for lib, cands in wanted.items():
        pkg = next((c for c in cands if c in known), None)
        if pkg is None:
            plan.unresolved.append(lib)
        elif pkg not in plan.packages:
            plan.packages.append(pkg)
    for extra in also:
        if "install ok installed" not in runner(["dpkg-query", "-W", "-f=${Status}", extra]).stdout:
            plan.packages.append(extra)
    if plan.font_missing:
        plan.packages.append(FONT_PACKAGE)
    return plan


def describe(plan: Plan) -> list[str]:
    lines = []
    for lib, parts in plan.missing.items():
        lines.append(f"setup: {lib} is missing (needed by {', '.join(parts)})")
    if plan.font_missing:
        lines.append(f"setup: no Chinese font ({FONT_PACKAGE})")
    for lib in plan.unresolved:
        lines.append(f"setup: no known package ships {lib}; install the one that does with your system's "
                     "package manager")
    return lines


def main(argv: Sequence[str] | None = None, runner: Runner = run, *, is_root: bool | None = None,
         is_debian: bool | None = None, base: Path | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m console.sysdeps",
                                 description="find (and with --install, install) the system packages Qt needs")
    ap.add_argument("--install", action="store_true", help="install them with apt-get when running as root")
    ap.add_argument("--also", action="append", default=[], metavar="PACKAGE",
                    help="another Debian package wanted (e.g. xvfb); may repeat")
    args = ap.parse_args(argv)
    root = (os.geteuid() == 0) if is_root is None else is_root
    deb = debian() if is_debian is None else is_debian
    base = base or pyside_dir()
    if base is None:
        print("setup: PySide6 is not installed in this Python; run `make setup` first", file=sys.stderr)
        return 0
    plan = make_plan(base, runner, is_debian=deb, also=args.also)
    if deb and root and args.install and plan.missing and plan.unresolved == list(plan.missing):
        # a fresh image may have no package lists at all: read them once, then look again
        runner(["apt-get", "update", "-qq"])
        plan = make_plan(base, runner, is_debian=deb, also=args.also)
    for line in describe(plan):
        print(line)
    if not plan.packages:
        if not plan.missing:
            print("setup: the system libraries Qt needs are present")
        return 0
    if not deb:
        return 0
    if not (root and args.install):
        print(f"setup: to install them, run: {plan.command(root)}")
        return 0
    print(f"setup: installing {' '.join(plan.packages)}", flush=True)
    res = runner(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *plan.packages])
    if res.returncode != 0:
        # the package lists may be old: read them again once and retry
        runner(["apt-get", "update", "-qq"])
        res = runner(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *plan.packages])
    if res.returncode != 0:
        tail = (res.stderr or res.stdout).strip().splitlines()[-1:] or ["(no message)"]
        print(f"setup: apt-get could not install them: {tail[0]}; run: {plan.command(root)}")
        return 0
    left = missing_libraries(base, runner=runner)
    if left:
        print(f"setup: still missing after the install: {', '.join(left)}")
    else:
        print("setup: the system libraries Qt needs are now present")
    return 0


if __name__ == "__main__":
    sys.exit(main())
