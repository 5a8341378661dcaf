#!/usr/bin/env bash
# Installs what is needed, builds onoma with its tests, and runs every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DONOMA_BUILD_TESTS=ON
cmake --build build-test -j2
ctest --test-dir build-test --output-on-failure -j2
