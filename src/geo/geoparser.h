// The geoparser: toponym recognition over a tokenised article and resolution of toponyms to gazetteer places.
//
// Resolution ranks each toponym's candidates by prominence (population, capital or admin seat, country or
// admin1), the article's country focus, admin1 agreement and nearness to the article's other places, and the
// containers the text gives ("Homs province", "Mare', Aleppo", "X in Syria"). Acting metonyms ("Moscow said")
// and names the gazetteer lacks stay unresolved (null coordinates) without disturbing the others.
//
// For the extractor, ResolvePlaces() takes plain queries (the PlaceRef text and context) and returns plain
// resolutions, so callers need none of the gazetteer's internals. Everything here is thread-safe given a
// shared const Gazetteer; GeoScratch is per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geo/gazetteer.h"

namespace sitrep::text {
struct Document;
}

namespace sitrep::geo {

// What the text says the place is ("Homs province" → kAdmin); kAny when it does not say. kStreet: a street or
// road ("Memphis St.", "Highway 200"), recognised but left unresolved (the gazetteer has no streets).
enum class PlaceHint : uint8_t { kAny, kCity, kAdmin, kCountry, kRegion, kStreet };

struct PlaceQuery {
  std::string_view text;     // the toponym as written: "Palmyra", "Homs province", "northern Syria"
  std::string_view context;  // its container as written ("Homs province", "Syria"), or empty
  PlaceHint hint = PlaceHint::kAny;
  bool metonym = false;  // names an actor ("Moscow said"): reported, never resolved
};

struct PlaceResolution {
  bool resolved = false;
  uint32_t place = kNone;  // gazetteer record
  std::string name;        // gazetteer name ("Palmyra")
  std::string admin1;      // "Homs"
  std::string country;     // ISO2
  double lat = 0, lon = 0;
  std::string gazetteer_id;  // "geonames:163808", "admin1:SY.11", "country:SY", "region:donbas"
  std::string precision;     // city, admin1, country, region ("" when unresolved)
  double score = 0;          // margin of the winner over the runner-up (0 when alone)
};

// Resolves the toponyms of one article together (each one's context is the others). out gets one entry per query.
void ResolvePlaces(const Gazetteer& gaz, const std::vector<PlaceQuery>& queries, std::vector<PlaceResolution>* out);

// A toponym found in an article.
struct Toponym {
  uint32_t begin = 0, end = 0;          // bytes of the name in the text
  uint32_t ctx_begin = 0, ctx_end = 0;  // bytes of its container ("Syria" in "Aleppo, Syria"), empty when none
  PlaceHint hint = PlaceHint::kAny;
  bool metonym = false;
  bool cued = false;  // a preposition, place noun or container supports it
  bool demonym = false;  // "Syrian", "Palestinians": resolved to the country, never an event place
};

// Finds toponyms in doc (tokenised and split into sentences): gazetteer matches over capitalised spans, with
// cue words ("in", "near", "south of", "province", "village of"), "X, Y" and "X in Y" containers, and filters
// for people, organisations ("Washington Post") and acting metonyms ("Moscow said").
void RecognizeToponyms(const Gazetteer& gaz, const text::Document& doc, std::vector<Toponym>* out);

// Recognition plus resolution of a whole text, for `sitrep geoparse` and the evaluation.
struct GeoparsedToponym {
  Toponym toponym;
  std::string text;
  PlaceResolution resolution;
};
class GeoScratch;
struct GeoScratchDeleter {
  void operator()(GeoScratch* s) const;
};
using GeoScratchPtr = std::unique_ptr<GeoScratch, GeoScratchDeleter>;
GeoScratchPtr NewGeoScratch();
void Geoparse(const Gazetteer& gaz, std::string_view text, GeoScratch* scratch, std::vector<GeoparsedToponym>* out);
// The repaired text that toponym offsets point into (valid after Geoparse).
std::string_view GeoScratchText(const GeoScratch& scratch);

}  // namespace sitrep::geo
