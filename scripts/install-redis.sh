#!/usr/bin/env bash
# Debian's redis-server, for RASA_PROCESSES>1 without REDIS_URL and for the scale-out tests.
# Only the program is needed: `make run` starts its own server on loopback (bot/scale/local_redis.py);
# a server Debian's package may start itself (port 6379, snapshots on) is never used.
exec "$(dirname "$0")/apt-install.sh" /usr/bin/redis-server redis-server "Running several Rasa processes"
