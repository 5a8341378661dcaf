#!/usr/bin/env bash
# ABI guard (abi/README.md): compares libonoma as built from this tree with the released ABI
# recorded in abi/, and fails on any change that would break a program built against the
# release.
#   - abi/libonoma.abi: what `abidw` (Debian's abigail-tools) reads from the library's debug
#     information, limited to the public header include/onoma/onoma.h: the exported functions,
#     their ELF symbols and symbol versions, the SONAME, and every type they reach (sizes,
#     field offsets, enumerator values). `abidiff` compares it with the new build.
#   - abi/constants.txt: the header's #define constants (ONOMA_FOLD_*, ONOMA_POLICY_*, ...),
#     which programs compile in but which no debug information records.
# Usage:
#   bash tools/abi-check.sh                    check (CI); exit status 1 on a breaking change
#   bash tools/abi-check.sh --update-baseline  record the ABI of this tree as the baseline
set -euo pipefail
cd "$(dirname "$0")/.."

mode=check
case "${1:-}" in
  "") ;;
  --update-baseline) mode=update ;;
  *) echo "usage: $0 [--update-baseline]" >&2; exit 2 ;;
esac

baseline=abi/libonoma.abi
baseline_constants=abi/constants.txt
build=build-abi
# Structs that onoma.h lets grow at the end: the options structs, whose first field is their
# size (a program built against an older header passes the older, smaller size, and the
# library reads only what that size covers), and onoma_error, which only the library
# allocates. onoma_match is not one: programs allocate arrays of it, its size is their stride.
growable_structs="onoma_gazetteer_options onoma_scan_options onoma_error"

bash tools/install-deps.sh
if ! command -v abidiff >/dev/null || ! command -v abidw >/dev/null; then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
  echo "installing: abigail-tools"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq abigail-tools </dev/null
fi

# The shared library alone, as released (RelWithDebInfo: -O2 -g), for its debug information.
mkdir -p "$build"
if ! { cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DONOMA_BUILD_TESTS=OFF \
         -DONOMA_BUILD_CLI=OFF -DONOMA_INSTALL=OFF -DONOMA_SANITIZE= \
       && cmake --build "$build" -j2 --target onoma; } >"$build/build.log" 2>&1; then
  cat "$build/build.log"
  echo "abi-check: FAIL: the library does not build" >&2
  exit 1
fi
# The link step points libonoma.so at the file it just wrote (older ones may linger).
library="$(readlink -f "$build/src/libonoma.so")"
[ -f "$library" ] || { echo "abi-check: no $build/src/libonoma.so" >&2; exit 1; }

# Only the exported functions and the types include/onoma defines (the C++ internals, ICU and
# Abseil are not the ABI); no paths of this checkout and no DT_NEEDED (the versions of the
# dependencies), so that the record is the same wherever and against whatever it is built.
abidw --headers-dir include/onoma --drop-private-types --exported-interfaces-only \
  --no-elf-needed --no-corpus-path --no-comp-dir-path --short-locs \
  --out-file "$build/libonoma.abi" "$library"
# The header's constants as the preprocessor sees them, but for the version of this release
# (it changes with every release) and the header's own machinery.
cc -E -dM -x c include/onoma/onoma.h | grep -E '^#define ONOMA_' \
  | grep -vE '^#define ONOMA_(VERSION_[A-Z]+|API|ONOMA_H)[ (]' | sort >"$build/constants.txt"

soname_of() { sed -n "s/.*<abi-corpus [^>]*soname='\([^']*\)'.*/\1/p" "$1" | head -n 1; }

if [ "$mode" = update ]; then
  mkdir -p abi
  cp "$build/libonoma.abi" "$baseline"
  cp "$build/constants.txt" "$baseline_constants"
  echo "abi-check: recorded the ABI of $(soname_of "$baseline") in $baseline and" \
       "$baseline_constants; commit them with the change"
  exit 0
fi

for f in "$baseline" "$baseline_constants"; do
  if [ ! -f "$f" ]; then
    echo "abi-check: no baseline $f (bash tools/abi-check.sh --update-baseline)" >&2
    exit 1
  fi
done

# A new SONAME is the deliberate way to break the ABI; the baseline is then recorded anew in
# the same change (abi/README.md).
old_soname="$(soname_of "$baseline")"
new_soname="$(soname_of "$build/libonoma.abi")"
if [ "$old_soname" != "$new_soname" ]; then
  echo "abi-check: FAIL: the baseline is the ABI of $old_soname, this tree builds $new_soname."
  echo "  After a deliberate ABI break, record the new ABI in the same change:"
  echo "  bash tools/abi-check.sh --update-baseline (abi/README.md)"
  exit 1
fi

status=0
fail() { echo "abi-check: FAIL: $*"; status=1; }

# abidiff's exit status is a bit set: 1 error, 2 usage error, 4 the ABIs differ, 8 some change
# is incompatible. abidiff sets 8 only for removed or changed symbols; a field inserted into
# onoma_match or a parameter whose type changed sets 4 alone. So any reported change fails,
# except two kinds that are compatible:
#   - functions added since the release (--no-added-syms for the verdict; the report shows
#     them): they are not released yet, and join the baseline when it is recorded;
#   - fields appended to the growable structs (the suppression below).
regexp="^($(echo "$growable_structs" | tr ' ' '|'))\$"
cat >"$build/growable-structs.abignore" <<EOF
# Written by tools/abi-check.sh. type_kind = struct: a typedef of the same name must not match,
# or every change of the struct behind it would be hidden.
[suppress_type]
  type_kind = struct
  name_regexp = $regexp
  has_data_member_inserted_at = end
  has_size_change = yes
EOF
echo "== abidiff $baseline (released ABI of $old_soname) -> $library"
abidiff_options=(--no-corpus-path --suppressions "$build/growable-structs.abignore")
abidiff "${abidiff_options[@]}" "$baseline" "$build/libonoma.abi" || true
set +e
abidiff "${abidiff_options[@]}" --no-added-syms "$baseline" "$build/libonoma.abi" >/dev/null
abidiff_status=$?
set -e
if [ $((abidiff_status & 3)) -ne 0 ]; then
  fail "abidiff could not compare (status $abidiff_status)"
elif [ $((abidiff_status & 8)) -ne 0 ]; then
  fail "incompatible change to the ABI of $old_soname (abidiff status $abidiff_status), see above"
elif [ $((abidiff_status & 4)) -ne 0 ]; then
  fail "the ABI of $old_soname changed (abidiff status $abidiff_status), see above"
fi

# libabigail 2.2's suppression also hides a growable struct's changes that are not insertions
# (a field retyped or reordered, same size): check that the released fields are all still
# there, in order, at the same offsets and with the same types, whatever follows them.
echo "== released fields of $growable_structs"
if ! python3 - "$baseline" "$build/libonoma.abi" $growable_structs <<'EOF'; then
import sys
import xml.etree.ElementTree as ET


def fields(path, names):
    root = ET.parse(path).getroot()
    types = {e.get("id"): e for e in root.iter() if e.get("id")}

    def type_name(type_id):
        e = types.get(type_id)
        if e is None:
            return "?"
        if e.tag == "pointer-type-def":
            return type_name(e.get("type-id")) + "*"
        if e.tag == "qualified-type-def":
            qualifiers = [q for q in ("const", "volatile") if e.get(q) == "yes"]
            return " ".join(qualifiers + [type_name(e.get("type-id"))])
        return f"{e.get('name') or e.tag} ({size(type_id)} bits)"

    def size(type_id):
        e = types.get(type_id)
        if e is None:
            return "?"
        if e.get("size-in-bits"):
            return e.get("size-in-bits")
        if e.tag in ("typedef-decl", "qualified-type-def"):
            return size(e.get("type-id"))
        return "?"

    result = {}
    for e in root.iter("class-decl"):
        if e.get("name") in names and e.get("is-declaration-only") != "yes":
            result.setdefault(e.get("name"), [
                (m.get("layout-offset-in-bits"), v.get("name"), type_name(v.get("type-id")))
                for m in e.findall("data-member") for v in m.findall("var-decl")])
    return result


released, now = fields(sys.argv[1], sys.argv[3:]), fields(sys.argv[2], sys.argv[3:])
broken = False
for name, old in released.items():
    new = now.get(name, [])
    if new[:len(old)] != old:
        broken = True
        print(f"{name}: released fields changed (only appending fields is compatible)")
        for label, members in (("released", old), ("now", new)):
            print(f"  {label}: " + "; ".join(f"{n} {t} at bit {o}" for o, n, t in members))
sys.exit(1 if broken else 0)
EOF
  fail "a growable struct changed its released fields"
else
  echo "abi-check: the released fields are unchanged"
fi
[ "$status" -ne 0 ] || echo "abi-check: no released function or type changed"

echo "== header constants: $baseline_constants -> include/onoma/onoma.h"
removed="$(comm -23 "$baseline_constants" "$build/constants.txt")"
added="$(comm -13 "$baseline_constants" "$build/constants.txt")"
if [ -n "$added" ]; then printf 'added or changed to:\n%s\n' "$added"; fi
if [ -n "$removed" ]; then
  printf 'removed or changed from:\n%s\n' "$removed"
  fail "released constants were removed or changed"
else
  echo "abi-check: the released constants are unchanged"
fi

if [ "$status" -ne 0 ]; then
  echo
  echo "abi-check: if this break is deliberate: bump ONOMA_SOVERSION in CMakeLists.txt, run"
  echo "  bash tools/abi-check.sh --update-baseline, commit abi/ with the change (abi/README.md)."
fi
exit "$status"
