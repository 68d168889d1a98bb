// UTF-8 validation, repair and decoding.
//
// Articles come from scrapers and old archives: invalid bytes, overlong forms, surrogates and NULs all occur.
// RepairUtf8 copies the input replacing every invalid sequence by U+FFFD so that everything downstream (offsets,
// JSON output) can assume valid UTF-8. The byte offsets of the first problems are reported so that the user can
// find them in the original file. Thread-safe (pure functions).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::text {

struct Utf8Report {
  size_t invalid_sequences = 0;     // how many were replaced
  size_t nul_bytes = 0;             // NUL and other C0 controls replaced by a space
  std::vector<size_t> first_offsets;  // byte offsets in the input of the first few problems
};

// Appends the repaired text to *out. Returns true when the input was already valid and clean.
bool RepairUtf8(std::string_view in, std::string* out, Utf8Report* report);

// How many bytes DecodeUtf8 reads for a lead byte (a stray continuation byte counts as a 2-byte lead, as there).
inline int Utf8SequenceLength(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

// Decodes one code point starting at p (valid UTF-8 assumed, as produced by RepairUtf8). Returns its length.
inline int DecodeUtf8(const unsigned char* p, char32_t* cp) {
  unsigned char c = p[0];
  if (c < 0x80) { *cp = c; return 1; }
  if (c < 0xE0) { *cp = ((c & 0x1F) << 6) | (p[1] & 0x3F); return 2; }
  if (c < 0xF0) { *cp = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F); return 3; }
  *cp = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  return 4;
}

// Appends the UTF-8 encoding of cp.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace sitrep::text
