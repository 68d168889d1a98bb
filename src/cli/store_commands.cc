// `sitrep ingest`, `query`, `event`, `control` (issue 4): the store and the situation picture.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <thread>

#include "cli/batch_extract.h"
#include "cli/registry.h"
#include "fuse/fuse.h"
#include "io/input_reader.h"
#include "io/json_writer.h"
#include "io/output_formats.h"
#include "io/progress.h"
#include "serve/event_json.h"
#include "sitrep/extract.h"
#include "store/store.h"
#include "time/civil_date.h"

namespace sitrep::cli {
namespace {


bool ValidDate(const std::string& d) {
  return d.empty() || (d.size() == 10 && timeutil::ParseIsoDate(d) != timeutil::kUnknownDay);
}

// ---------------------------------------------------------------------------------------------- ingest

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string db, date, data;
  int jobs = 0;
  bool commit_each = false;
};

int RunIngest(const IngestArgs& args) {
  if (!ValidDate(args.date)) {
    fmt::print(stderr, "sitrep ingest: --date must be YYYY-MM-DD, got '{}'\n", args.date);
    return 2;
  }
  auto opened = store::Store::Open(args.db);
  if (!opened.ok()) {
    fmt::print(stderr, "sitrep ingest: {}\n", opened.status().message());
    return 1;
  }
  store::Store& db = *opened.value();
  std::unique_ptr<Extractor> extractor = CreateExtractorOrReport(args.data, args.date);
  if (!extractor) return 2;
  std::vector<std::string> inputs = args.inputs.empty() ? std::vector<std::string>{"-"} : args.inputs;
  io::InputReader reader(inputs);
  BatchExtractor batch_extractor(*extractor, args.jobs);

  io::Progress progress("ingest", reader.TotalBytes());
  uint64_t articles = 0, bytes = 0, stored = 0, skipped = 0, claims = 0, new_events = 0, fused = 0, places = 0;
  std::vector<std::string> failures;
  std::vector<io::InputError> errors;
  constexpr size_t kBatch = 256;
  // A pipeline of two batches: while the store writes batch k (one thread), the extractor threads work on batch
  // k+1. Storage order, and so every id, is the input order whatever the thread count.
  struct Batch {
    std::vector<io::InputArticle> articles;
    std::vector<std::string> hashes;
    std::vector<char> known;
    std::vector<ArticleResult> results;
  };
  Batch batches[2];
  bool more = true;
  Status fatal;
  // Reads the next batch and marks the articles already stored (they are not extracted again).
  auto read_batch = [&](Batch* b) {
    b->articles.clear();
    io::InputArticle a;
    while (b->articles.size() < kBatch && (more = reader.Next(&a, &errors))) b->articles.push_back(std::move(a));
    for (const auto& e : errors) {
      fmt::print(stderr, "sitrep: {}: {}\n", e.origin, e.message);
      if (e.failed) failures.push_back(e.origin);
    }
    errors.clear();
    b->hashes.resize(b->articles.size());
    for (size_t i = 0; i < b->articles.size(); ++i) {
      const auto& art = b->articles[i];
      b->hashes[i] = store::ContentHash(art.text, args.date.empty() ? art.published : args.date);
    }
    if (Status st = db.HasDocuments(b->hashes, &b->known); !st.ok()) fatal = st;
  };
  auto store_batch = [&](Batch& b) {
    // Each article is atomic (a savepoint); the batch becomes durable in one commit (--commit-each: one commit
    // per article).
    if (!args.commit_each) {
      if (Status st = db.BeginBatch(); !st.ok()) {
        fatal = st;
        return;
      }
      std::vector<const ArticleResult*> fresh(b.articles.size());
      for (size_t i = 0; i < fresh.size(); ++i) fresh[i] = b.known[i] ? nullptr : &b.results[i];
      if (Status st = db.PrepareDocuments(fresh, b.hashes); !st.ok()) {
        fatal = st;
        db.CommitBatch();
        return;
      }
    }
    uint64_t p_stored = 0, p_claims = 0, p_new = 0, p_fused = 0, p_places = 0, p_articles = 0, p_bytes = 0,
             p_skipped = 0;
    for (size_t i = 0; i < b.articles.size(); ++i) {
      if (b.known[i]) {
        ++p_articles;
        p_bytes += b.articles[i].bytes;
        ++p_skipped;
        continue;
      }
      store::IngestResult r;
      Status st = db.Ingest(b.results[i], b.hashes[i], &r);
      if (!st.ok()) {
        fatal = Status::IoError(b.articles[i].origin + ": " + st.message());
        break;
      }
      ++p_articles;
      p_bytes += b.articles[i].bytes;
      if (r.stored) {
        ++p_stored;
        p_claims += static_cast<uint64_t>(r.claims);
        p_new += static_cast<uint64_t>(r.new_events);
        p_fused += static_cast<uint64_t>(r.fused);
        p_places += static_cast<uint64_t>(r.new_places);
      } else {
        ++p_skipped;  // the same article twice in this run
      }
      if (args.commit_each) {
        stored += p_stored, claims += p_claims, new_events += p_new, fused += p_fused, places += p_places;
        p_stored = p_claims = p_new = p_fused = p_places = 0;
      }
    }
    if (Status st = db.CommitBatch(); !st.ok()) {
      if (fatal.ok()) fatal = st;
      else fatal = Status::IoError(fatal.message() + "; " + st.message());
      p_stored = p_claims = p_new = p_fused = p_places = 0;
    }
    stored += p_stored, claims += p_claims, new_events += p_new, fused += p_fused, places += p_places;
    articles += p_articles, bytes += p_bytes, skipped += p_skipped;
    progress.Update(articles, bytes);
  };
  int cur = 0;
  bool have_prev = false;
  while (fatal.ok() && (more || have_prev)) {
    Batch& next = batches[cur];
    Batch& prev = batches[1 - cur];
    bool have_next = false;
    if (more) {
      read_batch(&next);
      have_next = fatal.ok();
    }
    std::thread extract;
    if (have_next) {
      extract = std::thread([&] { batch_extractor.Run(next.articles, &next.known, &next.results); });
    }
    if (have_prev) store_batch(prev);
    if (extract.joinable()) extract.join();
    have_prev = have_next;
    cur = 1 - cur;
  }
  progress.Finish();
  if (!fatal.ok()) {
    fmt::print(stderr, "sitrep ingest: {}\n", fatal.message());
    fmt::print(stderr, "sitrep ingest: stopped; the {} articles stored before are kept (run again to go on)\n",
               stored);
  }
  fmt::print(stderr,
             "sitrep ingest: {} articles ({} stored, {} already in the store), {} events ({} new, {} fused into "
             "existing events), {} new places, {} failed\n",
             articles, stored, skipped, claims, new_events, fused, places, failures.size());
  for (const auto& f : failures) fmt::print(stderr, "  failed: {}\n", f);
  return (!fatal.ok() || !failures.empty()) ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------- output helpers

std::string PlaceLabel(const store::EventInfo& e) {
  if (!e.place) return "";
  const auto& p = *e.place;
  std::string s = p.name.empty() ? p.text : p.name;
  if (!p.country.empty()) s += " [" + p.country + "]";
  return s;
}

std::string KilledRange(const store::EventInfo& e) {
  if (!e.killed_min) return "";
  if (*e.killed_min == *e.killed_max) return std::to_string(*e.killed_min);
  return std::to_string(*e.killed_min) + "-" + std::to_string(*e.killed_max);
}

// "24 (Syrian Observatory), 12 (SANA)": every claim that gives a number, never averaged.
std::string WhoSaysKilled(const store::EventInfo& e) {
  std::string out;
  std::vector<std::string> seen;
  for (const auto& c : e.claims) {
    if (!c.killed) continue;
    std::string item = std::to_string(*c.killed) + " (" + c.Says() + ")";
    if (std::find(seen.begin(), seen.end(), item) != seen.end()) continue;
    seen.push_back(item);
    out += (out.empty() ? "" : ", ") + item;
  }
  return out;
}

// An ArticleResult holding the event's first claim, for the ACLED layout of io::AppendCsvRows.
void AppendAcledRow(const store::EventInfo& e, std::string* out) {
  ArticleResult r;
  Event ev;
  ev.id = std::to_string(e.id);
  ev.acled = e.acled;
  ev.acled_sub = e.acled_sub;
  ev.plover = e.plover;
  ev.cameo = e.cameo;
  auto actor = [](const std::string& name, const std::string& kind) {
    ActorRef a;
    a.text = a.name = name;
    a.kind = kind;
    return a;
  };
  if (!e.actor1.empty()) ev.actor1 = actor(e.actor1, e.actor1_kind);
  if (!e.actor2.empty()) ev.actor2 = actor(e.actor2, e.actor2_kind);
  if (e.place) {
    PlaceRef p;
    p.text = e.place->text;
    p.name = e.place->name;
    p.admin1 = e.place->admin1;
    p.country = e.place->country;
    p.lat = e.place->lat;
    p.lon = e.place->lon;
    p.precision = e.place->precision;
    ev.location = p;
  }
  ev.date.start = e.date_start;
  ev.date.end = e.date_end;
  ev.date.precision = e.date_start == e.date_end ? "day" : "week";
  // Fatalities: ACLED codes the most conservative figure; every source's figure goes to the notes.
  if (e.killed_min) {
    Count k;
    k.what = "killed";
    k.n = *e.killed_min;
    ev.counts.push_back(k);
  }
  std::string sources, notes;
  for (const auto& c : e.claims) {
    std::string says = c.Says();
    if (sources.find(says) == std::string::npos) sources += (sources.empty() ? "" : "; ") + says;
    if (notes.empty()) notes = c.evidence;
  }
  std::string who = WhoSaysKilled(e);
  if (!who.empty()) notes += " [killed: " + who + "]";
  ev.source = SourceRef();
  ev.source->text = ev.source->name = sources;
  r.text = notes;
  ev.span_begin = 0;
  ev.span_end = static_cast<uint32_t>(notes.size());
  r.events.push_back(std::move(ev));
  io::AppendCsvRows(io::OutputFormat::kAcled, r, out);
}

// One fused event as a PLOVER JSON Lines record (openeventdata/PLOVER data model; the fields of
// /work/shared/spec/ONTOLOGIES.md): event_type and mode from PLOVER, context from ACLED and CAMEO, actors with
// type and country, location, fatalities as the range over the claims with every source's figure, and the
// sources and evidence sentences.
void AppendPloverLine(const store::EventInfo& e, std::string* out) {
  io::JsonWriter w(out);
  w.BeginObject();
  w.Key("id").String("sitrep-" + std::to_string(e.id));
  w.Key("date").StringOrNull(e.date_start);
  w.Key("date_end").StringOrNull(e.date_end);
  w.Key("event_type").StringOrNull(e.plover);
  std::string mode;
  for (const auto& c : e.claims)
    if (mode.empty()) mode = c.mode;
  w.Key("mode").StringOrNull(mode);
  w.Key("context").BeginArray();
  if (!e.acled.empty()) w.String("acled:" + e.acled);
  if (!e.acled_sub.empty()) w.String("acled_sub:" + e.acled_sub);
  if (!e.cameo.empty()) w.String("cameo:" + e.cameo);
  w.EndArray();
  std::string a1_country, a2_country;
  for (const auto& c : e.claims) {
    if (a1_country.empty() && c.actor1 == e.actor1) a1_country = c.actor1_country;
    if (a2_country.empty() && c.actor2 == e.actor2) a2_country = c.actor2_country;
  }
  w.Key("actor1").StringOrNull(e.actor1).Key("actor1_type").StringOrNull(e.actor1_kind);
  w.Key("actor1_country").StringOrNull(a1_country);
  w.Key("actor2").StringOrNull(e.actor2).Key("actor2_type").StringOrNull(e.actor2_kind);
  w.Key("actor2_country").StringOrNull(a2_country);
  w.Key("location");
  if (e.place) {
    w.BeginObject().Key("placename").String(e.place->name.empty() ? e.place->text : e.place->name);
    w.Key("admin1").StringOrNull(e.place->admin1).Key("country").StringOrNull(e.place->country);
    w.Key("lat");
    e.lat ? w.Double(*e.lat, 5) : w.Null();
    w.Key("lon");
    e.lon ? w.Double(*e.lon, 5) : w.Null();
    w.Key("precision").StringOrNull(e.place->precision).EndObject();
  } else {
    w.Null();
  }
  w.Key("fatalities");
  if (e.killed_min) {
    w.BeginObject().Key("min").Int(*e.killed_min).Key("max").Int(*e.killed_max).Key("by_source").BeginArray();
    for (const auto& c : e.claims)
      if (c.killed) w.BeginObject().Key("n").Int(*c.killed).Key("source").String(c.Says()).EndObject();
    w.EndArray().EndObject();
  } else {
    w.Null();
  }
  w.Key("confidence").Double(e.confidence, 2);
  w.Key("claims").Int(e.claim_count);
  w.Key("sources").BeginArray();
  std::vector<std::string> seen;
  for (const auto& c : e.claims) {
    std::string says = c.Says();
    if (std::find(seen.begin(), seen.end(), says) != seen.end()) continue;
    seen.push_back(says);
    w.String(says);
  }
  w.EndArray();
  w.Key("text").BeginArray();
  for (const auto& c : e.claims) {
    w.BeginObject().Key("doc").String(c.document).Key("published").StringOrNull(c.published);
    w.Key("url").StringOrNull(c.url).Key("sentence").String(c.evidence).EndObject();
  }
  w.EndArray();
  w.EndObject();
  *out += "\n";
}

std::string Fit(std::string s, size_t width) {
  // Byte-based cut at a UTF-8 boundary.
  if (s.size() <= width) return s + std::string(width - s.size(), ' ');
  size_t cut = width - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  s += "~";
  return s + std::string(width > s.size() ? width - s.size() : 0, ' ');
}

// ---------------------------------------------------------------------------------------------- query

struct QueryArgs {
  std::string db, format = "table", radius;
  store::EventFilter filter;
  int64_t limit = -1;
};

Result<std::unique_ptr<store::Store>> OpenForReading(const std::string& path) {
  store::OpenOptions o;
  o.read_only = true;
  return store::Store::Open(path, o);
}

int RunQuery(QueryArgs args) {
  const std::string& fmt_name = args.format;
  if (fmt_name != "table" && fmt_name != "json" && fmt_name != "csv" && fmt_name != "geojson" && fmt_name != "acled" &&
      fmt_name != "plover") {
    fmt::print(stderr, "sitrep query: unknown --format '{}' (table, json, csv, geojson, acled, plover)\n", fmt_name);
    return 2;
  }
  if (!ValidDate(args.filter.from) || !ValidDate(args.filter.to)) {
    fmt::print(stderr, "sitrep query: --from and --to take YYYY-MM-DD\n");
    return 2;
  }
  if (!args.radius.empty()) {
    char* end = nullptr;
    double km = std::strtod(args.radius.c_str(), &end);
    std::string unit = end ? end : "";
    if (unit == "m") km /= 1000;
    else if (!(unit.empty() || unit == "km")) km = -1;
    if (!(km > 0)) {
      fmt::print(stderr, "sitrep query: --radius takes a distance such as 30km, got '{}'\n", args.radius);
      return 2;
    }
    if (args.filter.place.empty()) {
      fmt::print(stderr, "sitrep query: --radius needs --place\n");
      return 2;
    }
    args.filter.radius_km = km;
  }
  auto opened = OpenForReading(args.db);
  if (!opened.ok()) {
    fmt::print(stderr, "sitrep query: {}\n", opened.status().message());
    return 1;
  }
  store::Store& db = *opened.value();
  const bool table = fmt_name == "table";
  int64_t limit = args.limit >= 0 ? args.limit : (table ? 100 : 0);
  args.filter.limit = limit > 0 ? limit + 1 : 0;
  args.filter.newest_first = table;
  std::vector<store::EventInfo> events;
  if (Status st = db.QueryEvents(args.filter, &events); !st.ok()) {
    fmt::print(stderr, "sitrep query: {}\n", st.message());
    return 1;
  }
  bool more = limit > 0 && static_cast<int64_t>(events.size()) > limit;
  if (more) events.resize(static_cast<size_t>(limit));
  const bool need_claims = fmt_name != "geojson";
  for (auto& e : events) {
    if (!need_claims ||
        (e.claim_count == 1 && !e.killed_min && fmt_name != "acled" && fmt_name != "json" && fmt_name != "plover"))
      continue;
    if (Status st = db.LoadClaims(&e); !st.ok()) {
      fmt::print(stderr, "sitrep query: {}\n", st.message());
      return 1;
    }
  }
  std::string out;
  if (table) {
    out += fmt::format("{:>7}  {:<10}  {:<22}  {:<34}  {:<40}  {:<30}  {}\n", "ID", "DATE", "PLACE", "TYPE", "ACTORS",
                       "KILLED (WHO SAYS)", "SOURCES");
    for (const auto& e : events) {
      std::string type = !e.acled_sub.empty() ? e.acled_sub : !e.plover.empty() ? e.plover : e.family;
      std::string actors = e.actor1.empty() ? "-" : e.actor1;
      if (!e.actor2.empty()) actors += " > " + e.actor2;
      std::string killed = KilledRange(e);
      if (!killed.empty() && e.claim_count > 1) killed += ": " + WhoSaysKilled(e);
      out += fmt::format("{:>7}  {:<10}  {}  {}  {}  {}  {}\n", e.id, e.date_start.empty() ? "?" : e.date_start,
                         Fit(PlaceLabel(e), 22), Fit(type, 34), Fit(actors, 40), Fit(killed, 30), e.source_count);
    }
    if (events.empty()) out += "(no events match)\n";
    if (more) out += fmt::format("(first {} shown; --limit 0 for all)\n", limit);
  } else if (fmt_name == "json") {
    io::JsonWriter w(&out);
    w.BeginObject().Key("events").BeginArray();
    for (const auto& e : events) serve::WriteEvent(w, e, serve::JsonStyle::kCli, /*with_claims=*/false);
    w.EndArray();
    w.Key("more").Bool(more);
    w.EndObject();
    out += "\n";
  } else if (fmt_name == "csv") {
    out += "id,date_start,date_end,acled,acled_sub,plover,place,country,latitude,longitude,actor1,actor2,"
           "killed_min,killed_max,killed_by_source,claims,sources,confidence\n";
    for (const auto& e : events) {
      auto f = [&](std::string_view v, bool last = false) {
        io::AppendCsvField(v, &out);
        out += last ? '\n' : ',';
      };
      f(std::to_string(e.id));
      f(e.date_start);
      f(e.date_end);
      f(e.acled);
      f(e.acled_sub);
      f(e.plover);
      f(PlaceLabel(e));
      f(e.country);
      f(e.lat ? fmt::format("{:.5f}", *e.lat) : "");
      f(e.lon ? fmt::format("{:.5f}", *e.lon) : "");
      f(e.actor1);
      f(e.actor2);
      f(e.killed_min ? std::to_string(*e.killed_min) : "");
      f(e.killed_max ? std::to_string(*e.killed_max) : "");
      f(WhoSaysKilled(e));
      f(std::to_string(e.claim_count));
      f(std::to_string(e.source_count));
      f(fmt::format("{:.2f}", e.confidence), true);
    }
  } else if (fmt_name == "geojson") {
    io::JsonWriter w(&out);
    w.BeginObject().Key("type").String("FeatureCollection").Key("features").BeginArray();
    for (const auto& e : events) {
      w.BeginObject().Key("type").String("Feature").Key("geometry");
      if (e.lat && e.lon) {
        w.BeginObject().Key("type").String("Point").Key("coordinates").BeginArray().Double(*e.lon, 5);
        w.Double(*e.lat, 5).EndArray().EndObject();
      } else {
        w.Null();
      }
      w.Key("properties");
      serve::WriteEvent(w, e, serve::JsonStyle::kCli, /*with_claims=*/false);
      w.EndObject();
    }
    w.EndArray().EndObject();
    out += "\n";
  } else if (fmt_name == "plover") {
    for (const auto& e : events) AppendPloverLine(e, &out);
  } else {
    io::AppendCsvHeader(io::OutputFormat::kAcled, &out);
    for (const auto& e : events) AppendAcledRow(e, &out);
  }
  if (!WriteStdout(out)) {
    fmt::print(stderr, "sitrep query: cannot write to stdout: {}\n", std::strerror(errno));
    return 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------- event

int RunEvent(const std::string& db_path, int64_t id, const std::string& format) {
  if (format != "text" && format != "json") {
    fmt::print(stderr, "sitrep event: unknown --format '{}' (text, json)\n", format);
    return 2;
  }
  auto opened = OpenForReading(db_path);
  if (!opened.ok()) {
    fmt::print(stderr, "sitrep event: {}\n", opened.status().message());
    return 1;
  }
  store::EventInfo e;
  if (Status st = opened.value()->GetEvent(id, &e); !st.ok()) {
    fmt::print(stderr, "sitrep event: {}\n", st.message());
    return 1;
  }
  std::string out;
  if (format == "json") {
    io::JsonWriter w(&out);
    serve::WriteEvent(w, e, serve::JsonStyle::kCli, /*with_claims=*/true);
    out += "\n";
  } else {
    std::string type = e.acled.empty() ? e.family : e.acled + " / " + e.acled_sub;
    if (!e.plover.empty()) type += " (" + e.plover + ")";
    out += fmt::format("Event {}: {}\n", e.id, type);
    out += fmt::format("  where:  {}\n", e.place ? PlaceLabel(e) : "unknown");
    out += fmt::format("  when:   {}{}\n", e.date_start.empty() ? "unknown" : e.date_start,
                       e.date_end != e.date_start && !e.date_end.empty() ? " to " + e.date_end : "");
    out += fmt::format("  actors: {}{}\n", e.actor1.empty() ? "-" : e.actor1, e.actor2.empty() ? "" : " > " + e.actor2);
    if (e.killed_min)
      out += fmt::format("  killed: {} ({})\n", KilledRange(e), WhoSaysKilled(e));
    out += fmt::format("  {} claims from {} sources, confidence {:.2f}\n", e.claim_count, e.source_count, e.confidence);
    for (const auto& c : e.claims) {
      out += fmt::format("\n  claim {} — {} says ({}{}), confidence {:.2f}\n", c.id, c.Says(), c.modality,
                         c.negated ? ", negated" : "", c.confidence);
      out += fmt::format("    document: {}{}{}\n", c.document, c.doc_title.empty() ? "" : " \"" + c.doc_title + "\"",
                         c.published.empty() ? "" : " (" + c.published + ")");
      out += fmt::format("    trigger \"{}\"; {}{}\n", c.trigger, c.acled_sub.empty() ? c.plover : c.acled_sub,
                         c.date_start.empty() ? "" : "; date " + c.date_start);
      for (const auto& n : c.counts)
        out += fmt::format("    {} {}{}{}\n", n.what, n.approx ? "~" : "", n.n, n.of.empty() ? "" : " " + n.of);
      out += fmt::format("    evidence (sentence {}): {}\n", c.sentence, c.evidence);
      out += fmt::format("    linked: {}{}\n", c.link_rule,
                         c.link_detail.empty() ? "" : " — " + c.link_detail);
    }
  }
  if (!WriteStdout(out)) return 1;
  return 0;
}

// ---------------------------------------------------------------------------------------------- control

int RunControl(const std::string& db_path, const std::string& place, const std::string& on, std::string format) {
  if (format.empty()) format = "json";
  if (format != "text" && format != "json") {
    fmt::print(stderr, "sitrep control: unknown --format '{}' (json, text)\n", format);
    return 2;
  }
  if (!ValidDate(on)) {
    fmt::print(stderr, "sitrep control: --on takes YYYY-MM-DD, got '{}'\n", on);
    return 2;
  }
  auto opened = OpenForReading(db_path);
  if (!opened.ok()) {
    fmt::print(stderr, "sitrep control: {}\n", opened.status().message());
    return 1;
  }
  store::Store& db = *opened.value();
  std::vector<store::PlaceInfo> places;
  if (Status st = db.FindPlaces(place, &places); !st.ok()) {
    fmt::print(stderr, "sitrep control: {}\n", st.message());
    return 1;
  }
  if (places.empty()) {
    fmt::print(stderr, "sitrep control: no place '{}' in {}\n", place, db_path);
    return 1;
  }
  if (places.size() > 1) {
    std::string others;
    for (size_t i = 1; i < places.size(); ++i) others += fmt::format(" #{} ({})", places[i].id, places[i].key);
    fmt::print(stderr, "sitrep control: '{}' names {} places; showing #{} ({}); others:{}\n", place, places.size(),
               places[0].id, places[0].key, others);
  }
  const store::PlaceInfo& p = places[0];
  std::vector<fuse::TerritoryClaim> claims;
  if (Status st = db.TerritoryClaims({p.id}, &claims); !st.ok()) {
    fmt::print(stderr, "sitrep control: {}\n", st.message());
    return 1;
  }
  std::vector<fuse::Change> changes = fuse::BuildTimeline(claims);
  const fuse::Change* now = on.empty() ? (changes.empty() ? nullptr : &changes.back()) : fuse::ChangeOn(changes, on);
  std::string out;
  if (format == "json") {
    io::JsonWriter w(&out);
    serve::WriteControl(w, p, on, changes, now, serve::JsonStyle::kCli);
    out += "\n";
  } else {
    std::string name = p.name.empty() ? p.text : p.name;
    if (now)
      out += fmt::format("{}{}: held by {} since {}\n", name, on.empty() ? "" : " on " + on,
                         now->holder ? now->holder->name : "nobody (vacated)", now->date);
    else
      out += fmt::format("{}{}: no known holder\n", name, on.empty() ? "" : " on " + on);
    for (const auto& c : changes) {
      out += fmt::format("\n  {}{}  {}{}\n", c.date, c.date_end != c.date ? ".." + c.date_end : "",
                         c.holder ? c.holder->name : "nobody (vacated)", c.contested ? "  [contested]" : "");
      for (const auto& r : c.claims)
        out += fmt::format("    {}  {} — {} (event {}, {}): {}\n", r.claim->date_start, r.reading, r.claim->source,
                           r.claim->event_id, r.claim->modality, r.claim->evidence);
    }
  }
  if (!WriteStdout(out)) return 1;
  return 0;
}

}  // namespace

void AddStoreCommands(CLI::App& app, CommandList* out) {
  auto ingest_args = std::make_shared<IngestArgs>();
  auto* ingest = app.add_subcommand("ingest", "Extract articles and store their events (fused) in a database");
  ingest->add_option("inputs", ingest_args->inputs, "Files (.txt, .jsonl), folders, or - for stdin");
  ingest->add_option("--db", ingest_args->db, "SQLite database file (created when missing) or postgresql:// URL")->required();
  ingest->add_option("--date", ingest_args->date, "Publication date YYYY-MM-DD (overrides the article's own)");
  ingest->add_option("--data", ingest_args->data, "Data folder holding lexicon/");
  ingest->add_option("-j,--jobs", ingest_args->jobs, "Extraction threads (default: all cores)");
  ingest->add_flag("--commit-each", ingest_args->commit_each,
                   "Commit after every article (slower; default: each article atomic, committed in groups of 256)");
  out->push_back({ingest, [ingest_args] { return RunIngest(*ingest_args); }});

  auto q = std::make_shared<QueryArgs>();
  auto* query = app.add_subcommand("query", "List stored events matching filters");
  query->add_option("--db", q->db, "Database")->required();
  query->add_option("--place", q->filter.place, "Place name, gazetteer id or #ID");
  query->add_option("--radius", q->radius, "With --place: also events within this distance (e.g. 30km)");
  query->add_option("--country", q->filter.country, "ISO 3166-1 alpha-2 code");
  query->add_option("--admin1", q->filter.admin1, "First-level region");
  query->add_option("--actor", q->filter.actor, "Actor name (or part of it)");
  query->add_option("--type", q->filter.type, "ACLED type or sub-event type, or PLOVER type");
  query->add_option("--from", q->filter.from, "From date YYYY-MM-DD");
  query->add_option("--to", q->filter.to, "To date YYYY-MM-DD");
  query->add_option("--source", q->filter.source, "A source named in the claims, or the outlet");
  query->add_option("--min-confidence", q->filter.min_confidence, "Minimum confidence 0-1");
  query->add_option("--limit", q->limit, "At most this many events (default 100 for the table, else all; 0 = all)");
  query->add_option("--format", q->format, "table | json | csv | geojson | acled | plover (JSON Lines)")->capture_default_str();
  out->push_back({query, [q] { return RunQuery(*q); }});

  auto ev_db = std::make_shared<std::string>();
  auto ev_id = std::make_shared<int64_t>(0);
  auto ev_format = std::make_shared<std::string>("text");
  auto* event = app.add_subcommand("event", "Show one event with every claim, its source and evidence sentence");
  event->add_option("id", *ev_id, "Event id (from sitrep query)")->required();
  event->add_option("--db", *ev_db, "Database")->required();
  event->add_option("--format", *ev_format, "text | json")->capture_default_str();
  out->push_back({event, [ev_db, ev_id, ev_format] { return RunEvent(*ev_db, *ev_id, *ev_format); }});

  struct ControlArgs {
    std::string db, place, on, format = "json";
  };
  auto c = std::make_shared<ControlArgs>();
  auto* control = app.add_subcommand("control", "Who held a place, since when, and according to whom");
  control->add_option("place", c->place, "Place name, gazetteer id or #ID")->required();
  control->add_option("--db", c->db, "Database")->required();
  control->add_option("--on", c->on, "The holder on this date YYYY-MM-DD (default: the latest)");
  control->add_option("--format", c->format, "json | text")->capture_default_str();
  out->push_back({control, [c] { return RunControl(c->db, c->place, c->on, c->format); }});
}

}  // namespace sitrep::cli
