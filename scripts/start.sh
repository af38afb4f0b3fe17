#!/usr/bin/env bash
# The README's start command (`npm start`): installs what it needs, packages
# the extension, installs the vsix into a code-server of its own, and serves
# VS Code on 127.0.0.1:$PORT (default 8080) with examples/ open. Ctrl-C stops it.
# RECAP_START_FOLDER (the folder to open) and RECAP_START_STATE (where code-server
# keeps its settings and extensions) let the smoke test and the journey run it
# on a copy, without touching examples/ or a person's own session.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib.sh
PORT="${PORT:-8080}"
if ! [[ "$PORT" =~ ^[0-9]+$ ]] || [ "$PORT" -lt 1 ] || [ "$PORT" -gt 65535 ]; then
  echo "PORT must be a number from 1 to 65535 (got '$PORT')" >&2
  exit 2
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "Port $PORT on 127.0.0.1 is already in use. Stop what uses it, or pick another port: PORT=8081 npm start" >&2
  exit 1
fi
ensure_node_modules
bash scripts/setup-vscode.sh
echo "[start] packaging the extension"
npm run -s package >/dev/null
version=$(node -p "require('./package.json').version")
state="${RECAP_START_STATE:-$root/.vscode-test/start}"
folder="${RECAP_START_FOLDER:-$root/examples}"
mkdir -p "$state/user-data" "$state/extensions" "$state/config" "$state/data" "$state/tmp"
# A quiet first start: no walkthrough tab, no offer to open the parent Git repository.
mkdir -p "$state/user-data/User"
[ -f "$state/user-data/User/settings.json" ] || printf '{\n  "workbench.startupEditor": "none",\n  "git.openRepositoryInParentFolders": "never"\n}\n' > "$state/user-data/User/settings.json"
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$state/config.yaml"
bin="$root/.vscode-test/code-server-4.100.3/node_modules/.bin/code-server"
export XDG_CONFIG_HOME="$state/config" XDG_DATA_HOME="$state/data" TMPDIR="$state/tmp"
common=(--config "$state/config.yaml" --user-data-dir "$state/user-data" --extensions-dir "$state/extensions")
echo "[start] installing recap-writer-$version.vsix into code-server"
"$bin" "${common[@]}" --install-extension "$root/recap-writer-$version.vsix" --force >/dev/null
echo
echo "Recap Writer is running in VS Code at: http://127.0.0.1:$PORT/?folder=$folder"
echo "(loopback only, no password; Ctrl-C stops it)"
echo
exec "$bin" "${common[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override "$folder"
