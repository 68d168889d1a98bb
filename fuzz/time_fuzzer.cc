// Time expressions on arbitrary text, resolved against a publication date taken from the first two bytes
// (or unknown). Checks: mentions lie inside the sentence, resolved ranges are ordered and format as ISO dates;
// ISO date parsing round-trips.
#include <cstdint>

#include "fuzz_util.h"
#include "time/civil_date.h"
#include "time/time_expressions.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  if (size < 2) return 0;
  // Publication day: unknown, or a day between 1900 and 2100.
  int32_t published = timeutil::kUnknownDay;
  uint16_t sel = static_cast<uint16_t>(data[0] | (data[1] << 8));
  if (sel != 0xFFFF) published = timeutil::DayFromCivil(1900, 1, 1) + (sel % 73000);
  std::string_view in(reinterpret_cast<const char*>(data + 2), size - 2);

  // ISO dates: whatever parses must format back to itself.
  int32_t iso = timeutil::ParseIsoDate(in.substr(0, 10));
  if (iso != timeutil::kUnknownDay) FUZZ_CHECK(timeutil::ParseIsoDate(timeutil::FormatIsoDate(iso)) == iso);

  static text::Document doc;
  fuzz::BuildDocument(in, &doc);
  static std::vector<timeutil::TimeMention> out;
  for (const auto& s : doc.sentences) {
    out.clear();
    timeutil::FindTimeExpressions(doc, s.first_token, s.last_token, published, &out);
    for (const auto& m : out) {
      FUZZ_CHECK(m.first >= s.first_token && m.first < m.last && m.last <= s.last_token);
      if (m.resolved) {
        FUZZ_CHECK(m.start != timeutil::kUnknownDay && m.end != timeutil::kUnknownDay);
        FUZZ_CHECK(m.start <= m.end);
        FUZZ_CHECK(timeutil::FormatIsoDate(m.start).size() == 10);
      }
      if (published == timeutil::kUnknownDay && m.relative) FUZZ_CHECK(!m.resolved);
    }
    int32_t d = timeutil::FindFullDate(doc, s.first_token, s.last_token);
    if (d != timeutil::kUnknownDay) FUZZ_CHECK(timeutil::ParseIsoDate(timeutil::FormatIsoDate(d)) == d);
  }
  return 0;
}
