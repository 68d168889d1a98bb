#include "fuse/fuse.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "time/civil_date.h"

namespace sitrep::fuse {

FuseKey KeyOfEvent(const Event& e, int64_t place_id, std::optional<double> lat, std::optional<double> lon,
                   const int64_t (&actor_ids)[2], const std::string (&actor_names)[2]) {
  FuseKey key;
  key.family = TypeFamily(e.acled, e.acled_sub, e.plover);
  key.place_id = place_id;
  key.place_precision = e.location ? e.location->precision : "";
  key.lat = lat;
  key.lon = lon;
  key.date_start = e.date.start;
  key.date_end = e.date.end.empty() ? e.date.start : e.date.end;
  key.actor1 = actor_ids[0];
  key.actor2 = actor_ids[1];
  key.actor1_name = actor_names[0];
  key.actor2_name = actor_names[1];
  return key;
}

std::optional<int64_t> MostKilled(const Event& e) {
  std::optional<int64_t> k;
  for (const auto& c : e.counts)
    if (c.what == "killed" && (!k || c.n > *k)) k = c.n;
  return k;
}

std::string TypeFamily(std::string_view acled, std::string_view acled_sub, std::string_view plover) {
  if (acled_sub == "Government regains territory" || acled_sub == "Non-state actor overtakes territory" ||
      acled_sub == "Non-violent transfer of territory")
    return "territory";
  if (acled == "Battles" || acled == "Explosions/Remote violence" || acled == "Violence against civilians")
    return "violence";
  if (acled == "Protests" || acled == "Riots") return "protest";
  if (acled == "Strategic developments") return "strategic";
  if (!plover.empty()) return "plover:" + std::string(plover);
  return "";
}

namespace {

int32_t Day(std::string_view iso) { return iso.size() >= 10 ? timeutil::ParseIsoDate(iso.substr(0, 10)) : timeutil::kUnknownDay; }

bool Coarse(std::string_view precision) { return precision == "country" || precision == "region"; }

}  // namespace

std::string ShiftDate(std::string_view iso, int days) {
  int32_t d = Day(iso);
  if (d == timeutil::kUnknownDay) return std::string(iso);
  return timeutil::FormatIsoDate(d + days);
}

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0088 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

bool Fusable(const FuseKey& k, const FuseOptions& o) {
  if (k.family.empty() || k.place_id == 0 || Coarse(k.place_precision)) return false;
  int32_t s = Day(k.date_start), e = Day(k.date_end.empty() ? k.date_start : k.date_end);
  if (s == timeutil::kUnknownDay || e == timeutil::kUnknownDay) return false;
  return e - s <= o.max_range_days;
}

Match Compatible(const FuseKey& ev, const FuseKey& c, const FuseOptions& o) {
  Match m;
  if (ev.family != c.family) return m;
  // Place.
  std::string place;
  if (ev.place_id == c.place_id) {
    place = "same place #" + std::to_string(c.place_id);
    m.rule = "same_place";
  } else if (ev.lat && ev.lon && c.lat && c.lon) {
    double km = HaversineKm(*ev.lat, *ev.lon, *c.lat, *c.lon);
    if (km > o.radius_km) return m;
    char buf[96];
    std::snprintf(buf, sizeof buf, "places #%lld and #%lld %.1f km apart", static_cast<long long>(ev.place_id),
                  static_cast<long long>(c.place_id), km);
    place = buf;
    m.rule = "within_radius";
  } else {
    return m;
  }
  // Admin-level places only fuse on the same day.
  int max_gap = (ev.place_precision == "admin1" || c.place_precision == "admin1") ? 0 : o.max_gap_days;
  // Date.
  int32_t es = Day(ev.date_start), ee = Day(ev.date_end.empty() ? ev.date_start : ev.date_end);
  int32_t cs = Day(c.date_start), ce = Day(c.date_end.empty() ? c.date_start : c.date_end);
  if (es == timeutil::kUnknownDay || cs == timeutil::kUnknownDay) return Match{};
  int gap = cs > ee ? cs - ee : (es > ce ? es - ce : 0);
  if (gap > max_gap) return Match{};
  std::string date = gap == 0 ? "dates overlap" : "dates " + std::to_string(gap) + " day apart";
  m.rule += gap == 0 ? "+date_overlap" : "+date_within_1d";
  // Actors.
  std::string actors;
  auto check = [&](int64_t a, int64_t b, const std::string& an, const std::string& bn, const char* role) {
    if (a != 0 && b != 0 && a != b) return false;
    if (!actors.empty()) actors += ", ";
    if (a != 0 && b != 0) actors += std::string(role) + " both " + an;
    else actors += std::string(role) + " " + (a == 0 && b == 0 ? "missing on both" : "missing on one side (" + (an.empty() ? bn : an) + ")");
    return true;
  };
  if (!check(ev.actor1, c.actor1, ev.actor1_name, c.actor1_name, "actor1")) return Match{};
  if (!check(ev.actor2, c.actor2, ev.actor2_name, c.actor2_name, "actor2")) return Match{};
  bool actor_agree = (ev.actor1 != 0 && ev.actor1 == c.actor1) || (ev.actor2 != 0 && ev.actor2 == c.actor2);
  m.rule = c.family + "+" + m.rule + (actor_agree ? "+actors_agree" : "+actors_compatible");
  m.detail = "family: " + c.family + "; place: " + place + "; " + date + "; " + actors;
  m.ok = true;
  return m;
}

// ---- control

ClaimReading ReadClaim(const TerritoryClaim& c) {
  ClaimReading r;
  r.claim = &c;
  const bool withdraw = c.acled_sub == "Non-violent transfer of territory";
  const bool handover = withdraw && (c.trigger.find("hand") != std::string::npos ||
                                     c.trigger.find("transfer") != std::string::npos);
  double w = std::max(0.05, c.confidence) * (c.modality == "asserted" ? 1.0 : c.modality == "claimed" ? 0.8 : 0.0);
  bool denied = c.negated || c.modality == "denied";
  if (denied) w = -std::max(0.05, c.confidence);
  if (c.modality == "planned" || c.modality == "threatened" || c.modality == "hypothetical") w = 0;
  if (handover) {
    // "A handed control to B": B holds it.
    if (c.actor2) {
      r.holder = c.actor2;
      r.informative = true;
      r.reading = "handed over to " + c.actor2->name;
    }
  } else if (withdraw) {
    // "A withdrew (from the place)": nobody holds it, unless the sentence names who it was left to.
    r.informative = c.actor1.has_value() || c.actor2.has_value();
    if (c.actor2 && c.actor1) r.holder = c.actor2;
    r.reading = (c.actor1 ? c.actor1->name : std::string("forces")) + " withdrew";
  } else if (c.actor1) {
    r.holder = c.actor1;
    r.informative = true;
    r.reading = "taken by " + c.actor1->name;
  }
  if (!r.informative) {
    r.reading = "no holder named";
    w = 0;
  }
  if (denied) r.reading = "denied: " + r.reading;
  r.weight = w;
  return r;
}

namespace {

std::string HolderKey(const std::optional<Party>& p) { return p ? p->name : std::string(); }

// Adds the claims and events of `g` to the change before it.
void MergeInto(Change& prev, Change& g) {
  for (auto& c : g.claims) prev.claims.push_back(std::move(c));
  for (auto id : g.event_ids)
    if (std::find(prev.event_ids.begin(), prev.event_ids.end(), id) == prev.event_ids.end())
      prev.event_ids.push_back(id);
  prev.contested = prev.contested || g.contested;
}

}  // namespace

std::vector<Change> BuildTimeline(const std::vector<TerritoryClaim>& claims, int max_gap_days) {
  std::vector<const TerritoryClaim*> sorted;
  for (const auto& c : claims)
    if (Day(c.date_start) != timeutil::kUnknownDay) sorted.push_back(&c);
  std::stable_sort(sorted.begin(), sorted.end(), [](const TerritoryClaim* a, const TerritoryClaim* b) {
    if (a->date_start != b->date_start) return a->date_start < b->date_start;
    return a->claim_id < b->claim_id;
  });
  std::vector<Change> out;
  size_t i = 0;
  while (i < sorted.size()) {
    int32_t first = Day(sorted[i]->date_start);
    Change g;
    g.date = sorted[i]->date_start.substr(0, 10);
    std::map<std::string, double> votes;
    std::map<std::string, std::optional<Party>> parties;
    std::vector<std::string> order;  // first appearance, for ties
    for (; i < sorted.size() && Day(sorted[i]->date_start) - first <= max_gap_days; ++i) {
      ClaimReading r = ReadClaim(*sorted[i]);
      g.date_end = sorted[i]->date_start.substr(0, 10);
      if (std::find(g.event_ids.begin(), g.event_ids.end(), sorted[i]->event_id) == g.event_ids.end())
        g.event_ids.push_back(sorted[i]->event_id);
      if (r.informative) {
        std::string key = HolderKey(r.holder);
        if (!votes.count(key)) order.push_back(key);
        votes[key] += r.weight;
        parties[key] = r.holder;
      }
      g.claims.push_back(std::move(r));
    }
    // The winner: the largest positive total; ties go to the first named.
    std::string best;
    double best_w = 0;
    bool any = false;
    for (const auto& k : order) {
      if (votes[k] > best_w + 1e-9) {
        best = k;
        best_w = votes[k];
        any = true;
      }
    }
    int positive = 0;
    for (const auto& [k, v] : votes) positive += v > 0;
    g.contested = positive > 1 || std::any_of(g.claims.begin(), g.claims.end(),
                                              [](const ClaimReading& r) { return r.weight < 0; });
    if (!any) {
      // Nothing says who holds it: keep the claims with the change before, if any; else drop.
      if (!out.empty()) MergeInto(out.back(), g);
      continue;
    }
    g.holder = parties[best];
    if (!out.empty() && HolderKey(out.back().holder) == best && out.back().holder.has_value() == g.holder.has_value()) {
      MergeInto(out.back(), g);
      continue;
    }
    out.push_back(std::move(g));
  }
  return out;
}

const Change* ChangeOn(const std::vector<Change>& changes, std::string_view date) {
  const Change* cur = nullptr;
  for (const auto& c : changes) {
    if (c.date <= date) cur = &c;
    else break;
  }
  return cur;
}

}  // namespace sitrep::fuse
