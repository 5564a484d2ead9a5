"""The app's entry point for PyInstaller: the installed game's own command line."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
