// The whole extractor on arbitrary bytes (with the real lexicons), then the JSON Lines writer.
// The first byte picks the publication date (record, none, or --date) so that relative dates are exercised.
// Checks: every span lies inside the repaired text and is ordered; ids are unique; the JSON line the writer
// produces parses with simdjson and has as many events as the result.
#include <simdjson.h>

#include <cstdint>
#include <memory>
#include <set>

#include "fuzz_util.h"
#include "io/output_formats.h"
#include "sitrep/extract.h"

namespace {

const sitrep::Extractor* g_extractor[2];

void CheckSpan(uint32_t begin, uint32_t end, size_t n) {
  FUZZ_CHECK(begin <= end && end <= n);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  for (int i = 0; i < 2; ++i) {
    sitrep::ExtractOptions opts;
    const char* data = std::getenv("SITREP_DATA");
    opts.data_dir = data && *data ? data : SITREP_DATA_DIR;
    if (i == 1) opts.published = "2016-12-11";
    opts.max_article_bytes = 1 << 16;  // exercise the truncation path on long inputs
    auto created = sitrep::Extractor::Create(opts);
    if (!created.ok()) {
      std::fprintf(stderr, "extract_fuzzer: cannot load lexicons: %s\n", created.status().message().c_str());
      std::abort();
    }
    g_extractor[i] = std::move(created).value().release();
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  if (size < 1) return 0;
  const uint8_t sel = data[0];
  const Extractor& ex = *g_extractor[sel & 1];
  static ScratchPtr scratch = ex.NewScratch();
  ArticleInput in;
  in.id = "fuzz";
  in.published = (sel & 2) ? "2015-08-21" : "";
  in.text = std::string_view(reinterpret_cast<const char*>(data + 1), size - 1);
  static ArticleResult result;
  ex.Extract(in, scratch.get(), &result);
  const size_t n = result.text.size();
  FUZZ_CHECK(fuzz::IsValidUtf8(result.text));
  std::set<std::string> ids;
  for (const auto& e : result.events) {
    CheckSpan(e.span_begin, e.span_end, n);
    CheckSpan(e.trigger_begin, e.trigger_end, n);
    FUZZ_CHECK(e.span_begin <= e.trigger_begin && e.trigger_end <= e.span_end);
    FUZZ_CHECK(result.text.compare(e.trigger_begin, e.trigger_end - e.trigger_begin, e.trigger) == 0);
    if (e.actor1) CheckSpan(e.actor1->begin, e.actor1->end, n);
    if (e.actor2) CheckSpan(e.actor2->begin, e.actor2->end, n);
    if (e.location) CheckSpan(e.location->begin, e.location->end, n);
    FUZZ_CHECK(e.confidence >= 0 && e.confidence <= 1);
    for (const auto& c : e.counts) FUZZ_CHECK(c.n >= 0);
    FUZZ_CHECK(ids.insert(e.id).second);
  }
  static std::string json;
  json.clear();
  io::AppendArticleJson(result, &json);
  FUZZ_CHECK(!json.empty() && json.back() == '\n');
  static simdjson::dom::parser parser;
  simdjson::dom::element doc;
  auto err = parser.parse(json.data(), json.size() - 1).get(doc);
  if (err) {
    std::fprintf(stderr, "invalid JSON from the writer: %s\n%s\n", simdjson::error_message(err), json.c_str());
    std::abort();
  }
  return 0;
}
