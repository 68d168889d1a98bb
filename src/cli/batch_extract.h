// Shared by the commands that extract many articles (`extract`, `ingest`, `worker`): creating the extractor from
// the command-line flags, and running it over many articles on several threads. The Extractor is shared
// read-only; each worker thread has its own scratch; results keep the input order, so output bytes do not
// depend on the thread count.
#pragma once

#include <cstdint>
#include <functional>
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

// A chunk of consecutive input articles as it travels through StreamExtract: read under the reader's lock,
// extracted and formatted by one worker with no lock held, then handed to the sink in input order.
struct ExtractChunk {
  uint64_t seq = 0;
  size_t size = 0;                         // articles[0, size) and results[0, size) are this chunk's
  std::vector<io::InputArticle> articles;  // capacity is kept across chunks (the strings' buffers too)
  std::vector<ArticleResult> results;
  std::vector<io::InputError> errors;      // met while reading this chunk's articles
  std::string out;                         // formatted by the worker: the sink only copies bytes
  uint64_t bytes = 0, events = 0;
};

struct StreamExtractOptions {
  int jobs = 0;  // threads, the calling one included; <= 0: one per core
  // A chunk ends at whichever comes first. Chunks are cut from the input alone, never by timing, so everything
  // a chunk carries (its errors' place among the warnings, too) is the same for any thread count. Small enough
  // that the threads finish together at the end of the input, large enough that the two lock hand-offs per chunk
  // cost nothing next to extracting it.
  size_t chunk_articles = 16;
  uint64_t chunk_bytes = 256 << 10;
  // Chunks read ahead of the oldest one not yet given to the sink, per thread: bounds memory when one article
  // takes much longer than the others.
  int window_per_thread = 4;
};

// Streams every article of `reader` through `jobs` threads. Each thread takes a chunk from the reader, extracts
// it, and calls format(chunk) (no lock held; formats into chunk->out); sink(chunk) is then called for each chunk
// in input order, by one thread at a time. A sink returning false stops the run (remaining chunks are dropped).
// Returns false when a sink did.
bool StreamExtract(const Extractor& extractor, io::InputReader* reader, const StreamExtractOptions& options,
                   const std::function<void(ExtractChunk*)>& format,
                   const std::function<bool(ExtractChunk&)>& sink);

}  // namespace sitrep::cli
