// The lexicon record parser (a user may edit data/lexicon/ by hand) and phrase expansion ("kill+" → inflections).
// Checks: records have between min and max fields, line numbers increase, errors name the file and line.
#include <cstdint>

#include "fuzz_util.h"
#include "lexicon/inflect.h"
#include "lexicon/lexicon_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  if (size < 1) return 0;
  const size_t min_fields = 1 + data[0] % 4;
  const size_t max_fields = min_fields + (data[0] >> 4) % 8;
  std::string_view content(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<lexicon::Record> records;
  Status st = lexicon::ParseRecords("fuzz.txt", content, min_fields, max_fields, &records);
  if (!st.ok()) FUZZ_CHECK(st.message().rfind("fuzz.txt", 0) == 0);
  int prev_line = 0;
  size_t expanded = 0;
  for (const auto& r : records) {
    FUZZ_CHECK(r.fields.size() >= min_fields && r.fields.size() <= max_fields);
    FUZZ_CHECK(r.line > prev_line);
    FUZZ_CHECK(!r.fields[0].empty());
    prev_line = r.line;
    for (const auto& item : lexicon::SplitList(r.fields[0])) {
      FUZZ_CHECK(!item.empty());
      if (expanded > 2000) continue;  // bound the work per input
      for (const auto& form : lexicon::ExpandPhrase(item, (r.line & 1) != 0)) {
        ++expanded;
        (void)form;
      }
    }
  }
  return 0;
}
