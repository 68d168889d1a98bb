// Helpers shared by sitrep's libFuzzer targets: invariant checks that abort (so libFuzzer records a crash with
// the input) and the text pipeline that several targets start with.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/document.h"
#include "text/sentences.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

// Aborts with a message when an invariant of the code under test is broken.
#define FUZZ_CHECK(cond)                                                                 \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

namespace sitrep::fuzz {

inline bool IsValidUtf8(std::string_view s) {
  std::string copy;
  text::Utf8Report report;
  text::RepairUtf8(s, &copy, &report);
  return report.invalid_sequences == 0 && copy.size() == s.size();
}

// RepairUtf8 → Tokenize → SplitSentences into *doc, checking what every later stage relies on.
inline void BuildDocument(std::string_view bytes, text::Document* doc) {
  doc->Clear();
  text::Utf8Report report;
  text::RepairUtf8(bytes, &doc->text, &report);
  text::Tokenize(doc);
  text::SplitSentences(doc);
  const uint32_t n = static_cast<uint32_t>(doc->text.size());
  uint32_t prev_end = 0;
  for (const auto& t : doc->tokens) {
    FUZZ_CHECK(t.begin < t.end && t.end <= n);
    FUZZ_CHECK(t.begin >= prev_end);  // ordered, not overlapping
    FUZZ_CHECK(static_cast<size_t>(t.key_begin) + t.key_len <= doc->keys.size());
    prev_end = t.end;
  }
  uint32_t prev_last = 0;
  for (const auto& s : doc->sentences) {
    FUZZ_CHECK(s.begin <= s.end && s.end <= n);
    FUZZ_CHECK(s.first_token < s.last_token && s.last_token <= doc->tokens.size());
    FUZZ_CHECK(s.first_token >= prev_last);
    prev_last = s.last_token;
  }
}

}  // namespace sitrep::fuzz
