#!/usr/bin/env bash
# The README's test command (`npm test`): installs what the tests need
# (npm packages, Debian packages, code-server, Chromium), then runs the type
# check, the unit tests and the e2e suites in a real VS Code. Exit 0 only when
# all of them pass.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib.sh
ensure_node_modules || exit 2
bash scripts/setup-vscode.sh || exit 2
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0

# The real data the importer, index and recap tests read (never copied into the project).
shared="${RECAP_SHARED_DATA:-$(cd .. && pwd)/shared/data}"
if [ ! -d "$shared/schedules" ] || [ ! -d "$shared/recaps" ]; then
  echo "npm test needs the shared data beside the project: $shared (schedules/, recaps/, pyvideo/) is missing."
  echo "Put ../shared beside this clone, or set RECAP_SHARED_DATA to where it is. The tests that read it will fail."
  status=1
fi
export RECAP_REQUIRE_SHARED=1

echo "== typecheck"
npx tsc --noEmit -p . || status=1
echo "== lint (ESLint, typescript-eslint; zero warnings) and format (prettier)"
if npx eslint --max-warnings 0 .; then echo "lint clean"; else status=1; lint_failed=1; fi
if npx prettier --check . >"$log" 2>&1; then echo "format clean"; else cat "$log"; echo "run: npm run format"; status=1; lint_failed=1; fi
echo "== build"
node scripts/build.mjs --tests || exit 2

echo "== unit tests (node --test)"
node --test out/test/unit/ | tee "$log"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
unit_pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log" | tail -1)
unit_fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log" | tail -1)

echo "== e2e tests (real VS Code: code-server + Chromium)"
RECAP_SKIP_SETUP=1 node out/test/e2e/runCodeServer.js | tee "$log"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
e2e_pass=$(sed -n 's/^e2e: \([0-9]*\) passed.*/\1/p' "$log" | tail -1)
e2e_fail=$(sed -n 's/^e2e: [0-9]* passed, \([0-9]*\) failed.*/\1/p' "$log" | tail -1)

echo "== preview in headless Chromium (standalone pages, screenshots)"
node out/test/e2e/previewChromium.js --out "${RECAP_SHOTS:-out/preview-shots}" | tee "$log"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
chromium_pass=$(sed -n 's/^preview-chromium: \([0-9]*\) passed.*/\1/p' "$log" | tail -1)
chromium_fail=$(sed -n 's/^preview-chromium: [0-9]* passed, \([0-9]*\) failed.*/\1/p' "$log" | tail -1)

echo "== package (the vsix a user installs: its files and size)"
version=$(node -p "require('./package.json').version")
rm -f "recap-writer-$version.vsix"
if npm run -s package >"$log" 2>&1; then
  node out/test/e2e/packageCheck.js "recap-writer-$version.vsix" | tee "$log"
  [ "${PIPESTATUS[0]}" = 0 ] || status=1
  package_pass=$(sed -n 's/^package: \([0-9]*\) passed.*/\1/p' "$log" | tail -1)
  package_fail=$(sed -n 's/^package: [0-9]* passed, \([0-9]*\) failed.*/\1/p' "$log" | tail -1)
else
  echo "npm run package failed:"; tail -20 "$log"
  status=1; package_pass=0; package_fail=1
fi

echo "== npm start (the README's start command) and a newcomer's journey by keyboard"
node out/test/e2e/startSmoke.js --journey | tee "$log"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
start_pass=$(sed -n 's/^start: \([0-9]*\) passed.*/\1/p' "$log" | tail -1)
start_fail=$(sed -n 's/^start: [0-9]* passed, \([0-9]*\) failed.*/\1/p' "$log" | tail -1)

passed=$(( ${unit_pass:-0} + ${e2e_pass:-0} + ${chromium_pass:-0} + ${package_pass:-0} + ${start_pass:-0} ))
failed=$(( ${lint_failed:-0} + ${unit_fail:-0} + ${e2e_fail:-0} + ${chromium_fail:-0} + ${package_fail:-0} + ${start_fail:-0} ))
# A suite that never reported counts as a failure, so the total cannot read clean.
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
echo
echo "unit: ${unit_pass:-0} passed, ${unit_fail:-0} failed"
echo "e2e: ${e2e_pass:-0} passed, ${e2e_fail:-0} failed"
echo "preview-chromium: ${chromium_pass:-0} passed, ${chromium_fail:-0} failed"
echo "package: ${package_pass:-0} passed, ${package_fail:-0} failed"
echo "start: ${start_pass:-0} passed, ${start_fail:-0} failed"
echo "total: $passed passed, $failed failed"
exit "$status"
