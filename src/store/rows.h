// Result rows -> records, shared by the SQLite store (store.cc) and the PostgreSQL store (pg_store.cc): the
// SELECT lists both backends run, and the one place that knows which column of them holds which field of a
// PlaceInfo, EventInfo, ClaimInfo, Count, fuse::TerritoryClaim or fusion candidate. A backend supplies only a row
// with typed column getters (the ColumnRow concept: sqlite Stmt, pg::Query); the readers are templates, so a
// column read costs what the backend's getter costs (no virtual call). Internal to src/store.
//
// The column lists are macros (string literals) because the PostgreSQL store prepares a statement once per SQL
// literal (keyed by its address): "SELECT " SITREP_EVENT_COLS SITREP_EVENT_FROM " WHERE e.id=$1" must stay one
// literal. Each backend adds its WHERE clause with its own parameter syntax (?1 / $1).
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "fuse/fuse.h"
#include "sitrep/extract.h"
#include "store/common.h"
#include "store/store.h"

namespace sitrep::store::rows {

// A result row read by 0-based column: NULL reads as 0 / 0.0 / "".
template <class R>
concept ColumnRow = requires(const R& r, int c, std::string* s) {
  { r.IsNull(c) } -> std::convertible_to<bool>;
  { r.Int(c) } -> std::same_as<int64_t>;
  { r.Double(c) } -> std::same_as<double>;
  r.TextInto(c, s);  // into an existing string: a reused record keeps its strings' buffers
};

template <ColumnRow R>
std::string Text(const R& r, int c) {
  std::string s;
  r.TextInto(c, &s);
  return s;
}
template <ColumnRow R>
std::optional<int64_t> OptInt(const R& r, int c) {
  return r.IsNull(c) ? std::nullopt : std::optional<int64_t>(r.Int(c));
}
template <ColumnRow R>
std::optional<double> OptDouble(const R& r, int c) {
  return r.IsNull(c) ? std::nullopt : std::optional<double>(r.Double(c));
}

// ---- places: 10 columns from `c` (ReadPlaceInto); SITREP_PLACE_SELECT adds the place's event count as column 10.

#define SITREP_PLACE_COLS "p.id, p.key, p.text, p.name, p.admin1, p.country, p.gazetteer_id, p.precision, p.lat, p.lon"
#define SITREP_PLACE_SELECT \
  "SELECT " SITREP_PLACE_COLS ", (SELECT count(*) FROM events e WHERE e.place_id=p.id) AS n FROM places p"

// Overwrites every field of *p (events = 0).
template <ColumnRow R>
void ReadPlaceInto(const R& s, int c, PlaceInfo* p) {
  p->id = s.Int(c);
  s.TextInto(c + 1, &p->key);
  s.TextInto(c + 2, &p->text);
  s.TextInto(c + 3, &p->name);
  s.TextInto(c + 4, &p->admin1);
  s.TextInto(c + 5, &p->country);
  s.TextInto(c + 6, &p->gazetteer_id);
  s.TextInto(c + 7, &p->precision);
  p->lat = OptDouble(s, c + 8);
  p->lon = OptDouble(s, c + 9);
  p->events = 0;
}

// A row of SITREP_PLACE_SELECT: the place and its number of fused events.
template <ColumnRow R>
PlaceInfo ReadPlaceWithEvents(const R& s) {
  PlaceInfo p;
  ReadPlaceInto(s, 0, &p);
  p.events = s.Int(10);
  return p;
}

// ---- events: SELECT SITREP_EVENT_COLS SITREP_EVENT_FROM [WHERE …]

#define SITREP_EVENT_COLS                                                                                          \
  "e.id, e.family, e.acled, e.acled_sub, e.plover, e.cameo, e.country, e.lat, e.lon, e.date_start, e.date_end,"   \
  " a1.name, a1.kind, a2.name, a2.kind, e.killed_min, e.killed_max, e.claim_count, e.source_count, e.confidence," \
  " e.place_id, " SITREP_PLACE_COLS
#define SITREP_EVENT_FROM                                                                                \
  " FROM events e LEFT JOIN actors a1 ON a1.id=e.actor1_id LEFT JOIN actors a2 ON a2.id=e.actor2_id" \
  " LEFT JOIN places p ON p.id=e.place_id"

// Overwrites every field of *e, reusing its strings' buffers (claims are cleared: LoadClaims fills them).
template <ColumnRow R>
void ReadEventInto(const R& s, EventInfo* e) {
  e->id = s.Int(0);
  s.TextInto(1, &e->family);
  s.TextInto(2, &e->acled);
  s.TextInto(3, &e->acled_sub);
  s.TextInto(4, &e->plover);
  s.TextInto(5, &e->cameo);
  s.TextInto(6, &e->country);
  e->lat = OptDouble(s, 7);
  e->lon = OptDouble(s, 8);
  s.TextInto(9, &e->date_start);
  s.TextInto(10, &e->date_end);
  s.TextInto(11, &e->actor1);
  s.TextInto(12, &e->actor1_kind);
  s.TextInto(13, &e->actor2);
  s.TextInto(14, &e->actor2_kind);
  e->killed_min = OptInt(s, 15);
  e->killed_max = OptInt(s, 16);
  e->claim_count = s.Int(17);
  e->source_count = s.Int(18);
  e->confidence = s.Double(19);
  if (s.IsNull(20)) {
    e->place.reset();
  } else {
    if (!e->place) e->place.emplace();
    ReadPlaceInto(s, 21, &*e->place);
  }
  e->claims.clear();
}

// ---- claims of an event: SITREP_CLAIM_SELECT " WHERE c.event_id=?1 ORDER BY c.id"

#define SITREP_CLAIM_SELECT                                                                                        \
  "SELECT c.id, c.event_id, c.ext_id, d.doc_id, d.title, d.source, d.published, d.url, c.trigger, c.acled,"       \
  " c.acled_sub, c.plover, c.cameo, c.mode, a1.name, a1.kind, a1.country, a2.name, a2.kind, a2.country,"          \
  " c.place_text, c.date_text, c.date_start, c.date_end, c.date_precision, c.source_name, c.source_text,"         \
  " c.modality, c.negated, c.confidence, c.killed, s.idx, s.text, l.linked_claim_id, l.rule, l.detail"            \
  " FROM claims c JOIN documents d ON d.id=c.document_id LEFT JOIN sentences s ON s.id=c.sentence_id"             \
  " LEFT JOIN actors a1 ON a1.id=c.actor1_id LEFT JOIN actors a2 ON a2.id=c.actor2_id"                            \
  " LEFT JOIN links l ON l.claim_id=c.id"

// Every field of the claim but its counts (ReadCount).
template <ColumnRow R>
ClaimInfo ReadClaim(const R& s) {
  ClaimInfo c;
  c.id = s.Int(0);
  c.event_id = s.Int(1);
  s.TextInto(2, &c.ext_id);
  s.TextInto(3, &c.document);
  s.TextInto(4, &c.doc_title);
  s.TextInto(5, &c.outlet);
  s.TextInto(6, &c.published);
  s.TextInto(7, &c.url);
  s.TextInto(8, &c.trigger);
  s.TextInto(9, &c.acled);
  s.TextInto(10, &c.acled_sub);
  s.TextInto(11, &c.plover);
  s.TextInto(12, &c.cameo);
  s.TextInto(13, &c.mode);
  s.TextInto(14, &c.actor1);
  s.TextInto(15, &c.actor1_kind);
  s.TextInto(16, &c.actor1_country);
  s.TextInto(17, &c.actor2);
  s.TextInto(18, &c.actor2_kind);
  s.TextInto(19, &c.actor2_country);
  s.TextInto(20, &c.place_text);
  s.TextInto(21, &c.date_text);
  s.TextInto(22, &c.date_start);
  s.TextInto(23, &c.date_end);
  s.TextInto(24, &c.date_precision);
  s.TextInto(25, &c.source_name);
  s.TextInto(26, &c.source_text);
  s.TextInto(27, &c.modality);
  c.negated = s.Int(28) != 0;
  c.confidence = s.Double(29);
  c.killed = OptInt(s, 30);
  c.sentence = static_cast<uint32_t>(s.Int(31));
  s.TextInto(32, &c.evidence);
  c.linked_claim = s.Int(33);
  s.TextInto(34, &c.link_rule);
  s.TextInto(35, &c.link_detail);
  return c;
}

// ---- counts of a claim: 6 columns from `c`

#define SITREP_COUNT_COLS "what, n, \"of\", approx, vague, text"

template <ColumnRow R>
Count ReadCount(const R& s, int c) {
  Count n;
  s.TextInto(c, &n.what);
  n.n = s.Int(c + 1);
  s.TextInto(c + 2, &n.of);
  n.approx = s.Int(c + 3) != 0;
  n.vague = s.Int(c + 4) != 0;
  s.TextInto(c + 5, &n.text);
  return n;
}

// ---- territory claims at a place: SITREP_TERRITORY_SELECT " AND c.place_id=?1 ORDER BY c.id"

#define SITREP_TERRITORY_SELECT                                                                                    \
  "SELECT c.id, c.event_id, c.date_start, c.date_end, c.acled_sub, c.trigger, c.mode, a1.name, a1.kind,"          \
  " a2.name, a2.kind, c.modality, c.negated, c.confidence, coalesce(c.source_name, d.source, d.doc_id),"          \
  " d.doc_id, s.text FROM claims c JOIN documents d ON d.id=c.document_id"                                        \
  " LEFT JOIN sentences s ON s.id=c.sentence_id LEFT JOIN actors a1 ON a1.id=c.actor1_id"                         \
  " LEFT JOIN actors a2 ON a2.id=c.actor2_id"                                                                     \
  " WHERE c.acled_sub IN ('Government regains territory', 'Non-state actor overtakes territory',"                 \
  " 'Non-violent transfer of territory')"

template <ColumnRow R>
fuse::TerritoryClaim ReadTerritoryClaim(const R& s) {
  fuse::TerritoryClaim c;
  c.claim_id = s.Int(0);
  c.event_id = s.Int(1);
  s.TextInto(2, &c.date_start);
  s.TextInto(3, &c.date_end);
  s.TextInto(4, &c.acled_sub);
  s.TextInto(5, &c.trigger);
  s.TextInto(6, &c.mode);
  if (!s.IsNull(7)) c.actor1 = fuse::Party{Text(s, 7), Text(s, 8)};
  if (!s.IsNull(9)) c.actor2 = fuse::Party{Text(s, 9), Text(s, 10)};
  s.TextInto(11, &c.modality);
  c.negated = s.Int(12) != 0;
  c.confidence = s.Double(13);
  s.TextInto(14, &c.source);
  s.TextInto(15, &c.document);
  s.TextInto(16, &c.evidence);
  return c;
}

// ---- a document: SITREP_DOCUMENT_SELECT " WHERE doc_id=?1 …"

#define SITREP_DOCUMENT_SELECT \
  "SELECT id, doc_id, title, source, url, published, event_count, sentence_count FROM documents"

// The document's fields but its sentences; returns its row id (for the sentences' query).
template <ColumnRow R>
int64_t ReadDocumentInto(const R& s, DocumentInfo* d) {
  s.TextInto(1, &d->doc_id);
  s.TextInto(2, &d->title);
  s.TextInto(3, &d->source);
  s.TextInto(4, &d->url);
  s.TextInto(5, &d->published);
  d->event_count = s.Int(6);
  d->sentence_count = s.Int(7);
  return s.Int(0);
}

// ---- fusion candidates: SITREP_FUSE_CANDIDATE_SELECT " WHERE … ORDER BY e.id", read with TakeFuseCandidate

#define SITREP_FUSE_CANDIDATE_SELECT                                                                              \
  "SELECT e.id, e.place_id, p.precision, e.lat, e.lon, e.date_start, e.date_end, e.actor1_id, e.actor2_id,"       \
  " a1.name, a2.name, e.killed_min, e.killed_max, e.confidence, e.anchor_claim_id"                               \
  " FROM events e LEFT JOIN places p ON p.id=e.place_id LEFT JOIN actors a1 ON a1.id=e.actor1_id"                \
  " LEFT JOIN actors a2 ON a2.id=e.actor2_id"

// The stored event a claim joins (event_id 0: none yet), and what the claim's update of it needs.
struct FuseCandidate {
  int64_t event_id = 0, anchor_claim = 0;
  fuse::Match match;
  EventAggregates stored;  // its figures before the claim joins
};

// One candidate row, rows in event id order (one or more scans): the claim joins the compatible event with the
// lowest id. Returns false when this scan can stop (this row is the first compatible one, or comes after the
// event already found).
template <ColumnRow R>
bool TakeFuseCandidate(const R& s, const fuse::FuseKey& claim, const fuse::FuseOptions& options,
                       FuseCandidate* best) {
  const int64_t id = s.Int(0);
  if (best->event_id != 0 && id > best->event_id) return false;
  fuse::FuseKey ev;
  ev.family = claim.family;
  ev.place_id = s.Int(1);
  s.TextInto(2, &ev.place_precision);
  ev.lat = OptDouble(s, 3);
  ev.lon = OptDouble(s, 4);
  s.TextInto(5, &ev.date_start);
  s.TextInto(6, &ev.date_end);
  ev.actor1 = s.Int(7);
  ev.actor2 = s.Int(8);
  s.TextInto(9, &ev.actor1_name);
  s.TextInto(10, &ev.actor2_name);
  fuse::Match m = fuse::Compatible(ev, claim, options);
  if (!m.ok) return true;
  if (best->event_id == 0 || id < best->event_id) {
    best->event_id = id;
    best->match = std::move(m);
    best->stored.killed_min = OptInt(s, 11);
    best->stored.killed_max = OptInt(s, 12);
    best->stored.date_start = std::move(ev.date_start);
    best->stored.date_end = std::move(ev.date_end);
    best->stored.confidence = s.Double(13);
    best->anchor_claim = s.Int(14);
  }
  return false;
}

}  // namespace sitrep::store::rows
