// Converts byte offsets into code-point or UTF-16 offsets. Each invalid byte counts as one
// code point (U+FFFD) and one UTF-16 unit, matching how the scanner decodes it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace onoma::unicode {

enum class OffsetUnit { kBytes, kCodePoints, kUtf16 };

// The length of text[0, length) in `unit`.
uint64_t count_units(const char* text, size_t length, OffsetUnit unit);

// Converts ascending byte offsets of one text in a single pass over it.
class OffsetCounter {
 public:
  OffsetCounter(const char* text, OffsetUnit unit) : text_(text), unit_(unit) {}
  // Starts at a known position: `byte_offset` of `text` is `unit_offset` in `unit`.
  OffsetCounter(const char* text, OffsetUnit unit, size_t byte_offset, uint64_t unit_offset)
      : text_(text), unit_(unit), byte_position_(byte_offset), unit_position_(unit_offset) {}

  // The offset of `byte_offset` in the counter's unit; `byte_offset` must not be smaller than
  // in the previous call, and must lie on a code point boundary.
  uint64_t convert(size_t byte_offset) {
    unit_position_ += count_units(text_ + byte_position_, byte_offset - byte_position_, unit_);
    byte_position_ = byte_offset;
    return unit_position_;
  }

 private:
  const char* text_;
  OffsetUnit unit_;
  size_t byte_position_ = 0;
  uint64_t unit_position_ = 0;
};

}  // namespace onoma::unicode
