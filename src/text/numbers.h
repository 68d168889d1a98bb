// Number expressions: "300", "1,500", "2.5 million", "nine", "twenty-five", "two dozen", "more than 60",
// "at least nine", "some 300", "50-60", "dozens", "hundreds of thousands".
//
// Vague amounts follow ACLED's coding convention (dozens → 12, scores → 20, hundreds → 100, thousands → 1000)
// and are flagged `vague` so that consumers can drop them. Thread-safe (stateless).
#pragma once

#include <cstdint>

#include "text/document.h"

namespace sitrep::text {

struct NumberExpr {
  uint32_t first = 0;  // token range [first, last)
  uint32_t last = 0;
  uint32_t value_token = 0;  // the token that holds the number itself (after any "at least")
  int64_t value = 0;
  bool approx = false;  // "more than 60", "at least nine", "some 300", ranges, vague amounts
  bool vague = false;   // "dozens", "hundreds": no numeral in the text
  bool year_like = false;  // a bare 4-digit number 1900..2100
};

// Parses a number expression that starts at token `i` (an approximation prefix may start it). `limit` bounds
// the search. Values saturate at 10^15 rather than overflow ("999999999999999999999 killed").
bool ParseNumberAt(const Document& doc, uint32_t i, uint32_t limit, NumberExpr* out);

// The value of a single number word ("nine" → 9, "twenty" → 20), or -1.
// A quick test with no false negatives: false means `key` is no number word, vague amount ("dozens") or
// approximator ("about"); true means it may be one (ask NumberWordValue or ParseNumberAt). One bit read.
bool MaybeNumberWord(std::string_view key);

int64_t NumberWordValue(std::string_view key);

}  // namespace sitrep::text
