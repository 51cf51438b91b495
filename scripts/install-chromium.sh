#!/usr/bin/env bash
# Debian's chromium for the browser tests (Playwright cannot download browsers here).
exec "$(dirname "$0")/apt-install.sh" /usr/bin/chromium chromium "The browser tests"
