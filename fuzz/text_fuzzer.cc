// Text stage on arbitrary bytes: UTF-8 repair, tokenizer, sentence splitter.
// Checks: the repaired text is valid UTF-8 and repairing it again changes nothing; tokens and sentences lie inside
// the text, in order; every key decodes as UTF-8.
#include <cstdint>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  static text::Document doc;  // reused, as the extractor reuses its scratch
  fuzz::BuildDocument(in, &doc);
  // Idempotence: repaired text is valid and clean.
  std::string again;
  text::Utf8Report report;
  FUZZ_CHECK(text::RepairUtf8(doc.text, &again, &report));
  FUZZ_CHECK(again == doc.text);
  for (const auto& t : doc.tokens) FUZZ_CHECK(fuzz::IsValidUtf8(doc.Key(t)) || t.key_len == 0xFFFF);
  // AppendKey on arbitrary valid text must not fail.
  std::string key;
  text::AppendKey(doc.text.substr(0, 4096), &key);
  return 0;
}
