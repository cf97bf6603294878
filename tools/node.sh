#!/usr/bin/env bash
# Puts Node 24 (the version in .nvmrc) first on PATH. Sourced by the other tools, or run before a command:
#   bash tools/node.sh node src/build/build.ts
# When the machine's Node is older, the pinned Node is fetched once from the npm registry (the package
# node-<os>-<arch> holds Node's own binary) into .cache/node/: the project runs where only npm is reachable.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

use_pinned_node() {
  local pinned current_major arch platform home download
  pinned="$(tr -d ' \nv' < .nvmrc)"
  current_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  [ "$current_major" -ge "${pinned%%.*}" ] && return 0
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "Node ${pinned} est requis, et le registre npm n'en a pas pour l'architecture $(uname -m) : installez Node ${pinned}." >&2; return 1 ;;
  esac
  platform="$(uname -s | tr '[:upper:]' '[:lower:]')"
  home="$PWD/.cache/node/${pinned}"
  if [ ! -x "${home}/bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo absent) est trop ancien : téléchargement de Node ${pinned} depuis le registre npm (une seule fois, dans .cache/node/)…" >&2
    download="$(mktemp -d)"
    (cd "$download" && npm pack --silent "node-${platform}-${arch}@${pinned}" >/dev/null)
    tar -xzf "$download"/node-*.tgz -C "$download"
    mkdir -p "$(dirname "$home")"
    rm -rf "$home"
    mv "$download/package" "$home"
    rm -rf "$download"
  fi
  export PATH="${home}/bin:$PATH"
}

use_pinned_node
if [ "${BASH_SOURCE[0]}" = "$0" ] && [ "$#" -gt 0 ]; then exec "$@"; fi
