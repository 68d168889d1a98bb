// CompiledLexicon: every lexicon of data/lexicon/ compiled into one immutable token-trie matcher.
//
// Compile once, run many (RE2's habit): Load() reads the files, expands inflections, tokenizes every phrase
// with the article tokenizer and builds a vocabulary (word key → id) and a trie over word ids whose nodes carry
// "senses" (this phrase names an actor, a trigger, a cue...). Afterwards the object is immutable and shared by
// all threads; matching needs no locks and allocates nothing but the caller's output vector.
//
// Usage:
//   auto lex = CompiledLexicon::Load("data/lexicon");   // once
//   lex->AssignWordIds(&doc);                             // per article
//   lex->MatchAt(doc, i, limit, day, &matches);           // per token position
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/ontology.h"
#include "sitrep/status.h"
#include "text/document.h"

namespace sitrep::lexicon {

enum class SenseKind : uint8_t {
  kActor, kPerson, kCountry, kDemonym, kMetonym, kAgent, kTrigger, kInstrument, kCue, kRefiner
};
enum class CaseRule : uint8_t { kAny, kCapitalized, kAllCaps, kExact };

struct Sense {
  SenseKind kind = SenseKind::kActor;
  CaseRule case_rule = CaseRule::kAny;
  uint32_t index = 0;        // into the table of its kind
  uint32_t exact_text = 0;   // kExact: index into exact_texts
  int32_t valid_from = INT32_MIN;  // days since 1970-01-01, inclusive
  int32_t valid_to = INT32_MAX;
};

struct Actor {
  std::string name;
  ActorKind kind = ActorKind::kUnknown;
  std::string country;  // ISO2 or ""
  std::string parent;
};

struct Person {
  std::string name;
  uint32_t actor = 0;  // index into actors()
  std::string role;
};

struct Country {
  std::string iso2;
  std::string name;          // "United States"
  std::string name_in_text;  // "the United States": as it reads after "Government of"
};

enum AgentFlag : uint16_t {
  kAgentArmed = 1, kAgentVictim = 2, kAgentHome = 4, kAgentAerial = 8, kAgentArtillery = 16, kAgentNaval = 32,
  kAgentWeak = 64,
};

struct Agent {
  ActorKind kind = ActorKind::kUnknown;
  std::vector<std::string> templates;  // "{actor}", "Military Forces of {country}", "Militants"
  uint16_t flags = 0;
  std::string head;  // first phrase, for messages
};

enum class TriggerClass : uint8_t { kFixed, kViolence, kTerritory, kProtest, kNonAcled };

enum TriggerFlag : uint16_t {
  kTriggerWeak = 1, kTriggerPassiveVictim = 2, kTriggerSelf = 4, kTriggerReciprocal = 8, kTriggerFuture = 16,
  kTriggerNeedsInstrument = 32, kTriggerMover = 64,
};

struct Trigger {
  bool verb = false;
  TriggerClass cls = TriggerClass::kFixed;
  AcledSub sub = AcledSub::kNone;
  Plover plover = Plover::kNone;
  uint8_t cameo = 0;
  std::string mode;
  uint16_t flags = 0;
  std::string lemma;  // first phrase of its line
  int line = 0;
};

struct Instrument {
  AcledSub sub = AcledSub::kNone;  // kNone: gives only a mode (firearms, bladed)
  std::string mode;
};

enum class CueKind : uint8_t { kReport, kModality, kNegation, kNonConflict };

struct Cue {
  CueKind kind = CueKind::kReport;
  std::string value;  // claimed/asserted/denied, planned/threatened/hypothetical, legal/business...
};

// A word that changes the sub-type of an event of a class in the same sentence ("tear gas" turns a protest
// into Protest with intervention).
struct Refiner {
  TriggerClass applies_to = TriggerClass::kProtest;
  AcledSub result = AcledSub::kNone;
};

struct TypeDefaults {
  Plover plover = Plover::kNone;
  uint8_t cameo = 0;
  std::string mode;
};

struct Match {
  uint32_t first = 0;  // token range [first, last)
  uint32_t last = 0;
  uint32_t senses_begin = 0;  // into CompiledLexicon::senses()
  uint32_t senses_end = 0;
};

class CompiledLexicon {
 public:
  // Loads every file under `dir` (countries.txt, people.txt, agents.txt, triggers.txt, instruments.txt,
  // cues.txt, refiners.txt, types.txt, actors/*.txt). Errors name FILE:LINE.
  static Result<std::unique_ptr<CompiledLexicon>> Load(const std::string& dir);

  // Fills Token::word_id for every token of doc.
  void AssignWordIds(text::Document* doc) const;

  // Appends every phrase that starts at token `i` and ends before `limit`, with the senses valid on `day`
  // (days since 1970-01-01; INT32_MIN when the date is unknown) and whose case rule the text satisfies.
  // Longest first.
  void MatchAt(const text::Document& doc, uint32_t i, uint32_t limit, int32_t day, std::vector<Match>* out) const;

  const std::vector<Sense>& senses() const { return senses_; }
  const std::vector<Actor>& actors() const { return actors_; }
  const std::vector<Person>& people() const { return people_; }
  const std::vector<Country>& countries() const { return countries_; }
  const std::vector<Agent>& agents() const { return agents_; }
  const std::vector<Trigger>& triggers() const { return triggers_; }
  const std::vector<Instrument>& instruments() const { return instruments_; }
  const std::vector<Cue>& cues() const { return cues_; }
  const std::vector<Refiner>& refiners() const { return refiners_; }
  const TypeDefaults& Defaults(AcledSub sub) const { return type_defaults_[static_cast<size_t>(sub)]; }

  // Whether a sense of a Match applies: its case rule holds for tokens [first, last) and it is valid on `day`.
  bool SenseApplies(const text::Document& doc, const Sense& s, uint32_t first, uint32_t last, int32_t day) const {
    if (day != INT32_MIN && (day < s.valid_from || day > s.valid_to)) return false;
    // Without a date, a bare surname of someone whose role ended ("Mubarak") is as likely a town or a namesake.
    if (day == INT32_MIN && s.kind == SenseKind::kPerson && s.valid_to != INT32_MAX && last - first == 1) {
      return false;
    }
    return CaseOk(doc, s, first, last);
  }

  // Country by ISO2 code, or nullptr.
  const Country* CountryByCode(std::string_view iso2) const;
  // Actor by canonical name, or -1.
  int FindActor(std::string_view name) const;

  // Identifies the lexicon version in outputs: a hash of every file's content.
  const std::string& version() const { return version_; }
  size_t phrase_count() const { return phrase_count_; }

  ~CompiledLexicon();

 private:
  CompiledLexicon();
  struct Builder;
  friend struct Builder;

  uint32_t LookupWord(std::string_view key) const;
  uint32_t Child(uint32_t node, uint32_t word) const;
  bool CaseOk(const text::Document& doc, const Sense& s, uint32_t first, uint32_t last) const;

  // Vocabulary: open addressing over word keys stored in vocab_text_.
  struct VocabSlot {
    uint64_t hash = 0;
    uint32_t offset = 0;
    uint32_t length = 0;
    uint32_t id = 0;  // 0 = empty
  };
  std::string vocab_text_;
  std::vector<VocabSlot> vocab_;
  uint64_t vocab_mask_ = 0;

  // Trie edges in compressed rows: node n's children are edge_words_/edge_children_[edges_begin_[n],
  // edges_begin_[n+1]), sorted by word id, so a step is a short binary search in memory that is close together.
  std::vector<uint32_t> edges_begin_;
  std::vector<uint32_t> edge_words_;
  std::vector<uint32_t> edge_children_;
  std::vector<uint32_t> node_senses_begin_;  // per node, into senses_ (node_senses_begin_[n+1] ends it)
  // The root's children by word id: most tokens stop at the first step, so it is a direct index, not a probe.
  std::vector<uint32_t> root_child_;

  std::vector<Sense> senses_;
  std::vector<std::string> exact_texts_;
  std::vector<Actor> actors_;
  std::vector<Person> people_;
  std::vector<Country> countries_;
  std::vector<Agent> agents_;
  std::vector<Trigger> triggers_;
  std::vector<Instrument> instruments_;
  std::vector<Cue> cues_;
  std::vector<Refiner> refiners_;
  std::vector<TypeDefaults> type_defaults_;
  // CountryByCode: the first country of each upper-case two-letter code, by (a - 'A') * 26 + (b - 'A'); -1 when
  // none. Codes of other shapes fall back to the linear scan.
  std::vector<int16_t> country_by_code_;
  std::string version_;
  size_t phrase_count_ = 0;
};

// Days since 1970-01-01 of an ISO date "YYYY" or "YYYY-MM-DD"; `end` picks Dec 31 for a bare year.
bool ParseDay(std::string_view iso, bool end, int32_t* day);

}  // namespace sitrep::lexicon
