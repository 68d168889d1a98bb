// Geoparser throughput: recognition + resolution per article, one core (issue 3 target: >= 5,000 articles/s),
// and the gazetteer's load time (target < 200 ms). Articles: data/examples/*.txt (BM_Geoparse) and the texts of
// the geo gold sets, LGL and GeoWebNews news articles ($SITREP_SHARED/eval/geo or ../shared/eval/geo;
// BM_GeoparseNews, skipped when absent): one Geoparse (recognition + resolution) per iteration, items = articles.
#include <benchmark/benchmark.h>

#include <cstdlib>
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

std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static constexpr std::pair<std::string_view, char> kEnt[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (const auto& [ent, ch] : kEnt) {
        if (s.substr(i, ent.size()) == ent) {
          out.push_back(ch);
          i += ent.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

// The <text> of every article of a gold file (CDATA or escaped).
void GoldTexts(const std::string& path, std::vector<std::string>* out) {
  std::ifstream in(path);
  if (!in) return;
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string xml = ss.str();
  for (size_t b = xml.find("<text>"); b != std::string::npos; b = xml.find("<text>", b)) {
    b += 6;
    const size_t e = xml.find("</text>", b);
    if (e == std::string::npos) break;
    std::string_view t(xml.data() + b, e - b);
    if (t.starts_with("<![CDATA[") && t.ends_with("]]>")) {
      out->emplace_back(t.substr(9, t.size() - 12));
    } else {
      out->push_back(Unescape(t));
    }
    b = e;
  }
}

std::vector<std::string> NewsArticles() {
  const char* env = std::getenv("SITREP_SHARED");
  const std::string dir = (env != nullptr && *env != 0 ? std::string(env) : std::string(SITREP_DATA_DIR) + "/../../shared") +
                          "/eval/geo/";
  std::vector<std::string> out;
  GoldTexts(dir + "lgl.xml", &out);
  GoldTexts(dir + "GWN.xml", &out);
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

// News articles of the geo gold sets, all of them in turn (588 LGL + 200 GeoWebNews; mean 2.3 kB).
void BM_GeoparseNews(benchmark::State& state) {
  auto g = sitrep::geo::Gazetteer::Open(sitrep::geo::Gazetteer::DefaultPath(""));
  if (!g.ok()) {
    state.SkipWithError(g.status().message().c_str());
    return;
  }
  const auto articles = NewsArticles();
  if (articles.empty()) {
    state.SkipWithError("no geo gold sets (set SITREP_SHARED)");
    return;
  }
  auto scratch = sitrep::geo::NewGeoScratch();
  std::vector<sitrep::geo::GeoparsedToponym> out;
  size_t i = 0, bytes = 0, toponyms = 0;
  for (auto _ : state) {
    const std::string& a = articles[i++ % articles.size()];
    sitrep::geo::Geoparse(*g.value(), a, scratch.get(), &out);
    bytes += a.size();
    toponyms += out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["toponyms/article"] = static_cast<double>(toponyms) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_GeoparseNews);

}  // namespace

BENCHMARK_MAIN();
