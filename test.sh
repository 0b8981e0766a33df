#!/usr/bin/env bash
# Runs every test of ResearchPortal. On a fresh Debian 12 machine with the .NET 10 SDK it first installs
# what the tests need and the machine lacks (PostgreSQL server binaries, Chromium, CJK fonts, nginx, qpdf and
# poppler-utils to check the generated PDFs).
# The tests start their own throwaway PostgreSQL on a free port; a cluster the package may have started
# on 5432 is not used.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~PostgresServer).
set -euo pipefail

cd "$(dirname "$0")"
ROOT="$PWD"

# --- 1. System packages the tests need ------------------------------------------------------------
missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light) # the deployment test puts it in front of two instances
[ -f /usr/share/fonts/truetype/hanazono/HanaMinB.ttf ] || missing+=(fonts-hanazono)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)

if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: missing ${missing[*]} and no apt-get here; install them by hand." >&2
    exit 1
  fi
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "test.sh: installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- 2. Format ------------------------------------------------------------------------------------------
# Layout, naming, braces and the other rules of .editorconfig, as `dotnet format` sees them (≈ 1 min on a fresh clone,
# restore included); the build below checks the same style rules again (EnforceCodeStyleInBuild). EF's generated
# migrations are left as written. `dotnet format ResearchPortal.sln --exclude src/ResearchPortal.Web/Data/Migrations`
# fixes all but names (IDE1006), which it cannot rename: the messages name each one.
if ! dotnet format "$ROOT/ResearchPortal.sln" --verify-no-changes --exclude src/ResearchPortal.Web/Data/Migrations; then
  echo "test.sh: code above is not formatted as .editorconfig says; run 'dotnet format ResearchPortal.sln --exclude src/ResearchPortal.Web/Data/Migrations' (names by hand) and commit the result." >&2
  exit 1
fi

# --- 3. Tests ---------------------------------------------------------------------------------------
export RESEARCHPORTAL_ARTIFACTS="$ROOT/artifacts"
mkdir -p "$RESEARCHPORTAL_ARTIFACTS"

RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

set +e
dotnet test "$ROOT/ResearchPortal.sln" -c Release \
  --results-directory "$RESULTS" \
  --logger "trx" \
  --logger "console;verbosity=minimal" \
  "$@"
rc=$?
set -e

# --- 4. One closing line: N passed, N failed -----------------------------------------------------------
passed=0
failed=0
skipped=0
shopt -s nullglob
trx_files=("$RESULTS"/*.trx)
for trx in "${trx_files[@]}"; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
  get() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  p="$(get passed)"; f="$(get failed)"; e="$(get error)"; t="$(get timeout)"; a="$(get aborted)"
  total="$(get total)"; executed="$(get executed)"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

if [ "$rc" -ne 0 ]; then
  echo "test.sh: dotnet test exited with code $rc (${#trx_files[@]} test result file(s); a project that did not build or whose test host crashed has none)."
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$rc"
