#include "store/pg_store.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "store/common.h"
#include "store/pg_util.h"
#include "store/rows.h"

namespace sitrep::store {

// ---------------------------------------------------------------------------------------------- libpq helpers

namespace pg {

Status Conn::Open(const std::string& url) {
  Close();
  url_ = url;
  label_ = RedactUrl(url);
  c_ = PQconnectdb(url.c_str());
  if (!c_ || PQstatus(c_) != CONNECTION_OK) {
    std::string msg = c_ ? PQerrorMessage(c_) : "out of memory";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    Close();
    return Status::Unavailable(label_ + ": cannot connect to PostgreSQL: " + msg);
  }
  PQsetNoticeProcessor(c_, [](void*, const char*) {}, nullptr);  // NOTICEs (e.g. "already exists") are not errors
  return Status::Ok();
}

Status Conn::Error(std::string_view what, const PGresult* res) const {
  std::string msg = res ? PQresultErrorMessage(res) : "";
  if (msg.empty() && c_) msg = PQerrorMessage(c_);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  if (!c_ || PQstatus(c_) != CONNECTION_OK) msg += " (connection lost)";
  return Status::IoError(label_ + ": " + std::string(what) + ": " + msg);
}

Status Conn::Exec(const std::string& sql, std::string_view what) {
  if (!c_) return Status::Unavailable(label_ + ": not connected");
  PGresult* r = PQexec(c_, sql.c_str());
  ExecStatusType st = PQresultStatus(r);
  Status out = Status::Ok();
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    last_sqlstate = state ? state : "";
    out = Error(what, r);
  }
  PQclear(r);
  return out;
}

const char* Conn::Prepared(const char* sql, std::string* error) {
  auto it = prepared_.find(sql);
  if (it != prepared_.end()) return it->second.c_str();
  std::string name = "s" + std::to_string(prepared_.size());
  PGresult* r = PQprepare(c_, name.c_str(), sql, 0, nullptr);
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  if (!ok) *error = PQresultErrorMessage(r);
  PQclear(r);
  if (!ok) return nullptr;
  return prepared_.emplace(sql, std::move(name)).first->second.c_str();
}

Status Query::Run(std::string_view what) {
  Clear();
  PGconn* c = conn_->get();
  if (!c) return Status::Unavailable(conn_->label() + ": not connected");
  std::vector<const char*> values(params_.size());
  for (size_t i = 0; i < params_.size(); ++i) values[i] = params_[i] ? params_[i]->c_str() : nullptr;
  const int n = static_cast<int>(values.size());
  if (prepare_) {
    std::string err;
    const char* name = conn_->Prepared(sql_, &err);
    if (!name) {
      conn_->last_sqlstate.clear();
      return Status::IoError(conn_->label() + ": " + std::string(what) + ": preparing: " + err);
    }
    res_ = PQexecPrepared(c, name, n, values.data(), nullptr, nullptr, 0);
  } else {
    res_ = PQexecParams(c, sql_, n, nullptr, values.data(), nullptr, nullptr, 0);
  }
  ExecStatusType st = PQresultStatus(res_);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    const char* state = res_ ? PQresultErrorField(res_, PG_DIAG_SQLSTATE) : nullptr;
    conn_->last_sqlstate = state ? state : "";
    Status s = conn_->Error(what, res_);
    Clear();
    return s;
  }
  return Status::Ok();
}

}  // namespace pg

// ---------------------------------------------------------------------------------------------- schema

namespace {

using pg::Query;

// Migrations for PostgreSQL, applied in order (the same numbering as the SQLite ones: version N has the same
// tables and meaning in both). Never edit one that has shipped: add the next. Case-insensitive columns of the
// SQLite schema (COLLATE NOCASE) are compared through lower() here, with expression indexes; ISO dates use the C
// collation so that text order is date order whatever the database's locale.
const char* const kPgMigrations[] = {
    // 1: the first schema, plus the work queue (issue 7).
    R"sql(
CREATE TABLE documents(
  id BIGSERIAL PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL,
  title TEXT, source TEXT, url TEXT, published TEXT COLLATE "C", published_basis TEXT,
  lexicon_version TEXT, sentence_count INTEGER, event_count INTEGER,
  ingested_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX documents_doc_id ON documents(doc_id);
CREATE INDEX documents_source ON documents(lower(source));
CREATE TABLE sentences(
  id BIGSERIAL PRIMARY KEY,
  document_id BIGINT NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL, begin_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL, text TEXT NOT NULL,
  UNIQUE(document_id, idx));
CREATE TABLE places(
  id BIGSERIAL PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  text TEXT NOT NULL, name TEXT, admin1 TEXT, country TEXT,
  lat DOUBLE PRECISION, lon DOUBLE PRECISION, gazetteer_id TEXT, precision TEXT);
CREATE INDEX places_text ON places(lower(text));
CREATE INDEX places_name ON places(lower(name));
CREATE INDEX places_gazetteer ON places(gazetteer_id);
CREATE INDEX places_latlon ON places(lat, lon);
CREATE TABLE actors(
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL, kind TEXT, country TEXT);
CREATE UNIQUE INDEX actors_name ON actors(lower(name));
CREATE TABLE events(
  id BIGSERIAL PRIMARY KEY,
  family TEXT NOT NULL,
  acled TEXT, acled_sub TEXT, plover TEXT, cameo TEXT,
  place_id BIGINT REFERENCES places(id), country TEXT, admin1 TEXT,
  lat DOUBLE PRECISION, lon DOUBLE PRECISION,
  date_start TEXT COLLATE "C", date_end TEXT COLLATE "C",
  actor1_id BIGINT REFERENCES actors(id), actor2_id BIGINT REFERENCES actors(id),
  killed_min BIGINT, killed_max BIGINT,
  claim_count INTEGER NOT NULL DEFAULT 0, source_count INTEGER NOT NULL DEFAULT 0,
  confidence DOUBLE PRECISION NOT NULL DEFAULT 0,
  anchor_claim_id BIGINT);
CREATE INDEX events_date ON events(date_start, date_end);
CREATE INDEX events_fuse ON events(family, place_id, date_start);
CREATE INDEX events_place ON events(place_id, date_start, date_end);
CREATE INDEX events_country ON events(lower(country), date_start, date_end);
CREATE INDEX events_admin1 ON events(lower(admin1), date_start, date_end);
CREATE INDEX events_acled ON events(lower(acled), date_start, date_end);
CREATE INDEX events_sub ON events(lower(acled_sub), date_start, date_end);
CREATE INDEX events_plover ON events(lower(plover), date_start, date_end);
CREATE INDEX events_actor1 ON events(actor1_id, date_start, date_end);
CREATE INDEX events_actor2 ON events(actor2_id, date_start, date_end);
CREATE INDEX events_latlon ON events(lat, lon);
CREATE TABLE claims(
  id BIGSERIAL PRIMARY KEY,
  event_id BIGINT NOT NULL REFERENCES events(id),
  document_id BIGINT NOT NULL REFERENCES documents(id),
  sentence_id BIGINT REFERENCES sentences(id),
  ext_id TEXT NOT NULL,
  trigger TEXT, acled TEXT, acled_sub TEXT, plover TEXT, cameo TEXT, mode TEXT,
  actor1_id BIGINT REFERENCES actors(id), actor1_text TEXT,
  actor2_id BIGINT REFERENCES actors(id), actor2_text TEXT,
  place_id BIGINT REFERENCES places(id), place_text TEXT,
  date_text TEXT, date_start TEXT COLLATE "C", date_end TEXT COLLATE "C", date_precision TEXT, date_basis TEXT,
  source_name TEXT, source_text TEXT,
  modality TEXT NOT NULL, negated INTEGER NOT NULL, confidence DOUBLE PRECISION NOT NULL,
  killed BIGINT);
CREATE INDEX claims_event ON claims(event_id);
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX claims_source ON claims(lower(source_name));
CREATE INDEX claims_place ON claims(place_id, acled_sub);
CREATE TABLE counts(
  id BIGSERIAL PRIMARY KEY,
  claim_id BIGINT NOT NULL REFERENCES claims(id),
  what TEXT NOT NULL, n BIGINT NOT NULL, "of" TEXT, approx INTEGER NOT NULL, vague INTEGER NOT NULL, text TEXT);
CREATE INDEX counts_claim ON counts(claim_id);
CREATE TABLE links(
  claim_id BIGINT PRIMARY KEY REFERENCES claims(id),
  event_id BIGINT NOT NULL REFERENCES events(id),
  linked_claim_id BIGINT REFERENCES claims(id),
  rule TEXT NOT NULL, detail TEXT);
CREATE INDEX links_event ON links(event_id);
CREATE TABLE queue(
  id BIGSERIAL PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  origin TEXT NOT NULL, doc_id TEXT, title TEXT, source TEXT, url TEXT, published TEXT, text TEXT NOT NULL,
  bytes BIGINT NOT NULL DEFAULT 0,
  enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  claimed_by TEXT, claimed_at TIMESTAMPTZ, lease_until TIMESTAMPTZ,
  attempts INTEGER NOT NULL DEFAULT 0, done_at TIMESTAMPTZ, done_by TEXT, error TEXT);
CREATE INDEX queue_open ON queue(id) WHERE done_at IS NULL;
)sql",
    // 2: events by country and ACLED type, as in the SQLite store.
    R"sql(
CREATE INDEX events_country_acled ON events(lower(country), lower(acled), date_start, date_end);
)sql",
};
constexpr int kPgMigrationCount = sizeof(kPgMigrations) / sizeof(kPgMigrations[0]);
static_assert(kPgMigrationCount == kSchemaVersion);

// Advisory lock keys (pg_advisory_xact_lock): the schema migration, and the store-wide writer lock.
constexpr int64_t kMigrationLock = 0x73697472'00000001;  // "sitr"
constexpr int64_t kWriteLock = 0x73697472'00000002;

// One element of a PostgreSQL array literal: always quoted, so that commas, braces, spaces and the word NULL
// stay text.
std::string ArrayItem(std::string_view v) {
  std::string out = "\"";
  for (char ch : v) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

struct PgStore::Impl {
  pg::Conn conn;
  std::string url;
  OpenOptions options;
  std::unordered_map<std::string, int64_t> place_cache, actor_cache;  // cleared on rollback
  bool batch = false;
  int idle_timeout_ms = 30000;
  int statement_timeout_ms = 0;  // as set on the connection (0: PostgreSQL's default, none)
  // Document rows of this batch written by PrepareDocuments: hash → id until Ingest() takes the row over; then,
  // as for rows that were there before, the hash is in prepared_taken and a second copy is "already stored".
  std::unordered_map<std::string, int64_t> prepared;
  std::unordered_set<std::string> prepared_taken;
  bool prepared_any = false;  // whether PrepareDocuments ran in this batch
  bool listening = false;     // LISTEN sitrep_queue (renewed on Reconnect)
  // The last stored article's savepoint is released together with the next one's creation (one round trip
  // instead of two); COMMIT releases the last.
  bool savepoint_open = false;

  void ClearCaches() {
    place_cache.clear();
    actor_cache.clear();
  }
  void EndBatch() {
    batch = false;
    savepoint_open = false;
    prepared.clear();
    prepared_taken.clear();
    prepared_any = false;
  }
  // Starts a write transaction: BEGIN and the store-wide writer lock.
  Status BeginWrite() {
    if (Status s = conn.Exec("BEGIN", "starting a transaction"); !s.ok()) return s;
    Query q(&conn, "SELECT pg_advisory_xact_lock($1)");
    q.Bind(1, kWriteLock);
    if (Status s = q.Run("waiting for the writer lock"); !s.ok()) {
      conn.Exec("ROLLBACK", "rolling back");
      return s;
    }
    return Status::Ok();
  }
};

pg::Conn* PgConnOf(PgStore::Impl* impl) { return &impl->conn; }
void SetListening(PgStore::Impl* impl) { impl->listening = true; }

PgStore::PgStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PgStore::~PgStore() {
  if (impl_->conn.ok() && impl_->conn.InTransaction()) impl_->conn.Exec("ROLLBACK", "rolling back");
}

namespace {

Status Migrate(pg::Conn& conn, bool read_only, int* version) {
  *version = 0;
  {
    Query q(&conn, "SELECT to_regclass('schema_version') IS NOT NULL", false);
    if (Status s = q.Run("reading the schema"); !s.ok()) return s;
    if (q.Next() && q.Text(0) == "t") {
      Query v(&conn, "SELECT coalesce(max(version), 0) FROM schema_version", false);
      if (Status s = v.Run("reading the schema version"); !s.ok()) return s;
      if (v.Next()) *version = static_cast<int>(v.Int(0));
    } else {
      Query t(&conn, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", false);
      if (Status s = t.Run("reading the schema"); !s.ok()) return s;
      if (t.Next() && t.Int(0) > 0)
        return Status::InvalidInput(conn.label() + ": not a sitrep database (its schema has other tables)");
    }
  }
  if (*version > kSchemaVersion)
    return Status::InvalidInput(conn.label() + ": schema version " + std::to_string(*version) +
                                " is newer than this sitrep understands (" + std::to_string(kSchemaVersion) +
                                "); upgrade sitrep");
  if (*version == kSchemaVersion) return Status::Ok();
  if (read_only) {
    if (*version == 0) return Status::NotFound(conn.label() + ": empty database (create it with sitrep ingest)");
    return Status::InvalidInput(conn.label() + ": schema version " + std::to_string(*version) +
                                " is old; run sitrep ingest on it once to migrate");
  }
  // Create and migrate under a lock, so that workers starting together agree.
  if (Status s = conn.Exec("BEGIN", "starting the migration"); !s.ok()) return s;
  auto fail = [&](Status s) {
    conn.Exec("ROLLBACK", "rolling back");
    return s;
  };
  {
    Query l(&conn, "SELECT pg_advisory_xact_lock($1)", false);
    l.Bind(1, kMigrationLock);
    if (Status s = l.Run("locking for the migration"); !s.ok()) return fail(s);
  }
  if (Status s = conn.Exec("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL, "
                           "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                           "creating schema_version");
      !s.ok())
    return fail(s);
  {
    Query v(&conn, "SELECT coalesce(max(version), 0) FROM schema_version", false);
    if (Status s = v.Run("reading the schema version"); !s.ok()) return fail(s);
    if (v.Next()) *version = static_cast<int>(v.Int(0));
  }
  for (int m = *version; m < kSchemaVersion; ++m) {
    if (Status s = conn.Exec(kPgMigrations[m], "migrating to schema version " + std::to_string(m + 1)); !s.ok())
      return fail(s);
    if (Status s = conn.Exec("INSERT INTO schema_version(version) VALUES(" + std::to_string(m + 1) + ")",
                             "recording the schema version");
        !s.ok())
      return fail(s);
  }
  if (Status s = conn.Exec("COMMIT", "committing the migration"); !s.ok()) return fail(s);
  *version = kSchemaVersion;
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgres(const std::string& url, const OpenOptions& options) {
  auto impl = std::make_unique<PgStore::Impl>();
  impl->url = url;
  impl->options = options;
  if (Status s = impl->conn.Open(url); !s.ok()) return s;
  // Stable output regardless of server settings; a session stuck inside a transaction (a stopped or cut-off
  // worker) is ended by the server so that it cannot hold the writer lock for ever.
  std::string setup = "SET client_encoding = 'UTF8'; SET lock_timeout = '" +
                      std::to_string(std::max(1000, options.busy_timeout_ms * 6)) + "ms'";
  if (!options.read_only) setup += "; SET idle_in_transaction_session_timeout = '30s'";
  if (Status s = impl->conn.Exec(setup, "configuring the session"); !s.ok()) return s;
  int version = 0;
  if (Status s = Migrate(impl->conn, options.read_only, &version); !s.ok()) return s;
  if (options.read_only) impl->conn.Exec("SET default_transaction_read_only = on", "configuring the session");
  auto store = std::make_unique<PgStore>(std::move(impl));
  store->set_schema_version(version);
  return std::unique_ptr<Store>(std::move(store));
}

Status PgStore::Reconnect() {
  impl_->EndBatch();
  impl_->ClearCaches();
  if (Status s = impl_->conn.Open(impl_->url); !s.ok()) return s;
  impl_->statement_timeout_ms = 0;  // a new session starts with PostgreSQL's default
  if (impl_->listening)
    if (Status s = impl_->conn.Exec("LISTEN sitrep_queue", "listening to the queue"); !s.ok()) return s;
  return SetIdleTimeout(impl_->idle_timeout_ms);
}

Status PgStore::SetIdleTimeout(int ms) {
  impl_->idle_timeout_ms = ms;
  return impl_->conn.Exec("SET client_encoding = 'UTF8'; SET idle_in_transaction_session_timeout = '" +
                              std::to_string(ms) + "ms'",
                          "configuring the session");
}

Result<bool> PgStore::HasDocument(std::string_view hash) {
  Query q(&impl_->conn, "SELECT 1 FROM documents WHERE hash=$1");
  q.Bind(1, hash);
  if (Status s = q.Run("looking up a document"); !s.ok()) return s;
  return q.rows() > 0;
}

Status PgStore::HasDocuments(const std::vector<std::string>& hashes, std::vector<char>* known) {
  known->assign(hashes.size(), 0);
  if (hashes.empty()) return Status::Ok();
  // Hashes are hex (ContentHash), so the array literal needs no quoting; anything else is looked up one by one.
  std::string arr = "{";
  for (size_t i = 0; i < hashes.size(); ++i) {
    for (char ch : hashes[i])
      if (!std::isxdigit(static_cast<unsigned char>(ch))) return Store::HasDocuments(hashes, known);
    arr += (i ? "," : "") + hashes[i];
  }
  arr += "}";
  Query q(&impl_->conn, "SELECT hash FROM documents WHERE hash = ANY($1::text[])");
  q.Bind(1, arr);
  if (Status s = q.Run("looking up documents"); !s.ok()) return s;
  std::unordered_map<std::string, bool> found;
  while (q.Next()) found[q.Text(0)] = true;
  for (size_t i = 0; i < hashes.size(); ++i) (*known)[i] = found.count(hashes[i]) > 0;
  return Status::Ok();
}

// ---------------------------------------------------------------------------------------------- ingest

#define PG_TRY(q, what)                              \
  do {                                               \
    if (Status s_ = (q).Run(what); !s_.ok()) return s_; \
  } while (0)

Status PgStore::Ingest(const ArticleResult& r, std::string_view hash, IngestResult* out) {
  *out = IngestResult{};
  Impl& I = *impl_;
  pg::Conn* C = &I.conn;
  // An article without events is one INSERT, atomic by itself: no savepoint (two round trips fewer; most news
  // articles have no events). If that INSERT fails, the batch's transaction is aborted and CommitBatch says so.
  // A document row written by PrepareDocuments: an article without events is then stored already (no round
  // trip); with events, its savepoint covers the events, and the row is deleted again if they fail.
  int64_t prepared_doc = 0;
  if (I.batch && I.prepared_any) {
    const std::string key(hash);
    if (auto it = I.prepared.find(key); it != I.prepared.end()) {
      prepared_doc = it->second;
      I.prepared.erase(it);
      I.prepared_taken.insert(key);
      if (r.events.empty()) {
        out->stored = true;
        return Status::Ok();
      }
    } else if (I.prepared_taken.count(key)) {
      return Status::Ok();  // stored before, or earlier in this batch
    }
  }
  const bool savepoint = I.batch && !r.events.empty();
  if (savepoint) {
    const bool release = I.savepoint_open;
    I.savepoint_open = false;
    if (Status s = C->Exec(release ? "RELEASE SAVEPOINT article; SAVEPOINT article" : "SAVEPOINT article",
                           "starting an article");
        !s.ok())
      return s;
    I.savepoint_open = true;
  } else if (!I.batch) {
    if (Status s = I.BeginWrite(); !s.ok()) return s;
  }
  Status st = [&]() -> Status {
    int64_t doc_id = prepared_doc;
    if (doc_id == 0) {
      Query doc(C, "INSERT INTO documents(hash, doc_id, title, source, url, published, published_basis,"
                   " lexicon_version, sentence_count, event_count) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)"
                   " ON CONFLICT(hash) DO NOTHING RETURNING id");
      doc.Bind(1, hash).Bind(2, r.doc.id).BindText(3, r.doc.title).BindText(4, r.doc.source).BindText(5, r.doc.url);
      doc.BindText(6, r.doc.published).BindText(7, r.doc.published_basis).BindText(8, r.lexicon_version);
      doc.Bind(9, static_cast<int64_t>(r.sentence_count)).Bind(10, static_cast<int64_t>(r.events.size()));
      PG_TRY(doc, "storing a document");
      if (!doc.Next()) return Status::Ok();  // already stored
      doc_id = doc.Int(0);
    }
    out->stored = true;

    // The backend's half of ResolveRefs: look a place or actor up by its key, else store it.
    auto find_or_add_place = [&](const std::string& key, const PlaceRef& p, int64_t* id) -> Status {
      Query ins(C, "INSERT INTO places(key, text, name, admin1, country, lat, lon, gazetteer_id, precision)"
                   " VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT(key) DO NOTHING RETURNING id");
      ins.Bind(1, key).Bind(2, p.text).BindText(3, p.name).BindText(4, p.admin1).BindText(5, p.country);
      ins.BindOpt(6, p.lat).BindOpt(7, p.lon).BindText(8, p.gazetteer_id).BindText(9, p.precision);
      PG_TRY(ins, "storing a place");
      if (ins.Next()) {
        *id = ins.Int(0);
        ++out->new_places;
        return Status::Ok();
      }
      Query sel(C, "SELECT id FROM places WHERE key=$1");
      sel.Bind(1, key);
      PG_TRY(sel, "looking up a place");
      if (!sel.Next()) return Status::Internal(C->label() + ": place '" + key + "' vanished");
      *id = sel.Int(0);
      return Status::Ok();
    };
    auto find_or_add_actor = [&](const std::string& name, const ActorRef& a, int64_t* id) -> Status {
      Query sel(C, "SELECT id FROM actors WHERE lower(name)=lower($1)");
      sel.Bind(1, name);
      PG_TRY(sel, "looking up an actor");
      if (sel.Next()) {
        *id = sel.Int(0);
        return Status::Ok();
      }
      Query ins(C, "INSERT INTO actors(name, kind, country) VALUES($1,$2,$3) RETURNING id");
      ins.Bind(1, name).BindText(2, a.kind).BindText(3, a.country);
      PG_TRY(ins, "storing an actor");
      ins.Next();
      *id = ins.Int(0);
      return Status::Ok();
    };

    std::unordered_map<uint32_t, int64_t> sentence_ids;
    std::set<int64_t> events_of_doc;
    for (const Event& e : r.events) {
      // A sentence not stored yet is written by the claim's statement below (one round trip fewer).
      int64_t sentence_id = 0;
      ByteSpan span{0, 0};
      if (auto it = sentence_ids.find(e.sentence); it != sentence_ids.end()) sentence_id = it->second;
      else span = EvidenceSpan(e, r.text);
      // Place and actors.
      EventRefs refs;
      if (Status s = ResolveRefs(e, &I.place_cache, &I.actor_cache, find_or_add_place, find_or_add_actor, &refs);
          !s.ok())
        return s;
      // Fusion: the first compatible event, by id (the same rules and order as the SQLite store).
      const fuse::FuseKey key =
          fuse::KeyOfEvent(e, refs.place_id, refs.lat, refs.lon, refs.actor_ids, refs.actor_names);
      const std::optional<int64_t> killed = fuse::MostKilled(e);

      rows::FuseCandidate joined;  // the event the claim joins; event_id 0: none, a new event
      const fuse::FuseOptions& fo = I.options.fuse;
      const bool fusable = fuse::Fusable(key, fo);
      if (fusable) {
        const std::string lo = fuse::ShiftDate(key.date_start, -fo.max_gap_days - fo.max_range_days);
        const std::string hi = fuse::ShiftDate(key.date_end, fo.max_gap_days);
        // One round trip: the events at the same place or (with coordinates) within the radius box, in id order;
        // the first compatible one is the lowest id of both sets, as in the SQLite store's two scans.
        Query cand(C, SITREP_FUSE_CANDIDATE_SELECT
                      " WHERE e.family=$1 AND e.date_start>=$3 AND e.date_start<=$4 AND (e.place_id=$2 OR"
                      " ($5::float8 IS NOT NULL AND e.lat BETWEEN $5 AND $6 AND e.lon BETWEEN $7 AND $8))"
                      " ORDER BY e.id LIMIT 512");
        cand.Bind(1, key.family).Bind(2, refs.place_id).Bind(3, lo).Bind(4, hi);
        if (refs.lat && refs.lon) {
          const LatLonBox box = BoxAround(*refs.lat, *refs.lon, fo.radius_km);
          cand.Bind(5, box.lat_min).Bind(6, box.lat_max).Bind(7, box.lon_min).Bind(8, box.lon_max);
        } else {
          cand.Null(5).Null(6).Null(7).Null(8);
        }
        PG_TRY(cand, "finding events to fuse with");
        while (cand.Next())
          if (!rows::TakeFuseCandidate(cand, key, fo, &joined)) break;
      }

      int64_t event_id = joined.event_id;
      const bool new_event = event_id == 0;
      const bool first_from_doc = new_event || !events_of_doc.count(event_id);

      // The claim, its link, a new event (or the fused event's update), a new sentence and the counts in one
      // statement, one round trip: ids come from the sequences inside it, so nothing waits for a RETURNING. A new
      // event gets the claim as its anchor; a fused one widens its dates and killed range, fills in actors and
      // keeps the best confidence. $1 (the fused event) and $3 (a stored sentence) are NULL for new ones.
      const fuse::Match link = new_event ? NewEventLink(key, fusable) : joined.match;
      static const char* kClaim =
          "WITH ids AS (SELECT coalesce($1::bigint, nextval('events_id_seq')) AS eid,"
          " coalesce($3::bigint, nextval('sentences_id_seq')) AS sid, nextval('claims_id_seq') AS cid),"
          " s AS (INSERT INTO sentences(id, document_id, idx, begin_byte, end_byte, text)"
          " SELECT sid, $2, $42, $43, $44, $45 FROM ids WHERE $3::bigint IS NULL),"
          " e AS (INSERT INTO events(id, family, acled, acled_sub, plover, cameo, place_id, country, admin1, lat, lon,"
          " date_start, date_end, actor1_id, actor2_id, killed_min, killed_max, claim_count, source_count, confidence,"
          " anchor_claim_id) SELECT eid, $39, $6, $7, $8, $9, $15, $40, $41, $37, $38, $31, $32, $11, $13, $27, $27,"
          " 1, 1, $36, cid FROM ids WHERE $1::bigint IS NULL),"
          " c AS (INSERT INTO claims(id, event_id, document_id, sentence_id, ext_id, trigger, acled, acled_sub, plover,"
          " cameo, mode, actor1_id, actor1_text, actor2_id, actor2_text, place_id, place_text, date_text,"
          " date_start, date_end, date_precision, date_basis, source_name, source_text, modality, negated,"
          " confidence, killed) SELECT cid, eid, $2, sid, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,"
          " $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27 FROM ids),"
          " l AS (INSERT INTO links(claim_id, event_id, linked_claim_id, rule, detail)"
          " SELECT cid, eid, $28, $29, $30 FROM ids),"
          " u AS (UPDATE events SET date_start=$31, date_end=$32, killed_min=$33, killed_max=$34,"
          " claim_count=claim_count+1, source_count=source_count+$35, confidence=$36,"
          " actor1_id=coalesce(actor1_id, $11), actor2_id=coalesce(actor2_id, $13),"
          " lat=coalesce(lat, $37), lon=coalesce(lon, $38) WHERE id=$1::bigint),"
          " n AS (INSERT INTO counts(claim_id, what, n, \"of\", approx, vague, text)"
          " SELECT cid, x.w, x.k, x.o, x.a, x.v, x.t FROM ids,"
          " unnest($46::text[], $47::bigint[], $48::text[], $49::int[], $50::int[], $51::text[])"
          " WITH ORDINALITY AS x(w, k, o, a, v, t, i) ORDER BY x.i)"
          " SELECT eid, sid, cid FROM ids";
      Query cl(C, kClaim);
      cl.BindId(1, event_id).Bind(2, doc_id).BindId(3, sentence_id).Bind(4, e.id).BindText(5, e.trigger);
      cl.BindText(6, e.acled).BindText(7, e.acled_sub).BindText(8, e.plover).BindText(9, e.cameo);
      cl.BindText(10, e.mode).BindId(11, refs.actor_ids[0]).BindText(12, e.actor1 ? e.actor1->text : "");
      cl.BindId(13, refs.actor_ids[1]).BindText(14, e.actor2 ? e.actor2->text : "").BindId(15, refs.place_id);
      cl.BindText(16, e.location ? e.location->text : "").BindText(17, e.date.text).BindText(18, e.date.start);
      cl.BindText(19, e.date.end).BindText(20, e.date.precision).BindText(21, e.date.basis);
      cl.BindText(22, e.source ? e.source->name : "").BindText(23, e.source ? e.source->text : "");
      cl.Bind(24, e.modality).Bind(25, e.negated ? 1 : 0).Bind(26, e.confidence).BindOpt(27, killed);
      cl.BindId(28, new_event ? 0 : joined.anchor_claim).Bind(29, link.rule).Bind(30, link.detail);
      if (new_event) {
        cl.BindText(31, key.date_start).BindText(32, key.date_start.empty() ? "" : key.date_end);
        cl.Null(33).Null(34).Bind(35, 0).Bind(36, e.confidence);
      } else {
        const EventAggregates agg = Joined(joined.stored, key, killed, e.confidence);
        cl.Bind(31, agg.date_start).Bind(32, agg.date_end).BindOpt(33, agg.killed_min).BindOpt(34, agg.killed_max);
        cl.Bind(35, first_from_doc ? 1 : 0).Bind(36, agg.confidence);
      }
      cl.BindOpt(37, refs.lat).BindOpt(38, refs.lon);
      cl.Bind(39, key.family).BindText(40, e.location ? e.location->country : "");
      cl.BindText(41, e.location ? e.location->admin1 : "");
      if (sentence_id == 0) {
        cl.Bind(42, static_cast<int64_t>(e.sentence)).Bind(43, static_cast<int64_t>(span.begin));
        cl.Bind(44, static_cast<int64_t>(span.end));
        cl.Bind(45, std::string_view(r.text).substr(span.begin, span.end - span.begin));
      } else {
        cl.Null(42).Null(43).Null(44).Null(45);
      }
      std::string what = "{", of = "{", approx = "{", vague = "{", text = "{", n = "{";
      for (size_t k = 0; k < e.counts.size(); ++k) {
        const Count& c = e.counts[k];
        const char* sep = k ? "," : "";
        what += sep + ArrayItem(c.what);
        n += sep + std::to_string(c.n);
        of += sep + (c.of.empty() ? std::string("NULL") : ArrayItem(c.of));
        approx += sep + std::string(c.approx ? "1" : "0");
        vague += sep + std::string(c.vague ? "1" : "0");
        text += sep + (c.text.empty() ? std::string("NULL") : ArrayItem(c.text));
      }
      cl.Bind(46, what + "}").Bind(47, n + "}").Bind(48, of + "}").Bind(49, approx + "}").Bind(50, vague + "}");
      cl.Bind(51, text + "}");
      if (!new_event) ++out->fused;
      PG_TRY(cl, "storing a claim");
      cl.Next();
      if (new_event) {
        event_id = cl.Int(0);
        ++out->new_events;
      }
      events_of_doc.insert(event_id);
      if (sentence_id == 0) sentence_ids.emplace(e.sentence, cl.Int(1));
      ++out->claims;
    }
    return Status::Ok();
  }();
  if (!st.ok()) {
    if (savepoint) {
      I.savepoint_open = false;
      if (C->ok() &&
          C->Exec("ROLLBACK TO SAVEPOINT article; RELEASE SAVEPOINT article", "rolling back an article").ok() &&
          prepared_doc != 0) {
        // The row was written before the savepoint: remove it, so that the article is retried, not taken as
        // stored. A second copy later in this batch then stores it afresh.
        Query del(C, "DELETE FROM documents WHERE id=$1");
        del.Bind(1, prepared_doc);
        if (del.Run("removing a failed article's document").ok()) I.prepared_taken.erase(std::string(hash));
      }
    } else if (I.batch) {
      // The transaction is aborted: the batch is lost (CommitBatch reports it).
    } else if (C->ok()) {
      C->Exec("ROLLBACK", "rolling back");
    }
    I.ClearCaches();
    *out = IngestResult{};
    return st;
  }
  if (I.batch) return Status::Ok();  // a savepoint stays open until the next article's or the COMMIT
  if (Status s = C->Exec("COMMIT", "committing"); !s.ok()) {
    I.ClearCaches();
    *out = IngestResult{};
    return s;
  }
  return Status::Ok();
}

bool PgStore::in_batch() const { return impl_->batch; }

Status PgStore::BeginBatch() {
  if (impl_->batch) return Status::Ok();
  if (Status s = impl_->BeginWrite(); !s.ok()) return s;
  impl_->batch = true;
  return Status::Ok();
}

Status PgStore::PrepareDocuments(const std::vector<const ArticleResult*>& articles,
                                 const std::vector<std::string>& hashes) {
  Impl& I = *impl_;
  if (!I.batch) return Status::Ok();
  // Multi-row INSERTs in input order: the sequence hands out ids row by row, as one INSERT per article did.
  std::vector<size_t> rows;
  std::unordered_set<std::string_view> seen;
  for (size_t i = 0; i < articles.size() && i < hashes.size(); ++i) {
    if (!articles[i] || I.prepared.count(hashes[i]) || I.prepared_taken.count(hashes[i])) continue;
    if (!seen.insert(hashes[i]).second) continue;  // a second copy: "already stored" when its turn comes
    rows.push_back(i);
  }
  // A statement takes at most 65,535 parameters (10 per row); `worker --batch` may ask for more rows.
  constexpr size_t kRowsPerInsert = 1000;
  for (size_t from = 0; from < rows.size(); from += kRowsPerInsert) {
    const size_t to = std::min(rows.size(), from + kRowsPerInsert);
    std::string sql =
        "INSERT INTO documents(hash, doc_id, title, source, url, published, published_basis, lexicon_version,"
        " sentence_count, event_count) VALUES";
    for (size_t n = from; n < to; ++n) {
      const int p = static_cast<int>(n - from) * 10;
      sql += n == from ? "(" : ",(";
      for (int k = 1; k <= 10; ++k) sql += (k > 1 ? ",$" : "$") + std::to_string(p + k);
      sql += ")";
    }
    sql += " ON CONFLICT(hash) DO NOTHING RETURNING id, hash";
    Query q(&I.conn, sql.c_str(), false);
    for (size_t n = from; n < to; ++n) {
      const ArticleResult& r = *articles[rows[n]];
      const int p = static_cast<int>(n - from) * 10;
      q.Bind(p + 1, hashes[rows[n]]).Bind(p + 2, r.doc.id).BindText(p + 3, r.doc.title);
      q.BindText(p + 4, r.doc.source).BindText(p + 5, r.doc.url).BindText(p + 6, r.doc.published);
      q.BindText(p + 7, r.doc.published_basis).BindText(p + 8, r.lexicon_version);
      q.Bind(p + 9, static_cast<int64_t>(r.sentence_count)).Bind(p + 10, static_cast<int64_t>(r.events.size()));
    }
    if (Status s = q.Run("storing documents"); !s.ok()) return s;
    while (q.Next()) I.prepared.emplace(q.Text(1), q.Int(0));
  }
  // Rows that were there before count as taken: their articles are "already stored".
  for (size_t i : rows)
    if (!I.prepared.count(hashes[i])) I.prepared_taken.insert(hashes[i]);
  I.prepared_any = true;
  return Status::Ok();
}

Status PgStore::CommitBatch() {
  if (!impl_->batch) return Status::Ok();
  std::vector<int64_t> orphans;
  for (const auto& [hash, id] : impl_->prepared) orphans.push_back(id);
  impl_->EndBatch();
  pg::Conn& C = impl_->conn;
  if (!orphans.empty() && C.ok() && PQtransactionStatus(C.get()) != PQTRANS_INERROR) {
    // Rows prepared for articles whose Ingest() never came (the caller stopped at an error): not stored.
    std::string arr = "{";
    for (size_t i = 0; i < orphans.size(); ++i) arr += (i ? "," : "") + std::to_string(orphans[i]);
    arr += "}";
    Query del(&C, "DELETE FROM documents WHERE id = ANY($1::bigint[])");
    del.Bind(1, arr);
    if (Status s = del.Run("removing documents not stored"); !s.ok()) {
      C.Exec("ROLLBACK", "rolling back");
      impl_->ClearCaches();
      return s;
    }
  }
  if (!C.ok() || PQtransactionStatus(C.get()) == PQTRANS_INERROR) {
    if (C.ok()) C.Exec("ROLLBACK", "rolling back");
    impl_->ClearCaches();
    return Status::IoError(C.label() + ": the articles of the last batch were rolled back after the error");
  }
  if (Status s = C.Exec("COMMIT", "committing"); !s.ok()) {
    impl_->ClearCaches();
    return s;
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------------------------- queries

Result<Totals> PgStore::GetTotals() {
  Totals t;
  Query q(&impl_->conn,
          "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), (SELECT count(*) FROM claims),"
          " (SELECT count(*) FROM events), (SELECT count(*) FROM places), (SELECT count(*) FROM actors),"
          " (SELECT count(*) FROM links)");
  if (Status s = q.Run("counting"); !s.ok()) return s;
  q.Next();
  t.documents = q.Int(0);
  t.sentences = q.Int(1);
  t.claims = q.Int(2);
  t.events = q.Int(3);
  t.places = q.Int(4);
  t.actors = q.Int(5);
  t.links = q.Int(6);
  return t;
}

Status PgStore::FindPlaces(std::string_view query, std::vector<PlaceInfo>* out) {
  out->clear();
  bool by_id = query.size() > 1 && query[0] == '#';
  const char* sql =
      by_id ? SITREP_PLACE_SELECT " WHERE p.id=$1 ORDER BY n DESC, p.id"
            : SITREP_PLACE_SELECT
              " WHERE (lower(p.text)=lower($1) OR lower(p.name)=lower($1) OR p.gazetteer_id=$1) ORDER BY n DESC, p.id";
  Query q(&impl_->conn, sql);
  if (by_id) q.Bind(1, static_cast<int64_t>(std::atoll(std::string(query.substr(1)).c_str())));
  else q.Bind(1, query);
  if (Status s = q.Run("looking up places"); !s.ok()) return s;
  while (q.Next()) out->push_back(rows::ReadPlaceWithEvents(q));
  return Status::Ok();
}

// The WHERE clause of an event filter over `events e`, and the values of its $N parameters (text; PostgreSQL
// casts by context).
struct PgStore::EventWhere {
  std::string sql;  // empty, or " WHERE …"
  std::vector<std::string> params;
  bool matches_nothing = false;  // the filter names a place or actor the store does not have

  std::string Text(std::string v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  }
  std::string Real(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return Text(buf) + "::double precision";
  }
  // Text compares case-insensitively through lower() (the expression indexes).
  static std::string Same(const std::string& column, const std::string& placeholder) {
    return "lower(" + column + ")=lower(" + placeholder + ")";
  }
  void Add(const std::string& cond) { sql += (sql.empty() ? " WHERE " : " AND ") + cond; }
  std::string And(const char* cond) const { return sql + (sql.empty() ? " WHERE " : " AND ") + cond; }
  void BindTo(Query* q) const {
    for (size_t i = 0; i < params.size(); ++i) q->Bind(static_cast<int>(i + 1), params[i]);
  }
};

Status PgStore::BuildEventWhere(const EventFilter& f, EventWhere* w) {
  auto places_in_box = [&](const LatLonBox& box, auto&& each) -> Status {
    Query ps(&impl_->conn, "SELECT id, lat, lon FROM places WHERE lat BETWEEN $1 AND $2 AND lon BETWEEN $3 AND $4");
    ps.Bind(1, box.lat_min).Bind(2, box.lat_max).Bind(3, box.lon_min).Bind(4, box.lon_max);
    if (Status s = ps.Run("looking up places"); !s.ok()) return s;
    while (ps.Next()) each(ps.Int(0), ps.Double(1), ps.Double(2));
    return Status::Ok();
  };
  auto actor_ids = [&](const std::string& actor, std::string* ids) -> Status {
    Query s(&impl_->conn, "SELECT id FROM actors WHERE lower(name)=lower($1) OR name ILIKE $2 ORDER BY id");
    s.Bind(1, actor).Bind(2, "%" + EscapeLike(actor) + "%");
    if (Status st = s.Run("looking up actors"); !st.ok()) return st;
    while (s.Next()) *ids += (ids->empty() ? "" : ",") + std::to_string(s.Int(0));
    return Status::Ok();
  };
  return AddEventConditions(*this, f, w, places_in_box, actor_ids);
}

Status PgStore::QueryEvents(const EventFilter& f, std::vector<EventInfo>* out) {
  EventWhere w;
  if (Status st = BuildEventWhere(f, &w); !st.ok() || w.matches_nothing) {
    out->clear();
    return st;
  }
  // SQLite sorts NULL first: undated events come first when oldest first, last when newest first.
  std::string sql = "SELECT " SITREP_EVENT_COLS SITREP_EVENT_FROM + w.sql +
                    (f.newest_first ? " ORDER BY e.date_start DESC NULLS LAST, e.id DESC"
                                    : " ORDER BY e.date_start ASC NULLS FIRST, e.id");
  if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);
  if (f.offset > 0) sql += " OFFSET " + std::to_string(f.offset);
  Query q(&impl_->conn, sql.c_str(), false);
  w.BindTo(&q);
  if (Status s = q.Run("querying events"); !s.ok()) {
    out->clear();
    return s;
  }
  // Into the events already in *out, as the SQLite store does: a caller that reuses its vector reuses their
  // strings too.
  out->resize(static_cast<size_t>(q.rows()));
  for (auto& e : *out) {
    q.Next();
    rows::ReadEventInto(q, &e);
  }
  return Status::Ok();
}

Status PgStore::SummarizeEvents(const EventFilter& f, EventSummary* out) {
  *out = EventSummary{};
  EventWhere w;
  if (Status st = BuildEventWhere(f, &w); !st.ok() || w.matches_nothing) return st;
  auto run = [&](const std::string& sql, auto&& on_row) -> Status {
    Query q(&impl_->conn, sql.c_str(), false);
    w.BindTo(&q);
    if (Status s = q.Run("summarizing events"); !s.ok()) return s;
    while (q.Next()) on_row(q);
    return Status::Ok();
  };
  // The same groups as the SQLite store's one-pass count (pg_store_test.sh compares the answers): text compares
  // as bytes here, without lower().
  Status st = run("SELECT e.date_start, count(*), count(*) FILTER (WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL),"
                  " sum(e.killed_min) FROM events e" + w.sql + " GROUP BY e.date_start",
                  [&](const Query& q) {
                    int64_t n = q.Int(1);
                    out->total += n;
                    out->located += q.Int(2);
                    out->killed_min_sum += q.Int(3);
                    std::string day = q.Text(0);
                    if (day.empty()) out->undated += n;
                    else out->by_day.emplace_back(std::move(day), n);
                  });
  if (!st.ok()) return st;
  st = run("SELECT CASE WHEN e.acled<>'' THEN e.acled WHEN e.plover<>'' THEN e.plover ELSE e.family END AS t,"
           " count(*) FROM events e" + w.sql + " GROUP BY t",
           [&](const Query& q) { out->by_type.emplace_back(q.Text(0), q.Int(1)); });
  if (!st.ok()) return st;
  st = run("SELECT e.country, count(*) FROM events e" + w.And("e.country<>''") + " GROUP BY e.country",
           [&](const Query& q) { out->by_country.emplace_back(q.Text(0), q.Int(1)); });
  if (!st.ok()) return st;
  // An actor counts once per event, also when it is both actor1 and actor2.
  return run("SELECT a.name, count(*) FROM (SELECT e.actor1_id AS actor_id FROM events e" + w.sql +
                 " UNION ALL SELECT e.actor2_id FROM events e" + w.And("e.actor2_id IS DISTINCT FROM e.actor1_id") +
                 ") x JOIN actors a ON a.id=x.actor_id WHERE a.name<>'' GROUP BY x.actor_id, a.name",
             [&](const Query& q) { out->by_actor.emplace_back(q.Text(0), q.Int(1)); });
}

void PgStore::StartTimeLimit(int ms) {
  ms = std::max(0, ms);
  if (ms == impl_->statement_timeout_ms) return;  // a round trip only when it changes
  // On failure the old limit stays; the next call tries again.
  if (impl_->conn.Exec("SET statement_timeout = " + std::to_string(ms), "setting the time limit").ok())
    impl_->statement_timeout_ms = ms;
}

Status PgStore::GetEvent(int64_t id, EventInfo* out) {
  Query q(&impl_->conn, "SELECT " SITREP_EVENT_COLS SITREP_EVENT_FROM " WHERE e.id=$1");
  q.Bind(1, id);
  if (Status s = q.Run("reading an event"); !s.ok()) return s;
  if (!q.Next()) return Status::NotFound("no event " + std::to_string(id) + " in " + impl_->conn.label());
  rows::ReadEventInto(q, out);
  return LoadClaims(out);
}

Status PgStore::LoadClaims(EventInfo* ev) {
  ev->claims.clear();
  Query s(&impl_->conn, SITREP_CLAIM_SELECT " WHERE c.event_id=$1 ORDER BY c.id");
  s.Bind(1, ev->id);
  if (Status st = s.Run("reading claims"); !st.ok()) return st;
  while (s.Next()) ev->claims.push_back(rows::ReadClaim(s));
  Query cs(&impl_->conn,
           "SELECT claim_id, " SITREP_COUNT_COLS " FROM counts c WHERE c.claim_id IN"
           " (SELECT id FROM claims WHERE event_id=$1) ORDER BY c.id");
  cs.Bind(1, ev->id);
  if (Status st = cs.Run("reading counts"); !st.ok()) return st;
  std::unordered_map<int64_t, size_t> index;
  for (size_t i = 0; i < ev->claims.size(); ++i) index[ev->claims[i].id] = i;
  while (cs.Next()) {
    auto it = index.find(cs.Int(0));
    if (it != index.end()) ev->claims[it->second].counts.push_back(rows::ReadCount(cs, 1));
  }
  return Status::Ok();
}

Status PgStore::TerritoryClaims(const std::vector<int64_t>& place_ids, std::vector<fuse::TerritoryClaim>* out) {
  out->clear();
  for (int64_t pid : place_ids) {
    Query s(&impl_->conn, SITREP_TERRITORY_SELECT " AND c.place_id=$1 ORDER BY c.id");
    s.Bind(1, pid);
    if (Status st = s.Run("reading territory claims"); !st.ok()) return st;
    while (s.Next()) out->push_back(rows::ReadTerritoryClaim(s));
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------------------------- serving (issue 5)

Status PgStore::SearchPlaces(std::string_view prefix, int limit, std::vector<PlaceInfo>* out) {
  out->clear();
  Query q(&impl_->conn, SITREP_PLACE_SELECT " WHERE p.name ILIKE $1 OR p.text ILIKE $1 ORDER BY n DESC, p.id LIMIT $2");
  q.Bind(1, EscapeLike(prefix) + "%").Bind(2, static_cast<int64_t>(limit));
  if (Status s = q.Run("searching places"); !s.ok()) return s;
  while (q.Next()) out->push_back(rows::ReadPlaceWithEvents(q));
  return Status::Ok();
}

Status PgStore::GetDocument(std::string_view doc_id, DocumentInfo* out) {
  Query d(&impl_->conn, SITREP_DOCUMENT_SELECT " WHERE doc_id=$1 ORDER BY id LIMIT 1");
  d.Bind(1, doc_id);
  if (Status s = d.Run("reading a document"); !s.ok()) return s;
  if (!d.Next()) return Status::NotFound("no document '" + std::string(doc_id) + "' in " + impl_->conn.label());
  const int64_t id = rows::ReadDocumentInto(d, out);
  out->sentences.clear();
  Query s(&impl_->conn, "SELECT idx, text FROM sentences WHERE document_id=$1 ORDER BY idx");
  s.Bind(1, id);
  if (Status st = s.Run("reading sentences"); !st.ok()) return st;
  while (s.Next()) out->sentences.push_back({s.Int(0), s.Text(1)});
  return Status::Ok();
}

}  // namespace sitrep::store
