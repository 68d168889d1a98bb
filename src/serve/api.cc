#include "serve/api.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <unordered_map>

#include "fuse/fuse.h"
#include "io/json_writer.h"
#include "serve/event_json.h"
#include "store/store.h"
#include "time/civil_date.h"

namespace sitrep::serve {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxParamBytes = 200;

// Request text quoted in a message: printable ASCII only, and short (it goes back into JSON and into logs).
std::string Quote(std::string_view s) {
  std::string out = "'";
  for (size_t i = 0; i < s.size() && i < 80; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
  }
  if (s.size() > 80) out += "...";
  return out + "'";
}

Response Error(int status, const std::string& message) {
  Response r;
  r.status = status;
  io::JsonWriter w(&r.body);
  w.BeginObject().Key("error").String(message).Key("status").Int(status).EndObject();
  r.body += "\n";
  return r;
}

Response FromStatus(const Status& st) {
  switch (st.code()) {
    case Status::Code::kNotFound: return Error(404, st.message());
    case Status::Code::kInvalidInput:
    case Status::Code::kParseError: return Error(400, st.message());
    default: return Error(503, st.message());  // the store is busy or failing: worth retrying
  }
}

// The query parameters of one request, checked: only known names, each at most once, each short.
class Params {
 public:
  Status Parse(const Request& r, std::initializer_list<std::string_view> known) {
    for (const auto& [k, v] : r.params) {
      if (std::find(known.begin(), known.end(), k) == known.end()) {
        std::string names;
        for (auto n : known) names += (names.empty() ? "" : ", ") + std::string(n);
        return Status::InvalidInput("unknown parameter " + Quote(k) + " (known: " + names + ")");
      }
      if (v.size() > kMaxParamBytes)
        return Status::InvalidInput("parameter " + k + " is longer than " + std::to_string(kMaxParamBytes) + " bytes");
      if (v.find('\0') != std::string::npos) return Status::InvalidInput("parameter " + k + " holds a NUL byte");
      if (!values_.emplace(k, v).second) return Status::InvalidInput("parameter " + k + " is given twice");
    }
    return Status::Ok();
  }
  std::string Get(const std::string& k) const {
    auto it = values_.find(k);
    return it == values_.end() ? std::string() : it->second;
  }
  bool Has(const std::string& k) const { return values_.count(k) > 0; }
  // An integer in [lo, hi]; `def` when absent.
  Status Int(const std::string& k, int64_t lo, int64_t hi, int64_t def, int64_t* out) const {
    *out = def;
    if (!Has(k)) return Status::Ok();
    const std::string v = Get(k);
    char* end = nullptr;
    errno = 0;
    long long n = v.empty() ? 0 : std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || errno == ERANGE || n < lo || n > hi)
      return Status::InvalidInput(k + " must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi) +
                                  ", got " + Quote(v));
    *out = n;
    return Status::Ok();
  }
  Status Real(const std::string& k, double lo, double hi, double def, double* out) const {
    *out = def;
    if (!Has(k)) return Status::Ok();
    const std::string v = Get(k);
    char* end = nullptr;
    double d = v.empty() ? 0 : std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || !std::isfinite(d) || d < lo || d > hi)
      return Status::InvalidInput(k + " must be a number from " + fmt::format("{}", lo) + " to " +
                                  fmt::format("{}", hi) + ", got " + Quote(v));
    *out = d;
    return Status::Ok();
  }
  Status Date(const std::string& k, std::string* out) const {
    *out = Get(k);
    if (out->empty()) return Status::Ok();
    if (out->size() != 10 || timeutil::ParseIsoDate(*out) == timeutil::kUnknownDay)
      return Status::InvalidInput(k + " must be a date YYYY-MM-DD, got " + Quote(*out));
    return Status::Ok();
  }

 private:
  std::map<std::string, std::string> values_;
};

#define API_TRY(expr)                       \
  do {                                      \
    Status st_ = (expr);                    \
    if (!st_.ok()) return FromStatus(st_);  \
  } while (0)

// The filters of `sitrep query` (same names, same meaning) from query parameters.
Status ParseFilter(const Params& p, store::EventFilter* f) {
  f->place = p.Get("place");
  f->country = p.Get("country");
  f->admin1 = p.Get("admin1");
  f->actor = p.Get("actor");
  f->type = p.Get("type");
  f->source = p.Get("source");
  if (Status s = p.Date("from", &f->from); !s.ok()) return s;
  if (Status s = p.Date("to", &f->to); !s.ok()) return s;
  if (!f->from.empty() && !f->to.empty() && f->from > f->to)
    return Status::InvalidInput("from (" + f->from + ") is after to (" + f->to + ")");
  if (Status s = p.Real("min_confidence", 0, 1, 0, &f->min_confidence); !s.ok()) return s;
  if (p.Has("radius")) {
    const std::string v = p.Get("radius");
    char* end = nullptr;
    double km = v.empty() ? 0 : std::strtod(v.c_str(), &end);
    std::string unit = end ? end : "";
    if (unit == "m") km /= 1000;
    else if (!(unit.empty() || unit == "km")) km = -1;
    if (!(km > 0) || !std::isfinite(km) || km > 20000)
      return Status::InvalidInput("radius takes a distance such as 30km, got " + Quote(v));
    if (f->place.empty()) return Status::InvalidInput("radius needs place");
    f->radius_km = km;
  }
  if (p.Has("order")) {
    const std::string o = p.Get("order");
    if (o != "newest" && o != "oldest") return Status::InvalidInput("order is newest or oldest, got " + Quote(o));
    f->newest_first = o == "newest";
  } else {
    f->newest_first = true;
  }
  return Status::Ok();
}

#define FILTER_PARAMS \
  "place", "radius", "country", "admin1", "actor", "type", "from", "to", "source", "min_confidence", "order"

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i % (b.empty() ? 1 : b.size())]);
  return diff == 0 && !b.empty();
}

bool ParseId(const std::string& s, int64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  *out = std::atoll(s.c_str());
  return *out > 0;
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

// ---------------------------------------------------------------------------------------------- store pool

// Read-only connections, one per concurrent request; returned after use, never closed while serving.
struct Api::Pool {
  std::mutex mu;
  std::vector<std::unique_ptr<store::Store>> free;
  std::string path;

  Result<std::unique_ptr<store::Store>> Take() {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (!free.empty()) {
        auto s = std::move(free.back());
        free.pop_back();
        return s;
      }
    }
    store::OpenOptions o;
    o.read_only = true;
    return store::Store::Open(path, o);
  }
  void Give(std::unique_ptr<store::Store> s) {
    std::lock_guard<std::mutex> lock(mu);
    free.push_back(std::move(s));
  }
};

namespace {
// Borrows a connection for one request.
class Lease {
 public:
  Lease(std::function<void(std::unique_ptr<store::Store>)> give, std::unique_ptr<store::Store> s)
      : give_(std::move(give)), s_(std::move(s)) {}
  ~Lease() {
    if (s_) give_(std::move(s_));
  }
  store::Store* operator->() { return s_.get(); }
  store::Store& operator*() { return *s_; }

 private:
  std::function<void(std::unique_ptr<store::Store>)> give_;
  std::unique_ptr<store::Store> s_;
};
}  // namespace

#define BORROW(var)                                                      \
  auto taken_##var = pool_->Take();                                      \
  if (!taken_##var.ok()) return FromStatus(taken_##var.status());        \
  Lease var([this](std::unique_ptr<store::Store> s) { pool_->Give(std::move(s)); }, \
            std::move(taken_##var).value());                              \
  var->StartTimeLimit(options_.time_limit_ms)

// ---------------------------------------------------------------------------------------------- response cache

// GET /api responses by request line; emptied by every ingest through this server, and entries expire after
// cache_ms so that an ingest by another process shows soon.
struct Api::Cache {
  struct Entry {
    Response response;
    int64_t at_ms;
  };
  std::mutex mu;
  std::unordered_map<std::string, Entry> entries;

  bool Get(const std::string& key, int max_age_ms, Response* out) {
    std::lock_guard<std::mutex> lock(mu);
    auto it = entries.find(key);
    if (it == entries.end()) return false;
    if (NowMs() - it->second.at_ms > max_age_ms) {
      entries.erase(it);
      return false;
    }
    *out = it->second.response;
    return true;
  }
  void Put(const std::string& key, const Response& r, size_t max_entries) {
    std::lock_guard<std::mutex> lock(mu);
    if (entries.size() >= max_entries) entries.clear();  // simple and bounded
    entries[key] = {r, NowMs()};
  }
  void Clear() {
    std::lock_guard<std::mutex> lock(mu);
    entries.clear();
  }
};

// ---------------------------------------------------------------------------------------------- Api

Api::Api(ApiOptions options, const Extractor* extractor)
    : options_(std::move(options)), extractor_(extractor), pool_(new Pool), cache_(new Cache) {
  pool_->path = options_.db;
}

Api::~Api() = default;

Status Api::Open() {
  if (!options_.token.empty()) {
    if (!extractor_) return Status::InvalidInput("ingest needs the lexicons (no extractor)");
    auto w = store::Store::Open(options_.db);  // creates the store when missing
    if (!w.ok()) return w.status();
    writer_ = std::move(w).value();
  }
  auto r = pool_->Take();
  if (!r.ok()) return r.status();
  pool_->Give(std::move(r).value());
  LoadStatic();
  return Status::Ok();
}

void Api::LoadStatic() {
  auto type_of = [](const fs::path& p) -> std::string {
    const std::string ext = p.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    return "";
  };
  auto load = [&](const fs::path& file, const std::string& url) {
    std::string type = type_of(file);
    if (type.empty()) return;
    std::ifstream in(file, std::ios::binary);
    if (!in) return;
    std::ostringstream ss;
    ss << in.rdbuf();
    files_[url] = {ss.str(), type};
  };
  std::error_code ec;
  if (!options_.web_dir.empty() && fs::is_directory(options_.web_dir, ec)) {
    for (auto it = fs::recursive_directory_iterator(options_.web_dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (!it->is_regular_file(ec) || it->file_size(ec) > (8u << 20)) continue;
      std::string rel = fs::relative(it->path(), options_.web_dir, ec).generic_string();
      if (ec || rel.empty() || rel[0] == '.') continue;
      load(it->path(), "/" + rel);
    }
    if (files_.count("/index.html")) files_["/"] = files_["/index.html"];
  }
  // The npm files the page uses (package-lock.json pins their versions), under /vendor/.
  static const std::pair<const char*, const char*> kVendor[] = {
      {"d3-array.min.js", "d3-array/dist/d3-array.min.js"},
      {"d3-geo.min.js", "d3-geo/dist/d3-geo.min.js"},
      {"topojson-client.min.js", "topojson-client/dist/topojson-client.min.js"},
      {"countries-110m.json", "world-atlas/countries-110m.json"},
      {"countries-50m.json", "world-atlas/countries-50m.json"},
  };
  if (!options_.node_modules.empty())
    for (const auto& [url, file] : kVendor) load(fs::path(options_.node_modules) / file, std::string("/vendor/") + url);
}

Response Api::Handle(const Request& r) {
  const std::string& path = r.path;
  if (path.rfind("/api/", 0) != 0) {
    if (r.method != "GET" && r.method != "HEAD") {
      Response res = Error(405, "method " + Quote(r.method) + " not allowed on " + Quote(path));
      res.allow = "GET, HEAD";
      return res;
    }
    return Static(r);
  }
  if (path == "/api/ingest") {
    if (r.method != "POST") {
      Response res = Error(405, "/api/ingest takes POST");
      res.allow = "POST";
      return res;
    }
    return Ingest(r);
  }
  if (r.method != "GET" && r.method != "HEAD") {
    Response res = Error(405, "method " + Quote(r.method) + " not allowed on " + Quote(path) +
                                  " (the API is read-only except POST /api/ingest)");
    res.allow = "GET, HEAD";
    return res;
  }
  if (path == "/api/openapi.json") {
    Response res;
    res.body = OpenApiJson();
    return res;
  }
  // Cached answers: the key is the request line as received (parameter order included).
  std::string key = path;
  for (const auto& [k, v] : r.params) key += "\x1f" + k + "\x1e" + v;
  Response res;
  if (options_.cache_entries > 0 && cache_->Get(key, options_.cache_ms, &res)) return res;

  auto segs = [&]() {
    std::vector<std::string> out;
    size_t i = 5;  // after "/api/"
    while (i <= path.size()) {
      size_t j = path.find('/', i);
      if (j == std::string::npos) j = path.size();
      out.push_back(path.substr(i, j - i));
      i = j + 1;
    }
    return out;
  }();
  if (segs.size() == 1 && segs[0] == "events") res = Events(r);
  else if (segs.size() == 2 && segs[0] == "events") res = Event(r, segs[1]);
  else if (segs.size() == 2 && segs[0] == "documents") res = Document(r, segs[1]);
  else if (segs.size() == 1 && segs[0] == "places") res = Places(r);
  else if (segs.size() == 3 && segs[0] == "places" && segs[2] == "control") res = Control(r, segs[1]);
  else if (segs.size() == 1 && segs[0] == "summary") res = Summary(r);
  else if (segs.size() == 1 && segs[0] == "stats") res = Stats(r);
  else return Error(404, "no such endpoint " + Quote(path) + " (see /api/openapi.json)");
  if (options_.cache_entries > 0 && res.status == 200)
    cache_->Put(key, res, static_cast<size_t>(options_.cache_entries));
  return res;
}

Response Api::Events(const Request& r) {
  Params p;
  API_TRY(p.Parse(r, {FILTER_PARAMS, "limit", "offset"}));
  store::EventFilter f;
  API_TRY(ParseFilter(p, &f));
  int64_t limit = 0, offset = 0;
  API_TRY(p.Int("limit", 1, options_.max_page, options_.default_page, &limit));
  API_TRY(p.Int("offset", 0, 1000000000, 0, &offset));
  f.limit = limit + 1;  // one more tells whether there is a next page
  f.offset = offset;
  BORROW(db);
  // Each server thread keeps its last answer's events: the store reads the next rows into their strings instead
  // of allocating ~20 strings per event. A large page is let go afterwards (a thread keeps a few hundred at most).
  thread_local std::vector<store::EventInfo> events;
  struct Trim {
    std::vector<store::EventInfo>& v;
    ~Trim() {
      if (v.size() > 256) std::vector<store::EventInfo>().swap(v);
    }
  } trim{events};
  API_TRY(db->QueryEvents(f, &events));
  bool more = static_cast<int64_t>(events.size()) > limit;
  const size_t shown = more ? static_cast<size_t>(limit) : events.size();
  Response res;
  res.body.reserve(shown * 600 + 64);
  io::JsonWriter w(&res.body);
  w.BeginObject().Key("events").BeginArray();
  for (size_t i = 0; i < shown; ++i) WriteEvent(w, events[i], JsonStyle::kApi, /*with_claims=*/false);
  w.EndArray();
  w.Key("offset").Int(offset).Key("limit").Int(limit).Key("more").Bool(more);
  w.Key("next_offset");
  more ? w.Int(offset + limit) : w.Null();
  w.EndObject();
  res.body += "\n";
  return res;
}

Response Api::Event(const Request& r, const std::string& id_text) {
  Params p;
  API_TRY(p.Parse(r, {}));
  int64_t id = 0;
  if (!ParseId(id_text, &id)) return Error(400, "event id must be a positive integer, got " + Quote(id_text));
  BORROW(db);
  store::EventInfo e;
  API_TRY(db->GetEvent(id, &e));
  Response res;
  io::JsonWriter w(&res.body);
  WriteEvent(w, e, JsonStyle::kApi, /*with_claims=*/true);
  res.body += "\n";
  return res;
}

Response Api::Document(const Request& r, const std::string& id) {
  Params p;
  API_TRY(p.Parse(r, {}));
  if (id.empty() || id.size() > kMaxParamBytes) return Error(400, "document id must be 1 to 200 bytes");
  BORROW(db);
  store::DocumentInfo d;
  API_TRY(db->GetDocument(id, &d));
  Response res;
  io::JsonWriter w(&res.body);
  w.BeginObject();
  w.Key("id").String(d.doc_id).Key("title").StringOrNull(d.title).Key("source").StringOrNull(d.source);
  w.Key("url").StringOrNull(d.url).Key("published").StringOrNull(d.published);
  w.Key("sentence_count").Int(d.sentence_count).Key("event_count").Int(d.event_count);
  w.Key("sentences").BeginArray();
  for (const auto& s : d.sentences) w.BeginObject().Key("idx").Int(s.idx).Key("text").String(s.text).EndObject();
  w.EndArray().EndObject();
  res.body += "\n";
  return res;
}

Response Api::Places(const Request& r) {
  Params p;
  API_TRY(p.Parse(r, {"q", "limit"}));
  int64_t limit = 0;
  API_TRY(p.Int("limit", 1, 100, 20, &limit));
  const std::string q = p.Get("q");
  if (q.empty()) return Error(400, "q (the start of a place name) is required");
  BORROW(db);
  std::vector<store::PlaceInfo> places;
  if (q.size() > 1 && q[0] == '#') {
    int64_t id = 0;
    if (!ParseId(q.substr(1), &id)) return Error(400, "q=#ID needs a positive integer id, got " + Quote(q));
    API_TRY(db->FindPlaces(q, &places));
  } else {
    API_TRY(db->SearchPlaces(q, static_cast<int>(limit), &places));
  }
  Response res;
  io::JsonWriter w(&res.body);
  w.BeginObject().Key("places").BeginArray();
  for (const auto& pl : places) WritePlace(w, pl, JsonStyle::kApi, /*with_count=*/true);
  w.EndArray().EndObject();
  res.body += "\n";
  return res;
}

Response Api::Control(const Request& r, const std::string& id_text) {
  Params p;
  API_TRY(p.Parse(r, {"on"}));
  std::string on;
  API_TRY(p.Date("on", &on));
  int64_t id = 0;
  if (!ParseId(id_text, &id)) return Error(400, "place id must be a positive integer, got " + Quote(id_text));
  BORROW(db);
  std::vector<store::PlaceInfo> places;
  API_TRY(db->FindPlaces("#" + std::to_string(id), &places));
  if (places.empty()) return Error(404, "no place #" + std::to_string(id));
  std::vector<fuse::TerritoryClaim> claims;
  API_TRY(db->TerritoryClaims({id}, &claims));
  std::vector<fuse::Change> changes = fuse::BuildTimeline(claims);
  const fuse::Change* now = on.empty() ? (changes.empty() ? nullptr : &changes.back()) : fuse::ChangeOn(changes, on);
  Response res;
  io::JsonWriter w(&res.body);
  WriteControl(w, places[0], on, changes, now, JsonStyle::kApi);
  res.body += "\n";
  return res;
}

Response Api::Summary(const Request& r) {
  Params p;
  API_TRY(p.Parse(r, {FILTER_PARAMS}));
  store::EventFilter f;
  API_TRY(ParseFilter(p, &f));
  BORROW(db);
  store::EventSummary sum;
  API_TRY(db->SummarizeEvents(f, &sum));
  // Most first, ties by name (bytes): the same order whichever backend grouped them.
  auto sorted = [](std::vector<std::pair<std::string, int64_t>>& v, size_t n) -> auto& {
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (v.size() > n) v.resize(n);
    return v;
  };
  std::sort(sum.by_day.begin(), sum.by_day.end());
  Response res;
  io::JsonWriter w(&res.body);
  auto pairs = [&](const char* key, const std::vector<std::pair<std::string, int64_t>>& v) {
    w.Key(key).BeginArray();
    for (const auto& [k, n] : v) w.BeginArray().String(k).Int(n).EndArray();
    w.EndArray();
  };
  w.BeginObject();
  w.Key("total").Int(sum.total).Key("located").Int(sum.located);
  w.Key("undated").Int(sum.undated).Key("killed_min_sum").Int(sum.killed_min_sum);
  pairs("by_day", sum.by_day);
  pairs("by_type", sorted(sum.by_type, 100));
  pairs("by_country", sorted(sum.by_country, 300));
  pairs("by_actor", sorted(sum.by_actor, 100));
  w.EndObject();
  res.body += "\n";
  return res;
}

Response Api::Stats(const Request& r) {
  Params p;
  API_TRY(p.Parse(r, {}));
  BORROW(db);
  auto t = db->GetTotals();
  if (!t.ok()) return FromStatus(t.status());
  const store::Totals& x = t.value();
  Response res;
  io::JsonWriter w(&res.body);
  w.BeginObject().Key("documents").Int(x.documents).Key("sentences").Int(x.sentences).Key("claims").Int(x.claims);
  w.Key("events").Int(x.events).Key("places").Int(x.places).Key("actors").Int(x.actors);
  w.Key("writable").Bool(!options_.token.empty()).EndObject();
  res.body += "\n";
  return res;
}

Response Api::Ingest(const Request& r) {
  if (options_.token.empty())
    return Error(403, "this server is read-only (start sitrep serve with --token to allow ingest)");
  if (r.token.empty())
    return Error(401, "ingest needs the token: send 'Authorization: Bearer TOKEN' (the --token of sitrep serve)");
  if (!ConstantTimeEquals(r.token, options_.token)) return Error(403, "wrong token");
  Params p;
  if (Status st = p.Parse(r, {"date"}); !st.ok()) return FromStatus(st);
  std::string date;
  if (Status st = p.Date("date", &date); !st.ok()) return FromStatus(st);

  // The body: JSON Lines, one article object a line ({"id","title","source","url","published","text"}), the same
  // as `sitrep ingest` reads; or, with Content-Type text/plain, one article's text.
  struct Article {
    std::string id, title, source, url, published, text;
  };
  std::vector<Article> articles;
  if (r.body.empty()) return Error(400, "empty body: send JSON Lines articles or a text/plain article");
  bool plain = r.method == "POST" && r.body.find_first_not_of(" \t\r\n") != std::string::npos &&
               r.body[r.body.find_first_not_of(" \t\r\n")] != '{';
  if (plain) {
    articles.push_back({"posted", "", "", "", date, r.body});
  } else {
    simdjson::dom::parser parser;
    size_t line_no = 0, pos = 0;
    while (pos < r.body.size()) {
      size_t end = r.body.find('\n', pos);
      if (end == std::string::npos) end = r.body.size();
      std::string_view line(r.body.data() + pos, end - pos);
      pos = end + 1;
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      simdjson::dom::element doc;
      if (auto err = parser.parse(line.data(), line.size()).get(doc))
        return Error(400, fmt::format("line {}: malformed JSON: {}", line_no, simdjson::error_message(err)));
      if (!doc.is_object()) return Error(400, fmt::format("line {}: an article is a JSON object", line_no));
      Article a;
      auto field = [&](const char* k, std::string* out) -> bool {
        simdjson::dom::element v;
        if (doc[k].get(v)) return true;  // absent
        if (v.is_null()) return true;
        std::string_view s;
        if (v.get(s)) return false;
        *out = std::string(s);
        return true;
      };
      if (!field("id", &a.id) || !field("title", &a.title) || !field("source", &a.source) ||
          !field("url", &a.url) || !field("published", &a.published) || !field("text", &a.text))
        return Error(400, fmt::format("line {}: id, title, source, url, published and text are strings", line_no));
      if (a.text.empty()) return Error(400, fmt::format("line {}: the article has no text", line_no));
      if (a.id.empty()) a.id = fmt::format("posted:{}", line_no);
      if (!date.empty()) a.published = date;
      articles.push_back(std::move(a));
      if (articles.size() > options_.max_ingest_articles)
        return Error(413, fmt::format("at most {} articles per request", options_.max_ingest_articles));
    }
    if (articles.empty()) return Error(400, "no articles in the body");
  }

  std::lock_guard<std::mutex> lock(writer_mu_);
  ScratchPtr scratch = extractor_->NewScratch();
  int64_t stored = 0, skipped = 0, claims = 0, new_events = 0, fused = 0;
  Status fatal;
  if (Status st = writer_->BeginBatch(); !st.ok()) return FromStatus(st);
  for (const auto& a : articles) {
    std::string hash = store::ContentHash(a.text, a.published);
    auto has = writer_->HasDocument(hash);
    if (!has.ok()) {
      fatal = has.status();
      break;
    }
    if (has.value()) {
      ++skipped;
      continue;
    }
    ArticleInput in{a.id, a.title, a.source, a.url, a.published, a.text};
    ArticleResult result;
    extractor_->Extract(in, scratch.get(), &result);
    store::IngestResult ir;
    if (Status st = writer_->Ingest(result, hash, &ir); !st.ok()) {
      fatal = st;
      break;
    }
    if (ir.stored) ++stored;
    else ++skipped;
    claims += ir.claims;
    new_events += ir.new_events;
    fused += ir.fused;
  }
  Status committed = writer_->CommitBatch();
  cache_->Clear();
  if (!fatal.ok()) return FromStatus(fatal);
  if (!committed.ok()) return FromStatus(committed);
  Response res;
  io::JsonWriter w(&res.body);
  w.BeginObject().Key("articles").Int(static_cast<int64_t>(articles.size())).Key("stored").Int(stored);
  w.Key("skipped").Int(skipped).Key("claims").Int(claims).Key("new_events").Int(new_events);
  w.Key("fused").Int(fused).EndObject();
  res.body += "\n";
  return res;
}

Response Api::Static(const Request& r) {
  auto it = files_.find(r.path);
  if (it == files_.end()) {
    if (files_.empty())
      return Error(404, "no web page here: the web/ folder was not found (give --web DIR); the API is at /api/");
    return Error(404, "no such file " + Quote(r.path));
  }
  Response res;
  res.body = it->second.body;
  res.content_type = it->second.content_type;
  res.cacheable = r.path.rfind("/vendor/", 0) == 0;
  return res;
}

}  // namespace sitrep::serve
