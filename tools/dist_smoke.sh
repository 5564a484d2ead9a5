#!/usr/bin/env bash
# The built app, started as a parent would but headless: --version, validate (all the
# shipped content found inside the app), a few frames of the title screen with SDL's
# dummy drivers, and the log file it leaves. Usage: bash tools/dist_smoke.sh APP_FOLDER
set -euo pipefail
app=$(cd "${1:-dist/alien-op-school}" && pwd)
work=$(mktemp -d /tmp/alien-op-school-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"  # nowhere near the source checkout
export ALIEN_OP_SCHOOL_LOGS="$work/logs" SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
"$app/alien-op-school" --version
checked=$("$app/alien-op-school" validate)
echo "$checked"
case "$checked" in *" 0 files"*) echo "the app holds no content" >&2; exit 1;; esac
"$app/alien-op-school" play --frames 60 --data-dir "$work/data"
grep -q "command: play" "$work/logs/game.log"
if grep -E " (ERROR|CRITICAL) " "$work/logs/"*.log; then
    echo "the app logged an error" >&2; exit 1
fi
echo "dist smoke test: OK ($app)"
