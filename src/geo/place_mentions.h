// Place mentions: the spans of a sentence that name places, found from the shape of the text before any
// gazetteer is consulted.
//
// Cues: prepositions of place ("in", "near", "outside", "south of"), place nouns ("the city of", "the town
// of"), admin nouns after a name ("Homs province", "Kherson Oblast", "Al Jawf Governorate"), and country names
// from the lexicon. A place is followed by its containers when the text gives them ("Mare', in the northern
// Aleppo province"; "Hranitne in Donetsk Oblast"; "Kabul, Afghanistan"). Tokens that name actors, people,
// demonyms, months or weekdays are never places. The gazetteer (src/geo, issue 3) resolves these spans to
// coordinates. Thread-safe (stateless).
#pragma once

#include <cstdint>
#include <vector>

#include "text/document.h"

namespace sitrep::geo {

enum class PlaceShape : uint8_t { kSettlement, kAdmin, kCountry, kRegion };

struct PlaceMention {
  uint32_t first = 0, last = 0;          // the name's tokens [first, last)
  uint32_t ctx_first = 0, ctx_last = 0;  // the enclosing names' tokens (empty when none)
  PlaceShape shape = PlaceShape::kSettlement;
  int32_t country = -1;  // lexicon country index when the mention is a country name
  bool cued = false;     // introduced by a preposition or place noun (stronger evidence)
};

// Token classes the caller already knows (from the lexicon layer): bit 0 = part of an actor, person, agent or
// demonym mention; bit 1 = a country name (its index in country_of); bit 2 = a metonym used as an actor.
// kMarkInMention: inside any actor mention of the extractor (its own bookkeeping; the place finder ignores it).
enum TokenMark : uint8_t { kMarkActor = 1, kMarkCountry = 2, kMarkMetonymActor = 4, kMarkInMention = 8 };

// Finds place mentions in tokens [first, last). `marks[i - first]` and `country_of[i - first]` describe token i.
void FindPlaceMentions(const text::Document& doc, uint32_t first, uint32_t last, const uint8_t* marks,
                       const int32_t* country_of, std::vector<PlaceMention>* out);

}  // namespace sitrep::geo
