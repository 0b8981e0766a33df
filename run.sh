#!/usr/bin/env bash
# Runs the portal on the embedded SQLite default at http://localhost:5080 (extra arguments go to the app).
set -euo pipefail

cd "$(dirname "$0")"

# CJK fonts for the generated PDFs (Debian/Ubuntu only; elsewhere install them yourself): WenQuanYi Micro Hei,
# and HanaMin A/B for the rare characters of names (CJK Extensions A–F) it lacks.
fonts=()
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || fonts+=(fonts-wqy-microhei)
[ -f /usr/share/fonts/truetype/hanazono/HanaMinB.ttf ] || fonts+=(fonts-hanazono)
if [ "${#fonts[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    echo "run.sh: installing ${fonts[*]} ..."
    if ! { $SUDO apt-get update -qq \
        && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${fonts[@]}"; }; then
      echo "run.sh: could not install ${fonts[*]}; PDFs may lack Chinese glyphs." >&2
    fi
  else
    echo "run.sh: no apt-get; install CJK fonts (WenQuanYi Micro Hei, HanaMinA/HanaMinB) for PDF output." >&2
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
echo "run.sh: starting the portal at http://localhost:5080"
exec dotnet run --project src/ResearchPortal.Web -c Release --urls http://localhost:5080 "$@"
