// Owning pointers for the C API's objects, so that every return path frees them.
#pragma once

#include <onoma/onoma.h>

#include <memory>

namespace onoma::cli {

template <auto Free>
struct FreeWith {
  template <typename T>
  void operator()(T* object) const {
    Free(object);
  }
};

using BuilderHandle = std::unique_ptr<onoma_builder, FreeWith<onoma_builder_free>>;
using GazetteerHandle = std::unique_ptr<onoma_gazetteer, FreeWith<onoma_gazetteer_free>>;
using ScratchHandle = std::unique_ptr<onoma_scratch, FreeWith<onoma_scratch_free>>;
using ErrorHandle = std::unique_ptr<onoma_error, FreeWith<onoma_error_free>>;

}  // namespace onoma::cli
