#!/usr/bin/env bash
# The console tests drive Debian's Chromium through playwright-core (never `playwright install`, which
# downloads a browser build this network cannot reach). Idempotent: does nothing when it is installed.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "console tests: installing Debian's chromium with apt-get" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
