#!/usr/bin/env bash
# Peer comparison, one command: installs what the bench needs (Debian packages for the
# native peers and callgrind; bench/compare/venv with the Python peers from PyPI and onoma
# from this checkout), builds the native programs (bench/compare/native -> build-bench-native),
# then runs compare.py, which writes bench/RESULTS.md and bench/results.png.
# Arguments go to compare.py (--full: whole texts; --mb N; --gazetteers ...; see --help).
# ONOMA_REINSTALL=1 rebuilds onoma from the checkout even if the venv has it already.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/venv"
native_build="$root/build-bench-native"

# Bench-only Debian packages (the library's own are in tools/install-deps.sh).
packages=(build-essential cmake pkg-config libicu-dev libhyperscan-dev valgrind python3-venv)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
  echo "installing: ${missing[*]}"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" </dev/null
fi

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
fi
"$venv/bin/pip" install -q pyahocorasick ahocorasick-rs daachorse flashtext spacy matplotlib
# onoma from this checkout (rebuilt when ONOMA_REINSTALL=1 or not yet installed)
if [ "${ONOMA_REINSTALL:-0}" = 1 ] || ! "$venv/bin/python" -c "import onoma" 2>/dev/null; then
  "$venv/bin/pip" install -q --force-reinstall --no-deps "$root"
fi

# The native programs; callgrind_scan and interleaved_bench link the libonoma that the venv's
# package ships, so the instruction counts are those of the library the Python rows measure.
libonoma="$("$venv/bin/python" -c 'import onoma, os; print(os.path.join(os.path.dirname(onoma.__file__), "libonoma.so.0"))')"
cmake -S "$here/native" -B "$native_build" -DCMAKE_BUILD_TYPE=Release \
  -DONOMA_LIBRARY="$libonoma" -DONOMA_INCLUDE_DIR="$root/include" >/dev/null
cmake --build "$native_build" -j2 >/dev/null

exec "$venv/bin/python" "$here/compare.py" --native-dir "$native_build" "$@"
