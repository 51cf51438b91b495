#!/usr/bin/env bash
# Create .venv on Python 3.10 and install the pinned tree from requirements.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
python=$(scripts/find-python310.sh)
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then
  rm -rf .venv
  "$python" -m venv .venv
fi
echo "Installing the pinned dependencies into .venv (first time: a few minutes, ~3 GB)…"
# This machine's pip config names local mirror folders that may not exist; hide that noise.
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.lock 2> >(grep -v "^WARNING: Location" >&2)
.venv/bin/pip check
