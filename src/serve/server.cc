// The only file that includes httplib.h (it is large; the library itself is Debian's libcpp-httplib).
#include "serve/server.h"

#include <fmt/format.h>
#include <httplib.h>

#include <zlib.h>

#include <chrono>

namespace sitrep::serve {

struct Server::Impl {
  httplib::Server http;
  Api* api = nullptr;
  ServerOptions options;
};

namespace {

// gzip of `in` (RFC 1952) at `level`; false when zlib fails (the answer then goes uncompressed).
bool Gzip(const std::string& in, int level, std::string* out) {
  z_stream zs{};
  if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
  out->resize(deflateBound(&zs, in.size()) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out->data());
  zs.avail_out = static_cast<uInt>(out->size());
  int rc = deflate(&zs, Z_FINISH);
  out->resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END;
}

// Answers of 1 KB and more go gzip-compressed to clients that accept it: level 1 for the API (fast; JSON still
// shrinks 5-8x), 6 for the page's files. httplib's own compression is kept off (see ToRequest): it picks Brotli
// at its slowest level, which costs seconds on a map page's 2 MB of events.
void Reply(Response&& r, bool gzip, httplib::Response& res) {
  res.status = r.status;
  if (!r.allow.empty()) res.set_header("Allow", r.allow);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", r.cacheable ? "public, max-age=86400" : "no-cache");
  res.set_header("Vary", "Accept-Encoding");
  std::string packed;
  if (gzip && r.body.size() >= 1024 && r.content_type.rfind("image/png", 0) != 0 &&
      Gzip(r.body, r.content_type.rfind("application/json", 0) == 0 ? 1 : 6, &packed)) {
    res.set_header("Content-Encoding", "gzip");
    res.body = std::move(packed);
  } else {
    // Moved, not copied (httplib's set_content copies): answers of tens of KB, thousands a second.
    res.body = std::move(r.body);
  }
  res.set_header("Content-Type", r.content_type);
}

// Also takes Accept-Encoding off the request (httplib's Request is a local of its connection loop, not const), so
// that httplib does not compress the answer again; returns whether the client accepts gzip.
Request ToRequest(const httplib::Request& req, bool* gzip) {
  auto& headers = const_cast<httplib::Request&>(req).headers;
  auto ae = headers.find("Accept-Encoding");
  *gzip = ae != headers.end() && ae->second.find("gzip") != std::string::npos;
  headers.erase("Accept-Encoding");
  Request r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [k, v] : req.params) r.params.emplace_back(k, v);
  r.body = req.body;
  std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) == 0) r.token = auth.substr(7);
  else r.token = req.get_header_value("X-Sitrep-Token");
  return r;
}

}  // namespace

Server::Server(Api* api, ServerOptions options) : impl_(new Impl) {
  impl_->api = api;
  impl_->options = std::move(options);
}

Server::~Server() = default;

Status Server::Bind() {
  httplib::Server& http = impl_->http;
  const ServerOptions& o = impl_->options;
  size_t threads = o.threads > 0 ? static_cast<size_t>(o.threads) : 32;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(o.max_body_bytes);
  http.set_read_timeout(o.read_timeout_s, 0);
  http.set_write_timeout(o.write_timeout_s, 0);
  http.set_keep_alive_timeout(o.keep_alive_s);
  http.set_keep_alive_max_count(1000);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and the client's delayed
  // ACK hold each answer for ~40 ms.
  http.set_tcp_nodelay(true);
  Api* api = impl_->api;
  const bool log = o.log;
  auto handle = [api, log](const httplib::Request& req, httplib::Response& res) {
    auto t0 = std::chrono::steady_clock::now();
    bool gzip = false;
    Response r = api->Handle(ToRequest(req, &gzip));
    const int status = r.status;
    const size_t bytes = r.body.size();
    Reply(std::move(r), gzip, res);
    if (log) {
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      fmt::print(stderr, "{} {} {} {} bytes {:.1f} ms\n", req.method, req.path, status, bytes, ms);
    }
  };
  // GET and HEAD are answered before routing (no regex per request); bodies of other methods are read (within
  // the size limit) and then handled by the same function.
  http.set_pre_routing_handler([handle](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "GET" && req.method != "HEAD") return httplib::Server::HandlerResponse::Unhandled;
    handle(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  http.Post(".*", handle);
  http.Put(".*", handle);
  http.Patch(".*", handle);
  http.Delete(".*", handle);
  http.Options(".*", handle);
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    Reply(Response{500, "application/json", "{\"error\":\"internal error\",\"status\":500}\n", "", false}, false, res);
  });
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    // httplib's own errors (400 malformed request, 413 too large, 414 URI too long…) get a JSON body.
    if (!res.body.empty()) return;
    std::string msg = res.status == 413   ? "request body too large"
                      : res.status == 414 ? "request line too long"
                      : res.status == 400 ? "malformed request"
                                          : "error";
    res.set_content(fmt::format("{{\"error\":\"{}\",\"status\":{}}}\n", msg, res.status), "application/json");
  });
  if (o.port == 0) {
    port_ = http.bind_to_any_port(o.host);
    if (port_ <= 0) return Status::IoError("cannot listen on " + o.host + " (any port)");
  } else {
    if (!http.bind_to_port(o.host, o.port))
      return Status::IoError(fmt::format("cannot listen on {}:{} (in use, or a privileged port?)", o.host, o.port));
    port_ = o.port;
  }
  return Status::Ok();
}

void Server::Run() { impl_->http.listen_after_bind(); }

void Server::Stop() { impl_->http.stop(); }

}  // namespace sitrep::serve
