#!/usr/bin/env bash
# Installs what a real VS Code needs here: Debian packages, then code-server
# into .vscode-test/ (ignored by git). Idempotent: a second run only checks.
# code-server is pinned because 4.100.3 (VS Code 1.100.3) is the last release
# that runs on Node 20; see ../shared/notes/real-vscode.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CODE_SERVER_VERSION="4.100.3"
cache="$root/.vscode-test"
dest="$cache/code-server-$CODE_SERVER_VERSION"
log() { printf '[setup] %s\n' "$*" >&2; }

packages=(libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev build-essential pkg-config python3 ripgrep chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
    log "missing Debian packages: ${missing[*]}; install them as root (apt-get install ${missing[*]}) and run again"
    exit 1
  fi
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -x "$dest/node_modules/.bin/code-server" ] && [ -f "$dest/.installed" ]; then
  exit 0
fi

log "installing code-server $CODE_SERVER_VERSION into $dest (about a minute, once)"
rm -rf "$dest"
mkdir -p "$dest"
# @vscode/ripgrep downloads rg from GitHub unless its cache already holds the
# archive; seed the cache with Debian's rg so the install stays offline.
tmp="$cache/tmp"
rgcache="$tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$rgcache"
if [ ! -f "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
  stage="$(mktemp -d)"
  cp "$(command -v rg)" "$stage/rg"
  tar -C "$stage" -czf "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
  rm -rf "$stage"
fi
printf '{ "private": true }\n' > "$dest/package.json"
(
  cd "$dest"
  TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true npm_config_loglevel=error \
    npm install --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION" >"$dest/install.log" 2>&1
) || { log "code-server install failed; see $dest/install.log"; tail -20 "$dest/install.log" >&2; exit 1; }
touch "$dest/.installed"
log "code-server ready"
