#include "geo/place_mentions.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "text/word_table.h"
#include "time/time_expressions.h"

namespace sitrep::geo {
namespace {

using text::Document;

constexpr std::array<std::string_view, 30> kPlacePrepositions = {
    "in",     "near",    "outside", "at",      "around",  "into",   "from",    "across", "throughout", "toward",
    "towards", "inside", "to",      "of",      "on",      "between", "along",  "within", "off",   "over",
    "beyond", "through", "reach",   "entered", "enter",   "captured", "recaptured", "retook", "seized", "took"};

constexpr std::array<std::string_view, 28> kAdminNouns = {
    "province",  "provinces", "governorate", "governorates", "region",     "district", "districts", "oblast",
    "state",     "county",    "prefecture",  "municipality", "department", "division", "emirate",   "raion",
    "territory", "krai",      "canton",      "parish",       "wilayat",    "governate", "subdistrict", "zone",
    "oblasts",   "regions",   "area",        "valley"};

constexpr std::array<std::string_view, 22> kSettlementNouns = {
    "city",  "town",   "village", "capital", "neighborhood", "neighbourhood", "suburb", "camp",
    "port",  "airport", "base",   "border",  "crossing",     "district",      "villages", "towns",
    "cities", "hamlet", "settlement", "enclave", "stronghold", "outskirts"};

constexpr std::array<std::string_view, 16> kRegionWords = {
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "north", "south", "east", "west", "northeast", "northwest", "southeast"};

// Particles inside transliterated names ("Deir ez-Zor", "Ras al Ain", "Bab al-Hawa", "Dar es Salaam").
constexpr std::array<std::string_view, 17> kNameParticles = {"al", "el", "ad", "ar", "as", "ash", "az", "ez",
                                                             "ed", "es", "bin", "ibn", "de", "du", "la", "an",
                                                             "um"};

// Capitalised words that are not names of places even when they follow "in" ("in The", "in January").
constexpr std::array<std::string_view, 60> kNotPlaceWords = {
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "it", "he", "she",
    "they", "we", "i", "mr", "mrs", "president", "minister", "general", "gen",
    // religious and ethnic adjectives name groups, not places ("Sunni militants", "Kurdish fighters")
    "sunni", "shia", "shiite", "shi'ite", "kurdish", "alawite", "druze", "christian", "muslim", "islamist",
    "jihadist", "arab", "yazidi", "hindu", "buddhist", "jewish", "catholic", "tribal", "pashtun", "tuareg",
    // feasts and holy months are times ("the holy month of Ramadan", "on Christmas Eve")
    "ramadan", "eid", "christmas", "easter", "passover", "hanukkah", "diwali", "nowruz", "ashura", "muharram",
    "lent", "advent", "yom", "rosh", "hajj", "thanksgiving"};

// One hash per key answers every list above (text/word_table.h).
enum WordClass : uint32_t {
  kPreposition = 1, kAdmin = 2, kSettlement = 4, kRegion = 8, kParticle = 16, kNotPlace = 32,
};

bool Is(std::string_view k, uint32_t classes) {
  static const text::WordTable table({{kPlacePrepositions, kPreposition},
                                      {kAdminNouns, kAdmin},
                                      {kSettlementNouns, kSettlement},
                                      {kRegionWords, kRegion},
                                      {kNameParticles, kParticle},
                                      {kNotPlaceWords, kNotPlace}});
  return (table.Classes(k) & classes) != 0;
}

bool IsNameToken(const Document& doc, uint32_t i, const uint8_t* marks, uint32_t first) {
  const text::Token& t = doc.tokens[i];
  if (t.kind != text::kWord) return false;
  if (marks[i - first] & (kMarkActor | kMarkMetonymActor)) return false;
  if (!(t.Has(text::kCapitalized) || t.Has(text::kAllCaps))) return false;
  std::string_view k = doc.Key(t);
  if (Is(k, kNotPlace)) return false;
  if (timeutil::MonthFromKey(k) != 0 || timeutil::WeekdayFromKey(k) >= 0) return false;
  return true;
}

}  // namespace

void FindPlaceMentions(const Document& doc, uint32_t first, uint32_t last, const uint8_t* marks,
                       const int32_t* country_of, std::vector<PlaceMention>* out) {
  const size_t begin_out = out->size();
  auto key = [&](uint32_t i) { return i < last ? doc.Key(doc.tokens[i]) : std::string_view(); };

  // Extends a capitalised run starting at i; returns one past its end (i when there is no run).
  auto run_end = [&](uint32_t i) {
    uint32_t j = i;
    while (j < last && j < i + 6) {
      if (IsNameToken(doc, j, marks, first)) {
        ++j;
        continue;
      }
      // Lower-case particles and hyphen-joined parts inside a name: "Deir ez-Zor", "Ras al-Ain".
      const text::Token& t = doc.tokens[j];
      if (j > i && t.kind == text::kWord && Is(key(j), kParticle) && j + 1 < last &&
          IsNameToken(doc, j + 1, marks, first)) {
        ++j;
        continue;
      }
      if (j > i && t.kind == text::kWord && t.Has(text::kHyphenBefore) && !(marks[j - first] & kMarkActor) &&
          !Is(key(j), kAdmin)) {
        ++j;  // "Kafr-nabl", "Sha'ar-Hanegev"
        continue;
      }
      break;
    }
    return j;
  };

  for (uint32_t i = first; i < last; ++i) {
    // Country names from the lexicon are places when they are not acting ("Russia said" is an actor).
    if ((marks[i - first] & kMarkCountry) && !(marks[i - first] & kMarkActor)) {
      uint32_t j = i + 1;
      while (j < last && (marks[j - first] & kMarkCountry) && country_of[j - first] == country_of[i - first]) ++j;
      PlaceMention m;
      m.first = i;
      m.last = j;
      m.shape = PlaceShape::kCountry;
      m.country = country_of[i - first];
      m.cued = i > first && Is(key(i - 1), kPreposition);
      out->push_back(m);
      i = j - 1;
      continue;
    }
    if (!IsNameToken(doc, i, marks, first) || (marks[i - first] & kMarkCountry)) continue;
    uint32_t j = run_end(i);
    if (j == i) continue;
    // Trim a trailing country name off the run ("Kabul Afghanistan" rarely occurs; keep simple).
    PlaceMention m;
    m.first = i;
    m.last = j;
    // Admin noun after the name: "Homs province", "Kherson Oblast", "Al Jawf Governorate".
    if (j < last && Is(key(j), kAdmin)) {
      m.last = j + 1;
      m.shape = PlaceShape::kAdmin;
      m.cued = true;
    } else if (j - 1 > i && Is(key(j - 1), kAdmin)) {
      m.shape = PlaceShape::kAdmin;
      m.cued = true;
    }
    // What comes before: a preposition, a place noun ("the city of"), a direction ("south of").
    uint32_t p = i;
    if (p > first && (key(p - 1) == "the")) --p;
    while (p > first && Is(key(p - 1), kRegion)) --p;  // "in northern Aleppo"
    // "serving central Aleppo", "shelled eastern Ghouta": a lower-case direction before a name marks a place.
    if (p < i && !doc.tokens[p].Has(text::kCapitalized)) m.cued = true;
    if (p > first) {
      std::string_view before = key(p - 1);
      if (Is(before, kPreposition)) m.cued = true;
      if (before == "of" && p >= first + 2 && (Is(key(p - 2), kSettlement) || Is(key(p - 2), kAdmin) ||
                                                Is(key(p - 2), kRegion))) {
        m.cued = true;
        if (Is(key(p - 2), kAdmin) && key(p - 2) != "district") m.shape = PlaceShape::kAdmin;
      }
      if (Is(before, kSettlement)) m.cued = true;  // "the town Marinka" (rare), "capital Kabul"
      // "captures several more towns in the Tripoli District, including Qasr bin Ghashir, Wadi Rabie and …": the
      // names a plural place noun introduces with "including" are such places.
      if (before == "including") {
        for (uint32_t t = p - 1; t > first && p - 1 - t < 10; --t) {
          std::string_view w = key(t - 1);
          if (w == "towns" || w == "villages" || w == "cities" || w == "areas" || w == "districts" ||
              w == "neighbourhoods" || w == "neighborhoods" || w == "provinces" || w == "regions" ||
              w == "settlements" || w == "camps") {
            m.cued = true;
            break;
          }
          if (w == ";" || w == ".") break;
        }
      }
      // "the towns of Marib, Sirwah and Harib": a name listed after a cued place is a place of the same list.
      if ((before == "," || before == "and" || before == "or") && out->size() > begin_out) {
        const PlaceMention& listed = out->back();
        uint32_t sep = p - 1;
        if (before == "and" && sep > first && key(sep - 1) == ",") --sep;  // "A, B, and C"
        if (listed.cued && listed.last == sep && listed.ctx_last <= listed.last) m.cued = true;
      }
    }
    // Sentence-initial capitalised words are names only when cued or followed by a comma and a container.
    bool sentence_initial = i == first || (i == first + 1 && key(first) == "\"");
    if (sentence_initial && !m.cued) {
      i = j - 1;
      continue;
    }
    if (!m.cued && m.shape != PlaceShape::kAdmin) {
      // Uncued capitalised runs are usually names of people or organisations the lexicon does not know.
      i = j - 1;
      continue;
    }
    // Containers: "X, Y" or "X in Y" where Y is a place or country.
    uint32_t c = m.last;
    if (c + 1 < last && (key(c) == "," || key(c) == "in")) {
      uint32_t cs = c + 1;
      if (key(cs) == "the" && cs + 1 < last) ++cs;
      while (cs < last && Is(key(cs), kRegion)) ++cs;
      uint32_t ce = cs;
      if (cs < last && (marks[cs - first] & kMarkCountry)) {
        ce = cs + 1;
        while (ce < last && (marks[ce - first] & kMarkCountry) && country_of[ce - first] == country_of[cs - first]) ++ce;
      } else if (cs < last && IsNameToken(doc, cs, marks, first)) {
        ce = run_end(cs);
        if (ce < last && Is(key(ce), kAdmin)) ++ce;
      }
      // "Marib, Sirwah and Harib" lists towns; "Kabul, Afghanistan" names a town's container.
      const bool list_continues =
          ce < last && ((key(ce) == "and" || key(ce) == "or" || key(ce) == ",") && ce + 1 < last &&
                        IsNameToken(doc, ce + 1, marks, first) && !(marks[cs - first] & kMarkCountry));
      if (ce > cs && !list_continues) {
        m.ctx_first = c + 1;
        m.ctx_last = ce;
      }
    }
    out->push_back(m);
    i = std::max(j, m.ctx_last) - 1;
    if (m.ctx_last > 0) i = m.last - 1;  // let the container also stand as its own mention
  }
  // Order by position (country mentions and runs were appended in one pass, so they already are).
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(begin_out), out->end(),
            [](const PlaceMention& a, const PlaceMention& b) { return a.first < b.first; });
}

}  // namespace sitrep::geo
