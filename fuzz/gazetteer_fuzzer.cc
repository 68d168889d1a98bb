// The gazetteer query and the geoparser on arbitrary text: NameKey → Lookup on every line, then Geoparse of the
// whole input. Checks: keys are idempotent, postings point inside the index, toponym spans lie inside the text
// the scratch repaired, and resolutions have coordinates on the globe.
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "geo/gazetteer.h"
#include "geo/geoparser.h"

namespace {

const sitrep::geo::Gazetteer* TheGazetteer() {
  static std::unique_ptr<sitrep::geo::Gazetteer> gaz = [] {
    auto opened = sitrep::geo::Gazetteer::Open(sitrep::geo::Gazetteer::DefaultPath(SITREP_DATA_DIR));
    if (!opened.ok()) {
      std::fprintf(stderr, "gazetteer_fuzzer: %s\n", opened.status().message().c_str());
      std::abort();
    }
    return std::move(opened).value();
  }();
  return gaz.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  const geo::Gazetteer& gaz = *TheGazetteer();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // Each line as a place name.
  size_t start = 0;
  std::string key, again;
  geo::Posting postings[16];
  while (start <= input.size()) {
    size_t nl = input.find('\n', start);
    if (nl == std::string_view::npos) nl = input.size();
    std::string_view name = input.substr(start, nl - start);
    key.clear();
    geo::Gazetteer::NameKey(name, &key);
    again.clear();
    geo::Gazetteer::NameKey(key, &again);
    FUZZ_CHECK(again == key);
    size_t n = gaz.Lookup(key, postings, 16);
    FUZZ_CHECK(n <= 16);
    for (size_t i = 0; i < n; ++i) FUZZ_CHECK(postings[i].place < gaz.size());
    start = nl + 1;
  }
  // The whole input as an article.
  static geo::GeoScratchPtr scratch = geo::NewGeoScratch();
  static std::vector<geo::GeoparsedToponym> out;
  out.clear();
  geo::Geoparse(gaz, input, scratch.get(), &out);
  std::string_view text = geo::GeoScratchText(*scratch);
  for (const auto& t : out) {
    FUZZ_CHECK(t.toponym.begin < t.toponym.end && t.toponym.end <= text.size());
    if (t.resolution.resolved) {
      FUZZ_CHECK(std::isfinite(t.resolution.lat) && std::fabs(t.resolution.lat) <= 90.0);
      FUZZ_CHECK(std::isfinite(t.resolution.lon) && std::fabs(t.resolution.lon) <= 180.0);
    }
  }
  return 0;
}
