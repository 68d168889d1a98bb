// The PostgreSQL backend of the store (issue 4) and the work queue that several `sitrep worker` processes share
// (issue 7). Internal to src/store and src/cli: use store::Store::Open with a postgresql:// URL for the store.
//
// Same schema concepts as the SQLite store (docs/STORE.md), in PostgreSQL types; every write is idempotent
// (documents are keyed by content hash, INSERT … ON CONFLICT DO NOTHING). Writers take a store-wide transaction
// advisory lock before they fuse, so fusion is serial and sees every committed event; extraction, which is most
// of the work, runs outside any transaction and in parallel on as many workers as there are.
//
// The queue (table `queue`): one row per enqueued article, keyed by content hash (enqueueing twice adds nothing).
// A worker claims a batch with UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED), which stamps a lease; it
// extracts outside any transaction, then stores the batch's events and marks the batch done in one transaction
// (CompleteItems between BeginBatch and CommitBatch). A worker that dies or stalls past its lease loses the
// claim: another worker takes the batch again (at-least-once), and the content-hash key makes the second store a
// no-op (exactly-once in the store). Not thread-safe: one PgStore per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "io/input_reader.h"
#include "store/store.h"

namespace sitrep::store {

Result<std::unique_ptr<Store>> OpenPostgres(const std::string& url, const OpenOptions& options);

struct QueueItem {
  int64_t id = 0;
  std::string hash;  // the content hash given at enqueue time (the document key in the store)
  int attempts = 0;
  io::InputArticle article;
};

struct QueueStatus {
  int64_t total = 0, done = 0, pending = 0, leased = 0, expired = 0, failed = 0;
  int64_t done_last_minute = 0;
  std::string oldest_pending;  // enqueued_at of the oldest pending item
  struct Worker {
    std::string name;
    int64_t leased = 0, done = 0;
    std::string last_done;
  };
  std::vector<Worker> workers;
};

struct ClaimOptions {
  std::string worker;     // who claims (recorded in the queue: queue status shows it)
  int batch = 32;         // items per claim
  double lease_s = 60;    // the claim expires after this long; then another worker may take the batch
  int max_attempts = 5;   // an item claimed this often without completing is left out (failed)
};

class PgStore final : public Store {
 public:
  struct Impl;
  explicit PgStore(std::unique_ptr<Impl> impl);
  ~PgStore() override;
  void set_schema_version(int v) { schema_version_ = v; }

  Result<bool> HasDocument(std::string_view hash) override;
  Status HasDocuments(const std::vector<std::string>& hashes, std::vector<char>* known) override;
  Status Ingest(const ArticleResult& article, std::string_view hash, IngestResult* result) override;
  Status BeginBatch() override;
  Status CommitBatch() override;
  bool in_batch() const override;
  Status PrepareDocuments(const std::vector<const ArticleResult*>& articles,
                          const std::vector<std::string>& hashes) override;
  Result<Totals> GetTotals() override;
  Status FindPlaces(std::string_view query, std::vector<PlaceInfo>* out) override;
  Status QueryEvents(const EventFilter& filter, std::vector<EventInfo>* out) override;
  Status SummarizeEvents(const EventFilter& filter, EventSummary* out) override;
  Status GetEvent(int64_t id, EventInfo* out) override;
  Status LoadClaims(EventInfo* event) override;
  Status TerritoryClaims(const std::vector<int64_t>& place_ids, std::vector<fuse::TerritoryClaim>* out) override;
  Status SearchPlaces(std::string_view prefix, int limit, std::vector<PlaceInfo>* out) override;
  Status GetDocument(std::string_view doc_id, DocumentInfo* out) override;
  void StartTimeLimit(int ms) override;

  // ---- the work queue (src/store/queue.cc)
  // Adds articles (hash = ContentHash(text, published)); *added counts the new ones (the rest were queued before).
  Status Enqueue(const std::vector<io::InputArticle>& articles, const std::vector<std::string>& hashes,
                 int64_t* added);
  // Claims up to options.batch items whose lease is free or expired, oldest first; commits the claim at once.
  Status Claim(const ClaimOptions& options, std::vector<QueueItem>* items);
  // Marks items done; must be called inside BeginBatch()/CommitBatch() so it commits with their events.
  Status CompleteItems(const std::vector<int64_t>& ids, const std::string& worker);
  // Records an error on items and frees their lease (they are retried until max_attempts).
  Status ReleaseItems(const std::vector<int64_t>& ids, const std::string& error);
  Status GetQueueStatus(int max_attempts, QueueStatus* out);
  // Whether the queue has items not done and not failed (pending, leased or expired).
  Result<bool> QueueHasWork(int max_attempts);
  // Subscribes this session to the queue's changes (completions, releases, enqueues), also after Reconnect().
  Status ListenToQueue();
  // Waits up to `seconds` for a change of the queue made by any session (its commit), so that a worker waiting
  // for other workers' leases exits, or claims released work, as soon as it can instead of after a fixed poll.
  // *changed: whether one came (false after the timeout: look anyway, a lease may have expired).
  Status WaitForQueueChange(double seconds, bool* changed);
  // Drops the connection (and its transaction) and connects again, after a lost connection.
  Status Reconnect();
  // The server ends this session when it stays idle inside a transaction longer than `ms` (a stopped or cut-off
  // worker), which releases its locks. Default 30 s.
  Status SetIdleTimeout(int ms);

 private:
  struct EventWhere;
  Status BuildEventWhere(const EventFilter& f, EventWhere* w);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep::store
