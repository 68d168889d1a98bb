#include "cli/batch_extract.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
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

namespace {

// The state the threads of one StreamExtract share. Lock order: read_mu before out_mu (a reader waiting for the
// window holds read_mu; the sink side never takes it, so the chunk it waits for can always be delivered).
class Stream {
 public:
  Stream(const Extractor& extractor, io::InputReader* reader, const StreamExtractOptions& options,
         const std::function<void(ExtractChunk*)>& format, const std::function<bool(ExtractChunk&)>& sink,
         size_t threads)
      : extractor_(extractor), reader_(reader), options_(options), format_(format), sink_(sink),
        window_(static_cast<uint64_t>(std::max(1, options.window_per_thread)) * threads) {}

  void Work() {
    ScratchPtr scratch = extractor_.NewScratch();
    std::unique_ptr<ExtractChunk> chunk;
    while ((chunk = Read())) {
      for (size_t i = 0; i < chunk->size; ++i) {
        const io::InputArticle& art = chunk->articles[i];
        ArticleInput in{art.id, art.title, art.source, art.url, art.published, art.text};
        extractor_.Extract(in, scratch.get(), &chunk->results[i]);
        chunk->events += chunk->results[i].events.size();
      }
      format_(chunk.get());
      Deliver(std::move(chunk));
    }
  }

  // After every thread has returned from Work().
  bool sink_failed() const { return sink_failed_; }

 private:
  // The next chunk of input, or null at the end (or after a sink failed).
  std::unique_ptr<ExtractChunk> Read() {
    std::lock_guard<std::mutex> rl(read_mu_);
    if (at_end_) return nullptr;
    std::unique_ptr<ExtractChunk> chunk;
    {
      std::unique_lock<std::mutex> ol(out_mu_);
      room_.wait(ol, [&] { return stop_ || next_seq_ - next_deliver_ < window_; });
      if (stop_) return nullptr;
      if (!free_.empty()) {
        chunk = std::move(free_.back());
        free_.pop_back();
      }
    }
    if (!chunk) chunk = std::make_unique<ExtractChunk>();
    chunk->seq = next_seq_;
    chunk->size = 0;
    chunk->errors.clear();
    chunk->out.clear();
    chunk->bytes = chunk->events = 0;
    while (chunk->size < options_.chunk_articles && chunk->bytes < options_.chunk_bytes) {
      if (chunk->articles.size() == chunk->size) chunk->articles.emplace_back();
      if (!reader_->Next(&chunk->articles[chunk->size], &chunk->errors)) {
        at_end_ = true;
        break;
      }
      chunk->bytes += chunk->articles[chunk->size].bytes;
      ++chunk->size;
    }
    if (chunk->results.size() < chunk->size) chunk->results.resize(chunk->size);
    if (chunk->size == 0 && chunk->errors.empty()) return nullptr;
    ++next_seq_;
    return chunk;
  }

  // Hands the chunk to the sink when it is the next in input order, with every later chunk already waiting;
  // otherwise leaves it for the thread delivering the one before. One thread delivers at a time, outside the
  // lock, so a slow sink (a write to a pipe) does not stop the others from reading or parking chunks.
  void Deliver(std::unique_ptr<ExtractChunk> chunk) {
    std::unique_lock<std::mutex> ol(out_mu_);
    ready_.emplace_back(std::move(chunk));
    if (delivering_) return;
    delivering_ = true;
    for (;;) {
      auto it = std::find_if(ready_.begin(), ready_.end(), [&](const auto& c) { return c->seq == next_deliver_; });
      if (it == ready_.end()) break;
      std::unique_ptr<ExtractChunk> next = std::move(*it);
      ready_.erase(it);
      const bool stopped = stop_;
      ol.unlock();
      const bool failed = !stopped && !sink_(*next);
      ol.lock();
      if (failed) stop_ = sink_failed_ = true;
      ++next_deliver_;
      free_.push_back(std::move(next));
      room_.notify_all();
    }
    delivering_ = false;
  }

  const Extractor& extractor_;
  io::InputReader* reader_;
  const StreamExtractOptions& options_;
  const std::function<void(ExtractChunk*)>& format_;
  const std::function<bool(ExtractChunk&)>& sink_;
  const uint64_t window_;

  std::mutex read_mu_;  // guards reader_, at_end_, next_seq_
  bool at_end_ = false;
  uint64_t next_seq_ = 0;

  std::mutex out_mu_;  // guards everything below
  std::condition_variable room_;
  std::vector<std::unique_ptr<ExtractChunk>> ready_, free_;  // ready_: at most window_ chunks, unordered
  uint64_t next_deliver_ = 0;
  bool delivering_ = false;
  bool stop_ = false, sink_failed_ = false;
};

}  // namespace

bool StreamExtract(const Extractor& extractor, io::InputReader* reader, const StreamExtractOptions& options,
                   const std::function<void(ExtractChunk*)>& format,
                   const std::function<bool(ExtractChunk&)>& sink) {
  size_t jobs = options.jobs > 0 ? static_cast<size_t>(options.jobs)
                                 : std::max(1u, std::thread::hardware_concurrency());
  Stream stream(extractor, reader, options, format, sink, jobs);
  std::vector<std::thread> threads;
  for (size_t t = 1; t < jobs; ++t) threads.emplace_back([&] { stream.Work(); });
  stream.Work();
  for (auto& t : threads) t.join();
  return !stream.sink_failed();
}

}  // namespace sitrep::cli
