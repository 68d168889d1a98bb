// The store, fusion and control (issue 4): unit tests on records built by hand, and end-to-end tests through the
// sitrep binary (ingest, re-ingest, read-only database, full disk, SIGKILL in the middle of an ingest).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "fuse/fuse.h"
#include "store/store.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

std::string TempDir(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("sitrep_store_test_" + name + "_" + std::to_string(getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

// Runs a shell command; returns its exit status and stdout.
int Sh(const std::string& cmd, std::string* out = nullptr) {
  std::string full = cmd + (out ? "" : " >/dev/null") + " 2>/tmp/sitrep_store_test_stderr_" + std::to_string(getpid());
  FILE* p = popen(full.c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0)
    if (out) out->append(buf, n);
  int st = pclose(p);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

std::string LastStderr() {
  std::ifstream f("/tmp/sitrep_store_test_stderr_" + std::to_string(getpid()));
  return std::string(std::istreambuf_iterator<char>(f), {});
}

int64_t Scalar(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  int64_t v = -1;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
    v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(h);
  return v;
}

std::string Text(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  std::string v = "<none>";
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(s, 0);
    v = t ? reinterpret_cast<const char*>(t) : "<null>";
  }
  sqlite3_finalize(s);
  sqlite3_close(h);
  return v;
}

// ---- records built by hand

Event MakeEvent(const std::string& id, const std::string& acled, const std::string& sub, const std::string& place,
                const std::string& date, const std::string& actor1, const std::string& actor2,
                const std::string& source, int64_t killed) {
  Event e;
  e.id = id;
  e.sentence = 0;
  e.span_begin = 0;
  e.span_end = 10;
  e.trigger = "killed";
  e.acled = acled;
  e.acled_sub = sub;
  e.plover = "ASSAULT";
  if (!actor1.empty()) e.actor1 = ActorRef{actor1, actor1, "rebel_group", "", 0, 0, false};
  if (!actor2.empty()) e.actor2 = ActorRef{actor2, actor2, "state_forces", "SY", 0, 0, false};
  if (!place.empty()) {
    PlaceRef p;
    p.text = place;
    p.country = "SY";
    p.precision = "city";
    e.location = p;
  }
  e.date.start = e.date.end = date;
  e.date.precision = "day";
  if (killed >= 0) {
    Count c;
    c.what = "killed";
    c.n = killed;
    e.counts.push_back(c);
  }
  if (!source.empty()) e.source = SourceRef{source, source, "monitor"};
  e.modality = source.empty() ? "asserted" : "claimed";
  e.confidence = 0.7;
  return e;
}

ArticleResult MakeArticle(const std::string& id, const std::string& text, std::vector<Event> events) {
  ArticleResult r;
  r.doc.id = id;
  r.doc.source = "Test Wire";
  r.doc.published = events.empty() ? "" : events[0].date.start;
  r.text = text;
  for (auto& e : events) e.span_end = static_cast<uint32_t>(text.size());
  r.events = std::move(events);
  r.sentence_count = 1;
  return r;
}

TEST(FuseTest, TypeFamilies) {
  EXPECT_EQ(fuse::TypeFamily("Battles", "Armed clash", "ASSAULT"), "violence");
  EXPECT_EQ(fuse::TypeFamily("Explosions/Remote violence", "Air/drone strike", "ASSAULT"), "violence");
  EXPECT_EQ(fuse::TypeFamily("Battles", "Non-state actor overtakes territory", "ASSAULT"), "territory");
  EXPECT_EQ(fuse::TypeFamily("Strategic developments", "Non-violent transfer of territory", ""), "territory");
  EXPECT_EQ(fuse::TypeFamily("Protests", "Peaceful protest", "PROTEST"), "protest");
  EXPECT_EQ(fuse::TypeFamily("", "", "CONSULT"), "plover:CONSULT");
  EXPECT_EQ(fuse::TypeFamily("", "", ""), "");
}

TEST(FuseTest, CompatibleRules) {
  fuse::FuseKey a{"violence", 7, "city", std::nullopt, std::nullopt, "2016-12-05", "2016-12-05", 3, 0, "IS", ""};
  fuse::FuseKey b = a;
  b.date_start = b.date_end = "2016-12-06";
  b.actor1 = 0;
  b.actor1_name.clear();
  fuse::Match m = fuse::Compatible(a, b);
  ASSERT_TRUE(m.ok);
  EXPECT_EQ(m.rule, "violence+same_place+date_within_1d+actors_compatible");
  EXPECT_NE(m.detail.find("same place #7"), std::string::npos);
  // Two days apart: no.
  b.date_start = b.date_end = "2016-12-07";
  EXPECT_FALSE(fuse::Compatible(a, b).ok);
  // Contradicting actor1: no.
  b.date_start = b.date_end = "2016-12-05";
  b.actor1 = 4;
  EXPECT_FALSE(fuse::Compatible(a, b).ok);
  // Other place without coordinates: no; with coordinates 5 km apart: yes.
  b.actor1 = 3;
  b.place_id = 8;
  EXPECT_FALSE(fuse::Compatible(a, b).ok);
  a.lat = 33.5;
  a.lon = 36.3;
  b.lat = 33.545;
  b.lon = 36.3;
  m = fuse::Compatible(a, b);
  ASSERT_TRUE(m.ok);
  EXPECT_EQ(m.rule, "violence+within_radius+date_overlap+actors_agree");
  // Country-level places and month-long dates are never fused.
  fuse::FuseKey c = a;
  c.place_precision = "country";
  EXPECT_FALSE(fuse::Fusable(c));
  c = a;
  c.date_start = "2016-12-01";
  c.date_end = "2016-12-31";
  EXPECT_FALSE(fuse::Fusable(c));
  EXPECT_TRUE(fuse::Fusable(a));
  EXPECT_NEAR(fuse::HaversineKm(33.5, 36.3, 33.545, 36.3), 5.0, 0.05);
  EXPECT_EQ(fuse::ShiftDate("2016-12-31", 1), "2017-01-01");
}

fuse::TerritoryClaim TC(int64_t id, int64_t ev, const std::string& date, const std::string& sub,
                        const std::string& actor1, const std::string& source, const std::string& trigger = "took") {
  fuse::TerritoryClaim c;
  c.claim_id = id;
  c.event_id = ev;
  c.date_start = c.date_end = date;
  c.acled_sub = sub;
  c.trigger = trigger;
  if (!actor1.empty()) c.actor1 = fuse::Party{actor1, actor1 == "Islamic State" ? "rebel_group" : "state_forces"};
  c.modality = "claimed";
  c.confidence = 0.7;
  c.source = source;
  return c;
}

TEST(ControlTest, BackAndForthWithCompetingClaims) {
  const std::string gov = "Government regains territory", ns = "Non-state actor overtakes territory",
                    nv = "Non-violent transfer of territory";
  std::vector<fuse::TerritoryClaim> claims = {
      TC(1, 10, "2016-03-27", gov, "Military Forces of Syria", "SOHR"),
      TC(2, 11, "2016-12-10", ns, "Islamic State", "SOHR"),
      TC(3, 11, "2016-12-11", ns, "Islamic State", "Amaq"),
      TC(4, 12, "2016-12-11", nv, "Islamic State", "Russian Defense Ministry", "withdrew"),
      TC(5, 13, "2017-03-02", gov, "Military Forces of Syria", "SANA"),
      TC(6, 14, "2017-03-20", gov, "Military Forces of Syria", "SANA"),  // reconfirmation: no new change
  };
  auto changes = fuse::BuildTimeline(claims);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].date, "2016-03-27");
  ASSERT_TRUE(changes[0].holder);
  EXPECT_EQ(changes[0].holder->name, "Military Forces of Syria");
  EXPECT_FALSE(changes[0].contested);
  EXPECT_EQ(changes[1].date, "2016-12-10");
  EXPECT_EQ(changes[1].date_end, "2016-12-11");
  ASSERT_TRUE(changes[1].holder);
  EXPECT_EQ(changes[1].holder->name, "Islamic State");
  EXPECT_TRUE(changes[1].contested);  // the Russian withdrawal claim is kept beside
  ASSERT_EQ(changes[1].claims.size(), 3u);
  EXPECT_EQ(changes[1].claims[2].reading, "Islamic State withdrew");
  EXPECT_FALSE(changes[1].claims[2].holder.has_value());
  EXPECT_EQ((changes[1].event_ids), (std::vector<int64_t>{11, 12}));
  EXPECT_EQ(changes[2].holder->name, "Military Forces of Syria");
  EXPECT_EQ(changes[2].claims.size(), 2u);
  EXPECT_EQ((changes[2].event_ids), (std::vector<int64_t>{13, 14}));

  EXPECT_EQ(fuse::ChangeOn(changes, "2016-01-01"), nullptr);
  EXPECT_EQ(fuse::ChangeOn(changes, "2016-06-01")->holder->name, "Military Forces of Syria");
  EXPECT_EQ(fuse::ChangeOn(changes, "2016-12-25")->holder->name, "Islamic State");
  EXPECT_EQ(fuse::ChangeOn(changes, "2017-06-01")->date, "2017-03-02");
}

TEST(ControlTest, DenialOutweighsAWeakClaim) {
  auto a = TC(1, 1, "2016-05-01", "Non-state actor overtakes territory", "Islamic State", "Amaq");
  a.confidence = 0.4;
  auto d = TC(2, 1, "2016-05-01", "Non-state actor overtakes territory", "Islamic State", "SANA");
  d.modality = "denied";
  d.confidence = 0.8;
  auto changes = fuse::BuildTimeline({a, d});
  EXPECT_TRUE(changes.empty());  // nothing established, nothing before it
}

TEST(StoreTest, TwoArticlesOneEventTwoClaimsNeverAveraged) {
  std::string dir = TempDir("fuse");
  auto opened = store::Store::Open(dir + "/s.db");
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  auto& db = *opened.value();
  EXPECT_EQ(db.schema_version(), store::kSchemaVersion);
  auto a = MakeArticle("a", "Air strikes killed 24 civilians in Douma on Monday, SOHR said.",
                       {MakeEvent("a#0", "Explosions/Remote violence", "Air/drone strike", "Douma", "2016-12-05", "",
                                  "Civilians", "Syrian Observatory for Human Rights", 24)});
  auto b = MakeArticle("b", "Air strikes killed 12 people in Douma on Tuesday, SANA said.",
                       {MakeEvent("b#0", "Explosions/Remote violence", "Air/drone strike", "Douma", "2016-12-06", "",
                                  "Civilians", "SANA", 12)});
  // A battle elsewhere stays apart.
  auto c = MakeArticle("c", "Clashes in Aleppo killed 5.",
                       {MakeEvent("c#0", "Battles", "Armed clash", "Aleppo", "2016-12-05", "", "", "", 5)});
  store::IngestResult r;
  ASSERT_TRUE(db.Ingest(a, store::ContentHash(a.text, "2016-12-05"), &r).ok());
  EXPECT_TRUE(r.stored);
  EXPECT_EQ(r.new_events, 1);
  ASSERT_TRUE(db.Ingest(b, store::ContentHash(b.text, "2016-12-06"), &r).ok());
  EXPECT_EQ(r.new_events, 0);
  EXPECT_EQ(r.fused, 1);
  ASSERT_TRUE(db.Ingest(c, store::ContentHash(c.text, "2016-12-05"), &r).ok());
  EXPECT_EQ(r.new_events, 1);

  auto totals = db.GetTotals();
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals.value().documents, 3);
  EXPECT_EQ(totals.value().claims, 3);
  EXPECT_EQ(totals.value().events, 2);
  EXPECT_EQ(totals.value().places, 2);

  std::vector<store::EventInfo> events;
  store::EventFilter f;
  f.place = "douma";
  ASSERT_TRUE(db.QueryEvents(f, &events).ok());
  ASSERT_EQ(events.size(), 1u);
  store::EventInfo e;
  ASSERT_TRUE(db.GetEvent(events[0].id, &e).ok());
  EXPECT_EQ(e.claim_count, 2);
  EXPECT_EQ(e.source_count, 2);
  EXPECT_EQ(e.killed_min, 12);
  EXPECT_EQ(e.killed_max, 24);
  EXPECT_EQ(e.date_start, "2016-12-05");
  EXPECT_EQ(e.date_end, "2016-12-06");
  ASSERT_EQ(e.claims.size(), 2u);
  EXPECT_EQ(e.claims[0].Says(), "Syrian Observatory for Human Rights");
  EXPECT_EQ(e.claims[0].killed, 24);
  EXPECT_EQ(e.claims[0].link_rule, "new_event");
  EXPECT_EQ(e.claims[1].Says(), "SANA");
  EXPECT_EQ(e.claims[1].killed, 12);
  EXPECT_EQ(e.claims[1].link_rule, "violence+same_place+date_within_1d+actors_agree");
  EXPECT_EQ(e.claims[1].linked_claim, e.claims[0].id);
  EXPECT_EQ(e.claims[1].evidence, "Air strikes killed 12 people in Douma on Tuesday, SANA said.");

  // Filters.
  f = {};
  f.source = "SANA";
  ASSERT_TRUE(db.QueryEvents(f, &events).ok());
  EXPECT_EQ(events.size(), 1u);
  f = {};
  f.type = "Armed clash";
  ASSERT_TRUE(db.QueryEvents(f, &events).ok());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].place->text, "Aleppo");
  f = {};
  f.type = "Explosions/Remote violence";
  f.from = "2016-12-06";
  ASSERT_TRUE(db.QueryEvents(f, &events).ok());
  EXPECT_EQ(events.size(), 1u);
  f.from = "2016-12-07";
  ASSERT_TRUE(db.QueryEvents(f, &events).ok());
  EXPECT_EQ(events.size(), 0u);
  fs::remove_all(dir);
}

// A store of schema version 1 (before the country+type index of issue 5): a read-only open asks for the
// migration, a writable open applies it and keeps every event.
TEST(StoreTest, MigratesAVersion1StoreToTheCountryTypeIndex) {
  std::string dir = TempDir("migrate");
  std::string path = dir + "/s.db";
  auto a = MakeArticle("a", "Clashes in Aleppo killed 5.",
                       {MakeEvent("a#0", "Battles", "Armed clash", "Aleppo", "2016-12-05", "", "", "", 5)});
  {
    auto db = store::Store::Open(path);
    ASSERT_TRUE(db.ok());
    store::IngestResult r;
    ASSERT_TRUE(db.value()->Ingest(a, store::ContentHash(a.text, "2016-12-05"), &r).ok());
  }
  // Back to version 1 as it shipped: no events_country_acled, schema_version 1, and planner statistics for the
  // version-1 indexes (PRAGMA optimize leaves them).
  {
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &h), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(h, "DROP INDEX events_country_acled; DELETE FROM schema_version WHERE version > 1; ANALYZE",
                           nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(h);
  }
  store::OpenOptions ro;
  ro.read_only = true;
  auto old = store::Store::Open(path, ro);
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.status().message().find("schema version 1 is old"), std::string::npos) << old.status().message();

  auto db = store::Store::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(db.value()->schema_version(), store::kSchemaVersion);
  EXPECT_EQ(Scalar(path, "SELECT max(version) FROM schema_version"), store::kSchemaVersion);
  EXPECT_EQ(Scalar(path, "SELECT count(*) FROM sqlite_master WHERE name='events_country_acled'"), 1);
  // Statistics for the new index too: without them the planner misjudges it (see migration 2).
  EXPECT_EQ(Scalar(path, "SELECT count(*) FROM sqlite_stat1 WHERE idx='events_country_acled'"), 1);
  store::EventFilter f;
  f.country = "SY";
  f.type = "Battles";
  std::vector<store::EventInfo> events;
  ASSERT_TRUE(db.value()->QueryEvents(f, &events).ok());
  EXPECT_EQ(events.size(), 1u);
  fs::remove_all(dir);
}

// QueryEvents keeps its prepared statement per filter shape and reads rows into the caller's vector: pages of one
// filter, a different filter, and a vector holding events of an earlier, longer answer all give exactly the
// events a fresh query gives.
TEST(StoreTest, RepeatedQueriesReuseStatementsAndBuffersWithoutMixingRows) {
  std::string dir = TempDir("reuse");
  std::string path = dir + "/s.db";
  auto db = store::Store::Open(path);
  ASSERT_TRUE(db.ok());
  const char* places[] = {"Aleppo", "Homs", "Idlib"};
  for (int i = 0; i < 9; ++i) {
    // A month apart: no two of them fuse.
    std::string day = "2016-0" + std::to_string(i + 1) + "-15", id = "d" + std::to_string(i);
    auto a = MakeArticle(id, "Clashes killed people.",
                         {MakeEvent(id + "#0", i % 2 ? "Battles" : "Protests", i % 2 ? "Armed clash" : "Peaceful protest",
                                    places[i % 3], day, "", "", "", i % 2 ? i : -1)});
    store::IngestResult r;
    ASSERT_TRUE(db.value()->Ingest(a, store::ContentHash(a.text + id, day), &r).ok());
  }
  auto ids = [](const std::vector<store::EventInfo>& v) {
    std::vector<int64_t> out;
    for (const auto& e : v) out.push_back(e.id);
    return out;
  };
  store::EventFilter all;
  all.newest_first = true;
  std::vector<store::EventInfo> fresh;
  ASSERT_TRUE(db.value()->QueryEvents(all, &fresh).ok());
  ASSERT_EQ(fresh.size(), 9u);
  const std::vector<int64_t> fresh_ids = ids(fresh);
  std::vector<store::EventInfo> reused = fresh;  // a longer earlier answer, to be overwritten
  store::EventFilter page = all;
  page.limit = 4;
  page.offset = 2;
  ASSERT_TRUE(db.value()->QueryEvents(page, &reused).ok());
  ASSERT_EQ(reused.size(), 4u);
  EXPECT_EQ(ids(reused), std::vector<int64_t>(fresh_ids.begin() + 2, fresh_ids.begin() + 6));
  page.offset = 7;  // same statement, other parameters
  ASSERT_TRUE(db.value()->QueryEvents(page, &reused).ok());
  EXPECT_EQ(ids(reused), std::vector<int64_t>(fresh_ids.begin() + 7, fresh_ids.end()));
  store::EventFilter battles;
  battles.type = "Battles";
  ASSERT_TRUE(db.value()->QueryEvents(battles, &reused).ok());
  ASSERT_EQ(reused.size(), 4u);
  for (const auto& e : reused) {
    EXPECT_EQ(e.acled, "Battles");
    ASSERT_TRUE(e.killed_min.has_value());
    ASSERT_TRUE(e.place.has_value());
    EXPECT_TRUE(e.claims.empty());
  }
  // Protests have no death toll: a reused event that had one must not keep it.
  store::EventFilter protests;
  protests.type = "Protests";
  ASSERT_TRUE(db.value()->QueryEvents(protests, &reused).ok());
  ASSERT_EQ(reused.size(), 5u);
  for (const auto& e : reused) {
    EXPECT_EQ(e.acled, "Protests");
    EXPECT_FALSE(e.killed_min.has_value()) << e.id;
  }
  fs::remove_all(dir);
}

TEST(StoreTest, ReingestChangesNothing) {
  std::string dir = TempDir("idem");
  std::string path = dir + "/s.db";
  auto a = MakeArticle("a", "Clashes in Aleppo killed 5.",
                       {MakeEvent("a#0", "Battles", "Armed clash", "Aleppo", "2016-12-05", "", "", "", 5)});
  std::string h = store::ContentHash(a.text, "2016-12-05");
  EXPECT_EQ(h.size(), 32u);
  EXPECT_NE(h, store::ContentHash(a.text, "2016-12-06"));
  {
    auto db = store::Store::Open(path);
    ASSERT_TRUE(db.ok());
    store::IngestResult r;
    ASSERT_TRUE(db.value()->Ingest(a, h, &r).ok());
    EXPECT_TRUE(r.stored);
  }
  auto db = store::Store::Open(path);
  ASSERT_TRUE(db.ok());
  EXPECT_TRUE(db.value()->HasDocument(h).value());
  store::IngestResult r;
  ASSERT_TRUE(db.value()->Ingest(a, h, &r).ok());
  EXPECT_FALSE(r.stored);
  EXPECT_EQ(r.claims, 0);
  auto t = db.value()->GetTotals().value();
  EXPECT_EQ(t.documents, 1);
  EXPECT_EQ(t.claims, 1);
  EXPECT_EQ(t.events, 1);
  EXPECT_EQ(Scalar(path, "SELECT max(version) FROM schema_version"), store::kSchemaVersion);
  fs::remove_all(dir);
}

TEST(StoreTest, FullDiskStopsCleanlyAndKeepsTheStoreConsistent) {
  std::string dir = TempDir("full");
  std::string path = dir + "/s.db";
  store::OpenOptions o;
  o.max_page_count = 60;  // a tiny "disk": about 240 KB
  auto db = store::Store::Open(path, o);
  ASSERT_TRUE(db.ok()) << db.status().message();
  int stored = 0, committed = 0;
  Status failure;
  ASSERT_TRUE(db.value()->BeginBatch().ok());
  for (int i = 0; i < 5000 && failure.ok(); ++i) {
    std::string text = "Clashes in Town" + std::to_string(i) + " killed " + std::to_string(i) + " people. " +
                       std::string(200, 'x');
    auto a = MakeArticle("a" + std::to_string(i), text,
                         {MakeEvent("a#0", "Battles", "Armed clash", "Town" + std::to_string(i), "2016-12-05",
                                    "Group" + std::to_string(i), "", "", i)});
    store::IngestResult r;
    failure = db.value()->Ingest(a, store::ContentHash(text, ""), &r);
    if (failure.ok()) ++stored;
    if (i % 50 == 49 || !failure.ok()) {
      // The batch survives a failed article (its savepoint is rolled back); if SQLite rolled the whole
      // transaction back, CommitBatch says so and the articles since the last commit are not stored.
      if (db.value()->CommitBatch().ok()) committed = stored;
      else stored = committed;
      if (failure.ok()) {
        ASSERT_TRUE(db.value()->BeginBatch().ok());
      }
    }
  }
  ASSERT_FALSE(failure.ok());
  EXPECT_NE(failure.message().find("disk full"), std::string::npos) << failure.message();
  ASSERT_GT(stored, 10);
  db = Result<std::unique_ptr<store::Store>>(Status::Internal("closed"));
  EXPECT_EQ(Text(path, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(Scalar(path, "SELECT count(*) FROM documents"), stored);
  EXPECT_EQ(Scalar(path, "SELECT count(*) FROM claims"), stored);
  EXPECT_EQ(Scalar(path, "SELECT count(*) FROM links"), stored);
  EXPECT_EQ(Scalar(path, "SELECT count(*) FROM events"), stored);
  fs::remove_all(dir);
}

// ---- end to end through the binary

std::string Bin() { return SITREP_BINARY; }
std::string Data() { return std::string(SITREP_TEST_DIR) + "/store/data/palmyra_douma.jsonl"; }

TEST(StoreCliTest, IngestQueryEventControl) {
  std::string dir = TempDir("cli");
  std::string db = dir + "/s.db";
  ASSERT_EQ(Sh(Bin() + " ingest " + Data() + " --db " + db), 0) << LastStderr();
  EXPECT_NE(LastStderr().find("6 articles (6 stored, 0 already in the store)"), std::string::npos) << LastStderr();
  const int64_t docs = Scalar(db, "SELECT count(*) FROM documents");
  const int64_t claims = Scalar(db, "SELECT count(*) FROM claims");
  const int64_t events = Scalar(db, "SELECT count(*) FROM events");
  EXPECT_EQ(docs, 6);
  // Re-ingest: nothing changes.
  ASSERT_EQ(Sh(Bin() + " ingest " + Data() + " --db " + db), 0);
  EXPECT_NE(LastStderr().find("6 articles (0 stored, 6 already in the store)"), std::string::npos) << LastStderr();
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM documents"), docs);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM claims"), claims);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM events"), events);
  EXPECT_EQ(Text(db, "PRAGMA journal_mode"), "wal");

  // The Douma strikes: one event, two claims, 24 (SOHR) and 12 (SANA).
  int64_t douma = Scalar(db, "SELECT e.id FROM events e JOIN places p ON p.id=e.place_id WHERE p.text='Douma'");
  ASSERT_GT(douma, 0);
  EXPECT_EQ(Scalar(db, "SELECT claim_count FROM events WHERE id=" + std::to_string(douma)), 2);
  EXPECT_EQ(Scalar(db, "SELECT killed_min FROM events WHERE id=" + std::to_string(douma)), 12);
  EXPECT_EQ(Scalar(db, "SELECT killed_max FROM events WHERE id=" + std::to_string(douma)), 24);
  std::string out;
  ASSERT_EQ(Sh(Bin() + " event " + std::to_string(douma) + " --db " + db, &out), 0);
  EXPECT_NE(out.find("killed: 12-24 (24 (Syrian Observatory for Human Rights), 12 (SANA))"), std::string::npos) << out;
  EXPECT_NE(out.find("evidence (sentence 0): Air strikes killed 12 people in Douma on Monday"), std::string::npos);
  out.clear();
  ASSERT_EQ(Sh(Bin() + " query --db " + db + " --place Douma --format csv", &out), 0);
  EXPECT_NE(out.find(",12,24,\"24 (Syrian Observatory for Human Rights), 12 (SANA)\",2,2,"), std::string::npos) << out;

  // Palmyra: government (March 2016), Islamic State (December 2016, with the Russian withdrawal claim beside),
  // government again (March 2017).
  out.clear();
  ASSERT_EQ(Sh(Bin() + " control Palmyra --db " + db + " --format json", &out), 0) << LastStderr();
  EXPECT_NE(out.find("\"holder\":{\"name\":\"Military Forces of Syria\",\"kind\":\"state_forces\"},\"since\":\"2017-03-02\""),
            std::string::npos) << out;
  EXPECT_NE(out.find("\"date\":\"2016-12-11\",\"date_end\":\"2016-12-11\",\"holder\":{\"name\":\"Islamic State\""),
            std::string::npos) << out;
  EXPECT_NE(out.find("\"reading\":\"Islamic State withdrew\""), std::string::npos) << out;
  out.clear();
  ASSERT_EQ(Sh(Bin() + " control Palmyra --on 2016-06-01 --db " + db, &out), 0);
  EXPECT_NE(out.find("\"holder\":{\"name\":\"Military Forces of Syria\",\"kind\":\"state_forces\"},\"since\":\"2016-03-27\""),
            std::string::npos) << out;
  out.clear();
  ASSERT_EQ(Sh(Bin() + " control Palmyra --on 2016-12-20 --db " + db, &out), 0);
  EXPECT_NE(out.find("\"holder\":{\"name\":\"Islamic State\",\"kind\":\"rebel_group\"},\"since\":\"2016-12-11\""),
            std::string::npos) << out;
  out.clear();
  ASSERT_EQ(Sh(Bin() + " control Palmyra --on 2015-01-01 --db " + db, &out), 0);
  EXPECT_NE(out.find("\"holder\":null,\"since\":null"), std::string::npos) << out;
  // Usage errors.
  EXPECT_EQ(Sh(Bin() + " control Palmyra --on 2016-13-45 --db " + db), 2);
  EXPECT_EQ(Sh(Bin() + " query --db " + db + " --format xml"), 2);
  EXPECT_EQ(Sh(Bin() + " control Nowhere --db " + db), 1);
  fs::remove_all(dir);
}

TEST(StoreCliTest, ReadOnlyDatabaseGivesAClearError) {
  std::string dir = TempDir("ro");
  std::string db = dir + "/s.db";
  ASSERT_EQ(Sh(Bin() + " ingest " + Data() + " --db " + db), 0);
  const int64_t docs = Scalar(db, "SELECT count(*) FROM documents");
  // Another article, into a database the user may not write.
  std::string extra = dir + "/extra.txt";
  std::ofstream(extra) << "Rebels seized the town of Atareb on Friday.\n";
  chmod(db.c_str(), 0444);
  chmod(dir.c_str(), 0555);
  std::string cmd = Bin() + " ingest " + extra + " --date 2016-12-09 --db " + db;
  if (geteuid() == 0) cmd = "setpriv --reuid=65534 --regid=65534 --clear-groups " + cmd;  // root ignores modes
  int rc = Sh(cmd);
  std::string err = LastStderr();
  EXPECT_EQ(rc, 1) << err;
  EXPECT_NE(err.find("read-only"), std::string::npos) << err;
  chmod(dir.c_str(), 0755);
  chmod(db.c_str(), 0644);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM documents"), docs);
  EXPECT_EQ(Text(db, "PRAGMA integrity_check"), "ok");
  // A missing database for a query is an error too, and is not created.
  EXPECT_EQ(Sh(Bin() + " query --db " + dir + "/missing.db"), 1);
  EXPECT_FALSE(fs::exists(dir + "/missing.db"));
  fs::remove_all(dir);
}

TEST(StoreCliTest, SigkillMidIngestThenRerunHasNoDuplicates) {
  std::string dir = TempDir("kill");
  std::string db = dir + "/s.db", input = dir + "/big.jsonl";
  const int kArticles = 20000;
  {
    std::ofstream f(input);
    const char* places[] = {"Aleppo", "Douma", "Palmyra", "Idlib", "Raqqa", "Homs", "Hama", "Deir ez-Zor"};
    for (int i = 0; i < kArticles; ++i) {
      int d = 1 + i % 28;
      f << "{\"id\": \"k" << i << "\", \"published\": \"2016-02-" << (d < 10 ? "0" : "") << d
        << "\", \"text\": \"Air strikes killed " << (i % 50 + 2) << " civilians in " << places[i % 8]
        << " on Monday, the Syrian Observatory for Human Rights said. Report number " << i << ".\"}\n";
    }
  }
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 2);
    execl(SITREP_BINARY, "sitrep", "ingest", input.c_str(), "--db", db.c_str(), "-j", "1", nullptr);
    _exit(127);
  }
  // Wait until some articles are committed (reading while the ingest runs), then kill it.
  int64_t seen = 0;
  for (int i = 0; i < 600 && seen < 500; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (fs::exists(db)) seen = Scalar(db, "SELECT count(*) FROM documents");
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest finished before it could be killed (" << seen << " documents)";
  const int64_t at_kill = Scalar(db, "SELECT count(*) FROM documents");
  EXPECT_GE(at_kill, seen);
  EXPECT_LT(at_kill, kArticles);
  EXPECT_EQ(Text(db, "PRAGMA integrity_check"), "ok");
  // Committed articles are whole: every document's claims and links are there.
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM documents d WHERE event_count <> (SELECT count(*) FROM claims c WHERE c.document_id=d.id)"), 0);
  // Run again: it finishes, without duplicates.
  ASSERT_EQ(Sh(Bin() + " ingest " + input + " --db " + db), 0) << LastStderr();
  EXPECT_NE(LastStderr().find(std::to_string(kArticles) + " articles (" + std::to_string(kArticles - at_kill) +
                              " stored, " + std::to_string(at_kill) + " already in the store)"),
            std::string::npos)
      << LastStderr();
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM documents"), kArticles);
  EXPECT_EQ(Scalar(db, "SELECT count(DISTINCT doc_id) FROM documents"), kArticles);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM documents d WHERE event_count <> (SELECT count(*) FROM claims c WHERE c.document_id=d.id)"), 0);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM claims"), Scalar(db, "SELECT count(*) FROM links"));
  EXPECT_EQ(Scalar(db, "SELECT sum(claim_count) FROM events"), Scalar(db, "SELECT count(*) FROM claims"));
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM events e WHERE claim_count <> (SELECT count(*) FROM claims c WHERE c.event_id=e.id)"), 0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sitrep
