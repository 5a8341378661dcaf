/* The C API used from C99: proves that onoma.h is a valid C header and that a C program can
 * build a gazetteer, scan with both output styles and read errors. Exits non-zero on failure. */
#include <onoma/onoma.h>

#include <stdio.h>
#include <string.h>

static int failures = 0;

#define CHECK(condition)                                                   \
  do {                                                                     \
    if (!(condition)) {                                                    \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,     \
              #condition);                                                 \
      ++failures;                                                          \
    }                                                                      \
  } while (0)

static onoma_status add_entity(onoma_builder* builder, const char* id, const char* label,
                               const char* name, const char* meta) {
  return onoma_builder_add_entity(builder, id, strlen(id), label, strlen(label), name,
                                  strlen(name), meta, meta == NULL ? 0 : strlen(meta), NULL);
}

static onoma_status add_alias(onoma_builder* builder, const char* id, const char* alias,
                              uint32_t flags) {
  return onoma_builder_add_alias(builder, id, strlen(id), alias, strlen(alias), flags, NULL);
}

static int same_id(const onoma_gazetteer* gazetteer, uint32_t entity, const char* id) {
  size_t length = 0;
  const char* text = onoma_entity_id(gazetteer, entity, &length);
  return text != NULL && length == strlen(id) && memcmp(text, id, length) == 0;
}

struct collected {
  onoma_match matches[8];
  size_t count;
  size_t stop_after; /* 0: never stop */
};

static int collect(const onoma_match* match, void* user_data) {
  struct collected* c = (struct collected*)user_data;
  if (c->count < sizeof(c->matches) / sizeof(c->matches[0])) c->matches[c->count] = *match;
  ++c->count;
  return c->stop_after != 0 && c->count >= c->stop_after;
}

static void check_versions(void) {
  char expected[32];
  snprintf(expected, sizeof(expected), "%d.%d.%d", ONOMA_VERSION_MAJOR, ONOMA_VERSION_MINOR,
           ONOMA_VERSION_PATCH);
  CHECK(onoma_version_number() == ONOMA_VERSION_NUMBER);
  CHECK(strcmp(onoma_version_string(), expected) == 0);
  CHECK(strlen(onoma_unicode_version()) >= 3);
  CHECK(strcmp(onoma_status_string((onoma_status)12345), "unknown status") == 0);
}

static void check_errors(onoma_builder* builder) {
  onoma_error* error = NULL;
  onoma_status status;
  /* Label conflict with the entity added before. */
  status = onoma_builder_add_entity(builder, "un", 2, "GPE", 3, "Uno", 3, NULL, 0, &error);
  CHECK(status == ONOMA_ERROR_INVALID_INPUT);
  CHECK(error != NULL);
  if (error != NULL) {
    CHECK(error->status == ONOMA_ERROR_INVALID_INPUT);
    CHECK(strstr(error->reason, "label") != NULL);
    CHECK(strcmp(error->file, "") == 0);
    CHECK(error->line == 0);
  }
  onoma_error_free(error);
  error = NULL;
  status = onoma_builder_add_buffer(builder, "{\"id\": 1}\n", 10, ONOMA_FORMAT_JSONL, "mem.jsonl",
                                    &error);
  CHECK(status == ONOMA_ERROR_INVALID_INPUT);
  CHECK(error != NULL);
  if (error != NULL) {
    CHECK(strcmp(error->file, "mem.jsonl") == 0);
    CHECK(error->line == 1);
    CHECK(strncmp(error->message, "mem.jsonl:1: ", 13) == 0);
  }
  onoma_error_free(error);
  CHECK(onoma_builder_add_entity(NULL, "x", 1, "L", 1, "X", 1, NULL, 0, NULL) ==
        ONOMA_ERROR_INVALID_ARGUMENT);
}

int main(void) {
  onoma_gazetteer_options gazetteer_options;
  onoma_scan_options scan_options;
  onoma_builder* builder = NULL;
  onoma_gazetteer* gazetteer = NULL;
  onoma_scratch* scratch = NULL;
  struct collected collected;
  onoma_match buffer[8];
  size_t count = 0;
  onoma_scan_cursor cursor;
  uint32_t entity = 0;
  const char* text = "The U.S. and the UN met M\xC3\xA9lanie Joly in Ottawa.";
  const size_t length = strlen(text);

  check_versions();

  onoma_gazetteer_options_init(&gazetteer_options);
  CHECK(gazetteer_options.size == sizeof(gazetteer_options));
  CHECK(gazetteer_options.fold == ONOMA_FOLD_DEFAULT);
  if (onoma_builder_new(&gazetteer_options, &builder) != ONOMA_OK) {
    fprintf(stderr, "onoma_builder_new failed\n");
    return 1;
  }
  CHECK(add_entity(builder, "us", "GPE", "United States", "{\"iso3166\": \"US\"}") == ONOMA_OK);
  CHECK(add_alias(builder, "us", "U.S.", 0) == ONOMA_OK);
  CHECK(add_entity(builder, "un", "ORG", "United Nations", NULL) == ONOMA_OK);
  CHECK(add_alias(builder, "un", "UN", 0) == ONOMA_OK);
  CHECK(add_entity(builder, "joly", "PERSON", "Melanie Joly", NULL) == ONOMA_OK);
  check_errors(builder);
  CHECK(onoma_builder_build(builder, &gazetteer, NULL) == ONOMA_OK);
  onoma_builder_free(builder);
  if (gazetteer == NULL) return 1;

  CHECK(onoma_gazetteer_entity_count(gazetteer) == 3);
  CHECK(onoma_gazetteer_alias_count(gazetteer) == 5);
  CHECK(onoma_gazetteer_find_entity(gazetteer, "joly", 4, &entity) == ONOMA_OK);
  CHECK(entity == 2);
  CHECK(onoma_gazetteer_find_entity(gazetteer, "ottawa", 6, &entity) == ONOMA_ERROR_NOT_FOUND);
  CHECK(strcmp(onoma_entity_meta(gazetteer, 0, NULL), "{\"iso3166\": \"US\"}") == 0);
  CHECK(onoma_entity_meta(gazetteer, 1, NULL) == NULL);

  CHECK(onoma_scratch_new(&scratch) == ONOMA_OK);

  /* Callback style. */
  memset(&collected, 0, sizeof(collected));
  CHECK(onoma_scan(gazetteer, scratch, NULL, text, length, collect, &collected) == ONOMA_OK);
  CHECK(collected.count == 3);
  if (collected.count == 3) {
    CHECK(same_id(gazetteer, collected.matches[0].entity, "us"));
    CHECK(collected.matches[0].start == 4 && collected.matches[0].end == 8);
    CHECK(same_id(gazetteer, collected.matches[1].entity, "un"));
    CHECK(collected.matches[1].start == 17 && collected.matches[1].end == 19);
    CHECK(same_id(gazetteer, collected.matches[2].entity, "joly"));
    CHECK(collected.matches[2].start == 24 && collected.matches[2].end == 37);
  }
  memset(&collected, 0, sizeof(collected));
  collected.stop_after = 1;
  CHECK(onoma_scan(gazetteer, scratch, NULL, text, length, collect, &collected) == ONOMA_STOPPED);
  CHECK(collected.count == 1);

  /* Caller-buffer style, with code-point offsets. */
  onoma_scan_options_init(&scan_options);
  scan_options.offsets = ONOMA_OFFSETS_CODE_POINTS;
  CHECK(onoma_scan_into(gazetteer, scratch, &scan_options, text, length, NULL, 0, &count) ==
        ONOMA_ERROR_BUFFER_TOO_SMALL);
  CHECK(count == 3);
  CHECK(onoma_scan_into(gazetteer, scratch, &scan_options, text, length, buffer, 8, &count) ==
        ONOMA_OK);
  CHECK(count == 3);
  if (count == 3) {
    CHECK(buffer[2].start == 24 && buffer[2].end == 37);
    CHECK(buffer[2].unit_start == 24 && buffer[2].unit_end == 36);
    CHECK(buffer[2].flags == 0 && buffer[2].reserved == 0);
    CHECK(onoma_alias_entity(gazetteer, buffer[2].alias) == buffer[2].entity);
  }

  /* Paging, two matches per page: the same three matches, then done. */
  onoma_scan_cursor_init(&cursor);
  CHECK(onoma_scan_page(gazetteer, scratch, &scan_options, text, length, &cursor, buffer, 2,
                        &count) == ONOMA_OK);
  CHECK(count == 2 && !(cursor.flags & ONOMA_CURSOR_DONE) && cursor.offset == 24);
  CHECK(onoma_scan_page(gazetteer, scratch, &scan_options, text, length, &cursor, buffer, 2,
                        &count) == ONOMA_OK);
  CHECK(count == 1 && (cursor.flags & ONOMA_CURSOR_DONE));
  CHECK(buffer[0].start == 24 && buffer[0].unit_end == 36);

  onoma_scratch_free(scratch);
  onoma_gazetteer_free(gazetteer);
  onoma_error_free(NULL);

  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("c_api_test: all checks passed\n");
  return 0;
}
