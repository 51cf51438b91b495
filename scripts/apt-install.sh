#!/usr/bin/env bash
# Install one of Debian's packages unless its program is there: apt-install.sh PROGRAM PACKAGE WHY
# (as root, or with passwordless sudo; otherwise say what to run).
set -euo pipefail
program=$1 package=$2 why=$3
[ -x "$program" ] && exit 0
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "$why needs Debian's $package: run 'sudo apt-get install $package'." >&2; exit 1
  fi
fi
echo "Installing Debian's $package ($why)…"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q "$package" >/dev/null 2>&1 || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q "$package" >/dev/null; }
