// `sitrep geoparse` and `sitrep geo-eval` (issue 3).
//
//   sitrep geoparse [INPUT...]          one JSON object per article: {"doc": {"id"}, "toponyms": [...]}
//   sitrep geo-eval [SET...]            lgl, gwn, geovirus (default all) from $SHARED/eval/geo/
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "cli/registry.h"
#include "geo/gazetteer.h"
#include "geo/geoparser.h"
#include "io/input_reader.h"
#include "io/json_writer.h"

namespace sitrep::cli {
namespace {

struct GeoArgs {
  std::vector<std::string> inputs;
  std::string data, gazetteer;
  bool pretty = false;
};

Result<std::unique_ptr<geo::Gazetteer>> OpenGazetteer(const std::string& flag, const std::string& data) {
  std::string path = flag.empty() ? geo::Gazetteer::DefaultPath(FindDataDir(data)) : flag;
  return geo::Gazetteer::Open(path);
}

void AppendToponymJson(const geo::GeoparsedToponym& t, std::string_view text, io::JsonWriter* w) {
  const auto& r = t.resolution;
  w->BeginObject();
  w->Key("text").String(t.text);
  w->Key("span").BeginArray().Int(t.toponym.begin).Int(t.toponym.end).EndArray();
  w->Key("name").StringOrNull(r.name);
  w->Key("admin1").StringOrNull(r.admin1);
  w->Key("country").StringOrNull(r.country);
  if (r.resolved) {
    w->Key("lat").Double(r.lat, 5);
    w->Key("lon").Double(r.lon, 5);
  } else {
    w->Key("lat").Null();
    w->Key("lon").Null();
  }
  w->Key("gazetteer_id").StringOrNull(r.gazetteer_id);
  w->Key("precision").StringOrNull(r.precision);
  if (t.toponym.ctx_end > t.toponym.ctx_begin) {
    w->Key("context").String(text.substr(t.toponym.ctx_begin, t.toponym.ctx_end - t.toponym.ctx_begin));
  }
  w->Key("role").String(t.toponym.metonym ? "actor" : t.toponym.demonym ? "demonym" : "place");
  w->EndObject();
}

int RunGeoparse(const GeoArgs& args) {
  auto gaz = OpenGazetteer(args.gazetteer, args.data);
  if (!gaz.ok()) {
    fmt::print(stderr, "sitrep geoparse: {}\n", gaz.status().message());
    return 2;
  }
  std::vector<std::string> inputs = args.inputs.empty() ? std::vector<std::string>{"-"} : args.inputs;
  io::InputReader reader(inputs);
  io::InputArticle a;
  std::vector<io::InputError> errors;
  auto scratch = geo::NewGeoScratch();
  std::vector<geo::GeoparsedToponym> tops;
  std::string out;
  bool failed = false;
  bool more = true;
  while (more) {
    more = reader.Next(&a, &errors);
    for (const auto& e : errors) {
      fmt::print(stderr, "sitrep: {}: {}\n", e.origin, e.message);
      if (e.failed) failed = true;
    }
    errors.clear();
    if (!more) break;
    geo::Geoparse(*gaz.value(), a.text, scratch.get(), &tops);
    io::JsonWriter w(&out);
    w.BeginObject();
    w.Key("doc").BeginObject().Key("id").StringOrNull(a.id.empty() ? a.origin : a.id).EndObject();
    w.Key("toponyms").BeginArray();
    for (const auto& t : tops) AppendToponymJson(t, geo::GeoScratchText(*scratch), &w);
    w.EndArray();
    w.EndObject();
    out.push_back('\n');
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return failed ? 1 : 0;
}

// ---- evaluation on the geoparsing gold sets (formats: shared/eval/README.md)

struct GoldToponym {
  uint32_t begin = 0, end = 0;  // bytes
  std::string phrase;
  bool has_coords = false;
  double lat = 0, lon = 0;
  uint32_t geonameid = 0;
  std::string fcode;  // LGL only
};
struct GoldArticle {
  std::string text;
  std::vector<GoldToponym> toponyms;
  // Spans the set marks as demonyms but gives no toponym record (GeoWebNews): a prediction there is neither
  // right nor wrong.
  std::vector<GoldToponym> neutral;
};

std::string Unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp") out.push_back('&');
    else if (ent == "lt") out.push_back('<');
    else if (ent == "gt") out.push_back('>');
    else if (ent == "quot") out.push_back('"');
    else if (ent == "apos") out.push_back('\'');
    else if (!ent.empty() && ent[0] == '#') {
      char32_t cp = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X')
                        ? static_cast<char32_t>(std::strtoul(std::string(ent.substr(2)).c_str(), nullptr, 16))
                        : static_cast<char32_t>(std::strtoul(std::string(ent.substr(1)).c_str(), nullptr, 10));
      if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
      } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      }
    } else {
      out.append(s.substr(i, semi - i + 1));
    }
    i = semi;
  }
  return out;
}

// The content of the first <tag ...>...</tag> in [from, to) of s, unescaped (CDATA kept as is); "" when absent.
std::string Tag(std::string_view s, std::string_view tag, size_t* pos = nullptr) {
  std::string open = "<" + std::string(tag);
  size_t b = s.find(open);
  while (b != std::string_view::npos && !(s[b + open.size()] == '>' || s[b + open.size()] == ' ' ||
                                          s[b + open.size()] == '/')) {
    b = s.find(open, b + 1);
  }
  if (b == std::string_view::npos) return {};
  size_t gt = s.find('>', b);
  if (gt == std::string_view::npos || s[gt - 1] == '/') return {};
  std::string close = "</" + std::string(tag) + ">";
  size_t e = s.find(close, gt);
  if (e == std::string_view::npos) return {};
  if (pos) *pos = e + close.size();
  std::string_view body = s.substr(gt + 1, e - gt - 1);
  if (body.substr(0, 9) == "<![CDATA[") {
    size_t ce = body.rfind("]]>");
    return std::string(body.substr(9, ce == std::string_view::npos ? std::string_view::npos : ce - 9));
  }
  return Unescape(body);
}
std::string Attr(std::string_view s, std::string_view tag, std::string_view attr) {
  size_t b = s.find("<" + std::string(tag));
  if (b == std::string_view::npos) return {};
  size_t gt = s.find('>', b);
  std::string_view head = s.substr(b, gt - b);
  size_t a = head.find(std::string(attr) + "=\"");
  if (a == std::string_view::npos) return {};
  a += attr.size() + 2;
  return std::string(head.substr(a, head.find('"', a) - a));
}

// Code-point offsets (as the gold sets count) to byte offsets.
std::vector<uint32_t> CodepointToByte(const std::string& text) {
  std::vector<uint32_t> map;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) map.push_back(i);
  }
  map.push_back(static_cast<uint32_t>(text.size()));
  return map;
}

bool LoadGold(const std::string& path, const std::string& set, std::vector<GoldArticle>* out, std::string* err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = path + ": cannot read";
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string all = ss.str();
  std::string_view s(all);
  size_t pos = 0;
  while (true) {
    size_t b = s.find("<article", pos);
    if (b == std::string_view::npos) break;
    size_t e = s.find("</article>", b);
    if (e == std::string_view::npos) break;
    std::string_view art = s.substr(b, e - b);
    pos = e + 10;
    GoldArticle ga;
    ga.text = Tag(art, "text");
    auto cp = CodepointToByte(ga.text);
    auto to_byte = [&](long v) { return v >= 0 && static_cast<size_t>(v) < cp.size() ? cp[v] : cp.back(); };
    const bool gwn = set == "gwn";
    const char* item = set == "geovirus" ? "location" : "toponym";
    size_t tp = art.find(set == "geovirus" ? "<locations" : "<toponyms");
    while (tp != std::string_view::npos) {
      std::string open = std::string("<") + item + ">";
      size_t tb = art.find(open, tp);
      if (tb == std::string_view::npos) break;
      size_t te = art.find(std::string("</") + item + ">", tb);
      if (te == std::string_view::npos) break;
      std::string_view t = art.substr(tb, te - tb);
      tp = te + 1;
      GoldToponym g;
      g.begin = to_byte(std::strtol(Tag(t, "start").c_str(), nullptr, 10));
      g.end = to_byte(std::strtol(Tag(t, "end").c_str(), nullptr, 10));
      g.phrase = Tag(t, gwn ? "extractedName" : set == "geovirus" ? "name" : "phrase");
      std::string lat = Tag(t, gwn ? "latitude" : "lat"), lon = Tag(t, gwn ? "longitude" : "lon");
      if (!lat.empty() && !lon.empty()) {
        g.has_coords = true;
        g.lat = std::strtod(lat.c_str(), nullptr);
        g.lon = std::strtod(lon.c_str(), nullptr);
      }
      if (gwn) {
        g.geonameid = static_cast<uint32_t>(std::strtoul(Tag(t, "geonamesID").c_str(), nullptr, 10));
        if (!g.has_coords) {  // expressions, non-toponyms, demonyms, homonyms: not toponyms here
          if (Tag(t, "type") == "Demonym") ga.neutral.push_back(std::move(g));
          continue;
        }
      } else if (set == "lgl") {
        g.geonameid = static_cast<uint32_t>(std::strtoul(Attr(t, "gaztag", "geonameid").c_str(), nullptr, 10));
        g.fcode = Tag(t, "fcode");
      }
      ga.toponyms.push_back(std::move(g));
    }
    // GeoWebNews lists its toponyms out of text order; containers ("X, Y", "X in Y") and the article's order of
    // mention are read from the text, so the gold is taken in the order the text has it.
    std::stable_sort(ga.toponyms.begin(), ga.toponyms.end(),
                     [](const GoldToponym& x, const GoldToponym& y) { return x.begin < y.begin; });
    out->push_back(std::move(ga));
  }
  if (out->empty()) {
    *err = path + ": no <article> found";
    return false;
  }
  return true;
}

double Km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

// Nearest gazetteer city to a point (to read a gold point's country and admin1 for containment).
class ReverseGeocoder {
 public:
  explicit ReverseGeocoder(const geo::Gazetteer& gaz) : gaz_(gaz) {
    for (uint32_t i = 0; i < gaz.size(); ++i) {
      const auto& p = gaz.place(i);
      if (p.kind != geo::PlaceKind::kCity) continue;
      grid_[Cell(p.lat, p.lon)].push_back(i);
    }
  }
  uint32_t Nearest(double lat, double lon) const {
    uint32_t best = geo::kNone;
    double best_d = 1e18;
    for (int r = 0; r <= 3 && best == geo::kNone; ++r) {
      for (int dy = -r; dy <= r; ++dy) {
        for (int dx = -r; dx <= r; ++dx) {
          auto it = grid_.find(Cell(lat + dy, lon + dx));
          if (it == grid_.end()) continue;
          for (uint32_t i : it->second) {
            const auto& p = gaz_.place(i);
            double d = Km(lat, lon, p.lat, p.lon);
            if (d < best_d) {
              best_d = d;
              best = i;
            }
          }
        }
      }
    }
    return best;
  }

 private:
  static int64_t Cell(double lat, double lon) {
    int64_t y = static_cast<int64_t>(std::floor(lat)), x = static_cast<int64_t>(std::floor(lon));
    return y * 1000 + x;
  }
  const geo::Gazetteer& gaz_;
  std::unordered_map<int64_t, std::vector<uint32_t>> grid_;
};

struct SetScore {
  std::string name;
  size_t articles = 0, gold = 0, predicted = 0, matched = 0;
  // Resolution on gold toponyms (with coordinates).
  size_t resolvable = 0, within161 = 0, unresolved = 0, with_id = 0, exact_id = 0, id161 = 0;
  double auc_sum = 0;
  // End to end: resolution of matched predictions.
  size_t e2e = 0, e2e161 = 0;
  double seconds = 0;  // this thread's CPU time inside Geoparse (recognition + resolution), scoring excluded
};

// Error in km of a resolution against a gold point; country and admin1 answers count as right when the gold point
// lies in them and the gold names a country or division (by id or containment, not centroid distance).
double ErrorKm(const geo::Gazetteer& gaz, const ReverseGeocoder& rg, const GoldToponym& g,
               const geo::PlaceResolution& r) {
  if (!r.resolved) return 20039;
  const auto& p = gaz.place(r.place);
  if (p.kind == geo::PlaceKind::kCountry || p.kind == geo::PlaceKind::kAdmin1) {
    bool gold_is_area = !g.fcode.empty() ? (g.fcode.rfind("PCL", 0) == 0 || g.fcode.rfind("ADM", 0) == 0)
                                         : true;  // sets without feature codes: judged by the name below
    if (g.fcode.empty()) {
      // The gold names an area when the phrase is a country or division name in the gazetteer.
      std::string key;
      geo::Gazetteer::NameKey(g.phrase, &key);
      geo::Posting buf[16];
      size_t n = gaz.Lookup(key, buf, 16);
      gold_is_area = false;
      for (size_t i = 0; i < n; ++i) {
        auto kind = gaz.place(buf[i].place).kind;
        if (kind == geo::PlaceKind::kCountry || kind == geo::PlaceKind::kAdmin1) gold_is_area = true;
      }
    }
    if (gold_is_area) {
      uint32_t near = rg.Nearest(g.lat, g.lon);
      if (near != geo::kNone) {
        const auto& np = gaz.place(near);
        if (p.kind == geo::PlaceKind::kCountry && np.country == p.country) return 0;
        if (p.kind == geo::PlaceKind::kAdmin1 && np.admin1 == r.place) return 0;
      }
    }
  }
  return Km(g.lat, g.lon, r.lat, r.lon);
}

bool SamePhrase(std::string_view a, std::string_view b) {
  std::string ka, kb;
  geo::Gazetteer::NameKey(a, &ka);
  geo::Gazetteer::NameKey(b, &kb);
  return ka == kb;
}

// A one-line view of text around [b, e) for the examples: "…before [name] after…".
std::string Around(std::string_view text, uint32_t b, uint32_t e) {
  const uint32_t from = b > 40 ? b - 40 : 0;
  const uint32_t to = std::min<uint32_t>(static_cast<uint32_t>(text.size()), e + 40);
  std::string out;
  auto put = [&](uint32_t x, uint32_t y) {
    for (uint32_t i = x; i < y && i < text.size(); ++i) out.push_back(text[i] == '\n' ? ' ' : text[i]);
  };
  put(from, b);
  out += '[';
  put(b, e);
  out += ']';
  put(e, to);
  return out;
}

SetScore EvalSet(const geo::Gazetteer& gaz, const ReverseGeocoder& rg, const std::string& name,
                 const std::vector<GoldArticle>& arts, int examples, const std::string& show) {
  SetScore sc;
  sc.name = name;
  auto scratch = geo::NewGeoScratch();
  std::vector<geo::GeoparsedToponym> pred;
  std::vector<geo::PlaceQuery> queries;
  std::vector<geo::PlaceResolution> res;
  const double kMax = std::log(20039.0);
  int shown = 0, shown_fn = 0, shown_fp = 0;
  const bool show_res = show == "all" || show == "res", show_fn = show == "all" || show == "fn",
             show_fp = show == "all" || show == "fp";
  // The speed column is the geoparser's own: thread CPU time around Geoparse only, so that neither the scoring
  // below nor other processes on a shared machine count against it.
  auto cpu_now = [] {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  };
  // SITREP_GEO_DEBUG=N prints every gold toponym of article N (0-based) with its resolution.
  const char* debug_env = std::getenv("SITREP_GEO_DEBUG");
  const long debug_article = debug_env != nullptr ? std::strtol(debug_env, nullptr, 10) : -1;
  for (const GoldArticle& a : arts) {
    ++sc.articles;
    // Recognition and end-to-end resolution.
    const double c0 = cpu_now();
    geo::Geoparse(gaz, a.text, scratch.get(), &pred);
    sc.seconds += cpu_now() - c0;
    sc.predicted += pred.size();
    sc.gold += a.toponyms.size();
    std::vector<bool> used(pred.size(), false);
    for (const GoldToponym& g : a.toponyms) {
      double gm = (g.begin + g.end) / 2.0;
      bool hit = false;
      for (size_t i = 0; i < pred.size(); ++i) {
        if (used[i]) continue;
        double pm = (pred[i].toponym.begin + pred[i].toponym.end) / 2.0;
        if (std::fabs(pm - gm) > 10 || !SamePhrase(pred[i].text, g.phrase)) continue;
        used[i] = true;
        hit = true;
        ++sc.matched;
        if (g.has_coords) {
          ++sc.e2e;
          if (ErrorKm(gaz, rg, g, pred[i].resolution) <= 161) ++sc.e2e161;
        }
        break;
      }
      if (show_fn && !hit && shown_fn < examples) {
        ++shown_fn;
        fmt::print(stderr, "  {} missed: {}\n", name, Around(a.text, g.begin, g.end));
      }
    }
    for (size_t i = 0; i < pred.size(); ++i) {
      if (used[i]) continue;
      const double pm = (pred[i].toponym.begin + pred[i].toponym.end) / 2.0;
      for (const GoldToponym& g : a.neutral) {
        if (std::fabs(pm - (g.begin + g.end) / 2.0) <= 10 && SamePhrase(pred[i].text, g.phrase)) {
          used[i] = true;
          --sc.predicted;
          break;
        }
      }
    }
    for (size_t i = 0; i < pred.size() && show_fp; ++i) {
      if (used[i] || shown_fp >= examples) continue;
      ++shown_fp;
      const auto& r = pred[i].resolution;
      fmt::print(stderr, "  {} spurious: {} -> {} {} {}\n", name,
                 Around(a.text, pred[i].toponym.begin, pred[i].toponym.end), r.resolved ? r.name : "(none)",
                 r.admin1, r.country);
    }
    // Resolution on gold toponyms: the article's gold phrases resolved together.
    // The text around the gold spans gives containers as it does to the recogniser: "Decatur, Ill." and
    // "Hranitne in Donetsk Oblast" (the next gold toponym right after ", " or " in ").
    queries.clear();
    for (size_t i = 0; i < a.toponyms.size(); ++i) {
      const GoldToponym& g = a.toponyms[i];
      geo::PlaceQuery q;
      q.text = g.phrase;
      if (i + 1 < a.toponyms.size()) {
        const GoldToponym& n = a.toponyms[i + 1];
        if (n.begin >= g.end && n.begin - g.end <= 4 && n.end <= a.text.size()) {
          std::string_view between = std::string_view(a.text).substr(g.end, n.begin - g.end);
          if (between == ", " || between == "," || between == " in " || between == ", in ") q.context = n.phrase;
        }
      }
      queries.push_back(q);
    }
    geo::ResolvePlaces(gaz, queries, &res);
    for (size_t i = 0; i < a.toponyms.size(); ++i) {
      const GoldToponym& g = a.toponyms[i];
      if (!g.has_coords) continue;
      ++sc.resolvable;
      if (!res[i].resolved) ++sc.unresolved;
      double err = ErrorKm(gaz, rg, g, res[i]);
      if (err <= 161) ++sc.within161;
      sc.auc_sum += std::log(1 + err) / kMax;
      if (g.geonameid != 0) {
        ++sc.with_id;
        if (err <= 161) ++sc.id161;
        if (res[i].gazetteer_id == "geonames:" + std::to_string(g.geonameid)) ++sc.exact_id;
      }
      if ((show_res && err > 161 && shown < examples) || debug_article == static_cast<long>(sc.articles - 1)) {
        ++shown;
        fmt::print(stderr, "  {} #{} {}: '{}' ctx '{}' gold {:.2f},{:.2f} id {} got {} {} {} {} ({:.0f} km) | {}\n", name,
                   sc.articles - 1, err > 161 ? "wrong" : "right", g.phrase, queries[i].context, g.lat, g.lon, g.geonameid, res[i].resolved ? res[i].name : "(none)", res[i].admin1,
                   res[i].country, res[i].gazetteer_id, err, Around(a.text, g.begin, g.end));
      }
    }
  }
  return sc;
}

struct EvalArgs {
  std::vector<std::string> sets;
  std::string data, gazetteer, gold_dir, json;
  int examples = 0;
  std::string show = "res";
};

int RunGeoEval(const EvalArgs& args) {
  auto gaz = OpenGazetteer(args.gazetteer, args.data);
  if (!gaz.ok()) {
    fmt::print(stderr, "sitrep geo-eval: {}\n", gaz.status().message());
    return 2;
  }
  const std::string dir = args.gold_dir.empty() ? FindShared() + "/eval/geo" : args.gold_dir;
  std::vector<std::string> sets = args.sets.empty() ? std::vector<std::string>{"lgl", "gwn", "geovirus"} : args.sets;
  ReverseGeocoder rg(*gaz.value());
  std::vector<SetScore> scores;
  for (const auto& set : sets) {
    std::string file = set == "lgl" ? "lgl.xml" : set == "gwn" ? "GWN.xml" : set == "geovirus" ? "GeoVirus.xml" : "";
    if (file.empty()) {
      fmt::print(stderr, "sitrep geo-eval: unknown set '{}' (lgl, gwn, geovirus)\n", set);
      return 2;
    }
    std::vector<GoldArticle> arts;
    std::string err;
    if (!LoadGold(dir + "/" + file, set, &arts, &err)) {
      fmt::print(stderr, "sitrep geo-eval: {}\n", err);
      return 1;
    }
    scores.push_back(EvalSet(*gaz.value(), rg, set, arts, args.examples, args.show));
  }
  fmt::print("gazetteer: {} places from {}\n", gaz.value()->size(), gaz.value()->sources());
  fmt::print("{:<9} {:>5} {:>6} {:>6} {:>6} {:>6} | {:>7} {:>7} {:>6} {:>7} {:>6} {:>9} | {:>7} {:>8}\n", "set",
             "docs", "gold", "P", "R", "F1", "acc@161", "AUC", "unres", "id-rate", "n", "id:@161", "e2e@161",
             "docs/s");
  std::string json = "{";
  for (const auto& s : scores) {
    double p = s.predicted ? double(s.matched) / s.predicted : 0, r = s.gold ? double(s.matched) / s.gold : 0;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    double acc = s.resolvable ? double(s.within161) / s.resolvable : 0;
    double auc = s.resolvable ? s.auc_sum / s.resolvable : 0;
    double idr = s.with_id ? double(s.exact_id) / s.with_id : 0;
    double e2e = s.e2e ? double(s.e2e161) / s.e2e : 0;
    double unres = s.resolvable ? double(s.unresolved) / s.resolvable : 0;
    std::string id161 = s.with_id ? fmt::format("{:.3f}/{}", double(s.id161) / s.with_id, s.with_id) : "-";
    fmt::print("{:<9} {:>5} {:>6} {:>6.3f} {:>6.3f} {:>6.3f} | {:>7.3f} {:>7.3f} {:>6.3f} {:>7} {:>6} {:>9} | {:>7.3f} {:>8.0f}\n",
               s.name, s.articles, s.gold, p, r, f1, acc, auc, unres, s.with_id ? fmt::format("{:.3f}", idr) : "-",
               s.resolvable, id161, e2e, s.articles / std::max(1e-9, s.seconds));
    json += fmt::format("{}\"{}\":{{\"precision\":{:.4f},\"recall\":{:.4f},\"f1\":{:.4f},\"acc161\":{:.4f},"
                        "\"auc\":{:.4f},\"exact_id\":{:.4f},\"e2e_acc161\":{:.4f},\"resolvable\":{}}}",
                        json.size() > 1 ? "," : "", s.name, p, r, f1, acc, auc, idr, e2e, s.resolvable);
  }
  json += "}\n";
  fmt::print("P/R/F1: recognition (same phrase, midpoint within 10 chars). acc@161, AUC, id-rate: resolution of the\n"
             "gold toponyms (Mordecai's setting); unresolved count as 20039 km. id:@161: acc@161 on the gold toponyms\n"
             "that have a GeoNames id (/ how many). e2e@161: of matched predictions. GeoWebNews' demonym spans (no\n"
             "coordinates) are neutral: a demonym found there counts neither way; LGL counts demonyms as toponyms.\n"
             "docs/s: articles per CPU-second of one thread inside Geoparse (recognition + resolution, as\n"
             "`sitrep geoparse` runs them); the scoring is not timed.\n");
  if (!args.json.empty()) {
    std::ofstream o(args.json);
    o << json;
  }
  return 0;
}

}  // namespace

int RunGeoEvalSets(const std::vector<std::string>& sets, const std::string& gold_dir, const std::string& json,
                   int examples);

// For `sitrep eval geo` in commands.cc: declare `int RunGeoEvalSets(const std::vector<std::string>&, const
// std::string&, const std::string&, int);` there and call it with the sets (empty = all), --gold dir, --json path
// and --examples (errors of each kind shown on stderr; `sitrep geo-eval --show` picks one kind).
int RunGeoEvalSets(const std::vector<std::string>& sets, const std::string& gold_dir, const std::string& json,
                   int examples) {
  EvalArgs a;
  a.examples = examples;
  a.show = "all";
  a.sets = sets;
  a.gold_dir = gold_dir;
  a.json = json;
  return RunGeoEval(a);
}

void AddGeoCommands(CLI::App& app, CommandList* out) {
  auto geo_args = std::make_shared<GeoArgs>();
  auto* gp = app.add_subcommand("geoparse", "Find and resolve the place names of articles (JSON Lines)");
  gp->add_option("inputs", geo_args->inputs, "Files, folders or - (stdin); .txt and .jsonl");
  gp->add_option("--data", geo_args->data, "Data folder");
  gp->add_option("--gazetteer", geo_args->gazetteer, "Gazetteer index (default: the one the build generated)");
  out->push_back({gp, [geo_args] { return RunGeoparse(*geo_args); }});

  auto eval_args = std::make_shared<EvalArgs>();
  auto* ev = app.add_subcommand("geo-eval", "Score the geoparser on LGL, GeoWebNews and GeoVirus");
  ev->add_option("sets", eval_args->sets, "lgl, gwn, geovirus (default: all)");
  ev->add_option("--gold-dir", eval_args->gold_dir, "Folder with lgl.xml, GWN.xml, GeoVirus.xml");
  ev->add_option("--data", eval_args->data, "Data folder");
  ev->add_option("--gazetteer", eval_args->gazetteer, "Gazetteer index");
  ev->add_option("--json", eval_args->json, "Also write the metrics as JSON to this file");
  ev->add_option("--examples", eval_args->examples, "Errors shown per set and kind (on stderr)")->capture_default_str();
  ev->add_option("--show", eval_args->show,
                 "Which errors --examples shows: res (wrong resolutions of gold toponyms), fn (gold toponyms not "
                 "recognised), fp (recognised spans that are no gold toponym), all")
      ->check(CLI::IsMember({"res", "fn", "fp", "all"}))
      ->capture_default_str();
  out->push_back({ev, [eval_args] { return RunGeoEval(*eval_args); }});
}

}  // namespace sitrep::cli
