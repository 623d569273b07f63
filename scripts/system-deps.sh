#!/usr/bin/env bash
# The Debian packages the test suite drives for real: Jupyter's client (notebooks, kernel conformance),
# Chromium (figure export), pandas (the analysis benchmark's baseline) and node_exporter (energy over
# Prometheus), and util-linux's setpriv (CLI permission tests run as an unprivileged user). Installs the missing ones when run as root with apt-get; otherwise names them and stops, so a
# test never silently skips.
set -euo pipefail
packages=(jupyter-client python3-nbclient python3-nbconvert python3-ipykernel python3-jupyter-kernel-test chromium python3-pandas cmake g++ gcc prometheus-node-exporter util-linux)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages the tests need: ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
