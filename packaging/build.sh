#!/usr/bin/env bash
# Builds the one-folder app into build/dist/rater-desktop/ (run from anywhere).
# PyInstaller is fetched for this run only (`uv run --with pyinstaller`), so it
# stays out of pyproject.toml and uv.lock.
set -euo pipefail
# The compiled translations (.mo) are committed next to the .po files, so the
# build takes resources/ exactly as it is in the checkout.
cd "$(dirname "$0")/.."
uv run --with pyinstaller pyinstaller packaging/rater-desktop.spec \
    --noconfirm --distpath build/dist --workpath build/work
echo "built: build/dist/rater-desktop/rater-desktop"
