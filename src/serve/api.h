// The HTTP API of `sitrep serve` (issue 5), independent of the HTTP library: a request (method, path, query
// parameters, body, token) goes in, a response (status, content type, body) comes out. server.cc binds it to
// cpp-httplib; tests can call it directly.
//
//   serve::Api api(options, extractor);          // extractor: nullptr for a read-only server
//   if (Status st = api.Open(); !st.ok()) ...
//   serve::Response r = api.Handle(request);
//
// Thread-safe: Handle() may be called from many threads at once. Each call borrows a read-only store connection
// from a pool (SQLite WAL: readers never wait for the writer); ingest goes through one writer connection under a
// mutex, so reads keep being answered while an ingest runs. Every SQL statement is prepared with bound
// parameters (the store never builds SQL from request text). Malformed parameters give 400 with a message.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "sitrep/extract.h"
#include "sitrep/status.h"

namespace sitrep::store {
class Store;
}

namespace sitrep::serve {

struct ApiOptions {
  std::string db;               // SQLite store file
  std::string token;            // non-empty: POST /api/ingest allowed with this token; empty: read-only
  std::string web_dir;          // the page's files (web/); empty: API only
  std::string node_modules;     // where the page's npm packages are (node_modules/); empty: API only
  int64_t max_page = 5000;      // largest `limit` of /api/events
  int64_t default_page = 100;   // `limit` of /api/events when not given
  size_t max_ingest_articles = 1000;   // per POST
  int cache_entries = 2048;     // GET /api/* responses kept until the next ingest or for cache_ms (0: no cache)
  int cache_ms = 2000;          // a cached response is at most this old (another process may ingest)
  int time_limit_ms = 10000;    // a request's queries stop after this long with 503 (0: no limit)
};

struct Request {
  std::string method;  // GET, POST, ...
  std::string path;    // decoded, without the query string
  std::vector<std::pair<std::string, std::string>> params;  // decoded query parameters in order
  std::string body;
  std::string token;   // from "Authorization: Bearer T" or "X-Sitrep-Token: T"; empty when absent
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::string allow;   // for 405: the allowed methods
  bool cacheable = false;  // static asset: may be cached by the browser
};

class Api {
 public:
  // `extractor` is needed only for ingest (may be null when options.token is empty); not owned, must outlive.
  Api(ApiOptions options, const Extractor* extractor);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // Opens the store (creating it when a token allows writing) and loads the page's files.
  Status Open();
  Response Handle(const Request& request);

  // The OpenAPI 3 description served at /api/openapi.json.
  static const char* OpenApiJson();

 private:
  struct Pool;
  struct Cache;
  struct StaticFile {
    std::string body, content_type;
  };
  Response Events(const Request& r);
  Response Event(const Request& r, const std::string& id);
  Response Document(const Request& r, const std::string& id);
  Response Places(const Request& r);
  Response Control(const Request& r, const std::string& id);
  Response Summary(const Request& r);
  Response Stats(const Request& r);
  Response Ingest(const Request& r);
  Response Static(const Request& r);
  void LoadStatic();

  ApiOptions options_;
  const Extractor* extractor_;
  std::unique_ptr<Pool> pool_;
  std::unique_ptr<Cache> cache_;
  std::mutex writer_mu_;  // one ingest at a time
  std::unique_ptr<store::Store> writer_;
  std::map<std::string, StaticFile> files_;  // URL path -> file, loaded at Open (no path from a request is opened)
};

}  // namespace sitrep::serve
