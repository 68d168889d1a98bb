// What the SQLite store (store.cc) and the PostgreSQL store (pg_store.cc) decide the same way, outside SQL: the
// key of a place record, how a filter's type names a column, the bounding box of a radius search, LIKE patterns,
// and the place part of an event filter. Internal to src/store; thread-safe (pure functions).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/extract.h"
#include "store/store.h"

namespace sitrep::store {

// An event lasts at most this many days: a query from a date looks this far back at the events' starts.
inline constexpr int kMaxEventDays = 366;

// ASCII lower case (names and keys compare case-insensitively).
std::string Lower(std::string_view s);

// The unique key of a place record: its gazetteer id, else "text:" and its lower-case text.
std::string PlaceKey(const PlaceRef& p);

// The events column a filter's type names: "acled" for one of ACLED's six event types, "plover" for a PLOVER type
// (one word), else "acled_sub" (an ACLED sub-event type).
const char* TypeColumn(std::string_view type);

// `s` with LIKE's wildcards (% and _) and the escape character (\) escaped by a backslash: for LIKE … ESCAPE '\'
// (PostgreSQL's default escape).
std::string EscapeLike(std::string_view s);

// The latitude/longitude box holding every point within `km` of (lat, lon) (an index range for a radius search;
// the distance is checked after).
struct LatLonBox {
  double lat_min, lat_max, lon_min, lon_max;
};
LatLonBox BoxAround(double lat, double lon, double km);

// The place part of an event filter, from the places FindPlaces found: their ids as an SQL list ("3,17"), and the
// first coordinates among them (the centre of a radius search).
struct PlaceMatch {
  std::string ids;
  std::optional<double> lat, lon;
};
PlaceMatch MatchPlaces(const std::vector<PlaceInfo>& places);

}  // namespace sitrep::store
