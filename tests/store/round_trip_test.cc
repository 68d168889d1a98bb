// Every stored field through the store and back (the shared row readers of src/store/rows.h), and into the JSON
// of the API and of the CLI (src/serve/event_json.h). Every field holds a value no other field holds, so a column
// read at the wrong position, or a JSON key written from the wrong field, fails here. Runs on SQLite, and on
// PostgreSQL when SITREP_TEST_PG_URL names a server database (CTest's store.pg_round_trip starts a throwaway
// server for it; without one only the SQLite cases exist), where the answers must also equal SQLite's.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/json_writer.h"
#include "serve/event_json.h"
#include "store/store.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using serve::JsonStyle;

// ---- the articles: A starts a territory event with every field set; B (another outlet, a denial) joins it;
// C is an event with nothing optional (no place, actors, counts, source, ACLED type).

const char kTextA[] = "Header line. Second line. Third one. On Sunday some 300 militants overran Palmyra, the monitor said.";
const char kTextB[] = "State media denied on Monday that Palmyra had been overrun, saying 200 attackers were killed.";
const char kTextC[] = "Protesters gathered in the square.";

Event EventA() {
  Event e;
  e.id = "rt-a#0";
  e.sentence = 3;
  e.span_begin = 37;
  e.span_end = static_cast<uint32_t>(sizeof kTextA - 1);
  e.trigger = "overran";
  e.acled = "Battles";
  e.acled_sub = "Non-state actor overtakes territory";
  e.plover = "ASSAULT";
  e.cameo = "19";
  e.mode = "ground-assault";
  e.actor1 = ActorRef{"the militants", "Islamic State", "rebel_group", "IQ", 0, 0, false, false};
  e.actor2 = ActorRef{"the garrison", "Military Forces of Syria", "state_forces", "RU", 0, 0, false, false};
  PlaceRef p;
  p.text = "Palmyra";
  p.name = "Tadmur";
  p.admin1 = "Homs";
  p.country = "SY";
  p.lat = 34.56;
  p.lon = 38.28;
  p.gazetteer_id = "geonames:170794";
  p.precision = "city";
  e.location = p;
  e.date = DateRef{"on Sunday", "2016-12-11", "2016-12-12", "day", "text"};
  e.counts.push_back(Count{"killed", 300, "militants", true, false, "some 300"});
  e.counts.push_back(Count{"captured", 12, "soldiers", false, true, "a dozen"});
  e.source = SourceRef{"the monitor", "Syrian Observatory for Human Rights", "monitor"};
  e.modality = "claimed";
  e.negated = false;
  e.confidence = 0.83;
  return e;
}

Event EventB() {
  Event e = EventA();
  e.id = "rt-b#0";
  e.sentence = 0;
  e.span_begin = 0;
  e.span_end = static_cast<uint32_t>(sizeof kTextB - 1);
  e.trigger = "overrun";
  e.mode = "";
  e.date = DateRef{"on Monday", "2016-12-12", "2016-12-12", "day", "text"};
  e.counts = {Count{"killed", 200, "attackers", false, false, "200"}};
  e.source = SourceRef{"state media", "SANA", "media"};
  e.modality = "denied";
  e.negated = true;
  e.confidence = 0.61;
  return e;
}

Event EventC() {
  Event e;
  e.id = "rt-c#0";
  e.sentence = 0;
  e.span_begin = 0;
  e.span_end = static_cast<uint32_t>(sizeof kTextC - 1);
  e.trigger = "gathered";
  e.plover = "PROTEST";
  e.modality = "asserted";
  e.confidence = 0.4;
  return e;
}

ArticleResult Article(const char* id, const char* title, const char* outlet, const char* url, const char* published,
                      const char* text, Event e) {
  ArticleResult r;
  r.doc = DocInfo{id, title, outlet, url, published, "dateline"};
  r.text = text;
  r.events.push_back(std::move(e));
  r.sentence_count = 4;
  r.lexicon_version = "lexicon-rt";
  return r;
}

// A fresh database on the PostgreSQL server of SITREP_TEST_PG_URL, or "" when the variable is not set.
std::string FreshPgDatabase(const std::string& name) {
  const char* base = std::getenv("SITREP_TEST_PG_URL");
  if (!base || !*base) return "";
  std::string url(base);
  PGconn* c = PQconnectdb(url.c_str());
  EXPECT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);  // "does not exist, skipping"
  for (std::string sql : {"DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name}) {
    PGresult* r = PQexec(c, sql.c_str());
    EXPECT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << sql << ": " << PQerrorMessage(c);
    PQclear(r);
  }
  PQfinish(c);
  return url.substr(0, url.rfind('/') + 1) + name;
}

// Opens a store of the kind `backend` names ("sqlite" or "postgres") with articles A, B, C in it; *db_path is
// "" when PostgreSQL is not available (skip).
std::unique_ptr<store::Store> FilledStore(const std::string& backend, const std::string& name, std::string* where) {
  if (backend == "postgres") {
    *where = FreshPgDatabase("sitrep_rt_" + name);
    if (where->empty()) return nullptr;
  } else {
    fs::path dir = fs::temp_directory_path() / ("sitrep_round_trip_" + name + "_" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    *where = (dir / "s.db").string();
  }
  auto opened = store::Store::Open(*where);
  EXPECT_TRUE(opened.ok()) << opened.status().message();
  if (!opened.ok()) return nullptr;
  std::unique_ptr<store::Store> db = std::move(opened).value();
  const ArticleResult articles[] = {
      Article("rt-a", "Palmyra falls", "Test Wire", "https://example.org/a", "2016-12-12", kTextA, EventA()),
      Article("rt-b", "A denial", "State Agency", "https://example.org/b", "2016-12-13", kTextB, EventB()),
      Article("rt-c", "A square", "Third Outlet", "", "2016-12-14", kTextC, EventC()),
  };
  for (const auto& a : articles) {
    store::IngestResult r;
    Status st = db->Ingest(a, store::ContentHash(a.text, a.doc.published), &r);
    EXPECT_TRUE(st.ok()) << st.message();
    EXPECT_TRUE(r.stored);
  }
  return db;
}

void ExpectPlace(const store::PlaceInfo& p) {
  EXPECT_GT(p.id, 0);
  EXPECT_EQ(p.key, "geonames:170794");
  EXPECT_EQ(p.text, "Palmyra");
  EXPECT_EQ(p.name, "Tadmur");
  EXPECT_EQ(p.admin1, "Homs");
  EXPECT_EQ(p.country, "SY");
  EXPECT_EQ(p.gazetteer_id, "geonames:170794");
  EXPECT_EQ(p.precision, "city");
  ASSERT_TRUE(p.lat && p.lon);
  EXPECT_DOUBLE_EQ(*p.lat, 34.56);
  EXPECT_DOUBLE_EQ(*p.lon, 38.28);
}

// The fused event of A and B without its claims (as QueryEvents gives it).
void ExpectHead(const store::EventInfo& e) {
  EXPECT_EQ(e.family, "territory");
  EXPECT_EQ(e.acled, "Battles");
  EXPECT_EQ(e.acled_sub, "Non-state actor overtakes territory");
  EXPECT_EQ(e.plover, "ASSAULT");
  EXPECT_EQ(e.cameo, "19");
  ASSERT_TRUE(e.place.has_value());
  ExpectPlace(*e.place);
  EXPECT_EQ(e.place->events, 0);
  EXPECT_EQ(e.country, "SY");
  ASSERT_TRUE(e.lat && e.lon);
  EXPECT_DOUBLE_EQ(*e.lat, 34.56);
  EXPECT_DOUBLE_EQ(*e.lon, 38.28);
  EXPECT_EQ(e.date_start, "2016-12-11");
  EXPECT_EQ(e.date_end, "2016-12-12");
  EXPECT_EQ(e.actor1, "Islamic State");
  EXPECT_EQ(e.actor1_kind, "rebel_group");
  EXPECT_EQ(e.actor2, "Military Forces of Syria");
  EXPECT_EQ(e.actor2_kind, "state_forces");
  EXPECT_EQ(e.killed_min, 200);
  EXPECT_EQ(e.killed_max, 300);
  EXPECT_EQ(e.claim_count, 2);
  EXPECT_EQ(e.source_count, 2);
  EXPECT_DOUBLE_EQ(e.confidence, 0.83);
}

void ExpectBareHead(const store::EventInfo& e) {
  EXPECT_EQ(e.family, "plover:PROTEST");
  EXPECT_EQ(e.acled, "");
  EXPECT_EQ(e.acled_sub, "");
  EXPECT_EQ(e.plover, "PROTEST");
  EXPECT_EQ(e.cameo, "");
  EXPECT_FALSE(e.place.has_value());
  EXPECT_EQ(e.country, "");
  EXPECT_FALSE(e.lat.has_value());
  EXPECT_FALSE(e.lon.has_value());
  EXPECT_EQ(e.date_start, "");
  EXPECT_EQ(e.date_end, "");
  EXPECT_EQ(e.actor1, "");
  EXPECT_EQ(e.actor2, "");
  EXPECT_FALSE(e.killed_min.has_value());
  EXPECT_FALSE(e.killed_max.has_value());
  EXPECT_EQ(e.claim_count, 1);
  EXPECT_EQ(e.source_count, 1);
  EXPECT_DOUBLE_EQ(e.confidence, 0.4);
}

class StoreRoundTripTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const std::string name = std::string(::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::string safe;
    for (char ch : name) safe += std::isalnum(static_cast<unsigned char>(ch)) ? static_cast<char>(std::tolower(ch)) : '_';
    db_ = FilledStore(GetParam(), safe, &where_);
    if (GetParam() == "postgres" && where_.empty()) GTEST_SKIP() << "SITREP_TEST_PG_URL is not set";
    ASSERT_NE(db_, nullptr);
    std::vector<store::EventInfo> all;
    ASSERT_TRUE(db_->QueryEvents({}, &all).ok());
    ASSERT_EQ(all.size(), 2u);
    // Oldest first: the undated event C comes first.
    bare_id_ = all[0].id;
    fused_id_ = all[1].id;
  }
  void TearDown() override {
    db_.reset();
    if (GetParam() == "sqlite" && !where_.empty()) fs::remove_all(fs::path(where_).parent_path());
  }

  std::unique_ptr<store::Store> db_;
  std::string where_;
  int64_t fused_id_ = 0, bare_id_ = 0;
};

TEST_P(StoreRoundTripTest, EventsClaimsAndCountsComeBackFieldByField) {
  store::EventInfo e;
  ASSERT_TRUE(db_->GetEvent(fused_id_, &e).ok());
  EXPECT_EQ(e.id, fused_id_);
  ExpectHead(e);
  ASSERT_EQ(e.claims.size(), 2u);
  const store::ClaimInfo& a = e.claims[0];
  EXPECT_GT(a.id, 0);
  EXPECT_EQ(a.event_id, fused_id_);
  EXPECT_EQ(a.ext_id, "rt-a#0");
  EXPECT_EQ(a.document, "rt-a");
  EXPECT_EQ(a.doc_title, "Palmyra falls");
  EXPECT_EQ(a.outlet, "Test Wire");
  EXPECT_EQ(a.published, "2016-12-12");
  EXPECT_EQ(a.url, "https://example.org/a");
  EXPECT_EQ(a.trigger, "overran");
  EXPECT_EQ(a.acled, "Battles");
  EXPECT_EQ(a.acled_sub, "Non-state actor overtakes territory");
  EXPECT_EQ(a.plover, "ASSAULT");
  EXPECT_EQ(a.cameo, "19");
  EXPECT_EQ(a.mode, "ground-assault");
  EXPECT_EQ(a.actor1, "Islamic State");
  EXPECT_EQ(a.actor1_kind, "rebel_group");
  EXPECT_EQ(a.actor1_country, "IQ");
  EXPECT_EQ(a.actor2, "Military Forces of Syria");
  EXPECT_EQ(a.actor2_kind, "state_forces");
  EXPECT_EQ(a.actor2_country, "RU");
  EXPECT_EQ(a.place_text, "Palmyra");
  EXPECT_EQ(a.date_text, "on Sunday");
  EXPECT_EQ(a.date_start, "2016-12-11");
  EXPECT_EQ(a.date_end, "2016-12-12");
  EXPECT_EQ(a.date_precision, "day");
  EXPECT_EQ(a.source_name, "Syrian Observatory for Human Rights");
  EXPECT_EQ(a.source_text, "the monitor");
  EXPECT_EQ(a.modality, "claimed");
  EXPECT_FALSE(a.negated);
  EXPECT_DOUBLE_EQ(a.confidence, 0.83);
  EXPECT_EQ(a.killed, 300);
  EXPECT_EQ(a.sentence, 3u);
  EXPECT_EQ(a.evidence, "On Sunday some 300 militants overran Palmyra, the monitor said.");
  EXPECT_EQ(a.linked_claim, 0);
  EXPECT_EQ(a.link_rule, "new_event");
  EXPECT_EQ(a.link_detail, "no compatible event");
  ASSERT_EQ(a.counts.size(), 2u);
  EXPECT_EQ(a.counts[0].what, "killed");
  EXPECT_EQ(a.counts[0].n, 300);
  EXPECT_EQ(a.counts[0].of, "militants");
  EXPECT_TRUE(a.counts[0].approx);
  EXPECT_FALSE(a.counts[0].vague);
  EXPECT_EQ(a.counts[0].text, "some 300");
  EXPECT_EQ(a.counts[1].what, "captured");
  EXPECT_EQ(a.counts[1].n, 12);
  EXPECT_EQ(a.counts[1].of, "soldiers");
  EXPECT_FALSE(a.counts[1].approx);
  EXPECT_TRUE(a.counts[1].vague);
  EXPECT_EQ(a.counts[1].text, "a dozen");

  const store::ClaimInfo& b = e.claims[1];
  EXPECT_GT(b.id, a.id);
  EXPECT_EQ(b.ext_id, "rt-b#0");
  EXPECT_EQ(b.document, "rt-b");
  EXPECT_EQ(b.outlet, "State Agency");
  EXPECT_EQ(b.mode, "");
  EXPECT_EQ(b.source_name, "SANA");
  EXPECT_EQ(b.modality, "denied");
  EXPECT_TRUE(b.negated);
  EXPECT_DOUBLE_EQ(b.confidence, 0.61);
  EXPECT_EQ(b.killed, 200);
  EXPECT_EQ(b.sentence, 0u);
  EXPECT_EQ(b.evidence, kTextB);
  EXPECT_EQ(b.linked_claim, a.id);
  EXPECT_NE(b.link_rule.find("same_place"), std::string::npos) << b.link_rule;
  EXPECT_NE(b.link_detail.find("place"), std::string::npos) << b.link_detail;
  ASSERT_EQ(b.counts.size(), 1u);
  EXPECT_EQ(b.counts[0].of, "attackers");

  store::EventInfo bare;
  ASSERT_TRUE(db_->GetEvent(bare_id_, &bare).ok());
  ExpectBareHead(bare);
  ASSERT_EQ(bare.claims.size(), 1u);
  const store::ClaimInfo& c = bare.claims[0];
  EXPECT_EQ(c.url, "");
  EXPECT_EQ(c.acled, "");
  EXPECT_EQ(c.actor1, "");
  EXPECT_EQ(c.actor1_kind, "");
  EXPECT_EQ(c.place_text, "");
  EXPECT_EQ(c.date_start, "");
  EXPECT_EQ(c.source_name, "");
  EXPECT_EQ(c.Says(), "Third Outlet");
  EXPECT_FALSE(c.killed.has_value());
  EXPECT_TRUE(c.counts.empty());
  EXPECT_EQ(c.link_rule, "new_event_unfusable");
}

// QueryEvents reads the same heads as GetEvent, also into the records of an earlier answer (reused buffers must
// not keep a field of the row before).
TEST_P(StoreRoundTripTest, QueryReadsTheSameHeadsIntoReusedRecords) {
  std::vector<store::EventInfo> events;
  store::EventFilter newest;
  newest.newest_first = true;
  ASSERT_TRUE(db_->QueryEvents(newest, &events).ok());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].id, fused_id_);
  ExpectHead(events[0]);
  EXPECT_TRUE(events[0].claims.empty());
  ExpectBareHead(events[1]);
  // Oldest first into the same vector: each record now holds the other event's row.
  ASSERT_TRUE(db_->QueryEvents({}, &events).ok());
  ASSERT_EQ(events.size(), 2u);
  ExpectBareHead(events[0]);
  ExpectHead(events[1]);
}

TEST_P(StoreRoundTripTest, PlacesTerritoryClaimsAndDocumentsComeBack) {
  std::vector<store::PlaceInfo> places;
  ASSERT_TRUE(db_->FindPlaces("tadmur", &places).ok());
  ASSERT_EQ(places.size(), 1u);
  ExpectPlace(places[0]);
  EXPECT_EQ(places[0].events, 1);
  const int64_t place_id = places[0].id;
  ASSERT_TRUE(db_->FindPlaces("#" + std::to_string(place_id), &places).ok());
  ASSERT_EQ(places.size(), 1u);
  ExpectPlace(places[0]);
  ASSERT_TRUE(db_->SearchPlaces("Palm", 10, &places).ok());
  ASSERT_EQ(places.size(), 1u);
  ExpectPlace(places[0]);
  EXPECT_EQ(places[0].events, 1);

  std::vector<fuse::TerritoryClaim> claims;
  ASSERT_TRUE(db_->TerritoryClaims({place_id}, &claims).ok());
  ASSERT_EQ(claims.size(), 2u);
  const fuse::TerritoryClaim& t = claims[0];
  EXPECT_GT(t.claim_id, 0);
  EXPECT_EQ(t.event_id, fused_id_);
  EXPECT_EQ(t.date_start, "2016-12-11");
  EXPECT_EQ(t.date_end, "2016-12-12");
  EXPECT_EQ(t.acled_sub, "Non-state actor overtakes territory");
  EXPECT_EQ(t.trigger, "overran");
  EXPECT_EQ(t.mode, "ground-assault");
  ASSERT_TRUE(t.actor1 && t.actor2);
  EXPECT_EQ(*t.actor1, (fuse::Party{"Islamic State", "rebel_group"}));
  EXPECT_EQ(*t.actor2, (fuse::Party{"Military Forces of Syria", "state_forces"}));
  EXPECT_EQ(t.modality, "claimed");
  EXPECT_FALSE(t.negated);
  EXPECT_DOUBLE_EQ(t.confidence, 0.83);
  EXPECT_EQ(t.source, "Syrian Observatory for Human Rights");
  EXPECT_EQ(t.document, "rt-a");
  EXPECT_EQ(t.evidence, "On Sunday some 300 militants overran Palmyra, the monitor said.");
  EXPECT_EQ(claims[1].modality, "denied");
  EXPECT_TRUE(claims[1].negated);
  EXPECT_EQ(claims[1].source, "SANA");
  EXPECT_EQ(claims[1].document, "rt-b");

  store::DocumentInfo d;
  ASSERT_TRUE(db_->GetDocument("rt-a", &d).ok());
  EXPECT_EQ(d.doc_id, "rt-a");
  EXPECT_EQ(d.title, "Palmyra falls");
  EXPECT_EQ(d.source, "Test Wire");
  EXPECT_EQ(d.url, "https://example.org/a");
  EXPECT_EQ(d.published, "2016-12-12");
  EXPECT_EQ(d.event_count, 1);
  EXPECT_EQ(d.sentence_count, 4);
  ASSERT_EQ(d.sentences.size(), 1u);
  EXPECT_EQ(d.sentences[0].idx, 3);
  EXPECT_EQ(d.sentences[0].text, "On Sunday some 300 militants overran Palmyra, the monitor said.");
}

json EventJson(const store::EventInfo& e, JsonStyle style, bool with_claims) {
  std::string out;
  io::JsonWriter w(&out);
  serve::WriteEvent(w, e, style, with_claims);
  return json::parse(out);
}

// The API's event: every field under its own key.
TEST_P(StoreRoundTripTest, ApiJsonHasEveryFieldUnderItsKey) {
  store::EventInfo e;
  ASSERT_TRUE(db_->GetEvent(fused_id_, &e).ok());
  const json j = EventJson(e, JsonStyle::kApi, true);
  EXPECT_EQ(j["id"], fused_id_);
  EXPECT_EQ(j["type"], json::parse(R"({"display": "Battles", "family": "territory", "acled": "Battles",
      "acled_sub": "Non-state actor overtakes territory", "plover": "ASSAULT", "cameo": "19"})"));
  EXPECT_EQ(j["date"], json::parse(R"({"start": "2016-12-11", "end": "2016-12-12"})"));
  json place = json::parse(R"({"name": "Tadmur", "text": "Palmyra", "admin1": "Homs", "country": "SY",
      "lat": 34.56, "lon": 38.28, "precision": "city", "gazetteer_id": "geonames:170794"})");
  place["id"] = e.place->id;
  EXPECT_EQ(j["place"], place);
  EXPECT_EQ(j["country"], "SY");
  EXPECT_EQ(j["lat"], 34.56);
  EXPECT_EQ(j["lon"], 38.28);
  EXPECT_EQ(j["actor1"], json::parse(R"({"name": "Islamic State", "kind": "rebel_group"})"));
  EXPECT_EQ(j["actor2"], json::parse(R"({"name": "Military Forces of Syria", "kind": "state_forces"})"));
  EXPECT_EQ(j["killed"], json::parse(R"({"min": 200, "max": 300})"));
  EXPECT_EQ(j["claim_count"], 2);
  EXPECT_EQ(j["source_count"], 2);
  EXPECT_EQ(j["confidence"], 0.83);
  ASSERT_EQ(j["claims"].size(), 2u);
  json a = json::parse(R"({
      "says": "Syrian Observatory for Human Rights",
      "doc": {"id": "rt-a", "title": "Palmyra falls", "source": "Test Wire", "published": "2016-12-12",
              "url": "https://example.org/a"},
      "source": {"name": "Syrian Observatory for Human Rights", "text": "the monitor"},
      "trigger": "overran",
      "type": {"acled": "Battles", "acled_sub": "Non-state actor overtakes territory", "plover": "ASSAULT",
               "cameo": "19", "mode": "ground-assault"},
      "actor1": {"name": "Islamic State", "kind": "rebel_group"},
      "actor2": {"name": "Military Forces of Syria", "kind": "state_forces"},
      "place": "Palmyra",
      "date": {"text": "on Sunday", "start": "2016-12-11", "end": "2016-12-12", "precision": "day"},
      "killed": 300,
      "counts": [{"what": "killed", "n": 300, "of": "militants", "approx": true, "text": "some 300"},
                 {"what": "captured", "n": 12, "of": "soldiers", "approx": false, "text": "a dozen"}],
      "modality": "claimed", "negated": false, "confidence": 0.83, "sentence": 3,
      "evidence": "On Sunday some 300 militants overran Palmyra, the monitor said.",
      "link": {"rule": "new_event", "linked_claim": null, "detail": "no compatible event"}})");
  a["id"] = e.claims[0].id;
  EXPECT_EQ(j["claims"][0], a);
  EXPECT_EQ(j["claims"][1]["link"]["linked_claim"], e.claims[0].id);
  EXPECT_EQ(j["claims"][1]["says"], "SANA");
  EXPECT_EQ(j["claims"][1]["negated"], true);
  // Where the two sources disagree: the toll, the date and the modality.
  std::vector<std::string> fields;
  for (const auto& d : j["disagreements"]) fields.push_back(d["field"]);
  EXPECT_EQ(fields, (std::vector<std::string>{"killed", "date", "modality"}));
  EXPECT_EQ(j["disagreements"][0]["values"], json::parse(R"([{"value": "300", "says": ["Syrian Observatory for Human Rights"]},
      {"value": "200", "says": ["SANA"]}])"));

  const json bare = [&] {
    store::EventInfo b;
    EXPECT_TRUE(db_->GetEvent(bare_id_, &b).ok());
    return EventJson(b, JsonStyle::kApi, false);
  }();
  EXPECT_EQ(bare["type"]["display"], "PROTEST");
  for (const char* k : {"place", "country", "lat", "lon", "actor1", "actor2", "killed"}) EXPECT_TRUE(bare[k].is_null()) << k;
  EXPECT_TRUE(bare["type"]["acled"].is_null());
  EXPECT_FALSE(bare.contains("claims"));
}

// The CLI's event (sitrep event --format json): its own place shape, extract ids, each source's toll.
TEST_P(StoreRoundTripTest, CliJsonHasEveryFieldUnderItsKey) {
  store::EventInfo e;
  ASSERT_TRUE(db_->GetEvent(fused_id_, &e).ok());
  const json j = EventJson(e, JsonStyle::kCli, true);
  EXPECT_EQ(j["type"], json::parse(R"({"family": "territory", "acled": "Battles",
      "acled_sub": "Non-state actor overtakes territory", "plover": "ASSAULT", "cameo": "19"})"));
  json place = json::parse(R"({"text": "Palmyra", "name": "Tadmur", "admin1": "Homs", "country": "SY",
      "lat": 34.56, "lon": 38.28, "gazetteer_id": "geonames:170794", "precision": "city"})");
  place["id"] = e.place->id;
  EXPECT_EQ(j["place"], place);
  EXPECT_FALSE(j.contains("country"));
  json killed = json::parse(R"({"min": 200, "max": 300, "claims": [{"n": 300, "says": "Syrian Observatory for Human Rights"},
      {"n": 200, "says": "SANA"}]})");
  killed["claims"][0]["claim"] = e.claims[0].id;
  killed["claims"][1]["claim"] = e.claims[1].id;
  EXPECT_EQ(j["killed"], killed);
  ASSERT_EQ(j["claims"].size(), 2u);
  const json& a = j["claims"][0];
  EXPECT_EQ(a["extract_id"], "rt-a#0");
  EXPECT_EQ(a["says"], "Syrian Observatory for Human Rights");
  EXPECT_EQ(a["doc"]["title"], "Palmyra falls");
  EXPECT_EQ(a["doc"]["source"], "Test Wire");
  EXPECT_EQ(a["source"]["text"], "the monitor");
  EXPECT_EQ(a["type"]["mode"], "ground-assault");
  EXPECT_EQ(a["date"]["text"], "on Sunday");
  EXPECT_FALSE(a.contains("killed"));
  EXPECT_EQ(a["counts"][1], json::parse(R"({"what": "captured", "n": 12, "of": "soldiers", "approx": false})"));
  EXPECT_FALSE(j.contains("disagreements"));

  // The control timeline of the place in both shapes: the same changes, the place as each writes it.
  std::vector<fuse::TerritoryClaim> claims;
  ASSERT_TRUE(db_->TerritoryClaims({e.place->id}, &claims).ok());
  const std::vector<fuse::Change> changes = fuse::BuildTimeline(claims);
  ASSERT_FALSE(changes.empty());
  std::vector<store::PlaceInfo> places;
  ASSERT_TRUE(db_->FindPlaces("#" + std::to_string(e.place->id), &places).ok());
  ASSERT_EQ(places.size(), 1u);
  std::string api_out, cli_out;
  io::JsonWriter api_w(&api_out), cli_w(&cli_out);
  serve::WriteControl(api_w, places[0], "", changes, &changes.back(), JsonStyle::kApi);
  serve::WriteControl(cli_w, places[0], "", changes, &changes.back(), JsonStyle::kCli);
  json api = json::parse(api_out), cli = json::parse(cli_out);
  EXPECT_EQ(api["place"]["events"], 1);
  EXPECT_EQ(api["place"]["name"], "Tadmur");
  EXPECT_FALSE(cli["place"].contains("events"));
  api.erase("place");
  cli.erase("place");
  EXPECT_EQ(api, cli);
  EXPECT_EQ(api["changes"][0]["claims"][0]["document"], "rt-a");
  EXPECT_EQ(api["changes"][0]["claims"][0]["says"], "Syrian Observatory for Human Rights");
  EXPECT_EQ(api["changes"][0]["claims"][0]["trigger"], "overran");
}

// PostgreSQL only where a server is given (store.pg_round_trip runs them so), so that a run without one lists no
// skipped cases.
std::vector<std::string> Backends() {
  const char* pg = std::getenv("SITREP_TEST_PG_URL");
  if (pg && *pg) return {"sqlite", "postgres"};
  return {"sqlite"};
}
INSTANTIATE_TEST_SUITE_P(Backends, StoreRoundTripTest, ::testing::ValuesIn(Backends()),
                         [](const ::testing::TestParamInfo<std::string>& i) { return i.param; });

// PostgreSQL answers what SQLite answers, byte for byte in both JSON shapes.
TEST(StoreRoundTripPgTest, PostgresAnswersAsSqlite) {
  std::string lite_path, pg_url;
  auto pg = FilledStore("postgres", "same_as_sqlite", &pg_url);
  if (pg_url.empty()) GTEST_SKIP() << "SITREP_TEST_PG_URL is not set";
  auto lite = FilledStore("sqlite", "same_as_pg", &lite_path);
  ASSERT_TRUE(pg && lite);
  std::vector<store::EventInfo> a, b;
  ASSERT_TRUE(lite->QueryEvents({}, &a).ok());
  ASSERT_TRUE(pg->QueryEvents({}, &b).ok());
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    store::EventInfo ea, eb;
    ASSERT_TRUE(lite->GetEvent(a[i].id, &ea).ok());
    ASSERT_TRUE(pg->GetEvent(b[i].id, &eb).ok());
    for (JsonStyle style : {JsonStyle::kApi, JsonStyle::kCli}) {
      std::string ja, jb;
      io::JsonWriter wa(&ja), wb(&jb);
      serve::WriteEvent(wa, ea, style, true);
      serve::WriteEvent(wb, eb, style, true);
      EXPECT_EQ(ja, jb);
    }
  }
  lite.reset();
  fs::remove_all(fs::path(lite_path).parent_path());
}

}  // namespace
}  // namespace sitrep
