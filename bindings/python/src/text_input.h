// The UTF-8 bytes of one text handed to a scan, without copying them where Python allows:
//  - str: its data itself when it is ASCII; else its UTF-8 form (str_to_utf8.h), written into
//    the arena given or else into a copy that lives as long as the TextInput (a lone
//    surrogate becomes U+FFFD, also three bytes, so it behaves as the library's invalid input
//    does, one non-word character, and every offset stays exact). Scanned with code-point
//    offsets, so match offsets are str indices.
//  - bytes: its data, the object held by a reference until the TextInput is destroyed (a
//    bytes object cannot change); byte offsets. Not through the buffer protocol, whose view
//    (allocated, taken and released per text) was a tenth of find_batch's time on short texts.
//  - any other C-contiguous buffer (bytearray, memoryview, mmap, array): its bytes, held
//    through the buffer protocol until the TextInput is destroyed; byte offsets.
// Creating and destroying a TextInput needs the GIL; reading data() while it lives does not.
#pragma once

#include <Python.h>

#include <memory>

#include "str_to_utf8.h"

namespace onoma_python {

class TextInput {
 public:
  // Raises TypeError (with `what` naming the argument) for anything but str or a buffer.
  // `arena`, when given, must outlive the TextInput.
  TextInput(PyObject* text, const char* what, Utf8Arena* arena = nullptr);
  TextInput(TextInput&& other) noexcept;
  TextInput(const TextInput&) = delete;
  TextInput& operator=(const TextInput&) = delete;
  TextInput& operator=(TextInput&&) = delete;
  ~TextInput();

  const char* data() const { return data_; }
  size_t size() const { return size_; }
  bool is_str() const { return is_str_; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
  bool is_str_ = false;
  Utf8Copy owned_;  // a non-ASCII str's UTF-8 form, without an arena
  PyObject* bytes_ = nullptr;        // a new reference, for bytes
  std::unique_ptr<Py_buffer> view_;  // on the heap: batches hold many, mostly of str
};

// Decodes UTF-8 as the library reads it: each byte that does not start a valid sequence
// becomes one U+FFFD, so the result has as many code points as the library counts.
PyObject* decode_utf8_bytewise(const char* data, size_t size);

}  // namespace onoma_python
