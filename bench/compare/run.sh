#!/usr/bin/env bash
# Peer comparison: makes bench/compare/venv (peers from PyPI + onoma from this checkout),
# then runs compare.py, which writes bench/RESULTS.md. Arguments go to compare.py
# (--full: all of en.txt; --mb N; --gazetteers small,large_realistic,large).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
fi
"$venv/bin/pip" install -q pyahocorasick ahocorasick-rs flashtext spacy
# onoma from this checkout (rebuilt when ONOMA_REINSTALL=1 or not yet installed)
if [ "${ONOMA_REINSTALL:-0}" = 1 ] || ! "$venv/bin/python" -c "import onoma" 2>/dev/null; then
  "$venv/bin/pip" install -q "$root"
fi
exec "$venv/bin/python" "$here/compare.py" "$@"
