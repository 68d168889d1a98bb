// The store: documents, evidence sentences, claims, fused events, actors and places (issue 4), in SQLite (a file
// path) or PostgreSQL (a postgresql:// URL, src/store/pg_store.cc). Store is the backend-neutral interface; both
// backends have the same schema concepts, the same idempotent writes and the same query results.
//
//   auto store = sitrep::store::Store::Open("syria.db", {});   // or "postgresql://host/db"
//   if (!store.ok()) { report store.status().message(); }
//   store.value()->Ingest(article_result, ContentHash(text, published), &result);
//
// One file in WAL mode: readers query while one writer ingests. Each article is stored in one transaction, so a
// crash (even SIGKILL) loses at most the article being written, and re-running skips what is stored (the document
// key is a hash of the article's content). Claims are fused into events as they arrive (fuse/fuse.h) and every
// claim's link records the rule that matched. The schema is versioned: schema_version holds the number of
// migrations applied; Open() applies the missing ones in order (docs/STORE.md). Not thread-safe: one Store per
// thread (several processes may share the file or the PostgreSQL database; PostgreSQL writers take turns on a
// store-wide lock per transaction so fusion stays serial and deterministic for a given commit order).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuse/fuse.h"
#include "sitrep/extract.h"
#include "sitrep/status.h"

struct sqlite3;

namespace sitrep::store {

inline constexpr int kSchemaVersion = 2;

struct OpenOptions {
  bool read_only = false;       // queries only: never creates or migrates
  int64_t max_page_count = 0;   // > 0: cap the file size (pages), e.g. to test a full disk
  int busy_timeout_ms = 10000;  // wait this long for another writer
  fuse::FuseOptions fuse;
};

// A stable 128-bit content hash (hex) of an article: its text and publication date. Not cryptographic.
std::string ContentHash(std::string_view text, std::string_view published);

struct IngestResult {
  bool stored = false;  // false: the document was already in the store (nothing changed)
  int claims = 0;
  int new_events = 0;
  int fused = 0;        // claims that joined an existing event
  int new_places = 0;
};

struct Totals {
  int64_t documents = 0, sentences = 0, claims = 0, events = 0, places = 0, actors = 0, links = 0;
};

struct PlaceInfo {
  int64_t id = 0;
  std::string key, text, name, admin1, country, gazetteer_id, precision;
  std::optional<double> lat, lon;
  int64_t events = 0;  // fused events at this place (FindPlaces only)
};

struct ClaimInfo {
  int64_t id = 0, event_id = 0;
  std::string ext_id, document, doc_title, outlet, published, url;
  std::string trigger, acled, acled_sub, plover, cameo, mode;
  std::string actor1, actor1_kind, actor1_country, actor2, actor2_kind, actor2_country;
  std::string place_text;
  std::string date_text, date_start, date_end, date_precision;
  std::string source_name, source_text;
  std::string modality;
  bool negated = false;
  double confidence = 0;
  std::optional<int64_t> killed;
  std::vector<Count> counts;
  uint32_t sentence = 0;
  std::string evidence;
  int64_t linked_claim = 0;  // the claim it was linked to (0: it started the event)
  std::string link_rule, link_detail;
  // Who says so: the attributed source, else the outlet, else the document id.
  std::string Says() const;
};

struct EventInfo {
  int64_t id = 0;
  std::string family, acled, acled_sub, plover, cameo;
  std::optional<PlaceInfo> place;
  std::string country;
  std::optional<double> lat, lon;
  std::string date_start, date_end;
  std::string actor1, actor1_kind, actor2, actor2_kind;
  std::optional<int64_t> killed_min, killed_max;
  int64_t claim_count = 0, source_count = 0;
  double confidence = 0;
  std::vector<ClaimInfo> claims;  // filled by LoadClaims / GetEvent
};

struct EventFilter {
  std::string place;       // name, text, gazetteer id or #id of a place
  double radius_km = 0;    // with place: also events within this distance of it (needs coordinates)
  std::string country;     // ISO2
  std::string admin1;
  std::string actor;       // canonical name (or a part of it)
  std::string type;        // ACLED type, ACLED sub-event type, or PLOVER type
  std::string from, to;    // ISO dates, inclusive
  std::string source;      // attributed source or outlet
  double min_confidence = 0;
  int64_t limit = 0;       // 0 = all
  int64_t offset = 0;      // skip this many first (pagination)
  bool newest_first = false;  // else oldest first (undated events come first when oldest first, last otherwise)
};

// Counts of the events matching a filter, for the page's timeline and filter lists (issue 5). Each list holds
// every group, in no particular order.
struct EventSummary {
  int64_t total = 0, located = 0, undated = 0, killed_min_sum = 0;
  std::vector<std::pair<std::string, int64_t>> by_day;      // date_start -> events (dated events only)
  std::vector<std::pair<std::string, int64_t>> by_type;     // ACLED type, else PLOVER type, else family
  std::vector<std::pair<std::string, int64_t>> by_country;  // events with a country
  std::vector<std::pair<std::string, int64_t>> by_actor;    // events naming the actor (as actor1 or actor2, once)
};

// A stored article as the store keeps it: its fields and the sentences kept as evidence (issue 5).
struct DocumentInfo {
  struct Sentence {
    int64_t idx = 0;  // the sentence's index in the article
    std::string text;
  };
  std::string doc_id, title, source, url, published;
  int64_t event_count = 0, sentence_count = 0;
  std::vector<Sentence> sentences;  // the stored ones only, in article order
};

// Whether `db` names a PostgreSQL store (postgresql:// or postgres://) rather than a SQLite file.
bool IsPostgresUrl(std::string_view db);
// The URL without its password, for messages.
std::string RedactUrl(std::string_view db);

class Store {
 public:
  // A SQLite file path, or a postgresql:// URL (libpq connection URI, e.g.
  // postgresql://user@host:5432/db or postgresql:///db?host=/run/postgresql).
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const OpenOptions& options = {});
  virtual ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Whether a document with this content hash is stored (lets ingest skip extraction).
  virtual Result<bool> HasDocument(std::string_view hash) = 0;
  // (*known)[i] = whether hashes[i] is stored; one round trip on a server store.
  virtual Status HasDocuments(const std::vector<std::string>& hashes, std::vector<char>* known);
  // Stores one article and fuses its claims atomically: on failure nothing of it is kept. Outside a batch the
  // article is one transaction; inside a batch it is a savepoint of the batch's transaction.
  virtual Status Ingest(const ArticleResult& article, std::string_view hash, IngestResult* result) = 0;

  // Group commit: articles ingested between BeginBatch() and CommitBatch() are each atomic and become durable
  // together (one WAL commit instead of one per article). After a failed Ingest inside a batch, call
  // CommitBatch() to keep the articles before it (it reports whether the batch survived the error).
  virtual Status BeginBatch() = 0;
  virtual Status CommitBatch() = 0;
  virtual bool in_batch() const = 0;
  // Inside a batch, before Ingest() of these articles (in this order; null entries are skipped): a server store
  // writes their document rows in one round trip, so that Ingest() of an article without events needs none. The
  // ids follow the input order as with one Ingest() after another; a document row whose Ingest() does not
  // complete is removed again before the batch commits, so every article stays all-or-nothing. Optional: the
  // default does nothing (SQLite has no round trips to save).
  virtual Status PrepareDocuments(const std::vector<const ArticleResult*>& articles,
                                  const std::vector<std::string>& hashes) {
    (void)articles;
    (void)hashes;
    return Status::Ok();
  }

  virtual Result<Totals> GetTotals() = 0;
  int schema_version() const { return schema_version_; }

  // Places whose name, text or gazetteer id is `query` (case-insensitive), or "#ID"; most events first.
  virtual Status FindPlaces(std::string_view query, std::vector<PlaceInfo>* out) = 0;
  // The matching events in order, at most filter.limit from filter.offset. Rows are read into the EventInfo
  // already in *out (their buffers are reused); the vector is resized to the rows found.
  virtual Status QueryEvents(const EventFilter& filter, std::vector<EventInfo>* out) = 0;
  // Counts of the events matching `filter` (limit, offset and order ignored), without building an EventInfo per
  // event (SQLite: one scan of a few columns; PostgreSQL: GROUP BY).
  virtual Status SummarizeEvents(const EventFilter& filter, EventSummary* out) = 0;
  // One event with its claims; NotFound when there is none.
  virtual Status GetEvent(int64_t id, EventInfo* out) = 0;
  virtual Status LoadClaims(EventInfo* event) = 0;
  // The territory claims (capture, recapture, transfer, withdrawal) at these places.
  virtual Status TerritoryClaims(const std::vector<int64_t>& place_ids, std::vector<fuse::TerritoryClaim>* out) = 0;

  // Serving (issue 5).
  // Queries from now on fail with Status::Unavailable once `ms` milliseconds have passed, until the next call
  // (0: no limit). The server starts one per request, so that no request holds a connection for long. SQLite
  // counts the time from this call; PostgreSQL limits each statement to `ms` (statement_timeout).
  virtual void StartTimeLimit(int ms) = 0;
  // Places whose name or text starts with `prefix` (case-insensitive), most events first, at most `limit`.
  virtual Status SearchPlaces(std::string_view prefix, int limit, std::vector<PlaceInfo>* out) = 0;
  // The document with this doc id (the first stored, when several share it); NotFound when there is none.
  virtual Status GetDocument(std::string_view doc_id, DocumentInfo* out) = 0;

 protected:
  Store() = default;
  int schema_version_ = 0;
};

}  // namespace sitrep::store
