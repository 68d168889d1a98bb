#include <fmt/format.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "eval/eval.h"
#include "eval/metrics.h"

namespace sitrep::eval {

using json = nlohmann::json;

namespace {

// PLOVER's older type names in the gold file.
std::string ModernPlover(const std::string& t) {
  if (t == "FIGHT") return "ASSAULT";
  if (t == "INVESTIGATE" || t == "DISAPPROVE") return "ACCUSE";
  if (t == "DEMAND") return "REQUEST";
  return t;
}

// ISO 3166-1 alpha-3 → alpha-2 from Debian's iso-codes package.
std::map<std::string, std::string> LoadIso3() {
  std::map<std::string, std::string> out;
  std::ifstream in("/usr/share/iso-codes/json/iso_3166-1.json");
  if (!in) return out;
  try {
    json j = json::parse(in);
    for (const auto& c : j["3166-1"]) out[c.value("alpha_3", "")] = c.value("alpha_2", "");
  } catch (const std::exception&) {
  }
  return out;
}

double Ratio(int a, int b) { return b ? static_cast<double>(a) / b : 0; }

}  // namespace

int RunPloverEval(const Extractor& extractor, const EvalOptions& options) {
  std::ifstream in(options.gold_path);
  if (!in) {
    fmt::print(stderr, "sitrep eval: cannot open gold set {} (set --gold or SITREP_SHARED)\n", options.gold_path);
    return 1;
  }
  json records;
  try {
    records = json::parse(in);
  } catch (const std::exception& e) {
    fmt::print(stderr, "sitrep eval: {}: malformed JSON: {}\n", options.gold_path, e.what());
    return 1;
  }
  auto iso3 = LoadIso3();
  auto scratch = extractor.NewScratch();
  ConfusionTable first_type;
  int n = 0, any_type = 0, with_event = 0, country_total = 0, country_ok = 0, dead_total = 0, dead_ok = 0;
  for (const auto& r : records) {
    std::string gold_type = ModernPlover(r.value("event", ""));
    if (gold_type.empty() || gold_type == "DOCUMENT") continue;
    ++n;
    std::string text = r.value("text", "");
    ArticleInput input;
    input.text = text;
    input.published = r.value("date", "");
    ArticleResult result;
    extractor.Extract(input, scratch.get(), &result);
    // The first event of the same type if any, else the first event.
    const Event* best = nullptr;
    for (const auto& e : result.events) {
      if (e.plover == gold_type) {
        best = &e;
        break;
      }
    }
    if (best) ++any_type;
    if (!best && !result.events.empty()) best = &result.events.front();
    if (best) ++with_event;
    first_type.Add(gold_type, best ? best->plover : "");
    // Actor country: any gold source country equals the predicted actor1's.
    std::vector<std::string> gold_countries;
    for (const auto& s : r.value("source", json::array())) {
      std::string code = s.value("code", "");
      if (iso3.count(code)) gold_countries.push_back(iso3[code]);
    }
    if (!gold_countries.empty()) {
      ++country_total;
      if (best && best->actor1 && std::find(gold_countries.begin(), gold_countries.end(), best->actor1->country) !=
                                      gold_countries.end()) {
        ++country_ok;
      }
    }
    if (r.contains("dead")) {
      ++dead_total;
      std::string d = r["dead"].is_string() ? r["dead"].get<std::string>() : r["dead"].dump();
      for (const auto& e : result.events) {
        for (const auto& c : e.counts) {
          if (c.what == "killed" && std::to_string(c.n) == d) {
            ++dead_ok;
            goto next_record;
          }
        }
      }
    }
  next_record:;
  }
  fmt::print("sitrep eval plover-gsr — {} ({} records)\n\n", options.gold_path, n);
  fmt::print("  {:<44} {:>7.3f}  {}/{}\n", "records with any event", Ratio(with_event, n), with_event, n);
  fmt::print("  {:<44} {:>7.3f}  {}/{}\n", "PLOVER type found among events", Ratio(any_type, n), any_type, n);
  fmt::print("  {:<44} {:>7.3f}\n", "PLOVER weighted F1 (best event)", first_type.WeightedF1());
  fmt::print("  {:<44} {:>7.3f}  {}/{}\n", "actor1 country (gold source country)", Ratio(country_ok, country_total),
             country_ok, country_total);
  fmt::print("  {:<44} {:>7.3f}  {}/{}\n", "dead count found", Ratio(dead_ok, dead_total), dead_ok, dead_total);
  fmt::print("\n  per PLOVER type (gold support, precision, recall, F1)\n");
  for (const auto& s : first_type.PerLabel()) {
    fmt::print("    {:<12} {:>4}  {:.2f}  {:.2f}  {:.2f}\n", s.label, s.support, s.precision, s.recall, s.f1);
  }
  if (options.show_errors) {
    fmt::print("\n  confusions (gold -> predicted; empty = no event)\n");
    for (const auto& [cell, cnt] : first_type.TopConfusions(12)) {
      fmt::print("    {:>3}  {} -> {}\n", cnt, cell.first, cell.second.empty() ? "(none)" : cell.second);
    }
  }
  return 0;
}

}  // namespace sitrep::eval
