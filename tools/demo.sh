#!/usr/bin/env bash
# Installs what is needed, builds onoma, and runs the bundled gazetteer over the bundled
# example texts.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DONOMA_BUILD_TESTS=OFF >/dev/null
cmake --build build -j2 --target onoma_cli >/dev/null
echo "== onoma info" >&2
build/bin/onoma info
echo "== onoma extract examples/*.txt" >&2
build/bin/onoma extract examples/*.txt
