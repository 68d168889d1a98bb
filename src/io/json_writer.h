// A small streaming JSON writer that appends to a std::string. Output of sitrep is written millions of times
// per run, so this avoids building a DOM; it escapes per RFC 8259 and assumes valid UTF-8 input (the text
// stage guarantees it). Not thread-safe; one per output buffer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep::io {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& StringOrNull(std::string_view value) { return value.empty() ? Null() : String(value); }
  JsonWriter& Int(int64_t value);
  JsonWriter& Double(double value, int decimals = 4);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

 private:
  void Separate();
  std::string* out_;
  bool need_comma_ = false;
};

// Appends `s` escaped for a JSON string (without quotes).
void AppendJsonEscaped(std::string_view s, std::string* out);

}  // namespace sitrep::io
