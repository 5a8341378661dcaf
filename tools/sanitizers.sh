#!/usr/bin/env bash
# Runs the test suites under sanitizers (GCC's, through the ONOMA_SANITIZE CMake option):
#   asan    build-asan: the whole project and its tests with AddressSanitizer (leaks included)
#           and UndefinedBehaviorSanitizer, then every ctest test but the consumer test;
#   python  the Python package built with the same sanitizers into build-asan/venv, and its
#           pytest suite with the sanitizer runtimes preloaded into the (uninstrumented) Python;
#   tsan    build-tsan: the C API tests with ThreadSanitizer, then the concurrency tests (one
#           gazetteer shared by many threads, each with its own scratch; fold tables first used
#           by threads at the same time).
# Usage: bash tools/sanitizers.sh [asan|python|tsan]...   (no argument: all three, in order)
# Any sanitizer report fails the run. About 10 minutes on 2 cores, mostly building.
set -euo pipefail
cd "$(dirname "$0")/.."

stages=("$@")
if [ "${#stages[@]}" -eq 0 ]; then stages=(asan python tsan); fi
for stage in "${stages[@]}"; do
  case "$stage" in
    asan | python | tsan) ;;
    *) echo "usage: $0 [asan|python|tsan]..." >&2; exit 2 ;;
  esac
done

step() { printf '\n== sanitizers (%ss): %s\n' "$SECONDS" "$*"; }

bash tools/install-deps.sh

# abort_on_error: a report kills the test with SIGABRT instead of a plain exit, so that no
# harness can mistake it for a normal failure status. UBSan reports abort too: the code is
# built with -fno-sanitize-recover=all.
asan_options=abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
asan_options+=:check_initialization_order=1:strict_init_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

asan_build() {  # [target...]
  step "building build-asan (ONOMA_SANITIZE=address,undefined) ${*:-}"
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DONOMA_BUILD_TESTS=ON \
    -DONOMA_SANITIZE=address,undefined >/dev/null
  # The build runs the test programs too (gtest_discover_tests lists their tests).
  ASAN_OPTIONS=detect_leaks=1:$asan_options cmake --build build-asan -j2 ${1:+--target "$@"}
}

run_asan() {
  asan_build
  step "ctest under AddressSanitizer + UndefinedBehaviorSanitizer"
  # Left out: onoma_consumer, which installs the library and builds programs against it with
  # the consumer's own (unsanitized) flags. An instrumented libonoma.so needs the ASan runtime
  # loaded before everything else and libonoma.a needs it at link time, so those programs
  # cannot run as built; what the test checks is packaging, which tools/test.sh covers.
  # The differential test runs 5,000 generated cases per configuration; under the sanitizers'
  # ~20x slowdown 400 keep it to seconds while every code path is still exercised.
  ASAN_OPTIONS=detect_leaks=1:$asan_options ONOMA_DIFFERENTIAL_CASES=400 \
    ctest --test-dir build-asan --output-on-failure -j2 --no-tests=error -E '^onoma_consumer$'
}

run_python() {
  if [ ! -d bindings/python ] || [ ! -f pyproject.toml ]; then
    step "Python: SKIPPED, no bindings/python or pyproject.toml in this tree"
    return
  fi
  asan_build onoma_cli  # the C command that `python -m onoma` is compared with
  step "Python package built with ONOMA_SANITIZE=address,undefined into build-asan/venv"
  rm -rf build-asan/venv
  /usr/bin/python3 -m venv build-asan/venv
  # Unstripped and with debug information, so that reports name files and lines.
  CMAKE_ARGS="-DONOMA_SANITIZE=address,undefined" CMAKE_BUILD_PARALLEL_LEVEL=2 \
    build-asan/venv/bin/pip install --quiet --disable-pip-version-check \
      --config-settings=cmake.build-type=RelWithDebInfo --config-settings=install.strip=false \
      ./ pytest hypothesis
  step "pytest under AddressSanitizer + UndefinedBehaviorSanitizer"
  # Python itself is not instrumented: the runtimes must be loaded before it, and its own
  # allocations are not ours to judge (CPython keeps objects alive at exit by design), so
  # leak detection is off here; the C++ suites above check leaks.
  # The runtimes of the compiler CMake picked for build-asan (the package build picks the same).
  local cxx preload
  cxx="$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' build-asan/CMakeCache.txt)"
  preload="$("$cxx" -print-file-name=libasan.so):$("$cxx" -print-file-name=libubsan.so)"
  LD_PRELOAD="$preload" ASAN_OPTIONS=detect_leaks=0:$asan_options \
    ONOMA_CLI="$PWD/build-asan/bin/onoma" \
    build-asan/venv/bin/python -m pytest tests/python -q -p no:cacheprovider
}

run_tsan() {
  step "building build-tsan (ONOMA_SANITIZE=thread): the C API tests"
  cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DONOMA_BUILD_TESTS=ON \
    -DONOMA_BUILD_CLI=OFF -DONOMA_INSTALL=OFF -DONOMA_SANITIZE=thread >/dev/null
  cmake --build build-tsan -j2 --target onoma_capi_tests
  # ICU is not instrumented: TSan sees the malloc of an object ICU builds once (its
  # normalizers, published by ICU's own once-flag, whose atomics TSan cannot see) but not
  # ICU's synchronization, and reports our later read of it as a race. Ignoring what ICU's
  # calls into the C library do (called_from_lib) hides exactly that; races on onoma's own
  # data are still reported.
  local suppressions=build-tsan/tsan-suppressions.txt
  printf 'called_from_lib:libicuuc.so\n' >"$suppressions"
  step "concurrency tests under ThreadSanitizer"
  TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/$suppressions" \
    ctest --test-dir build-tsan --output-on-failure -j2 --no-tests=error \
      -R '^capi\.(Threads|Concurrency)\.'
}

for stage in "${stages[@]}"; do
  "run_$stage"
done
step "passed: ${stages[*]}"
