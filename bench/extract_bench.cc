// Throughput of the whole extraction (sitrep::Extractor::Extract) on one thread, over the shared corpus.
//
//   SITREP_SHARED=/work/shared build-bench/bench/sitrep_bench
//   build-bench/bench/sitrep_bench --benchmark_filter=Extract/reuters
//
// Corpora (read once into memory before timing; the reading is not timed):
//   public-domain  $SITREP_SHARED/corpus/public-domain/*.txt        (82 VOA/DoD/State reports, long prose)
//   reuters21578   $SITREP_SHARED/corpus/bench/reuters21578.jsonl   (21,578 short wire stories)
//   wikipedia      $SITREP_SHARED/corpus/bench/wikipedia_current_events.jsonl (8,587 daily digests)
// Each reports bytes/s (MB/s of article text), sentences/s, tokens/s, articles/s and events/s as rates, plus the
// process's peak RSS. BM_LexiconLoad times Extractor::Create (start-up target: < 100 ms). When SITREP_SHARED (or the
// default ../shared beside the checkout) has no corpus, the extraction benchmarks skip with a message saying so.
// scripts/bench.sh runs this beside `wc -w` on the same files and prints the ratio.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "io/input_reader.h"
#include "sitrep/extract.h"

namespace {

namespace fs = std::filesystem;

std::string SharedDir() {
  if (const char* env = std::getenv("SITREP_SHARED"); env && *env) return env;
  return (fs::path(SITREP_DATA_DIR).parent_path().parent_path() / "shared").string();
}

std::string DataDir() {
  if (const char* env = std::getenv("SITREP_DATA"); env && *env) return env;
  return SITREP_DATA_DIR;
}

double PeakRssMb() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

struct Corpus {
  std::vector<sitrep::io::InputArticle> articles;
  uint64_t bytes = 0;  // article text bytes
  std::string error;   // why it could not be read
};

// Reads one corpus (a folder or a file) into memory once per process.
const Corpus& LoadCorpus(const std::string& relative) {
  static std::vector<std::pair<std::string, Corpus>> cache;
  for (auto& [name, c] : cache) {
    if (name == relative) return c;
  }
  cache.emplace_back(relative, Corpus());
  Corpus& c = cache.back().second;
  const std::string path = SharedDir() + "/corpus/" + relative;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    c.error = "corpus not found: " + path + " (set SITREP_SHARED to the folder holding corpus/)";
    return c;
  }
  sitrep::io::InputReader reader({path});
  std::vector<sitrep::io::InputError> errors;
  sitrep::io::InputArticle a;
  while (reader.Next(&a, &errors)) {
    c.bytes += a.text.size();
    c.articles.push_back(std::move(a));
  }
  if (c.articles.empty()) c.error = "no article read from " + path;
  return c;
}

std::unique_ptr<sitrep::Extractor> MakeExtractor(benchmark::State& state) {
  sitrep::ExtractOptions opts;
  opts.data_dir = DataDir();
  auto created = sitrep::Extractor::Create(opts);
  if (!created.ok()) {
    state.SkipWithError(("cannot load lexicons: " + created.status().message()).c_str());
    return nullptr;
  }
  return std::move(created).value();
}

void BM_Extract(benchmark::State& state, const char* relative) {
  const Corpus& corpus = LoadCorpus(relative);
  if (!corpus.error.empty()) {
    state.SkipWithError(corpus.error.c_str());
    return;
  }
  auto extractor = MakeExtractor(state);
  if (!extractor) return;
  auto scratch = extractor->NewScratch();
  sitrep::ArticleResult result;
  uint64_t sentences = 0, tokens = 0, events = 0;
  for (auto _ : state) {
    for (const auto& art : corpus.articles) {
      sitrep::ArticleInput in{art.id, art.title, art.source, art.url, art.published, art.text};
      extractor->Extract(in, scratch.get(), &result);
      sentences += result.sentence_count;
      tokens += result.token_count;
      events += result.events.size();
      benchmark::DoNotOptimize(result.events.data());
    }
  }
  const double iters = static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(corpus.bytes * state.iterations()));
  state.SetItemsProcessed(static_cast<int64_t>(corpus.articles.size() * state.iterations()));  // articles/s
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["MB"] = static_cast<double>(corpus.bytes) / 1e6;
  state.counters["sentences"] = static_cast<double>(sentences) / iters;
  state.counters["events"] = static_cast<double>(events) / iters;
  state.counters["peak_rss_MB"] = PeakRssMb();
}

// Start-up: reading and compiling every lexicon of data/lexicon/.
void BM_LexiconLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto ex = MakeExtractor(state);
    if (!ex) return;
    benchmark::DoNotOptimize(ex.get());
  }
  state.counters["peak_rss_MB"] = PeakRssMb();
}

}  // namespace

BENCHMARK(BM_LexiconLoad)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_CAPTURE(BM_Extract, public_domain, "public-domain")->Unit(benchmark::kMillisecond)->MinTime(3.0);
BENCHMARK_CAPTURE(BM_Extract, reuters21578, "bench/reuters21578.jsonl")->Unit(benchmark::kMillisecond)->MinTime(3.0);
BENCHMARK_CAPTURE(BM_Extract, wikipedia_current_events, "bench/wikipedia_current_events.jsonl")
    ->Unit(benchmark::kMillisecond)
    ->MinTime(3.0);

BENCHMARK_MAIN();
