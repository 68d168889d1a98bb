// The extractor's layers over a Document, and the per-thread scratch that holds them.
//
// Every layer is a vector of small records pointing into the Document by token index; the vectors are cleared
// (capacity kept) between articles, so extraction allocates nothing per token. Strings are built only when an
// event is written out (extractor.cc). Internal to src/extract.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "geo/geoparser.h"
#include "geo/place_mentions.h"
#include "lexicon/compiled_lexicon.h"
#include "text/document.h"
#include "text/numbers.h"
#include "time/time_expressions.h"

namespace sitrep::extract {

using lexicon::AcledSub;
using lexicon::ActorKind;
using lexicon::Plover;
using lexicon::SenseKind;

enum class Layer : uint8_t { kEntity, kTrigger, kInstrument, kCue, kRefiner, kCount };

// A lexicon match chosen for one layer (longest, left to right, no overlap within the layer).
struct Item {
  uint32_t first = 0, last = 0;
  Layer layer = Layer::kEntity;
  SenseKind kind = SenseKind::kActor;
  uint32_t index = 0;  // into the lexicon table of `kind`
  bool ambiguous = false;  // the phrase names more than one actor ("Kurdish forces"): settled by the country
};

enum class MentionKind : uint8_t { kNamed, kPerson, kAgent, kCountry, kMetonym, kDemonymNoun, kPronoun };

// A noun phrase that names a participant: "IS fighters", "the Syrian army", "Russia", "20 civilians".
struct Mention {
  uint32_t first = 0, last = 0;  // whole phrase, tokens
  uint32_t head = 0;             // head token
  MentionKind mkind = MentionKind::kAgent;
  int32_t actor = -1;     // lexicon actor (named, person, or resolved coreference)
  int32_t person = -1;
  int32_t agent = -1;     // lexicon agent giving the name template and kind
  int32_t country = -1;   // country modifier or the country itself
  int32_t country2 = -1;  // second coordinated country ("Syrian and Iranian forces")
  ActorKind kind = ActorKind::kUnknown;
  uint16_t agent_flags = 0;
  bool generic = false;     // agent with no modifier ("militants", "the group")
  bool definite = false;    // "the militants": may refer back
  uint32_t ambiguous_first = 0, ambiguous_last = 0;  // an actor phrase with several senses, chosen by country
  bool coreferent = false;  // actor filled by coreference
  bool pro = false;         // "pro-Russian separatists"
  bool source_only = false; // a vague voice ("a monitoring group"): may be a source, never a participant
  bool holder = false;      // who holds a place ("rebel-held", "under Russian occupation"): a former holder only
  uint32_t sentence = 0;
};

enum class Voice : uint8_t { kActive, kPassive, kNominal, kParticiple };

enum class CountWhat : uint8_t { kNone, kKilled, kWounded, kCaptured, kDisplaced, kStrikes, kTroops, kDestroyed,
                                 kArrested, kOther };
const char* CountWhatName(CountWhat w);

struct CountMention {
  text::NumberExpr number;
  CountWhat what = CountWhat::kNone;
  uint32_t of_first = 0, of_last = 0;  // what is counted ("militants"), tokens; empty when none
  int32_t event = -1;
  uint32_t sentence = 0;
};

enum class Modality : uint8_t { kAsserted, kClaimed, kDenied, kPlanned, kThreatened, kHypothetical };
const char* ModalityName(Modality m);

// An event under construction.
struct Candidate {
  uint32_t sentence = 0;
  uint32_t trigger_first = 0, trigger_last = 0;
  uint32_t trigger = 0;  // lexicon trigger
  Voice voice = Voice::kActive;
  AcledSub sub = AcledSub::kNone;
  Plover plover = Plover::kNone;
  uint8_t cameo = 0;
  const std::string* mode = nullptr;
  int32_t actor1 = -1, actor2 = -1;  // mentions
  int32_t place = -1;                // place mention
  int32_t time = -1;                 // time mention
  int32_t instrument = -1;           // item
  int32_t source = -1;               // mention giving the source, or -1
  uint32_t source_first = 0, source_last = 0;  // source text tokens (may be set without a mention)
  Modality modality = Modality::kAsserted;
  bool negated = false;
  bool alive = true;
  bool typed_by_default = false;  // sub-type chosen by the fallback rule, not by a word
  bool place_inherited = false;   // place taken from an earlier sentence
  bool referenced = false;        // an earlier act the sentence responds to ("in response to yesterday's strikes")
  int32_t copied_from = -1;       // a denial copy of another event
  float confidence = 0.5f;
};

// Where each sentence's records start in the layer vectors.
struct SentenceLayers {
  uint32_t items_begin = 0, items_end = 0;
  uint32_t mentions_begin = 0, mentions_end = 0;
  uint32_t places_begin = 0, places_end = 0;
  uint32_t times_begin = 0, times_end = 0;
  uint32_t events_begin = 0, events_end = 0;
  bool nonconflict = false;  // a natural-disaster, accident, court or business cue
  bool legal = false;
  bool crime = false;  // an ordinary crime (trafficking, fraud): arrests for it are not coded
};

}  // namespace sitrep::extract

namespace sitrep {

class ExtractorScratch {
 public:
  text::Document doc;
  std::vector<lexicon::Match> matches;
  // (event, place): one more place of an event told for a list of places ("captures A, B and C"), coded as ACLED
  // does, one event per place.
  std::vector<std::pair<uint32_t, int32_t>> extra_places;
  std::vector<extract::Item> items;
  std::vector<extract::Mention> mentions;
  std::vector<geo::PlaceMention> places;
  std::vector<timeutil::TimeMention> times;
  std::vector<extract::Candidate> events;
  std::vector<extract::CountMention> counts;
  std::vector<extract::SentenceLayers> layers;
  std::vector<uint8_t> token_marks;    // geo::TokenMark per token
  std::vector<int32_t> token_country;  // country index per token, -1
  std::string repaired;                // UTF-8 repair buffer
  std::vector<geo::PlaceResolution> resolved;  // gazetteer resolution per place mention
  // Work of Extractor::ResolvePlaces, kept for its capacity (not cleared between articles).
  struct PlaceResolveScratch {
    std::vector<geo::PlaceQuery> queries;             // one per place mention
    std::vector<geo::PlaceQuery> unique;              // the distinct queries, in order of first appearance
    std::vector<uint32_t> unique_of;                  // per query, its index in unique
    std::vector<uint32_t> slots;                      // open-addressing table of indexes into unique
    std::vector<geo::PlaceResolution> resolved_unique;  // per distinct query
    std::vector<geo::PlaceResolution> pool;             // the last article's `resolved`, reused for its strings
  } place_resolve;
  int32_t published_day = INT32_MIN;
  int32_t focus_country = -1;
  std::vector<uint8_t> named_country;  // per country: the article's text names it (outside parentheses)

  void Clear();
};

}  // namespace sitrep
