#include "gazetteer_loader.h"

#include "default_gazetteer.h"
#include "errors.h"

namespace onoma::cli {
namespace {

// The library's own message when it gave one, else the description of the status.
[[noreturn]] void fail(onoma_status status, onoma_error* raw_error) {
  const ErrorHandle error(raw_error);
  throw FatalError(error ? error->message : onoma_status_string(status));
}

}  // namespace

std::vector<std::string> gazetteer_files(const GazetteerArguments& arguments) {
  if (!arguments.files.empty()) return arguments.files;
  return {locate_default_gazetteer()};
}

GazetteerHandle build_gazetteer(const std::vector<std::string>& files, int format, uint32_t fold,
                                uint32_t index) {
  onoma_gazetteer_options options;
  onoma_gazetteer_options_init(&options);
  options.fold = fold;
  options.index = index;

  onoma_error* error = nullptr;
  onoma_gazetteer* gazetteer = nullptr;
  onoma_status status = ONOMA_OK;
  if (files.size() == 1) {
    // onoma_gazetteer_load releases what its build has copied as it goes, where a builder
    // keeps it all to stay usable: the 817k GeoNames aliases load with a lower peak.
    status = onoma_gazetteer_load(files[0].c_str(), format, &options, &gazetteer, &error);
    if (status != ONOMA_OK) fail(status, error);
    return GazetteerHandle(gazetteer);
  }

  onoma_builder* raw_builder = nullptr;
  status = onoma_builder_new(&options, &raw_builder);
  if (status != ONOMA_OK) fail(status, nullptr);
  const BuilderHandle builder(raw_builder);

  for (const std::string& file : files) {
    status = onoma_builder_add_file(builder.get(), file.c_str(), format, &error);
    if (status != ONOMA_OK) fail(status, error);
  }
  status = onoma_builder_build(builder.get(), &gazetteer, &error);
  if (status != ONOMA_OK) fail(status, error);
  return GazetteerHandle(gazetteer);
}

}  // namespace onoma::cli
