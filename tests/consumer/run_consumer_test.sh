#!/usr/bin/env bash
# Installs onoma from a build tree into a scratch prefix and uses it as a downstream project
# would: checks the installed tree, builds consumer.c with pkg-config and with
# find_package(onoma), each against the shared and the static library, runs every program,
# then moves the prefix elsewhere and checks that the package still works from there.
#
# Options (all required): --build-dir --work-dir --config --source-dir --cc --cmake
#   --generator --make-program --pkg-config --readelf --libdir --includedir --datadir
#   --version --soversion
set -euo pipefail

for arg in "$@"; do
  case "$arg" in
    --*=*) key="${arg%%=*}"; key="${key#--}"; declare "opt_${key//-/_}=${arg#*=}" ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
for key in build_dir work_dir config source_dir cc cmake generator make_program pkg_config \
           readelf libdir includedir datadir version soversion; do
  var="opt_$key"
  if [[ -z "${!var:-}" ]]; then echo "missing --${key//_/-}" >&2; exit 2; fi
done

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
command -v "$opt_pkg_config" >/dev/null || fail "pkg-config not found ($opt_pkg_config)"

work="$opt_work_dir"
prefix="$work/prefix"
moved="$work/moved/elsewhere"
rm -rf "$work"
mkdir -p "$work"

# --- Install -----------------------------------------------------------------------------
step "cmake --install into $prefix"
"$opt_cmake" --install "$opt_build_dir" --prefix "$prefix" --config "$opt_config" \
  > "$work/install.log" || { cat "$work/install.log"; fail "cmake --install failed"; }

step "installed tree"
libdir="$prefix/$opt_libdir"
real="libonoma.so.$opt_version"
expect_file() { [[ -f "$1" && ! -L "$1" ]] || fail "missing file: ${1#"$prefix"/}"; }
expect_link() {
  [[ -L "$1" ]] || fail "not a symlink: ${1#"$prefix"/}"
  [[ "$(readlink "$1")" == "$2" ]] || fail "${1#"$prefix"/} -> $(readlink "$1"), expected $2"
}
expect_file "$prefix/$opt_includedir/onoma/onoma.h"
cmp -s "$prefix/$opt_includedir/onoma/onoma.h" "$opt_source_dir/include/onoma/onoma.h" \
  || fail "installed onoma.h differs from include/onoma/onoma.h"
expect_file "$libdir/$real"
expect_link "$libdir/libonoma.so.$opt_soversion" "$real"
expect_link "$libdir/libonoma.so" "libonoma.so.$opt_soversion"
expect_file "$libdir/libonoma.a"
for f in onomaConfig.cmake onomaConfigVersion.cmake onomaTargets.cmake; do
  expect_file "$libdir/cmake/onoma/$f"
done
compgen -G "$libdir/cmake/onoma/onomaTargets-*.cmake" >/dev/null \
  || fail "no per-configuration onomaTargets-*.cmake"
expect_file "$libdir/pkgconfig/onoma.pc"
expect_file "$prefix/$opt_datadir/onoma/gazetteer.jsonl"
[[ -z "$(find "$prefix/$opt_includedir" -type f ! -path '*/onoma/onoma.h')" ]] \
  || fail "headers other than onoma/onoma.h installed: $(find "$prefix/$opt_includedir" -type f)"
# Nothing installed may point back into the build or source tree.
for dir in "$opt_build_dir" "$opt_source_dir"; do
  if grep -rIl --fixed-strings "$dir" "$libdir/cmake" "$libdir/pkgconfig"; then
    fail "installed package files mention $dir"
  fi
done
if "$opt_readelf" -d "$libdir/$real" | grep -E 'R(UN)?PATH' | grep -F "$opt_build_dir"; then
  fail "installed libonoma keeps a build-tree RPATH"
fi
echo "ok"

# --- Helpers -----------------------------------------------------------------------------
needed() { "$opt_readelf" -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\].*/\1/p'; }
expect_shared() {  # binary, libdir it must load libonoma from
  needed "$1" | grep -qx "libonoma.so.$opt_soversion" \
    || fail "$1 does not need libonoma.so.$opt_soversion: $(needed "$1" | tr '\n' ' ')"
  local loaded
  loaded="$(ldd "$1" | sed -n 's/^[[:space:]]*libonoma\.so[^ ]* => \([^ ]*\).*/\1/p')"
  [[ -n "$loaded" && "$(realpath "$loaded")" == "$(realpath "$2")/$real" ]] \
    || fail "$1 loads libonoma from '${loaded}', not from $2"
}
expect_static() {
  if needed "$1" | grep -q '^libonoma'; then fail "$1 needs a shared libonoma"; fi
}
run() {  # binary, data dir of the prefix it belongs to
  "$1" "$2/onoma/gazetteer.jsonl" > "$1.out" 2>&1 || { cat "$1.out"; fail "$1 failed"; }
  cat "$1.out"
}

pc_build() {  # prefix, output name
  local pcdir="$1/$opt_libdir/pkgconfig" out="$work/$2"
  local cflags libs static_libs
  cflags="$(PKG_CONFIG_PATH="$pcdir" "$opt_pkg_config" --cflags onoma)"
  libs="$(PKG_CONFIG_PATH="$pcdir" "$opt_pkg_config" --libs onoma)"
  static_libs="$(PKG_CONFIG_PATH="$pcdir" "$opt_pkg_config" --static --libs onoma)"
  echo "cflags: $cflags"
  echo "libs:   $libs"
  echo "static: $static_libs"

  local pc_libdir
  pc_libdir="$(PKG_CONFIG_PATH="$pcdir" "$opt_pkg_config" --variable=libdir onoma)"
  [[ "$(realpath "$pc_libdir")" == "$(realpath "$1/$opt_libdir")" ]] \
    || fail "pkg-config libdir $pc_libdir is not $1/$opt_libdir"
  # Private dependencies stay private when linking the shared library.
  # shellcheck disable=SC2206
  local words=($libs)
  [[ "${#words[@]}" -eq 2 && "${words[1]}" == "-lonoma" ]] \
    || fail "pkg-config --libs should be just -L<libdir> -lonoma, got: $libs"

  # shellcheck disable=SC2086
  "$opt_cc" -std=c99 -o "$out-shared" "$opt_source_dir/tests/consumer/consumer.c" $cflags $libs \
    "-Wl,-rpath,$1/$opt_libdir"
  expect_shared "$out-shared" "$1/$opt_libdir"
  run "$out-shared" "$1/$opt_datadir"

  # The static link takes everything from pkg-config --static; -l:libonoma.a only makes the
  # linker pick the archive over the shared library that sits next to it.
  # shellcheck disable=SC2086
  "$opt_cc" -std=c99 -o "$out-static" "$opt_source_dir/tests/consumer/consumer.c" $cflags \
    ${static_libs//-lonoma/-l:libonoma.a}
  expect_static "$out-static"
  run "$out-static" "$1/$opt_datadir"
}

cmake_build() {  # prefix, build dir name
  local dir="$work/$2"
  "$opt_cmake" -S "$opt_source_dir/tests/consumer/project" -B "$dir" -G "$opt_generator" \
    -DCMAKE_MAKE_PROGRAM="$opt_make_program" -DCMAKE_C_COMPILER="$opt_cc" \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$1" -DEXPECTED_ONOMA_PREFIX="$1" \
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF \
    > "$dir.configure.log" 2>&1 || { cat "$dir.configure.log"; fail "configuring $2 failed"; }
  "$opt_cmake" --build "$dir" > "$dir.build.log" 2>&1 \
    || { cat "$dir.build.log"; fail "building $2 failed"; }
  expect_shared "$dir/consumer_shared" "$1/$opt_libdir"
  run "$dir/consumer_shared" "$1/$opt_datadir"
  expect_static "$dir/consumer_static"
  run "$dir/consumer_static" "$1/$opt_datadir"
}

# --- Consumers ---------------------------------------------------------------------------
step "pkg-config consumers (shared and static)"
pc_build "$prefix" pkgconfig

step "find_package(onoma) consumers (onoma::onoma and onoma::onoma_static)"
cmake_build "$prefix" cmake

# --- Relocation --------------------------------------------------------------------------
step "move the prefix to $moved"
mkdir -p "$(dirname "$moved")"
mv "$prefix" "$moved"

step "pkg-config consumers from the moved prefix"
pc_build "$moved" pkgconfig-moved

step "find_package(onoma) consumers from the moved prefix"
cmake_build "$moved" cmake-moved

step "all consumer checks passed"
