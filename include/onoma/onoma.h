/*
 * onoma — find the mentions of known entities in text, however the text writes them.
 *
 * The stable C interface of libonoma. Plain C99; no other header of the library is needed.
 *
 * Model: a gazetteer (entities with an id, a label, a canonical name, aliases and optional
 * JSON metadata) is built once — from files or with a builder — and is then immutable: any
 * number of threads may scan with one gazetteer at the same time, each with its own scratch.
 *
 * Conventions:
 *  - Fallible calls return onoma_status: ONOMA_OK (0), a positive informational value, or a
 *    negative error. Values are frozen once released.
 *  - Results come back through out-parameters, which are left untouched on error.
 *  - Every object the library allocates has a free function; every free function accepts NULL.
 *  - Text is (const char* data, size_t length), UTF-8, not necessarily NUL-terminated and not
 *    necessarily valid: each invalid byte behaves as U+FFFD and offsets stay exact.
 *  - Strings the library returns are NUL-terminated UTF-8 owned by the object they came from.
 *  - Options structs start with a size field that the matching _init function sets; fields are
 *    only ever appended. A struct larger than the library knows is accepted and the fields it
 *    does not know are ignored; one smaller than the first release's is rejected.
 *  - No C++ exception crosses this interface; running out of memory is ONOMA_ERROR_NO_MEMORY.
 */
#ifndef ONOMA_ONOMA_H
#define ONOMA_ONOMA_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#  if defined(ONOMA_BUILDING_LIBRARY)
#    define ONOMA_API __declspec(dllexport)
#  elif defined(ONOMA_SHARED)
#    define ONOMA_API __declspec(dllimport)
#  else
#    define ONOMA_API
#  endif
#elif defined(__GNUC__)
#  define ONOMA_API __attribute__((visibility("default")))
#else
#  define ONOMA_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------- */
/* Versions                                                                                  */

#define ONOMA_VERSION_MAJOR 0
#define ONOMA_VERSION_MINOR 1
#define ONOMA_VERSION_PATCH 0
/* MAJOR * 10000 + MINOR * 100 + PATCH */
#define ONOMA_VERSION_NUMBER \
  (ONOMA_VERSION_MAJOR * 10000 + ONOMA_VERSION_MINOR * 100 + ONOMA_VERSION_PATCH)

/* The version of the library actually linked, as ONOMA_VERSION_NUMBER; compare the two to
 * detect a header/library mismatch. */
ONOMA_API unsigned onoma_version_number(void);
/* The same as "MAJOR.MINOR.PATCH"; static storage. */
ONOMA_API const char* onoma_version_string(void);
/* The Unicode version of the character data folding uses, e.g. "15.0"; static storage. */
ONOMA_API const char* onoma_unicode_version(void);

/* ---------------------------------------------------------------------------------------- */
/* Status and errors                                                                         */

typedef enum onoma_status {
  ONOMA_OK = 0,
  ONOMA_STOPPED = 1,                  /* a match callback asked to stop the scan */
  ONOMA_ERROR_INVALID_ARGUMENT = -1,  /* NULL where an object is needed, bad option value */
  ONOMA_ERROR_NO_MEMORY = -2,
  ONOMA_ERROR_IO = -3,                /* a file could not be opened or read */
  ONOMA_ERROR_INVALID_INPUT = -4,     /* bad gazetteer input: the onoma_error says where/why */
  ONOMA_ERROR_NOT_FOUND = -5,         /* no entity with that id */
  ONOMA_ERROR_BUFFER_TOO_SMALL = -6,  /* more matches than the caller's buffer holds */
  ONOMA_ERROR_INTERNAL = -7           /* a defect in onoma; please report it */
} onoma_status;

/* A short English description of a status, e.g. "invalid gazetteer input"; static storage.
 * Unknown values give "unknown status". */
ONOMA_API const char* onoma_status_string(onoma_status status);

/* Details of a failed build or load. Functions that take `onoma_error** error` set *error to a
 * new object on failure when `error` is not NULL (and leave it alone on success); the caller
 * frees it with onoma_error_free. The library only ever appends fields to this struct. */
typedef struct onoma_error {
  onoma_status status;
  const char* message; /* full message: "file:line: reason" */
  const char* reason;  /* the reason alone */
  const char* file;    /* the file concerned, or "" */
  uint64_t line;       /* 1-based line in that file, or 0 */
} onoma_error;

ONOMA_API void onoma_error_free(onoma_error* error);

/* ---------------------------------------------------------------------------------------- */
/* Folding and gazetteer options                                                             */

/* The parts of folding (DESIGN: matching contract). Text and aliases are folded alike and
 * compared; offsets always refer to the original text. */
#define ONOMA_FOLD_CANONICAL 0x01u     /* NFD: precomposed and decomposed accents agree */
#define ONOMA_FOLD_COMPATIBILITY 0x02u /* NFKD: ligatures, full-width forms, superscripts */
#define ONOMA_FOLD_CASE 0x04u          /* full case folding: ß = ss, İ = i̇, Σ = σ = ς */
#define ONOMA_FOLD_MARKS 0x08u         /* diacritics removed; ø→o, ł→l, æ→ae, ı→i ... */
#define ONOMA_FOLD_PUNCTUATION 0x10u   /* dashes → '-', typographic quotes → ' and " */
#define ONOMA_FOLD_WHITE_SPACE 0x20u   /* every run of white space (NBSP, line breaks) → ' ' */
#define ONOMA_FOLD_IGNORABLES 0x40u    /* default-ignorables (soft hyphen, ZWSP, ZWJ) dropped */
#define ONOMA_FOLD_DEFAULT 0x7Fu       /* all of the above */
#define ONOMA_FOLD_EXACT 0x00u         /* none: byte-exact matching */

/* Gazetteer file formats. */
#define ONOMA_FORMAT_AUTO 0  /* .tsv/.tab: TSV; else JSON Lines, or spaCy patterns if the first
                                record has "pattern" and no "name" */
#define ONOMA_FORMAT_JSONL 1 /* {"id","label","name","aliases","meta"} per line */
#define ONOMA_FORMAT_TSV 2   /* id<TAB>label<TAB>name<TAB>alias|alias|... */
#define ONOMA_FORMAT_SPACY 3 /* spaCy EntityRuler {"label","pattern","id"}, string patterns */

/* What a gazetteer's search structure is made of (onoma_gazetteer_options.index).
 * BYTES: a node per byte of every folded alias; serves every scan. WORDS: a node per word of
 * every alias, for gazetteers of millions of aliases (less memory, slower scans); scans take
 * ONOMA_BOUNDARY_WORD only, and a character that is no letter
 * or digit as written but folds to some (™ → tm, № → no) is a word of its own: with WORDS
 * an alias "AcmeTM" is not found in "Acme™", and is with BYTES. */
#define ONOMA_INDEX_BYTES 0
#define ONOMA_INDEX_WORDS 1

typedef struct onoma_gazetteer_options {
  size_t size;   /* sizeof(onoma_gazetteer_options), set by onoma_gazetteer_options_init */
  uint32_t fold; /* ONOMA_FOLD_* bits; default ONOMA_FOLD_DEFAULT */
  /* ONOMA_INDEX_*; default ONOMA_INDEX_BYTES. 64 bits so that it begins past the padding of
     the first release's struct, which programs built against it may not have zeroed. */
  uint64_t index;
} onoma_gazetteer_options;

/* Fills `options` with the defaults. NULL is ignored. */
ONOMA_API void onoma_gazetteer_options_init(onoma_gazetteer_options* options);

/* ---------------------------------------------------------------------------------------- */
/* Building a gazetteer                                                                      */

typedef struct onoma_builder onoma_builder;
typedef struct onoma_gazetteer onoma_gazetteer;

/* Per-alias flags, a bit set (further flags will be added). Without a case flag, an alias of
 * only capital letters, digits and dots with one to four letters ("US", "U.S.", "G7") is
 * case-sensitive and any other alias is not. */
#define ONOMA_ALIAS_CASE_SENSITIVE 0x01u   /* match only with this case (the rest still folds) */
#define ONOMA_ALIAS_CASE_INSENSITIVE 0x02u /* never case-sensitive, even if it looks like "US" */

/* Creates an empty builder. `options` may be NULL for the defaults.
 * @return ONOMA_OK, ONOMA_ERROR_INVALID_ARGUMENT (out NULL, unknown fold bits, bad size),
 *         ONOMA_ERROR_NO_MEMORY. */
ONOMA_API onoma_status onoma_builder_new(const onoma_gazetteer_options* options,
                                         onoma_builder** out);
ONOMA_API void onoma_builder_free(onoma_builder* builder);

/* Adds an entity; its name is also its first alias. If an entity with this id exists and has
 * the same label, the two merge (the new name becomes an alias). `meta_json` is a JSON object
 * returned verbatim by onoma_entity_meta; NULL with length 0 (or any pointer with length 0)
 * for none.
 * All-or-nothing: on error the builder is unchanged.
 * @return ONOMA_OK, ONOMA_ERROR_INVALID_INPUT (empty or invalid UTF-8 field, U+0000 in the
 *         id, label or name, name folding to nothing, label conflict, meta not a JSON
 *         object), ONOMA_ERROR_INVALID_ARGUMENT,
 *         ONOMA_ERROR_NO_MEMORY. */
ONOMA_API onoma_status onoma_builder_add_entity(onoma_builder* builder, const char* id,
                                                size_t id_length, const char* label,
                                                size_t label_length, const char* name,
                                                size_t name_length, const char* meta_json,
                                                size_t meta_length, onoma_error** error);

/* Adds an alias with ONOMA_ALIAS_* `flags` to the entity `id` (added before).
 * @return ONOMA_OK, ONOMA_ERROR_INVALID_INPUT (invalid UTF-8, U+0000, folds to nothing,
 *         unknown or contradictory flags, no such entity), ONOMA_ERROR_INVALID_ARGUMENT,
 *         ONOMA_ERROR_NO_MEMORY. */
ONOMA_API onoma_status onoma_builder_add_alias(onoma_builder* builder, const char* id,
                                               size_t id_length, const char* alias,
                                               size_t alias_length, uint32_t flags,
                                               onoma_error** error);

/* Adds every entity of a gazetteer file (NUL-terminated path) in ONOMA_FORMAT_* `format`, or
 * none of them: any defect rejects the whole file, and the error names file, line and reason.
 * @return ONOMA_OK, ONOMA_ERROR_IO, ONOMA_ERROR_INVALID_INPUT, ONOMA_ERROR_INVALID_ARGUMENT,
 *         ONOMA_ERROR_NO_MEMORY. */
ONOMA_API onoma_status onoma_builder_add_file(onoma_builder* builder, const char* path,
                                              int format, onoma_error** error);

/* The same for gazetteer content held in memory; `name` (NUL-terminated, may be NULL) is
 * used as the file name in error messages and for ONOMA_FORMAT_AUTO. */
ONOMA_API onoma_status onoma_builder_add_buffer(onoma_builder* builder, const char* data,
                                                size_t length, int format, const char* name,
                                                onoma_error** error);

/* Compiles what was added into a new immutable gazetteer. The builder stays usable.
 * @return ONOMA_OK, ONOMA_ERROR_INVALID_INPUT (e.g. over 4 GiB of text),
 *         ONOMA_ERROR_INVALID_ARGUMENT, ONOMA_ERROR_NO_MEMORY. */
ONOMA_API onoma_status onoma_builder_build(const onoma_builder* builder, onoma_gazetteer** out,
                                           onoma_error** error);

/* Shortcut: a builder, one file, build. `options` may be NULL.
 * @return as onoma_builder_add_file and onoma_builder_build. */
ONOMA_API onoma_status onoma_gazetteer_load(const char* path, int format,
                                            const onoma_gazetteer_options* options,
                                            onoma_gazetteer** out, onoma_error** error);

/* ---------------------------------------------------------------------------------------- */
/* Inspecting a gazetteer (all thread-safe: the gazetteer is immutable)                      */

ONOMA_API void onoma_gazetteer_free(onoma_gazetteer* gazetteer);

/* Counts; 0 for a NULL gazetteer. Entities and aliases are numbered from 0; an entity's
 * aliases are consecutive numbers and its first alias is its name. */
ONOMA_API size_t onoma_gazetteer_entity_count(const onoma_gazetteer* gazetteer);
ONOMA_API size_t onoma_gazetteer_alias_count(const onoma_gazetteer* gazetteer);
ONOMA_API size_t onoma_gazetteer_label_count(const onoma_gazetteer* gazetteer);
/* Bytes of memory the gazetteer holds (excluding process-wide Unicode tables). */
ONOMA_API size_t onoma_gazetteer_memory_usage(const onoma_gazetteer* gazetteer);
/* The ONOMA_FOLD_* bits the gazetteer was built with. */
ONOMA_API uint32_t onoma_gazetteer_fold(const onoma_gazetteer* gazetteer);
/* The ONOMA_INDEX_* it was built with; ONOMA_INDEX_BYTES for NULL. */
ONOMA_API uint32_t onoma_gazetteer_index(const onoma_gazetteer* gazetteer);
/* Label number `index` (labels are numbered in order of first appearance); NULL if out of
 * range. If `length` is not NULL it receives the length in bytes. */
ONOMA_API const char* onoma_gazetteer_label(const onoma_gazetteer* gazetteer, uint32_t index,
                                            size_t* length);

/* Looks an entity up by id: a binary search over the ids, about log2(entity count) string
 * comparisons. @return ONOMA_OK, ONOMA_ERROR_NOT_FOUND, ONOMA_ERROR_INVALID_ARGUMENT. */
ONOMA_API onoma_status onoma_gazetteer_find_entity(const onoma_gazetteer* gazetteer,
                                                   const char* id, size_t id_length,
                                                   uint32_t* entity);

/* Entity fields; NULL if `entity` is out of range. `length` may be NULL. The meta accessor
 * returns NULL when the entity has no metadata. */
ONOMA_API const char* onoma_entity_id(const onoma_gazetteer* gazetteer, uint32_t entity,
                                      size_t* length);
ONOMA_API const char* onoma_entity_label(const onoma_gazetteer* gazetteer, uint32_t entity,
                                         size_t* length);
ONOMA_API const char* onoma_entity_name(const onoma_gazetteer* gazetteer, uint32_t entity,
                                        size_t* length);
ONOMA_API const char* onoma_entity_meta(const onoma_gazetteer* gazetteer, uint32_t entity,
                                        size_t* length);
/* The entity's aliases are [first, first + count). For an out-of-range entity the count is 0
 * and the first alias UINT32_MAX. Aliases of one entity that fold alike are kept once. */
ONOMA_API uint32_t onoma_entity_alias_count(const onoma_gazetteer* gazetteer, uint32_t entity);
ONOMA_API uint32_t onoma_entity_first_alias(const onoma_gazetteer* gazetteer, uint32_t entity);

/* Alias fields: its text as written; its entity (UINT32_MAX if out of range); its flags as
 * given (ONOMA_ALIAS_*); whether it is case-sensitive after the default rule (1/0). */
ONOMA_API const char* onoma_alias_text(const onoma_gazetteer* gazetteer, uint32_t alias,
                                       size_t* length);
ONOMA_API uint32_t onoma_alias_entity(const onoma_gazetteer* gazetteer, uint32_t alias);
ONOMA_API uint32_t onoma_alias_flags(const onoma_gazetteer* gazetteer, uint32_t alias);
ONOMA_API int onoma_alias_is_case_sensitive(const onoma_gazetteer* gazetteer, uint32_t alias);

/* ---------------------------------------------------------------------------------------- */
/* Scanning                                                                                  */

/* Working memory for scans. Not thread-safe: give each thread its own. Any scratch works with
 * any gazetteer. @return ONOMA_OK, ONOMA_ERROR_INVALID_ARGUMENT, ONOMA_ERROR_NO_MEMORY. */
typedef struct onoma_scratch onoma_scratch;
ONOMA_API onoma_status onoma_scratch_new(onoma_scratch** out);
ONOMA_API void onoma_scratch_free(onoma_scratch* scratch);

#define ONOMA_POLICY_LONGEST 0 /* leftmost-longest, non-overlapping, left to right */
#define ONOMA_POLICY_ALL 1     /* every match, overlapping, ordered by start then end */

#define ONOMA_BOUNDARY_WORD 0 /* an alias starting (ending) with a letter, mark, number or
                                 connector must not have one just before (after) it */
#define ONOMA_BOUNDARY_NONE 1 /* substring matching (spaceless scripts, plain search); not
                                 with a gazetteer built with ONOMA_INDEX_WORDS */

#define ONOMA_OFFSETS_BYTES 0       /* unit_start/unit_end in bytes (same as start/end) */
#define ONOMA_OFFSETS_CODE_POINTS 1 /* in code points (Python str indices) */
#define ONOMA_OFFSETS_UTF16 2       /* in UTF-16 code units (Java, JavaScript, .NET) */

typedef struct onoma_scan_options {
  size_t size;    /* sizeof(onoma_scan_options), set by onoma_scan_options_init */
  int policy;     /* ONOMA_POLICY_*; default LONGEST */
  int boundary;   /* ONOMA_BOUNDARY_*; default WORD */
  int offsets;    /* ONOMA_OFFSETS_* for unit_start/unit_end; default BYTES */
} onoma_scan_options;

/* Fills `options` with the defaults. NULL is ignored. */
ONOMA_API void onoma_scan_options_init(onoma_scan_options* options);

#define ONOMA_MATCH_AMBIGUOUS 0x01u /* other entities share exactly this span */

typedef struct onoma_match {
  uint64_t start;      /* byte offset of the first byte in the original text */
  uint64_t end;        /* byte offset just past the last byte */
  uint64_t unit_start; /* start in the unit chosen by onoma_scan_options.offsets */
  uint64_t unit_end;
  uint32_t entity;     /* entity number: see onoma_entity_* */
  uint32_t alias;      /* the alias that matched: see onoma_alias_* */
  uint32_t flags;      /* ONOMA_MATCH_* */
  uint32_t reserved;   /* 0 */
} onoma_match;

/* Called for each match, in order. Return 0 to go on, anything else to stop the scan. A C++
 * callback must not throw; if it does, the scan ends with ONOMA_ERROR_INTERNAL. */
typedef int (*onoma_match_callback)(const onoma_match* match, void* user_data);

/* Scans `text` and calls `callback` for every match. `options` may be NULL for defaults.
 * Thread-safe for distinct scratches. @return ONOMA_OK, ONOMA_STOPPED (the callback asked),
 * ONOMA_ERROR_INVALID_ARGUMENT (NULL gazetteer, scratch or callback; NULL text with a
 * non-zero length; bad option; ONOMA_BOUNDARY_NONE with a gazetteer built with
 * ONOMA_INDEX_WORDS), ONOMA_ERROR_NO_MEMORY. */
ONOMA_API onoma_status onoma_scan(const onoma_gazetteer* gazetteer, onoma_scratch* scratch,
                                  const onoma_scan_options* options, const char* text,
                                  size_t length, onoma_match_callback callback,
                                  void* user_data);

/* Scans `text` into the caller's array `matches` of `capacity` elements (may be NULL when
 * capacity is 0). *count receives the total number of matches in the text, written or not.
 * @return ONOMA_OK, or ONOMA_ERROR_BUFFER_TOO_SMALL when *count > capacity (the first
 *         `capacity` matches are written), or as onoma_scan. */
ONOMA_API onoma_status onoma_scan_into(const onoma_gazetteer* gazetteer, onoma_scratch* scratch,
                                       const onoma_scan_options* options, const char* text,
                                       size_t length, onoma_match* matches, size_t capacity,
                                       size_t* count);

/* Paging: where the next page of matches begins. Initialize with onoma_scan_cursor_init
 * before the first page, then pass the same cursor, text and options to every call; callers
 * read `flags` (ONOMA_CURSOR_DONE) and may read `offset` (how far the text has been paged)
 * but set nothing. */
#define ONOMA_CURSOR_DONE 0x01u       /* every match has been returned; offset = length */
#define ONOMA_CURSOR_AFTER_WORD 0x02u /* internal: a word character precedes `offset` */

typedef struct onoma_scan_cursor {
  uint64_t offset;      /* byte offset where the next page starts: the start of its first match */
  uint64_t unit_offset; /* `offset` in the unit of onoma_scan_options.offsets */
  uint64_t skip;        /* matches starting at `offset` that earlier pages returned */
  uint32_t flags;       /* ONOMA_CURSOR_* */
  uint32_t reserved;    /* 0 */
} onoma_scan_cursor;

/* Sets `cursor` to the start of a text. NULL is ignored. */
ONOMA_API void onoma_scan_cursor_init(onoma_scan_cursor* cursor);

/* Writes the next matches of `text` after `cursor` into `matches` (at most `capacity`, at
 * least 1 when any is left), sets *count to the number written and advances `cursor`; sets
 * ONOMA_CURSOR_DONE in cursor->flags once the last match has been returned. The pages
 * together hold exactly the matches of one onoma_scan, in order, so any output — however large
 * the `all` policy makes it — can be taken in pieces of bounded size. Each call resumes at the
 * cursor: it reads again no more than the longest alias's worth of text, plus the matches at
 * the cursor's offset that earlier pages returned.
 * @return ONOMA_OK, ONOMA_ERROR_INVALID_ARGUMENT (NULL cursor or count, capacity 0, a cursor
 *         past the end of the text, or as onoma_scan), ONOMA_ERROR_NO_MEMORY. */
ONOMA_API onoma_status onoma_scan_page(const onoma_gazetteer* gazetteer, onoma_scratch* scratch,
                                       const onoma_scan_options* options, const char* text,
                                       size_t length, onoma_scan_cursor* cursor,
                                       onoma_match* matches, size_t capacity, size_t* count);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ONOMA_ONOMA_H */
