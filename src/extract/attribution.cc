#include "extract/attribution.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

namespace sitrep::extract {
namespace {

using lexicon::CueKind;

std::string_view KeyAt(const Context& c, uint32_t i) { return c.doc.Key(c.doc.tokens[i]); }

constexpr std::array<std::string_view, 22> kBetweenSourceAndCue = {
    "has", "have", "had", "also", "officially", "later", "was", "were", "is", "are", "separately", "earlier",
    "publicly", "repeatedly", "statement", "statements", "spokesman", "spokeswoman", "spokesperson",
    "communique", "release", "would"};


struct Source {
  int32_t mention = -1;
  uint32_t first = 0, last = 0;  // text span (tokens)
  bool found = false;
};

// Extends a source phrase to the left over a name the lexicon does not know ("Rami Abdel Rahman of the
// Syrian Observatory..."): capitalised words joined by "of (the)".
uint32_t ExtendLeftOverName(const Context& c, uint32_t first, uint32_t floor) {
  uint32_t f = first;
  uint32_t t = f;
  if (t > floor && KeyAt(c, t - 1) == "the") --t;
  if (t > floor && KeyAt(c, t - 1) == "of") {
    uint32_t n = t - 1;
    uint32_t run = n;
    while (run > floor && c.doc.tokens[run - 1].Has(text::kCapitalized) && n - run < 5) --run;
    if (run < n) f = run;
  }
  return f;
}

// A capitalised run of words the lexicon did not resolve ("Rami Abdel Rahman"), ending at `end` (exclusive)
// or starting at `start`.
bool NameRunBefore(const Context& c, uint32_t end, uint32_t floor, uint32_t* first) {
  uint32_t t = end;
  while (t > floor && c.doc.tokens[t - 1].kind == text::kWord && c.doc.tokens[t - 1].Has(text::kCapitalized) &&
         end - t < 5) {
    --t;
  }
  if (t == end) return false;
  *first = t;
  if (end - t >= 2) return true;
  // One capitalised word is a surname ("Hassan said") unless it is a word that opens sentences.
  static constexpr std::array<std::string_view, 16> kNotNames = {"the", "he", "she", "it", "they", "we", "i",
                                                                 "this", "that", "officials", "police", "witnesses",
                                                                 "residents", "sources", "authorities", "a"};
  std::string_view k = KeyAt(c, t);
  if (timeutil::WeekdayFromKey(k) >= 0 || timeutil::MonthFromKey(k) != 0) return false;  // "Russia on Thursday said"
  return !In(kNotNames, k) && c.doc.tokens[t].kind == text::kWord;
}

Source FindSource(const Context& c, uint32_t si, const Item& cue) {
  const text::Sentence& sent = c.doc.sentences[si];
  const auto& L = c.s.layers[si];
  Source src;
  const std::string_view cue_key = KeyAt(c, cue.first);
  const bool according = cue_key == "according" || cue_key == "per";
  // "Two people are confirmed dead", "the town was reported captured": a passive report names no speaker on the
  // left; only "reported by X" names one.
  const std::string_view before_cue = cue.first > sent.first_token ? KeyAt(c, cue.first - 1) : std::string_view();
  const bool passive_report = (before_cue == "is" || before_cue == "are" || before_cue == "was" ||
                               before_cue == "were" || before_cue == "been" || before_cue == "being") &&
                              cue_key != "quoted" && cue_key != "cited" &&
                              !(cue_key.size() > 4 && cue_key.substr(cue_key.size() - 3) == "ing");  // "are denying"
  // Left: "Russia said", "the ministry has said", "Afghan officials announced".
  if (!according && !passive_report) {
    uint32_t t = cue.first;
    // Skip what may stand between a source and its verb: auxiliaries, "statement", and when ("Russia on
    // Thursday said", "the army late Friday said").
    auto skippable = [&](std::string_view k) {
      return In(kBetweenSourceAndCue, k) || timeutil::WeekdayFromKey(k) >= 0 || k == "on" || k == "yesterday" ||
             k == "today" || k == "late" || k == "early" || k == "earlier" || k == "morning" || k == "evening" ||
             k == "night";
    };
    while (t > sent.first_token && skippable(KeyAt(c, t - 1))) --t;
    // "the SBU, reports", "the Donetsk People's Republic (DPR) say": an apposition or an acronym in brackets
    // closes the source phrase.
    if (t > sent.first_token + 1 && KeyAt(c, t - 1) == ")") {
      uint32_t open = t - 1;
      while (open > sent.first_token && t - open < 6 && KeyAt(c, open) != "(") --open;
      if (KeyAt(c, open) == "(") t = open;
    } else if (t > sent.first_token + 1 && KeyAt(c, t - 1) == "," && KeyAt(c, cue.first - 1) == ",") {
      --t;
    }
    // "The Yemeni government in exile announces": a short phrase of place after the source.
    auto place_phrase = [&](uint32_t from, uint32_t to) {
      if (to <= from || to - from > 3) return false;
      std::string_view p0 = KeyAt(c, from);
      if (p0 != "in" && p0 != "of" && p0 != "from" && p0 != "based") return false;
      for (uint32_t q = from; q < to; ++q) {
        if (c.doc.tokens[q].kind != text::kWord) return false;
      }
      return true;
    };
    for (int32_t k = static_cast<int32_t>(L.mentions_end) - 1; k >= static_cast<int32_t>(L.mentions_begin); --k) {
      const Mention& m = c.s.mentions[k];
      if (m.last > t) continue;
      if (m.last == t || (m.last + 1 == t && KeyAt(c, m.last) == "'s") || place_phrase(m.last, t)) {
        src.mention = k;
        src.first = ExtendLeftOverName(c, m.first, sent.first_token);
        src.last = m.last;
        src.found = true;
        // "X of Y said": prefer the organisation as the name, keep the whole phrase as text.
        if (m.first >= sent.first_token + 2 && KeyAt(c, m.first - 1) == "of") {
          for (int32_t q = k - 1; q >= static_cast<int32_t>(L.mentions_begin); --q) {
            const Mention& outer = c.s.mentions[q];
            if (outer.last + 1 == m.first || (outer.last + 2 == m.first && KeyAt(c, outer.last) == "the")) {
              src.first = outer.first;
            }
          }
        }
        return src;
      }
      break;
    }
    uint32_t name_first;
    if (NameRunBefore(c, t, sent.first_token, &name_first)) {
      src.first = name_first;
      src.last = t;
      src.found = true;
      return src;
    }
  }
  // Right: "according to X", ", said X", "reported by X".
  uint32_t from = cue.last;
  if (from < sent.last_token && (KeyAt(c, from) == "to" || KeyAt(c, from) == "by")) ++from;
  // "X told VOA": whom one tells is not the source.
  const bool tells = cue_key == "told" || cue_key == "tells" || cue_key == "tell" || cue_key == "telling";
  if (passive_report && (from == cue.last || KeyAt(c, from - 1) != "by")) return src;
  // ", saying Argentina did so": after a participle the name that follows is what is said, not who says it.
  const bool participle = cue_key.size() > 4 && cue_key.substr(cue_key.size() - 3) == "ing" &&
                          cue_key != "citing" && cue_key != "quoting" && cue_key != "reporting";
  bool right_allowed = !tells && !(participle && !according) && (according || passive_report || cue.first == sent.first_token ||
                       (cue.first > sent.first_token &&
                        (KeyAt(c, cue.first - 1) == "," || KeyAt(c, cue.first - 1) == "\"")));
  if (!right_allowed) return src;
  for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
    const Mention& m = c.s.mentions[k];
    if (m.first < from) continue;
    if (m.first > from + 6) break;
    src.mention = static_cast<int32_t>(k);
    src.first = from;
    src.last = m.last;
    // "Rami Abdel Rahman of the Syrian Observatory for Human Rights"
    while (src.first < m.first && (KeyAt(c, src.first) == "the" || KeyAt(c, src.first) == "a")) ++src.first;
    src.found = true;
    return src;
  }
  // An unknown name right after: ", said Rami Abdel Rahman".
  uint32_t t = from;
  while (t < sent.last_token && t < from + 5 && c.doc.tokens[t].kind == text::kWord &&
         c.doc.tokens[t].Has(text::kCapitalized)) {
    ++t;
  }
  if (t - from >= 2) {
    src.first = from;
    src.last = t;
    src.found = true;
  }
  return src;
}

bool IsViolent(const Candidate& e) { return e.plover == Plover::kAssault || e.sub != AcledSub::kNone; }

}  // namespace

namespace {

// "arrested 15 suspected militants", "the alleged gunman", "suspected Russian airstrikes": an adjective on a
// participant doubts who they are, not whether the event happened; it is no report cue.
bool DoubtsAParticipant(const Context& c, uint32_t si, const Item& cue) {
  std::string_view key = KeyAt(c, cue.first);
  if (key != "suspected" && key != "alleged" && key != "apparent" && key != "purported") return false;
  const SentenceLayers& L = c.s.layers[si];
  for (uint32_t m = L.mentions_begin; m < L.mentions_end; ++m) {
    const Mention& mm = c.s.mentions[m];
    if ((mm.first >= cue.last && mm.first <= cue.last + 1) || (mm.first <= cue.first && cue.first < mm.last)) {
      return true;
    }
  }
  return false;
}

}  // namespace

void AttributeSources(Context& c, uint32_t si) {
  auto& s = c.s;
  const text::Sentence& sent = c.doc.sentences[si];
  const SentenceLayers& L = s.layers[si];
  for (uint32_t k = L.items_begin; k < L.items_end; ++k) {
    const Item& cue = s.items[k];
    if (cue.layer != Layer::kCue) continue;
    const lexicon::Cue& info = c.lex.cues()[cue.index];
    if (info.kind != CueKind::kReport) continue;
    std::string_view cue_key = KeyAt(c, cue.first);
    if (DoubtsAParticipant(c, si, cue)) continue;
    // "reportedly", "allegedly": claimed, with no one named.
    if (cue_key == "reportedly" || cue_key == "allegedly" || cue_key == "purportedly") {
      for (uint32_t e = L.events_begin; e < L.events_end; ++e) {
        Candidate& ev = s.events[e];
        if (ev.alive && ev.modality == Modality::kAsserted && ev.source < 0 && ev.source_last == 0) {
          ev.modality = Modality::kClaimed;
        }
      }
      continue;
    }
    Source src = FindSource(c, si, cue);
    // "Hezbollah condemns Argentina ..., saying Argentina did so": the participle's speaker is the subject of the
    // clause before it; what precedes is that speaker's act, reported by the writer, and only what follows is
    // the speaker's claim.
    const bool participle_clause = cue.first > sent.first_token && KeyAt(c, cue.first - 1) == "," &&
                                   cue_key.size() > 4 && cue_key.substr(cue_key.size() - 3) == "ing" &&
                                   cue_key != "citing" && cue_key != "quoting" && cue_key != "according";
    if (participle_clause && !src.found) {
      for (uint32_t e = L.events_begin; e < L.events_end; ++e) {
        const Candidate& ev = s.events[e];
        if (!ev.alive || ev.trigger_first >= cue.first || ev.actor1 < 0) continue;
        const Mention& speaker = s.mentions[ev.actor1];
        if (speaker.last > ev.trigger_first) continue;
        src.mention = ev.actor1;
        src.first = speaker.first;
        src.last = speaker.last;
        src.found = true;
      }
      // "Palestinian militants issued a statement claiming responsibility, saying ...": else the sentence's
      // subject.
      const Mention* subject = L.mentions_end > L.mentions_begin ? &s.mentions[L.mentions_begin] : nullptr;
      if (!src.found && subject && subject->last < cue.first &&
          ExtendLeftOverName(c, subject->first, sent.first_token) == sent.first_token &&
          !subject->generic) {
        src.mention = static_cast<int32_t>(L.mentions_begin);
        src.first = subject->first;
        src.last = subject->last;
        src.found = true;
      }
    }
    Modality value = info.value == "asserted" ? Modality::kAsserted
                     : info.value == "denied" ? Modality::kDenied
                                              : Modality::kClaimed;
    // "his deputy, who was dismissed in July", "the appeal was rejected": someone dismissed or rejected, not a
    // denial of the events around it.
    if (value == Modality::kDenied && cue.first > sent.first_token) {
      std::string_view before = KeyAt(c, cue.first - 1);
      bool progressive = cue_key.size() > 4 && cue_key.substr(cue_key.size() - 3) == "ing";  // "are denying"
      if (!progressive &&
          (before == "was" || before == "were" || before == "is" || before == "are" || before == "been")) {
        continue;
      }
    }
    // Responsibility: "IS claimed responsibility for the attack", "the Taliban claim the other".
    bool responsibility = false;
    for (uint32_t t = cue.first; t < cue.last + 4 && t < sent.last_token; ++t) {
      std::string_view kk = KeyAt(c, t);
      if (kk == "responsibility" || kk == "credit") responsibility = true;
      if ((cue_key == "claim" || cue_key == "claims" || cue_key == "claimed" || cue_key == "claiming") &&
          (kk == "attack" || kk == "attacks" || kk == "bombing" || kk == "other" || kk == "killing")) {
        responsibility = true;
      }
    }
    if (responsibility && src.mention >= 0) {
      if (value == Modality::kDenied) {
        // A denial of responsibility: a copy of the event, denied, sourced to the denier (below).
      } else {
        // The claimant becomes the doer of the nearest event without a named doer, here or just before.
        int32_t target = -1;
        for (uint32_t e = L.events_begin; e < L.events_end; ++e) {
          const Candidate& ev = s.events[e];
          if (ev.alive && IsViolent(ev) && (ev.actor1 < 0 || s.mentions[ev.actor1].generic)) target = e;
        }
        for (uint32_t back = 1; target < 0 && back <= 2 && back <= si; ++back) {
          const SentenceLayers& P = s.layers[si - back];
          for (uint32_t e = P.events_begin; e < P.events_end; ++e) {
            const Candidate& ev = s.events[e];
            if (ev.alive && IsViolent(ev) && (ev.actor1 < 0 || s.mentions[ev.actor1].generic)) target = e;
          }
        }
        if (target >= 0) s.events[target].actor1 = src.mention;
        continue;
      }
    }
    // Which events does the cue govern?
    // ", Polyovy said in the capital Kyiv": a source set off by a comma reports what came before it.
    const bool source_after_comma = src.found && src.first > sent.first_token + 1 && src.last <= cue.first &&
                                    KeyAt(c, src.first - 1) == ",";
    bool cue_is_final = !participle_clause && cue.first > sent.first_token &&
                        (source_after_comma || KeyAt(c, cue.first - 1) == "," || KeyAt(c, cue.first - 1) == "\"" ||
                         sent.last_token - cue.first <= 12 || cue_key == "according");
    int governed = 0;
    for (uint32_t e = L.events_begin; e < L.events_end; ++e) {
      Candidate& ev = s.events[e];
      if (!ev.alive) continue;
      if (ev.trigger_first >= src.first && ev.trigger_first < src.last) continue;  // inside the source phrase
      if (ev.trigger_first >= cue.first && ev.trigger_first < cue.last) continue;  // the cue itself
      bool in_scope = ev.trigger_first >= cue.last ||
                      (ev.trigger_first < cue.first && cue_is_final) ||
                      (c.doc.tokens[ev.trigger_first].Has(text::kInQuote));
      if (!in_scope) continue;
      // A nearer report cue governs instead.
      bool nearer = false;
      for (uint32_t q = L.items_begin; q < L.items_end; ++q) {
        const Item& other = s.items[q];
        if (q == k || other.layer != Layer::kCue || c.lex.cues()[other.index].kind != CueKind::kReport) continue;
        if (DoubtsAParticipant(c, si, other)) continue;
        if (ev.trigger_first >= other.last && other.first > cue.first && ev.trigger_first >= cue.last) nearer = true;
      }
      if (nearer) continue;
      if (ev.source >= 0 || ev.source_last > 0) continue;
      if (src.found) {
        ev.source = src.mention;
        ev.source_first = src.first;
        ev.source_last = src.last;
      }
      if (ev.modality == Modality::kAsserted) ev.modality = value;
      ++governed;
    }
    // A denial that governs no event of its own sentence denies the event just reported.
    if (value == Modality::kDenied && governed == 0 && src.found && si > 0) {
      for (uint32_t back = 1; back <= 3 && back <= si; ++back) {
        const SentenceLayers& P = s.layers[si - back];
        int32_t target = -1;
        for (uint32_t e = P.events_begin; e < P.events_end; ++e) {
          if (s.events[e].alive && IsViolent(s.events[e])) target = e;
        }
        if (target < 0) continue;
        Candidate copy = s.events[target];
        copy.sentence = si;
        copy.modality = Modality::kDenied;
        copy.source = src.mention;
        copy.source_first = src.first;
        copy.source_last = src.last;
        copy.copied_from = target;
        // Evidence is the denial sentence; the trigger stays the original's.
        s.events.push_back(copy);
        s.layers[si].events_end = static_cast<uint32_t>(s.events.size());
        // The denial is this event's copy, not a separate rejection.
        for (uint32_t e = L.events_begin; e + 1 < s.layers[si].events_end; ++e) {
          Candidate& ev = s.events[e];
          if (ev.alive && ev.plover == Plover::kReject && ev.trigger_first >= cue.first && ev.trigger_first < cue.last) {
            ev.alive = false;
          }
        }
        break;
      }
    }
  }
}

namespace {

// "X pushed to capture", "gunmen tried to storm": a verb of attempt whose subject is the event's doer, a few
// words before it ("forces have again tried to"). Nouns of purpose ("in a bid to", "an attempt to") do not count.
bool AttemptByDoer(const Context& c, uint32_t si, const Item& cue, const Candidate& ev) {
  static constexpr std::array<std::string_view, 13> kAttemptVerbs = {
      "push", "pushes", "pushed", "pushing", "try", "tries", "tried", "trying", "attempt", "attempts", "attempted",
      "attempting", "sought"};
  if (ev.actor1 < 0 || !In(kAttemptVerbs, KeyAt(c, cue.first))) return false;
  const Mention& doer = c.s.mentions[ev.actor1];
  const uint32_t sentence_first = c.doc.sentences[si].first_token;
  if (cue.first > sentence_first && KeyAt(c, cue.first - 1) == "an") return false;
  return doer.last <= cue.first && cue.first - doer.last <= 3;
}

}  // namespace

namespace {

// "urged supporters to protest", "called on people to demonstrate": a protest asked of others has not happened.
bool RequestedOfOthers(const Context& c, uint32_t si, const Candidate& ev) {
  const SentenceLayers& L = c.s.layers[si];
  for (uint32_t e = L.events_begin; e < L.events_end; ++e) {
    const Candidate& other = c.s.events[e];
    if (&other != &ev && other.plover == Plover::kRequest && other.trigger_last <= ev.trigger_first &&
        ev.trigger_first - other.trigger_last <= 6) {
      return true;
    }
  }
  const uint32_t first = c.doc.sentences[si].first_token;
  for (uint32_t t = ev.trigger_first; t > first && ev.trigger_first - t < 6; --t) {
    std::string_view k = KeyAt(c, t - 1);
    if (k == "urged" || k == "urge" || k == "urges" || k == "called" || k == "calls" || k == "call" || k == "asked" ||
        k == "encouraged" || k == "invited" || k == "told") {
      return true;
    }
  }
  return false;
}

// "to VERB": after a verb of intent the event is planned ("agreed to withdraw", "vowed to retake"); after a verb
// of phase it happens ("began to withdraw"); anywhere else it is an aim ("an approach to combat the threat",
// "troops sent to retake"), not an event.
void InfinitiveEvents(Context& c, uint32_t si) {
  static constexpr std::array<std::string_view, 14> kPhase = {
      "began", "begin", "begins", "beginning", "started", "start", "starts", "starting", "continued", "continue",
      "continues", "continuing", "managed", "went"};
  static constexpr std::array<std::string_view, 39> kIntent = {
      "agreed", "agree", "agrees", "decided", "decides", "plans", "plan", "planned", "planning", "vowed", "vows",
      "pledged", "pledges", "threatened", "threatens", "ordered", "orders", "promised", "promises", "intends",
      "intend", "wants", "want", "expected", "set", "due", "able", "ready", "preparing", "prepares", "seeks",
      "aims", "voted", "votes", "vote", "announced", "announces", "decide", "hesitate"};
  auto& s = c.s;
  const text::Sentence& sent = c.doc.sentences[si];
  const SentenceLayers& L = s.layers[si];
  for (uint32_t e = L.events_begin; e < L.events_end; ++e) {
    Candidate& ev = s.events[e];
    if (!ev.alive || ev.trigger_first < sent.first_token + 2) continue;
    // "urges the islands to not sign a pact", "warned them not to attack": the same, past the negation.
    uint32_t to = ev.trigger_first - 1;
    if (KeyAt(c, to) == "not" && to > sent.first_token + 1) --to;
    // "deploys 200 troops to Kabul to help airlift nationals": "help" carries the infinitive.
    if (KeyAt(c, to) == "help" && to > sent.first_token + 1 && KeyAt(c, to - 1) == "to") --to;
    if (KeyAt(c, to) == "to" && to > sent.first_token && KeyAt(c, to - 1) == "not") --to;
    if (KeyAt(c, to) != "to" && !(KeyAt(c, to) == "not" && KeyAt(c, to + 1) == "to")) continue;
    if (to < sent.first_token + 1) continue;
    // "votes 325-184 to send troops": a tally between the verb and its infinitive.
    uint32_t verb = to - 1;
    while (verb > sent.first_token && to - verb < 5 &&
           (c.doc.tokens[verb].kind == text::kNumber || KeyAt(c, verb) == "-")) {
      --verb;
    }
    // "leaving the militants to burn down shops", "ordered troops to withdraw": the verb governs through its
    // object, the infinitive's doer.
    if (verb == to - 1) {
      for (uint32_t m = L.mentions_begin; m < L.mentions_end; ++m) {
        const Mention& object = s.mentions[m];
        if (object.last != to || object.first <= sent.first_token) continue;
        verb = object.first - 1;
        while (verb > sent.first_token && (KeyAt(c, verb) == "the" || KeyAt(c, verb) == "its" ||
                                           KeyAt(c, verb) == "their" || KeyAt(c, verb) == "his")) {
          --verb;
        }
        break;
      }
    }
    std::string_view before = KeyAt(c, verb);
    if (In(kPhase, before)) continue;
    // What the verb lets happen happens: "leaving the militants to burn down shops". (What it forces, "forcing
    // Russian forces to abandon the city", is the same act's outcome, told already.)
    static constexpr std::array<std::string_view, 10> kLetting = {
        "leaving", "left", "leaves", "allowing", "allowed", "allows", "letting", "enabling", "enabled", "enables"};
    if (In(kLetting, before)) continue;
    // "forces pushed to capture", "tried to storm": an attempt by its doer, already typed by ApplyModality.
    if (AttemptByDoer(c, si, Item{.first = to - 1, .last = to + 1}, ev)) continue;
    const bool through_not = to + 1 != ev.trigger_first;  // the negation is part of the infinitive
    if (!through_not && ev.modality != Modality::kAsserted && ev.modality != Modality::kClaimed) {
      continue;  // a cue decided
    }
    // "agree to establish relations", "agreed to share information": what is agreed is the agreement's content,
    // one event with the agreement.
    bool agreed_content = false;
    for (uint32_t a = L.events_begin; a < L.events_end; ++a) {
      const Candidate& agreement = s.events[a];
      if (a != e && agreement.alive && agreement.plover == Plover::kAgree && agreement.trigger_last == ev.trigger_first &&
          KeyAt(c, agreement.trigger_last - 1) == "to") {
        agreed_content = true;
      }
    }
    if (agreed_content && ev.sub == AcledSub::kNone) {
      ev.alive = false;
      continue;
    }
    if (In(kIntent, before)) {
      if (through_not) continue;  // "agreed not to attack": the negation stands
      ev.modality = before == "threatened" || before == "threatens" || before == "hesitate" ? Modality::kThreatened
                                                                                            : Modality::kPlanned;
    } else if (ev.plover == Plover::kProtest && !through_not && !RequestedOfOthers(c, si, ev)) {
      // "Six women climb the Shard to protest against Arctic drilling": climbing it is the protest.
    } else {
      ev.alive = false;
    }
  }
}

}  // namespace

namespace {

// "Vietnam accuses a Chinese vessel of firing on its boats": the accused is the doer of the event the accusation
// names, and the accuser is its source; the event is claimed, not asserted.
void AccusedDoers(Context& c, uint32_t si) {
  auto& s = c.s;
  const SentenceLayers& L = s.layers[si];
  for (uint32_t a = L.events_begin; a < L.events_end; ++a) {
    const Candidate& accusation = s.events[a];
    if (!accusation.alive || accusation.plover != Plover::kAccuse || accusation.voice != Voice::kActive) continue;
    if (accusation.actor2 < 0) continue;
    const Mention& accused = s.mentions[accusation.actor2];
    if (accused.first < accusation.trigger_last || accused.last >= c.doc.sentences[si].last_token) continue;
    if (KeyAt(c, accused.last) != "of") continue;
    for (uint32_t e = L.events_begin; e < L.events_end; ++e) {
      Candidate& ev = s.events[e];
      if (e == a || !ev.alive || ev.trigger_first <= accused.last || ev.trigger_first > accused.last + 3) continue;
      ev.actor1 = accusation.actor2;
      if (ev.actor2 == accusation.actor2) ev.actor2 = -1;
      if (ev.source < 0 && ev.source_last == 0 && accusation.actor1 >= 0) {
        ev.source = accusation.actor1;
        ev.source_first = s.mentions[accusation.actor1].first;
        ev.source_last = s.mentions[accusation.actor1].last;
      }
      if (ev.modality == Modality::kAsserted) ev.modality = Modality::kClaimed;
      break;
    }
  }
}

}  // namespace


// Violent events a narrator can say did not happen; talks, refusals and the like keep their negation.
static bool FamilyOfNegatable(const Candidate& e) { return e.plover == Plover::kAssault || e.sub != AcledSub::kNone; }

void ApplyModality(Context& c, uint32_t si) {
  auto& s = c.s;
  AccusedDoers(c, si);
  const text::Sentence& sent = c.doc.sentences[si];
  const SentenceLayers& L = s.layers[si];
  struct AtEnd {
    Context& c;
    uint32_t si;
    ~AtEnd() { InfinitiveEvents(c, si); }
  } at_end{c, si};
  for (uint32_t k = L.items_begin; k < L.items_end; ++k) {
    const Item& cue = s.items[k];
    if (cue.layer != Layer::kCue) continue;
    const lexicon::Cue& info = c.lex.cues()[cue.index];
    if (info.kind != CueKind::kModality && info.kind != CueKind::kNegation) continue;
    // The cue governs the first event whose trigger follows within a few words.
    for (uint32_t e = L.events_begin; e < L.events_end; ++e) {
      Candidate& ev = s.events[e];
      // The grounds of a charge may be a long noun phrase ('planning a "series of high-profile sabotage …"').
      const uint32_t reach = info.kind == CueKind::kModality && info.value == "charge" ? 9 : 4;
      if (ev.trigger_first < cue.last || ev.trigger_first > cue.last + reach) continue;
      // An act already folded into another still anchors the acts listed after it under the same grounds.
      const bool anchor_only = !ev.alive && info.kind == CueKind::kModality && info.value == "charge";
      if (!ev.alive && !anchor_only) continue;
      bool clause_break = false;
      for (uint32_t t = cue.last; t < ev.trigger_first; ++t) {
        std::string_view kk = KeyAt(c, t);
        if (kk == "," || kk == ";" || IsClauseBoundary(kk)) clause_break = true;
      }
      if (clause_break) continue;
      // "will not hesitate to strike": the negation of a hesitation asserts the readiness.
      if (info.kind == CueKind::kNegation && cue.last < sent.last_token && KeyAt(c, cue.last) == "hesitate") break;
      if (info.kind == CueKind::kNegation) {
        // "neither rocket was intercepted", "no one was killed": the report itself says, of no one, that it did
        // not happen, which is no event. So is a passive whose patient is negated ("neither rocket was
        // intercepted by Iron Dome"): nothing was done to any of them. A named doer's act that did not happen ("the
        // army did not attack") and a denial by someone stay, as denied events.
        std::string_view cue_word = KeyAt(c, cue.first);
        const bool patient_negated =
            ev.voice == Voice::kPassive && (cue_word == "neither" || cue_word == "none" || cue_word == "no");
        if (ev.source < 0 && ev.source_last == 0 && (ev.actor1 < 0 || patient_negated) && FamilyOfNegatable(ev)) {
          ev.alive = false;
          break;
        }
        ev.negated = true;
        if (ev.modality == Modality::kAsserted || ev.modality == Modality::kClaimed) ev.modality = Modality::kDenied;
      } else if (info.value == "purpose" && AttemptByDoer(c, si, cue, ev)) {
        // "Government forces push to capture a Houthi enclave", "gunmen tried to storm the base": the attempt
        // is itself the act. A push for ground that the sentence does not say was taken is a battle.
        if (ev.sub == AcledSub::kGovernmentRegainsTerritory || ev.sub == AcledSub::kNonStateOvertakesTerritory) {
          ev.sub = AcledSub::kArmedClash;
          const lexicon::TypeDefaults& d = c.lex.Defaults(ev.sub);
          ev.plover = d.plover;
          ev.cameo = d.cameo;
          ev.mode = &d.mode;
        } else if (ev.plover != Plover::kAssault) {
          ev.alive = false;
        }
      } else if (info.value == "purpose" || info.value == "charge") {
        // "in an offensive to retake X", "in a bid to end the siege": an aim, not an event.
        // "arrested on suspicion of murdering", "charged with kidnapping": the grounds of an arrest or a trial,
        // not an event reported by this sentence.
        ev.alive = false;
        // … nor are the acts listed with it ("planning sabotage and terrorist acts, including an attack on …",
        // "charged with kidnapping and murder").
        uint32_t last = ev.trigger_last;
        for (uint32_t f = e + 1; f < L.events_end; ++f) {
          Candidate& more = s.events[f];
          if (more.trigger_first < last || more.trigger_first > last + 10) break;
          bool linked = false, broken = false;
          for (uint32_t t = last; t < more.trigger_first; ++t) {
            std::string_view kk = KeyAt(c, t);
            if (kk == "and" || kk == "or" || kk == "including") linked = true;
            if (kk == ";" || kk == "." || IsClauseBoundary(kk)) broken = true;
          }
          if (!linked || broken) break;
          more.alive = false;
          last = more.trigger_last;
        }
      } else if (info.value == "planned") {
        ev.modality = Modality::kPlanned;
      } else if (info.value == "threatened") {
        ev.modality = Modality::kThreatened;
      } else if (info.value == "hypothetical") {
        ev.modality = Modality::kHypothetical;
      } else if (info.value == "conditional") {
        ev.alive = false;  // "if Israel attacked", "fears that Russia may invade": imagined, not reported
      }
      break;
    }
  }
  (void)sent;
}

}  // namespace sitrep::extract
