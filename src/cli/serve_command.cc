// `sitrep serve` (issue 5): the store over HTTP, with the map page. The server is in src/serve/.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "cli/batch_extract.h"
#include "cli/registry.h"
#include "serve/api.h"
#include "serve/server.h"

namespace sitrep::cli {
namespace {

namespace fs = std::filesystem;

struct ServeArgs {
  std::string db, host = "127.0.0.1", token, web, data;
  int port = 8080;
  int threads = 0;
  int cache = 2048;
  int time_limit_ms = 10000;
  size_t max_body = 8u << 20;
  bool log = false;
};

// The page's folder: the flag, then $SITREP_WEB, then ./web, then the source tree's web/ (beside data/).
std::string FindWebDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("SITREP_WEB"); env && *env) return env;
  std::error_code ec;
  if (fs::exists("web/index.html", ec)) return "web";
  return (fs::path(FindDataDir("")).parent_path() / "web").string();
}

int RunServe(const ServeArgs& args) {
  if (args.port < 0 || args.port > 65535) {
    fmt::print(stderr, "sitrep serve: --port takes 0 to 65535, got {}\n", args.port);
    return 2;
  }
  serve::ApiOptions o;
  o.db = args.db;
  o.token = args.token;
  if (o.token.empty())
    if (const char* env = std::getenv("SITREP_TOKEN"); env && *env) o.token = env;
  o.web_dir = FindWebDir(args.web);
  o.cache_entries = args.cache;
  o.time_limit_ms = args.time_limit_ms;
  // The npm packages the page uses sit in node_modules/ beside web/ (scripts/setup.sh installs them).
  o.node_modules = (fs::path(o.web_dir).parent_path() / "node_modules").string();
  if (o.web_dir == "web") o.node_modules = "node_modules";
  std::unique_ptr<Extractor> extractor;
  if (!o.token.empty()) {
    extractor = CreateExtractorOrReport(args.data, "");
    if (!extractor) return 2;
  }
  serve::Api api(o, extractor.get());
  if (Status st = api.Open(); !st.ok()) {
    fmt::print(stderr, "sitrep serve: {}\n", st.message());
    return 1;
  }
  serve::ServerOptions so;
  so.host = args.host;
  so.port = args.port;
  so.threads = args.threads;
  so.max_body_bytes = args.max_body;
  so.log = args.log;
  serve::Server server(&api, so);
  // SIGINT/SIGTERM stop the server from a thread of their own; SIGPIPE (a client gone mid-response) is ignored.
  ::signal(SIGPIPE, SIG_IGN);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  if (Status st = server.Bind(); !st.ok()) {
    fmt::print(stderr, "sitrep serve: {}\n", st.message());
    return 1;
  }
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.Stop();
  });
  fmt::print(stderr, "sitrep serve: {} on http://{}:{}/ ({}; page from {})\n", args.db, args.host, server.port(),
             o.token.empty() ? "read-only" : "ingest with the token", o.web_dir);
  server.Run();
  // Stopped by a signal: the waiter has returned. Stopped otherwise: wake it.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  fmt::print(stderr, "sitrep serve: stopped\n");
  return 0;
}

}  // namespace

void AddServeCommands(CLI::App& app, CommandList* out) {
  auto a = std::make_shared<ServeArgs>();
  auto* serve = app.add_subcommand("serve", "Serve the store over HTTP: a JSON API and the map page");
  serve->add_option("--db", a->db, "SQLite database (from sitrep ingest)")->required();
  serve->add_option("--port", a->port, "TCP port (0: any free port)")->capture_default_str();
  serve->add_option("--host", a->host, "Address to listen on (0.0.0.0: every interface)")->capture_default_str();
  serve->add_option("--token", a->token,
                    "Allow POST /api/ingest with this token (or $SITREP_TOKEN); without it the server is read-only");
  serve->add_option("--web", a->web, "Folder of the page (default: $SITREP_WEB, ./web, or the source tree's web/)");
  serve->add_option("--data", a->data, "Data folder holding lexicon/ (for ingest)");
  serve->add_option("--threads", a->threads, "Connections served at once (default 32)");
  serve->add_option("--max-body", a->max_body, "Largest request body in bytes")->capture_default_str();
  serve->add_option("--cache", a->cache, "API responses kept (for 2 s, or until an ingest); 0: no cache")
      ->capture_default_str();
  serve->add_option("--time-limit", a->time_limit_ms,
                    "Milliseconds a request's queries may take before it is answered 503 (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  serve->add_flag("--log", a->log, "One line per request on stderr");
  out->push_back({serve, [a] { return RunServe(*a); }});
}

}  // namespace sitrep::cli
