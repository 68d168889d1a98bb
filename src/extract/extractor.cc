// The extraction pipeline, in order. Each stage adds a layer to the scratch; nothing re-tokenises.
//
//   text     RepairUtf8 → Tokenize → SplitSentences → publication date
//   lexicon  AssignWordIds → CollectItems → BuildMentions            (per sentence)
//   focus    the article's main country
//   per sentence:
//     geo      FindPlaceMentions
//     time     FindTimeExpressions
//     extract  ResolveCoreference → BuildCandidates → TypeCandidates → MergeCandidates → MergeEventAnaphora
//              → AttributeSources → ApplyModality → MergeContinuations → FindCounts
//   output   places, dates, confidence, strings
#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <cstdlib>
#include <cstring>

#include "extract/attribution.h"
#include "extract/coder.h"
#include "extract/counts.h"
#include "geo/gazetteer.h"
#include "geo/geoparser.h"
#include "sitrep/extract.h"
#include "text/sentences.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace sitrep {

using extract::Candidate;
using extract::Context;
using extract::Mention;
using extract::MentionKind;
using lexicon::ActorKind;
using lexicon::AcledSub;

void ExtractorScratch::Clear() {
  doc.Clear();
  matches.clear();
  extra_places.clear();
  items.clear();
  mentions.clear();
  places.clear();
  times.clear();
  events.clear();
  counts.clear();
  layers.clear();
  place_resolve.pool.swap(resolved);  // kept for their strings' capacity (see Extractor::ResolvePlaces)
  resolved.clear();
  token_marks.clear();
  token_country.clear();
  repaired.clear();
  published_day = INT32_MIN;
  focus_country = -1;
}

void ScratchDeleter::operator()(ExtractorScratch* s) const { delete s; }

namespace extract {

const char* CountWhatName(CountWhat w) {
  switch (w) {
    case CountWhat::kKilled: return "killed";
    case CountWhat::kWounded: return "wounded";
    case CountWhat::kCaptured: return "captured";
    case CountWhat::kDisplaced: return "displaced";
    case CountWhat::kStrikes: return "strikes";
    case CountWhat::kTroops: return "troops";
    case CountWhat::kDestroyed: return "destroyed";
    case CountWhat::kArrested: return "arrested";
    case CountWhat::kOther: return "other";
    case CountWhat::kNone: return "other";
  }
  return "other";
}

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kClaimed: return "claimed";
    case Modality::kDenied: return "denied";
    case Modality::kPlanned: return "planned";
    case Modality::kThreatened: return "threatened";
    case Modality::kHypothetical: return "hypothetical";
  }
  return "asserted";
}

}  // namespace extract

Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractOptions& options) {
  auto lex = lexicon::CompiledLexicon::Load(options.data_dir + "/lexicon");
  if (!lex.ok()) return lex.status();
  std::unique_ptr<Extractor> ex(new Extractor());
  ex->options_ = options;
  ex->lexicon_ = std::move(lex).value();
  // The gazetteer is optional: without it places keep their text and null coordinates.
  if (auto g = geo::Gazetteer::Open(geo::Gazetteer::DefaultPath(options.data_dir)); g.ok()) {
    ex->gazetteer_ = std::move(g).value();
  }
  const char* debug = std::getenv("SITREP_DEBUG");
  ex->debug_ = debug && *debug && *debug != '0';
  return ex;
}

ScratchPtr Extractor::NewScratch() const { return ScratchPtr(new ExtractorScratch()); }

namespace {

using extract::Modality;

std::string CountryName(const lexicon::CompiledLexicon& lex, int32_t country) {
  return country >= 0 ? lex.countries()[country].name_in_text : std::string();
}

std::string CountryCode(const lexicon::CompiledLexicon& lex, int32_t country) {
  return country >= 0 ? lex.countries()[country].iso2 : std::string();
}

// The canonical name of a mention, built from its actor or its agent's templates.
// `place_country` is the country of the event's place (-1 when none): civilians no modifier places are the
// civilians of where the event happened ("air strikes from Russian jets killed scores of people in Idlib").
void NameMention(const lexicon::CompiledLexicon& lex, const ExtractorScratch& s, const Mention& m, bool violent_doer,
                 int32_t place_country, ActorRef* out) {
  const text::Document& doc = s.doc;
  out->text = std::string(doc.Slice(doc.tokens[m.first].begin, doc.tokens[m.last - 1].end));
  out->begin = doc.tokens[m.first].begin;
  out->end = doc.tokens[m.last - 1].end;
  out->coreferent = m.coreferent;
  ActorKind kind = m.kind;
  int32_t country = m.country;
  if (m.actor >= 0) {
    const auto& a = lex.actors()[m.actor];
    out->name = a.name;
    out->country = a.country;
    kind = a.kind;
  } else if (m.mkind == MentionKind::kCountry || m.mkind == MentionKind::kMetonym ||
             (m.mkind == MentionKind::kPronoun && m.country >= 0 && m.agent < 0)) {
    if (violent_doer || m.holder) {
      out->name = "Military Forces of " + CountryName(lex, country);
      kind = ActorKind::kStateForces;
    } else {
      out->name = "Government of " + CountryName(lex, country);
      kind = ActorKind::kGovernment;
    }
    out->country = CountryCode(lex, country);
  } else if (m.mkind == MentionKind::kDemonymNoun) {
    out->name = "Civilians";
    out->country = CountryCode(lex, country);
    kind = ActorKind::kCivilians;
  } else if (m.agent >= 0) {
    const auto& agent = lex.agents()[m.agent];
    if (country < 0 && (m.agent_flags & lexicon::kAgentHome) && !m.pro) {
      country = kind == ActorKind::kCivilians && place_country >= 0 ? place_country : s.focus_country;
    }
    if (m.pro) {
      out->name = out->text;
      if (!out->name.empty() && out->name[0] >= 'a' && out->name[0] <= 'z') out->name[0] -= 32;
    } else if (violent_doer && kind == ActorKind::kGovernment && country >= 0 && agent.kind == ActorKind::kGovernment &&
               !(agent.flags & lexicon::kAgentWeak)) {
      // "a government air strike": a government that strikes does so with its forces, as ACLED codes it.
      out->name = "Military Forces of " + CountryName(lex, country);
      kind = ActorKind::kStateForces;
    } else {
      for (const auto& tmpl : agent.templates) {
        size_t brace = tmpl.find('{');
        if (brace == std::string::npos) {
          out->name = tmpl;
          break;
        }
        if (tmpl.compare(brace, 9, "{country}") == 0 && country >= 0) {
          std::string country_name = CountryName(lex, country);
          // "Military Forces of the United States" but "Civilians (United States)", as ACLED writes them.
          if (brace > 0 && tmpl[brace - 1] == '(' && country_name.starts_with("the ")) country_name.erase(0, 4);
          out->name = tmpl.substr(0, brace);
          out->name += country_name;
          out->name += tmpl.substr(brace + 9);
          break;
        }
      }
      if (out->name.empty()) out->name = out->text;
    }
    out->country = CountryCode(lex, country);
  } else {
    out->name = out->text;
  }
  out->kind = std::string(lexicon::ActorKindName(kind));
}

// "Kurdish forces" are the Peshmerga in Iraq and the YPG in Syria: a phrase several actors share takes the actor
// of a country its sentence names, else of the article's focus, else the first listed.
void ChooseAmbiguousActors(const lexicon::CompiledLexicon& lex, ExtractorScratch& s) {
  const text::Document& doc = s.doc;
  for (uint32_t si = 0; si < s.layers.size(); ++si) {
    const extract::SentenceLayers& L = s.layers[si];
    for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
      Mention& m = s.mentions[k];
      if (m.ambiguous_last == 0) continue;
      s.matches.clear();
      lex.MatchAt(doc, m.ambiguous_first, doc.sentences[si].last_token, s.published_day, &s.matches);
      int32_t chosen = -1, chosen_rank = 3;
      for (const auto& match : s.matches) {
        if (match.first != m.ambiguous_first || match.last != m.ambiguous_last) continue;
        for (uint32_t q = match.senses_begin; q < match.senses_end; ++q) {
          const lexicon::Sense& sense = lex.senses()[q];
          if (sense.kind != lexicon::SenseKind::kActor ||
              !lex.SenseApplies(doc, sense, match.first, match.last, s.published_day)) {
            continue;
          }
          const lexicon::Country* home = lex.CountryByCode(lex.actors()[sense.index].country);
          const int32_t country = home ? static_cast<int32_t>(home - lex.countries().data()) : -1;
          int rank = 2;
          for (uint32_t o = L.mentions_begin; o < L.mentions_end && country >= 0; ++o) {
            if (o != k && (s.mentions[o].country == country || s.mentions[o].country2 == country)) rank = 0;
          }
          for (uint32_t it = L.items_begin; it < L.items_end && rank > 0 && country >= 0; ++it) {
            const extract::Item& item = s.items[it];
            if ((item.kind == lexicon::SenseKind::kDemonym || item.kind == lexicon::SenseKind::kCountry) &&
                static_cast<int32_t>(item.index) == country) {
              rank = 0;
            }
          }
          for (uint32_t p = L.places_begin; p < L.places_end && rank > 0 && country >= 0; ++p) {
            if (s.places[p].country == country) rank = 0;
          }
          if (rank > 0 && country >= 0 && country == s.focus_country) rank = 1;
          if (rank < chosen_rank) {
            chosen_rank = rank;
            chosen = static_cast<int32_t>(sense.index);
          }
        }
      }
      if (chosen >= 0) {
        m.actor = chosen;
        m.kind = lex.actors()[chosen].kind;
      }
    }
  }
}

// "captures several towns, including Qasr bin Ghashir, Wadi Rabie and Suq al-Khamis", "protests in Nepal, Sri
// Lanka, Pakistan and Bangladesh": the places listed with the event's place, of the same kind (so "Kabul,
// Afghanistan" is a town and its country, not a list) and closed by "and" / "as well as".
void AddListedPlaces(ExtractorScratch& s, const extract::SentenceLayers& L, uint32_t event, int32_t place) {
  // (Candidate is only read here; the event's place may move to the list's first member.)
  const text::Document& doc = s.doc;
  auto kind_of = [&](int32_t p) {
    if (p < static_cast<int32_t>(s.resolved.size()) && s.resolved[p].resolved) {
      const std::string& precision = s.resolved[p].precision;
      return precision == "region" ? 3 : precision == "country" ? 2 : precision == "admin1" ? 1 : 0;
    }
    const geo::PlaceShape shape = s.places[p].shape;
    return shape == geo::PlaceShape::kRegion    ? 3
           : shape == geo::PlaceShape::kCountry ? 2
           : shape == geo::PlaceShape::kAdmin   ? 1
                                                : 0;
  };
  // Lists join countries with countries and local places with local places; a gazetteer's guess at the rank of
  // an obscure town ("Sirwah" as a region) does not break a list of towns.
  auto list_kind = [&](int32_t p) {
    const bool resolved_country = p < static_cast<int32_t>(s.resolved.size()) && s.resolved[p].resolved &&
                                  s.resolved[p].precision == "country";
    return s.places[p].shape == geo::PlaceShape::kCountry || resolved_country ? 2 : 0;
  };
  // Whether only list words stand between two places; sets `closes` when the gap is the list's last.
  auto list_gap = [&](int32_t a, int32_t b, bool* closes) {
    *closes = false;
    for (uint32_t t = s.places[a].ctx_last > s.places[a].last ? s.places[a].ctx_last : s.places[a].last;
         t < s.places[b].first; ++t) {
      std::string_view k = doc.Key(doc.tokens[t]);
      if (k == "and" || k == "well") {
        *closes = true;
        continue;
      }
      // "the Tripoli District, including A, B and C": what "including" introduces are the members, not the
      // place before it.
      if (k == "," || k == "as" || k == "the" || k == "town" || k == "city" || k == "village" || k == "of") {
        continue;
      }
      return false;
    }
    return true;
  };
  // The list: the event's place with its neighbours, else the longest list after the trigger when the chosen
  // place is no finer than it ("spread across Asia and are now happening in Nepal, Sri Lanka and Pakistan").
  auto list_around = [&](int32_t p, int32_t* list_first, int32_t* list_last) {
    int32_t lo = p, hi = p;
    bool closes = false, closed = false;
    while (lo > static_cast<int32_t>(L.places_begin) && list_kind(lo - 1) == list_kind(p) &&
           list_gap(lo - 1, lo, &closes)) {
      if (closes && closed) break;
      closed |= closes;
      --lo;
    }
    while (!closed && hi + 1 < static_cast<int32_t>(L.places_end) && list_kind(hi + 1) == list_kind(p) &&
           list_gap(hi, hi + 1, &closes)) {
      ++hi;
      closed = closes;
    }
    *list_first = lo;
    *list_last = hi;
    if (!closed || hi == lo) return false;
    // Only places the event happens in: "in Nepal, Sri Lanka and Pakistan", "the towns of A, B and C", not
    // "between Shabwa and Marib", "borders with Turkey and Iran" or "blaming Israel and the United States". A
    // pair needs a plural ("the towns of A and B") or two countries, since "Jammu and Kashmir" is one place.
    bool locative = false, plural = false;
    for (uint32_t t = s.places[lo].first, steps = 0; t > doc.sentences.front().first_token && steps < 6; ++steps) {
      std::string_view k = doc.Key(doc.tokens[--t]);
      if (k == "in" || k == "at" || k == "near" || k == "across" || k == "throughout" || k == "to" || k == "into" ||
          k == "from" || k == "around" || k == "including") {
        locative = true;
        break;
      }
      const bool plural_place = k == "towns" || k == "cities" || k == "villages" || k == "provinces" ||
                                k == "districts" || k == "regions" || k == "countries" || k == "areas" ||
                                k == "states" || k == "governorates";
      plural |= plural_place;
      if (!plural_place && k != "the" && k != "of" && k != "town" && k != "city" && k != "village" &&
          k != "several" && k != "more" && k != "two" && k != "three" && k != "four" && k != "," && k != "and") {
        break;
      }
      if (plural_place) locative = locative || (t > 0 && doc.Key(doc.tokens[t - 1]) == "the");
    }
    const bool pair_ok = hi - lo >= 2 || plural || (list_kind(lo) == 2 && list_kind(hi) == 2);
    return locative && pair_ok;
  };
  int32_t first = place, last = place;
  // "In response to attacks in Iraq and Syria, U.S. forces conducted airstrikes": a list before the act's verb
  // belongs to another clause.
  if (!list_around(place, &first, &last) || s.places[first].first < s.events[event].trigger_first) {
    first = last = place;
    const Candidate& e = s.events[event];
    bool found = false;
    for (int32_t p = static_cast<int32_t>(L.places_begin); p < static_cast<int32_t>(L.places_end) && !found; ++p) {
      if (s.places[p].first < e.trigger_last || kind_of(p) >= kind_of(place)) continue;
      found = list_around(p, &first, &last);
    }
    if (!found) return;
    s.events[event].place = first;
    place = first;
  }
  // The event keeps the list's first place; the others follow in the order written.
  s.events[event].place = first;
  for (int32_t p = first + 1; p <= last; ++p) s.extra_places.emplace_back(event, p);
}

const char* SenseKindName(lexicon::SenseKind k) {
  switch (k) {
    case lexicon::SenseKind::kActor: return "actor";
    case lexicon::SenseKind::kPerson: return "person";
    case lexicon::SenseKind::kCountry: return "country";
    case lexicon::SenseKind::kDemonym: return "demonym";
    case lexicon::SenseKind::kMetonym: return "metonym";
    case lexicon::SenseKind::kAgent: return "agent";
    case lexicon::SenseKind::kTrigger: return "trigger";
    case lexicon::SenseKind::kInstrument: return "instrument";
    case lexicon::SenseKind::kCue: return "cue";
    case lexicon::SenseKind::kRefiner: return "refiner";
  }
  return "?";
}

// SITREP_DEBUG=1: every layer of a sentence on stderr, to see why an event came out as it did.
void DebugSentence(const Context& c, uint32_t si) {
  const auto& s = c.s;
  const auto& doc = c.doc;
  const auto& L = s.layers[si];
  const auto& sent = doc.sentences[si];
  auto span = [&](uint32_t a, uint32_t b) {
    return std::string(doc.Slice(doc.tokens[a].begin, doc.tokens[b - 1].end));
  };
  std::fprintf(stderr, "--- s%u: %s\n", si, std::string(doc.Slice(sent.begin, sent.end)).c_str());
  for (uint32_t k = L.items_begin; k < L.items_end; ++k) {
    const auto& it = s.items[k];
    std::fprintf(stderr, "  item %-10s %s\n", SenseKindName(it.kind), span(it.first, it.last).c_str());
  }
  for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
    const auto& m = s.mentions[k];
    std::fprintf(stderr, "  mention #%u [%s] kind=%s actor=%d agent=%d country=%d%s%s%s\n", k,
                 span(m.first, m.last).c_str(), std::string(lexicon::ActorKindName(m.kind)).c_str(), m.actor, m.agent,
                 m.country, m.generic ? " generic" : "", m.source_only ? " source_only" : "",
                 m.coreferent ? " coref" : "");
  }
  for (uint32_t p = L.places_begin; p < L.places_end; ++p) {
    std::fprintf(stderr, "  place [%s]%s\n", span(s.places[p].first, s.places[p].last).c_str(),
                 s.places[p].cued ? " cued" : "");
  }
  for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
    const auto& e = s.events[k];
    std::fprintf(stderr, "  event [%s] %s voice=%d a1=%d a2=%d %s%s\n", span(e.trigger_first, e.trigger_last).c_str(),
                 std::string(lexicon::AcledSubName(e.sub)).c_str(), static_cast<int>(e.voice), e.actor1, e.actor2,
                 e.alive ? "alive" : "dead", e.typed_by_default ? " default-typed" : "");
  }
}

// "Boko Haram releases the schoolgirls it had kidnapped in February": a date inside a subordinate clause that
// holds an event of its own dates that event, not the main clause's. True when another event's trigger lies
// between this event and a later time expression, with a clause boundary (or a pluperfect "had") before it.
bool TimeBelongsToAnotherClause(const ExtractorScratch& s, const extract::SentenceLayers& L, const Candidate& e,
                                uint32_t time_first) {
  // A date before the event is not checked: "today's attack, which killed four and wounded 15" dates the whole
  // relative clause.
  const auto& doc = s.doc;
  if (time_first < e.trigger_first) {
    // "Houthi rebels, who took control of the capital three years ago, blamed …": a date inside a relative clause
    // set off by commas before the verb dates the clause's act.
    // So does one inside an apposition that holds an act of its own ("the mother of a girl abducted by North
    // Korea 42 years ago, appeals …").
    uint32_t close = time_first;
    while (close < e.trigger_first && doc.Key(doc.tokens[close]) != ",") ++close;
    if (close >= e.trigger_first) return false;
    // Only a phrase between a subject and its verb: "…, but were repelled" continues the same clause.
    for (uint32_t t = close + 1; t < e.trigger_first; ++t) {
      std::string_view key = doc.Key(doc.tokens[t]);
      if (key == "and" || key == "but" || key == "or" || key == "," || extract::IsClauseBoundary(key)) return false;
    }
    for (uint32_t t = time_first; t > 0 && time_first - t < 20; --t) {
      std::string_view key = doc.Key(doc.tokens[t - 1]);
      if (key == "who" || key == "which") return t >= 2 && doc.Key(doc.tokens[t - 2]) == ",";
      if (key == ";" || key == ".") break;
      if (key == ",") {
        for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
          const Candidate& other = s.events[k];
          if (&other != &e && other.trigger_first >= t && other.trigger_last <= close) return true;
        }
        break;
      }
    }
    return false;
  }
  if (time_first < e.trigger_last) return false;
  for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
    const Candidate& other = s.events[k];
    if (!other.alive || &other == &e || other.trigger_first < e.trigger_last || other.trigger_first >= time_first) {
      continue;
    }
    for (uint32_t t = e.trigger_last; t < other.trigger_first; ++t) {
      std::string_view key = doc.Key(doc.tokens[t]);
      if (key == "had" || extract::IsClauseBoundary(key)) return true;
    }
  }
  return false;
}

// "in response to yesterday's airstrikes", "Saturday's attack": a possessive date belongs to the event noun it
// modifies.
bool TimeModifiesAnotherEvent(const ExtractorScratch& s, const extract::SentenceLayers& L, const Candidate& e,
                              uint32_t time_last) {
  const auto& doc = s.doc;
  if (time_last >= doc.tokens.size() || doc.Key(doc.tokens[time_last]) != "'s") return false;
  for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
    const Candidate& other = s.events[k];
    if (&other != &e && other.alive && other.trigger_first > time_last && other.trigger_first <= time_last + 3) {
      return true;
    }
  }
  return false;
}

// Time expressions that date nothing the sentence reports: a possessive date with no event noun after it ("from
// this year's naval exercise"), the comparison of a superlative ("the first visit since 1987", "the worst
// violence since 2011"), a date inside a name ("the March 23 Movement"), a relative clause's own date ("which
// has been under Russian occupation since March").
bool TimeDatesNoReportedEvent(const ExtractorScratch& s, const extract::SentenceLayers& L, uint32_t sentence_first,
                              const timeutil::TimeMention& tm) {
  const auto& doc = s.doc;
  if (tm.last < doc.tokens.size() && doc.Key(doc.tokens[tm.last]) == "'s") {
    bool noun_after = false;
    for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
      const Candidate& other = s.events[k];
      noun_after |= other.trigger_first > tm.last && other.trigger_first <= tm.last + 4;
    }
    if (!noun_after) return true;
  }
  const bool since = doc.Key(doc.tokens[tm.first]) == "since" ||
                     (tm.first > 0 && doc.Key(doc.tokens[tm.first - 1]) == "since");
  if (since) {
    for (uint32_t t = tm.first; t > sentence_first && tm.first - t < 10; --t) {
      std::string_view k = doc.Key(doc.tokens[t - 1]);
      if (k == "first" || k == "worst" || k == "largest" || k == "biggest" || k == "deadliest" || k == "highest" ||
          k == "lowest" || k == "most" || k == "last" || k == "heaviest" || k == "longest") {
        return true;
      }
      if (k == "." || k == ";") break;
    }
  }
  for (uint32_t m = L.mentions_begin; m < L.mentions_end; ++m) {
    if (s.mentions[m].first <= tm.first && tm.last <= s.mentions[m].last) return true;
  }
  // "which has been under Russian occupation since March": the relative clause's state, not the act.
  for (uint32_t t = tm.first; t > sentence_first && tm.first - t < 8; --t) {
    std::string_view k = doc.Key(doc.tokens[t - 1]);
    if (k == "," || k == ";") break;
    if (k == "which" || k == "who" || k == "whose") {
      std::string_view next = t < doc.tokens.size() ? doc.Key(doc.tokens[t]) : std::string_view();
      if (next == "has" || next == "have" || next == "had" || next == "was" || next == "were" || next == "is") {
        return true;
      }
    }
  }
  return false;
}

bool SentenceHasReportCue(const lexicon::CompiledLexicon& lex, const ExtractorScratch& s,
                          const extract::SentenceLayers& L) {
  for (uint32_t k = L.items_begin; k < L.items_end; ++k) {
    const extract::Item& it = s.items[k];
    if (it.layer == extract::Layer::kCue && lex.cues()[it.index].kind == lexicon::CueKind::kReport) return true;
  }
  return false;
}

float Confidence(const Candidate& e, const ExtractorScratch& s, const lexicon::CompiledLexicon& lex) {
  float c = 0.45f;
  const auto& tr = lex.triggers()[e.trigger];
  if (tr.cls == lexicon::TriggerClass::kFixed || tr.cls == lexicon::TriggerClass::kTerritory) c += 0.12f;
  if (e.instrument >= 0) c += 0.08f;
  if (e.actor1 >= 0) c += 0.12f;
  if (e.actor2 >= 0) c += 0.06f;
  if (e.place >= 0) c += 0.06f;
  if (tr.flags & lexicon::kTriggerWeak) c -= 0.15f;
  if (e.typed_by_default) c -= 0.08f;
  if (e.actor1 >= 0 && s.mentions[e.actor1].coreferent) c -= 0.04f;
  if (e.modality != Modality::kAsserted) c -= 0.04f;
  if (e.copied_from >= 0) c -= 0.05f;
  return std::clamp(c, 0.05f, 0.97f);
}

}  // namespace

// Resolves the article's place mentions with the gazetteer, all together so that each is the context of the
// others; a resolved place's country also informs the coder (whose ground was taken).
void Extractor::ResolvePlaces(ExtractorScratch& s) const {
  s.resolved.clear();
  if (!gazetteer_ || s.places.empty()) return;
  const text::Document& doc = s.doc;
  // The queries, the distinct ones and their resolutions live in the (per-thread) scratch: no allocation once it
  // has grown.
  auto& sc = s.place_resolve;
  std::vector<geo::PlaceQuery>& queries = sc.queries;
  queries.assign(s.places.size(), geo::PlaceQuery());
  for (size_t p = 0; p < s.places.size(); ++p) {
    const auto& pm = s.places[p];
    queries[p].text = doc.Slice(doc.tokens[pm.first].begin, doc.tokens[pm.last - 1].end);
    if (pm.ctx_last > pm.ctx_first) {
      queries[p].context = doc.Slice(doc.tokens[pm.ctx_first].begin, doc.tokens[pm.ctx_last - 1].end);
    }
    queries[p].hint = pm.shape == geo::PlaceShape::kCountry ? geo::PlaceHint::kCountry
                      : pm.shape == geo::PlaceShape::kAdmin ? geo::PlaceHint::kAdmin
                                                            : geo::PlaceHint::kAny;
    queries[p].metonym = (s.token_marks[pm.first] & geo::kMarkMetonymActor) != 0;
  }
  // The same name is resolved once per article, and the article's names in groups of at most kResolveGroup, so
  // that an article naming a thousand places costs linear time (each toponym is ranked against its group).
  // Distinct queries (same text, context, hint and metonymy) are found with an open-addressing table of indexes
  // into `unique`, in order of first appearance.
  constexpr size_t kResolveGroup = 256;
  std::vector<geo::PlaceQuery>& unique = sc.unique;
  std::vector<uint32_t>& unique_of = sc.unique_of;
  unique.clear();
  unique_of.resize(queries.size());
  {
    size_t slots = 16;
    while (slots < queries.size() * 2) slots *= 2;
    sc.slots.assign(slots, UINT32_MAX);
    auto hash = [](const geo::PlaceQuery& q) {
      size_t h = std::hash<std::string_view>()(q.text);
      h = h * 31 + std::hash<std::string_view>()(q.context);
      return h * 31 + static_cast<size_t>(q.hint) * 2 + (q.metonym ? 1 : 0);
    };
    for (size_t p = 0; p < queries.size(); ++p) {
      const auto& q = queries[p];
      size_t slot = hash(q) & (slots - 1);
      while (true) {
        const uint32_t u = sc.slots[slot];
        if (u == UINT32_MAX) {
          sc.slots[slot] = static_cast<uint32_t>(unique.size());
          unique_of[p] = static_cast<uint32_t>(unique.size());
          unique.push_back(q);
          break;
        }
        const auto& o = unique[u];
        if (o.text == q.text && o.context == q.context && o.hint == q.hint && o.metonym == q.metonym) {
          unique_of[p] = u;
          break;
        }
        slot = (slot + 1) & (slots - 1);
      }
    }
  }
  std::vector<geo::PlaceResolution>& resolved_unique = sc.resolved_unique;
  if (unique.size() <= kResolveGroup) {
    geo::ResolvePlaces(*gazetteer_, unique, &resolved_unique);
  } else {
    resolved_unique.clear();
    std::vector<geo::PlaceQuery> group;
    std::vector<geo::PlaceResolution> group_out;
    for (size_t start = 0; start < unique.size(); start += kResolveGroup) {
      size_t end = std::min(unique.size(), start + kResolveGroup);
      group.assign(unique.begin() + static_cast<std::ptrdiff_t>(start),
                   unique.begin() + static_cast<std::ptrdiff_t>(end));
      geo::ResolvePlaces(*gazetteer_, group, &group_out);
      resolved_unique.insert(resolved_unique.end(), group_out.begin(), group_out.end());
    }
  }
  // s.resolved is empty here (Clear); the pool holds the previous article's resolutions, whose strings are reused.
  if (unique.size() == queries.size()) {
    s.resolved.swap(resolved_unique);  // all distinct: unique_of[p] == p
    resolved_unique.swap(sc.pool);
  } else {
    s.resolved.swap(sc.pool);
    s.resolved.resize(queries.size());
    for (size_t p = 0; p < queries.size(); ++p) s.resolved[p] = resolved_unique[unique_of[p]];
  }
  for (size_t p = 0; p < s.places.size() && p < s.resolved.size(); ++p) {
    auto& pm = s.places[p];
    if (pm.country >= 0 || !s.resolved[p].resolved) continue;
    if (const lexicon::Country* co = lexicon_->CountryByCode(s.resolved[p].country)) {
      pm.country = static_cast<int32_t>(co - lexicon_->countries().data());
    }
  }
}

void Extractor::Extract(const ArticleInput& input, ExtractorScratch* scratch, ArticleResult* result) const {
  ExtractorScratch& s = *scratch;
  s.Clear();
  *result = ArticleResult();
  text::Document& doc = s.doc;
  const lexicon::CompiledLexicon& lex = *lexicon_;

  // ---- text
  std::string_view raw = input.text;
  if (raw.size() > options_.max_article_bytes) {
    size_t cut = options_.max_article_bytes;
    while (cut > 0 && raw[cut] != ' ' && raw[cut] != '\n') --cut;
    result->warnings.push_back("article is " + std::to_string(raw.size()) + " bytes; only the first " +
                               std::to_string(cut) + " were read (--max-article-bytes)");
    raw = raw.substr(0, cut);
  }
  text::Utf8Report report;
  if (!text::RepairUtf8(raw, &doc.text, &report)) {
    if (report.invalid_sequences > 0) {
      std::string where;
      for (size_t off : report.first_offsets) where += (where.empty() ? "" : ", ") + std::to_string(off);
      result->warnings.push_back("invalid UTF-8: " + std::to_string(report.invalid_sequences) +
                                 " sequence(s) replaced by U+FFFD, first at byte offset(s) " + where);
    }
    if (report.nul_bytes > 0) {
      result->warnings.push_back(std::to_string(report.nul_bytes) + " NUL or control byte(s) replaced by spaces");
    }
  }
  text::Tokenize(&doc);
  text::SplitSentences(&doc);
  lex.AssignWordIds(&doc);

  // ---- publication date: --date, the record, a byline or dateline
  result->doc.id = std::string(input.id);
  result->doc.title = std::string(input.title);
  result->doc.source = std::string(input.source);
  result->doc.url = std::string(input.url);
  int32_t pub = timeutil::kUnknownDay;
  std::string basis;
  if (!options_.published.empty()) {
    pub = timeutil::ParseIsoDate(options_.published);
    basis = "option";
  }
  if (pub == timeutil::kUnknownDay && input.published.size() >= 10) {
    pub = timeutil::ParseIsoDate(input.published.substr(0, 10));
    basis = "record";
  }
  if (pub == timeutil::kUnknownDay) {
    for (size_t si = 0; si < doc.sentences.size() && si < 4; ++si) {
      const auto& sent = doc.sentences[si];
      if (!sent.is_dateline && si > 1) continue;
      int32_t d = timeutil::FindFullDate(doc, sent.first_token, std::min(sent.last_token, sent.first_token + 16));
      if (d != timeutil::kUnknownDay) {
        pub = d;
        basis = sent.is_dateline && doc.Key(doc.tokens[sent.first_token]) == "by" ? "byline" : "dateline";
        break;
      }
    }
  }
  if (pub == timeutil::kUnknownDay) {
    basis.clear();
    result->warnings.push_back("no publication date (give --date or a 'published' field): relative dates stay null");
  }
  result->doc.published = timeutil::FormatIsoDate(pub);
  result->doc.published_basis = basis;
  s.published_day = pub == timeutil::kUnknownDay ? INT32_MIN : pub;

  Context c{lex, s, doc};
  const uint32_t nsent = static_cast<uint32_t>(doc.sentences.size());
  s.layers.resize(nsent);

  // ---- lexicon layers for every sentence, then the article's focus country
  for (uint32_t si = 0; si < nsent; ++si) {
    extract::CollectItems(c, si);
    extract::BuildMentions(c, si);
  }
  {
    std::vector<int32_t>& votes = s.token_country;  // reused as a vote table, cleared below
    votes.assign(lex.countries().size(), 0);
    auto vote = [&](int32_t country, int32_t weight) {
      if (country >= 0 && country < static_cast<int32_t>(votes.size())) votes[country] += weight;
    };
    // Names inside parentheses are mostly outlets ("(Agence France-Presse)"), not the story's country.
    std::vector<uint8_t>& in_parens = s.token_marks;
    in_parens.assign(doc.tokens.size(), 0);
    int depth = 0;
    for (size_t t = 0; t < doc.tokens.size(); ++t) {
      std::string_view k = doc.Key(doc.tokens[t]);
      if (k == "(") ++depth;
      else if (k == ")" && depth > 0) --depth;
      else in_parens[t] = depth > 0;
    }
    for (const auto& m : s.mentions) {
      if (in_parens[m.first] || m.holder) continue;  // "under Russian occupation" says who held it, not where
      vote(m.country, 1);
      if (m.actor >= 0) {
        const auto& a = lex.actors()[m.actor];
        if (const lexicon::Country* co = lex.CountryByCode(a.country)) vote(static_cast<int32_t>(co - lex.countries().data()), 2);
      }
    }
    for (const auto& it : s.items) {
      if (in_parens[it.first]) continue;
      if (it.layer == extract::Layer::kEntity && it.kind == lexicon::SenseKind::kCountry) vote(it.index, 3);
    }
    int32_t best = -1;
    s.named_country.assign(votes.size(), 0);
    for (size_t i = 0; i < votes.size(); ++i) {
      s.named_country[i] = votes[i] > 0;
      if (votes[i] > 0 && (best < 0 || votes[i] > votes[best])) best = static_cast<int32_t>(i);
    }
    s.focus_country = best;
  }

  // Token marks for the place finder.
  s.token_marks.assign(doc.tokens.size(), 0);
  s.token_country.assign(doc.tokens.size(), -1);
  for (const auto& m : s.mentions) {
    for (uint32_t t = m.first; t < m.last; ++t) s.token_marks[t] |= geo::kMarkInMention;
    if (m.mkind == MentionKind::kCountry) continue;  // a country name stays a candidate place
    for (uint32_t t = m.first; t < m.last; ++t) s.token_marks[t] |= geo::kMarkActor;
    if (m.mkind == MentionKind::kMetonym) {
      for (uint32_t t = m.first; t < m.last; ++t) s.token_marks[t] |= geo::kMarkMetonymActor;
    }
  }
  for (const auto& it : s.items) {
    if (it.layer != extract::Layer::kEntity) continue;
    if (it.kind == lexicon::SenseKind::kCountry) {
      for (uint32_t t = it.first; t < it.last; ++t) {
        s.token_marks[t] |= geo::kMarkCountry;
        s.token_country[t] = static_cast<int32_t>(it.index);
      }
    }
    if (it.kind == lexicon::SenseKind::kDemonym || it.kind == lexicon::SenseKind::kPerson ||
        it.kind == lexicon::SenseKind::kActor || it.kind == lexicon::SenseKind::kAgent) {
      // "the Syrian city of Palmyra": a demonym or a name is never the place itself.
      for (uint32_t t = it.first; t < it.last; ++t) s.token_marks[t] |= geo::kMarkActor;
    }
    if (it.kind == lexicon::SenseKind::kMetonym) {
      // A metonym that does not act ("in Moscow") is a plain place name. (A per-token mark, not a scan of the
      // mentions: an article naming a place 8,000 times has as many mentions.)
      const bool acting = (s.token_marks[it.first] & geo::kMarkInMention) != 0;
      if (!acting) {
        for (uint32_t t = it.first; t < it.last; ++t) s.token_marks[t] &= static_cast<uint8_t>(~geo::kMarkActor);
      }
    }
  }

  // ---- places and time expressions of every sentence, then the gazetteer over the article's places together
  for (uint32_t si = 0; si < nsent; ++si) {
    const text::Sentence& sent = doc.sentences[si];
    extract::SentenceLayers& L = s.layers[si];
    L.places_begin = static_cast<uint32_t>(s.places.size());
    if (sent.is_dateline) {
      // "BEIRUT, Dec 11 (Reuters) -": the dateline's first name is where the article was filed.
      uint32_t t = sent.first_token;
      if (doc.Key(doc.tokens[t]) != "by" && doc.tokens[t].Has(text::kAllCaps)) {
        geo::PlaceMention pm;
        pm.first = t;
        pm.last = t + 1;
        while (pm.last < sent.last_token && doc.tokens[pm.last].Has(text::kAllCaps) &&
               doc.tokens[pm.last].kind == text::kWord) {
          ++pm.last;
        }
        pm.cued = true;
        s.places.push_back(pm);
      }
    } else {
      geo::FindPlaceMentions(doc, sent.first_token, sent.last_token, s.token_marks.data() + sent.first_token,
                             s.token_country.data() + sent.first_token, &s.places);
    }
    L.places_end = static_cast<uint32_t>(s.places.size());
    L.times_begin = static_cast<uint32_t>(s.times.size());
    timeutil::FindTimeExpressions(doc, sent.first_token, sent.last_token,
                                  pub == timeutil::kUnknownDay ? timeutil::kUnknownDay : pub, &s.times);
    L.times_end = static_cast<uint32_t>(s.times.size());
  }
  ResolvePlaces(s);
  // The article's country is where its places are, more than whose forces it names: "Russian shelling killed
  // two civilians in southern Ukraine's Kherson region" is a story in Ukraine.
  if (!s.resolved.empty()) {
    std::vector<int32_t> votes(lex.countries().size(), 0);
    for (size_t p = 0; p < s.places.size() && p < s.resolved.size(); ++p) {
      if (s.places[p].country < 0) continue;
      int weight = s.places[p].cued ? 4 : 2;
      // A town the gazetteer found only abroad ("Nawa District" → a village in Côte d'Ivoire, in an article
      // about Afghan forces) is weak evidence against the countries the text names.
      if (s.focus_country >= 0 && s.places[p].country != s.focus_country &&
          s.resolved[p].precision != "country") {
        weight = 1;
      }
      votes[s.places[p].country] += weight;
    }
    if (s.focus_country >= 0) votes[s.focus_country] += 3;
    int32_t best = s.focus_country;
    for (size_t i = 0; i < votes.size(); ++i) {
      if (votes[i] > 0 && (best < 0 || votes[i] > votes[best])) best = static_cast<int32_t>(i);
    }
    s.focus_country = best;
  }

  ChooseAmbiguousActors(lex, s);

  // ---- per sentence
  for (uint32_t si = 0; si < nsent; ++si) {
    extract::ResolveCoreference(c, si);
    extract::BuildCandidates(c, si);
    extract::TypeCandidates(c, si);
    extract::MergeCandidates(c, si);
    extract::MergeEventAnaphora(c, si);
    extract::AttributeSources(c, si);
    extract::ApplyModality(c, si);
    extract::MergeContinuations(c, si);
    extract::FindCounts(c, si);
    if (debug_) DebugSentence(c, si);
  }

  // ---- places and dates of events
  // "TAMPA, Fla. –" on a report about Syria: a dateline abroad is where the report was filed, not where its
  // events happened, so it is no fallback place for them.
  std::vector<uint8_t> foreign_dateline(s.places.size(), 0);
  for (uint32_t si = 0; si < nsent && s.focus_country >= 0; ++si) {
    if (!doc.sentences[si].is_dateline) continue;
    const auto& DL = s.layers[si];
    for (uint32_t p = DL.places_begin; p < DL.places_end && p < s.resolved.size(); ++p) {
      const lexicon::Country* co = s.resolved[p].resolved ? lex.CountryByCode(s.resolved[p].country) : nullptr;
      foreign_dateline[p] = co && static_cast<int32_t>(co - lex.countries().data()) != s.focus_country;
    }
  }
  int32_t article_place = -1;
  for (uint32_t p = 0; p < s.places.size(); ++p) {
    if (s.places[p].cued && !foreign_dateline[p]) {
      article_place = static_cast<int32_t>(p);
      break;
    }
  }
  // The latest cued place of the paragraph of the sentence before (news paragraphs are often one sentence, so a
  // sentence that opens a paragraph looks back into the previous one), carried forward once: linear time.
  std::vector<int32_t> paragraph_place(nsent, -1);
  {
    int32_t latest = -1;
    for (uint32_t si = 0; si < nsent; ++si) {
      paragraph_place[si] = latest;
      if (doc.tokens[doc.sentences[si].first_token].Has(text::kParaStart)) latest = -1;
      const auto& PL = s.layers[si];
      for (uint32_t p = PL.places_begin; p < PL.places_end; ++p) {
        if (s.places[p].cued && !foreign_dateline[p]) latest = static_cast<int32_t>(p);
      }
    }
  }
  for (uint32_t si = 0; si < nsent; ++si) {
    const extract::SentenceLayers& L = s.layers[si];
    for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
      Candidate& e = s.events[k];
      if (!e.alive) continue;
      const extract::SentenceLayers& EL = s.layers[e.sentence];
      // The place: the most specific, nearest, cued place of the sentence not part of an actor.
      int32_t best = -1;
      int best_score = 1 << 30;
      for (uint32_t p = EL.places_begin; p < EL.places_end; ++p) {
        const auto& pm = s.places[p];
        bool overlaps_actor = false;
        for (int32_t a : {e.actor1, e.actor2, e.source}) {
          if (a >= 0 && pm.first < s.mentions[a].last && s.mentions[a].first < pm.last) overlaps_actor = true;
        }
        if (overlaps_actor) continue;
        int distance = static_cast<int>(pm.first > e.trigger_first ? pm.first - e.trigger_first
                                                                   : (e.trigger_first - pm.first) + 2);
        // A name the gazetteer does not know ("on Telegram", "VOA's South Sudan in Focus") is a weak place.
        bool unresolved = gazetteer_ && p < s.resolved.size() && !s.resolved[p].resolved;
        // "capture two bases in Luhansk Oblast as fighting continues near Sloviansk": a place on the far side of
        // another event's trigger is that event's.
        bool across_event = false;
        for (uint32_t o = EL.events_begin; o < EL.events_end; ++o) {
          const Candidate& other = s.events[o];
          // Only between coded events: a request's or an agreement's content ("calls on X to cease attacks in
          // El Fasher") happens where the request is about.
          if (o == k || !other.alive) continue;
          // "seized Mosul and Tikrit and threatened to advance on Baghdad": a place right after another act's
          // verb, before this one's, is that act's object.
          if (other.trigger_last <= pm.first && pm.last <= e.trigger_first && pm.first - other.trigger_last <= 3 &&
              other.voice == extract::Voice::kActive) {
            across_event = true;
          }
          if (e.sub == AcledSub::kNone || other.sub == AcledSub::kNone) continue;
          if ((other.trigger_first > pm.first && other.trigger_first < e.trigger_first) ||
              (other.trigger_first > e.trigger_last && other.trigger_first < pm.first)) {
            across_event = true;
          }
        }
        for (uint32_t t = pm.last; e.sub != AcledSub::kNone && t < e.trigger_first && !across_event; ++t) {
          std::string_view key = doc.Key(doc.tokens[t]);
          across_event = key == "as" || key == "while" || key == "amid" || key == ";";
        }
        int score = distance + (across_event ? 6 : 0) + (pm.shape == geo::PlaceShape::kCountry ? 12 : 0) +
                    (pm.shape == geo::PlaceShape::kAdmin ? 3 : 0) + (pm.cued ? 0 : 8) + (unresolved ? 15 : 0);
        if (score < best_score) {
          best_score = score;
          best = static_cast<int32_t>(p);
        }
      }
      if (best < 0) {
        // Fall back to the paragraph's latest place, then the article's first.
        best = paragraph_place[e.sentence];
        if (best >= 0) {
          e.place_inherited = true;
        } else if (article_place >= 0) {
          best = article_place;
          e.place_inherited = true;
        }
      }
      e.place = best;
      if (best >= 0 && !e.place_inherited && e.sub != AcledSub::kNone) AddListedPlaces(s, EL, k, best);
      // The date: the nearest time expression of the sentence.
      int32_t best_time = -1;
      uint32_t best_d = UINT32_MAX;
      for (uint32_t t = EL.times_begin; t < EL.times_end; ++t) {
        const auto& tm = s.times[t];
        if (tm.governs_following && e.trigger_first < tm.last) continue;
        if (!tm.governs_following && TimeBelongsToAnotherClause(s, EL, e, tm.first)) continue;
        if (TimeModifiesAnotherEvent(s, EL, e, tm.last)) continue;
        if (TimeDatesNoReportedEvent(s, EL, doc.sentences[e.sentence].first_token, tm)) continue;
        uint32_t d = tm.first > e.trigger_first ? tm.first - e.trigger_first : e.trigger_first - tm.first;
        if (d < best_d) {
          best_d = d;
          best_time = static_cast<int32_t>(t);
        }
      }
      e.time = best_time;
      // "The man had been arrested in 2013", "abducted by North Korea 42 years ago": an act dated over a year
      // before the report is its background, unless the sentence reports it as a finding (an inquiry's report).
      if (best_time >= 0 && s.published_day != INT32_MIN) {
        const auto& tm = s.times[best_time];
        if (tm.resolved && tm.end != timeutil::kUnknownDay && s.published_day - tm.end > 365 && e.source < 0 &&
            e.source_last == 0 && !SentenceHasReportCue(lex, s, EL)) {
          e.alive = false;
          continue;
        }
      }
      e.confidence = Confidence(e, s, lex);
    }
  }

  // ---- output
  result->text = doc.text;
  result->sentence_count = nsent;
  result->token_count = doc.tokens.size();
  result->lexicon_version = lex.version();
  if (result->doc.id.empty()) {
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char ch : doc.text) h = (h ^ ch) * 1099511628211ULL;
    char buf[24];
    std::snprintf(buf, sizeof buf, "doc-%012llx", static_cast<unsigned long long>(h & 0xFFFFFFFFFFFFULL));
    result->doc.id = buf;
  }
  // Counts grouped by event once, so writing each event does not scan the whole article's counts.
  std::vector<uint32_t> count_begin(s.events.size() + 1, 0), count_order(s.counts.size());
  for (const auto& cm : s.counts) {
    if (cm.event >= 0) count_begin[cm.event + 1]++;
  }
  for (size_t k = 0; k < s.events.size(); ++k) count_begin[k + 1] += count_begin[k];
  {
    std::vector<uint32_t> fill(count_begin.begin(), count_begin.end() - 1);
    for (uint32_t ci = 0; ci < s.counts.size(); ++ci) {
      if (s.counts[ci].event >= 0) count_order[fill[s.counts[ci].event]++] = ci;
    }
  }
  {
    // Reserved once: an Event is large (a dozen strings), and moving them all at each growth of the vector cost
    // more than building them.
    size_t upper = s.extra_places.size();
    for (const Candidate& e : s.events) upper += e.alive ? 1 : 0;
    result->events.reserve(upper);
  }
  size_t next_extra = 0;
  for (uint32_t si = 0; si < nsent; ++si) {
    const extract::SentenceLayers& L = s.layers[si];
    for (uint32_t k = L.events_begin; k < L.events_end; ++k) {
      const Candidate& e = s.events[k];
      if (!e.alive) continue;
      // "Navalny, who was detained upon return": an arrest with no one named on either side and no number
      // arrested is a detail about someone the coder cannot name, not an event to code.
      if (e.sub == AcledSub::kArrests && e.actor1 < 0 && e.actor2 < 0 && count_begin[k] == count_begin[k + 1]) {
        continue;
      }
      Event out;
      out.sentence = e.sentence;
      const text::Sentence& sent = doc.sentences[e.sentence];
      out.span_begin = sent.begin;
      out.span_end = sent.end;
      out.trigger_begin = doc.tokens[e.trigger_first].begin;
      out.trigger_end = doc.tokens[e.trigger_last - 1].end;
      out.trigger = std::string(doc.Slice(out.trigger_begin, out.trigger_end));
      // A denial's copy of an earlier event ("... a claim the government denied" two sentences on) keeps the
      // original's trigger; its evidence then runs from the trigger's sentence to the denial's (found by fuzzing:
      // a trigger outside its evidence span).
      if (out.trigger_begin < out.span_begin) {
        auto holder = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), e.trigger_first,
                                       [](uint32_t token, const text::Sentence& st) { return token < st.first_token; });
        if (holder != doc.sentences.begin()) out.span_begin = std::min(out.span_begin, (holder - 1)->begin);
      }
      if (out.trigger_end > out.span_end) out.span_end = out.trigger_end;
      out.acled_sub = std::string(lexicon::AcledSubName(e.sub));
      out.acled = std::string(lexicon::AcledTypeName(e.sub));
      out.plover = std::string(lexicon::PloverName(e.plover));
      if (e.cameo > 0) {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%02d", e.cameo);
        out.cameo = buf;
      }
      if (e.mode) out.mode = *e.mode;
      // A state that attacks is its military; a state that agrees, deploys or talks is its government.
      const bool violent = e.plover == lexicon::Plover::kAssault;
      // The country of the event's own place, when the text supports it: a place with its container, a region
      // or country, or a town in a country the article names (not a namesake abroad the gazetteer preferred).
      int32_t place_country = -1;
      if (e.place >= 0 && !e.place_inherited) {
        const geo::PlaceMention& pm = s.places[e.place];
        place_country = pm.country;
        bool supported = pm.ctx_last > pm.ctx_first || pm.shape == geo::PlaceShape::kCountry;
        if (e.place < static_cast<int32_t>(s.resolved.size()) && s.resolved[e.place].resolved) {
          const geo::PlaceResolution& r = s.resolved[e.place];
          if (const lexicon::Country* co = lex.CountryByCode(r.country)) {
            place_country = static_cast<int32_t>(co - lex.countries().data());
          }
          // A city big enough to be what a reader takes the name for (Idlib, Homs) is supported too.
          const bool prominent = gazetteer_ && r.place < gazetteer_->size() && r.precision == "city" &&
                                 gazetteer_->place(r.place).population >= 100000;
          supported = supported || prominent || r.precision == "admin1" || r.precision == "country";
        }
        // The country the text gives as container ("Hiran, Somalia") outranks the gazetteer's namesake.
        bool container_country = false;
        for (uint32_t t = pm.ctx_first; t < pm.ctx_last && t < s.token_country.size(); ++t) {
          if (s.token_country[t] >= 0) {
            place_country = s.token_country[t];
            container_country = true;
            break;
          }
        }
        // … and so does the resolved container region ("Moura, Mopti Region").
        for (size_t q = 0; !container_country && pm.ctx_last > pm.ctx_first && q < s.places.size() && q < s.resolved.size(); ++q) {
          if (s.places[q].first != pm.ctx_first || !s.resolved[q].resolved) continue;
          if (const lexicon::Country* co = lex.CountryByCode(s.resolved[q].country)) {
            place_country = static_cast<int32_t>(co - lex.countries().data());
          }
          break;
        }
        if (place_country >= 0 && !supported &&
            (place_country >= static_cast<int32_t>(s.named_country.size()) || !s.named_country[place_country])) {
          place_country = -1;
        }
      }
      // "they" with nobody to refer back to names nobody: the role stays empty rather than read "they".
      auto nameable = [&](int32_t m) {
        const Mention& mm = s.mentions[m];
        return !(mm.mkind == MentionKind::kPronoun && mm.actor < 0 && mm.agent < 0 && mm.country < 0);
      };
      if (e.actor1 >= 0 && nameable(e.actor1)) {
        out.actor1.emplace();
        NameMention(lex, s, s.mentions[e.actor1], violent, place_country, &*out.actor1);
      }
      if (e.actor2 >= 0 && nameable(e.actor2)) {
        out.actor2.emplace();
        NameMention(lex, s, s.mentions[e.actor2], violent, place_country, &*out.actor2);
      }
      // "the town had fallen to government forces" read with the state as its former holder too: a side is not its
      // own opponent (crowds and civilians may be: communal violence).
      if (out.actor1 && out.actor2 && out.actor1->name == out.actor2->name && out.actor1->kind != "civilians" &&
          out.actor1->kind != "protesters") {
        out.actor2.reset();
      }
      // ACLED names the crowd of a demonstration "Protesters (Country)", of a riot "Rioters (Country)".
      if (out.actor1 && (out.acled == "Protests" || out.acled == "Riots") &&
          (out.actor1->kind == "civilians" || out.actor1->kind == "protesters") &&
          e.sub != lexicon::AcledSub::kMobViolence) {
        ActorRef& crowd = *out.actor1;
        crowd.kind = "protesters";
        const lexicon::Country* co = crowd.country.empty() ? nullptr : lex.CountryByCode(crowd.country);
        crowd.name = std::string(out.acled == "Riots" ? "Rioters" : "Protesters") +
                     (co ? " (" + co->name + ")" : std::string());
      }
      // A demonstration whose crowd the text does not name ("Protests spread to Nepal") is coded, as ACLED does,
      // with the unnamed crowd of the country where it happens; marked inferred, with no text.
      if (!out.actor1 && (out.acled == "Protests" || out.acled == "Riots") &&
          e.sub != lexicon::AcledSub::kMobViolence) {
        int32_t country = e.place >= 0 ? s.places[e.place].country : -1;
        if (country < 0) country = s.focus_country;
        ActorRef crowd;
        crowd.inferred = true;
        crowd.kind = "protesters";
        crowd.name = out.acled == "Riots" ? "Rioters" : "Protesters";
        if (country >= 0) {
          crowd.country = lex.countries()[country].iso2;
          crowd.name += " (" + lex.countries()[country].name + ")";
        }
        out.actor1 = std::move(crowd);
      }
      auto place_ref = [&](int32_t place) {
        const geo::PlaceMention& pm = s.places[place];
        PlaceRef pr;
        pr.begin = doc.tokens[pm.first].begin;
        pr.end = doc.tokens[pm.last - 1].end;
        pr.text = std::string(doc.Slice(pr.begin, pr.end));
        if (pm.ctx_last > pm.ctx_first) {
          pr.context = std::string(doc.Slice(doc.tokens[pm.ctx_first].begin, doc.tokens[pm.ctx_last - 1].end));
        }
        if (pm.country >= 0) {
          pr.country = lex.countries()[pm.country].iso2;
          if (pm.shape == geo::PlaceShape::kCountry) pr.name = lex.countries()[pm.country].name;
        }
        pr.precision = pm.shape == geo::PlaceShape::kCountry ? "country"
                       : pm.shape == geo::PlaceShape::kAdmin ? "admin1"
                       : pm.shape == geo::PlaceShape::kRegion ? "region"
                                                              : "city";
        if (place < static_cast<int32_t>(s.resolved.size()) && s.resolved[place].resolved) {
          const geo::PlaceResolution& r = s.resolved[place];
          pr.name = r.name;
          pr.admin1 = r.admin1;
          pr.country = r.country;
          pr.lat = r.lat;
          pr.lon = r.lon;
          pr.gazetteer_id = r.gazetteer_id;
          pr.precision = r.precision;
        }
        pr.basis = place != e.place || !e.place_inherited ? "sentence"
                   : (pm.first >= doc.sentences.front().first_token && place == article_place &&
                      s.places[place].first < doc.sentences[e.sentence].first_token)
                       ? "article"
                       : "paragraph";
        return pr;
      };
      if (e.place >= 0) out.location = place_ref(e.place);
      // Date
      if (e.time >= 0) {
        const auto& tm = s.times[e.time];
        out.date.text = std::string(doc.Slice(doc.tokens[tm.first].begin, doc.tokens[tm.last - 1].end));
        out.date.precision = timeutil::PrecisionName(tm.precision);
        out.date.basis = "text";
        if (tm.resolved) {
          out.date.start = timeutil::FormatIsoDate(tm.start);
          out.date.end = timeutil::FormatIsoDate(tm.end);
        }
      } else if (pub != timeutil::kUnknownDay && e.modality != Modality::kPlanned &&
                 e.modality != Modality::kHypothetical && e.modality != Modality::kThreatened) {
        out.date.start = out.date.end = timeutil::FormatIsoDate(pub);
        out.date.precision = "day";
        out.date.basis = "publication";
      } else {
        out.date.basis = "unknown";
      }
      // Counts
      // Killed or wounded counted without saying who ("kills at least three"), and no count that names them.
      bool unnamed_dead = false, named_dead = false;
      for (uint32_t ci = count_begin[k]; ci < count_begin[k + 1]; ++ci) {
        const auto& cm = s.counts[count_order[ci]];
        if (cm.what != extract::CountWhat::kKilled && cm.what != extract::CountWhat::kWounded) continue;
        std::string_view of = cm.of_last > cm.of_first ? doc.Key(doc.tokens[cm.of_last - 1]) : std::string_view();
        if (of.empty() || of == "people" || of == "others" || of == "persons" || of == "civilians") {
          unnamed_dead = true;
        } else {
          named_dead = true;
        }
      }
      if (named_dead || (out.actor1 && out.actor1->kind == "civilians")) unnamed_dead = false;
      // ACLED codes the unnamed dead of a bombing or an attack on no armed target as civilians of the country where
      // it happened; marked inferred.
      if (!out.actor2 && unnamed_dead && e.plover == lexicon::Plover::kAssault &&
          (e.sub == lexicon::AcledSub::kAttack || e.sub == lexicon::AcledSub::kRemoteExplosive ||
           e.sub == lexicon::AcledSub::kSuicideBomb || e.sub == lexicon::AcledSub::kAirDroneStrike ||
           e.sub == lexicon::AcledSub::kShelling || e.sub == lexicon::AcledSub::kGrenade)) {
        int32_t country = e.place >= 0 ? s.places[e.place].country : -1;
        if (country < 0) country = s.focus_country;
        ActorRef victims;
        victims.inferred = true;
        victims.kind = "civilians";
        victims.name = "Civilians";
        if (country >= 0) {
          victims.country = lex.countries()[country].iso2;
          victims.name += " (" + lex.countries()[country].name + ")";
        }
        out.actor2 = std::move(victims);
      }
      for (uint32_t ci = count_begin[k]; ci < count_begin[k + 1]; ++ci) {
        const auto& cm = s.counts[count_order[ci]];
        Count cnt;
        cnt.what = extract::CountWhatName(cm.what);
        cnt.n = cm.number.value;
        cnt.approx = cm.number.approx;
        cnt.vague = cm.number.vague;
        cnt.text = std::string(doc.Slice(doc.tokens[cm.number.first].begin, doc.tokens[cm.number.last - 1].end));
        if (cm.of_last > cm.of_first) {
          cnt.of = std::string(doc.Slice(doc.tokens[cm.of_first].begin, doc.tokens[cm.of_last - 1].end));
        }
        out.counts.push_back(std::move(cnt));
      }
      // Source
      if (e.source_last > e.source_first) {
        SourceRef src;
        src.text = std::string(doc.Slice(doc.tokens[e.source_first].begin, doc.tokens[e.source_last - 1].end));
        if (e.source >= 0) {
          ActorRef named;
          NameMention(lex, s, s.mentions[e.source], false, -1, &named);
          src.name = named.name;
          src.kind = named.kind;
          // Generic sources ("officials") read better as written, with their country ("Afghan officials").
          const Mention& sm = s.mentions[e.source];
          if (sm.mkind == MentionKind::kAgent && sm.actor < 0 && (lex.agents()[sm.agent].flags & lexicon::kAgentWeak)) {
            src.name = std::string(doc.Slice(doc.tokens[sm.first].begin, doc.tokens[sm.last - 1].end));
          }
        } else {
          src.name = src.text;
        }
        out.source = std::move(src);
      }
      out.modality = extract::ModalityName(e.modality);
      out.negated = e.negated;
      out.confidence = static_cast<double>(static_cast<int>(e.confidence * 100 + 0.5f)) / 100.0;
      result->events.push_back(std::move(out));
      // The same act at each other place of a list: one event per place, the counts left on the first, since
      // the text does not say how they divide.
      while (next_extra < s.extra_places.size() && s.extra_places[next_extra].first < k) ++next_extra;
      for (; next_extra < s.extra_places.size() && s.extra_places[next_extra].first == k; ++next_extra) {
        Event copy = result->events.back();
        copy.location = place_ref(s.extra_places[next_extra].second);
        copy.counts.clear();
        // An actor inferred from the place ("Protesters (Nepal)") is of the copy's own place.
        for (std::optional<ActorRef>* actor : {&copy.actor1, &copy.actor2}) {
          if (!*actor || !(*actor)->inferred || copy.location->country.empty()) continue;
          const lexicon::Country* co = lex.CountryByCode(copy.location->country);
          if (!co) continue;
          std::string& name = (*actor)->name;
          const size_t paren = name.find(" (");
          name = (paren == std::string::npos ? name : name.substr(0, paren)) + " (" + co->name + ")";
          (*actor)->country = co->iso2;
        }
        result->events.push_back(std::move(copy));
      }
    }
  }
  for (size_t i = 0; i < result->events.size(); ++i) {
    result->events[i].id = result->doc.id + "#" + std::to_string(i);
  }
}

}  // namespace sitrep
