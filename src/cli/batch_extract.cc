#include "cli/batch_extract.h"

#include <fmt/format.h>

#include <atomic>
#include <thread>

#include "cli/registry.h"

namespace sitrep::cli {

std::unique_ptr<Extractor> CreateExtractorOrReport(const std::string& data_flag, const std::string& date) {
  ExtractOptions opts;
  opts.data_dir = FindDataDir(data_flag);
  opts.published = date;
  auto created = Extractor::Create(opts);
  if (!created.ok()) {
    fmt::print(stderr, "sitrep: cannot load lexicons: {}\n", created.status().message());
    return nullptr;
  }
  return std::move(created).value();
}

BatchExtractor::BatchExtractor(const Extractor& extractor, int jobs) : extractor_(extractor) {
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int i = 0; i < jobs; ++i) scratches_.push_back(extractor.NewScratch());
}

void BatchExtractor::Run(const std::vector<io::InputArticle>& batch, const std::vector<char>* skip,
                         std::vector<ArticleResult>* results) {
  results->resize(batch.size());
  std::atomic<size_t> next{0};
  auto work = [&](size_t worker) {
    for (size_t i = next++; i < batch.size(); i = next++) {
      if (skip && (*skip)[i]) continue;
      const auto& art = batch[i];
      ArticleInput in{art.id, art.title, art.source, art.url, art.published, art.text};
      extractor_.Extract(in, scratches_[worker].get(), &(*results)[i]);
    }
  };
  if (scratches_.size() == 1 || batch.size() < 4) {
    work(0);
    return;
  }
  std::vector<std::thread> threads;
  for (size_t t = 1; t < scratches_.size(); ++t) threads.emplace_back(work, t);
  work(0);
  for (auto& t : threads) t.join();
}

}  // namespace sitrep::cli
