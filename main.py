"""Entry point: `python main.py [command] …` (see README and shared CONTRACT §1)."""

import sys

from console.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
