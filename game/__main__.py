"""`python -m game`: the same command line as `alien-op-school` and `python main.py`."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
