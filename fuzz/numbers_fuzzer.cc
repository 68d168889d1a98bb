// Number expressions ("more than 60", "two dozen", "999999999999999999999") at every token of arbitrary text.
// Checks: the expression lies inside [i, limit), values are non-negative and saturate at 10^15.
#include <cstdint>

#include "fuzz_util.h"
#include "text/numbers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  static text::Document doc;
  fuzz::BuildDocument(std::string_view(reinterpret_cast<const char*>(data), size), &doc);
  for (const auto& s : doc.sentences) {
    for (uint32_t i = s.first_token; i < s.last_token; ++i) {
      text::NumberExpr num;
      if (!text::ParseNumberAt(doc, i, s.last_token, &num)) continue;
      FUZZ_CHECK(num.first == i);
      FUZZ_CHECK(num.first < num.last && num.last <= s.last_token);
      FUZZ_CHECK(num.value_token >= num.first && num.value_token < num.last);
      FUZZ_CHECK(num.value >= 0 && num.value <= 1000000000000000LL);
    }
  }
  for (const auto& t : doc.tokens) {
    int64_t v = text::NumberWordValue(doc.Key(t));
    FUZZ_CHECK(v >= -1);
  }
  return 0;
}
