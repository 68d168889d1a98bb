// The HTTP side of `sitrep serve` (issue 5): cpp-httplib (Debian libcpp-httplib-dev) in front of serve::Api.
//
//   serve::Server server(api, options);
//   if (Status st = server.Bind(); !st.ok()) ...   // server.port() is the bound port (options.port 0: any)
//   server.Run();                                   // blocks until Stop() (from another thread)
//
// httplib.h is included by server.cc only. Limits: request bodies above max_body_bytes get 413, request lines
// and headers are bounded by httplib, a client that stops sending or reading is dropped after the timeouts, and
// each connection is served by one thread of a fixed pool. A client that goes away mid-response costs only its
// own connection. Stop() is thread-safe; the rest is called from one thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "serve/api.h"
#include "sitrep/status.h"

namespace sitrep::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";  // "0.0.0.0" to listen on every interface
  int port = 8080;                 // 0: any free port
  size_t max_body_bytes = 8u << 20;
  int read_timeout_s = 10;         // per read of a request (slow clients are dropped)
  int write_timeout_s = 10;        // per write of a response (clients that stop reading are dropped)
  int keep_alive_s = 5;
  int threads = 0;                 // connections served at once; 0: 32
  bool log = false;                // one line per request on stderr
};

class Server {
 public:
  Server(Api* api, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  Status Bind();
  int port() const { return port_; }
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

}  // namespace sitrep::serve
