#include "extract/coder.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace sitrep::extract {
namespace {

using lexicon::Agent;
using lexicon::CueKind;
using lexicon::Trigger;
using lexicon::TriggerClass;


bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

constexpr std::array<std::string_view, 26> kPrepositions = {
    "of", "in", "from", "near", "at", "on", "with", "by", "to", "for", "against", "into", "outside", "across",
    "over", "under", "toward", "towards", "around", "inside", "between", "among", "including", "within",
    "throughout", "beyond"};

constexpr std::array<std::string_view, 24> kClauseBoundaries = {
    ";", ":", "that", "which", "who", "whom", "whose", "where", "while", "but", "although", "though", "because",
    "whereas", "after", "before", "when", "as", "since", "following", "amid", "despite", "until", "unless"};

constexpr std::array<std::string_view, 12> kBeForms = {"is", "are", "was", "were", "be", "been", "being",
                                                       "get", "got", "gets", "getting", "'s"};

constexpr std::array<std::string_view, 16> kSkippableAdverbs = {
    "reportedly", "allegedly", "also", "later", "then", "subsequently", "reported", "apparently", "all",
    "both", "already", "just", "recently", "again", "not", "never"};

constexpr std::array<std::string_view, 8> kDeterminers = {"the", "a", "an", "its", "their", "his", "her", "our"};

// Words that may sit inside a participant phrase without ending it ("U.S.-backed forces", "suspected militants").
constexpr std::array<std::string_view, 22> kInnerModifiers = {
    "backed", "led", "aligned", "allied", "affiliated", "linked", "supported", "controlled", "suspected",
    "unidentified", "unknown", "local", "foreign", "rival", "armed", "special", "elite", "alleged", "sponsored",
    "funded", "trained", "inspired"};

std::string_view KeyAt(const Context& c, uint32_t i) { return c.doc.Key(c.doc.tokens[i]); }

int EntityPriority(SenseKind k) {
  switch (k) {
    case SenseKind::kPerson: return 0;
    case SenseKind::kActor: return 1;
    case SenseKind::kCountry: return 2;
    case SenseKind::kMetonym: return 3;
    case SenseKind::kDemonym: return 4;
    case SenseKind::kAgent: return 5;
    default: return 9;
  }
}

Layer LayerOf(SenseKind k) {
  switch (k) {
    case SenseKind::kTrigger: return Layer::kTrigger;
    case SenseKind::kInstrument: return Layer::kInstrument;
    case SenseKind::kCue: return Layer::kCue;
    case SenseKind::kRefiner: return Layer::kRefiner;
    default: return Layer::kEntity;
  }
}

const SentenceLayers& Lay(const Context& c, uint32_t si) { return c.s.layers[si]; }

// Is there a report cue item inside token range [a, b)?
bool ReportCueBetween(const Context& c, uint32_t si, uint32_t a, uint32_t b) {
  const auto& L = Lay(c, si);
  for (uint32_t k = L.items_begin; k < L.items_end; ++k) {
    const Item& it = c.s.items[k];
    if (it.layer != Layer::kCue || it.first < a || it.first >= b) continue;
    // "ISIL militants reportedly execute 175 workers": a hedging adverb qualifies the verb; it does not start a
    // report clause that would hide the subject.
    if (it.last == it.first + 1 && EndsWith(KeyAt(c, it.first), "ly")) continue;
    // "kills five suspected Al Qaeda terrorists": an adjective doubting who someone is starts no report.
    std::string_view key = KeyAt(c, it.first);
    if (key == "suspected" || key == "alleged" || key == "apparent" || key == "purported") continue;
    if (c.lex.cues()[it.index].kind == CueKind::kReport) return true;
  }
  return false;
}

bool IsVerbTriggerAt(const Context& c, uint32_t si, uint32_t a, uint32_t b) {
  const auto& L = Lay(c, si);
  for (uint32_t k = L.items_begin; k < L.items_end; ++k) {
    const Item& it = c.s.items[k];
    if (it.layer == Layer::kTrigger && it.first >= a && it.first < b && c.lex.triggers()[it.index].verb) return true;
  }
  return false;
}

// The object of a preposition ("in Kabul"), or of a participle that modifies another phrase ("the coalition
// backing Yemen's government"): not a subject.
bool IsPrepObject(const Context& c, const Mention& m, uint32_t sentence_first) {
  static constexpr std::array<std::string_view, 14> kPlaceAdjectives = {
      "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
      "southwestern", "neighboring", "neighbouring", "nearby", "rural", "mainland"};
  uint32_t p = m.first;
  // "critical of Russian President Vladimir Putin": a title mention right before a name is part of its phrase.
  // Mentions are in text order, so the one ending at the name is found by binary search, not a scan.
  const auto& mentions = c.s.mentions;
  auto after = m.mkind != MentionKind::kPerson
                   ? mentions.begin()
                   : std::partition_point(mentions.begin(), mentions.end(), [&](const Mention& o) { return o.first < p; });
  if (after != mentions.begin()) {
    const Mention& title = *(after - 1);
    if (title.last == p && title.first >= sentence_first && title.mkind == MentionKind::kAgent) p = title.first;
  }
  while (p > sentence_first && (In(kDeterminers, KeyAt(c, p - 1)) || In(kPlaceAdjectives, KeyAt(c, p - 1)))) --p;
  while (p > sentence_first && c.doc.tokens[p - 1].kind == text::kNumber) --p;
  if (p == sentence_first) return false;
  std::string_view before = KeyAt(c, p - 1);
  // "Thousands of demonstrators", "a group of gunmen": a quantity's "of" heads the subject itself.
  static constexpr std::array<std::string_view, 14> kQuantityHeads = {
      "thousands", "hundreds", "dozens", "scores", "tens", "millions", "group", "groups", "band", "crowd",
      "crowds", "number", "members", "some"};
  if (before == "of" && p >= sentence_first + 2 && In(kQuantityHeads, KeyAt(c, p - 2))) return false;
  // "Forces loyal to President Salva Kiir", "militants linked to al-Qaeda": the name says whose forces they are.
  if ((before == "to" || before == "with") && p >= sentence_first + 2) {
    std::string_view tie = KeyAt(c, p - 2);
    if (tie == "loyal" || tie == "linked" || tie == "affiliated" || tie == "allied") return false;
  }
  if (In(kPrepositions, before)) return true;
  // "in Iraq and Syria": the second of coordinated objects is as much the preposition's.
  if ((before == "and" || before == "or") && p >= sentence_first + 2) {
    auto after = std::partition_point(c.s.mentions.begin(), c.s.mentions.end(),
                                      [&](const Mention& o) { return o.first < p - 1; });
    if (after != c.s.mentions.begin()) {
      const Mention& first_object = *(after - 1);
      // Not after "of": "the presidents of Colombia and Venezuela" are the countries' own.
      if (first_object.last == p - 1 && first_object.first > sentence_first && &first_object != &m &&
          KeyAt(c, first_object.first - 1) != "of" && IsPrepObject(c, first_object, sentence_first)) {
        return true;
      }
    }
  }
  const text::Token& bt = c.doc.tokens[p - 1];
  return bt.kind == text::kWord && !bt.Has(text::kCapitalized) && before.size() > 4 &&
         before.substr(before.size() - 3) == "ing" && p - 1 > sentence_first;
}

const Trigger& TriggerOf(const Context& c, const Candidate& e) { return c.lex.triggers()[e.trigger]; }


// Whether a word that can be a verb or a noun reads as a noun here: after a determiner, a preposition, a
// number or an adjective of scale ("in clashes", "the recapture of", "heavy fighting"), or before "of" /
// "between".
bool NounContext(const Context& c, const text::Sentence& sent, uint32_t first, uint32_t last) {
  static constexpr std::array<std::string_view, 44> kBeforeNoun = {
      "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "of", "in", "during",
      "after", "amid", "following", "from", "for", "by", "on", "at", "with", "heavy", "fierce", "renewed", "new",
      "deadly", "fresh", "intense",
      // light verbs whose object names the event: "carries out strikes", "launched attacks"
      "out", "conducted", "conduct", "conducts", "launched", "launch", "launches", "staged", "stage", "mounted",
      "mount", "unleashed", "several", "multiple"};
  // "clash violently with": an adverb of manner after the word makes it a verb.
  if (last < sent.last_token) {
    std::string_view nk = KeyAt(c, last);
    if (nk.size() > 4 && nk.substr(nk.size() - 2) == "ly" && nk != "early" && nk != "only" && nk != "july" &&
        nk != "italy" && c.doc.tokens[last].kind == text::kWord && !c.doc.tokens[last].Has(text::kCapitalized)) {
      return false;
    }
  }
  if (first > sent.first_token) {
    const text::Token& prev = c.doc.tokens[first - 1];
    std::string_view pk = KeyAt(c, first - 1);
    if (In(kBeforeNoun, pk) || prev.kind == text::kNumber || text::NumberWordValue(pk) > 1 || pk == "'s") return true;
    // "ISIL targets", "Houthi positions", "Russian strikes": a name or nationality before the word.
    // "Iraqi Armed Forces recapture al-Shirqat", "ISIL targets the city": an object right after (a determiner, a
    // number or a name) makes the word a verb; "ISIL targets in Syria" stays a noun.
    if (prev.Has(text::kCapitalized) && prev.kind == text::kWord && last < sent.last_token) {
      const text::Token& nt = c.doc.tokens[last];
      std::string_view nk = KeyAt(c, last);
      // Arabic names open with a lowercase article: "al-Shirqat", "el-Arish".
      bool arabic_name = (nk == "al" || nk == "el" || nk == "ad" || nk == "ar" || nk == "as") &&
                         last + 1 < sent.last_token && c.doc.tokens[last + 1].Has(text::kHyphenBefore);
      bool object_next = nk == "the" || nk == "a" || nk == "an" || nt.kind == text::kNumber || arabic_name ||
                         (nt.Has(text::kCapitalized) && nt.kind == text::kWord && timeutil::WeekdayFromKey(nk) < 0 &&
                          timeutil::MonthFromKey(nk) == 0);
      if (object_next) return false;
    }
    // Not when the name closes a prepositional phrase after the subject: "Protesters in Indonesia clash".
    if (prev.Has(text::kCapitalized) && prev.kind == text::kWord && first - 1 > sent.first_token) {
      uint32_t run = first - 1;
      while (run > sent.first_token && c.doc.tokens[run - 1].Has(text::kCapitalized) &&
             c.doc.tokens[run - 1].kind == text::kWord) {
        --run;
      }
      bool place_phrase = run > sent.first_token + 1 && (KeyAt(c, run - 1) == "in" || KeyAt(c, run - 1) == "from") &&
                          c.doc.tokens[run - 2].kind == text::kWord;
      if (!place_phrase) return true;
    }
    // "the recent attacks", "a suspected revenge attack": a determiner and up to two modifiers.
    for (uint32_t back = 2; back <= 3 && first >= sent.first_token + back; ++back) {
      const text::Token& mod = c.doc.tokens[first - back + 1];
      if (mod.kind != text::kWord || mod.Has(text::kCapitalized)) break;
      std::string_view det = KeyAt(c, first - back);
      if (det == "the" || det == "a" || det == "an" || det == "its" || det == "their" || det == "these" ||
          det == "this") {
        return true;
      }
    }
  }
  if (last < sent.last_token) {
    std::string_view nk = KeyAt(c, last);
    if (nk == "of" || nk == "between") return true;
  }
  return first == sent.first_token;  // a sentence opening with the word ("Clashes erupted")
}

}  // namespace

bool IsPreposition(std::string_view key) { return In(kPrepositions, key); }
bool IsClauseBoundary(std::string_view key) { return In(kClauseBoundaries, key); }

bool MentionIsArmed(const Context& c, const Mention& m) {
  (void)c;
  if (m.agent_flags & lexicon::kAgentArmed) return true;
  if (m.mkind == MentionKind::kCountry) return true;
  return lexicon::IsArmed(m.kind);
}

bool MentionIsCivilian(const Context& c, const Mention& m) {
  (void)c;
  if (m.kind == ActorKind::kCivilians) return true;
  if (m.agent_flags & lexicon::kAgentVictim) return !(m.agent_flags & lexicon::kAgentArmed);
  return m.mkind == MentionKind::kDemonymNoun;
}

// ---------------------------------------------------------------------------------------------------------
// CollectItems

namespace {

// A capitalised word inside a sentence, not after a colon, quote or bracket and not naming a battle or siege
// ("the Battle of Mosul"): part of a proper name.
bool NamePartAt(const Context& c, const text::Sentence& sent, uint32_t i) {
  const text::Token& tok = c.doc.tokens[i];
  // "Shell, who own a 55% stake": only a name is "who".
  if (i == sent.first_token) {
    return i + 2 < sent.last_token && KeyAt(c, i + 1) == "," && KeyAt(c, i + 2) == "who";
  }
  if (!tok.Has(text::kCapitalized) || tok.Has(text::kAllCaps) || tok.Has(text::kLineStart)) {
    return false;
  }
  std::string_view before = KeyAt(c, i - 1);
  if (before == ":" || before == "\"" || before == "(" || before == "-" || before == "'" || before == "[") return false;
  if (i + 1 < sent.last_token && KeyAt(c, i + 1) == "of") return false;
  return true;
}

}  // namespace

void CollectItems(Context& c, uint32_t si) {
  auto& s = c.s;
  const text::Sentence& sent = c.doc.sentences[si];
  SentenceLayers& L = s.layers[si];
  L.items_begin = static_cast<uint32_t>(s.items.size());
  std::array<uint32_t, static_cast<size_t>(Layer::kCount)> busy;
  busy.fill(sent.first_token);
  // In prose a trigger word written with a capital inside a sentence is part of a name ("Shell", "Operation
  // Desert Storm"); headlines capitalise every word, so the test applies only to sentences mostly in lower case.
  uint32_t words = 0, capitalised = 0;
  for (uint32_t i = sent.first_token; i < sent.last_token; ++i) {
    if (c.doc.tokens[i].kind != text::kWord) continue;
    ++words;
    capitalised += c.doc.tokens[i].Has(text::kCapitalized) ? 1 : 0;
  }
  const bool prose = capitalised * 2 < words;
  for (uint32_t i = sent.first_token; i < sent.last_token; ++i) {
    if (c.doc.tokens[i].word_id == 0) continue;
    s.matches.clear();
    c.lex.MatchAt(c.doc, i, sent.last_token, s.published_day, &s.matches);
    if (s.matches.empty()) continue;
    for (size_t layer = 0; layer < busy.size(); ++layer) {
      if (busy[layer] > i) continue;
      if (layer == static_cast<size_t>(Layer::kTrigger) && prose && NamePartAt(c, sent, i)) continue;
      for (const auto& m : s.matches) {  // longest first
        int best_priority = 99;
        const lexicon::Sense* best = nullptr;
        const bool want_noun = layer == static_cast<size_t>(Layer::kTrigger) && NounContext(c, sent, m.first, m.last);
        for (uint32_t k = m.senses_begin; k < m.senses_end; ++k) {
          const lexicon::Sense& sense = c.lex.senses()[k];
          if (static_cast<size_t>(LayerOf(sense.kind)) != layer) continue;
          if (!c.lex.SenseApplies(c.doc, sense, m.first, m.last, s.published_day)) continue;
          int pr = EntityPriority(sense.kind);
          if (sense.kind == SenseKind::kTrigger) {
            // A word listed as both verb and noun ("clashes", "recapture"): the neighbours decide.
            pr = c.lex.triggers()[sense.index].verb == want_noun ? 1 : 0;
          }
          if (!best || pr < best_priority) {
            best = &sense;
            best_priority = pr;
          }
        }
        if (!best) continue;
        // "US$1.2 billion", "HK$": a currency, not a country.
        if (best->kind == SenseKind::kCountry && m.last < sent.last_token && KeyAt(c, m.last) == "$") continue;
        // "12 states activate the national guard", "the Gulf states": the noun, not the verb of saying.
        if (best->kind == SenseKind::kCue && m.last == m.first + 1 && KeyAt(c, m.first) == "states" &&
            m.first > sent.first_token) {
          static constexpr std::array<std::string_view, 24> kBeforeTheNoun = {
              "the", "these", "those", "several", "many", "some", "other", "all", "both", "member", "arab", "gulf",
              "baltic", "african", "european", "western", "asian", "island", "nuclear", "border", "frontline",
              "neighbouring", "neighboring", "two"};
          const text::Token& prev = c.doc.tokens[m.first - 1];
          if (prev.kind == text::kNumber || In(kBeforeTheNoun, KeyAt(c, m.first - 1)) ||
              text::NumberWordValue(KeyAt(c, m.first - 1)) > 0) {
            continue;
          }
        }
        uint32_t actor_senses = 0;
        if (best->kind == SenseKind::kActor) {
          for (uint32_t k = m.senses_begin; k < m.senses_end; ++k) {
            const lexicon::Sense& sense = c.lex.senses()[k];
            actor_senses += sense.kind == SenseKind::kActor &&
                            c.lex.SenseApplies(c.doc, sense, m.first, m.last, s.published_day);
          }
        }
        Item item;
        item.ambiguous = actor_senses > 1;
        item.first = m.first;
        item.last = m.last;
        item.layer = static_cast<Layer>(layer);
        item.kind = best->kind;
        item.index = best->index;
        s.items.push_back(item);
        busy[layer] = m.last;
        if (item.layer == Layer::kCue) {
          const auto& cue = c.lex.cues()[item.index];
          if (cue.kind == CueKind::kNonConflict) {
            // Court and business words do not explain a death away; they only mark reports about past acts.
            if (cue.value == "legal") L.legal = true;
            else if (cue.value == "crime") L.crime = true;
            else if (cue.value != "business" && cue.value != "politics") L.nonconflict = true;
          }
        }
        break;
      }
    }
  }
  L.items_end = static_cast<uint32_t>(s.items.size());
  // Items of different layers interleave; keep them ordered by position for the scans below. They are pushed
  // in token order already, so an insertion sort is linear here and, unlike std::stable_sort, never allocates.
  for (size_t k = L.items_begin + 1; k < s.items.size(); ++k) {
    Item moving = s.items[k];
    size_t j = k;
    while (j > L.items_begin && s.items[j - 1].first > moving.first) {
      s.items[j] = s.items[j - 1];
      --j;
    }
    s.items[j] = moving;
  }
}

// ---------------------------------------------------------------------------------------------------------
// BuildMentions

// "Friends of Syria calls on Iran to withdraw": a capitalised name the lexicons do not know, opening the
// sentence as the subject of a statement or diplomatic verb, is an organisation of its own. Only a country may
// sit inside it, after "of"/"for"/"to" ("Friends of Syria"); a known actor, agent, weapon or event word anywhere
// in it, or a name of one word, is left to the other rules.
void AddUnknownOrganisationSubject(Context& c, uint32_t si) {
  auto& s = c.s;
  const text::Sentence& sent = c.doc.sentences[si];
  SentenceLayers& L = s.layers[si];
  uint32_t t = sent.first_token;
  if (t < sent.last_token && KeyAt(c, t) == "the") ++t;
  const uint32_t begin = t;
  uint32_t capitalised = 0;
  while (t < sent.last_token) {
    const text::Token& tok = c.doc.tokens[t];
    if (tok.kind == text::kWord && tok.Has(text::kCapitalized)) {
      ++capitalised;
      ++t;
      continue;
    }
    std::string_view key = KeyAt(c, t);
    const bool connector = key == "of" || key == "for" || key == "to" || key == "the" || key == "and" ||
                           key == "without";
    if (connector && t + 1 < sent.last_token && c.doc.tokens[t + 1].Has(text::kCapitalized) && t > begin) {
      ++t;
      continue;
    }
    break;
  }
  const uint32_t end = t;
  if (capitalised < 2 || end >= sent.last_token || end - begin > 8) return;
  // "Sakie Yokota, the mother of a Japanese girl abducted …, appeals to Kim Jong-un": an apposition set off by commas
  // may stand between the name and its verb.
  uint32_t verb_at = end;
  if (KeyAt(c, end) == ",") {
    uint32_t close = end + 1;
    while (close < sent.last_token && close < end + 20 && KeyAt(c, close) != "," && KeyAt(c, close) != ";") ++close;
    if (close + 1 < sent.last_token && KeyAt(c, close) == ",") verb_at = close + 1;
  }
  // All capitals is a headline or an acronym run, not a name in prose.
  for (uint32_t q = begin; q < end; ++q) {
    if (c.doc.tokens[q].Has(text::kAllCaps)) return;
  }
  bool verb_follows = false;
  for (uint32_t k = L.items_begin; k < L.items_end; ++k) {
    const Item& it = s.items[k];
    if (it.last > begin && it.first < end && it.layer != Layer::kEntity) return;  // a cue, trigger or weapon inside
    if (it.layer == Layer::kTrigger && it.first == verb_at && c.lex.triggers()[it.index].verb &&
        c.lex.triggers()[it.index].cls == TriggerClass::kNonAcled) {
      verb_follows = true;
    }
  }
  if (!verb_follows) return;
  for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
    const Mention& m = s.mentions[k];
    if (m.last <= begin || m.first >= end) continue;
    if (m.mkind != MentionKind::kCountry || m.first == begin) return;
    std::string_view link = KeyAt(c, m.first - 1);
    if (link != "of" && link != "for" && link != "to") return;
  }
  // A month or weekday opening the sentence is no organisation.
  if (timeutil::WeekdayFromKey(KeyAt(c, begin)) >= 0 || timeutil::MonthFromKey(KeyAt(c, begin)) > 0) return;
  // The name replaces the countries inside it.
  uint32_t out = L.mentions_begin;
  for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
    const Mention& m = s.mentions[k];
    if (m.first >= begin && m.last <= end) continue;
    s.mentions[out++] = m;
  }
  s.mentions.resize(out);
  Mention org;
  org.sentence = si;
  org.first = begin;
  org.last = end;
  org.head = end - 1;
  org.mkind = MentionKind::kNamed;
  org.kind = ActorKind::kOther;
  s.mentions.insert(s.mentions.begin() + L.mentions_begin, org);
  L.mentions_end = static_cast<uint32_t>(s.mentions.size());
}

// "Military personnel from the Swedish Armed Forces", "soldiers from the 82nd Airborne Division": a bare generic
// agent followed by "from" and a named force or country is that force's people, one participant.
void JoinGenericToItsOrigin(Context& c, uint32_t si) {
  auto& s = c.s;
  const text::Sentence& sent = c.doc.sentences[si];
  SentenceLayers& L = s.layers[si];
  for (uint32_t k = L.mentions_begin; k + 1 < L.mentions_end; ++k) {
    Mention& m = s.mentions[k];
    const Mention& origin = s.mentions[k + 1];
    if (m.mkind != MentionKind::kAgent || m.actor >= 0 || m.country >= 0 || m.source_only) continue;
    if (m.last >= sent.last_token || KeyAt(c, m.last) != "from") continue;
    uint32_t t = m.last + 1;
    if (t < sent.last_token && KeyAt(c, t) == "the") ++t;
    if (origin.first != t || origin.source_only || (origin.actor < 0 && origin.country < 0)) continue;
    if (origin.mkind != MentionKind::kNamed && origin.mkind != MentionKind::kAgent &&
        origin.mkind != MentionKind::kCountry) {
      continue;
    }
    m.actor = origin.actor;
    m.country = origin.country;
    m.generic = false;
    m.last = origin.last;
    s.mentions.erase(s.mentions.begin() + k + 1);
    L.mentions_end = static_cast<uint32_t>(s.mentions.size());
  }
}

void BuildMentions(Context& c, uint32_t si) {
  auto& s = c.s;
  const text::Sentence& sent = c.doc.sentences[si];
  SentenceLayers& L = s.layers[si];
  L.mentions_begin = static_cast<uint32_t>(s.mentions.size());

  // Entity items of this sentence, in order.
  std::array<uint32_t, 64> group;  // item indices of the current phrase (bounded: long lists are split)
  uint32_t k = L.items_begin;
  auto next_entity = [&](uint32_t from) {
    while (from < L.items_end && s.items[from].layer != Layer::kEntity) ++from;
    return from;
  };
  k = next_entity(k);
  while (k < L.items_end) {
    size_t n = 0;
    group[n++] = k;
    uint32_t end_tok = s.items[k].last;
    uint32_t j = next_entity(k + 1);
    // Extend the phrase over adjacent entity items, possessives, inner modifiers and coordinated adjectives.
    while (j < L.items_end && n < group.size()) {
      const Item& prev = s.items[group[n - 1]];
      const Item& nx = s.items[j];
      uint32_t gap_first = end_tok, gap_last = nx.first;
      bool joinable = true;
      bool saw_and = false;
      for (uint32_t t = gap_first; t < gap_last; ++t) {
        std::string_view key = KeyAt(c, t);
        if (key == "'s" || In(kInnerModifiers, key) || key == "pro" || key == "-") continue;
        if ((key == "and" || key == ",") && prev.kind == SenseKind::kDemonym) {
          saw_and = true;
          continue;
        }
        joinable = false;
        break;
      }
      if (gap_last - gap_first > 3) joinable = false;
      // A country or named actor followed by another one is two participants ("Russia Turkey" never occurs,
      // but "Israel Hamas" in headlines does): only modifiers (demonyms, named actors before an agent) join.
      if (joinable && prev.kind == SenseKind::kCountry && nx.kind != SenseKind::kAgent && !saw_and) {
        joinable = KeyAt(c, gap_first < gap_last ? gap_first : 0) == "'s";
      }
      if (joinable && (prev.kind == SenseKind::kActor || prev.kind == SenseKind::kPerson) &&
          nx.kind != SenseKind::kAgent) {
        joinable = false;
      }
      if (joinable && prev.kind == SenseKind::kAgent && nx.kind != SenseKind::kAgent) joinable = false;
      if (!joinable) break;
      group[n++] = j;
      end_tok = nx.last;
      j = next_entity(j + 1);
    }
    // "the army of Mali", "soldiers of the Syrian regime": absorb "of (the) COUNTRY/ACTOR" after an agent head.
    const Item& head_item = s.items[group[n - 1]];
    if (head_item.kind == SenseKind::kAgent && j < L.items_end && n < group.size()) {
      const Item& nx = s.items[j];
      uint32_t t = end_tok;
      std::string_view link = t < sent.last_token ? KeyAt(c, t) : std::string_view();
      if (link == "loyal" && t + 1 < sent.last_token && KeyAt(c, t + 1) == "to") ++t;  // "forces loyal to X"
      if (t < sent.last_token && (KeyAt(c, t) == "of" || KeyAt(c, t) == "to" ||
                                  (KeyAt(c, t) == "from" && nx.kind == SenseKind::kActor))) {
        ++t;
        if (t < sent.last_token && KeyAt(c, t) == "the") ++t;
        if (nx.first == t && (nx.kind == SenseKind::kCountry || nx.kind == SenseKind::kActor)) {
          group[n++] = j;
          end_tok = nx.last;
          j = next_entity(j + 1);
        }
      }
    }

    Mention m;
    m.sentence = si;
    m.first = s.items[group[0]].first;
    m.last = end_tok;
    m.head = s.items[group[n - 1]].first;
    // Determiner and "pro-" before the phrase.
    if (m.first > sent.first_token) {
      std::string_view before = KeyAt(c, m.first - 1);
      if (before == "pro" && c.doc.tokens[m.first].Has(text::kHyphenBefore)) {
        m.pro = true;
        m.first -= 1;
      }
    }
    if (m.first > sent.first_token) {
      std::string_view det = KeyAt(c, m.first - 1);
      if (det == "the" || det == "its" || det == "their" || det == "this" || det == "these") m.definite = true;
    }
    int agent_item = -1, weak_head = -1;
    for (size_t g = 0; g < n; ++g) {
      const Item& it = s.items[group[g]];
      switch (it.kind) {
        case SenseKind::kPerson:
          if (m.person < 0) {
            m.person = static_cast<int32_t>(it.index);
            m.actor = static_cast<int32_t>(c.lex.people()[it.index].actor);
          }
          break;
        case SenseKind::kActor:
          if (m.actor < 0) {
            m.actor = static_cast<int32_t>(it.index);
            if (it.ambiguous) {
              m.ambiguous_first = it.first;
              m.ambiguous_last = it.last;
            }
          }
          break;
        case SenseKind::kCountry:
        case SenseKind::kDemonym:
        case SenseKind::kMetonym:
          if (m.country < 0) m.country = static_cast<int32_t>(it.index);
          else if (m.country2 < 0 && static_cast<int32_t>(it.index) != m.country) m.country2 = static_cast<int32_t>(it.index);
          break;
        case SenseKind::kAgent: {
          const Agent& a = c.lex.agents()[it.index];
          m.agent_flags |= a.flags & (lexicon::kAgentHome | lexicon::kAgentAerial | lexicon::kAgentArtillery |
                                      lexicon::kAgentNaval);
          if (g == n - 1 && (a.flags & lexicon::kAgentWeak)) weak_head = static_cast<int>(it.index);
          // The effective agent: the head, unless the head is weak ("rebel forces" → rebels) and a modifier
          // agent says more; "government forces" keeps "forces" with the government's home country.
          if (agent_item < 0 || a.kind != ActorKind::kGovernment) agent_item = static_cast<int>(it.index);
          break;
        }
        default:
          break;
      }
    }
    if (weak_head >= 0 && agent_item != weak_head) {
      const Agent& mod = c.lex.agents()[agent_item];
      if (mod.kind == ActorKind::kGovernment) agent_item = weak_head;
    }
    if (agent_item >= 0) {
      const Agent& a = c.lex.agents()[agent_item];
      m.agent = agent_item;
      m.agent_flags |= a.flags;
    }
    const SenseKind head_kind = s.items[group[n - 1]].kind;
    if (m.person >= 0) {
      m.mkind = MentionKind::kPerson;
      m.kind = c.lex.actors()[m.actor].kind;
    } else if (m.actor >= 0) {
      m.mkind = MentionKind::kNamed;
      m.kind = c.lex.actors()[m.actor].kind;
    } else if (m.agent >= 0) {
      m.mkind = MentionKind::kAgent;
      m.kind = c.lex.agents()[m.agent].kind;
      m.generic = m.country < 0 && !m.pro;
    } else if (head_kind == SenseKind::kCountry) {
      m.mkind = MentionKind::kCountry;
      m.kind = ActorKind::kGovernment;
    } else if (head_kind == SenseKind::kMetonym) {
      m.mkind = MentionKind::kMetonym;
      m.kind = ActorKind::kGovernment;
    } else {
      // A bare demonym: a people ("Syrians", "two Israelis") when plural, the state when it modifies an
      // event noun ("Russian air strikes"), and otherwise an adjective that names nobody ("the Syrian city").
      std::string_view dk = KeyAt(c, m.head);
      bool plural = dk.size() > 3 && dk.back() == 's' && !c.doc.tokens[m.last - 1].Has(text::kAllCaps);
      bool before_event = false;
      for (uint32_t t = L.items_begin; t < L.items_end; ++t) {
        const Item& it = s.items[t];
        if (it.layer == Layer::kTrigger && it.first >= m.last && it.first <= m.last + 1 &&
            !c.lex.triggers()[it.index].verb) {
          before_event = true;
        }
      }
      std::string_view after = m.last < sent.last_token ? KeyAt(c, m.last) : std::string_view();
      if (before_event) {
        m.mkind = MentionKind::kCountry;
        m.kind = ActorKind::kGovernment;
      } else if (after == "prison" || after == "prisons" || after == "jail" || after == "jails" ||
                 after == "custody" || after == "detention") {
        // "released from Israeli prison": the state that held the prisoner.
        m.mkind = MentionKind::kCountry;
        m.kind = ActorKind::kGovernment;
      } else if (after == "occupation" || after == "control" || after == "rule") {
        // "under Russian occupation": the state holding a place, for the side that takes it back.
        m.mkind = MentionKind::kCountry;
        m.kind = ActorKind::kStateForces;
        m.holder = true;
        m.source_only = true;
      } else if (plural) {
        m.mkind = MentionKind::kDemonymNoun;
        m.kind = ActorKind::kCivilians;
      } else {
        k = j;
        continue;
      }
    }
    if (m.pro) {
      m.country = -1;
      m.country2 = -1;
    }
    // A weak agent alone ("forces", "officials", "the group") names nobody unless it refers back.
    bool keep = true;
    if (m.mkind == MentionKind::kAgent && m.generic && (m.agent_flags & lexicon::kAgentWeak) && !m.definite &&
        !(m.agent_flags & lexicon::kAgentHome)) {
      m.source_only = true;  // "a monitoring group said": a voice, not a participant
    }
    // A metonym ("Moscow", "the Kremlin") acts only as the subject of a verb or report ("Moscow said").
    if (m.mkind == MentionKind::kMetonym) {
      keep = false;
      // "in Afghanistan's capital Kabul kills …": a capital named as a place is no voice.
      bool prep_object = m.first > sent.first_token &&
                         (IsPreposition(KeyAt(c, m.first - 1)) || KeyAt(c, m.first - 1) == "capital" ||
                          KeyAt(c, m.first - 1) == "city");
      uint32_t t = m.last;
      while (t < sent.last_token && (In(kSkippableAdverbs, KeyAt(c, t)) || KeyAt(c, t) == "has" ||
                                     KeyAt(c, t) == "have" || KeyAt(c, t) == "had")) {
        ++t;
      }
      if (!prep_object && t < sent.last_token && (ReportCueBetween(c, si, t, t + 1) || IsVerbTriggerAt(c, si, t, t + 1))) {
        keep = true;
      }
    }
    // "near the Israel–Gaza border fence", "the Iraq war": a country name that modifies a noun names a place or a
    // topic, not a participant.
    if (keep && m.mkind == MentionKind::kCountry) {
      static constexpr std::array<std::string_view, 17> kModifiedNouns = {
          "border", "borders", "frontier", "fence", "crossing", "boundary", "war", "conflict", "crisis", "talks",
          "side", "border-crossing", "match", "game", "relations", "ties", "summit"};
      uint32_t t = m.last;
      while (t < sent.last_token && t < m.last + 4 &&
             (KeyAt(c, t) == "-" || KeyAt(c, t) == "\u2013" || KeyAt(c, t) == "/" ||
              c.doc.tokens[t].Has(text::kCapitalized))) {
        ++t;
      }
      if (t < sent.last_token && In(kModifiedNouns, KeyAt(c, t))) keep = false;
    }
    // "a rebel-held town", "government-controlled areas": the phrase describes a place, it names no participant.
    if (m.last < sent.last_token && c.doc.tokens[m.last].Has(text::kHyphenBefore)) {
      std::string_view next = KeyAt(c, m.last);
      if (next == "held" || next == "controlled" || next == "occupied") {
        // Kept only as the place's holder, for the side that takes it.
        m.holder = true;
        m.source_only = true;
      } else if (next == "dominated" || next == "run" || next == "besieged" || next == "populated" ||
                 next == "majority") {
        keep = false;
      }
    }
    // "South Korean President Moon Jae-in", "Ambassador Samantha Power": a title in title case followed by a name
    // the lexicons do not know; the name belongs to the mention, so the verb after it finds its subject.
    if (keep && m.mkind == MentionKind::kAgent && c.doc.tokens[m.last - 1].Has(text::kCapitalized)) {
      uint32_t t = m.last, stop = std::min(sent.last_token, m.last + 5);
      uint32_t next_item = j < L.items_end ? s.items[j].first : sent.last_token;
      while (t < stop && t < next_item && c.doc.tokens[t].kind == text::kWord &&
             (c.doc.tokens[t].Has(text::kCapitalized) || (t > m.last && c.doc.tokens[t].Has(text::kHyphenBefore)))) {
        ++t;
      }
      if (t >= m.last + 2 || (t == m.last + 1 && t < sent.last_token && KeyAt(c, t) != "of")) m.last = t;
    }
    if (keep) s.mentions.push_back(m);
    k = j;
  }

  // Pronoun subjects ("it said", "they retook") become mentions to be resolved by coreference.
  for (uint32_t t = sent.first_token; t < sent.last_token; ++t) {
    std::string_view key = KeyAt(c, t);
    // "… says his country has demanded an explanation": the speaker's country.
    const bool possessive_country = (key == "his" || key == "her" || key == "its" || key == "their") &&
                                    t + 1 < sent.last_token && KeyAt(c, t + 1) == "country";
    if (key != "it" && key != "they" && key != "he" && key != "she" && !possessive_country) continue;
    uint32_t v = possessive_country ? t + 2 : t + 1;
    while (v < sent.last_token && In(kSkippableAdverbs, KeyAt(c, v))) ++v;
    // "will not hesitate to": a trigger may hold its auxiliary.
    while (v < sent.last_token && !IsVerbTriggerAt(c, si, v, v + 1) &&
           (KeyAt(c, v) == "has" || KeyAt(c, v) == "had" || KeyAt(c, v) == "have" || KeyAt(c, v) == "would" ||
            KeyAt(c, v) == "will")) {
      ++v;
    }
    // "it has \"disinvited\" China": scare quotes around the verb.
    while (v < sent.last_token && KeyAt(c, v) == "\"") ++v;
    if (v >= sent.last_token) continue;
    // "it has reached a truce", "they carried out strikes": a light verb whose object is the event.
    std::string_view vk = KeyAt(c, v);
    bool light = vk == "reached" || vk == "reach" || vk == "signed" || vk == "sign" || vk == "carried" ||
                 vk == "conducted" || vk == "launched" || vk == "staged" || vk == "agreed" || vk == "declared";
    // "it plans to pay", "they vowed to retake": a verb of intent before the event's verb.
    bool intent = false;
    for (uint32_t q = L.items_begin; q < L.items_end; ++q) {
      const Item& cue = s.items[q];
      if (cue.layer == Layer::kCue && cue.first == v && c.lex.cues()[cue.index].kind == CueKind::kModality &&
          IsVerbTriggerAt(c, si, cue.last, cue.last + 1)) {
        intent = true;
      }
    }
    if (!light && !intent && !IsVerbTriggerAt(c, si, v, v + 1) && !ReportCueBetween(c, si, v, v + 1)) continue;
    Mention m;
    m.sentence = si;
    m.first = t;
    m.last = t + 1;
    m.head = t;
    m.mkind = MentionKind::kPronoun;
    if (possessive_country) {
      m.last = t + 2;
      m.head = t + 1;
      int32_t country = -1;
      // "King Salman of Saudi Arabia blames Iran … his country": a person's country, not any country named.
      const bool personal = key == "his" || key == "her";
      for (size_t q = s.mentions.size(); q-- > 0 && country < 0;) {
        const Mention& prev = s.mentions[q];
        if (si - prev.sentence > 2) break;
        if (prev.sentence == si && prev.last > t) continue;
        if (personal && prev.mkind != MentionKind::kPerson && !(prev.mkind == MentionKind::kAgent && !prev.generic)) {
          continue;
        }
        int32_t pc = prev.country;
        if (pc < 0 && prev.actor >= 0) {
          if (const lexicon::Country* co = c.lex.CountryByCode(c.lex.actors()[prev.actor].country)) {
            pc = static_cast<int32_t>(co - c.lex.countries().data());
          }
        }
        if (pc >= 0 && prev.country2 < 0) country = pc;
      }
      if (country < 0) continue;
      m.mkind = MentionKind::kCountry;
      m.kind = ActorKind::kGovernment;
      m.country = country;
    }
    s.mentions.push_back(m);
  }
  std::sort(s.mentions.begin() + L.mentions_begin, s.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.first < b.first; });
  L.mentions_end = static_cast<uint32_t>(s.mentions.size());
  JoinGenericToItsOrigin(c, si);
  AddUnknownOrganisationSubject(c, si);
}

// ---------------------------------------------------------------------------------------------------------
// Coreference

void ResolveCoreference(Context& c, uint32_t si) {
  auto& s = c.s;
  const SentenceLayers& L = s.layers[si];
  for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
    Mention& m = s.mentions[k];
    const bool pronoun = m.mkind == MentionKind::kPronoun;
    const bool short_ref = m.mkind == MentionKind::kAgent && m.generic && m.definite &&
                           (m.kind == ActorKind::kRebelGroup || m.kind == ActorKind::kMilitia ||
                            (m.agent_flags & lexicon::kAgentWeak));
    if (!pronoun && !short_ref) continue;
    std::string_view key = KeyAt(c, m.head);
    const bool person_pronoun = key == "he" || key == "she";
    // Walk back over earlier mentions of this and the previous sentences (nearest first).
    for (int32_t q = static_cast<int32_t>(k) - 1; q >= 0; --q) {
      const Mention& prev = s.mentions[q];
      if (si - prev.sentence > 3) break;
      if (prev.source_only) continue;
      if (prev.mkind == MentionKind::kPronoun && prev.actor < 0) continue;
      if (person_pronoun) {
        if (prev.mkind != MentionKind::kPerson) continue;
      } else if (short_ref) {
        // "the militants", "the group" refer to a named non-state group.
        if (prev.actor < 0) continue;
        ActorKind pk = c.lex.actors()[prev.actor].kind;
        if (pk != ActorKind::kRebelGroup && pk != ActorKind::kMilitia) continue;
      } else {
        // "it", "they": an organisation or state named before, not victims or bystanders.
        if (prev.mkind == MentionKind::kDemonymNoun || MentionIsCivilian(c, prev)) continue;
        if (prev.actor < 0 && prev.mkind != MentionKind::kCountry && prev.mkind != MentionKind::kMetonym &&
            !(prev.mkind == MentionKind::kAgent && !prev.generic)) {
          continue;
        }
        if (prev.mkind == MentionKind::kPerson) continue;
      }
      m.actor = prev.actor;
      m.agent = prev.agent;
      m.country = prev.country;
      m.country2 = prev.country2;
      m.kind = prev.kind;
      m.agent_flags = prev.agent_flags;
      m.person = prev.person;
      m.generic = prev.generic;
      if (pronoun) m.mkind = prev.mkind == MentionKind::kPerson ? MentionKind::kPerson : prev.mkind;
      m.coreferent = true;
      break;
    }
    // "using the Bayraktar TB2": an aircraft type that refers back to nobody names nobody.
    if (short_ref && !m.coreferent && (m.agent_flags & lexicon::kAgentWeak) && (m.agent_flags & lexicon::kAgentAerial) &&
        m.actor < 0 && m.country < 0) {
      m.source_only = true;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// BuildCandidates: triggers → events with roles

namespace {

// The nearest mention left of `pos` that can be a subject: same clause, not a preposition's object.
int32_t LeftSubject(const Context& c, uint32_t si, uint32_t pos, uint32_t max_distance) {
  const auto& L = Lay(c, si);
  const text::Sentence& sent = c.doc.sentences[si];
  // "Sakie Yokota, the mother of a girl abducted by North Korea, appeals": the mentions inside an apposition
  // closed right before the verb are not its subject when a mention stands before the apposition's comma.
  uint32_t apposition_open = UINT32_MAX;
  if (pos > sent.first_token + 2 && KeyAt(c, pos - 1) == ",") {
    uint32_t open = pos - 2;
    while (open > sent.first_token && pos - open < 20 && KeyAt(c, open) != ",") --open;
    if (KeyAt(c, open) == ",") {
      for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
        if (c.s.mentions[k].last == open && !c.s.mentions[k].source_only) apposition_open = open;
      }
    }
  }
  for (int32_t k = static_cast<int32_t>(L.mentions_end) - 1; k >= static_cast<int32_t>(L.mentions_begin); --k) {
    const Mention& m = c.s.mentions[k];
    if (m.source_only) continue;
    if (m.last > pos) continue;
    if (apposition_open != UINT32_MAX && m.first > apposition_open) continue;
    const uint32_t reach_from = apposition_open != UINT32_MAX ? apposition_open + 1 : pos;
    if (reach_from - m.last > max_distance) return -1;
    // "Israeli forces, in a second attack in as many days, bomb …": a phrase set off by commas between the subject
    // and its verb hides neither, whatever it holds.
    const bool parenthetical = m.last + 2 < pos && (pos - m.last <= 16 || m.last == apposition_open) &&
                               KeyAt(c, m.last) == "," && KeyAt(c, pos - 1) == ",";
    // Anything between the mention and the trigger that closes the clause?
    bool blocked = false, via_relative = false;
    for (uint32_t t = m.last; t < pos; ++t) {
      if (parenthetical && KeyAt(c, t) != ";" && KeyAt(c, t) != "\"") continue;
      std::string_view key = KeyAt(c, t);
      if (key == "\"" && t + 1 == pos) continue;  // scare quotes: it has "disinvited" China
      if (key == ";" || key == "\"" || IsClauseBoundary(key)) {
        // "Houthi rebels, who took control of …": the relative pronoun's antecedent is the subject.
        bool relative = (key == "who" || key == "which" || key == "that") && t + 3 >= pos &&
                        (m.last == t || (m.last + 1 == t && KeyAt(c, m.last) == ","));
        if (relative) {
          via_relative = true;
          continue;
        }
        blocked = true;
        break;
      }
    }
    if (blocked || (!parenthetical && ReportCueBetween(c, si, m.last, pos))) return -1;
    // "… from Islamic State militants, who overran it": the antecedent may sit inside a prepositional phrase.
    if (!via_relative && IsPrepObject(c, m, sent.first_token)) continue;
    // "… in Kabul, Afghanistan, killing": a country after a comma is the place's container, not a doer.
    if (m.mkind == MentionKind::kCountry && m.first > sent.first_token && KeyAt(c, m.first - 1) == ",") continue;
    return k;
  }
  return -1;
}

// The first mention right of `pos` within `max_distance` tokens, crossing only the given prepositions.
int32_t RightObject(const Context& c, uint32_t si, uint32_t pos, uint32_t max_distance, bool allow_on,
                    bool allow_with, bool allow_from) {
  const auto& L = Lay(c, si);
  for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
    const Mention& m = c.s.mentions[k];
    if (m.source_only) continue;
    if (m.first < pos) continue;
    if (m.first - pos > max_distance) return -1;
    for (uint32_t t = pos; t < m.first; ++t) {
      std::string_view key = KeyAt(c, t);
      if (key == ";" || key == "." || key == "," || IsClauseBoundary(key)) return -1;
      if (IsPreposition(key)) {
        bool ok = ((key == "on" || key == "against" || key == "at" || key == "upon") && allow_on) ||
                  (key == "with" && allow_with) || (key == "from" && allow_from) || key == "of";
        if (!ok) return -1;
      }
    }
    if (ReportCueBetween(c, si, pos, m.first) || IsVerbTriggerAt(c, si, pos, m.first)) return -1;
    return static_cast<int32_t>(k);
  }
  return -1;
}

// "by X" within a few tokens after `pos` ("attacks in northeastern Nigeria inflicted by Boko Haram").
// With `from_armed`, "from" + an armed unit counts too ("air strikes, apparently from Russian jets"): never a
// country or a place, which are where the fire came from.
int32_t ByAgent(const Context& c, uint32_t si, uint32_t pos, bool from_armed = false) {
  const text::Sentence& sent = c.doc.sentences[si];
  for (uint32_t t = pos; t < sent.last_token && t < pos + 7; ++t) {
    std::string_view key = KeyAt(c, t);
    if (key == "by" || (from_armed && key == "from")) {
      const auto& L = Lay(c, si);
      for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
        const Mention& m = c.s.mentions[k];
        if (m.source_only) continue;
        if (m.first > t && m.first <= t + 4) {
          if (key == "from" && (m.mkind == MentionKind::kCountry || !MentionIsArmed(c, m))) return -1;
          return static_cast<int32_t>(k);
        }
      }
      return -1;
    }
    // "attacks, allegedly by Islamic State": a hedged agent set off by a comma.
    if (key == "," && t + 2 < sent.last_token && EndsWith(KeyAt(c, t + 1), "ly") &&
        (KeyAt(c, t + 2) == "by" || KeyAt(c, t + 2) == "from")) {
      continue;
    }
    if (key == "," || key == ";" || key == ".") return -1;
    // "the ceasefire was mentioned by the minister": the agent of another passive verb.
    if (key == "was" || key == "were" || key == "is" || key == "are") return -1;
  }
  return -1;
}

// The mention that ends right before a nominal trigger ("Russian air strikes", "the Houthis' offensive").
int32_t Premodifier(const Context& c, uint32_t si, uint32_t trigger_first) {
  const auto& L = Lay(c, si);
  for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
    const Mention& m = c.s.mentions[k];
    if (m.source_only) continue;
    if (m.last > trigger_first) break;
    uint32_t gap = trigger_first - m.last;
    if (gap == 0) return static_cast<int32_t>(k);
    if (gap <= 2) {
      bool ok = true;
      for (uint32_t t = m.last; t < trigger_first; ++t) {
        std::string_view key = KeyAt(c, t);
        if (key != "'s" && key != "'" && !In(kInnerModifiers, key) && key != "-") ok = false;
      }
      if (ok) return static_cast<int32_t>(k);
    }
  }
  return -1;
}

// "between X and Y" after a reciprocal trigger.
bool Between(const Context& c, uint32_t si, uint32_t pos, int32_t* a, int32_t* b) {
  const text::Sentence& sent = c.doc.sentences[si];
  for (uint32_t t = pos; t < sent.last_token && t < pos + 4; ++t) {
    if (KeyAt(c, t) != "between") continue;
    const auto& L = Lay(c, si);
    *a = *b = -1;
    for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
      const Mention& m = c.s.mentions[k];
    if (m.source_only) continue;
      if (m.first <= t) continue;
      if (*a < 0) {
        if (m.first > t + 4) return false;
        *a = static_cast<int32_t>(k);
      } else {
        if (m.first > c.s.mentions[*a].last + 4) break;
        *b = static_cast<int32_t>(k);
        break;
      }
    }
    return *a >= 0;
  }
  return false;
}

bool PrecededByBe(const Context& c, uint32_t si, uint32_t pos) {
  const text::Sentence& sent = c.doc.sentences[si];
  uint32_t t = pos;
  for (int steps = 0; steps < 4 && t > sent.first_token; ++steps) {
    --t;
    std::string_view key = KeyAt(c, t);
    if (In(kBeForms, key)) return true;
    if (!In(kSkippableAdverbs, key) && key != "reportedly" && key != "been" && key != "have" && key != "has" &&
        key != "had") {
      return false;
    }
  }
  return false;
}

bool PrecededByPerfect(const Context& c, uint32_t si, uint32_t pos) {
  const text::Sentence& sent = c.doc.sentences[si];
  uint32_t t = pos;
  while (t > sent.first_token && In(kSkippableAdverbs, KeyAt(c, t - 1))) --t;
  if (t == sent.first_token) return false;
  std::string_view k = KeyAt(c, t - 1);
  return k == "has" || k == "have" || k == "had" || k == "'ve";
}

// "in response to yesterday's airstrikes", "in retaliation for the attack": the act named is an earlier one the
// sentence's main event answers.
bool RespondedTo(const Context& c, uint32_t si, uint32_t trigger_first) {
  const uint32_t first = c.doc.sentences[si].first_token;
  uint32_t t = trigger_first;
  // Determiners and time possessives between: "the", "yesterday's", "Saturday's", "last week's", "Israeli".
  for (int skipped = 0; t > first && skipped < 4; ++skipped) {
    std::string_view k = KeyAt(c, t - 1);
    if (k == "to" || k == "for" || k == "against") break;
    --t;
  }
  if (t < first + 2) return false;
  std::string_view prep = KeyAt(c, t - 1), noun = KeyAt(c, t - 2);
  return (prep == "to" && noun == "response") ||
         (prep == "for" && (noun == "retaliation" || noun == "revenge" || noun == "reprisal" || noun == "reprisals")) ||
         (prep == "against" && noun == "retaliation");
}

bool ParticipleForm(std::string_view key) {
  return EndsWith(key, "ed") || EndsWith(key, "en") || EndsWith(key, "wn") || key == "shot" || key == "hit" ||
         key == "struck" || key == "held" || key == "fought" || key == "caught" || key == "slain" ||
         key == "overrun" || key == "put" || key == "set" || key == "met" || key == "brought" || key == "sent" ||
         key == "dead";
}

}  // namespace

// A weapon that names no one ("rockets", not "Turkish F-16s") ends right before `pos`.
bool WeaponEndsAt(const Context& c, uint32_t si, uint32_t pos) {
  const auto& L = Lay(c, si);
  bool weapon = false;
  for (uint32_t k = L.items_begin; k < L.items_end; ++k) {
    const Item& it = c.s.items[k];
    if (it.layer == Layer::kInstrument && it.last == pos) weapon = true;
  }
  for (uint32_t k = L.mentions_begin; k < L.mentions_end && weapon; ++k) {
    if (c.s.mentions[k].last == pos) weapon = false;
  }
  return weapon;
}

void BuildCandidates(Context& c, uint32_t si) {
  auto& s = c.s;
  const text::Sentence& sent = c.doc.sentences[si];
  SentenceLayers& L = s.layers[si];
  L.events_begin = static_cast<uint32_t>(s.events.size());
  if (sent.is_dateline) {
    L.events_end = L.events_begin;
    return;
  }
  for (uint32_t k = L.items_begin; k < L.items_end; ++k) {
    const Item& it = s.items[k];
    if (it.layer != Layer::kTrigger) continue;
    // A trigger word inside a name is part of the name ("Popular Front for the Liberation of Palestine").
    bool inside_name = false;
    for (uint32_t q = L.mentions_begin; q < L.mentions_end; ++q) {
      const Mention& m = s.mentions[q];
      if ((m.mkind == MentionKind::kNamed || m.mkind == MentionKind::kPerson) && it.first >= m.first &&
          it.last <= m.last && m.actor >= 0 && !m.coreferent) {
        inside_name = true;
      }
    }
    // ... or a modifier of a unit or weapon noun ("attack helicopters", "an aircraft carrier battle group"); the
    // head of one stays an event ("gunshot wounds").
    for (uint32_t q = L.items_begin; q < L.items_end && !inside_name; ++q) {
      const Item& unit = s.items[q];
      if ((unit.layer == Layer::kInstrument || (unit.layer == Layer::kEntity && unit.kind == SenseKind::kAgent)) &&
          unit.first <= it.first && it.last < unit.last) {
        inside_name = true;
      }
    }
    if (inside_name) continue;
    // "prompting air raid sirens", "in a bomb shelter": an act noun modifying a warning or a refuge is no act.
    if (!c.lex.triggers()[it.index].verb && it.last < sent.last_token) {
      static constexpr std::array<std::string_view, 12> kWarningHeads = {
          "siren", "sirens", "shelter", "shelters", "warning", "warnings", "alert", "alerts", "alarm", "alarms",
          "drill", "drills"};
      if (In(kWarningHeads, KeyAt(c, it.last))) continue;
    }
    // A capitalised trigger word inside a sentence is a name ("Shell's headquarters", "Operation Storm").
    const text::Token& first_tok = c.doc.tokens[it.first];
    if (first_tok.Has(text::kCapitalized) && !first_tok.Has(text::kAllCaps) && it.first > sent.first_token) {
      std::string_view before = KeyAt(c, it.first - 1);
      if (before != "\"" && before != ":" && before != "(" && before != "-" && before != "'") continue;
    }
    const Trigger& tr = c.lex.triggers()[it.index];
    // "in its fight against IS", "their war in Syria": a party's campaign as a whole, not a battle.
    if (it.first > sent.first_token) {
      std::string_view owner = KeyAt(c, it.first - 1), word = KeyAt(c, it.first);
      if ((owner == "its" || owner == "their" || owner == "his" || owner == "her" || owner == "our") &&
          (word == "fight" || word == "fighting" || word == "war" || word == "struggle" || word == "campaign")) {
        continue;
      }
    }
    // "an American volunteer fighting with a Kurdish militia": a participle after a noun with "with" or
    // "alongside" tells whose side someone is on, not a battle between them.
    if (it.first > sent.first_token && it.last < sent.last_token && KeyAt(c, it.first) == "fighting" &&
        (KeyAt(c, it.last) == "with" || KeyAt(c, it.last) == "alongside") &&
        c.doc.tokens[it.first - 1].kind == text::kWord && !In(kBeForms, KeyAt(c, it.first - 1)) &&
        !In(kSkippableAdverbs, KeyAt(c, it.first - 1)) && KeyAt(c, it.first - 1) != "heavy" &&
        KeyAt(c, it.first - 1) != "fierce" && KeyAt(c, it.first - 1) != "of" && KeyAt(c, it.first - 1) != "in" &&
        KeyAt(c, it.first - 1) != "the") {
      continue;
    }
    // "among the dead and wounded", "the injured were taken to hospital": people, not an act.
    {
      auto casualty_word = [](std::string_view w) {
        return w == "dead" || w == "wounded" || w == "injured" || w == "killed" || w == "missing";
      };
      std::string_view word = KeyAt(c, it.first);
      if (casualty_word(word) && it.first > sent.first_token) {
        std::string_view before = KeyAt(c, it.first - 1);
        bool people = before == "the";
        if (before == "and" && it.first >= sent.first_token + 3 && casualty_word(KeyAt(c, it.first - 2)) &&
            KeyAt(c, it.first - 3) == "the") {
          people = true;
        }
        if (people) continue;
      }
    }
    // "the military met stiff resistance", "were met by the sound of sirens": meeting a thing is no meeting.
    if (tr.verb && tr.plover == Plover::kConsult && tr.lemma == "meet" &&
        it.last < sent.last_token) {
      static constexpr std::array<std::string_view, 18> kThings = {
          "resistance", "resistence", "criticism", "fire", "sound", "sounds", "demands", "deadline", "condemnation",
          "protests", "silence", "skepticism", "scepticism", "requirements", "standards", "expectations", "needs",
          "by"};
      bool thing = false;
      for (uint32_t t = it.last; t < sent.last_token && t < it.last + 3; ++t) thing |= In(kThings, KeyAt(c, t));
      if (thing) continue;
    }
    // "lodged a no-confidence petition", "a confidence vote": parliamentary procedure, no act between parties.
    if (it.first > sent.first_token && KeyAt(c, it.first - 1) == "confidence") continue;
    // "targets 5 pct growth", "targeted inflation": an economic aim, not a strike.
    if (tr.verb && KeyAt(c, it.first).starts_with("target")) {
      static constexpr std::array<std::string_view, 22> kAims = {
          "growth", "inflation", "deficit", "price", "prices", "sales", "output", "production", "rate", "rates",
          "revenue", "exports", "investment", "market", "pct", "percent", "%", "mln", "bln", "million", "billion",
          "dlrs"};
      bool aim = false;
      for (uint32_t t = it.last; t < sent.last_token && t < it.last + 4; ++t) aim |= In(kAims, KeyAt(c, t));
      if (aim) continue;
    }
    // "the target of the attack was a bus", "legitimate targets": the noun names an objective, not an act.
    if ((KeyAt(c, it.first) == "target" || KeyAt(c, it.first) == "targets") && it.last == it.first + 1 &&
        it.first > sent.first_token) {
      static constexpr std::array<std::string_view, 12> kNounBefore = {
          "the", "a", "an", "its", "their", "main", "key", "legitimate", "military", "prime", "intended", "soft"};
      if (In(kNounBefore, KeyAt(c, it.first - 1))) continue;
    }
    // "its designation of the group as a terrorist organization"; a designation of anything else is no sanction.
    if ((KeyAt(c, it.first) == "designation" || KeyAt(c, it.first) == "designations") && it.last == it.first + 1) {
      bool terror = false;
      for (uint32_t t = it.last; t < sent.last_token && t < it.last + 9; ++t) {
        terror |= KeyAt(c, t).starts_with("terror");
      }
      if (!terror) continue;
    }
    // "the recently liberated Syrian town of Kobani", "the newly captured city": a participle used as an adjective
    // recalls an act, it does not report one.
    if (tr.verb && it.first > sent.first_token && it.last < sent.last_token &&
        (KeyAt(c, it.first - 1) == "recently" || KeyAt(c, it.first - 1) == "newly") &&
        EndsWith(KeyAt(c, it.first), "ed") && c.doc.tokens[it.last].kind == text::kWord && KeyAt(c, it.last) != "by") {
      continue;
    }
    // "the planning, execution and support of military operations": carrying out a plan, not killing anyone.
    if (KeyAt(c, it.first) == "execution" && it.last < sent.last_token) {
      bool of_plan = false;
      for (uint32_t t = it.last; t < sent.last_token && t < it.last + 8; ++t) {
        std::string_view k = KeyAt(c, t);
        of_plan |= k == "operation" || k == "operations" || k == "attack" || k == "attacks" || k == "plan" ||
                   k == "plans" || k == "plot" || k == "plots" || k == "mission" || k == "missions" || k == "order" ||
                   k == "orders" || k == "strategy" || k == "project" || k == "contract";
        if (k == "," || k == ";" || IsClauseBoundary(k)) break;
      }
      if (of_plan) continue;
    }
    // "the shared threat posed by terrorists": a threat described, not one made.
    if (!tr.verb && tr.plover == Plover::kThreaten && it.last < sent.last_token &&
        (KeyAt(c, it.last) == "posed" || KeyAt(c, it.last) == "poses" || KeyAt(c, it.last) == "presented")) {
      continue;
    }
    // "ISIS remains a threat", "poses a threat to the region": a threat described, not one made.
    if (!tr.verb && tr.plover == Plover::kThreaten && it.first >= sent.first_token + 2) {
      std::string_view det = KeyAt(c, it.first - 1);
      uint32_t v = it.first - 2;
      if (det != "a" && det != "an" && v > sent.first_token) {
        det = KeyAt(c, v);  // "a serious threat", "a major threat"
        --v;
      }
      static constexpr std::array<std::string_view, 14> kDescribing = {
          "is", "are", "was", "were", "remains", "remain", "remained", "poses", "pose", "posed", "posing", "as",
          "become", "becomes"};
      if ((det == "a" || det == "an") && In(kDescribing, KeyAt(c, v))) continue;
    }
    Candidate e;
    e.sentence = si;
    e.trigger_first = it.first;
    e.trigger_last = it.last;
    e.trigger = it.index;
    std::string_view first_key = KeyAt(c, it.first);
    if (!tr.verb) {
      e.voice = Voice::kNominal;
    } else if (In(kBeForms, first_key) && first_key != "'s" && it.last >= it.first + 2 &&
               ParticipleForm(KeyAt(c, it.first + 1))) {
      e.voice = Voice::kPassive;  // a phrase that holds its auxiliary: "is released", "were freed"
    } else if (EndsWith(first_key, "ing") && first_key.size() > 4) {
      e.voice = Voice::kParticiple;
    } else if (ParticipleForm(first_key) && PrecededByBe(c, si, it.first)) {
      e.voice = Voice::kPassive;
    } else if (PrecededByPerfect(c, si, it.first) && first_key != "died" && first_key != "dead") {
      // "it had kidnapped", "forces have retaken"
      e.voice = Voice::kActive;
    } else if (ParticipleForm(first_key) && it.last < sent.last_token && KeyAt(c, it.last) == "by") {
      e.voice = Voice::kPassive;
    } else if (EndsWith(first_key, "ed") && WeaponEndsAt(c, si, it.first) && ByAgent(c, si, it.last) >= 0) {
      // "rockets launched into southern Israel by Hamas": a participle after its weapon is a reduced passive.
      e.voice = Voice::kPassive;
    } else {
      e.voice = Voice::kActive;
      // "20 people killed in Kabul", "soldiers died": a victim-subject participle with no object reads as
      // passive. Present forms ("attack", "strikes") never do.
      if ((tr.flags & lexicon::kTriggerPassiveVictim) && !ParticipleForm(first_key) && first_key != "died" &&
          first_key != "die" && first_key != "dies") {
        // active
      } else if ((tr.flags & lexicon::kTriggerPassiveVictim) && it.last < sent.last_token) {
        const text::Token& next = c.doc.tokens[it.last];
        std::string_view nk = KeyAt(c, it.last);
        bool object_follows = next.kind == text::kNumber || In(kDeterminers, nk) || text::NumberWordValue(nk) > 0;
        // "arrested at least 104 protesters", "killed more than 60": a number expression is an object too.
        text::NumberExpr object_number;
        if (!object_follows && text::ParseNumberAt(c.doc, it.last, sent.last_token, &object_number)) {
          object_follows = true;
        }
        // "attacked and killed residents": a verb coordinated with another transitive verb shares its object.
        if (!object_follows && nk == "and" && it.last + 1 < sent.last_token &&
            IsVerbTriggerAt(c, si, it.last + 1, it.last + 2)) {
          object_follows = true;
        }
        // "shot dead two militants": the object may follow a particle.
        if (!object_follows && it.last + 1 < sent.last_token && (nk == "dead" || nk == "down" || nk == "up")) {
          const text::Token& after = c.doc.tokens[it.last + 1];
          std::string_view ak = KeyAt(c, it.last + 1);
          object_follows = after.kind == text::kNumber || In(kDeterminers, ak) || text::NumberWordValue(ak) > 0;
        }
        bool clause_goes_on = next.kind == text::kWord && !IsPreposition(nk) && nk != "and" && nk != "or" &&
                              nk != "while" && nk != "when" && nk != "after" && nk != "as" && nk != "during";
        if (!object_follows && !clause_goes_on && RightObject(c, si, it.last, 0, false, false, false) < 0) {
          e.voice = Voice::kPassive;
        }
      } else if ((tr.flags & lexicon::kTriggerPassiveVictim) && it.last >= sent.last_token) {
        e.voice = Voice::kPassive;
      }
    }

    const bool reciprocal = tr.flags & lexicon::kTriggerReciprocal;
    const bool territory = tr.cls == TriggerClass::kTerritory;
    const bool falls = first_key == "fall" || first_key == "fell" || first_key == "fallen" || first_key == "falls" ||
                       first_key == "falling";
    int32_t a = -1, b = -1;
    switch (e.voice) {
      case Voice::kActive:
      case Voice::kParticiple:
        if (falls) {
          // "Palmyra fell to IS": the taker follows "to" (which may be part of the trigger phrase).
          for (uint32_t t = it.first + 1; t < sent.last_token && t < it.last + 3; ++t) {
            if (KeyAt(c, t) == "to") {
              e.actor1 = RightObject(c, si, t + 1, 3, false, false, false);
              break;
            }
          }
          // "profits fell to $5 million", "the rate fell to 3 pct": a place falls only to a force the text names.
          if (e.actor1 < 0) continue;
          break;
        }
        e.actor1 = LeftSubject(c, si, it.first, 18);
        // "Kurdish fighters claim to have recaptured Kobani": who claims (or says, denies) to have done it did it.
        if (e.actor1 < 0 && it.first >= sent.first_token + 3 && KeyAt(c, it.first - 1) == "have" &&
            KeyAt(c, it.first - 2) == "to") {
          static constexpr std::array<std::string_view, 12> kClaimVerbs = {
              "claim", "claims", "claimed", "claiming", "say", "says", "said", "deny", "denies", "denied",
              "appear", "appears"};
          if (In(kClaimVerbs, KeyAt(c, it.first - 3))) e.actor1 = LeftSubject(c, si, it.first - 3, 12);
        }
        // "leaving the militants to burn down shops", "ordered troops to withdraw": the object of the verb before
        // an infinitive is the infinitive's doer (not a preposition's object: "sent to Mali to fight").
        if (tr.verb && it.first >= sent.first_token + 2 && KeyAt(c, it.first - 1) == "to") {
          for (uint32_t q = L.mentions_begin; q < L.mentions_end; ++q) {
            const Mention& m = s.mentions[q];
            if (m.last != it.first - 1 || m.source_only) continue;
            uint32_t p = m.first;
            while (p > sent.first_token && In(kDeterminers, KeyAt(c, p - 1))) --p;
            if (p > sent.first_token && (In(kPrepositions, KeyAt(c, p - 1)) || KeyAt(c, p - 1) == "to")) break;
            if (p == sent.first_token) break;  // the sentence's own subject: LeftSubject has it
            e.actor1 = static_cast<int32_t>(q);
            break;
          }
        }
        // "… to burn down shops and kidnap women": a verb after "and" shares the doer of the verb before it, across
        // that verb's object.
        if (tr.verb && it.first > sent.first_token && KeyAt(c, it.first - 1) == "and" &&
            s.events.size() > L.events_begin) {
          const Candidate& prev = s.events.back();
          const bool object_between_only =
              prev.trigger_last < it.first && it.first - prev.trigger_last <= 8 &&
              (e.actor1 < 0 || e.actor1 == prev.actor2 || s.mentions[e.actor1].last <= prev.trigger_first);
          bool broken = false;
          for (uint32_t t = prev.trigger_last; t + 1 < it.first; ++t) {
            std::string_view key = KeyAt(c, t);
            broken |= key == "," || key == ";" || key == "and" || IsClauseBoundary(key);
          }
          if (prev.voice == Voice::kActive && prev.actor1 >= 0 && object_between_only && !broken &&
              c.lex.triggers()[prev.trigger].verb) {
            e.actor1 = prev.actor1;
          }
        }
        e.actor2 = RightObject(c, si, it.last, 8, true, reciprocal, territory);
        if (e.voice == Voice::kParticiple && it.first > sent.first_token) {
          std::string_view before = KeyAt(c, it.first - 1);
          // "Ethiopia admits shooting down a Kenyan aircraft": who admits or denies an act is its doer.
          static constexpr std::array<std::string_view, 14> kOwningVerbs = {
              "admits", "admitted", "admit", "denies", "denied", "deny", "confirms", "confirmed", "acknowledges",
              "acknowledged", "acknowledge", "confirm", "claims", "claimed"};
          if (e.actor1 < 0 && In(kOwningVerbs, before)) e.actor1 = LeftSubject(c, si, it.first - 1, 14);
          // "… shooting down a Kenyan aircraft, killing all six on board": a participle after a comma has the
          // clause's doer, not the object just named.
          if (before == ",") {
            for (int32_t q = static_cast<int32_t>(s.events.size()) - 1; q >= static_cast<int32_t>(L.events_begin);
                 --q) {
              const Candidate& prev = s.events[q];
              if (prev.trigger_last > it.first) continue;
              if (prev.actor1 >= 0 && e.actor1 == prev.actor2 && prev.actor2 >= 0) {
                e.actor1 = prev.actor1;
                if (e.actor2 == e.actor1) e.actor2 = -1;
              }
              break;
            }
          }
        }
        if (reciprocal && Between(c, si, it.last, &a, &b) && e.actor1 < 0) {
          e.actor1 = a;
          e.actor2 = b;
        }
        // "beaten a farmer and robbed him": after "and", a name that is the object of the verb before is not this
        // verb's subject; the two verbs share the first one's.
        if (e.actor1 >= 0 && it.first >= sent.first_token + 2 &&
            (KeyAt(c, it.first - 1) == "and" || KeyAt(c, it.first - 2) == "and")) {
          for (int32_t q = static_cast<int32_t>(s.events.size()) - 1; q >= static_cast<int32_t>(L.events_begin); --q) {
            const Candidate& prev = s.events[q];
            if (prev.voice != Voice::kActive || prev.trigger_last > s.mentions[e.actor1].first) continue;
            if (prev.actor2 == e.actor1) {
              if (e.actor2 < 0) e.actor2 = prev.actor2;
              e.actor1 = prev.actor1;
            }
            break;
          }
        }
        // "Netanyahu vows that the Golan will stay Israeli and calls on the world to recognise it": a statement
        // verb after "and" whose subject the clause before hides shares the sentence's subject.
        if (e.actor1 < 0 && tr.cls == TriggerClass::kNonAcled && it.first > sent.first_token + 2 &&
            KeyAt(c, it.first - 1) == "and" && L.mentions_end > L.mentions_begin) {
          const Mention& head = s.mentions[L.mentions_begin];
          // Not across a report ("He said it is … trained and bankrolled"): the speaker is not the clause's subject.
          if (!head.source_only && head.first <= sent.first_token + 2 && head.last < it.first &&
              !IsPrepObject(c, head, sent.first_token) && !ReportCueBetween(c, si, head.last, it.first) &&
              tr.verb) {
            e.actor1 = static_cast<int32_t>(L.mentions_begin);
            if (e.actor2 == e.actor1) e.actor2 = -1;
          }
        }
        // "Palestinian youth and Israeli riot police clash": the two sides of a reciprocal verb are its
        // coordinated subject.
        // So are those of an act two parties do together: "Syria and Libya agree to establish relations".
        if (e.actor1 > static_cast<int32_t>(L.mentions_begin)) {
          const bool joint = reciprocal || tr.plover == Plover::kAgree || tr.plover == Plover::kConsult ||
                             tr.plover == Plover::kCooperate || tr.sub == AcledSub::kAgreement;
          const Mention& second = s.mentions[e.actor1];
          const Mention& first_side = s.mentions[e.actor1 - 1];
          const bool coordinated =
              second.first >= 1 && KeyAt(c, first_side.last) == "and" &&
              (first_side.last + 1 == second.first ||
               (first_side.last + 2 == second.first && KeyAt(c, first_side.last + 1) == "the")) &&
              !first_side.source_only;
          if (coordinated && joint && e.actor2 < 0) {
            e.actor2 = e.actor1;
            e.actor1 = e.actor1 - 1;
          } else if (coordinated && tr.cls != TriggerClass::kNonAcled && MentionIsArmed(c, first_side) &&
                     MentionIsArmed(c, second) && !IsPrepObject(c, first_side, sent.first_token)) {
            // "Turkish troops and the Free Syrian Army seize Rajo": the first of allied doers leads, as ACLED
            // names actor1 (the second is its associate).
            e.actor1 = e.actor1 - 1;
          }
        }
        break;
      case Voice::kPassive:
        e.actor2 = LeftSubject(c, si, it.first, 14);
        e.actor1 = ByAgent(c, si, it.last);
        // "Khalida Jarrar is released from Israeli prison": whoever held the prisoner releases her.
        if (e.actor1 < 0 && tr.mode == "release") {
          for (uint32_t t = it.first; t < sent.last_token && t < it.last + 3; ++t) {
            if (KeyAt(c, t) != "from") continue;
            for (uint32_t q = L.mentions_begin; q < L.mentions_end; ++q) {
              const Mention& m = s.mentions[q];
              if (m.first >= t + 1 && m.first <= t + 2 && !m.source_only && m.mkind != MentionKind::kPerson &&
                  static_cast<int32_t>(q) != e.actor2) {
                e.actor1 = static_cast<int32_t>(q);
                break;
              }
            }
            break;
          }
        }
        // "275 U.S. troops are deployed to Iraq": whoever sends them, the force that moves is the one acting.
        if (e.actor1 < 0 && e.actor2 >= 0 && (tr.flags & lexicon::kTriggerMover) &&
            MentionIsArmed(c, s.mentions[e.actor2])) {
          e.actor1 = e.actor2;
          e.actor2 = -1;
        }
        break;
      case Voice::kNominal:
        e.referenced = RespondedTo(c, si, it.first);
        e.actor1 = Premodifier(c, si, it.first);
        if (e.actor1 < 0) {
          const bool armed_act = tr.cls == TriggerClass::kViolence ||
                                 (tr.cls == TriggerClass::kFixed && tr.sub >= AcledSub::kArmedClash &&
                                  tr.sub <= AcledSub::kAbduction);
          e.actor1 = ByAgent(c, si, it.last, armed_act);
          // "allegations from South Sudan", "criticism from Moscow": a said thing comes from whoever said it.
          if (e.actor1 < 0 && tr.cls == TriggerClass::kNonAcled && it.last + 1 < sent.last_token &&
              KeyAt(c, it.last) == "from") {
            for (uint32_t q = L.mentions_begin; q < L.mentions_end; ++q) {
              const Mention& m = s.mentions[q];
              if (m.source_only || m.first != it.last + 1) continue;
              e.actor1 = static_cast<int32_t>(q);
              break;
            }
          }
        }
        // "Argentina … its designation of the group", "the army said its strikes": a possessive pronoun is the
        // nearest party named before it.
        // Only for acts of state outside ACLED: a possessive before a battle word is as often the other side's.
        // "his visit", "her talks": the person named before it (a leader or an official), not a state.
        const bool personal = it.first > sent.first_token &&
                              (KeyAt(c, it.first - 1) == "his" || KeyAt(c, it.first - 1) == "her");
        if (e.actor1 < 0 && it.first > sent.first_token && tr.cls == TriggerClass::kNonAcled &&
            (KeyAt(c, it.first - 1) == "its" || KeyAt(c, it.first - 1) == "their" || personal)) {
          for (int32_t q = static_cast<int32_t>(L.mentions_end) - 1; q >= static_cast<int32_t>(L.mentions_begin); --q) {
            const Mention& m = s.mentions[q];
            if (m.last > it.first - 1 || m.source_only || m.mkind == MentionKind::kDemonymNoun ||
                MentionIsCivilian(c, m)) {
              continue;
            }
            if (personal && m.mkind != MentionKind::kPerson && !(m.mkind == MentionKind::kAgent && !m.generic)) continue;
            if (IsPrepObject(c, m, sent.first_token)) break;  // "critical of Putin and expressed his support"
            e.actor1 = q;
            break;
          }
        }
        if (e.referenced) break;  // the clause's subject answers this act; it did not do it
        if (reciprocal && Between(c, si, it.last, &a, &b)) {
          e.actor1 = a;
          e.actor2 = b;
        }
        if (e.actor1 < 0) {
          // Light verbs: "Russian warplanes conducted 64 air strikes", "militants launched an attack". Not across
          // another event word: "the United States condemns the attacks" is not an attack by the United States.
          int32_t subj = LeftSubject(c, si, it.first, 7);
          if (subj >= 0) {
            bool prep_between = false;
            for (uint32_t t = s.mentions[subj].last; t < it.first; ++t) {
              if (IsPreposition(KeyAt(c, t))) prep_between = true;
            }
            bool event_between = false;
            for (uint32_t q = L.items_begin; q < L.items_end; ++q) {
              const Item& other = s.items[q];
              if (other.first < s.mentions[subj].last || other.first >= it.first) continue;
              if (other.layer == Layer::kTrigger && c.lex.triggers()[other.index].cls == TriggerClass::kNonAcled) {
                event_between = true;
              }
              // "The British Defence Ministry expects increased shelling": who expects an act does not do it.
              // (Who considers, plans or threatens strikes would carry them out.)
              if (other.layer == Layer::kCue && (c.lex.cues()[other.index].kind == CueKind::kReport ||
                                                 KeyAt(c, other.first).starts_with("expect"))) {
                event_between = true;
              }
            }
            // "killing at least 9 people and sparking heavy fighting": the object of one verb is not the doer of
            // the act another verb brings about.
            static constexpr std::array<std::string_view, 11> kLightParticiples = {
                "launching", "conducting", "carrying", "staging", "mounting", "making", "holding", "signing",
                "reaching", "declaring", "unleashing"};
            for (uint32_t t = s.mentions[subj].last; t < it.first; ++t) {
              std::string_view k = KeyAt(c, t);
              if (k.size() > 5 && EndsWith(k, "ing") && !c.doc.tokens[t].Has(text::kCapitalized) &&
                  !In(kLightParticiples, k) && t > s.mentions[subj].last && KeyAt(c, t - 1) == "and") {
                event_between = true;
              }
            }
            if (!prep_between && !event_between) e.actor1 = subj;
          }
        }
        if (e.actor1 < 0) {
          // "The coalition backing Yemen's government carried out a series of airstrikes": skip the quantity
          // phrase back to a light verb and take that verb's subject.
          static constexpr std::array<std::string_view, 16> kQuantity = {
              "a", "an", "series", "wave", "number", "dozens", "hundreds", "of", "several", "multiple", "new",
              "fresh", "deadly", "two", "three", "more"};
          static constexpr std::array<std::string_view, 28> kLightVerbs = {
              "out",     "conducted", "conduct", "conducts", "launched", "launch",   "launches",
              "staged",  "stage",     "stages",  "mounted",  "mount",    "unleashed", "made",
              "carried", "began",     "reached", "reach",    "reaches",  "signed",   "sign",
              "signs",   "brokered",  "agreed",  "declared", "declare",  "declares", "held"};
          // "carried out at least six air strikes": numbers and their hedges are part of the quantity too.
          auto quantity_word = [&](uint32_t t) {
            std::string_view k = KeyAt(c, t);
            return In(kQuantity, k) || c.doc.tokens[t].kind == text::kNumber || text::NumberWordValue(k) > 0 ||
                   k == "at" || k == "least" || k == "some" || k == "about" || k == "around" || k == "nearly" ||
                   k == "over" || k == "than" || k == "up" || (k == "to" && t > sent.first_token && KeyAt(c, t - 1) == "up");
          };
          uint32_t v = it.first;
          while (v > sent.first_token && it.first - v < 7 && quantity_word(v - 1)) --v;
          // A scare quote may open the quoted phrase: "carried out at least six air strikes on …".
          if (v > sent.first_token && KeyAt(c, v - 1) == "\"") --v;
          // "the Syrian Air Force was responsible for three chemical attacks": whoever is responsible did them.
          const bool responsible = v > sent.first_token + 1 && KeyAt(c, v - 1) == "for" &&
                                   KeyAt(c, v - 2) == "responsible";
          if (responsible || (v > sent.first_token && In(kLightVerbs, KeyAt(c, v - 1)))) {
            uint32_t verb = responsible ? v - 2 : v - 1;
            if (KeyAt(c, verb) == "out" && verb > sent.first_token) --verb;  // carried out
            int32_t subj = LeftSubject(c, si, verb, 14);
            if (subj >= 0 && !MentionIsCivilian(c, s.mentions[subj])) e.actor1 = subj;
          }
        }
        if (e.actor1 < 0 && it.first > sent.first_token) {
          // "Israeli war planes slammed targets in air raids": a means after "in"/"with" belongs to the clause's
          // armed subject.
          std::string_view before = KeyAt(c, it.first - 1);
          if (before == "in" || before == "with" || before == "using" || before == "through") {
            int32_t subj = LeftSubject(c, si, it.first - 1, 14);
            if (subj >= 0 && MentionIsArmed(c, s.mentions[subj]) && !MentionIsCivilian(c, s.mentions[subj])) {
              e.actor1 = subj;
            }
          }
        }
        if (e.actor2 < 0) e.actor2 = RightObject(c, si, it.last, 6, true, reciprocal, false);
        // A nominal's right neighbour without a preposition is usually not its target ("attack Sunday").
        if (e.actor2 >= 0 && s.mentions[e.actor2].first == it.last && !reciprocal) {
          const Mention& m2 = s.mentions[e.actor2];
          if (m2.mkind != MentionKind::kAgent) e.actor2 = -1;
        }
        break;
    }
    // "signs a deal with Oromo Liberation Front rebels", "reached a truce with the Houthis": the other party of a
    // joint act follows "with".
    if (e.actor2 < 0 && (tr.plover == Plover::kAgree || tr.plover == Plover::kConsult ||
                         tr.plover == Plover::kCooperate || tr.sub == AcledSub::kAgreement)) {
      for (uint32_t t = it.last; t < sent.last_token && t < it.last + 4; ++t) {
        std::string_view key = KeyAt(c, t);
        if (key == "," || key == ";" || IsClauseBoundary(key)) break;
        if (key != "with") continue;
        uint32_t at = t + 1;
        if (at < sent.last_token && KeyAt(c, at) == "the") ++at;
        for (uint32_t q = L.mentions_begin; q < L.mentions_end; ++q) {
          const Mention& m = s.mentions[q];
          if (m.first == at && !m.source_only && static_cast<int32_t>(q) != e.actor1) {
            e.actor2 = static_cast<int32_t>(q);
            break;
          }
        }
        break;
      }
    }
    if (e.actor1 >= 0 && e.actor1 == e.actor2) e.actor2 = -1;
    // "respond with artillery", "hit the town with drones": a weapon after "with" is the means, not the target.
    if (e.actor2 >= 0) {
      const Mention& m2 = s.mentions[e.actor2];
      const bool platform = m2.agent >= 0 && m2.actor < 0 && m2.country < 0 &&
                            (m2.agent_flags & (lexicon::kAgentAerial | lexicon::kAgentArtillery | lexicon::kAgentNaval));
      if (platform && m2.first > sent.first_token && KeyAt(c, m2.first - 1) == "with") e.actor2 = -1;
    }
    // "Hezbollah accused the attackers …": a reference resolved to the doer itself is a resolution gone wrong.
    if (e.actor1 >= 0 && e.actor2 >= 0 && s.mentions[e.actor2].actor >= 0 &&
        s.mentions[e.actor2].actor == s.mentions[e.actor1].actor) {
      if (s.mentions[e.actor2].coreferent) {
        e.actor2 = -1;
      } else if (s.mentions[e.actor1].coreferent) {
        e.actor1 = -1;
      }
    }
    // "Russia and Ukraine accuse each other of carrying out the strike": a reciprocal statement is two acts, one
    // by each side of the coordinated subject.
    bool mirrored = false;
    if (e.voice == Voice::kActive && tr.cls == TriggerClass::kNonAcled && !reciprocal &&
        it.last + 1 < sent.last_token && e.actor1 > static_cast<int32_t>(L.mentions_begin)) {
      std::string_view w1 = KeyAt(c, it.last), w2 = KeyAt(c, it.last + 1);
      const bool each_other = (w1 == "each" && w2 == "other") || (w1 == "one" && w2 == "another");
      const Mention& second = s.mentions[e.actor1];
      const Mention& first_side = s.mentions[e.actor1 - 1];
      if (each_other && first_side.last + 1 == second.first && KeyAt(c, first_side.last) == "and" &&
          !first_side.source_only) {
        e.actor2 = e.actor1;
        e.actor1 = e.actor1 - 1;
        mirrored = true;
      }
    }
    s.events.push_back(e);
    if (mirrored) {
      Candidate other_side = e;
      std::swap(other_side.actor1, other_side.actor2);
      s.events.push_back(other_side);
    }
  }
  L.events_end = static_cast<uint32_t>(s.events.size());
  // "12 states activate the national guard", "calls up the reserves": the force a mobilising phrase names is what
  // moves, whoever gives the order.
  for (uint32_t q = L.events_begin; q < L.events_end; ++q) {
    Candidate& e = s.events[q];
    if (e.actor1 >= 0 || c.lex.triggers()[e.trigger].sub != AcledSub::kChangeToGroup) continue;
    for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
      const Mention& m = s.mentions[k];
      if (m.first >= e.trigger_first && m.last <= e.trigger_last && MentionIsArmed(c, m)) {
        e.actor1 = static_cast<int32_t>(k);
        if (e.actor2 == e.actor1) e.actor2 = -1;
        break;
      }
    }
  }
  // "Three militants are killed and ten others are arrested by Egyptian security forces": coordinated passives
  // share the agent named after the last of them.
  for (uint32_t q = L.events_end; q-- > L.events_begin + 1;) {
    Candidate& later = s.events[q];
    Candidate& earlier = s.events[q - 1];
    if (later.voice != Voice::kPassive || earlier.voice != Voice::kPassive || later.actor1 < 0 ||
        earlier.actor1 >= 0 || later.trigger_first - earlier.trigger_last > 8) {
      continue;
    }
    bool joined = false, broken = false;
    for (uint32_t t = earlier.trigger_last; t < later.trigger_first; ++t) {
      std::string_view key = KeyAt(c, t);
      if (key == "and") joined = true;
      if (key == "," || key == "or" || IsClauseBoundary(key) || IsPreposition(key)) broken = true;
    }
    if (joined && !broken && later.actor1 != earlier.actor2) earlier.actor1 = later.actor1;
  }
}

// ---------------------------------------------------------------------------------------------------------
// TypeCandidates

namespace {

const lexicon::Instrument* NearestInstrument(const Context& c, uint32_t si, const Candidate& e, int32_t* item_out) {
  const auto& L = Lay(c, si);
  const lexicon::Instrument* best = nullptr;
  uint32_t best_distance = UINT32_MAX;
  for (uint32_t k = L.items_begin; k < L.items_end; ++k) {
    const Item& it = c.s.items[k];
    if (it.layer != Layer::kInstrument) continue;
    const auto& ins = c.lex.instruments()[it.index];
    if (ins.sub == AcledSub::kNone) continue;
    uint32_t d = it.first >= e.trigger_first ? it.first - e.trigger_first : e.trigger_first - it.first;
    if (d < best_distance) {
      best_distance = d;
      best = &ins;
      *item_out = static_cast<int32_t>(k);
    }
  }
  return best;
}

// The strongest refiner of a class in the sentence (protests: Excessive force > Violent > Intervention).
AcledSub RefinedSub(const Context& c, uint32_t si, TriggerClass cls) {
  const auto& L = Lay(c, si);
  AcledSub best = AcledSub::kNone;
  auto rank = [](AcledSub s) {
    switch (s) {
      case AcledSub::kExcessiveForce: return 3;
      case AcledSub::kViolentDemonstration: return 2;
      case AcledSub::kProtestWithIntervention: return 1;
      default: return 4;
    }
  };
  for (uint32_t k = L.items_begin; k < L.items_end; ++k) {
    const Item& it = c.s.items[k];
    if (it.layer != Layer::kRefiner) continue;
    const auto& ref = c.lex.refiners()[it.index];
    if (ref.applies_to != cls) continue;
    if (best == AcledSub::kNone || rank(ref.result) > rank(best)) best = ref.result;
  }
  return best;
}

bool ConflictContext(const Context& c, uint32_t si) {
  static constexpr std::array<std::string_view, 22> kConflictWords = {
      "ceasefire", "truce", "peace", "armistice", "prisoner", "prisoners", "hostage", "hostages", "swap",
      "withdrawal", "rebels", "rebel", "militants", "fighting", "war", "hostilities", "disarm", "disarmament",
      "insurgents", "militia", "militias", "conflict"};
  const text::Sentence& sent = c.doc.sentences[si];
  for (uint32_t t = sent.first_token; t < sent.last_token; ++t) {
    if (In(kConflictWords, KeyAt(c, t))) return true;
  }
  const auto& L = c.s.layers[si];
  for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
    ActorKind kind = c.s.mentions[k].kind;
    if (kind == ActorKind::kRebelGroup || kind == ActorKind::kMilitia) return true;
  }
  return false;
}

bool GenericExplosionWord(std::string_view k) {
  return k.rfind("bomb", 0) == 0 || k.rfind("explo", 0) == 0 || k.rfind("blast", 0) == 0 ||
         k.rfind("detonat", 0) == 0;
}

bool SentenceHasAerialAgent(const Context& c, uint32_t si) {
  const auto& L = c.s.layers[si];
  for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
    if (c.s.mentions[k].agent_flags & lexicon::kAgentAerial) return true;
  }
  return false;
}

// Whether a town-level place follows (a named place that is not a country), within the clause.
bool SettlementAfter(const Context& c, uint32_t si, uint32_t from) {
  const auto& L = c.s.layers[si];
  for (uint32_t p = L.places_begin; p < L.places_end; ++p) {
    const auto& pm = c.s.places[p];
    if (pm.first < from || pm.first > from + 8) continue;
    if (pm.shape != geo::PlaceShape::kCountry) return true;
  }
  // "withdraw from the city", "pull out of the town"
  for (uint32_t t = from; t < c.doc.sentences[si].last_token && t < from + 4; ++t) {
    std::string_view k = KeyAt(c, t);
    if (k == "city" || k == "town" || k == "village" || k == "base" || k == "district" || k == "area" ||
        k == "positions" || k == "airport" || k == "stronghold") {
      return true;
    }
  }
  return false;
}

int32_t MentionCountry(const Context& c, const Mention& m);

// Who takes ground decides the sub-type: a state's forces (or the state) at home regain territory; anyone else
// (armed groups, foreign armies) overtakes it.
// Who held the place before it was taken, when the object slot names only the place: "retake the town from IS
// militants", "which had been under Russian occupation", "after its capture by IS militants", "formerly held by".
int32_t FormerHolder(const Context& c, uint32_t si, const Candidate& e) {
  const auto& L = c.s.layers[si];
  const text::Sentence& sent = c.doc.sentences[si];
  auto mention_at = [&](uint32_t from, uint32_t span) -> int32_t {
    for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
      const Mention& m = c.s.mentions[k];
      if (!m.source_only && m.first >= from && m.first <= from + span && m.mkind != MentionKind::kPerson) {
        return static_cast<int32_t>(k);
      }
    }
    return -1;
  };
  for (uint32_t t = e.trigger_last; t < sent.last_token && t < e.trigger_last + 16; ++t) {
    std::string_view k = KeyAt(c, t);
    if (k == ";" || k == "retake" || k == "recapture") break;
    // "the rebel-held city of Donetsk", "under Russian occupation", "a Houthi-controlled district".
    for (uint32_t k2 = L.mentions_begin; k2 < L.mentions_end; ++k2) {
      if (c.s.mentions[k2].holder && c.s.mentions[k2].first == t) return static_cast<int32_t>(k2);
    }
    if (k == "from") {
      int32_t m = mention_at(t + 1, 1);
      if (m >= 0) return m;
    }
    if ((k == "occupied" || k == "held" || k == "controlled" || k == "capture" || k == "seizure" || k == "control" ||
         k == "occupation") && t + 1 < sent.last_token && KeyAt(c, t + 1) == "by") {
      int32_t m = mention_at(t + 2, 1);
      if (m >= 0) return m;
    }
    if (k == "occupation" || k == "control" || k == "rule") {
      // "under Russian occupation", "under Houthi control"
      for (uint32_t k2 = L.mentions_begin; k2 < L.mentions_end; ++k2) {
        const Mention& m = c.s.mentions[k2];
        if (m.last == t && m.first > e.trigger_last) return static_cast<int32_t>(k2);
      }
    }
  }
  return -1;
}

AcledSub TerritorySub(const Context& c, uint32_t si, const Candidate& e) {
  const auto& s = c.s;
  const auto& L = s.layers[si];
  const Mention* a1 = e.actor1 >= 0 ? &s.mentions[e.actor1] : nullptr;
  bool state = a1 && (lexicon::IsStateSide(a1->kind) || a1->mkind == MentionKind::kCountry);
  int32_t actor_country = a1 ? MentionCountry(c, *a1) : -1;
  // The place's country: a country the sentence names after the trigger ("in Syria", "Kabul, Afghanistan"),
  // else the article's focus. A gazetteer guess for an ambiguous village name is weaker than either.
  int32_t place_country = -1;
  for (uint32_t p = L.places_begin; p < L.places_end; ++p) {
    const auto& pm = s.places[p];
    if (pm.country >= 0 && pm.first >= e.trigger_first && pm.shape == geo::PlaceShape::kCountry) {
      place_country = pm.country;
      break;
    }
  }
  // "to retake the Iraqi town of Sinjar": a nationality on a settlement word names the place's country.
  for (uint32_t k = L.items_begin; k < L.items_end && place_country < 0; ++k) {
    const Item& it = s.items[k];
    if (it.kind != SenseKind::kDemonym || it.first < e.trigger_first || it.last >= c.doc.sentences[si].last_token) {
      continue;
    }
    std::string_view noun = KeyAt(c, it.last);
    if (noun == "town" || noun == "city" || noun == "village" || noun == "province" || noun == "capital" ||
        noun == "district" || noun == "region" || noun == "port" || noun == "border") {
      place_country = static_cast<int32_t>(it.index);
    }
  }
  // "retake control of the Mosul Dam": the gazetteer's reading of the place the act takes.
  for (uint32_t p = L.places_begin; p < L.places_end && place_country < 0; ++p) {
    const auto& pm = s.places[p];
    if (pm.first < e.trigger_last || pm.first > e.trigger_last + 8 || p >= s.resolved.size()) continue;
    const geo::PlaceResolution& r = s.resolved[p];
    if (!r.resolved || r.precision == "country" || r.precision == "region" || r.country.size() != 2) continue;
    if (const lexicon::Country* co = c.lex.CountryByCode(r.country)) {
      place_country = static_cast<int32_t>(co - c.lex.countries().data());
    }
  }
  if (place_country < 0) place_country = s.focus_country;
  bool home = actor_country < 0 || place_country < 0 || actor_country == place_country;
  return state && home ? AcledSub::kGovernmentRegainsTerritory : AcledSub::kNonStateOvertakesTerritory;
}

bool SameDoer(const Mention& a, const Mention& b) {
  if (a.actor >= 0 || b.actor >= 0) return a.actor == b.actor;
  return a.country >= 0 && a.country == b.country;
}

// The sub-type of a specific violent event by the same doer in the two previous sentences of the paragraph.
AcledSub InheritedSub(const Context& c, uint32_t si, const Candidate& e) {
  if (e.actor1 < 0) return AcledSub::kNone;
  const Mention& doer = c.s.mentions[e.actor1];
  for (uint32_t back = 1; back <= 2 && back <= si; ++back) {
    if (back > 1 && c.doc.tokens[c.doc.sentences[si - back + 1].first_token].Has(text::kParaStart)) break;
    const auto& P = c.s.layers[si - back];
    for (uint32_t k = P.events_begin; k < P.events_end; ++k) {
      const Candidate& o = c.s.events[k];
      if (!o.alive || o.actor1 < 0 || o.typed_by_default) continue;
      if (c.lex.triggers()[o.trigger].cls != TriggerClass::kFixed && o.instrument < 0) continue;
      switch (o.sub) {
        case AcledSub::kAirDroneStrike:
        case AcledSub::kShelling:
        case AcledSub::kChemicalWeapon:
          if (SameDoer(doer, c.s.mentions[o.actor1])) return o.sub;
          break;
        default:
          break;
      }
    }
  }
  return AcledSub::kNone;
}

int32_t MentionCountry(const Context& c, const Mention& m) {
  if (m.actor >= 0) {
    const auto& a = c.lex.actors()[m.actor];
    for (size_t i = 0; i < c.lex.countries().size(); ++i) {
      if (c.lex.countries()[i].iso2 == a.country) return static_cast<int32_t>(i);
    }
    return -1;
  }
  if (m.country >= 0) return m.country;
  if (m.agent_flags & lexicon::kAgentHome) return c.s.focus_country;
  return -1;
}

}  // namespace

void TypeCandidates(Context& c, uint32_t si) {
  auto& s = c.s;
  const SentenceLayers& L = s.layers[si];
  for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
    Candidate& e = s.events[k];
    const Trigger& tr = TriggerOf(c, e);
    const Mention* a1 = e.actor1 >= 0 ? &s.mentions[e.actor1] : nullptr;
    const Mention* a2 = e.actor2 >= 0 ? &s.mentions[e.actor2] : nullptr;
    switch (tr.cls) {
      case TriggerClass::kFixed:
        e.sub = tr.sub;
        break;
      case TriggerClass::kNonAcled:
        e.sub = AcledSub::kNone;
        break;
      case TriggerClass::kProtest: {
        e.sub = AcledSub::kPeacefulProtest;
        AcledSub refined = RefinedSub(c, si, TriggerClass::kProtest);
        if (refined != AcledSub::kNone) e.sub = refined;
        break;
      }
      case TriggerClass::kViolence: {
        AcledSub mob = RefinedSub(c, si, TriggerClass::kViolence);
        int32_t item = -1;
        const lexicon::Instrument* ins = NearestInstrument(c, si, e, &item);
        if (mob != AcledSub::kNone) {
          e.sub = mob;
        } else if (ins) {
          e.sub = ins->sub;
          e.instrument = item;
          e.mode = &ins->mode;
        } else if (a1 && (a1->agent_flags & lexicon::kAgentAerial)) {
          e.sub = AcledSub::kAirDroneStrike;
        } else if (a1 && (a1->agent_flags & lexicon::kAgentArtillery)) {
          e.sub = AcledSub::kShelling;
        } else if (AcledSub inherited = InheritedSub(c, si, e); inherited != AcledSub::kNone) {
          // "Russian warplanes conducted 64 air strikes ... Russia said it killed 300 militants": the same
          // doer's harm in the next sentences comes from the same means.
          e.sub = inherited;
        } else {
          e.typed_by_default = true;
          bool target_armed = a2 && MentionIsArmed(c, *a2) && !MentionIsCivilian(c, *a2);
          // "attack an office of the security forces' intelligence agency", "overran an army post": an armed
          // post, base or convoy is defended; its attack is a battle.
          if (!target_armed && !(a2 && MentionIsCivilian(c, *a2)) && e.voice != Voice::kPassive) {
            static constexpr std::array<std::string_view, 18> kInstallations = {
                "base",     "bases",     "post",    "posts",     "outpost",   "outposts",
                "checkpoint", "checkpoints", "barracks", "garrison", "convoy", "convoys",
                "positions", "headquarters", "station", "stations", "airbase", "garrisons"};
            for (uint32_t t = e.trigger_last; t < c.doc.sentences[si].last_token && t < e.trigger_last + 6; ++t) {
              std::string_view k = KeyAt(c, t);
              if (k == "," || k == ";" || IsClauseBoundary(k)) break;
              if (In(kInstallations, k)) {
                target_armed = true;
                break;
              }
            }
            // "an office of the security force's intelligence agency": the object belongs to armed forces.
            const SentenceLayers& ML = Lay(c, si);
            for (uint32_t m = ML.mentions_begin; m < ML.mentions_end && !target_armed && !a2; ++m) {
              const Mention& owner = c.s.mentions[m];
              if (owner.first < e.trigger_last || owner.first > e.trigger_last + 6 ||
                  owner.kind != ActorKind::kStateForces || IsVerbTriggerAt(c, si, e.trigger_last, owner.first) ||
                  (owner.agent_flags & (lexicon::kAgentArtillery | lexicon::kAgentAerial))) {  // "support of tanks"
                continue;
              }
              const bool owns = (owner.last < c.doc.sentences[si].last_token && KeyAt(c, owner.last) == "'s") ||
                                (owner.first > 1 && (KeyAt(c, owner.first - 1) == "of" ||
                                                     (KeyAt(c, owner.first - 1) == "the" && KeyAt(c, owner.first - 2) == "of")));
              if (owns) {
                target_armed = true;
                // A bare "force" names no one worth coding; the battle stands without it.
                if (!(owner.agent_flags & lexicon::kAgentWeak) && !owner.source_only) e.actor2 = static_cast<int32_t>(m);
              }
            }
          }
          bool attacker_civilian = a1 && MentionIsCivilian(c, *a1);
          if (a1 && a1->kind == ActorKind::kProtesters) {
            e.sub = AcledSub::kMobViolence;
          } else if (target_armed && !attacker_civilian) {
            e.sub = AcledSub::kArmedClash;
          } else {
            e.sub = AcledSub::kAttack;
          }
        }
        break;
      }
      case TriggerClass::kTerritory: {
        // A person taken is an arrest or an abduction, not territory; but "driven from", "pushed out of",
        // "expelled from" move people out of a place: the subject lost the ground.
        bool expel = false;
        for (uint32_t t = e.trigger_first; t < e.trigger_last; ++t) {
          std::string_view kk = KeyAt(c, t);
          if (kk == "from" || kk == "out" || kk == "driven" || kk == "drove" || kk == "drive" || kk == "expelled" ||
              kk == "ousted" || kk == "pushed" || kk == "routed") {
            expel = true;
          }
        }
        const Mention* taken = expel ? nullptr
                               : e.voice == Voice::kPassive ? a2
                                                            : (a2 && a2->first <= e.trigger_last + 3 ? a2 : nullptr);
        bool person_taken = taken && (taken->mkind == MentionKind::kPerson ||
                                      (taken->mkind == MentionKind::kAgent && !(taken->agent_flags & lexicon::kAgentWeak)) ||
                                      taken->mkind == MentionKind::kDemonymNoun);
        if (person_taken && taken->mkind == MentionKind::kAgent && lexicon::IsArmed(taken->kind) &&
            e.voice != Voice::kPassive) {
          // "captured 30 militants" is taking prisoners; "captured the base from militants" is territory.
          person_taken = !(a2 && a2->first > e.trigger_last + 1 &&
                           KeyAt(c, a2->first - 1) == "from");
        }
        if (person_taken) {
          bool state = a1 && lexicon::IsStateSide(a1->kind);
          e.sub = state || !a1 ? AcledSub::kArrests : AcledSub::kAbduction;
          if (!a1 && taken->mkind == MentionKind::kAgent && MentionIsCivilian(c, *taken)) e.sub = AcledSub::kAbduction;
          break;
        }
        e.sub = TerritorySub(c, si, e);
        if (e.actor2 < 0) e.actor2 = FormerHolder(c, si, e);
        // "seize a five-story building", "stormed the hotel": a building held in an attack is no territory; the
        // fighting for it is a battle.
        if (e.voice != Voice::kPassive) {
          static constexpr std::array<std::string_view, 16> kBuildings = {
              "building", "buildings", "hotel", "hotels", "house", "houses", "compound", "office", "offices",
              "school", "hospital", "mosque", "church", "mall", "embassy", "ministry"};
          for (uint32_t t = e.trigger_last; t < c.doc.sentences[si].last_token && t < e.trigger_last + 5; ++t) {
            std::string_view k = KeyAt(c, t);
            if (k == "," || k == ";" || k == "of" || IsClauseBoundary(k) || IsPreposition(k)) break;
            if (In(kBuildings, k)) {
              e.sub = AcledSub::kArmedClash;
              break;
            }
          }
        }
        break;
      }
    }
    // Words that name any explosion ("bombs", "explosion", "detonates") take the sentence's instrument:
    // warplanes that bomb make an air strike, a suicide bomber who detonates a suicide bombing, a rocket that
    // explodes a rocket attack. State forces that bomb are bombing from the air.
    if (e.sub == AcledSub::kRemoteExplosive && tr.mode == "explosives" &&
        (tr.flags & lexicon::kTriggerWeak || GenericExplosionWord(KeyAt(c, e.trigger_first)))) {
      int32_t item = -1;
      const lexicon::Instrument* ins = NearestInstrument(c, si, e, &item);
      if (ins && ins->sub != AcledSub::kRemoteExplosive) {
        e.sub = ins->sub;
        e.instrument = item;
      } else if (a1 && ((a1->agent_flags & lexicon::kAgentAerial) ||
                        (a1->kind == ActorKind::kStateForces && !(a1->agent_flags & lexicon::kAgentArtillery)) ||
                        a1->mkind == MentionKind::kCountry)) {
        e.sub = AcledSub::kAirDroneStrike;
      } else if (SentenceHasAerialAgent(c, si)) {
        e.sub = AcledSub::kAirDroneStrike;
      }
    }
    // "shooting down a Kenyan private aircraft": downing a civilian plane is an attack on civilians, not the
    // interception of a weapon.
    if (e.sub == AcledSub::kDisruptedWeapons && e.actor2 >= 0 && MentionIsCivilian(c, s.mentions[e.actor2]) &&
        !KeyAt(c, e.trigger_first).starts_with("intercept")) {
      e.sub = AcledSub::kAttack;
      const lexicon::TypeDefaults& d = c.lex.Defaults(e.sub);
      e.plover = d.plover;
      e.cameo = d.cameo;
      e.mode = &d.mode;
    }
    // "Protesters burn French flags and pictures of Macron": symbols burned are a protest's message, not
    // property destroyed.
    if (e.sub == AcledSub::kLooting && tr.lemma == "burn") {
      static constexpr std::array<std::string_view, 14> kSymbols = {
          "flag", "flags", "effigy", "effigies", "picture", "pictures", "portrait", "portraits", "poster",
          "posters", "photo", "photos", "copies", "banners"};
      for (uint32_t t = e.trigger_last; t < c.doc.sentences[si].last_token && t < e.trigger_last + 4; ++t) {
        if (!In(kSymbols, KeyAt(c, t))) continue;
        e.sub = AcledSub::kPeacefulProtest;
        const lexicon::TypeDefaults& d = c.lex.Defaults(e.sub);
        e.plover = d.plover;
        e.cameo = d.cameo;
        e.mode = &d.mode;
        e.actor2 = -1;  // the country whose flag burns is the protest's target, not a participant
        break;
      }
    }
    // "Turkey destroyed a facility with missiles": destruction by a weapon is an attack with that weapon.
    if (e.sub == AcledSub::kLooting && (tr.flags & lexicon::kTriggerWeak)) {
      int32_t item = -1;
      const lexicon::Instrument* ins = NearestInstrument(c, si, e, &item);
      if (ins) {
        e.sub = ins->sub;
        e.instrument = item;
      }
    }
    // Missiles or bombs from aircraft and drones are air strikes ("U.S. aircraft fired missiles").
    if (a1 && (a1->agent_flags & lexicon::kAgentAerial) &&
        (e.sub == AcledSub::kShelling || e.sub == AcledSub::kRemoteExplosive)) {
      e.sub = AcledSub::kAirDroneStrike;
    }
    // Chemical agents used in a battle make it a chemical attack.
    if (e.sub == AcledSub::kArmedClash || e.sub == AcledSub::kAttack) {
      int32_t item = -1;
      const lexicon::Instrument* ins = NearestInstrument(c, si, e, &item);
      if (ins && ins->sub == AcledSub::kChemicalWeapon) {
        e.sub = AcledSub::kChemicalWeapon;
        e.instrument = item;
      }
    }
    // ACLED's Agreement covers ceasefires, peace deals and prisoner swaps; a generic "agree to" or "sign a
    // deal" about trade or diplomacy is a PLOVER AGREE outside ACLED's scope.
    if (e.sub == AcledSub::kAgreement && tr.mode.empty() && !ConflictContext(c, si)) {
      e.sub = AcledSub::kNone;
    }
    // A withdrawal from a country, or with no place, is a change of posture, not a handover of ground.
    if (e.sub == AcledSub::kNonViolentTransfer && !SettlementAfter(c, si, e.trigger_last)) {
      e.sub = AcledSub::kChangeToGroup;
    }
    // State forces killing or wounding protesters use excessive force against them.
    if ((e.sub == AcledSub::kAttack || e.sub == AcledSub::kArmedClash) && a2 && a2->kind == ActorKind::kProtesters &&
        (!a1 || lexicon::IsStateSide(a1->kind))) {
      e.sub = a1 ? AcledSub::kExcessiveForce : e.sub;
    }
    // Violence by a crowd of protesters is a violent demonstration.
    if ((e.sub == AcledSub::kArmedClash || e.sub == AcledSub::kAttack || e.sub == AcledSub::kMobViolence ||
         e.sub == AcledSub::kLooting) &&
        ((a1 && a1->kind == ActorKind::kProtesters) || (a2 && a2->kind == ActorKind::kProtesters &&
                                                        e.sub == AcledSub::kArmedClash))) {
      bool mob = RefinedSub(c, si, TriggerClass::kViolence) == AcledSub::kMobViolence;
      if (!mob) e.sub = AcledSub::kViolentDemonstration;
    }
    // Unarmed people clashing with the police or the army riot; they do not fight battles ("Palestinian youth and
    // Israeli riot police clash").
    if (e.sub == AcledSub::kArmedClash && e.voice == Voice::kActive && a1 && a2 &&
        a1->mkind == MentionKind::kAgent && a2->mkind == MentionKind::kAgent &&
        ((MentionIsCivilian(c, *a1) && a2->kind == ActorKind::kStateForces) ||
         (MentionIsCivilian(c, *a2) && a1->kind == ActorKind::kStateForces))) {
      e.sub = AcledSub::kViolentDemonstration;
    }
    // "Police arrested 104 protesters": arrests at a demonstration are ACLED's protest with intervention, the
    // crowd as actor1 and the police as actor2.
    if (e.sub == AcledSub::kArrests && a2 && a2->kind == ActorKind::kProtesters) {
      e.sub = AcledSub::kProtestWithIntervention;
      std::swap(e.actor1, e.actor2);
      a1 = e.actor1 >= 0 ? &s.mentions[e.actor1] : nullptr;
      a2 = e.actor2 >= 0 ? &s.mentions[e.actor2] : nullptr;
    }
    // A crowd that demands, calls for or rejects something in the street is demonstrating ("315,000
    // demonstrators in Barcelona demand the freedom of jailed leaders").
    bool crowd_speaks = e.sub == AcledSub::kNone && a1 && a1->kind == ActorKind::kProtesters &&
                        e.voice == Voice::kActive &&
                        (tr.plover == Plover::kRequest || tr.plover == Plover::kReject || tr.plover == Plover::kAccuse);
    // PLOVER, CAMEO and mode: the trigger's own, else the sub-type's defaults.
    if (crowd_speaks) e.sub = AcledSub::kPeacefulProtest;
    const lexicon::TypeDefaults& d = c.lex.Defaults(e.sub);
    bool override_trigger = e.sub == AcledSub::kArrests || e.sub == AcledSub::kAbduction;
    if (override_trigger && tr.cls == TriggerClass::kTerritory) {
      e.plover = d.plover;
      e.cameo = d.cameo;
      if (!e.mode) e.mode = &d.mode;
    } else {
      e.plover = tr.plover != Plover::kNone ? tr.plover : d.plover;
      e.cameo = tr.cameo != 0 ? tr.cameo : d.cameo;
      if (!e.mode) e.mode = !tr.mode.empty() ? &tr.mode : &d.mode;
    }
    if (crowd_speaks) {
      e.plover = d.plover;
      e.cameo = d.cameo;
      e.actor2 = -1;  // what a crowd demands is not whom it confronts
    }
    if (tr.cls == TriggerClass::kProtest || tr.cls == TriggerClass::kViolence) {
      // A refined or instrument-typed sub-type brings its own defaults.
      if (tr.plover == Plover::kNone || e.sub == AcledSub::kMobViolence) e.plover = d.plover;
      if (tr.cameo == 0 || e.sub != AcledSub::kAttack) e.cameo = d.cameo != 0 ? d.cameo : e.cameo;
    }
    if (e.plover == Plover::kNone) e.plover = Plover::kAssault;
    if (e.plover == Plover::kThreaten) e.modality = Modality::kThreatened;
  }
}

// ---------------------------------------------------------------------------------------------------------
// MergeCandidates

namespace {

enum class Family : uint8_t { kViolence, kProtest, kOther };

Family FamilyOf(const Candidate& e) {
  switch (e.sub) {
    case AcledSub::kPeacefulProtest:
    case AcledSub::kProtestWithIntervention:
    case AcledSub::kExcessiveForce:
    case AcledSub::kViolentDemonstration:
      return Family::kProtest;
    case AcledSub::kArmedClash:
    case AcledSub::kGovernmentRegainsTerritory:
    case AcledSub::kNonStateOvertakesTerritory:
    case AcledSub::kChemicalWeapon:
    case AcledSub::kAirDroneStrike:
    case AcledSub::kSuicideBomb:
    case AcledSub::kShelling:
    case AcledSub::kRemoteExplosive:
    case AcledSub::kGrenade:
    case AcledSub::kSexualViolence:
    case AcledSub::kAttack:
    case AcledSub::kAbduction:
    case AcledSub::kMobViolence:
    case AcledSub::kLooting:
      return Family::kViolence;
    default:
      return Family::kOther;
  }
}

// `into` takes over what `from` adds; `from` is dropped, pointing at `into` so that its counts ("a soldier is
// killed during clashes") go to the event that absorbed it.
void Absorb(std::vector<Candidate>& ev, Candidate& into, Candidate& from) {
  from.copied_from = static_cast<int32_t>(&into - ev.data());
  if (into.actor1 < 0) into.actor1 = from.actor1;
  if (into.actor2 < 0 && from.actor2 != into.actor1) into.actor2 = from.actor2;
  if (into.instrument < 0) into.instrument = from.instrument;
  from.alive = false;
}

bool Weakly(const Context& c, const Candidate& e) { return TriggerOf(c, e).flags & lexicon::kTriggerWeak; }

bool HasFightingActor(const Context& c, const Candidate& e) {
  auto fighting = [&](int32_t m) {
    if (m < 0) return false;
    const Mention& mm = c.s.mentions[m];
    ActorKind k = mm.kind;
    return (k == ActorKind::kStateForces || k == ActorKind::kRebelGroup || k == ActorKind::kMilitia ||
            (mm.agent_flags & lexicon::kAgentArmed)) && !MentionIsCivilian(c, mm);
  };
  return fighting(e.actor1) || fighting(e.actor2);
}

bool HasArmedActor(const Context& c, const Candidate& e) {
  return (e.actor1 >= 0 && MentionIsArmed(c, c.s.mentions[e.actor1])) ||
         (e.actor2 >= 0 && MentionIsArmed(c, c.s.mentions[e.actor2]) &&
          !MentionIsCivilian(c, c.s.mentions[e.actor2]));
}

}  // namespace

namespace {

// "captures the village of Sadad, sparking heavy fighting with Syrian Army forces", "capture two bases as
// fighting continues near Sloviansk": fighting that follows a capture, set off by it or going on beside it, with
// its own opponent or its own place, is a battle of its own, not the capture's.
bool FightingAlongside(const Context& c, uint32_t si, const Candidate& taking, const Candidate& clash) {
  if (clash.trigger_first <= taking.trigger_last) return false;
  bool linked = false;
  for (uint32_t t = clash.trigger_first; t > taking.trigger_last && clash.trigger_first - t < 4; --t) {
    std::string_view k = KeyAt(c, t - 1);
    if (k == "sparking" || k == "triggering" || k == "prompting" || k == "provoking" || k == "as" ||
        k == "while" || k == "amid") {
      linked = true;
      break;
    }
  }
  if (!linked) return false;
  const Mention* own_opponent = clash.actor2 >= 0 ? &c.s.mentions[clash.actor2] : nullptr;
  if (own_opponent && (taking.actor2 < 0 || c.s.mentions[taking.actor2].actor != own_opponent->actor)) return true;
  const SentenceLayers& L = Lay(c, si);
  for (uint32_t p = L.places_begin; p < L.places_end; ++p) {
    const auto& place = c.s.places[p];
    if (place.cued && place.first > clash.trigger_last && place.first <= clash.trigger_last + 8) return true;
  }
  return false;
}

}  // namespace

void MergeCandidates(Context& c, uint32_t si) {
  auto& s = c.s;
  const SentenceLayers& L = s.layers[si];
  auto& ev = s.events;
  const uint32_t b = L.events_begin, e_end = L.events_end;
  bool any_instrument = false;
  for (uint32_t k = L.items_begin; k < L.items_end; ++k) {
    if (s.items[k].layer == Layer::kInstrument && c.lex.instruments()[s.items[k].index].sub != AcledSub::kNone) {
      any_instrument = true;
    }
  }

  // 0. "Obama ends the American arms embargo with Vietnam", "the EU lifted sanctions": ending a sanction is a
  //    concession by whoever ends it.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& e = ev[k];
    if (!e.alive || e.plover != Plover::kSanction || e.voice != Voice::kNominal) continue;
    static constexpr std::array<std::string_view, 24> kEnding = {
        "lift",  "lifts",  "lifted",  "lifting",  "end",     "ends",     "ended",   "ending",
        "ease",  "eases",  "eased",   "easing",   "remove",  "removes",  "removed", "removing",
        "scrap", "scraps", "scrapped", "scrapping", "suspend", "suspends", "suspended", "suspending"};
    const uint32_t first = c.doc.sentences[si].first_token;
    for (uint32_t back = 1; back <= 4 && e.trigger_first >= first + back; ++back) {
      const uint32_t t = e.trigger_first - back;
      std::string_view k2 = KeyAt(c, t);
      if (In(kEnding, k2)) {
        e.plover = Plover::kConcede;
        e.cameo = 8;
        int32_t subject = LeftSubject(c, si, t, 12);
        if (subject >= 0) e.actor1 = subject;
        if (e.actor2 < 0) e.actor2 = RightObject(c, si, e.trigger_last, 4, true, true, false);
        if (e.actor2 == e.actor1) e.actor2 = -1;
        break;
      }
      if (c.doc.tokens[t].kind != text::kWord || IsClauseBoundary(k2)) break;
    }
  }

  // 1. Drop what the sentence does not support: weak words with nothing armed around them, harm from
  //    disasters, accidents and court cases.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& e = ev[k];
    Family f = FamilyOf(e);
    const Trigger& tr = TriggerOf(c, e);
    if (f == Family::kOther) {
      // Talks, statements, agreements, deployments: they need a doer in the text, and a main verb or a
      // nominal owned by its doer ("Russia's deployment"). A bare "ceasefire", "summit" or "blaming" in passing
      // is context, not an event.
      bool doer = e.actor1 >= 0 && !s.mentions[e.actor1].source_only;
      bool passive_with_subject = e.voice == Voice::kPassive && e.actor2 >= 0;
      if (e.voice == Voice::kParticiple && tr.cls == TriggerClass::kNonAcled) e.alive = false;
      // "A five-day truce begins in Yemen", "a ceasefire deal is reached": an agreement that comes into being
      // needs no doer in the sentence.
      bool agreement_starts = false;
      const bool gathering = e.plover == Plover::kConsult || e.sub == AcledSub::kAgreement;
      if (gathering && e.voice == Voice::kNominal && e.trigger_last < c.doc.sentences[si].last_token) {
        // "The first US–Africa Leaders Summit begins today", "peace talks opened in Geneva", past a phrase
        // naming who meets: "talks between the two governments opened".
        auto starts = [](std::string_view n1, std::string_view n2) {
          return n1 == "begins" || n1 == "began" || n1 == "takes" || n1 == "took" || n1 == "comes" || n1 == "came" ||
                 n1 == "goes" || n1 == "went" || n1 == "holds" || n1 == "held" || n1 == "opens" || n1 == "opened" ||
                 n1 == "convenes" || n1 == "convened" || n1 == "resume" || n1 == "resumes" || n1 == "resumed" ||
                 n1 == "start" || n1 == "starts" || n1 == "started" || n1 == "begin" ||
                 ((n1 == "is" || n1 == "was" || n1 == "has") &&
                  (n2 == "reached" || n2 == "signed" || n2 == "agreed" || n2 == "announced" || n2 == "been"));
        };
        const uint32_t end_token = c.doc.sentences[si].last_token;
        const std::string_view first_after = KeyAt(c, e.trigger_last);
        const bool who_meets = first_after == "between" || first_after == "among" || first_after == "with" ||
                               first_after == "of";
        for (uint32_t t = e.trigger_last; t < end_token && t < e.trigger_last + (who_meets ? 7 : 1); ++t) {
          std::string_view k1 = KeyAt(c, t);
          if (k1 == "," || k1 == ";" || IsClauseBoundary(k1)) break;
          if (starts(k1, t + 1 < end_token ? KeyAt(c, t + 1) : std::string_view())) {
            agreement_starts = true;
            break;
          }
        }
      }
      if (agreement_starts) continue;
      if (!doer && !passive_with_subject && e.voice != Voice::kPassive) e.alive = false;
      if (!doer && (tr.cls == TriggerClass::kNonAcled || e.voice == Voice::kNominal) && !passive_with_subject) {
        e.alive = false;
      }
      if (L.nonconflict && e.sub == AcledSub::kChangeToGroup && !HasFightingActor(c, e)) e.alive = false;
      // "arrested for his membership in a human trafficking syndicate": an arrest for an ordinary crime is not
      // political violence, unless those arrested are an armed group.
      if (L.crime && e.sub == AcledSub::kArrests && !(e.actor2 >= 0 && MentionIsArmed(c, s.mentions[e.actor2]))) {
        e.alive = false;
      }
      // "whose husband is accused of sexual misconduct": an accusation the text gives no accuser for is the
      // background of a charge, not an act of accusing.
      if (e.plover == Plover::kAccuse && e.voice == Voice::kPassive && e.actor1 < 0) e.alive = false;
      // Weak verbs ("release", "free") act only on someone: "releases 110 schoolgirls", not "released a report".
      // Agreeing needs no object ("officials agreed on Wednesday that ...", "has agreed to resign").
      if (Weakly(c, e) && e.voice == Voice::kActive && e.actor2 < 0 && tr.plover != Plover::kAgree) e.alive = false;
      // "release a video showing a hostage": what is released is the video, not the person it shows.
      if (e.alive && tr.mode == "release" && e.actor2 >= 0 && s.mentions[e.actor2].first > e.trigger_last) {
        for (uint32_t t = e.trigger_last; t < s.mentions[e.actor2].first; ++t) {
          std::string_view k = KeyAt(c, t);
          if (k == "video" || k == "videos" || k == "statement" || k == "footage" || k == "report" || k == "audio" ||
              k == "recording" || k == "photos" || k == "images" || k == "pictures" || k == "list" ||
              k == "names" || k == "details" || k == "figures" || k == "data" || k == "book" || k == "album") {
            e.alive = false;
          }
        }
      }
      // "a coordinated attack", "a sustained assault": a participle modifying an event noun is no event.
      if (e.alive && tr.cls == TriggerClass::kNonAcled && EndsWith(KeyAt(c, e.trigger_first), "ed") &&
          e.trigger_last == e.trigger_first + 1) {
        for (uint32_t q = L.items_begin; q < L.items_end; ++q) {
          const Item& next = s.items[q];
          if (next.layer == Layer::kTrigger && next.first == e.trigger_last &&
              c.lex.triggers()[next.index].cls != TriggerClass::kNonAcled) {
            e.alive = false;
          }
        }
      }
      continue;
    }
    // "English and Russian football fans riot before the match": a crowd that riots outside any demonstration
    // is mob violence, whatever brought it together.
    if (f == Family::kProtest && L.nonconflict && tr.sub == AcledSub::kViolentDemonstration &&
        e.voice == Voice::kActive && e.actor1 >= 0 && MentionIsCivilian(c, s.mentions[e.actor1])) {
      e.sub = AcledSub::kMobViolence;
      const lexicon::TypeDefaults& d = c.lex.Defaults(e.sub);
      e.plover = d.plover;
      e.cameo = d.cameo;
      e.mode = &d.mode;
      continue;
    }
    if (f == Family::kProtest && L.nonconflict && !HasFightingActor(c, e) &&
        !(e.actor1 >= 0 && s.mentions[e.actor1].kind == ActorKind::kProtesters)) {
      e.alive = false;  // "an earthquake strikes", "a fire occurs"
    }
    if (tr.cls == TriggerClass::kTerritory && e.actor1 >= 0 &&
        (e.sub == AcledSub::kGovernmentRegainsTerritory || e.sub == AcledSub::kNonStateOvertakesTerritory)) {
      // Only forces take ground: "a law enters force", "Vanuatu entered a crisis" take nothing.
      const Mention& taker = s.mentions[e.actor1];
      bool force = taker.kind == ActorKind::kStateForces || taker.kind == ActorKind::kRebelGroup ||
                   taker.kind == ActorKind::kMilitia || (taker.agent_flags & lexicon::kAgentArmed) ||
                   (taker.mkind == MentionKind::kCountry && !(tr.flags & lexicon::kTriggerWeak)) ||
                   (taker.kind == ActorKind::kInternational && !(tr.flags & lexicon::kTriggerWeak));
      if (!force) e.alive = false;
      // Weak taking verbs ("took", "taken") take ground only when a place follows: "have taken the city of
      // Goma", not "took part" or "taken to hospital".
      if ((tr.flags & lexicon::kTriggerWeak) && !SettlementAfter(c, si, e.trigger_last)) e.alive = false;
    }
    // "three archaeological pieces that were seized by French customs": what was taken in a passive must be a
    // place or ground ("Palmyra was captured", "the town was retaken"), not things.
    if (tr.cls == TriggerClass::kTerritory && e.voice == Voice::kPassive &&
        (e.sub == AcledSub::kGovernmentRegainsTerritory || e.sub == AcledSub::kNonStateOvertakesTerritory)) {
      static constexpr std::array<std::string_view, 20> kGround = {
          "town", "towns", "city", "cities", "village", "villages", "base", "bases", "district", "area", "areas",
          "province", "region", "airport", "dam", "positions", "territory", "border", "crossing", "capital"};
      const uint32_t first = c.doc.sentences[si].first_token;
      bool ground = false;
      for (uint32_t t = e.trigger_first; t > first && e.trigger_first - t < 8 && !ground; --t) {
        ground = In(kGround, KeyAt(c, t - 1));
      }
      for (uint32_t p = L.places_begin; p < L.places_end && !ground; ++p) {
        const auto& place = s.places[p];
        ground = place.last <= e.trigger_first && e.trigger_first - place.last <= 8;
      }
      // "Militants were driven from the city": the ground lost follows.
      bool expelled = e.trigger_last < c.doc.sentences[si].last_token &&
                      (KeyAt(c, e.trigger_last) == "from" || KeyAt(c, e.trigger_last) == "out");
      for (uint32_t t = e.trigger_first; t < e.trigger_last; ++t) {
        expelled |= KeyAt(c, t) == "from" || KeyAt(c, t) == "out";
      }
      if (!ground && expelled) ground = SettlementAfter(c, si, e.trigger_last);
      if (!ground) {
        // "Abu Usama al-Muhajir, the leader of ISIL's Yemeni branch, has been captured by special forces": a
        // person taken is an arrest by a state, an abduction by anyone else.
        const Mention* taken = e.actor2 >= 0 ? &s.mentions[e.actor2] : nullptr;
        if (taken && (taken->mkind == MentionKind::kPerson || taken->mkind == MentionKind::kAgent ||
                      taken->mkind == MentionKind::kNamed)) {
          const bool state = e.actor1 >= 0 && lexicon::IsStateSide(s.mentions[e.actor1].kind);
          e.sub = state ? AcledSub::kArrests : AcledSub::kAbduction;
          const lexicon::TypeDefaults& d = c.lex.Defaults(e.sub);
          e.plover = d.plover;
          e.cameo = d.cameo;
          e.mode = &d.mode;
        } else {
          e.alive = false;
        }
      }
    }
    if (f == Family::kViolence) {
      if (L.legal && e.voice == Voice::kNominal) e.alive = false;
      // "agreed a halt of fighting", "an end to the violence", "a lull in the shelling": fighting that stops is
      // what an agreement or a report is about, not a battle.
      if (e.voice == Voice::kNominal) {
        const uint32_t first = c.doc.sentences[si].first_token;
        for (uint32_t back = 1; back <= 3 && e.trigger_first >= first + back; ++back) {
          std::string_view k2 = KeyAt(c, e.trigger_first - back);
          if (k2 == "halt" || k2 == "end" || k2 == "cessation" || k2 == "stop" || k2 == "pause" || k2 == "lull" ||
              k2 == "suspension" || k2 == "freeze" || k2 == "ending" || k2 == "halting" || k2 == "stopping") {
            e.alive = false;
            break;
          }
          if (k2 != "of" && k2 != "to" && k2 != "in" && k2 != "the" && k2 != "a" && k2 != "all") break;
        }
      }
      if (L.nonconflict && !HasFightingActor(c, e) && !any_instrument) e.alive = false;
      // "its fight against terrorism", "the war on drugs": a campaign against an abstraction is no battle.
      if (e.trigger_last + 1 < c.doc.sentences[si].last_token) {
        static constexpr std::array<std::string_view, 16> kAbstractFoes = {
            "terrorism", "terror", "extremism", "radicalism", "radicalisation", "radicalization", "corruption",
            "crime", "drugs", "poverty", "impunity", "piracy", "militancy", "trafficking", "insurgency", "disinformation"};
        std::string_view prep = KeyAt(c, e.trigger_last);
        uint32_t t = e.trigger_last + 1;
        while (t + 1 < c.doc.sentences[si].last_token &&
               (KeyAt(c, t) == "violent" || KeyAt(c, t) == "international" || KeyAt(c, t) == "global" ||
                KeyAt(c, t) == "organised" || KeyAt(c, t) == "organized")) {
          ++t;
        }
        if ((prep == "against" || prep == "on") && In(kAbstractFoes, KeyAt(c, t))) e.alive = false;
      }
      if (Weakly(c, e) && !HasArmedActor(c, e) && !any_instrument && e.actor1 < 0) e.alive = false;
      if (tr.flags & lexicon::kTriggerNeedsInstrument) {
        // The weapon is what is used: right after the verb ("used sarin") or its subject ("sarin was used").
        bool weapon_used = false;
        for (uint32_t q = L.items_begin; q < L.items_end; ++q) {
          const Item& w = s.items[q];
          if (w.layer != Layer::kInstrument) continue;
          if ((w.first >= e.trigger_last && w.first <= e.trigger_last + 2) ||
              (w.last <= e.trigger_first && w.last + 2 >= e.trigger_first)) {
            weapon_used = true;
          }
        }
        if (!weapon_used) e.alive = false;
      }
    } else if (Weakly(c, e) && e.actor1 < 0 && e.actor2 < 0) {
      e.alive = false;
    }
  }

  // 1'. "demonstrators demand the release of jailed leaders", "called for a ceasefire": what is demanded has not
  //     happened; the demand is the event.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& e = ev[k];
    if (!e.alive) continue;
    const uint32_t first = c.doc.sentences[si].first_token;
    uint32_t t = e.trigger_first;
    while (t > first && t + 3 > e.trigger_first &&
           (KeyAt(c, t - 1) == "the" || KeyAt(c, t - 1) == "a" || KeyAt(c, t - 1) == "an" ||
            KeyAt(c, t - 1) == "immediate" || KeyAt(c, t - 1) == "full" || KeyAt(c, t - 1) == "unconditional")) {
      --t;
    }
    // A verb-only trigger read as a noun ("demand the release of") counts when a determiner says so.
    if (t == first || (e.voice != Voice::kNominal && t == e.trigger_first)) continue;
    std::string_view verb = KeyAt(c, t - 1);
    const bool through_for = verb == "for" && t - 1 > first;
    if (through_for) verb = KeyAt(c, t - 2);
    // "called the cease-fire" declares it; only "called for" asks for it.
    if (!through_for && (verb == "call" || verb == "calls" || verb == "called" || verb == "calling")) continue;
    static constexpr std::array<std::string_view, 22> kDemanding = {
        "demand", "demands", "demanded", "demanding", "call", "calls", "called", "calling", "urge", "urges", "urged",
        "urging", "seek", "seeks", "sought", "seeking", "press", "pressed", "pressing", "appeal", "appeals", "appealed"};
    if (In(kDemanding, verb)) e.alive = false;
  }

  // 1'b. "the last day of a 72-hour ceasefire", "violations of Yemen's ceasefire", "despite a truce": a truce named
  //      as the standing state of things is no agreement reached by this sentence.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& e = ev[k];
    if (!e.alive || e.voice != Voice::kNominal || e.sub != AcledSub::kAgreement) continue;
    std::string_view head = KeyAt(c, e.trigger_last - 1);
    if (head != "ceasefire" && head != "cease-fire" && head != "truce" && head != "armistice") continue;
    static constexpr std::array<std::string_view, 14> kModifiers = {
        "the", "a", "an", "its", "their", "'s", "fragile", "shaky", "tenuous", "current", "existing",
        "temporary", "humanitarian", "nationwide"};
    const uint32_t first = c.doc.sentences[si].first_token;
    uint32_t t = e.trigger_first;
    while (t > first && e.trigger_first - t < 8) {
      const text::Token& tok = c.doc.tokens[t - 1];
      const bool name_part = tok.Has(text::kCapitalized) && t - 1 > first;
      const bool compound_part = c.doc.tokens[t].Has(text::kHyphenBefore);  // "army" in "army-sponsored"
      if (!(In(kModifiers, KeyAt(c, t - 1)) || tok.kind == text::kNumber || tok.Has(text::kHyphenBefore) ||
            compound_part ||
            KeyAt(c, t - 1) == "-" || name_part)) {
        break;
      }
      --t;
    }
    if (t == first) continue;
    static constexpr std::array<std::string_view, 10> kStanding = {
        "despite", "during", "amid", "under", "violating", "violated", "violate", "violates", "breaking", "breached"};
    static constexpr std::array<std::string_view, 14> kPartOf = {
        "violation", "violations", "breach", "breaches", "day", "days", "hours", "terms", "end", "expiry",
        "collapse", "part", "week", "weeks"};
    std::string_view gov = KeyAt(c, t - 1);
    if (In(kStanding, gov) || (gov == "of" && t - 1 > first && In(kPartOf, KeyAt(c, t - 2)))) e.alive = false;
  }

  // 1'd. "the war won't end until Armenian forces withdraw": an act awaited in a clause of "until" in the present
  //      has not happened ("fought until the army retook the town" has).
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& e = ev[k];
    if (!e.alive || e.voice == Voice::kNominal) continue;
    std::string_view verb = KeyAt(c, e.trigger_first);
    std::string_view lemma = TriggerOf(c, e).lemma;
    lemma = lemma.substr(0, lemma.find(' '));
    if (!lemma.empty() && lemma.back() == '+') lemma.remove_suffix(1);
    const bool present = verb == lemma || (verb.size() == lemma.size() + 1 && verb.starts_with(lemma) &&
                                           verb.back() == 's') ||
                         (verb.size() == lemma.size() + 2 && verb.starts_with(lemma) && verb.ends_with("es"));
    if (!present) continue;
    const uint32_t first = c.doc.sentences[si].first_token;
    for (uint32_t t = e.trigger_first; t > first && e.trigger_first - t < 6; --t) {
      std::string_view k2 = KeyAt(c, t - 1);
      if (k2 == "until" || k2 == "till") {
        e.alive = false;
        break;
      }
      if (k2 == "," || k2 == ";" || IsClauseBoundary(k2)) break;
    }
  }

  // 1'c. "for the first time since the offensive began", "pulled out because of the Turkish offensive": a definite
  //      act named as a time or a cause is the background of this sentence's news, not news of its own.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& e = ev[k];
    if (!e.alive || e.voice != Voice::kNominal || FamilyOf(e) != Family::kViolence) continue;
    const uint32_t first = c.doc.sentences[si].first_token;
    uint32_t t = e.trigger_first;
    if (e.actor1 >= 0 && s.mentions[e.actor1].last == t && s.mentions[e.actor1].first > first) {
      t = s.mentions[e.actor1].first;  // "the Turkish offensive"
    }
    if (t < first + 2 || KeyAt(c, t - 1) != "the") continue;
    std::string_view w1 = KeyAt(c, t - 2);
    const bool since = w1 == "since";
    const bool cause = (w1 == "of" && t >= first + 3 && KeyAt(c, t - 3) == "because") ||
                       (w1 == "to" && t >= first + 3 && KeyAt(c, t - 3) == "due");
    if (since || cause) e.alive = false;
  }

  // 1a. "a grenade explosion at a rally", "a shooting at a protest in Beirut": a gathering named as the setting
  //     of an attack is where it happened, not a demonstration of its own.
  bool any_violence = false;
  for (uint32_t k = b; k < e_end; ++k) any_violence |= ev[k].alive && FamilyOf(ev[k]) == Family::kViolence;
  for (uint32_t k = b; any_violence && k < e_end; ++k) {
    Candidate& e = ev[k];
    if (!e.alive || FamilyOf(e) != Family::kProtest || e.voice != Voice::kNominal) continue;
    const uint32_t first = c.doc.sentences[si].first_token;
    for (uint32_t back = 1; back <= 4 && e.trigger_first >= first + back; ++back) {
      std::string_view k2 = KeyAt(c, e.trigger_first - back);
      if (k2 == "at") {
        e.alive = false;
        break;
      }
      if (k2 == "," || IsPreposition(k2) || IsClauseBoundary(k2)) break;
    }
  }
  // 1a'. "Demonstrations against sexual violence", "protesters angry over the gang-rape": the grievance of a
  //      protest is its topic, not an event this report tells.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& e = ev[k];
    if (!e.alive || FamilyOf(e) != Family::kViolence || e.voice != Voice::kNominal) continue;
    const uint32_t first = c.doc.sentences[si].first_token;
    uint32_t prep = UINT32_MAX;
    bool after = false, at = false;  // "angry at the kidnapping": only anger makes "at" a grievance
    for (uint32_t back = 1; back <= 3 && e.trigger_first >= first + back; ++back) {
      std::string_view k2 = KeyAt(c, e.trigger_first - back);
      if (k2 == "against" || k2 == "over" || k2 == "after" || k2 == "following" || k2 == "at") {
        prep = e.trigger_first - back;
        after = k2 == "after" || k2 == "following";
        at = k2 == "at";
        break;
      }
      // "after Delhi gang rape", "over the Kabul killings": a name may stand before the act.
      const text::Token& tok = c.doc.tokens[e.trigger_first - back];
      if (k2 != "the" && k2 != "a" && k2 != "an" && tok.kind == text::kWord && !tok.Has(text::kCapitalized)) break;
    }
    if (prep == UINT32_MAX) continue;
    bool grievance = false;
    for (uint32_t t = prep; t > first && prep - t < 6; --t) {
      std::string_view k2 = KeyAt(c, t - 1);
      if (k2 == "angry" || k2 == "anger" || k2 == "outrage" || k2 == "outraged" || k2 == "furious") grievance = true;
    }
    // "Demonstrations against sexual violence after Delhi gang rape": a protest a few words before, or, for
    // "after", a grievance just named.
    for (uint32_t q = b; q < e_end && !at; ++q) {
      if (q == k || ev[q].trigger_last > prep) continue;
      const uint32_t reach = after ? 7 : 3;
      if (FamilyOf(ev[q]) == Family::kProtest && prep - ev[q].trigger_last <= reach) grievance = true;
    }
    if (grievance) {
      e.alive = false;
      // "angry at the kidnapping and murder of 43 students": what is coordinated with a grievance is one too.
      for (uint32_t q = k + 1; q < e_end; ++q) {
        Candidate& next = ev[q];
        if (next.alive && next.voice == Voice::kNominal && next.trigger_first >= e.trigger_last &&
            next.trigger_first <= e.trigger_last + 1 && KeyAt(c, e.trigger_last) == "and") {
          next.alive = false;
        }
      }
    }
  }
  // 1b. "a barrage of air strikes", "a wave of bombings": a nominal trigger followed by "of" and another
  //     trigger names one event, typed by the second word.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& first = ev[k];
    if (!first.alive || first.voice != Voice::kNominal) continue;
    for (uint32_t q = b; q < e_end; ++q) {
      Candidate& second = ev[q];
      if (q == k || !second.alive || second.trigger_first <= first.trigger_last) continue;
      if (second.trigger_first > first.trigger_last + 3 || KeyAt(c, first.trigger_last) != "of") continue;
      if (FamilyOf(second) != FamilyOf(first)) continue;
      Absorb(ev, second, first);
      break;
    }
  }
  // 1c. Destruction reported beside an attack is its damage, not a separate looting event.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& d = ev[k];
    if (!d.alive || d.sub != AcledSub::kLooting || !Weakly(c, d)) continue;
    for (uint32_t q = b; q < e_end; ++q) {
      if (q != k && ev[q].alive && FamilyOf(ev[q]) == Family::kViolence) {
        Absorb(ev, ev[q], d);
        break;
      }
    }
  }

  // 2. Protests absorb the violence around them: police killing protesters is Excessive force; protesters
  //    clashing with police is a Violent demonstration; arrests at a protest are an intervention.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& p = ev[k];
    if (!p.alive || FamilyOf(p) != Family::kProtest) continue;
    for (uint32_t q = b; q < e_end; ++q) {
      Candidate& o = ev[q];
      if (q == k || !o.alive) continue;
      const Trigger& ot = TriggerOf(c, o);
      // "police arrest 400 people after food riots and looting broke out yesterday": the riots told in an
      // "after" clause are an earlier event of their own, not the setting of the arrests.
      bool earlier_clause = false;
      for (uint32_t t = std::min(o.trigger_last, p.trigger_last); t < std::max(o.trigger_first, p.trigger_first); ++t) {
        std::string_view k2 = KeyAt(c, t);
        earlier_clause |= (k2 == "after" || k2 == "following") && p.trigger_first > o.trigger_first;
      }
      if (earlier_clause && o.sub == AcledSub::kArrests) continue;
      if (o.sub == AcledSub::kArrests) {
        if (p.sub == AcledSub::kPeacefulProtest) p.sub = AcledSub::kProtestWithIntervention;
        Absorb(ev, p, o);
      } else if (o.sub == AcledSub::kLooting || o.sub == AcledSub::kMobViolence) {
        p.sub = AcledSub::kViolentDemonstration;  // rioting and looting, torching offices
        Absorb(ev, p, o);
      } else if (FamilyOf(o) == Family::kViolence && (ot.cls == TriggerClass::kViolence ||
                                                     o.sub == AcledSub::kArmedClash)) {
        bool state_attacks = o.actor1 >= 0 && lexicon::IsStateSide(s.mentions[o.actor1].kind);
        bool protesters_hit = o.actor2 >= 0 && (s.mentions[o.actor2].kind == ActorKind::kProtesters);
        bool state_hit = o.actor2 >= 0 && lexicon::IsStateSide(s.mentions[o.actor2].kind);
        // "Three army officers and two protesters are killed": soldiers or police among the dead of a passive
        // harm mean the crowd fought.
        if (o.voice == Voice::kPassive) {
          for (uint32_t m = L.mentions_begin; m < L.mentions_end; ++m) {
            const Mention& mm = s.mentions[m];
            if (!mm.source_only && mm.last <= o.trigger_first && mm.kind == ActorKind::kStateForces &&
                o.trigger_first - mm.last <= 8) {
              state_hit = true;
            }
          }
        }
        // Excessive force is lethal: police who "attack" a crowd with rubber bullets and tear gas intervene.
        bool lethal = false;
        for (uint32_t t = o.trigger_first; t < o.trigger_last; ++t) {
          std::string_view k = KeyAt(c, t);
          lethal |= k == "killed" || k == "kill" || k == "kills" || k == "killing" || k == "shot" || k == "shoot" ||
                    k == "shoots" || k == "dead" || k == "live" || k == "died" || k == "wounded" || k == "injured" ||
                    k == "wound" || k == "wounds" || k == "wounding" || k == "injure" || k == "injures" ||
                    k == "injuring";
        }
        if (!lethal && p.sub == AcledSub::kProtestWithIntervention) state_attacks = protesters_hit = false;
        bool riot = TriggerOf(c, p).sub == AcledSub::kViolentDemonstration;
        if ((o.sub == AcledSub::kArmedClash && ot.cls != TriggerClass::kViolence) || riot || state_hit) {
          p.sub = AcledSub::kViolentDemonstration;
        } else if ((state_attacks || protesters_hit) && p.sub != AcledSub::kViolentDemonstration) {
          p.sub = AcledSub::kExcessiveForce;
        } else if (p.sub == AcledSub::kPeacefulProtest) {
          p.sub = AcledSub::kViolentDemonstration;
        }
        Absorb(ev, p, o);
      } else if (FamilyOf(o) == Family::kProtest) {
        // "tear gas, while clashes between protesters and police continue": a crowd that fights makes the
        // demonstration violent, whatever else the police did short of killing.
        if (o.sub == AcledSub::kViolentDemonstration && p.sub != AcledSub::kExcessiveForce) {
          p.sub = AcledSub::kViolentDemonstration;
        }
        Absorb(ev, p, o);
      }
    }
    const lexicon::TypeDefaults& d = c.lex.Defaults(p.sub);
    p.plover = d.plover != Plover::kNone ? d.plover : Plover::kProtest;
    p.cameo = d.cameo;
    // ACLED's convention for demonstrations: actor1 is the crowd, actor2 the force that intervenes.
    int32_t crowd = -1, force = -1;
    for (uint32_t m = L.mentions_begin; m < L.mentions_end; ++m) {
      const Mention& mm = s.mentions[m];
      if (mm.source_only) continue;
      if (crowd < 0 && mm.kind == ActorKind::kProtesters) crowd = static_cast<int32_t>(m);
      if (force < 0 && mm.kind == ActorKind::kStateForces) force = static_cast<int32_t>(m);
    }
    if (crowd >= 0) {
      p.actor1 = crowd;
      if (force >= 0) p.actor2 = force;
      else if (p.actor2 == crowd) p.actor2 = -1;
    } else if (force >= 0 && p.actor1 == force) {
      p.actor1 = -1;
      p.actor2 = force;
    }
  }

  // 2a. "A mob torches the party's headquarters": property a crowd destroys is a riot, as ACLED codes it.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& e = ev[k];
    if (!e.alive || e.sub != AcledSub::kLooting || e.actor1 < 0) continue;
    if (s.mentions[e.actor1].kind != ActorKind::kProtesters) continue;
    e.sub = AcledSub::kViolentDemonstration;
    const lexicon::TypeDefaults& d = c.lex.Defaults(e.sub);
    e.plover = d.plover != Plover::kNone ? d.plover : Plover::kProtest;
    e.cameo = d.cameo;
    e.mode = &d.mode;
    if (e.actor2 >= 0 && MentionIsCivilian(c, s.mentions[e.actor2])) e.actor2 = -1;
  }

  // 2b. "Palestinian youth and Israeli riot police clash": unarmed people fighting police or troops are a crowd
  //     in a riot, not a side in a battle.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& e = ev[k];
    if (!e.alive || e.sub != AcledSub::kArmedClash || e.actor1 < 0 || e.actor2 < 0) continue;
    const Mention& one = s.mentions[e.actor1];
    const Mention& other = s.mentions[e.actor2];
    auto crowd = [&](const Mention& m) {
      return m.kind == ActorKind::kProtesters || (m.kind == ActorKind::kCivilians && !MentionIsArmed(c, m));
    };
    auto police_or_troops = [&](const Mention& m) { return m.kind == ActorKind::kStateForces; };
    if (!((crowd(one) && police_or_troops(other)) || (crowd(other) && police_or_troops(one)))) continue;
    if (crowd(other)) std::swap(e.actor1, e.actor2);
    e.sub = AcledSub::kViolentDemonstration;
    const lexicon::TypeDefaults& d = c.lex.Defaults(e.sub);
    e.plover = d.plover != Plover::kNone ? d.plover : Plover::kProtest;
    e.cameo = d.cameo;
    e.mode = &d.mode;
  }

  // 3. Generic harm words fold into the nearest specific violent event ("a car bombing ... kills nine").
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& g = ev[k];
    if (!g.alive || FamilyOf(g) != Family::kViolence) continue;
    if (TriggerOf(c, g).cls != TriggerClass::kViolence || g.instrument >= 0 || !g.typed_by_default) {
      if (TriggerOf(c, g).cls != TriggerClass::kViolence) continue;
    }
    int32_t best = -1;
    uint32_t best_d = UINT32_MAX;
    for (uint32_t q = b; q < e_end; ++q) {
      const Candidate& o = ev[q];
      if (q == k || !o.alive || FamilyOf(o) != Family::kViolence || o.referenced) continue;
      if (TriggerOf(c, o).cls == TriggerClass::kViolence) continue;
      // "attack a vessel, killing one sailor and abducting seven": a killing or an assault told as its own
      // verb beside an abduction or arrest is an attack of its own, as ACLED codes it.
      if ((o.sub == AcledSub::kAbduction || o.sub == AcledSub::kArrests) && g.voice != Voice::kNominal) continue;
      // "In response to a roadside bombing that killed three tourists, Egyptian police kill 40 militants": a
      // generic act with its own doer and a different victim is another event.
      if (g.actor1 >= 0 && g.actor2 >= 0 && o.actor2 >= 0 && g.actor1 != o.actor1 &&
          s.mentions[g.actor2].kind != s.mentions[o.actor2].kind && MentionIsArmed(c, s.mentions[g.actor1])) {
        continue;
      }
      // "Israeli air strikes … in response to rockets launched by Hamas": a weapon's use by another named side is
      // that side's act.
      if (g.actor1 >= 0 && o.actor1 >= 0 && g.instrument >= 0 && g.voice == Voice::kPassive &&
          !SameDoer(s.mentions[g.actor1], s.mentions[o.actor1])) {
        continue;
      }
      uint32_t d = o.trigger_first > g.trigger_first ? o.trigger_first - g.trigger_first
                                                     : g.trigger_first - o.trigger_first;
      if (d < best_d) {
        best_d = d;
        best = static_cast<int32_t>(q);
      }
    }
    if (best >= 0) {
      Candidate& into = ev[best];
      auto pro_state = [](ActorKind k) { return k == ActorKind::kStateForces || k == ActorKind::kMilitia; };
      const bool same_side =
          g.actor2 >= 0 && into.actor2 >= 0 &&
          ((s.mentions[g.actor2].agent >= 0 && s.mentions[g.actor2].agent == s.mentions[into.actor2].agent) ||
           (s.mentions[g.actor2].actor >= 0 && s.mentions[g.actor2].actor == s.mentions[into.actor2].actor) ||
           s.mentions[g.actor2].kind == s.mentions[into.actor2].kind ||
           (pro_state(s.mentions[g.actor2].kind) && pro_state(s.mentions[into.actor2].kind)));
      if ((TriggerOf(c, into).flags & lexicon::kTriggerReciprocal) && into.actor1 < 0 && into.actor2 >= 0 &&
          g.actor1 < 0 && g.actor2 >= 0 && g.actor2 != into.actor2 && !same_side) {
        // "Four soldiers are killed in clashes with PKK insurgents": the other side did the killing.
        into.actor1 = into.actor2;
        into.actor2 = g.actor2;
        g.alive = false;
        g.copied_from = best;
        continue;
      }
      // Keep actors consistent with the specific event's roles.
      if (into.actor1 < 0) into.actor1 = g.actor1;
      if (into.actor2 < 0 && g.actor2 != into.actor1) into.actor2 = g.actor2;
      g.alive = false;
      g.copied_from = best;
      continue;
    }
    // "shoot dead two militants during a raid": a generic act named as the setting of the one before is that act;
    // the name before it is the earlier verb's object, not the setting's doer.
    bool setting = false;
    if (g.voice == Voice::kNominal) {
      const uint32_t first = c.doc.sentences[si].first_token;
      for (uint32_t back = 1; back <= 3 && g.trigger_first >= first + back; ++back) {
        std::string_view k2 = KeyAt(c, g.trigger_first - back);
        if (k2 == "during" || k2 == "amid") {
          setting = true;
          break;
        }
        if (k2 != "a" && k2 != "an" && k2 != "the" && k2 != "their" && k2 != "its" &&
            c.doc.tokens[g.trigger_first - back].kind != text::kWord) {
          break;
        }
      }
    }
    if (setting && g.actor1 >= 0 && g.actor1 != g.actor2 && s.mentions[g.actor1].last <= g.trigger_first) g.actor1 = -1;
    // Several generic words about one act ("attacked ... killing five") are one event.
    for (uint32_t q = b; q < k; ++q) {
      Candidate& o = ev[q];
      if (!o.alive || FamilyOf(o) != Family::kViolence || TriggerOf(c, o).cls != TriggerClass::kViolence) continue;
      if (g.actor1 >= 0 && o.actor1 >= 0 && s.mentions[g.actor1].actor != s.mentions[o.actor1].actor &&
          !s.mentions[g.actor1].coreferent && s.mentions[g.actor1].first != s.mentions[o.actor1].first) {
        continue;
      }
      if (o.typed_by_default && !g.typed_by_default) o.sub = g.sub;
      if (o.sub == AcledSub::kAttack && g.sub == AcledSub::kArmedClash) o.sub = g.sub;
      Absorb(ev, o, g);
      break;
    }
  }

  // 3a. "Fourteen people are killed and others kidnapped as ADF militants attack a village": the abduction kept
  //     apart from the attack has the attack's doer.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& taking = ev[k];
    if (!taking.alive || taking.actor1 >= 0 || taking.sub != AcledSub::kAbduction) continue;
    for (uint32_t q = b; q < e_end; ++q) {
      const Candidate& attack = ev[q];
      if (q != k && attack.alive && attack.actor1 >= 0 && FamilyOf(attack) == Family::kViolence &&
          MentionIsArmed(c, s.mentions[attack.actor1]) && attack.actor1 != taking.actor2) {
        taking.actor1 = attack.actor1;
        break;
      }
    }
  }

  // 3b. "fighting", "an offensive", "clashes" beside a capture are the capture's battle.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& clash = ev[k];
    if (!clash.alive || clash.sub != AcledSub::kArmedClash || clash.voice != Voice::kNominal) continue;
    for (uint32_t q = b; q < e_end; ++q) {
      Candidate& taking = ev[q];
      if (q == k || !taking.alive) continue;
      if (taking.sub != AcledSub::kGovernmentRegainsTerritory && taking.sub != AcledSub::kNonStateOvertakesTerritory) {
        continue;
      }
      if (clash.actor1 >= 0 && taking.actor1 >= 0 && s.mentions[clash.actor1].actor != s.mentions[taking.actor1].actor &&
          s.mentions[clash.actor1].country != s.mentions[taking.actor1].country) {
        continue;
      }
      if (FightingAlongside(c, si, taking, clash)) {
        if (clash.actor1 < 0 || MentionIsCivilian(c, s.mentions[clash.actor1])) clash.actor1 = taking.actor1;
        if (clash.actor2 < 0) clash.actor2 = taking.actor2;
        break;
      }
      bool had_doer = taking.actor1 >= 0;
      Absorb(ev, taking, clash);
      // "recaptured following an offensive by the Somali military": the battle named the taker.
      if (!had_doer && taking.actor1 >= 0) taking.sub = TerritorySub(c, si, taking);
      break;
    }
  }

  // 3c. "X captured the district after a fierce fight with police": the fight's other side is the doer of the
  //     sentence's main act.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& clash = ev[k];
    if (!clash.alive || clash.sub != AcledSub::kArmedClash || clash.actor1 >= 0 || clash.actor2 < 0) continue;
    for (int32_t q = static_cast<int32_t>(k) - 1; q >= static_cast<int32_t>(b); --q) {
      const Candidate& main = ev[q];
      if (main.alive && main.actor1 >= 0 && main.actor1 != clash.actor2 && FamilyOf(main) == Family::kViolence) {
        clash.actor1 = main.actor1;
        break;
      }
    }
  }

  // 4. The same specific type twice in one sentence is one event ("airstrikes ... the raids").
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& e = ev[k];
    if (!e.alive) continue;
    for (uint32_t q = k + 1; q < e_end; ++q) {
      Candidate& o = ev[q];
      if (!o.alive || o.sub != e.sub || o.plover != e.plover) continue;
      if (o.trigger_first == e.trigger_first && o.actor1 == e.actor2 && o.actor2 == e.actor1) continue;  // mirrored
      // "are alleged to have raped a boy and sexually abused him": the object of the first verb read as the
      // subject of the second, coordinated one; both verbs are the first doer's.
      const bool object_as_subject = o.actor1 >= 0 && o.actor1 == e.actor2 && o.trigger_first > e.trigger_last &&
                                     o.trigger_first >= 2 &&
                                     (KeyAt(c, o.trigger_first - 1) == "and" || KeyAt(c, o.trigger_first - 2) == "and");
      if (object_as_subject) {
        o.actor1 = -1;
        if (o.actor2 >= 0 && e.actor1 >= 0 && o.actor2 == e.actor1) o.actor2 = -1;
      }
      if (e.actor1 >= 0 && o.actor1 >= 0 && s.mentions[e.actor1].actor != s.mentions[o.actor1].actor &&
          s.mentions[e.actor1].country != s.mentions[o.actor1].country) {
        continue;  // different sides doing the same thing are two events
      }
      Absorb(ev, e, o);
    }
  }

  // 4b. "Several ballistic missiles fired from Yemen are intercepted over Riyadh": a launch told in a reduced
  //     relative of the weapon that the clause then says was intercepted is that interception, one event.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& launch = ev[k];
    if (!launch.alive || FamilyOf(launch) != Family::kViolence || launch.sub == AcledSub::kDisruptedWeapons) continue;
    if (launch.instrument < 0 || s.items[launch.instrument].last != launch.trigger_first) continue;
    std::string_view verb = KeyAt(c, launch.trigger_first);
    if (verb != "fired" && verb != "launched" && verb != "lobbed") continue;
    for (uint32_t q = k + 1; q < e_end; ++q) {
      Candidate& stop = ev[q];
      if (!stop.alive || stop.sub != AcledSub::kDisruptedWeapons || stop.voice != Voice::kPassive) continue;
      bool broken = false;
      for (uint32_t t = launch.trigger_last; t < stop.trigger_first; ++t) {
        std::string_view key = KeyAt(c, t);
        broken |= key == "," || key == ";" || key == "and" || IsClauseBoundary(key);
      }
      if (!broken && stop.trigger_first - launch.trigger_last <= 8) launch.alive = false;
      break;
    }
  }

  // 5. "the opposition and the president hold talks and reach a truce": talks that end in the agreement the same
  //    clause reports are that agreement's making, one event.
  for (uint32_t k = b; k < e_end; ++k) {
    Candidate& talks = ev[k];
    if (!talks.alive || talks.plover != Plover::kConsult || talks.sub != AcledSub::kNone) continue;
    for (uint32_t q = k + 1; q < e_end; ++q) {
      Candidate& deal = ev[q];
      if (!deal.alive || (deal.plover != Plover::kAgree && deal.sub != AcledSub::kAgreement)) continue;
      if (deal.trigger_first < talks.trigger_last || deal.trigger_first - talks.trigger_last > 6) break;
      bool joined = false, broken = false;
      for (uint32_t t = talks.trigger_last; t < deal.trigger_first; ++t) {
        std::string_view key = KeyAt(c, t);
        joined |= key == "and";
        broken |= key == "," || key == ";" || IsClauseBoundary(key);
      }
      if (!joined || broken) break;
      if (deal.actor1 >= 0 && talks.actor1 >= 0 && deal.actor1 != talks.actor1) break;
      Absorb(ev, deal, talks);
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Continuations across sentences

// "Al-Shabaab claimed responsibility for the attack.", "Five insurgents were killed in the clash.": a definite
// event noun refers back to an event already reported; it adds doers and counts to it.
void MergeEventAnaphora(Context& c, uint32_t si) {
  if (si == 0) return;
  auto& s = c.s;
  const SentenceLayers& L = s.layers[si];
  const text::Sentence& sent = c.doc.sentences[si];
  for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
    Candidate& e = s.events[k];
    const Family family = FamilyOf(e);
    if (!e.alive || (family != Family::kViolence && family != Family::kProtest)) continue;
    if (e.voice != Voice::kNominal) {
      // "The missiles hit a busy market place", "The strike killed an IS leader": a verb whose only doer is a
      // definite weapon or act refers back too.
      if (family != Family::kViolence || e.actor1 >= 0) continue;
      const Item* weapon = e.instrument >= 0 ? &s.items[e.instrument] : nullptr;
      for (uint32_t q = L.items_begin; q < L.items_end && !weapon; ++q) {
        const Item& it = s.items[q];
        // The act as the verb's subject: "The strike killed", not "forces in the raid killed".
        if (it.layer == Layer::kTrigger && it.last == e.trigger_first && it.first >= sent.first_token + 1 &&
            !c.lex.triggers()[it.index].verb && c.lex.triggers()[it.index].cls == TriggerClass::kViolence &&
            (it.first == sent.first_token + 1 || KeyAt(c, it.first - 2) == ",")) {
          weapon = &it;
        }
      }
      if (!weapon) continue;
      if (weapon->last + 2 < e.trigger_first || weapon->last > e.trigger_first || weapon->first <= sent.first_token) {
        continue;
      }
      std::string_view det = KeyAt(c, weapon->first - 1);
      if (det != "the" && det != "these" && det != "those") continue;
      int32_t target = -1;
      for (int32_t back = static_cast<int32_t>(si) - 1; back >= 0 && target < 0 && si - back <= 2; --back) {
        const SentenceLayers& P = s.layers[back];
        for (uint32_t q = P.events_begin; q < P.events_end; ++q) {
          if (s.events[q].alive && FamilyOf(s.events[q]) == Family::kViolence) target = static_cast<int32_t>(q);
        }
      }
      if (target < 0) continue;
      if (s.events[target].actor2 < 0 && e.actor2 >= 0) s.events[target].actor2 = e.actor2;
      e.alive = false;
      e.copied_from = target;
      continue;
    }
    // Words a report puts between "this" and an act it refers back to ("this violent attack", "the cowardly
    // terrorist attacks").
    static constexpr std::array<std::string_view, 26> kReferringModifiers = {
        "day",       "deadly",   "two",       "suicide",   "latest",   "first",    "recent",   "twin",     "coordinated",
        "violent",   "brutal",   "horrific",  "heinous",   "cowardly", "terrorist", "senseless", "despicable",
        "barbaric",  "vicious",  "horrendous", "tragic",   "appalling", "terrible", "reprehensible", "abhorrent",
        "unprovoked"};
    uint32_t t = e.trigger_first;
    while (t > sent.first_token && c.doc.tokens[t - 1].kind == text::kWord &&
           In(kReferringModifiers, KeyAt(c, t - 1))) {
      --t;
    }
    // "The UN condemns the Houthi assault": an act its doer names, judged by a statement, is the act just told.
    if (e.actor1 >= 0 && s.mentions[e.actor1].last == t && s.mentions[e.actor1].first >= sent.first_token + 2) {
      const uint32_t before_doer = s.mentions[e.actor1].first;
      std::string_view det = KeyAt(c, before_doer - 1);
      bool judged = false;
      for (uint32_t q = L.items_begin; q < L.items_end; ++q) {
        const Item& it = s.items[q];
        judged |= it.layer == Layer::kTrigger && it.last + 1 == before_doer && c.lex.triggers()[it.index].verb &&
                  c.lex.triggers()[it.index].cls == TriggerClass::kNonAcled;
      }
      if (judged && (det == "the" || det == "this" || det == "these")) t = before_doer;
    }
    if (t == sent.first_token) continue;
    std::string_view det = KeyAt(c, t - 1);
    if (det != "the" && det != "this" && det != "that" && det != "both" && det != "these") continue;
    // "It is believed that the ADF is behind the attacks": a named doer of the act just told names its doer,
    // unless that act already has another.
    const bool names_doer = e.actor1 >= 0 && !s.mentions[e.actor1].generic;
    // The latest event of the same family (violence, or a demonstration: "during the protest") before this
    // sentence.
    // "Police opened fire and killed eleven protesters. A police officer was also killed in the fight.": a
    // demonstration met with force or turned violent is the fight a later sentence names.
    auto violent_protest = [](const Candidate& o) {
      return o.sub == AcledSub::kExcessiveForce || o.sub == AcledSub::kViolentDemonstration;
    };
    int32_t target = -1;
    for (int32_t back = static_cast<int32_t>(si) - 1; back >= 0 && target < 0 && si - back <= 3; --back) {
      const SentenceLayers& P = s.layers[back];
      for (uint32_t q = P.events_begin; q < P.events_end; ++q) {
        const Candidate& o = s.events[q];
        if (o.alive && (FamilyOf(o) == family || (family == Family::kViolence && violent_protest(o)))) {
          target = static_cast<int32_t>(q);
        }
      }
    }
    if (target < 0) continue;
    Candidate& into = s.events[target];
    if (names_doer && into.actor1 >= 0 && !s.mentions[into.actor1].generic &&
        s.mentions[into.actor1].actor != s.mentions[e.actor1].actor) {
      continue;
    }
    if ((into.actor1 < 0 || s.mentions[into.actor1].generic) && e.actor1 >= 0) into.actor1 = e.actor1;
    if (into.actor2 < 0 && e.actor2 >= 0) into.actor2 = e.actor2;
    // "An explosion kills four. … the explosion was from Israeli shelling": the later sentence says what it was.
    if (family == Family::kViolence && FamilyOf(into) == Family::kViolence && into.typed_by_default &&
        !e.typed_by_default && e.sub != AcledSub::kNone) {
      into.sub = e.sub;
      into.plover = e.plover;
      into.cameo = e.cameo;
      into.mode = e.mode;
      into.typed_by_default = false;
    }
    e.alive = false;
    e.copied_from = target;  // its counts go to the event it names
  }
}

namespace {

// "Thousands protest near the fence. Troops fire live rounds and tear gas, killing …": the police response in
// the next sentence belongs to the protest of the sentence before, and sets how it is coded.
void MergeProtestResponse(Context& c, uint32_t si) {
  auto& s = c.s;
  const SentenceLayers& L = s.layers[si];
  const SentenceLayers& P = s.layers[si - 1];
  int32_t protest = -1;
  for (uint32_t k = P.events_begin; k < P.events_end; ++k) {
    if (s.events[k].alive && FamilyOf(s.events[k]) == Family::kProtest) protest = static_cast<int32_t>(k);
  }
  if (protest < 0) return;
  // "A third protester was killed in Rajbiraj": a sentence at another named place reports another event.
  for (uint32_t q = L.places_begin; q < L.places_end; ++q) {
    if (!s.places[q].cued) continue;
    std::string_view here = c.doc.Slice(c.doc.tokens[s.places[q].first].begin, c.doc.tokens[s.places[q].last - 1].end);
    bool named_before = false;
    for (uint32_t r = P.places_begin; r < P.places_end; ++r) {
      std::string_view there =
          c.doc.Slice(c.doc.tokens[s.places[r].first].begin, c.doc.tokens[s.places[r].last - 1].end);
      if (here == there) named_before = true;
    }
    if (!named_before) return;
  }
  // A protest of its own ("Thousands marched in Paris"); the police's response alone ("Troops fired tear gas")
  // belongs to the demonstration just reported.
  for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
    if (s.events[k].alive && FamilyOf(s.events[k]) == Family::kProtest &&
        TriggerOf(c, s.events[k]).cls == TriggerClass::kProtest) {
      return;
    }
  }
  AcledSub refined = RefinedSub(c, si, TriggerClass::kProtest);
  bool crowd_here = false;
  for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
    if (s.mentions[k].kind == ActorKind::kProtesters) crowd_here = true;
    std::string_view head = KeyAt(c, s.mentions[k].head);
    if (head == "crowd" || head == "crowds") crowd_here = true;
  }
  if (refined == AcledSub::kNone && !crowd_here) return;
  Candidate& p = s.events[protest];
  auto rank = [](AcledSub sub) {
    return sub == AcledSub::kExcessiveForce ? 3 : sub == AcledSub::kViolentDemonstration ? 2
           : sub == AcledSub::kProtestWithIntervention ? 1 : 0;
  };
  for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
    Candidate& e = s.events[k];
    if (!e.alive) continue;
    if (FamilyOf(e) == Family::kProtest) {
      if (rank(e.sub) > rank(refined)) refined = e.sub;
      if (p.actor2 < 0 && e.actor2 >= 0 && lexicon::IsStateSide(s.mentions[e.actor2].kind)) p.actor2 = e.actor2;
      if (p.actor2 < 0 && e.actor1 >= 0 && lexicon::IsStateSide(s.mentions[e.actor1].kind)) p.actor2 = e.actor1;
      e.alive = false;
      e.copied_from = protest;
      continue;
    }
    if (e.sub == AcledSub::kArrests) refined = rank(refined) >= 1 ? refined : AcledSub::kProtestWithIntervention;
    if (FamilyOf(e) == Family::kViolence) {
      bool state_doer = e.actor1 >= 0 && lexicon::IsStateSide(s.mentions[e.actor1].kind);
      AcledSub by_violence = state_doer ? AcledSub::kExcessiveForce : AcledSub::kViolentDemonstration;
      if (rank(by_violence) > rank(refined)) refined = by_violence;
    } else if (e.sub != AcledSub::kArrests) {
      continue;
    }
    if (p.actor2 < 0 && e.actor1 >= 0 && lexicon::IsStateSide(s.mentions[e.actor1].kind)) p.actor2 = e.actor1;
    e.alive = false;
    e.copied_from = protest;
  }
  // A demonstration already violent stays one when the forces then kill: ACLED's excessive force is lethal force
  // against a crowd that was not rioting.
  if (rank(refined) > rank(p.sub) &&
      !(p.sub == AcledSub::kViolentDemonstration && refined == AcledSub::kExcessiveForce)) {
    p.sub = refined;
  }
  const lexicon::TypeDefaults& d = c.lex.Defaults(p.sub);
  p.plover = d.plover;
  p.cameo = d.cameo;
}

// "Thirteen people are killed in an explosion at a firecracker warehouse", "two trains collide … 44 deaths":
// a death with no doer, no weapon and no armed party in its sentence is not evidence of political violence.
void DropUnsupportedOutcomes(Context& c, uint32_t si) {
  auto& s = c.s;
  const SentenceLayers& L = s.layers[si];
  // The support may come in the next sentences of the paragraph: "An explosion near the border fence kills four
  // Palestinians. Hamas says fighters from Islamic Jihad were killed."
  for (uint32_t next = si; next < s.layers.size() && next <= si + 2; ++next) {
    if (next > si && c.doc.tokens[c.doc.sentences[next].first_token].Has(text::kParaStart)) break;
    const SentenceLayers& N = s.layers[next];
    for (uint32_t k = N.mentions_begin; k < N.mentions_end; ++k) {
      const Mention& m = s.mentions[k];
      if (!m.source_only && (MentionIsArmed(c, m) && m.mkind != MentionKind::kCountry)) return;
    }
    if (next == si) continue;
    for (uint32_t k = N.items_begin; k < N.items_end; ++k) {
      const Item& it = s.items[k];
      if (it.layer == Layer::kInstrument && c.lex.instruments()[it.index].sub != AcledSub::kNone) return;
    }
  }
  for (uint32_t k = L.items_begin; k < L.items_end; ++k) {
    const Item& it = s.items[k];
    if (it.layer == Layer::kInstrument && c.lex.instruments()[it.index].sub != AcledSub::kNone) return;
    // A word for an act of violence ("a revenge attack", "an ambush") supports the deaths around it.
    if (it.layer == Layer::kTrigger) {
      const Trigger& tr = c.lex.triggers()[it.index];
      bool act = tr.cls == TriggerClass::kViolence || (tr.cls == TriggerClass::kFixed && tr.plover == Plover::kNone &&
                                                       tr.sub != AcledSub::kNone);
      if (act && !(tr.flags & (lexicon::kTriggerPassiveVictim | lexicon::kTriggerWeak))) return;
      // "Ten people were attacked and killed": an attack is never an accident, whoever did it.
      if (tr.cls == TriggerClass::kViolence && (tr.lemma == "attack" || tr.lemma == "assault" || tr.lemma == "raid" ||
                                                tr.lemma == "storm" || tr.lemma == "murder")) {
        return;
      }
    }
  }
  int violent = 0;
  for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
    const Candidate& e = s.events[k];
    if (!e.alive || FamilyOf(e) != Family::kViolence) continue;
    if (!(TriggerOf(c, e).flags & lexicon::kTriggerPassiveVictim) || e.actor1 >= 0) return;
    // Kidnapping and rape are never accidents: "Five embassy staff are kidnapped in Tripoli" needs no doer.
    if (e.sub == AcledSub::kAbduction || e.sub == AcledSub::kSexualViolence) return;
    ++violent;
  }
  if (violent == 0) return;
  // "A third protester was killed in Rajbiraj" after a demonstration met with fire: the demonstration is the
  // support, and the death is another instance of the force used against it.
  AcledSub protest_sub = AcledSub::kNone;
  for (uint32_t back = 0; back <= 2 && back <= si; ++back) {
    const SentenceLayers& P = s.layers[si - back];
    for (uint32_t k = P.events_begin; k < P.events_end; ++k) {
      if (s.events[k].alive && FamilyOf(s.events[k]) == Family::kProtest) protest_sub = s.events[k].sub;
    }
  }
  for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
    Candidate& e = s.events[k];
    if (!e.alive || FamilyOf(e) != Family::kViolence) continue;
    if (protest_sub != AcledSub::kNone && e.actor2 >= 0 && s.mentions[e.actor2].kind == ActorKind::kProtesters) {
      e.sub = protest_sub == AcledSub::kViolentDemonstration ? protest_sub : AcledSub::kExcessiveForce;
      const lexicon::TypeDefaults& d = c.lex.Defaults(e.sub);
      e.plover = d.plover;
      e.cameo = d.cameo;
      continue;
    }
    e.alive = false;
  }
}

}  // namespace

void MergeContinuations(Context& c, uint32_t si) {
  auto& s = c.s;
  struct DropAtEnd {
    Context& c;
    uint32_t si;
    ~DropAtEnd() { DropUnsupportedOutcomes(c, si); }
  } drop_at_end{c, si};
  if (si == 0) return;
  MergeProtestResponse(c, si);
  const SentenceLayers& L = s.layers[si];
  // "Turkish F-16s shoot down a Syrian aircraft. … the aircraft was in Syrian airspace when it was shot down": the
  // same act told again in the passive, with no doer of its own, is the previous sentence's event.
  {
    const SentenceLayers& P = s.layers[si - 1];
    for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
      Candidate& e = s.events[k];
      if (!e.alive || e.voice != Voice::kPassive || e.actor1 >= 0 || e.instrument >= 0) continue;
      for (uint32_t q = P.events_begin; q < P.events_end; ++q) {
        const Candidate& told = s.events[q];
        if (told.alive && told.actor1 >= 0 && told.sub == e.sub && TriggerOf(c, told).lemma == TriggerOf(c, e).lemma) {
          e.alive = false;
          break;
        }
      }
    }
  }
  // Only a sentence whose events are all bare harm words with no doer, instrument or place of their own.
  int32_t alive = 0;
  for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
    const Candidate& e = s.events[k];
    if (!e.alive) continue;
    ++alive;
    if (TriggerOf(c, e).cls != TriggerClass::kViolence || e.actor1 >= 0 || e.instrument >= 0) return;
    if (e.voice != Voice::kPassive) return;
  }
  if (alive == 0) return;
  if (L.places_end > L.places_begin) return;
  // The previous sentence's last violent or protest event, within the same paragraph.
  const text::Sentence& sent = c.doc.sentences[si];
  if (c.doc.tokens[sent.first_token].Has(text::kParaStart)) return;
  const SentenceLayers& P = s.layers[si - 1];
  int32_t target = -1;
  for (uint32_t k = P.events_begin; k < P.events_end; ++k) {
    const Candidate& e = s.events[k];
    if (e.alive && (FamilyOf(e) == Family::kViolence || FamilyOf(e) == Family::kProtest)) target = static_cast<int32_t>(k);
  }
  if (target < 0) return;
  Candidate& into = s.events[target];
  for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
    Candidate& e = s.events[k];
    if (!e.alive) continue;
    if (FamilyOf(into) == Family::kProtest && e.actor2 >= 0 &&
        s.mentions[e.actor2].kind == ActorKind::kProtesters && into.sub != AcledSub::kViolentDemonstration) {
      into.sub = AcledSub::kExcessiveForce;
    }
    e.alive = false;  // counts of this sentence are found afterwards and go to the previous event
  }
  // Mark so that counting sends this sentence's numbers to the merged event.
  s.layers[si].events_end = s.layers[si].events_begin;  // no own events left
}

}  // namespace sitrep::extract
