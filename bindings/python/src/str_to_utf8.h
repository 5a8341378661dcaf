// The UTF-8 form of a str's code points as CPython stores them (one, two or four bytes each:
// PEP 393), written straight into a buffer of our own.
//
// Why not PyUnicode_AsUTF8AndSize: CPython's encoder goes a code point at a time (3.1 ms for
// the 4 MB of English news in bench/data, a quarter of a whole scan with a small gazetteer),
// and it keeps the UTF-8 copy inside the str for the str's lifetime, doubling the memory of
// every non-ASCII text scanned. This encoder narrows runs of ASCII 16 code points at a time
// (SSE2; else 8 bytes of them at a time), 0.26 ms for the same text, and writes the others
// one by one; its copy lives as long as the scan needs it. A str scanned again is encoded
// again, where CPython's cached copy would have been free.
//
// A lone surrogate (U+D800 to U+DFFF, which a str may hold and UTF-8 cannot) is written as
// U+FFFD, three bytes as the surrogate's would be, so that the library reads it as the one
// non-word character it reads for invalid input, and byte offsets stay those of the
// "surrogatepass" encoding.
#pragma once

#include <cstddef>
#include <memory>

namespace onoma_python {

// The most bytes that the UTF-8 form of `length` code points of `kind` bytes each can take.
size_t utf8_capacity(size_t length, int kind);
// Writes the UTF-8 form of `length` code points of `kind` bytes each (1, 2 or 4), as in a
// str's data, at `out` (utf8_capacity bytes); returns how many it wrote.
size_t write_utf8(const void* code_points, size_t length, int kind, char* out);

// One text's UTF-8 form, in an allocation of its own.
struct Utf8Copy {
  std::unique_ptr<char[]> bytes;
  size_t size = 0;
};
Utf8Copy str_to_utf8(const void* code_points, size_t length, int kind);

}  // namespace onoma_python
