// The PostgreSQL work queue of PgStore (pg_store.h): enqueue, claim with FOR UPDATE SKIP LOCKED and a lease,
// complete in the store's write transaction, inspect.
#include <poll.h>

#include <algorithm>
#include <cstdio>

#include "store/pg_store.h"
#include "store/pg_util.h"

namespace sitrep::store {

namespace {

std::string IdArray(const std::vector<int64_t>& ids) {
  std::string a = "{";
  for (size_t i = 0; i < ids.size(); ++i) a += (i ? "," : "") + std::to_string(ids[i]);
  return a + "}";
}

}  // namespace

}  // namespace sitrep::store

// The Impl is defined in pg_store.cc; the queue needs only its connection, reached through this accessor.
namespace sitrep::store {
pg::Conn* PgConnOf(PgStore::Impl* impl);
void SetListening(PgStore::Impl* impl);
}

namespace sitrep::store {

using pg::Query;

Status PgStore::Enqueue(const std::vector<io::InputArticle>& articles, const std::vector<std::string>& hashes,
                        int64_t* added) {
  *added = 0;
  pg::Conn* C = PgConnOf(impl_.get());
  if (articles.empty()) return Status::Ok();
  if (Status s = C->Exec("BEGIN", "starting to enqueue"); !s.ok()) return s;
  for (size_t i = 0; i < articles.size(); ++i) {
    const io::InputArticle& a = articles[i];
    Query q(C, "INSERT INTO queue(hash, origin, doc_id, title, source, url, published, text, bytes)"
               " VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT(hash) DO NOTHING");
    q.Bind(1, hashes[i]).Bind(2, a.origin).BindText(3, a.id).BindText(4, a.title).BindText(5, a.source);
    q.BindText(6, a.url).BindText(7, a.published).Bind(8, a.text).Bind(9, static_cast<int64_t>(a.bytes));
    if (Status s = q.Run("enqueueing " + a.origin); !s.ok()) {
      C->Exec("ROLLBACK", "rolling back");
      *added = 0;
      return s;
    }
    *added += q.affected();
  }
  // Wakes the workers waiting in WaitForQueueChange (--follow) when the commit makes the articles visible.
  if (Status s = C->Exec("NOTIFY sitrep_queue; COMMIT", "committing the enqueued articles"); !s.ok()) {
    *added = 0;
    return s;
  }
  return Status::Ok();
}

Status PgStore::Claim(const ClaimOptions& o, std::vector<QueueItem>* items) {
  items->clear();
  pg::Conn* C = PgConnOf(impl_.get());
  // One statement, so the claim commits at once (autocommit): the lease is visible to every other worker, and
  // rows locked by another worker's claim in flight are skipped rather than waited for.
  Query q(C, "UPDATE queue q SET claimed_by=$1, claimed_at=now(), lease_until=now() + make_interval(secs => $2),"
             " attempts=q.attempts+1"
             " FROM (SELECT id FROM queue WHERE done_at IS NULL AND attempts < $4"
             "       AND (lease_until IS NULL OR lease_until < now()) ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) s"
             " WHERE q.id=s.id"
             " RETURNING q.id, q.attempts, q.hash, q.origin, q.doc_id, q.title, q.source, q.url, q.published, q.text, q.bytes");
  q.Bind(1, o.worker).Bind(2, o.lease_s).Bind(3, static_cast<int64_t>(o.batch)).Bind(4, o.max_attempts);
  if (Status s = q.Run("claiming a batch"); !s.ok()) return s;
  while (q.Next()) {
    QueueItem it;
    it.id = q.Int(0);
    it.attempts = static_cast<int>(q.Int(1));
    it.hash = q.Text(2);
    it.article.origin = q.Text(3);
    it.article.id = q.Text(4);
    it.article.title = q.Text(5);
    it.article.source = q.Text(6);
    it.article.url = q.Text(7);
    it.article.published = q.Text(8);
    it.article.text = q.Text(9);
    it.article.bytes = static_cast<uint64_t>(q.Int(10));
    items->push_back(std::move(it));
  }
  // RETURNING order is not guaranteed: keep the queue's order so a batch is processed deterministically.
  std::sort(items->begin(), items->end(), [](const QueueItem& a, const QueueItem& b) { return a.id < b.id; });
  return Status::Ok();
}

Status PgStore::CompleteItems(const std::vector<int64_t>& ids, const std::string& worker) {
  if (!in_batch()) return Status::Internal("CompleteItems outside a batch");
  pg::Conn* C = PgConnOf(impl_.get());
  // The claim may have passed to another worker meanwhile (this one was slow past its lease): either way the
  // items are done, and done_by says who finished first.
  // The NOTIFY goes out at commit: workers waiting for the last leases learn at once that one was given back.
  Query q(C, "WITH u AS (UPDATE queue SET done_at=now(), done_by=$2, lease_until=NULL, error=NULL"
             " WHERE id = ANY($1::bigint[]) AND done_at IS NULL) SELECT pg_notify('sitrep_queue', '')");
  q.Bind(1, IdArray(ids)).Bind(2, worker);
  return q.Run("completing a batch");
}

Status PgStore::ReleaseItems(const std::vector<int64_t>& ids, const std::string& error) {
  pg::Conn* C = PgConnOf(impl_.get());
  Query q(C, "WITH u AS (UPDATE queue SET lease_until=NULL, error=$2 WHERE id = ANY($1::bigint[]) AND done_at IS NULL)"
             " SELECT pg_notify('sitrep_queue', '')");
  q.Bind(1, IdArray(ids)).BindText(2, error);
  return q.Run("releasing a batch");
}

Status PgStore::ListenToQueue() {
  SetListening(impl_.get());
  return PgConnOf(impl_.get())->Exec("LISTEN sitrep_queue", "listening to the queue");
}

Status PgStore::WaitForQueueChange(double seconds, bool* changed) {
  *changed = false;
  pg::Conn* C = PgConnOf(impl_.get());
  PGconn* c = C->get();
  if (!c) return Status::Unavailable(C->label() + ": not connected");
  auto drain = [&]() -> Status {
    if (!PQconsumeInput(c)) return C->Error("waiting for the queue", nullptr);
    while (PGnotify* n = PQnotifies(c)) {
      PQfreemem(n);
      *changed = true;
    }
    return Status::Ok();
  };
  if (Status s = drain(); !s.ok() || *changed) return s;
  pollfd p{PQsocket(c), POLLIN, 0};
  const int r = ::poll(&p, 1, static_cast<int>(seconds * 1000));
  if (r > 0) return drain();
  return Status::Ok();  // timed out (or interrupted): the caller looks at the queue again either way
}

Result<bool> PgStore::QueueHasWork(int max_attempts) {
  pg::Conn* C = PgConnOf(impl_.get());
  Query q(C, "SELECT EXISTS (SELECT 1 FROM queue WHERE done_at IS NULL AND attempts < $1)");
  q.Bind(1, max_attempts);
  if (Status s = q.Run("reading the queue"); !s.ok()) return s;
  q.Next();
  return q.Text(0) == "t";
}

Status PgStore::GetQueueStatus(int max_attempts, QueueStatus* out) {
  *out = QueueStatus{};
  pg::Conn* C = PgConnOf(impl_.get());
  Query q(C, "SELECT count(*),"
             " count(*) FILTER (WHERE done_at IS NOT NULL),"
             " count(*) FILTER (WHERE done_at IS NULL AND attempts < $1 AND lease_until IS NULL),"
             " count(*) FILTER (WHERE done_at IS NULL AND lease_until >= now()),"
             " count(*) FILTER (WHERE done_at IS NULL AND attempts < $1 AND lease_until < now()),"
             " count(*) FILTER (WHERE done_at IS NULL AND attempts >= $1 AND (lease_until IS NULL OR lease_until < now())),"
             " count(*) FILTER (WHERE done_at > now() - interval '1 minute'),"
             " coalesce(to_char(min(enqueued_at) FILTER (WHERE done_at IS NULL), 'YYYY-MM-DD\"T\"HH24:MI:SSOF'), '')"
             " FROM queue");
  q.Bind(1, max_attempts);
  if (Status s = q.Run("reading the queue"); !s.ok()) return s;
  q.Next();
  out->total = q.Int(0);
  out->done = q.Int(1);
  out->pending = q.Int(2);
  out->leased = q.Int(3);
  out->expired = q.Int(4);
  out->failed = q.Int(5);
  out->done_last_minute = q.Int(6);
  out->oldest_pending = q.Text(7);
  Query w(C, "SELECT w, sum(leased), sum(done), coalesce(to_char(max(last), 'YYYY-MM-DD\"T\"HH24:MI:SSOF'), '') FROM ("
             " SELECT claimed_by AS w, count(*) AS leased, 0 AS done, NULL::timestamptz AS last FROM queue"
             "  WHERE done_at IS NULL AND lease_until >= now() GROUP BY claimed_by"
             " UNION ALL SELECT done_by, 0, count(*), max(done_at) FROM queue WHERE done_at IS NOT NULL GROUP BY done_by"
             ") x WHERE w IS NOT NULL GROUP BY w ORDER BY w");
  if (Status s = w.Run("reading the workers"); !s.ok()) return s;
  while (w.Next()) out->workers.push_back({w.Text(0), w.Int(1), w.Int(2), w.Text(3)});
  return Status::Ok();
}

}  // namespace sitrep::store
