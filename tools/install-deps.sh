#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages onoma needs to build and test. Safe to re-run.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config   # toolchain
  libicu-dev libabsl-dev                         # library dependencies
  libgtest-dev libgmock-dev                      # C++ tests
  libbenchmark-dev                               # micro-benchmarks (bench/micro)
  unicode-data bzip2                             # Unicode conformance test data
  python3 python3-venv python3-dev               # the Python package and its tests
)

as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" </dev/null
fi
