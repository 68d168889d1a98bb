// `sitrep enqueue`, `sitrep worker`, `sitrep queue status` (issue 7): many workers, on many machines, share one
// PostgreSQL store and its work queue (src/store/pg_store.h; docs/SCALING.md).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <thread>

#include "cli/batch_extract.h"
#include "cli/registry.h"
#include "io/input_reader.h"
#include "io/json_writer.h"
#include "io/progress.h"
#include "store/pg_store.h"
#include "time/civil_date.h"

namespace sitrep::cli {
namespace {

Result<std::unique_ptr<store::Store>> OpenQueueStore(const std::string& url, bool read_only = false) {
  if (!store::IsPostgresUrl(url))
    return Status::InvalidInput("the work queue needs a PostgreSQL store (--db postgresql://…), got '" + url + "'");
  store::OpenOptions o;
  o.read_only = read_only;
  return store::Store::Open(url, o);
}

// ---------------------------------------------------------------------------------------------- enqueue

struct EnqueueArgs {
  std::vector<std::string> inputs;
  std::string db, date;
};

int RunEnqueue(const EnqueueArgs& args) {
  if (!args.date.empty() && (args.date.size() != 10 || timeutil::ParseIsoDate(args.date) == timeutil::kUnknownDay)) {
    fmt::print(stderr, "sitrep enqueue: --date must be YYYY-MM-DD, got '{}'\n", args.date);
    return 2;
  }
  auto opened = OpenQueueStore(args.db);
  if (!opened.ok()) {
    fmt::print(stderr, "sitrep enqueue: {}\n", opened.status().message());
    return opened.status().code() == Status::Code::kInvalidInput ? 2 : 1;
  }
  auto& db = static_cast<store::PgStore&>(*opened.value());
  std::vector<std::string> inputs = args.inputs.empty() ? std::vector<std::string>{"-"} : args.inputs;
  io::InputReader reader(inputs);
  io::Progress progress("enqueue", reader.TotalBytes());
  std::vector<io::InputArticle> batch;
  std::vector<std::string> hashes;
  std::vector<io::InputError> errors;
  std::vector<std::string> failures;
  uint64_t articles = 0, bytes = 0;
  int64_t added = 0;
  bool more = true;
  while (more) {
    batch.clear();
    io::InputArticle a;
    while (batch.size() < 500 && (more = reader.Next(&a, &errors))) {
      if (!args.date.empty()) a.published = args.date;
      batch.push_back(std::move(a));
    }
    for (const auto& e : errors) {
      fmt::print(stderr, "sitrep: {}: {}\n", e.origin, e.message);
      if (e.failed) failures.push_back(e.origin);
    }
    errors.clear();
    hashes.clear();
    for (const auto& b : batch) hashes.push_back(store::ContentHash(b.text, b.published));
    int64_t n = 0;
    if (Status st = db.Enqueue(batch, hashes, &n); !st.ok()) {
      progress.Finish();
      fmt::print(stderr, "sitrep enqueue: {}\nsitrep enqueue: stopped; {} articles enqueued before are kept\n",
                 st.message(), added);
      return 1;
    }
    added += n;
    for (const auto& b : batch) bytes += b.bytes;
    articles += batch.size();
    progress.Update(articles, bytes);
  }
  progress.Finish();
  fmt::print(stderr, "sitrep enqueue: {} articles read, {} enqueued, {} already queued, {} failed\n", articles,
             added, static_cast<int64_t>(articles) - added, failures.size());
  for (const auto& f : failures) fmt::print(stderr, "  failed: {}\n", f);
  return failures.empty() ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------- worker

struct WorkerArgs {
  std::string db, data, name;
  int jobs = 0, batch = 32, max_attempts = 5;
  double lease_s = 60, poll_s = 0.5;
  bool follow = false;
  int delay_ms = 0;  // testing: sleep this long between claiming and storing each batch (a slow worker)
};

std::string DefaultWorkerName() {
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) != 0) std::strcpy(host, "worker");
  return fmt::format("{}:{}", host, getpid());
}

int RunWorker(WorkerArgs args) {
  if (args.batch < 1 || args.lease_s <= 0 || args.max_attempts < 1) {
    fmt::print(stderr, "sitrep worker: --batch, --lease and --max-attempts must be positive\n");
    return 2;
  }
  if (args.name.empty()) args.name = DefaultWorkerName();
  auto opened = OpenQueueStore(args.db);
  if (!opened.ok()) {
    fmt::print(stderr, "sitrep worker: {}\n", opened.status().message());
    return opened.status().code() == Status::Code::kInvalidInput ? 2 : 1;
  }
  auto& db = static_cast<store::PgStore&>(*opened.value());
  // A session idle inside a transaction (this worker stopped or cut off while storing) is ended by the server
  // after a lease, so it never holds the writer lock for longer.
  const int idle_ms = std::max(1000, static_cast<int>(args.lease_s * 1000));
  if (Status st = db.SetIdleTimeout(idle_ms); !st.ok()) {
    fmt::print(stderr, "sitrep worker: {}\n", st.message());
    return 1;
  }
  if (Status st = db.ListenToQueue(); !st.ok()) {
    fmt::print(stderr, "sitrep worker: {}\n", st.message());
    return 1;
  }
  std::unique_ptr<Extractor> extractor = CreateExtractorOrReport(args.data, "");
  if (!extractor) return 2;
  BatchExtractor batch_extractor(*extractor, args.jobs);

  store::ClaimOptions claim;
  claim.worker = args.name;
  claim.batch = args.batch;
  claim.lease_s = args.lease_s;
  claim.max_attempts = args.max_attempts;
  io::Progress progress("worker", 0);
  uint64_t articles = 0, bytes = 0, stored = 0, skipped = 0, claims = 0, batches = 0, failed = 0, retries = 0;
  std::vector<store::QueueItem> items;
  std::vector<io::InputArticle> batch;
  std::vector<char> known;
  std::vector<ArticleResult> results;
  auto sleep_s = [](double s) { std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int>(s * 1000))); };
  // A lost connection (server restart, network cut) is retried with backoff; the claimed batch is left to
  // expire and is taken again by whichever worker comes first.
  auto recover = [&](const Status& st) -> bool {
    fmt::print(stderr, "sitrep worker {}: {}\n", args.name, st.message());
    for (int attempt = 0; attempt < 30; ++attempt) {
      ++retries;
      sleep_s(std::min(5.0, 0.2 * (1 << std::min(attempt, 5))));
      Status r = db.Reconnect();
      if (r.ok()) return true;
      fmt::print(stderr, "sitrep worker {}: reconnecting: {}\n", args.name, r.message());
    }
    return false;
  };
  for (;;) {
    if (Status st = db.Claim(claim, &items); !st.ok()) {
      if (!recover(st)) return 1;
      continue;
    }
    if (items.empty()) {
      auto work = db.QueueHasWork(args.max_attempts);
      if (!work.ok()) {
        if (!recover(work.status())) return 1;
        continue;
      }
      if (!work.value() && !args.follow) break;
      // Others hold leases (they may still fail), or --follow waits for new articles: a completion, release or
      // enqueue wakes this worker at once, so the last worker's finish ends the run without a poll's delay.
      bool changed = false;
      if (Status st = db.WaitForQueueChange(args.poll_s, &changed); !st.ok() && !recover(st)) return 1;
      continue;
    }
    ++batches;
    batch.clear();
    std::vector<std::string> hashes;
    for (const auto& it : items) {
      batch.push_back(it.article);
      hashes.push_back(it.hash);
    }
    Status fatal = db.HasDocuments(hashes, &known);
    if (!fatal.ok()) {
      if (!recover(fatal)) return 1;
      continue;
    }
    batch_extractor.Run(batch, &known, &results);
    if (args.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(args.delay_ms));
    // The batch's events and its completion commit together.
    std::vector<int64_t> done, bad;
    std::string bad_msg;
    uint64_t b_stored = 0, b_skipped = 0, b_claims = 0;
    fatal = db.BeginBatch();
    if (fatal.ok()) {
      std::vector<const ArticleResult*> fresh(items.size());
      for (size_t i = 0; i < fresh.size(); ++i) fresh[i] = known[i] ? nullptr : &results[i];
      fatal = db.PrepareDocuments(fresh, hashes);
    }
    for (size_t i = 0; i < items.size() && fatal.ok(); ++i) {
      if (known[i]) {
        ++b_skipped;
        done.push_back(items[i].id);
        continue;
      }
      store::IngestResult r;
      Status st = db.Ingest(results[i], items[i].hash, &r);
      if (!st.ok()) {
        if (!db.in_batch() || st.code() == Status::Code::kUnavailable) {
          fatal = st;
          break;
        }
        // One article failed (its savepoint was rolled back): the others go on; it is retried later.
        bad.push_back(items[i].id);
        bad_msg = items[i].article.origin + ": " + st.message();
        fmt::print(stderr, "sitrep worker {}: {}\n", args.name, bad_msg);
        continue;
      }
      done.push_back(items[i].id);
      if (r.stored) {
        ++b_stored;
        b_claims += static_cast<uint64_t>(r.claims);
      } else {
        ++b_skipped;
      }
    }
    if (fatal.ok() && !done.empty()) fatal = db.CompleteItems(done, args.name);
    if (Status st = db.CommitBatch(); fatal.ok() && !st.ok()) fatal = st;
    if (!fatal.ok()) {
      if (!recover(fatal)) return 1;
      continue;
    }
    if (!bad.empty()) {
      failed += bad.size();
      if (Status st = db.ReleaseItems(bad, bad_msg); !st.ok() && !recover(st)) return 1;
    }
    stored += b_stored, skipped += b_skipped, claims += b_claims;
    for (const auto& it : items) bytes += it.article.bytes;
    articles += items.size();
    progress.Update(articles, bytes);
  }
  progress.Finish();
  fmt::print(stderr,
             "sitrep worker {}: {} batches, {} articles ({} stored, {} already in the store), {} events, {} failed, "
             "{} reconnects\n",
             args.name, batches, articles, stored, skipped, claims, failed, retries);
  return 0;
}

// ---------------------------------------------------------------------------------------------- queue status

int RunQueueStatus(const std::string& url, const std::string& format, int max_attempts) {
  if (format != "text" && format != "json") {
    fmt::print(stderr, "sitrep queue status: unknown --format '{}' (text, json)\n", format);
    return 2;
  }
  auto opened = OpenQueueStore(url, true);
  if (!opened.ok()) {
    fmt::print(stderr, "sitrep queue status: {}\n", opened.status().message());
    return opened.status().code() == Status::Code::kInvalidInput ? 2 : 1;
  }
  auto& db = static_cast<store::PgStore&>(*opened.value());
  store::QueueStatus s;
  if (Status st = db.GetQueueStatus(max_attempts, &s); !st.ok()) {
    fmt::print(stderr, "sitrep queue status: {}\n", st.message());
    return 1;
  }
  auto totals = db.GetTotals();
  std::string out;
  if (format == "json") {
    io::JsonWriter w(&out);
    w.BeginObject();
    w.Key("total").Int(s.total).Key("done").Int(s.done).Key("pending").Int(s.pending).Key("leased").Int(s.leased);
    w.Key("expired").Int(s.expired).Key("failed").Int(s.failed).Key("done_last_minute").Int(s.done_last_minute);
    w.Key("oldest_pending").StringOrNull(s.oldest_pending);
    if (totals.ok()) {
      w.Key("store").BeginObject().Key("documents").Int(totals.value().documents);
      w.Key("claims").Int(totals.value().claims).Key("events").Int(totals.value().events).EndObject();
    }
    w.Key("workers").BeginArray();
    for (const auto& wk : s.workers)
      w.BeginObject().Key("name").String(wk.name).Key("leased").Int(wk.leased).Key("done").Int(wk.done)
          .Key("last_done").StringOrNull(wk.last_done).EndObject();
    w.EndArray().EndObject();
    out += "\n";
  } else {
    out += fmt::format("queue: {} articles: {} done, {} pending, {} leased, {} with an expired lease, {} failed\n",
                       s.total, s.done, s.pending, s.leased, s.expired, s.failed);
    out += fmt::format("throughput: {} done in the last minute{}\n", s.done_last_minute,
                       s.oldest_pending.empty() ? "" : "; oldest pending since " + s.oldest_pending);
    if (totals.ok())
      out += fmt::format("store: {} documents, {} claims, {} events\n", totals.value().documents,
                         totals.value().claims, totals.value().events);
    for (const auto& wk : s.workers)
      out += fmt::format("  worker {}: {} leased, {} done{}\n", wk.name, wk.leased, wk.done,
                         wk.last_done.empty() ? "" : ", last at " + wk.last_done);
  }
  return WriteStdout(out) ? 0 : 1;
}

}  // namespace

void AddQueueCommands(CLI::App& app, CommandList* out) {
  auto e = std::make_shared<EnqueueArgs>();
  auto* enqueue = app.add_subcommand("enqueue", "Add articles to the PostgreSQL work queue for sitrep worker");
  enqueue->add_option("inputs", e->inputs, "Files (.txt, .jsonl), folders, or - for stdin");
  enqueue->add_option("--db", e->db, "PostgreSQL store URL (postgresql://…)")->required();
  enqueue->add_option("--date", e->date, "Publication date YYYY-MM-DD (overrides the article's own)");
  out->push_back({enqueue, [e] { return RunEnqueue(*e); }});

  auto w = std::make_shared<WorkerArgs>();
  auto* worker = app.add_subcommand("worker", "Claim batches from the work queue, extract them and store the events");
  worker->add_option("--db", w->db, "PostgreSQL store URL (postgresql://…)")->required();
  worker->add_option("--data", w->data, "Data folder holding lexicon/");
  worker->add_option("-j,--jobs", w->jobs, "Extraction threads (default: all cores)");
  worker->add_option("--batch", w->batch, "Articles per claimed batch")->capture_default_str();
  worker->add_option("--lease", w->lease_s, "Seconds before an unfinished claim may be taken by another worker")
      ->capture_default_str();
  worker->add_option("--max-attempts", w->max_attempts, "Claims of one article before it counts as failed")
      ->capture_default_str();
  worker->add_option("--name", w->name, "Worker name in the queue (default: host:pid)");
  worker->add_option("--poll", w->poll_s, "Seconds between looks at an empty queue")->capture_default_str();
  worker->add_flag("--follow", w->follow, "Keep waiting for new articles when the queue is empty");
  worker->add_option("--delay-ms", w->delay_ms, "Testing: sleep this long before storing each batch")
      ->group("");  // hidden
  out->push_back({worker, [w] { return RunWorker(*w); }});

  struct StatusArgs {
    std::string db, format = "text";
    int max_attempts = 5;
  };
  auto s = std::make_shared<StatusArgs>();
  auto* queue = app.add_subcommand("queue", "Inspect the work queue");
  queue->require_subcommand(1);
  auto* status = queue->add_subcommand("status", "Counts of done, pending, leased and failed articles, per worker");
  status->add_option("--db", s->db, "PostgreSQL store URL (postgresql://…)")->required();
  status->add_option("--format", s->format, "text | json")->capture_default_str();
  status->add_option("--max-attempts", s->max_attempts, "As given to the workers")->capture_default_str();
  out->push_back({status, [s] { return RunQueueStatus(s->db, s->format, s->max_attempts); }});
}

}  // namespace sitrep::cli
