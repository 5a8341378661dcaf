#include "text_input.h"

#include <nanobind/nanobind.h>

#include <cstring>
#include <string>
#include <utility>

namespace nb = nanobind;

namespace onoma_python {
namespace {

// Length of the valid UTF-8 sequence (RFC 3629) at p, or 0 if the byte at p starts none.
size_t valid_sequence_length(const unsigned char* p, const unsigned char* end) {
  const unsigned char lead = p[0];
  if (lead < 0x80) return 1;
  const size_t available = static_cast<size_t>(end - p);
  auto continuation = [&](size_t i) { return i < available && (p[i] & 0xC0) == 0x80; };
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return 0;
    const unsigned cp = ((lead & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    return cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
    const unsigned cp = ((lead & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) |
                        ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    return cp < 0x10000 || cp > 0x10FFFF ? 0 : 4;
  }
  return 0;
}

}  // namespace

TextInput::TextInput(PyObject* text, const char* what, Encode encode) {
  if (PyUnicode_Check(text)) {
    is_str_ = true;
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(text) < 0) throw nb::python_error();  // a legacy str, made ready
#endif
    const size_t length = static_cast<size_t>(PyUnicode_GET_LENGTH(text));
    if (PyUnicode_IS_ASCII(text)) {  // its data is its UTF-8 form
      data_ = static_cast<const char*>(PyUnicode_DATA(text));
      size_ = length;
      return;
    }
    const int kind = static_cast<int>(PyUnicode_KIND(text));
    if (encode == Encode::kWhenScanned) {
      code_points_ = PyUnicode_DATA(text);
      length_ = length;
      kind_ = kind;
      return;
    }
    owned_ = str_to_utf8(PyUnicode_DATA(text), length, kind);
    data_ = owned_.bytes.get();
    size_ = owned_.size;
    return;
  }
  if (PyBytes_CheckExact(text)) {
    data_ = PyBytes_AS_STRING(text);
    size_ = static_cast<size_t>(PyBytes_GET_SIZE(text));
    Py_INCREF(text);
    bytes_ = text;
    return;
  }
  if (PyObject_CheckBuffer(text)) {
    auto view = std::make_unique<Py_buffer>();
    if (PyObject_GetBuffer(text, view.get(), PyBUF_SIMPLE) == 0) {
      data_ = static_cast<const char*>(view->buf);
      size_ = static_cast<size_t>(view->len);
      view_ = std::move(view);
      return;
    }
    PyErr_Clear();
  }
  PyErr_Format(PyExc_TypeError, "%s must be str or a contiguous bytes-like object, not %.100s",
               what, Py_TYPE(text)->tp_name);
  throw nb::python_error();
}

TextInput::TextInput(TextInput&& other) noexcept
    : data_(other.data_),
      size_(other.size_),
      is_str_(other.is_str_),
      code_points_(other.code_points_),
      length_(other.length_),
      kind_(other.kind_),
      owned_(std::move(other.owned_)),
      bytes_(std::exchange(other.bytes_, nullptr)),
      view_(std::move(other.view_)) {}

std::string_view TextInput::utf8(std::vector<char>& buffer) const {
  if (code_points_ == nullptr) return {data_, size_};
  buffer.resize(utf8_capacity(length_, kind_));
  return {buffer.data(), write_utf8(code_points_, length_, kind_, buffer.data())};
}

TextInput::~TextInput() {
  if (view_) PyBuffer_Release(view_.get());
  Py_XDECREF(bytes_);
}

PyObject* decode_utf8_bytewise(const char* data, size_t size) {
  PyObject* fast = PyUnicode_DecodeUTF8(data, static_cast<Py_ssize_t>(size), nullptr);
  if (fast != nullptr || !PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) return fast;
  PyErr_Clear();
  std::string repaired;
  repaired.reserve(size + 16);
  const auto* p = reinterpret_cast<const unsigned char*>(data);
  const auto* end = p + size;
  while (p < end) {
    const size_t n = valid_sequence_length(p, end);
    if (n == 0) {
      repaired.append("\xEF\xBF\xBD");
      ++p;
    } else {
      repaired.append(reinterpret_cast<const char*>(p), n);
      p += n;
    }
  }
  return PyUnicode_DecodeUTF8(repaired.data(), static_cast<Py_ssize_t>(repaired.size()),
                              nullptr);
}

}  // namespace onoma_python
