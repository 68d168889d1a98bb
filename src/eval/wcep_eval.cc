#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cctype>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "eval/eval.h"
#include "eval/metrics.h"

namespace sitrep::eval {

using json = nlohmann::json;

namespace {

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

std::vector<std::string> Words(const std::string& s) {
  static const std::set<std::string> kStop = {"of", "the", "forces", "military", "government", "police", "and",
                                              "a", "an", "in", "state", "group", "armed", "army", "civilians"};
  std::vector<std::string> out;
  std::string cur;
  for (char c : Lower(s) + " ") {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      cur.push_back(c);
    } else {
      if (cur.size() > 4 && cur.back() == 's') cur.pop_back();  // "militias" ~ "militia"
      if (!cur.empty() && !kStop.count(cur)) out.push_back(cur);
      cur.clear();
    }
  }
  return out;
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

}  // namespace

bool ActorsAgree(const std::string& gold, const std::string& predicted) {
  if (gold.empty() || predicted.empty()) return false;
  // Gold may list several actors ("Military Forces of Iran; Military Forces of Syria").
  size_t start = 0;
  while (start <= gold.size()) {
    size_t semi = gold.find(';', start);
    if (semi == std::string::npos) semi = gold.size();
    std::string g = Lower(gold.substr(start, semi - start));
    std::string p = Lower(predicted);
    while (!g.empty() && g.front() == ' ') g.erase(g.begin());
    if (!g.empty() && (g == p || g.find(p) != std::string::npos || p.find(g) != std::string::npos)) return true;
    auto gw = Words(g), pw = Words(p);
    for (const auto& w : gw) {
      if (w.size() >= 3 && std::find(pw.begin(), pw.end(), w) != pw.end()) return true;
    }
    start = semi + 1;
  }
  return false;
}

namespace {

struct GoldEvent {
  std::string sub, plover, actor1, actor2, place, place_country, date, source, modality;
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  std::vector<std::pair<std::string, int64_t>> counts;
};

bool PlaceAgrees(const std::string& gold, const Event& e) {
  if (!e.location) return false;
  std::string g = Lower(gold), t = Lower(e.location->text), ctx = Lower(e.location->context);
  if (g.empty() || t.empty()) return false;
  if (g.find(t) != std::string::npos || t.find(g) != std::string::npos) return true;
  // "Guya, Kola Tembien": the gold names the place with its container.
  auto gw = Words(g), tw = Words(t);
  for (const auto& w : tw) {
    if (w.size() >= 3 && std::find(gw.begin(), gw.end(), w) != gw.end()) return true;
  }
  return false;
}

double Score(const GoldEvent& g, const Event& p) {
  double s = 0;
  std::string psub = p.acled_sub.empty() ? "(none)" : p.acled_sub;
  if (psub == g.sub) s += 4;
  if (p.plover == g.plover) s += 2;
  if (p.actor1 && ActorsAgree(g.actor1, p.actor1->name)) s += 1;
  if (!g.place.empty() && PlaceAgrees(g.place, p)) s += 1;
  return s;
}

struct Example {
  std::string text;
  std::string note;
};

void Row(const char* name, double value, const char* note = "") {
  fmt::print("  {:<44} {:>7.3f}  {}\n", name, value, note);
}

double Ratio(int a, int b) { return b ? static_cast<double>(a) / b : 0; }

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

}  // namespace

int RunWcepEval(const Extractor& extractor, const EvalOptions& options) {
  std::ifstream in(options.gold_path);
  if (!in) {
    fmt::print(stderr, "sitrep eval: cannot open gold set {} (set --gold or SITREP_SHARED)\n", options.gold_path);
    return 1;
  }
  auto scratch = extractor.NewScratch();
  ConfusionTable sub_table, plover_table;
  int lines = 0, negatives = 0, negatives_with_events = 0;
  int gold_events = 0, pred_events = 0, matched = 0, strict = 0;
  int a1_total = 0, a1_ok = 0, a2_total = 0, a2_ok = 0, place_total = 0, place_ok = 0;
  int date_total = 0, date_ok = 0, src_total = 0, src_ok = 0, src_gold_nonnull = 0, src_found = 0;
  int mod_total = 0, mod_ok = 0, geo_total = 0, geo_ok = 0;
  int count_gold = 0, count_pred = 0, count_ok = 0;
  std::map<std::string, std::vector<Example>> missed, spurious, confused;
  std::map<std::string, int> missed_n, spurious_n;
  std::vector<Example> actor_errors, actor2_errors;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    json rec;
    try {
      rec = json::parse(line);
    } catch (const std::exception& e) {
      fmt::print(stderr, "sitrep eval: {}:{}: malformed JSON: {}\n", options.gold_path, line_no, e.what());
      return 1;
    }
    ++lines;
    std::string text = Str(rec, "text"), published = Str(rec, "published"), id = Str(rec, "id");
    std::vector<GoldEvent> gold;
    for (const auto& ge : rec.value("events", json::array())) {
      GoldEvent g;
      g.sub = Str(ge, "acled_sub");
      if (g.sub.empty()) g.sub = "(none)";
      g.plover = Str(ge, "plover");
      g.actor1 = Str(ge, "actor1");
      g.actor2 = Str(ge, "actor2");
      if (ge.contains("place") && ge["place"].is_object()) {
        g.place = Str(ge["place"], "name");
        g.place_country = Str(ge["place"], "country");
        const json& pl = ge["place"];
        if (pl.contains("lat") && pl["lat"].is_number() && pl.contains("lon") && pl["lon"].is_number()) {
          g.lat = pl["lat"].get<double>();
          g.lon = pl["lon"].get<double>();
          g.has_coordinates = true;
        }
      }
      g.date = Str(ge, "date");
      g.source = Str(ge, "source");
      g.modality = Str(ge, "modality");
      for (const auto& c : ge.value("counts", json::array())) {
        if (c.contains("n") && c["n"].is_number_integer()) g.counts.push_back({Str(c, "what"), c["n"].get<int64_t>()});
      }
      gold.push_back(std::move(g));
    }
    ArticleInput input;
    input.id = id;
    input.published = published;
    input.text = text;
    ArticleResult result;
    extractor.Extract(input, scratch.get(), &result);
    const auto& pred = result.events;
    if (gold.empty()) {
      ++negatives;
      if (!pred.empty()) ++negatives_with_events;
    }
    gold_events += static_cast<int>(gold.size());
    pred_events += static_cast<int>(pred.size());

    // Greedy alignment by agreement score; a pair needs some agreement (type, actor or place).
    std::vector<std::tuple<double, size_t, size_t>> pairs;
    for (size_t gi = 0; gi < gold.size(); ++gi) {
      for (size_t pi = 0; pi < pred.size(); ++pi) {
        double s = Score(gold[gi], pred[pi]);
        if (s >= 1) pairs.emplace_back(s - 0.001 * (gi > pi ? gi - pi : pi - gi), gi, pi);
      }
    }
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
    std::vector<int> g_of_p(pred.size(), -1), p_of_g(gold.size(), -1);
    for (const auto& [s, gi, pi] : pairs) {
      if (p_of_g[gi] >= 0 || g_of_p[pi] >= 0) continue;
      p_of_g[gi] = static_cast<int>(pi);
      g_of_p[pi] = static_cast<int>(gi);
    }
    for (size_t gi = 0; gi < gold.size(); ++gi) {
      const GoldEvent& g = gold[gi];
      if (p_of_g[gi] < 0) {
        sub_table.Add(g.sub, "");
        plover_table.Add(g.plover, "");
        missed_n[g.sub]++;
        if (missed[g.sub].size() < static_cast<size_t>(options.examples)) missed[g.sub].push_back({text, ""});
        count_gold += static_cast<int>(g.counts.size());
        continue;
      }
      const Event& p = pred[p_of_g[gi]];
      ++matched;
      std::string psub = p.acled_sub.empty() ? "(none)" : p.acled_sub;
      sub_table.Add(g.sub, psub);
      plover_table.Add(g.plover, p.plover);
      if (psub == g.sub && p.plover == g.plover) ++strict;
      if (psub != g.sub) {
        std::string key = g.sub + " -> " + psub;
        if (confused[key].size() < static_cast<size_t>(options.examples)) confused[key].push_back({text, p.trigger});
      }
      if (!g.actor1.empty()) {
        ++a1_total;
        if (p.actor1 && (ActorsAgree(g.actor1, p.actor1->name) || ActorsAgree(g.actor1, p.actor1->text))) {
          ++a1_ok;
        } else if (actor_errors.size() < static_cast<size_t>(options.examples) * 4) {
          actor_errors.push_back({text, g.actor1 + "  vs  " + (p.actor1 ? p.actor1->name + " [" + p.actor1->text + "]" : "-")});
        }
      }
      if (!g.actor2.empty()) {
        ++a2_total;
        if (p.actor2 && (ActorsAgree(g.actor2, p.actor2->name) || ActorsAgree(g.actor2, p.actor2->text))) {
          ++a2_ok;
        } else if (actor2_errors.size() < static_cast<size_t>(options.examples) * 4) {
          actor2_errors.push_back(
              {text, g.actor2 + "  vs  " + (p.actor2 ? p.actor2->name + " [" + p.actor2->text + "]" : "-")});
        }
      }
      if (!g.place.empty()) {
        ++place_total;
        if (PlaceAgrees(g.place, p)) ++place_ok;
      }
      if (g.has_coordinates) {
        ++geo_total;
        if (p.location && p.location->lat && p.location->lon &&
            DistanceKm(g.lat, g.lon, *p.location->lat, *p.location->lon) <= 50) {
          ++geo_ok;
        }
      }
      if (!g.date.empty()) {
        ++date_total;
        if (p.date.start == g.date) ++date_ok;
      }
      ++src_total;
      bool pred_has_source = p.source.has_value();
      if (g.source.empty() ? !pred_has_source
                           : pred_has_source && (ActorsAgree(g.source, p.source->name) ||
                                                 ActorsAgree(g.source, p.source->text))) {
        ++src_ok;
      }
      if (!g.source.empty()) {
        ++src_gold_nonnull;
        if (pred_has_source && (ActorsAgree(g.source, p.source->name) || ActorsAgree(g.source, p.source->text))) {
          ++src_found;
        }
      }
      ++mod_total;
      if (p.modality == g.modality) ++mod_ok;
      count_gold += static_cast<int>(g.counts.size());
      std::vector<bool> used(g.counts.size(), false);
      for (const auto& c : p.counts) {
        if (c.vague) continue;
        ++count_pred;
        for (size_t k = 0; k < g.counts.size(); ++k) {
          if (!used[k] && g.counts[k].first == c.what && g.counts[k].second == c.n) {
            used[k] = true;
            ++count_ok;
            break;
          }
        }
      }
    }
    for (size_t pi = 0; pi < pred.size(); ++pi) {
      if (g_of_p[pi] >= 0) continue;
      std::string psub = pred[pi].acled_sub.empty() ? "(none)" : pred[pi].acled_sub;
      sub_table.Add("", psub);
      plover_table.Add("", pred[pi].plover);
      for (const auto& c : pred[pi].counts) count_pred += c.vague ? 0 : 1;
      spurious_n[psub]++;
      if (spurious[psub].size() < static_cast<size_t>(options.examples)) spurious[psub].push_back({text, pred[pi].trigger});
    }
  }

  double precision = Ratio(matched, pred_events), recall = Ratio(matched, gold_events);
  double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
  fmt::print("sitrep eval wcep-dev — {} ({} lines, {} gold events, lexicon {})\n\n", options.gold_path, lines,
             gold_events, extractor.options().data_dir);
  fmt::print("  {:<44} {:>7}\n", "metric", "value");
  Row("event precision (aligned)", precision, fmt::format("{}/{}", matched, pred_events).c_str());
  Row("event recall (aligned)", recall, fmt::format("{}/{}", matched, gold_events).c_str());
  Row("event F1 (aligned)", f1);
  Row("event precision (same ACLED sub + PLOVER)", Ratio(strict, pred_events));
  Row("event recall (same ACLED sub + PLOVER)", Ratio(strict, gold_events));
  Row("ACLED sub-type weighted F1 (all events)", sub_table.WeightedF1());
  Row("ACLED sub-type macro F1", sub_table.MacroF1());
  Row("ACLED sub-type accuracy (aligned pairs)", sub_table.AccuracyOnPairs());
  Row("PLOVER weighted F1 (all events)", plover_table.WeightedF1());
  Row("PLOVER accuracy (aligned pairs)", plover_table.AccuracyOnPairs());
  Row("actor1 agreement", Ratio(a1_ok, a1_total), fmt::format("{}/{}", a1_ok, a1_total).c_str());
  Row("actor2 agreement", Ratio(a2_ok, a2_total), fmt::format("{}/{}", a2_ok, a2_total).c_str());
  Row("place text agreement", Ratio(place_ok, place_total), fmt::format("{}/{}", place_ok, place_total).c_str());
  Row("event place within 50 km (gold coordinates)", Ratio(geo_ok, geo_total),
      fmt::format("{}/{}", geo_ok, geo_total).c_str());
  Row("date exact", Ratio(date_ok, date_total), fmt::format("{}/{}", date_ok, date_total).c_str());
  Row("counts precision (what + n)", Ratio(count_ok, count_pred), fmt::format("{}/{}", count_ok, count_pred).c_str());
  Row("counts recall (what + n)", Ratio(count_ok, count_gold), fmt::format("{}/{}", count_ok, count_gold).c_str());
  Row("source accuracy (null or agreeing)", Ratio(src_ok, src_total), fmt::format("{}/{}", src_ok, src_total).c_str());
  Row("source recall (gold names a source)", Ratio(src_found, src_gold_nonnull),
      fmt::format("{}/{}", src_found, src_gold_nonnull).c_str());
  Row("modality accuracy", Ratio(mod_ok, mod_total), fmt::format("{}/{}", mod_ok, mod_total).c_str());
  Row("no-event lines with an invented event", Ratio(negatives_with_events, negatives),
      fmt::format("{}/{}", negatives_with_events, negatives).c_str());

  fmt::print("\n  per ACLED sub-type (gold support, precision, recall, F1)\n");
  for (const auto& s : sub_table.PerLabel()) {
    fmt::print("    {:<40} {:>4}  {:.2f}  {:.2f}  {:.2f}\n", s.label, s.support, s.precision, s.recall, s.f1);
  }
  if (options.show_errors) {
    fmt::print("\n  errors by kind\n");
    fmt::print("    confusions (gold -> predicted):\n");
    int shown = 0;
    for (const auto& [cell, n] : sub_table.TopConfusions(1000)) {
      if (cell.first.empty() || cell.second.empty() || ++shown > 15) continue;
      fmt::print("      {:>3}  {} -> {}\n", n, cell.first, cell.second);
      for (const auto& ex : confused[cell.first + " -> " + cell.second]) {
        fmt::print("             [{}] {}\n", ex.note, ex.text.substr(0, 160));
      }
    }
    fmt::print("    actor1 disagreements (gold vs predicted [text]):\n");
    for (const auto& ex : actor_errors) fmt::print("      {}\n             {}\n", ex.note, ex.text.substr(0, 160));
    fmt::print("    actor2 disagreements (gold vs predicted [text]):\n");
    for (const auto& ex : actor2_errors) fmt::print("      {}\n             {}\n", ex.note, ex.text.substr(0, 160));
    fmt::print("    missed events by gold sub-type:\n");
    for (const auto& [sub, n] : missed_n) {
      fmt::print("      {:>3}  {}\n", n, sub);
      for (const auto& ex : missed[sub]) fmt::print("             {}\n", ex.text.substr(0, 160));
    }
    fmt::print("    spurious events by predicted sub-type:\n");
    for (const auto& [sub, n] : spurious_n) {
      fmt::print("      {:>3}  {}\n", n, sub);
      for (const auto& ex : spurious[sub]) fmt::print("             [{}] {}\n", ex.note, ex.text.substr(0, 160));
    }
  }
  if (!options.json_out.empty()) {
    json out = {{"set", "wcep-dev"},
                {"lines", lines},
                {"gold_events", gold_events},
                {"predicted_events", pred_events},
                {"event_precision", precision},
                {"event_recall", recall},
                {"acled_sub_weighted_f1", sub_table.WeightedF1()},
                {"acled_sub_accuracy_pairs", sub_table.AccuracyOnPairs()},
                {"plover_accuracy_pairs", plover_table.AccuracyOnPairs()},
                {"negatives_with_events", negatives_with_events},
                {"negatives", negatives}};
    std::ofstream(options.json_out) << out.dump(2) << "\n";
  }
  return 0;
}

}  // namespace sitrep::eval
