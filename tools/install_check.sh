#!/usr/bin/env bash
# `pip install .` into a clean venv, as a school's IT would, then the installed command
# from another folder: --version, validate (the content found inside the package) and a
# few headless frames of play. Usage: bash tools/install_check.sh [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-python3}
work=$(mktemp -d /tmp/alien-op-school-install.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
start=$(date +%s)
"$work/venv/bin/python" -m pip install --quiet --require-hashes -r requirements.txt
"$work/venv/bin/python" -m pip install --quiet --no-deps .
echo "installed in $(( $(date +%s) - start )) s; venv $(du -sh "$work/venv" | cut -f1)"
mkdir "$work/elsewhere" && cd "$work/elsewhere"
export ALIEN_OP_SCHOOL_LOGS="$work/logs" SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
"$work/venv/bin/alien-op-school" --version
"$work/venv/bin/alien-op-school" validate
"$work/venv/bin/python" -m game --version
"$work/venv/bin/alien-op-school" play --frames 30 --data-dir "$work/data"
test -s "$work/logs/game.log" && echo "log file: $(wc -l < "$work/logs/game.log") lines"
echo "install check: OK"
