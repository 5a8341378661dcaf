// The UTF-8 form of a str's code points as CPython stores them (one, two or four bytes each:
// PEP 393), written straight into a buffer of our own.
//
// Why not PyUnicode_AsUTF8AndSize: CPython's encoder goes a code point at a time (3.1 ms for
// the 4 MB of English news in bench/data, a quarter of a whole scan with a small gazetteer),
// and it keeps the UTF-8 copy inside the str for the str's lifetime, doubling the memory of
// every non-ASCII text scanned. This encoder reads eight bytes of code points at a time and
// copies runs of ASCII whole; its copy lives as long as the scan needs it.
//
// A lone surrogate (U+D800 to U+DFFF, which a str may hold and UTF-8 cannot) is written as
// U+FFFD, three bytes as the surrogate's would be, so that the library reads it as the one
// non-word character it reads for invalid input, and byte offsets stay those of the
// "surrogatepass" encoding.
#pragma once

#include <cstddef>
#include <memory>

namespace onoma_python {

struct Utf8Copy {
  std::unique_ptr<char[]> bytes;
  size_t size = 0;
};

// `code_points`: `length` code points of `kind` bytes each (1, 2 or 4), as in a str's data.
Utf8Copy str_to_utf8(const void* code_points, size_t length, int kind);

}  // namespace onoma_python
