// Filtered queries over a large store (issue 4: "a filtered query over 1,000,000 events answers in under 50 ms"),
// in the library (Store::QueryEvents), without process start-up. The store is made by scripts/bench_query.py
// (synthetic: 1M events, 20,000 places, 500 actors, one claim per event) at $SITREP_BENCH_DB (default
// /tmp/sitrep-1m.db), or any store, SQLite path or postgresql:// URL; skipped with a message when it is absent.
//   python3 scripts/bench_query.py build/tools/sitrep /tmp/sitrep-1m.db && build/bench/sitrep_store_bench
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/store.h"

namespace {

std::string DbPath() {
  const char* e = std::getenv("SITREP_BENCH_DB");
  return e ? e : "/tmp/sitrep-1m.db";
}

void RunQuery(benchmark::State& state, sitrep::store::EventFilter filter) {
  const std::string path = DbPath();
  if (!sitrep::store::IsPostgresUrl(path) && !std::filesystem::exists(path)) {
    state.SkipWithError(("no store at " + path + " (make one with scripts/bench_query.py)").c_str());
    return;
  }
  sitrep::store::OpenOptions o;
  o.read_only = true;
  auto db = sitrep::store::Store::Open(path, o);
  if (!db.ok()) {
    state.SkipWithError(db.status().message().c_str());
    return;
  }
  std::vector<sitrep::store::EventInfo> out;
  size_t rows = 0;
  for (auto _ : state) {
    if (!db.value()->QueryEvents(filter, &out).ok()) {
      state.SkipWithError("query failed");
      return;
    }
    rows = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["events"] = static_cast<double>(rows);
  state.counters["queries/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

sitrep::store::EventFilter F(std::string place, std::string actor, std::string type, std::string from, std::string to,
                             std::string country = "", std::string source = "", double radius = 0, double conf = 0) {
  sitrep::store::EventFilter f;
  f.place = std::move(place);
  f.actor = std::move(actor);
  f.type = std::move(type);
  f.from = std::move(from);
  f.to = std::move(to);
  f.country = std::move(country);
  f.source = std::move(source);
  f.radius_km = radius;
  f.min_confidence = conf;
  return f;
}

}  // namespace

BENCHMARK_CAPTURE(RunQuery, place, F("Place 123", "", "", "", ""))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RunQuery, place_300km_3y, F("Place 123", "", "", "2010-01-01", "2012-12-31", "", "", 300))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RunQuery, actor_year, F("", "Actor 42", "", "2016-01-01", "2016-12-31"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RunQuery, subtype_month, F("", "", "Air/drone strike", "2016-12-01", "2016-12-31"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RunQuery, source_week, F("", "", "", "2016-12-01", "2016-12-07", "", "SANA"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RunQuery, country_conf_month, F("", "", "", "2016-06-01", "2016-06-30", "SY", "", 0, 0.8))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RunQuery, date_day, F("", "", "", "2016-12-05", "2016-12-05"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RunQuery, date_week, F("", "", "", "2016-12-01", "2016-12-07"))->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
