"""Alien op school: the one entry point.

    python main.py                 play (same as `python main.py play`)
    python main.py validate [PATH ...]   check levels, dialogues and maps
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _play(args: argparse.Namespace) -> int:
    from game.app import App, Options
    from game.saves import default_data_dir

    options = Options(
        level=Path(args.level),
        data_dir=Path(args.data_dir) if args.data_dir else default_data_dir(),
        language=args.language,
        seed=args.seed,
    )
    App(options).run()
    return 0


def _validate(args: argparse.Namespace) -> int:
    from game.content.validate import run

    return run(args.paths)


def build_parser() -> argparse.ArgumentParser:
    from game.app import DEFAULT_LEVEL

    parser = argparse.ArgumentParser(prog="main.py", description="Alien op school")
    sub = parser.add_subparsers(dest="command")
    play = sub.add_parser("play", help="start the game (the default)")
    play.add_argument("--level", default=str(DEFAULT_LEVEL), help="level file to play")
    play.add_argument("--data-dir", help="where saves and settings live (default: per user)")
    play.add_argument("--language", choices=("nl", "en"), help="language for this run")
    play.add_argument("--seed", type=int, help="seed for a reproducible game")
    play.set_defaults(func=_play)
    validate = sub.add_parser("validate", help="check levels, dialogues and maps")
    validate.add_argument("paths", nargs="*", help="files or folders (default: all content)")
    validate.set_defaults(func=_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv or ["play"])
    if args.command is None:
        args = parser.parse_args(["play", *argv])
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
