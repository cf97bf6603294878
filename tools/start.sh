#!/usr/bin/env bash
# `npm start [-- --port=N]`: installs what the site needs when it is missing, then serves it with live reload.
set -euo pipefail
source "$(dirname "$0")/node.sh"
bash tools/install-deps.sh
MALLOC_ARENA_MAX=2 exec node src/build/serve.ts "$@"
