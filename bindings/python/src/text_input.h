// The UTF-8 bytes of one text handed to a scan, without copying them where Python allows:
//  - str: its data itself when it is ASCII; else its UTF-8 form (str_to_utf8.h), written now
//    into a copy that lives as long as the TextInput, or, for a batch, by the thread that
//    scans it (utf8()): the scanning threads encode in parallel, and only the texts being
//    scanned have a UTF-8 copy at a time. A lone surrogate becomes U+FFFD, also three bytes,
//    so it behaves as the library's invalid input does, one non-word character, and every
//    offset stays exact. Scanned with code-point offsets, so match offsets are str indices.
//  - bytes: its data, the object held by a reference until the TextInput is destroyed (a
//    bytes object cannot change); byte offsets. Not through the buffer protocol, whose view
//    (allocated, taken and released per text) took 8.5% of find_batch's samples on paragraphs.
//  - any other C-contiguous buffer (bytearray, memoryview, mmap, array): its bytes, held
//    through the buffer protocol until the TextInput is destroyed; byte offsets.
// Creating and destroying a TextInput needs the GIL; reading its bytes while it lives does not
// (a str cannot change, and the caller holds it).
#pragma once

#include <Python.h>

#include <memory>
#include <string_view>
#include <vector>

#include "str_to_utf8.h"

namespace onoma_python {

class TextInput {
 public:
  // When a non-ASCII str is written as UTF-8.
  enum class Encode { kNow, kWhenScanned };

  // Raises TypeError (with `what` naming the argument) for anything but str or a buffer.
  TextInput(PyObject* text, const char* what, Encode encode = Encode::kNow);
  TextInput(TextInput&& other) noexcept;
  TextInput(const TextInput&) = delete;
  TextInput& operator=(const TextInput&) = delete;
  TextInput& operator=(TextInput&&) = delete;
  ~TextInput();

  // The bytes to scan, of a TextInput made with Encode::kNow.
  const char* data() const { return data_; }
  size_t size() const { return size_; }
  // The bytes to scan of any TextInput: for a str left to be encoded when scanned, its UTF-8
  // form written into `buffer`, which the view then points into (may throw std::bad_alloc).
  std::string_view utf8(std::vector<char>& buffer) const;
  bool is_str() const { return is_str_; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
  bool is_str_ = false;
  // A non-ASCII str left to be encoded when scanned: its code points, `kind_` bytes each.
  const void* code_points_ = nullptr;
  size_t length_ = 0;
  int kind_ = 0;
  Utf8Copy owned_;  // a non-ASCII str's UTF-8 form, Encode::kNow
  PyObject* bytes_ = nullptr;        // a new reference, for bytes
  std::unique_ptr<Py_buffer> view_;  // on the heap: batches hold many, mostly of str
};

// Decodes UTF-8 as the library reads it: each byte that does not start a valid sequence
// becomes one U+FFFD, so the result has as many code points as the library counts.
PyObject* decode_utf8_bytewise(const char* data, size_t size);

}  // namespace onoma_python
