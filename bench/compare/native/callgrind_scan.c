/* Driver for callgrind: instructions per input byte of one onoma scan.
 *
 *   valgrind --tool=callgrind --instr-atstart=no callgrind_scan GAZETTEER TEXT
 *
 * Loads the gazetteer and scans TEXT once uninstrumented (so one-time work — tables,
 * scratch growth — is not counted), then scans it again with instrumentation switched on
 * around onoma_scan only: the callgrind total is the scan's, without the load that a run
 * with and a run without the scan would have to subtract. Prints the text length and the
 * number of matches. Default options: folding, policy longest, boundary word. */
#include <onoma/onoma.h>
#include <stdio.h>
#include <stdlib.h>
#include <valgrind/callgrind.h>

static int count_match(const onoma_match* match, void* user_data) {
  (void)match;
  ++*(size_t*)user_data;
  return 0;
}

static char* read_all(const char* path, size_t* length) {
  FILE* f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* data = malloc(size > 0 ? (size_t)size : 1);
  *length = data ? fread(data, 1, (size_t)size, f) : 0;
  fclose(f);
  return data;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s GAZETTEER TEXT\n", argv[0]);
    return 2;
  }
  size_t length = 0;
  char* text = read_all(argv[2], &length);
  onoma_gazetteer* gazetteer = NULL;
  onoma_scratch* scratch = NULL;
  if (!text || onoma_gazetteer_load(argv[1], ONOMA_FORMAT_AUTO, NULL, &gazetteer, NULL) ||
      onoma_scratch_new(&scratch)) {
    fprintf(stderr, "cannot read %s or load %s\n", argv[2], argv[1]);
    return 2;
  }
  size_t warm = 0, matches = 0;
  onoma_status status = onoma_scan(gazetteer, scratch, NULL, text, length, count_match, &warm);
  CALLGRIND_START_INSTRUMENTATION;
  status |= onoma_scan(gazetteer, scratch, NULL, text, length, count_match, &matches);
  CALLGRIND_STOP_INSTRUMENTATION;
  printf("{\"bytes\": %zu, \"matches\": %zu}\n", length, matches);
  onoma_scratch_free(scratch);
  onoma_gazetteer_free(gazetteer);
  free(text);
  return status == ONOMA_OK ? 0 : 1;
}
