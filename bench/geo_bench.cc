// Geoparser throughput: recognition + resolution per article, one core (issue 3 target: >= 5,000 articles/s),
// and the gazetteer's load time (target < 200 ms). Articles: data/examples/*.txt.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "geo/geoparser.h"

namespace {

std::vector<std::string> Articles() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(std::string(SITREP_DATA_DIR) + "/examples")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

void BM_GazetteerOpen(benchmark::State& state) {
  const std::string path = sitrep::geo::Gazetteer::DefaultPath("");
  for (auto _ : state) {
    auto g = sitrep::geo::Gazetteer::Open(path);
    if (!g.ok()) {
      state.SkipWithError(g.status().message().c_str());
      return;
    }
    // Touch every page, as the first articles would.
    size_t sum = 0;
    for (size_t i = 0; i < g.value()->size(); i += 128) sum += g.value()->place(static_cast<uint32_t>(i)).population;
    benchmark::DoNotOptimize(sum);
  }
}
BENCHMARK(BM_GazetteerOpen)->Unit(benchmark::kMillisecond);

void BM_Geoparse(benchmark::State& state) {
  auto g = sitrep::geo::Gazetteer::Open(sitrep::geo::Gazetteer::DefaultPath(""));
  if (!g.ok()) {
    state.SkipWithError(g.status().message().c_str());
    return;
  }
  const auto articles = Articles();
  if (articles.empty()) {
    state.SkipWithError("no data/examples/*.txt");
    return;
  }
  auto scratch = sitrep::geo::NewGeoScratch();
  std::vector<sitrep::geo::GeoparsedToponym> out;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& a = articles[i++ % articles.size()];
    sitrep::geo::Geoparse(*g.value(), a, scratch.get(), &out);
    bytes += a.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Geoparse);

}  // namespace

BENCHMARK_MAIN();
