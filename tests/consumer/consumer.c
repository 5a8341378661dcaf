/* A client of the INSTALLED libonoma: builds a small gazetteer, scans "The U.S. and the UN",
 * prints the matches and exits non-zero unless they are the expected ones. With an argument,
 * it also loads that gazetteer file (the installed share/onoma/gazetteer.jsonl) and scans
 * the same text with it. */
#include <onoma/onoma.h>

#include <stdio.h>
#include <string.h>

static const char kText[] = "The U.S. and the UN";

struct expected_match {
  const char* id;
  uint64_t start, end;
};

struct seen {
  const onoma_gazetteer* gazetteer;
  const struct expected_match* expected;
  size_t expected_count;
  size_t count;
  int wrong;
};

static int check_match(const onoma_match* match, void* user_data) {
  struct seen* seen = (struct seen*)user_data;
  size_t id_length = 0;
  const char* id = onoma_entity_id(seen->gazetteer, match->entity, &id_length);
  const char* alias = onoma_alias_text(seen->gazetteer, match->alias, NULL);
  printf("  [%llu, %llu) %.*s via \"%s\"\n", (unsigned long long)match->start,
         (unsigned long long)match->end, (int)id_length, id ? id : "?", alias ? alias : "?");
  if (seen->count < seen->expected_count) {
    const struct expected_match* e = &seen->expected[seen->count];
    if (id == NULL || id_length != strlen(e->id) || memcmp(id, e->id, id_length) != 0 ||
        match->start != e->start || match->end != e->end) {
      seen->wrong = 1;
    }
  }
  ++seen->count;
  return 0;
}

static int scan_and_check(const onoma_gazetteer* gazetteer, const struct expected_match* expected,
                          size_t expected_count) {
  onoma_scratch* scratch = NULL;
  struct seen seen;
  onoma_status status;
  memset(&seen, 0, sizeof(seen));
  seen.gazetteer = gazetteer;
  seen.expected = expected;
  seen.expected_count = expected_count;
  if (onoma_scratch_new(&scratch) != ONOMA_OK) return 0;
  status = onoma_scan(gazetteer, scratch, NULL, kText, sizeof(kText) - 1, check_match, &seen);
  onoma_scratch_free(scratch);
  if (status != ONOMA_OK) {
    fprintf(stderr, "onoma_scan: %s\n", onoma_status_string(status));
    return 0;
  }
  if (seen.wrong || seen.count != expected_count) {
    fprintf(stderr, "unexpected matches (%zu, expected %zu)\n", seen.count, expected_count);
    return 0;
  }
  return 1;
}

static int add(onoma_builder* builder, const char* id, const char* label, const char* name,
               const char* alias) {
  onoma_error* error = NULL;
  onoma_status status = onoma_builder_add_entity(builder, id, strlen(id), label, strlen(label),
                                                 name, strlen(name), NULL, 0, &error);
  if (status == ONOMA_OK) {
    status = onoma_builder_add_alias(builder, id, strlen(id), alias, strlen(alias), 0, &error);
  }
  if (status != ONOMA_OK) {
    fprintf(stderr, "adding %s: %s\n", id, error ? error->message : onoma_status_string(status));
    onoma_error_free(error);
    return 0;
  }
  return 1;
}

int main(int argc, char** argv) {
  static const struct expected_match expected[] = {{"us", 4, 8}, {"un", 17, 19}};
  onoma_builder* builder = NULL;
  onoma_gazetteer* gazetteer = NULL;
  int ok = 1;

  printf("onoma %s (header %d.%d.%d), Unicode %s\n", onoma_version_string(), ONOMA_VERSION_MAJOR,
         ONOMA_VERSION_MINOR, ONOMA_VERSION_PATCH, onoma_unicode_version());
  if (onoma_version_number() != ONOMA_VERSION_NUMBER) {
    fprintf(stderr, "header and library versions differ\n");
    return 1;
  }
  if (onoma_builder_new(NULL, &builder) != ONOMA_OK) return 1;
  ok = add(builder, "us", "GPE", "United States", "U.S.") &&
       add(builder, "un", "ORG", "United Nations", "UN") &&
       onoma_builder_build(builder, &gazetteer, NULL) == ONOMA_OK;
  onoma_builder_free(builder);
  if (ok) {
    printf("built gazetteer:\n");
    ok = scan_and_check(gazetteer, expected, 2);
  }
  onoma_gazetteer_free(gazetteer);

  if (ok && argc > 1) {
    static const struct expected_match bundled[] = {{"united-states", 4, 8},
                                                    {"united-nations", 17, 19}};
    onoma_error* error = NULL;
    gazetteer = NULL;
    if (onoma_gazetteer_load(argv[1], ONOMA_FORMAT_AUTO, NULL, &gazetteer, &error) != ONOMA_OK) {
      fprintf(stderr, "loading %s: %s\n", argv[1], error ? error->message : "failed");
      onoma_error_free(error);
      return 1;
    }
    printf("%s:\n", argv[1]);
    ok = scan_and_check(gazetteer, bundled, 2);
    onoma_gazetteer_free(gazetteer);
  }
  return ok ? 0 : 1;
}
