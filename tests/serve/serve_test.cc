// The HTTP API of `sitrep serve` (issue 5), over real sockets: answers, 400s on malformed parameters, no writes
// without the token, the request size limit, clients that vanish mid-response, and reads during an ingest.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <atomic>
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

}  // namespace
}  // namespace sitrep::serve
