// The HTTP API of `sitrep serve` (issue 5), over real sockets: answers, 400s on malformed parameters, no writes
// without the token, the request size limit, clients that vanish mid-response, and reads during an ingest.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <thread>

#include "serve/api.h"
#include "serve/server.h"
#include "test_util.h"

namespace sitrep::serve {
namespace {

using sitrep::testing::RunSitrep;
using sitrep::testing::ShellQuote;
using sitrep::testing::TempDir;

struct HttpResult {
  int status = 0;
  std::string headers, body;
};

int Connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// One request on its own connection ("Connection: close"); reads the whole answer.
HttpResult Http(int port, const std::string& method, const std::string& target, const std::string& body = "",
                const std::string& extra_headers = "") {
  HttpResult r;
  int fd = Connect(port);
  if (fd < 0) return r;
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + extra_headers;
  if (!body.empty() || method == "POST") req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  req += "\r\n" + body;
  size_t off = 0;
  while (off < req.size()) {
    ssize_t n = ::send(fd, req.data() + off, req.size() - off, MSG_NOSIGNAL);
    if (n <= 0) break;
    off += static_cast<size_t>(n);
  }
  std::string all;
  char buf[65536];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) all.append(buf, static_cast<size_t>(n));
  ::close(fd);
  size_t head_end = all.find("\r\n\r\n");
  if (all.size() < 12 || head_end == std::string::npos) return r;
  r.status = std::atoi(all.substr(9, 3).c_str());
  r.headers = all.substr(0, head_end);
  r.body = all.substr(head_end + 4);
  return r;
}

HttpResult Get(int port, const std::string& target) { return Http(port, "GET", target); }

// A store built with `sitrep ingest` from the Palmyra/Douma articles, shared by the tests.
const std::string& StorePath() {
  static TempDir dir;
  static std::string db = [] {
    std::string path = dir.File("serve.db");
    auto r = RunSitrep("ingest " + ShellQuote(std::string(SITREP_TEST_DIR) + "/store/data/palmyra_douma.jsonl") +
                       " --db " + ShellQuote(path) + " -j 1");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return path;
  }();
  return db;
}

// A server on a free port, in a thread of its own.
class Running {
 public:
  Running(ApiOptions api_options, ServerOptions server_options = {})
      : api_(std::move(api_options), &sitrep::testing::SharedExtractor()) {
    ::signal(SIGPIPE, SIG_IGN);
    Status st = api_.Open();
    EXPECT_TRUE(st.ok()) << st.message();
    server_options.port = 0;
    server_ = std::make_unique<Server>(&api_, server_options);
    st = server_->Bind();
    EXPECT_TRUE(st.ok()) << st.message();
    thread_ = std::thread([this] { server_->Run(); });
  }
  ~Running() {
    server_->Stop();
    thread_.join();
  }
  int port() const { return server_->port(); }

 private:
  Api api_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

ApiOptions ReadOnly(const std::string& db) {
  ApiOptions o;
  o.db = db;
  o.web_dir = std::string(SITREP_SOURCE_DIR) + "/web";
  o.node_modules = std::string(SITREP_SOURCE_DIR) + "/node_modules";
  return o;
}

TEST(ServeTest, EventsEventControlPlacesSummary) {
  Running s(ReadOnly(StorePath()));
  auto r = Get(s.port(), "/api/events?limit=2&order=oldest");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = nlohmann::json::parse(r.body);
  ASSERT_EQ(j["events"].size(), 2u);
  EXPECT_TRUE(j["more"].get<bool>());
  EXPECT_EQ(j["next_offset"], 2);
  // The next page starts where the first ended.
  auto r2 = Get(s.port(), "/api/events?limit=2&order=oldest&offset=2");
  auto j2 = nlohmann::json::parse(r2.body);
  ASSERT_FALSE(j2["events"].empty());
  EXPECT_NE(j2["events"][0]["id"], j["events"][0]["id"]);
  EXPECT_NE(j2["events"][0]["id"], j["events"][1]["id"]);

  // Douma: one event, two sources that disagree on the dead.
  r = Get(s.port(), "/api/events?place=Douma");
  ASSERT_EQ(r.status, 200) << r.body;
  j = nlohmann::json::parse(r.body);
  ASSERT_EQ(j["events"].size(), 1u) << r.body;
  int64_t douma = j["events"][0]["id"];
  r = Get(s.port(), "/api/events/" + std::to_string(douma));
  ASSERT_EQ(r.status, 200) << r.body;
  j = nlohmann::json::parse(r.body);
  ASSERT_EQ(j["claims"].size(), 2u);
  EXPECT_EQ(j["claims"][0]["evidence"], "Air strikes on the town of Douma killed 24 civilians on Monday, the Syrian "
                                        "Observatory for Human Rights said.") << r.body;
  EXPECT_EQ(j["claims"][1]["says"], "SANA");
  ASSERT_FALSE(j["disagreements"].empty()) << r.body;
  EXPECT_EQ(j["disagreements"][0]["field"], "killed");
  // Its article, with the evidence sentence.
  std::string doc = j["claims"][0]["doc"]["id"];
  r = Get(s.port(), "/api/documents/" + doc);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("Air strikes on the town of Douma killed 24 civilians"), std::string::npos) << r.body;

  // Palmyra: place search, then its control timeline (government, Islamic State, government again).
  r = Get(s.port(), "/api/places?q=palm");
  ASSERT_EQ(r.status, 200) << r.body;
  j = nlohmann::json::parse(r.body);
  ASSERT_FALSE(j["places"].empty());
  EXPECT_EQ(j["places"][0]["name"], "Palmyra");
  int64_t palmyra = j["places"][0]["id"];
  r = Get(s.port(), "/api/places/" + std::to_string(palmyra) + "/control");
  ASSERT_EQ(r.status, 200) << r.body;
  j = nlohmann::json::parse(r.body);
  ASSERT_GE(j["changes"].size(), 3u) << r.body;
  EXPECT_EQ(j["holder"]["name"], "Military Forces of Syria");
  r = Get(s.port(), "/api/places/" + std::to_string(palmyra) + "/control?on=2016-12-20");
  EXPECT_EQ(nlohmann::json::parse(r.body)["holder"]["name"], "Islamic State") << r.body;

  r = Get(s.port(), "/api/summary?country=SY");
  ASSERT_EQ(r.status, 200) << r.body;
  j = nlohmann::json::parse(r.body);
  EXPECT_GT(j["total"].get<int>(), 0);
  EXPECT_FALSE(j["by_day"].empty());
  EXPECT_EQ(j["by_country"][0][0], "SY");

  r = Get(s.port(), "/api/openapi.json");
  ASSERT_EQ(r.status, 200);
  j = nlohmann::json::parse(r.body);
  EXPECT_TRUE(j["paths"].contains("/api/events"));

  // The page and its npm files.
  r = Get(s.port(), "/");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<svg id=\"map\""), std::string::npos);
  EXPECT_EQ(Get(s.port(), "/vendor/d3-geo.min.js").status, 200);
  EXPECT_EQ(Get(s.port(), "/../CMakeLists.txt").status, 404);
  EXPECT_EQ(Get(s.port(), "/vendor/../package.json").status, 404);
  EXPECT_EQ(Get(s.port(), "/api/events/999999").status, 404);
}

TEST(ServeTest, MalformedParametersGive400NeverA500) {
  Running s(ReadOnly(StorePath()));
  const char* bad[] = {
      "/api/events?limit=abc", "/api/events?limit=0", "/api/events?limit=999999", "/api/events?limit=-5",
      "/api/events?limit=1e3", "/api/events?offset=-1", "/api/events?offset=99999999999999999999",
      "/api/events?from=2016-13-45", "/api/events?from=yesterday", "/api/events?to=2016-02-30x",
      "/api/events?from=2017-01-01&to=2016-01-01", "/api/events?min_confidence=2", "/api/events?min_confidence=nan",
      "/api/events?radius=30km", "/api/events?place=Douma&radius=far", "/api/events?order=sideways",
      "/api/events?colour=red", "/api/events?type=Battles&type=Riots", "/api/events/abc", "/api/events/-1",
      "/api/events/0", "/api/events/1?x=1", "/api/places", "/api/places?q=a&limit=0", "/api/places?q=%23x",
      "/api/places/abc/control", "/api/places/1/control?on=tomorrow", "/api/summary?from=2016-1-1",
      "/api/events?actor=%00x", "/api/stats?x=1"};
  for (const char* target : bad) {
    auto r = Get(s.port(), target);
    EXPECT_EQ(r.status, 400) << target << ": " << r.body;
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << target << ": " << r.body;
    EXPECT_FALSE(j["error"].get<std::string>().empty()) << target;
  }
  // Odd but well-formed text is just a filter that matches nothing (bound, never spliced into SQL).
  const char* odd[] = {"/api/events?actor=%27%3B%20DROP%20TABLE%20events%3B--", "/api/events?place=%25",
                       "/api/places?q=%25_", "/api/events?country=%FF%FE", "/api/events?source=%22%5C"};
  for (const char* target : odd) {
    auto r = Get(s.port(), target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    EXPECT_FALSE(nlohmann::json::parse(r.body, nullptr, false).is_discarded()) << target;
  }
  EXPECT_EQ(Get(s.port(), "/api/nothing").status, 404);
  // A malformed request line is httplib's 400.
  EXPECT_EQ(Http(s.port(), "GET", "/api/events HTTP/1.1 extra").status, 400);
  EXPECT_EQ(Get(s.port(), "/api/events?limit=1").status, 200);
}

TEST(ServeTest, NoWriteWithoutTheToken) {
  const std::string line = "{\"id\":\"t1\",\"published\":\"2016-03-27\",\"text\":\"Syrian troops recaptured Palmyra.\"}\n";
  {
    Running s(ReadOnly(StorePath()));  // no token: read-only
    auto r = Http(s.port(), "POST", "/api/ingest", line);
    EXPECT_EQ(r.status, 403) << r.body;
    r = Http(s.port(), "POST", "/api/ingest", line, "Authorization: Bearer guess\r\n");
    EXPECT_EQ(r.status, 403) << r.body;
    for (const char* m : {"PUT", "DELETE", "PATCH", "POST"}) {
      r = Http(s.port(), m, "/api/events", "x");
      EXPECT_EQ(r.status, 405) << m << " " << r.body;
    }
  }
  TempDir dir;
  std::string db = dir.File("w.db");
  ApiOptions o = ReadOnly(db);
  o.token = "s3cret";
  Running s(o);
  auto r = Http(s.port(), "POST", "/api/ingest", line);
  EXPECT_EQ(r.status, 401) << r.body;
  r = Http(s.port(), "POST", "/api/ingest", line, "Authorization: Bearer s3cre\r\n");
  EXPECT_EQ(r.status, 403) << r.body;
  r = Http(s.port(), "POST", "/api/ingest", line, "Authorization: Bearer s3cretX\r\n");
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(nlohmann::json::parse(Get(s.port(), "/api/stats").body)["documents"], 0);
  r = Http(s.port(), "POST", "/api/ingest", "{not json\n", "Authorization: Bearer s3cret\r\n");
  EXPECT_EQ(r.status, 400) << r.body;
  r = Http(s.port(), "POST", "/api/ingest", "{\"text\": 5}\n", "Authorization: Bearer s3cret\r\n");
  EXPECT_EQ(r.status, 400) << r.body;
  r = Http(s.port(), "POST", "/api/ingest", line, "Authorization: Bearer s3cret\r\n");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body)["stored"], 1);
  r = Http(s.port(), "POST", "/api/ingest", line, "X-Sitrep-Token: s3cret\r\n");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body)["skipped"], 1);
  EXPECT_EQ(nlohmann::json::parse(Get(s.port(), "/api/stats").body)["documents"], 1);
  EXPECT_EQ(Http(s.port(), "GET", "/api/ingest").status, 405);
}

TEST(ServeTest, RequestSizeLimit) {
  TempDir dir;
  ApiOptions o = ReadOnly(dir.File("w.db"));
  o.token = "t";
  ServerOptions so;
  so.max_body_bytes = 4096;
  Running s(o, so);
  std::string big(10000, 'x');
  auto r = Http(s.port(), "POST", "/api/ingest", big, "Authorization: Bearer t\r\n");
  EXPECT_EQ(r.status, 413) << r.headers;
  // A very long request line.
  r = Get(s.port(), "/api/events?actor=" + std::string(20000, 'a'));
  EXPECT_TRUE(r.status == 414 || r.status == 400 || r.status == 0) << r.status;
  // A long but acceptable parameter is refused by the API with a message.
  r = Get(s.port(), "/api/events?actor=" + std::string(500, 'a'));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Get(s.port(), "/api/stats").status, 200);
}

TEST(ServeTest, ClientsThatDisconnectMidResponseDoNotHurtTheServer) {
  Running s(ReadOnly(StorePath()));
  for (int i = 0; i < 30; ++i) {
    int fd = Connect(s.port());
    ASSERT_GE(fd, 0);
    std::string req = "GET /vendor/countries-50m.json HTTP/1.1\r\nHost: x\r\n\r\n";
    if (i % 3 == 1) req = "GET /api/events?limit=5000&x" + std::to_string(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    if (i % 3 == 2) req = "GET /api/events?lim";  // half a request, then gone
    ASSERT_GT(::send(fd, req.data(), req.size(), MSG_NOSIGNAL), 0);
    if (i % 2 == 0 && i % 3 != 2) {
      char buf[100];
      (void)::recv(fd, buf, sizeof buf, 0);  // read a little of the answer, then vanish
    }
    // Close with a reset (unread data): the server's next write fails.
    linger lg{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    ::close(fd);
  }
  auto r = Get(s.port(), "/api/events?limit=3");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["events"].size(), 3u);
  EXPECT_EQ(Get(s.port(), "/vendor/countries-50m.json").status, 200);
}

TEST(ServeTest, ReadsAreAnsweredWhileAnIngestRuns) {
  TempDir dir;
  std::string db = dir.File("c.db");
  ApiOptions o = ReadOnly(db);
  o.token = "tok";
  o.cache_entries = 0;  // every read goes to the store
  Running s(o);
  // Articles to ingest: the Palmyra/Douma file under 40 publication dates (each a new document).
  std::string articles = sitrep::testing::ReadFile(std::string(SITREP_TEST_DIR) + "/store/data/palmyra_douma.jsonl");
  std::string body;
  for (int month = 2; month <= 4; ++month) {
    for (int d = 1; d <= 28; ++d) {
      for (const auto& line : sitrep::testing::SplitLines(articles)) {
        auto j = nlohmann::json::parse(line);
        j["published"] = "2015-0" + std::to_string(month) + "-" + std::string(d < 10 ? "0" : "") + std::to_string(d);
        body += j.dump() + "\n";
      }
    }
  }
  std::atomic<bool> done{false}, reading{false};
  int ingest_status = 0;
  std::thread writer([&] {
    // The ingest starts once reads are under way, so that the two overlap however fast the machine is.
    while (!reading) std::this_thread::yield();
    ingest_status = Http(s.port(), "POST", "/api/ingest", body, "Authorization: Bearer tok\r\n").status;
    done = true;
  });
  int reads = 0, ok = 0, during = 0;
  while (!done || reads < 5) {
    reading = true;
    const bool ingest_running = !done;  // a read sent before the ingest ended ran beside it
    auto r = Get(s.port(), "/api/events?limit=50&country=SY");
    ++reads;
    if (r.status == 200) ++ok;
    if (ingest_running && reads > 1) ++during;
    if (reads > 100000) break;
  }
  writer.join();
  EXPECT_EQ(ingest_status, 200);
  EXPECT_EQ(ok, reads);
  EXPECT_GT(during, 0) << "the ingest finished before any read";
  auto stats = nlohmann::json::parse(Get(s.port(), "/api/stats").body);
  EXPECT_EQ(stats["documents"].get<int>(), static_cast<int>(sitrep::testing::SplitLines(body).size()));
}

// /api/summary counts in the database (GROUP BY); it must agree with the events it summarizes, for every filter.
TEST(ServeTest, SummaryAgreesWithTheEventsItCounts) {
  TempDir dir;
  ApiOptions o = ReadOnly(dir.File("sum.db"));
  o.token = "tok";
  o.cache_entries = 0;
  Running s(o);
  // The Palmyra/Douma articles under six publication dates: events on several days, places, types and actors.
  std::string articles = sitrep::testing::ReadFile(std::string(SITREP_TEST_DIR) + "/store/data/palmyra_douma.jsonl");
  std::string body;
  for (int d = 1; d <= 6; ++d) {
    for (const auto& line : sitrep::testing::SplitLines(articles)) {
      auto j = nlohmann::json::parse(line);
      j["published"] = "2016-0" + std::to_string(d) + "-1" + std::to_string(d);
      body += j.dump() + "\n";
    }
  }
  ASSERT_EQ(Http(s.port(), "POST", "/api/ingest", body, "Authorization: Bearer tok\r\n").status, 200);

  using Counts = std::map<std::string, int64_t>;
  auto as_map = [](const nlohmann::json& pairs) {
    Counts m;
    for (const auto& p : pairs) m[p[0].get<std::string>()] = p[1].get<int64_t>();
    return m;
  };
  auto most_first = [](const nlohmann::json& pairs) {
    for (size_t i = 1; i < pairs.size(); ++i) {
      int64_t a = pairs[i - 1][1], b = pairs[i][1];
      if (a < b || (a == b && pairs[i - 1][0].get<std::string>() >= pairs[i][0].get<std::string>())) return false;
    }
    return true;
  };
  for (std::string filter : {"", "country=SY", "type=Battles", "type=Air/drone%20strike", "place=Palmyra",
                             "place=Douma&radius=30km", "actor=Islamic", "from=2016-03-01&to=2016-05-31",
                             "min_confidence=0.6", "source=SANA", "place=Nowhere", "country=sy&order=oldest"}) {
    SCOPED_TRACE(filter);
    auto ev = Get(s.port(), "/api/events?limit=5000&" + filter);
    auto sum = Get(s.port(), "/api/summary?" + filter);
    ASSERT_EQ(ev.status, 200) << ev.body;
    ASSERT_EQ(sum.status, 200) << sum.body;
    auto events = nlohmann::json::parse(ev.body)["events"];
    auto j = nlohmann::json::parse(sum.body);
    Counts by_day, by_type, by_country, by_actor;
    int64_t located = 0, undated = 0, killed = 0;
    for (const auto& e : events) {
      if (e["date"]["start"].is_null()) ++undated;
      else ++by_day[e["date"]["start"]];
      ++by_type[e["type"]["display"]];
      if (!e["country"].is_null()) ++by_country[e["country"]];
      if (!e["actor1"].is_null()) ++by_actor[e["actor1"]["name"]];
      if (!e["actor2"].is_null() && e["actor2"] != e["actor1"]) ++by_actor[e["actor2"]["name"]];
      if (!e["lat"].is_null() && !e["lon"].is_null()) ++located;
      if (!e["killed"].is_null()) killed += e["killed"]["min"].get<int64_t>();
    }
    EXPECT_EQ(j["total"], events.size());
    EXPECT_EQ(j["located"], located);
    EXPECT_EQ(j["undated"], undated);
    EXPECT_EQ(j["killed_min_sum"], killed);
    EXPECT_EQ(as_map(j["by_day"]), by_day);
    EXPECT_EQ(as_map(j["by_type"]), by_type);
    EXPECT_EQ(as_map(j["by_country"]), by_country);
    EXPECT_EQ(as_map(j["by_actor"]), by_actor);
    // Days in date order; the other lists most events first, ties by name.
    std::vector<std::string> days;
    for (const auto& p : j["by_day"]) days.push_back(p[0]);
    EXPECT_TRUE(std::is_sorted(days.begin(), days.end()));
    EXPECT_TRUE(most_first(j["by_type"])) << j["by_type"];
    EXPECT_TRUE(most_first(j["by_actor"])) << j["by_actor"];
    if (filter.empty()) {
      EXPECT_GE(by_day.size(), 4u) << "the test store should have events on several days";
      EXPECT_GE(by_actor.size(), 2u);
    }
  }
}

// The time limit per request: a request whose queries run longer gets 503 with a message, soon, and the
// connection it used keeps answering; without a limit the same request completes.
TEST(ServeTest, ARequestPastTheTimeLimitGets503NotAHang) {
  TempDir dir;
  std::string db = dir.File("big.db");
  auto ingest = RunSitrep("ingest " + ShellQuote(std::string(SITREP_TEST_DIR) + "/store/data/palmyra_douma.jsonl") +
                          " --db " + ShellQuote(db) + " -j 1");
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  // 200,000 more events (without claims): summarizing them all takes well over the limit below.
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(h,
                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)"
                        " INSERT INTO events(family, acled, country, lat, lon, date_start, date_end, confidence)"
                        " SELECT 'violence', 'Battles', 'SY', 34.5, 38.3, date('2000-01-01', '+' || (i % 3650) || ' days'),"
                        " date('2000-01-01', '+' || (i % 3650) || ' days'), 0.5 FROM n",
                        nullptr, nullptr, &err);
  ASSERT_EQ(rc, SQLITE_OK) << (err ? err : "");
  sqlite3_close(h);

  ApiOptions o = ReadOnly(db);
  o.cache_entries = 0;
  o.time_limit_ms = 20;
  Running s(o);
  for (int i = 0; i < 2; ++i) {  // twice: the interrupted connection is back in the pool and is taken again
    auto t0 = std::chrono::steady_clock::now();
    auto r = Get(s.port(), "/api/summary");
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(r.status, 503) << r.body.substr(0, 300);
    EXPECT_NE(r.body.find("time limit of 20 ms"), std::string::npos) << r.body.substr(0, 300);
    EXPECT_LT(seconds, 5.0);
    EXPECT_EQ(Get(s.port(), "/api/events?limit=5").status, 200);
    EXPECT_EQ(Get(s.port(), "/api/stats").status, 200);
  }

  o.time_limit_ms = 0;
  Running unlimited(o);
  auto r = Get(unlimited.port(), "/api/summary");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_GT(nlohmann::json::parse(r.body)["total"].get<int>(), 200000);
}

}  // namespace
}  // namespace sitrep::serve
