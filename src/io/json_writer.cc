#include "io/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace sitrep::io {

namespace {

// Whether any of the 8 bytes in `w` needs escaping (< 0x20, '"' or '\\'); bytes >= 0x80 (UTF-8) never do.
// Word-at-a-time tests (hasless/haszero): exact as a yes/no answer, which is all that is used.
bool AnyNeedsEscape(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  auto has_zero = [&](uint64_t v) { return ((v - kOnes) & ~v & kHigh) != 0; };
  const bool control = ((w - kOnes * 0x20) & ~w & kHigh) != 0;
  return control || has_zero(w ^ (kOnes * '"')) || has_zero(w ^ (kOnes * '\\'));
}

}  // namespace

void AppendJsonEscaped(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  size_t run = 0;
  // Most text needs no escaping: skip it 8 bytes at a time (a map page escapes ~1 MB of names and types).
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (AnyNeedsEscape(w)) break;
  }
  for (; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
}

void JsonWriter::Separate() {
  if (need_comma_) out_->push_back(',');
  need_comma_ = true;
}

JsonWriter& JsonWriter::BeginObject() {
  Separate();
  out_->push_back('{');
  need_comma_ = false;
  return *this;
}
JsonWriter& JsonWriter::EndObject() {
  out_->push_back('}');
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::BeginArray() {
  Separate();
  out_->push_back('[');
  need_comma_ = false;
  return *this;
}
JsonWriter& JsonWriter::EndArray() {
  out_->push_back(']');
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::Key(std::string_view key) {
  // Keys are mostly short literals with nothing to escape ("acled_sub"): the comma, the quoted key and the colon
  // in one append.
  if (key.size() <= 48) {
    char buf[52];
    char* o = buf;
    if (need_comma_) *o++ = ',';
    *o++ = '"';
    bool plain = true;
    for (char ch : key) {
      const auto c = static_cast<unsigned char>(ch);
      plain = plain && c >= 0x20 && c != '"' && c != '\\';
      *o++ = ch;
    }
    if (plain) {
      *o++ = '"';
      *o++ = ':';
      out_->append(buf, static_cast<size_t>(o - buf));
      need_comma_ = false;
      return *this;
    }
  }
  Separate();
  out_->push_back('"');
  AppendJsonEscaped(key, out_);
  out_->append("\":");
  need_comma_ = false;
  return *this;
}
JsonWriter& JsonWriter::String(std::string_view value) {
  Separate();
  out_->push_back('"');
  AppendJsonEscaped(value, out_);
  out_->push_back('"');
  return *this;
}
JsonWriter& JsonWriter::Int(int64_t value) {
  Separate();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out_->append(buf, static_cast<size_t>(end - buf));
  return *this;
}
JsonWriter& JsonWriter::Double(double value, int decimals) {
  Separate();
  if (!std::isfinite(value)) {
    out_->append("null");
    return *this;
  }
  // to_chars with a precision prints exactly what printf's "%.*f" does, without parsing a format (a map page
  // writes thousands of coordinates).
  char buf[400];  // the longest finite double in fixed notation with up to 20 decimals
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
  if (ec != std::errc()) {
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    end = buf + std::strlen(buf);
  }
  // Trim trailing zeros for readability ("0.82", not "0.8200").
  std::string_view v(buf, static_cast<size_t>(end - buf));
  if (v.find('.') != std::string_view::npos) {
    while (v.back() == '0') v.remove_suffix(1);
    if (v.back() == '.') v.remove_suffix(1);
  }
  out_->append(v);
  return *this;
}
JsonWriter& JsonWriter::Bool(bool value) {
  Separate();
  out_->append(value ? "true" : "false");
  return *this;
}
JsonWriter& JsonWriter::Null() {
  Separate();
  out_->append("null");
  return *this;
}

}  // namespace sitrep::io
