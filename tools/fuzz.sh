#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang and runs each for a bounded time.
#
#   bash tools/fuzz.sh [SECONDS-PER-TARGET [TARGET...]]     (default: 60 s, every target)
#
# Each target starts from a copy of its seed corpus (tests/fuzz/corpus/TARGET, copied to
# build-fuzz/fuzz-corpus/TARGET, so the repository is never written to). Targets run side by
# side, FUZZ_JOBS at a time (default: the number of cores). Exits non-zero when any target
# finds a crash, a leak, undefined behaviour, a broken invariant, a timeout or an
# out-of-memory, and prints the reproducer and the command that replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bash tools/fuzz.sh [SECONDS-PER-TARGET [TARGET...]]" >&2
  exit 2
fi

# name:max_len:dictionary ("-" for none). Inputs are capped so that each run stays fast; the
# seeds are far below these lengths.
all_targets=(
  fuzz_jsonl:4096:gazetteer_json.dict
  fuzz_tsv:4096:-
  fuzz_spacy:4096:gazetteer_json.dict
  fuzz_scan:1024:-
  fuzz_fold:512:-
  fuzz_capi:4096:gazetteer_json.dict
)
targets=()
if [ "$#" -eq 0 ]; then
  targets=("${all_targets[@]}")
else
  for wanted in "$@"; do
    found=""
    for spec in "${all_targets[@]}"; do
      if [ "${spec%%:*}" = "$wanted" ]; then found=$spec; fi
    done
    if [ -z "$found" ]; then
      echo "unknown target $wanted (known: ${all_targets[*]%%:*})" >&2
      exit 2
    fi
    targets+=("$found")
  done
fi

started=$SECONDS

# The library's dependencies, then clang with its libFuzzer and sanitizer runtimes, checked by
# linking an empty fuzz target.
bash tools/install-deps.sh
clang_can_fuzz() {
  command -v clang++-14 >/dev/null &&
    echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) {return 0;}' |
    clang++-14 -x c++ -fsanitize=fuzzer,address,undefined - -o /dev/null 2>/dev/null
}
if ! clang_can_fuzz; then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
  echo "installing: clang-14 libclang-rt-14-dev"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq \
    clang-14 libclang-rt-14-dev </dev/null
fi

build=build-fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -DONOMA_BUILD_FUZZERS=ON \
  -DONOMA_BUILD_TESTS=OFF -DONOMA_BUILD_CLI=OFF -DONOMA_INSTALL=OFF >/dev/null
cmake --build "$build" --target onoma_fuzzers -j "$(nproc)"
echo "fuzzers built in $((SECONDS - started)) s"

corpora=$build/fuzz-corpus
artifacts=$build/fuzz-artifacts
logs=$build/fuzz-logs
mkdir -p "$corpora" "$artifacts" "$logs"

run_target() {
  local name=$1 max_len=$2 dict=$3
  local corpus=$corpora/$name
  rm -rf "$corpus" "${artifacts:?}/$name" "$logs/$name".*
  cp -r "tests/fuzz/corpus/$name" "$corpus"
  mkdir -p "$artifacts/$name"
  local args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len"
              -print_final_stats=1 -artifact_prefix="$artifacts/$name/")
  if [ "$dict" != "-" ]; then args+=(-dict="tests/fuzz/$dict"); fi
  local status=0
  # The outer limit only guards against a hang outside libFuzzer's own clock.
  timeout --kill-after=30 $((seconds + 300)) "$build/tests/fuzz/$name" "${args[@]}" "$corpus" \
    >"$logs/$name.log" 2>&1 </dev/null || status=$?
  echo "$status" >"$logs/$name.status"
}

parallel=${FUZZ_JOBS:-$(nproc)}
echo "running ${#targets[@]} target(s) for $seconds s each, $parallel at a time"
fuzz_started=$SECONDS
for spec in "${targets[@]}"; do
  IFS=: read -r name max_len dict <<<"$spec"
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n || true; done
  run_target "$name" "$max_len" "$dict" &
done
wait

failed=0
for spec in "${targets[@]}"; do
  name=${spec%%:*}
  status=$(cat "$logs/$name.status" 2>/dev/null || echo missing)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$name.log" | tail -n 1)
  coverage=$(grep -o 'cov: [0-9]*' "$logs/$name.log" | tail -n 1 || true)
  if [ "$status" = 0 ]; then
    echo "ok      $name: ${runs:-?} runs, ${coverage:-cov: ?}"
    continue
  fi
  failed=1
  echo "FAILED  $name (exit status $status); log: $logs/$name.log"
  grep -E -A12 'invariant broken|==ERROR|ERROR: libFuzzer|runtime error' \
    "$logs/$name.log" | head -n 40 | sed 's/^/    /' || true
  for reproducer in "$artifacts/$name"/*; do
    [ -e "$reproducer" ] || continue
    echo "    reproducer: $reproducer"
    echo "    replay:     $build/tests/fuzz/$name $reproducer"
  done
done
echo "fuzzing took $((SECONDS - fuzz_started)) s, tools/fuzz.sh $((SECONDS - started)) s in all"
if [ "$failed" -ne 0 ]; then
  echo "fuzzing found a defect: see above and tests/fuzz/README.md (Reproducing a crash)" >&2
  exit 1
fi
