// What the SQLite store (store.cc) and the PostgreSQL store (pg_store.cc) decide the same way, outside SQL: the
// records an ingested event refers to (place and actors, through the transaction's caches), its evidence span,
// the link of a claim that starts an event and a fused event's figures when a claim joins it; for queries, how a
// filter's type names a column, the bounding box of a radius search, LIKE patterns and the place part of an event
// filter. Each backend keeps only its SQL. Internal to src/store; thread-safe (pure functions).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "fuse/fuse.h"
#include "sitrep/extract.h"
#include "sitrep/status.h"
#include "store/store.h"

namespace sitrep::store {

// An event lasts at most this many days: a query from a date looks this far back at the events' starts.
inline constexpr int kMaxEventDays = 366;

// ASCII lower case (names and keys compare case-insensitively).
std::string Lower(std::string_view s);

// The unique key of a place record: its gazetteer id, else "text:" and its lower-case text.
std::string PlaceKey(const PlaceRef& p);

// ---- ingest

// The evidence sentence's byte range [begin, end), clamped to the article text.
struct ByteSpan {
  uint32_t begin, end;
};
ByteSpan EvidenceSpan(const Event& e, const std::string& text);

// The records an event refers to: its place (0: none; lat/lon are the location's) and its actors (0 where it names
// none; a name is the canonical one, else the text as written).
struct EventRefs {
  int64_t place_id = 0;
  std::optional<double> lat, lon;
  int64_t actor_ids[2] = {0, 0};
  std::string actor_names[2];
};
using IdCache = std::unordered_map<std::string, int64_t>;  // place key or lower-case actor name -> record id

// Fills *refs through the caches (cleared by the backend on rollback); for a place or actor not cached yet it
// calls the backend's `find_or_add_place(key, place, &id)` / `find_or_add_actor(name, actor, &id)`, which look
// the record up or store it.
template <class FindOrAddPlace, class FindOrAddActor>
Status ResolveRefs(const Event& e, IdCache* places, IdCache* actors, FindOrAddPlace&& find_or_add_place,
                   FindOrAddActor&& find_or_add_actor, EventRefs* refs) {
  if (e.location && !e.location->text.empty()) {
    const PlaceRef& p = *e.location;
    refs->lat = p.lat;
    refs->lon = p.lon;
    std::string key = PlaceKey(p);
    if (auto it = places->find(key); it != places->end()) {
      refs->place_id = it->second;
    } else {
      if (Status s = find_or_add_place(key, p, &refs->place_id); !s.ok()) return s;
      places->emplace(std::move(key), refs->place_id);
    }
  }
  const std::optional<ActorRef>* given[2] = {&e.actor1, &e.actor2};
  for (int k = 0; k < 2; ++k) {
    if (!*given[k]) continue;
    const ActorRef& a = **given[k];
    std::string name = a.name.empty() ? a.text : a.name;
    if (name.empty()) continue;
    refs->actor_names[k] = name;
    std::string key = Lower(name);
    if (auto it = actors->find(key); it != actors->end()) {
      refs->actor_ids[k] = it->second;
      continue;
    }
    if (Status s = find_or_add_actor(name, a, &refs->actor_ids[k]); !s.ok()) return s;
    actors->emplace(std::move(key), refs->actor_ids[k]);
  }
  return Status::Ok();
}

// The link of a claim that starts an event of its own: "new_event" when it could be fused (`fusable`:
// fuse::Fusable(claim)) but no stored event is compatible, else "new_event_unfusable" and what it lacks.
fuse::Match NewEventLink(const fuse::FuseKey& claim, bool fusable);

// A fused event's figures, and what they become when a claim joins it (Joined): the dates widen, the killed
// range widens, the best confidence wins.
struct EventAggregates {
  std::string date_start, date_end;
  std::optional<int64_t> killed_min, killed_max;
  double confidence = 0;
};
EventAggregates Joined(const EventAggregates& event, const fuse::FuseKey& claim, std::optional<int64_t> killed,
                       double confidence);

// ---- queries

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

// The conditions of an event filter over `events e`, added to *w in the backend's SQL dialect. `Where` holds the
// clause and its parameters: Text(v) / Real(v) bind a parameter and return its placeholder, Same(column,
// placeholder) is the backend's case-insensitive comparison, Add(condition) appends, matches_nothing is set when
// the filter names a place or actor the store does not have. The backend also supplies its two lookups:
// `places_in_box(box, each)` calls each(id, lat, lon) for the places in a lat/lon box, and `actor_ids(actor,
// &ids)` lists the matching actors' ids ("3,17"; empty when none). Places come from store.FindPlaces.
template <class Where, class PlacesInBox, class ActorIds>
Status AddEventConditions(Store& store, const EventFilter& f, Where* w, PlacesInBox&& places_in_box,
                          ActorIds&& actor_ids) {
  if (!f.place.empty()) {
    std::vector<PlaceInfo> places;
    if (Status s = store.FindPlaces(f.place, &places); !s.ok()) return s;
    if (places.empty()) {
      w->matches_nothing = true;
      return Status::Ok();
    }
    PlaceMatch m = MatchPlaces(places);
    if (f.radius_km > 0 && m.lat) {
      // The places within the radius (by their coordinates), then their events through the place index.
      Status s = places_in_box(BoxAround(*m.lat, *m.lon, f.radius_km), [&](int64_t id, double lat, double lon) {
        if (fuse::HaversineKm(*m.lat, *m.lon, lat, lon) <= f.radius_km) m.ids += "," + std::to_string(id);
      });
      if (!s.ok()) return s;
    }
    w->Add("e.place_id IN (" + m.ids + ")");
  }
  if (!f.country.empty()) w->Add(w->Same("e.country", w->Text(f.country)));
  if (!f.admin1.empty()) w->Add(w->Same("e.admin1", w->Text(f.admin1)));
  if (!f.type.empty()) w->Add(w->Same(std::string("e.") + TypeColumn(f.type), w->Text(f.type)));
  if (!f.actor.empty()) {
    std::string ids;
    if (Status s = actor_ids(f.actor, &ids); !s.ok()) return s;
    if (ids.empty()) {
      w->matches_nothing = true;
      return Status::Ok();
    }
    w->Add("(e.actor1_id IN (" + ids + ") OR e.actor2_id IN (" + ids + "))");
  }
  if (!f.from.empty()) {
    // date_start bounds the index scan: events are found when they start at most a year before `from`.
    w->Add("e.date_end>=" + w->Text(f.from));
    w->Add("e.date_start>=" + w->Text(fuse::ShiftDate(f.from, -kMaxEventDays)));
  }
  if (!f.to.empty()) w->Add("e.date_start<=" + w->Text(f.to));
  if (f.min_confidence > 0) w->Add("e.confidence>=" + w->Real(f.min_confidence));
  if (!f.source.empty()) {
    const std::string a = w->Text(f.source);
    w->Add("(EXISTS (SELECT 1 FROM claims c WHERE c.event_id=e.id AND " + w->Same("c.source_name", a) +
           ") OR EXISTS (SELECT 1 FROM claims c JOIN documents d ON d.id=c.document_id WHERE c.event_id=e.id AND " +
           w->Same("d.source", a) + "))");
  }
  return Status::Ok();
}

}  // namespace sitrep::store
