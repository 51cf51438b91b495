#!/usr/bin/env bash
# Debian's redis-server, for RASA_PROCESSES>1 without REDIS_URL and for the scale-out tests.
# Only the program is needed: `make run` starts its own server on loopback (bot/scale/local_redis.py).
set -euo pipefail
[ -x /usr/bin/redis-server ] && exit 0
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "Several Rasa processes need Debian's redis-server: run 'sudo apt-get install redis-server'." >&2; exit 1
  fi
fi
echo "Installing Debian's redis-server…"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q redis-server >/dev/null 2>&1 || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q redis-server >/dev/null; }
# Debian's package may start its own server (port 6379, snapshots on): ours never uses it.
