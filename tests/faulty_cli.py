"""`main.py` with a disk fault injected (tests/faults.py), for the command-line fault tests.

Usage: FAULT=full:/some/folder python tests/faulty_cli.py export --pupil ...
The same main() as `python main.py`, in its own process, with the disk at FOLDER full
(or `read_only:FOLDER`): what a full USB stick does to an export, without root.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest  # noqa: E402
from faults import FaultyDisk  # noqa: E402

import main  # noqa: E402

if __name__ == "__main__":
    kind, _, folder = os.environ["FAULT"].partition(":")
    disk = FaultyDisk(pytest.MonkeyPatch(), Path(folder))
    {"full": disk.fill, "read_only": disk.make_read_only}[kind]()
    sys.exit(main.main(sys.argv[1:]))
