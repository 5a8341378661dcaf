#!/usr/bin/env bash
# Installs what is needed, builds onoma with its tests, and runs every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh
# The micro-benchmarks are built (not run) so that they keep compiling.
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DONOMA_BUILD_TESTS=ON \
  -DONOMA_BUILD_BENCHMARKS=ON
cmake --build build-test -j2
ctest --test-dir build-test --output-on-failure -j2

# The Python package: pip builds it from the repository root (nanobind and scikit-build-core
# come from PyPI) into a fresh virtual environment of the system Python, then pytest runs its
# tests, comparing `python -m onoma extract` with the C command just built.
rm -rf build-test/venv
/usr/bin/python3 -m venv build-test/venv
CMAKE_BUILD_PARALLEL_LEVEL=2 build-test/venv/bin/pip install --quiet --disable-pip-version-check ./ pytest hypothesis
ONOMA_CLI="$PWD/build-test/bin/onoma" build-test/venv/bin/python -m pytest tests/python -q

# Reliability: the whole C++ and Python suites again under AddressSanitizer + UBSan and the
# concurrency tests under ThreadSanitizer; the ABI guard against abi/ (the released ABI); then
# every libFuzzer target for a minute from its committed seeds (tests/fuzz/README.md).
bash tools/sanitizers.sh
bash tools/abi-check.sh
bash tools/fuzz.sh 60
