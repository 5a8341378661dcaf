#include "fuzz_support.h"

#include <cstdio>
#include <cstdlib>

namespace onoma::fuzz {
namespace {

std::string_view current_input;

bool in_range(unsigned char byte, unsigned char low, unsigned char high) {
  return byte >= low && byte <= high;
}

}  // namespace

void set_current_input(const unsigned char* data, size_t size) {
  current_input = std::string_view(reinterpret_cast<const char*>(data), size);
}

void fail(const char* file, int line, const char* condition, const std::string& message) {
  std::fprintf(stderr, "\n%s:%d: invariant broken: %s\n  %s\n  input (%zu bytes): %s\n", file,
               line, condition, message.c_str(), current_input.size(),
               printable(current_input.substr(0, 4096)).c_str());
  std::fflush(stderr);
  std::abort();
}

std::string printable(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      default: break;
    }
    if (byte >= 0x20 && byte < 0x7F) {
      out.push_back(c);
    } else {
      out += "\\x";
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    }
  }
  return out + "\"";
}

// Unicode 15, Table 3-7: the well-formed byte sequences, by first byte.
size_t well_formed_length(std::string_view text, size_t pos) {
  auto at = [&](size_t i) -> int {
    return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : -1;
  };
  auto byte_in = [&](size_t i, unsigned char low, unsigned char high) {
    return at(i) >= 0 && in_range(static_cast<unsigned char>(at(i)), low, high);
  };
  const int first = at(0);
  if (first < 0) return 0;
  const auto lead = static_cast<unsigned char>(first);
  if (lead <= 0x7F) return 1;
  if (in_range(lead, 0xC2, 0xDF)) return byte_in(1, 0x80, 0xBF) ? 2 : 0;
  if (lead == 0xE0) return byte_in(1, 0xA0, 0xBF) && byte_in(2, 0x80, 0xBF) ? 3 : 0;
  if (in_range(lead, 0xE1, 0xEC) || in_range(lead, 0xEE, 0xEF)) {
    return byte_in(1, 0x80, 0xBF) && byte_in(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (lead == 0xED) return byte_in(1, 0x80, 0x9F) && byte_in(2, 0x80, 0xBF) ? 3 : 0;
  if (lead == 0xF0) {
    return byte_in(1, 0x90, 0xBF) && byte_in(2, 0x80, 0xBF) && byte_in(3, 0x80, 0xBF) ? 4 : 0;
  }
  if (in_range(lead, 0xF1, 0xF3)) {
    return byte_in(1, 0x80, 0xBF) && byte_in(2, 0x80, 0xBF) && byte_in(3, 0x80, 0xBF) ? 4 : 0;
  }
  if (lead == 0xF4) {
    return byte_in(1, 0x80, 0x8F) && byte_in(2, 0x80, 0xBF) && byte_in(3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

bool is_well_formed_utf8(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const size_t length = well_formed_length(text, pos);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

std::vector<bool> code_point_boundaries(std::string_view text) {
  std::vector<bool> boundary(text.size() + 1, false);
  for (size_t pos = 0; pos < text.size();) {
    boundary[pos] = true;
    const size_t length = well_formed_length(text, pos);
    pos += length == 0 ? 1 : length;
  }
  boundary[text.size()] = true;
  return boundary;
}

std::string with_replacement_characters(std::string_view text) {
  std::string out;
  for (size_t pos = 0; pos < text.size();) {
    const size_t length = well_formed_length(text, pos);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++pos;
    } else {
      out.append(text.substr(pos, length));
      pos += length;
    }
  }
  return out;
}

}  // namespace onoma::fuzz
