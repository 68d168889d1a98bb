// Shared by the commands that extract many articles (`extract`, `ingest`): creating the extractor from the
// command-line flags, and running it over a batch of articles on several threads. The Extractor is shared
// read-only; each worker thread has its own scratch; results keep the batch's order, so output bytes do not
// depend on the thread count.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "io/input_reader.h"
#include "sitrep/extract.h"

namespace sitrep::cli {

// Loads the lexicons (and gazetteer) for `--data` and `--date`; prints the problem and returns nullptr on failure.
std::unique_ptr<Extractor> CreateExtractorOrReport(const std::string& data_flag, const std::string& date);

class BatchExtractor {
 public:
  // jobs <= 0: one per core.
  BatchExtractor(const Extractor& extractor, int jobs);

  // Extracts batch[i] into (*results)[i] for every i with !skip[i] (skip may be null).
  void Run(const std::vector<io::InputArticle>& batch, const std::vector<char>* skip,
           std::vector<ArticleResult>* results);

 private:
  const Extractor& extractor_;
  std::vector<ScratchPtr> scratches_;
};

}  // namespace sitrep::cli
