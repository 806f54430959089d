"""`make bench`: run every benchmark; each prints its figure against a baseline run alongside.

``python -m bench NAME… [--option …]``: only the benches whose name contains a NAME; everything
from the first argument starting with "-" on is left in ``sys.argv`` for the benches that read
options (``python -m bench soak --soak-hours 2``); the others ignore it."""

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> int:
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name.startswith("bench_"))
    args = sys.argv[1:]
    cut = next((i for i, a in enumerate(args) if a.startswith("-")), len(args))
    only, sys.argv[1:] = args[:cut], args[cut:]
    for name in names:
        if only and not any(o in name for o in only):
            continue
        importlib.import_module(f"bench.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
