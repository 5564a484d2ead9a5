#!/usr/bin/env bash
# `make dist`: the one-folder app in dist/alien-op-school/, built by PyInstaller from a
# clean venv that holds only the runtime dependencies, PyInstaller and the game's own
# wheel (requirements-dist.txt, hash-pinned), then started headless by its smoke test.
# Builds for the machine it runs on; Windows and macOS need their own (hosted CI).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
start=$(date +%s)
rm -rf build/dist-venv build/wheel build/pyinstaller dist/alien-op-school dist/alien-op-school-*.zip
"$python" -m venv build/dist-venv
build/dist-venv/bin/python -m pip install --quiet --require-hashes -r requirements-dist.txt
.venv/bin/python -m pip wheel --quiet --no-deps --no-build-isolation -w build/wheel .
build/dist-venv/bin/python -m pip install --quiet --no-deps build/wheel/alien_op_school-*.whl
# From build/: PyInstaller must see the installed game, never the checkout's folders.
(cd build && dist-venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
    --distpath ../dist --workpath pyinstaller ../tools/dist.spec)
echo "built dist/alien-op-school in $(( $(date +%s) - start )) s:" \
     "$(du -sh dist/alien-op-school | cut -f1)"
bash tools/dist_smoke.sh dist/alien-op-school
# The download for parents: one zip of the folder, named by version and system.
version=$(dist/alien-op-school/alien-op-school --version | cut -d' ' -f2)
system=$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)
build/dist-venv/bin/python -c "import shutil, sys; shutil.make_archive(sys.argv[1], 'zip', 'dist', 'alien-op-school')" \
    "dist/alien-op-school-$version-$system"
echo "dist/alien-op-school-$version-$system.zip: $(du -h "dist/alien-op-school-$version-$system.zip" | cut -f1)"
