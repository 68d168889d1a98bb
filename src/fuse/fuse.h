// Fusion and control: the reasoning of the situation picture, free of any database (issue 4).
//
// Fusion decides whether a newly extracted event (a *claim*: one sentence of one article) reports the same
// real-world event as an existing fused event. It is a fixed, ordered set of rules, so the same inputs in the same
// order always give the same events, and every link records the rule that matched (docs/STORE.md):
//   family   the type families agree (violence, territory, protest, strategic, or the PLOVER type outside ACLED);
//   place    the same place record, or both have coordinates within FuseOptions::radius_km;
//   date     the date ranges overlap or are at most FuseOptions::max_gap_days apart;
//   actors   no actor contradicts: actor1 and actor2 are each equal or missing on one side.
// Control turns the territory claims at one place into a timeline of holders (BuildTimeline). Thread-safe
// (pure functions).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/extract.h"

namespace sitrep::fuse {

// "violence", "territory", "protest", "strategic", "plover:<TYPE>", or "" (nothing to fuse on).
std::string TypeFamily(std::string_view acled, std::string_view acled_sub, std::string_view plover);

// What fusion compares of a claim or of a fused event.
struct FuseKey {
  std::string family;
  int64_t place_id = 0;        // 0 = no place
  std::string place_precision;  // city, admin1, country, region or empty
  std::optional<double> lat, lon;
  std::string date_start, date_end;  // ISO; empty = unresolved
  int64_t actor1 = 0, actor2 = 0;     // actor record ids, 0 = missing
  std::string actor1_name, actor2_name;  // for explanations
};

// The key of an extracted event once its place and actors have store ids: what both stores fuse on.
FuseKey KeyOfEvent(const Event& e, int64_t place_id, std::optional<double> lat, std::optional<double> lon,
                   const int64_t (&actor_ids)[2], const std::string (&actor_names)[2]);

// The largest "killed" count an event reports, if any (claims of one event may differ; fusion keeps the range).
std::optional<int64_t> MostKilled(const Event& e);

struct FuseOptions {
  double radius_km = 10.0;
  int max_gap_days = 1;
  int max_range_days = 7;  // a claim dated vaguer than this (a month, a year) is never fused
};

// A claim can be fused when it has a family, a specific enough place and a date of at most max_range_days.
bool Fusable(const FuseKey& k, const FuseOptions& o = {});

struct Match {
  bool ok = false;
  std::string rule;    // "family+place+date+actors" style summary of the rules that matched
  std::string detail;  // human-readable: "place: same place #12; date: overlap 2016-12-11..2016-12-11; ..."
};
// Whether `claim` may join the fused event `event`. Both must be Fusable.
Match Compatible(const FuseKey& event, const FuseKey& claim, const FuseOptions& o = {});

double HaversineKm(double lat1, double lon1, double lat2, double lon2);
// ISO date shifted by `days` ("" stays "").
std::string ShiftDate(std::string_view iso, int days);

// ---- control over time

struct Party {
  std::string name, kind;
  bool operator==(const Party&) const = default;
};

// One territory claim at a place, as the store keeps it.
struct TerritoryClaim {
  int64_t claim_id = 0, event_id = 0;
  std::string date_start, date_end;
  std::string acled_sub, trigger, mode;
  std::optional<Party> actor1, actor2;
  std::string modality = "asserted";
  bool negated = false;
  double confidence = 0.5;
  std::string source;    // who says so: the attributed source, else the outlet
  std::string document;  // document id
  std::string evidence;  // the sentence
};

// What one claim says about who holds the place after it.
struct ClaimReading {
  const TerritoryClaim* claim = nullptr;
  bool informative = false;       // false when the claim names no holder (e.g. no actor was found)
  std::optional<Party> holder;    // after the claim; nullopt = nobody (vacated)
  std::string reading;            // "taken by X", "X withdrew", "denied: taken by X"…
  double weight = 0;              // its vote (negative for denials)
};
ClaimReading ReadClaim(const TerritoryClaim& c);

struct Change {
  std::string date, date_end;    // first and last date of the claims in the change
  std::optional<Party> holder;   // nullopt = nobody / vacated
  bool contested = false;        // claims disagree about the holder
  std::vector<int64_t> event_ids;
  std::vector<ClaimReading> claims;
};

// Claims sorted by date are grouped when they fall within `max_gap_days` of the group's first date; each group's
// holder is the reading with the largest total weight (ties: the earliest claim); a group that keeps the holder
// of the group before it is merged into that change. Claims without a date are left out.
std::vector<Change> BuildTimeline(const std::vector<TerritoryClaim>& claims, int max_gap_days = 1);

// The change in force on `date` (ISO), or nullptr when the place has no known holder by then.
const Change* ChangeOn(const std::vector<Change>& changes, std::string_view date);

}  // namespace sitrep::fuse
