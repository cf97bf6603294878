#!/usr/bin/env bash
# `npm test`: installs what the tests need when it is missing, then type-checks and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/node.sh

bash tools/install-deps.sh

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installation de Chromium (tests dans le navigateur)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium est requis pour les tests dans le navigateur : sudo apt-get install chromium" >&2
    exit 1
  fi
fi

npx tsc -p . --noEmit
NO_COLOR=1 npx vitest run
