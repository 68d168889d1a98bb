#include "extract/counts.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "text/word_table.h"

namespace sitrep::extract {
namespace {

// The words of casualty reporting. They are English grammar of counting rather than knowledge of the world,
// so they live here beside the rules that read them.
constexpr std::array<std::string_view, 34> kKilledWords = {
    "killed", "kills", "kill", "killing", "dead", "deaths", "death", "died", "die", "dies", "dying", "fatalities",
    "bodies", "lives", "slain", "massacred", "executed", "beheaded", "perished", "martyred", "toll", "murdered",
    "murdering", "slaughtered", "lynched", "drowned", "fatality", "execute", "executes", "executing", "behead",
    "beheads", "beheading", "massacring"};
constexpr std::array<std::string_view, 11> kWoundedWords = {"wounded", "wounding", "injured", "injuring",
                                                            "injuries", "hurt",     "wounds",  "injures",
                                                            "injure",   "wound",    "maimed"};
constexpr std::array<std::string_view, 10> kArrestedWords = {"arrested", "arrests", "arresting", "detained",
                                                             "detaining", "detentions", "apprehended", "arrest",
                                                             "jailed", "detainees"};
constexpr std::array<std::string_view, 13> kCapturedWords = {
    "kidnapped", "kidnapping", "abducted", "abducting", "hostages", "hostage", "captive",
    "captives",  "captured",   "kidnaps",  "abducts",   "abduct",  "kidnap"};
constexpr std::array<std::string_view, 9> kDisplacedWords = {"displaced", "displacing", "fled", "flee", "fleeing",
                                                             "refugees", "homeless", "evacuated", "uprooted"};
constexpr std::array<std::string_view, 23> kStrikeNouns = {
    "strikes", "strike", "airstrikes", "airstrike", "raids", "raid", "sorties", "rockets", "rocket", "missiles",
    "missile", "shells", "shell", "mortars", "mortar", "bombs", "bomb", "projectiles", "munitions", "drones",
    "drone", "salvos", "rounds"};
constexpr std::array<std::string_view, 14> kTroopNouns = {
    "troops", "soldiers", "personnel", "servicemen", "marines", "paratroopers", "peacekeepers", "forces",
    "police", "policemen", "officers", "reservists", "sailors", "airmen"};
constexpr std::array<std::string_view, 9> kDestroyWords = {"destroyed", "destroying", "destroy", "downed",
                                                           "down", "disabled", "destroys", "wrecked", "razed"};
constexpr std::array<std::string_view, 26> kMateriel = {
    "tanks", "tank", "vehicles", "vehicle", "aircraft", "helicopters", "helicopter", "jets", "jet", "planes",
    "plane", "drones", "drone", "boats", "boat", "ships", "ship", "howitzers", "launchers", "launcher",
    "positions", "buildings", "houses", "homes", "trucks", "weapons"};
// Units after a number that make it a measure, not a count ("50 kilometers", "nine months", "33.5C").
constexpr std::array<std::string_view, 30> kUnits = {
    "km", "kilometers", "kilometres", "miles", "mile", "meters", "metres", "percent", "%", "years", "year",
    "months", "month", "weeks", "week", "days", "day", "hours", "hour", "minutes", "am", "pm", "gmt", "utc",
    "per", "magnitude", "degrees", "c", "f", "mm"};
// Modifiers allowed between a number and its noun ("300 suspected militants", "11 Russian tanks").
constexpr std::array<std::string_view, 18> kCountModifiers = {
    "suspected", "more", "other", "people", "armed", "unarmed", "innocent", "alleged", "of", "the", "their",
    "enemy", "foreign", "local", "additional", "american", "armored", "armoured"};

// Nouns a number may count besides people, weapons and materiel ("two police stations" counts nothing).
constexpr std::array<std::string_view, 37> kCountable = {
    "people", "others", "other", "persons", "person", "were", "was", "are", "is", "have", "had", "has",
    "died", "dead", "more", "and", "of", "in", "from", "bodies", "children", "adults", "crew", "members",
    "passengers", "workers", "staff", "students", "pilgrims", "tourists", "migrants", "villagers",
    "fishermen", "employees", "miners", "sailors", "worshippers"};

// One hash per key answers every list above (text/word_table.h): these words are looked up for every number.
enum WordClass : uint32_t {
  kKilledW = 1 << 0, kWoundedW = 1 << 1, kArrestedW = 1 << 2, kCapturedW = 1 << 3, kDisplacedW = 1 << 4,
  kStrikeW = 1 << 5, kTroopW = 1 << 6, kDestroyW = 1 << 7, kMaterielW = 1 << 8, kUnitW = 1 << 9,
  kModifierW = 1 << 10, kCountableW = 1 << 11,
};

uint32_t Classes(std::string_view k) {
  static const text::WordTable table({{kKilledWords, kKilledW},
                                      {kWoundedWords, kWoundedW},
                                      {kArrestedWords, kArrestedW},
                                      {kCapturedWords, kCapturedW},
                                      {kDisplacedWords, kDisplacedW},
                                      {kStrikeNouns, kStrikeW},
                                      {kTroopNouns, kTroopW},
                                      {kDestroyWords, kDestroyW},
                                      {kMateriel, kMaterielW},
                                      {kUnits, kUnitW},
                                      {kCountModifiers, kModifierW},
                                      {kCountable, kCountableW}});
  return table.Classes(k);
}

bool Is(std::string_view k, uint32_t classes) { return (Classes(k) & classes) != 0; }

struct WhatHit {
  CountWhat what = CountWhat::kNone;
  uint32_t at = 0;
};

CountWhat CasualtyWord(std::string_view k) {
  uint32_t c = Classes(k);
  if (c & kKilledW) return CountWhat::kKilled;
  if (c & kWoundedW) return CountWhat::kWounded;
  if (c & kArrestedW) return CountWhat::kArrested;
  if (c & kCapturedW) return CountWhat::kCaptured;
  if (c & kDisplacedW) return CountWhat::kDisplaced;
  return CountWhat::kNone;
}

bool StartsVerbTrigger(const Context& c, uint32_t si, uint32_t t) {
  const auto& L = c.s.layers[si];
  for (uint32_t k = L.items_begin; k < L.items_end; ++k) {
    const Item& it = c.s.items[k];
    if (it.first == t && it.layer == Layer::kTrigger && c.lex.triggers()[it.index].verb) return true;
  }
  return false;
}

bool IsEntityAt(const Context& c, uint32_t si, uint32_t t) {
  const auto& L = c.s.layers[si];
  for (uint32_t k = L.mentions_begin; k < L.mentions_end; ++k) {
    const Mention& m = c.s.mentions[k];
    if (t >= m.first && t < m.last) return true;
  }
  return false;
}

enum class Family { kViolence, kProtest, kMobilize, kArrest, kOther };

Family FamilyOf(const Candidate& e) {
  if (e.sub == AcledSub::kArrests) return Family::kArrest;
  if (e.plover == Plover::kMobilize || e.sub == AcledSub::kChangeToGroup) return Family::kMobilize;
  if (e.plover == Plover::kProtest) return Family::kProtest;
  if (e.plover == Plover::kAssault || e.sub != AcledSub::kNone) return Family::kViolence;
  return Family::kOther;
}

bool Compatible(CountWhat w, const Candidate& e) {
  Family f = FamilyOf(e);
  switch (w) {
    case CountWhat::kTroops: return f == Family::kMobilize || f == Family::kViolence;
    case CountWhat::kArrested: return f == Family::kArrest || f == Family::kProtest || f == Family::kViolence;
    case CountWhat::kStrikes: return f == Family::kViolence;
    case CountWhat::kOther: return f == Family::kProtest;  // a crowd's size
    case CountWhat::kKilled:
    case CountWhat::kWounded:
    case CountWhat::kCaptured:
    case CountWhat::kDestroyed:
      return f == Family::kViolence || f == Family::kProtest || f == Family::kArrest;
    default:
      return true;
  }
}

// What a harm event does to its victim, from its type and trigger word: killed, wounded, captured, arrested.
CountWhat SingularHarm(const Context& c, const Candidate& e) {
  if (e.sub == AcledSub::kAbduction) return CountWhat::kCaptured;
  if (e.sub == AcledSub::kArrests) return CountWhat::kArrested;
  if (e.plover != Plover::kAssault && e.plover != Plover::kProtest) return CountWhat::kNone;
  // "a fighter jet is shot down": an aircraft downed is destroyed, whatever verb downs it.
  for (uint32_t t = e.trigger_first + 1; t < e.trigger_last; ++t) {
    if (c.doc.Key(c.doc.tokens[t]) == "down") return CountWhat::kDestroyed;
  }
  for (uint32_t t = e.trigger_first; t < e.trigger_last; ++t) {
    std::string_view k = c.doc.Key(c.doc.tokens[t]);
    CountWhat w = CasualtyWord(k);
    if (w == CountWhat::kKilled || w == CountWhat::kWounded) return w;
    if ((k == "down" || k == "downs" || k == "downed") && t > e.trigger_first) return CountWhat::kDestroyed;
    if (k == "downed") return CountWhat::kDestroyed;
    if (k == "shot" || k == "assassinated" || k == "assassinate" || k == "beheads") return CountWhat::kKilled;
  }
  return CountWhat::kNone;
}

}  // namespace

void FindCounts(Context& c, uint32_t si) {
  auto& s = c.s;
  const text::Sentence& sent = c.doc.sentences[si];
  if (sent.is_dateline) return;
  auto key = [&](uint32_t t) { return t < sent.last_token ? c.doc.Key(c.doc.tokens[t]) : std::string_view(); };
  const size_t first_count = s.counts.size();


  for (uint32_t i = sent.first_token; i < sent.last_token; ++i) {
    text::NumberExpr num;
    if (!text::ParseNumberAt(c.doc, i, sent.last_token, &num)) continue;
    const uint32_t after = num.last;
    // Not counts: years, dates, measures, times, ordinal parts of names ("F-16"), the inside of a time phrase.
    bool skip = num.year_like;
    std::string_view next = key(after);
    if (Is(next, kUnitW)) skip = true;
    if (c.doc.tokens[num.value_token].Has(text::kHyphenBefore)) skip = true;
    if (num.value_token > sent.first_token) {
      std::string_view before = key(num.value_token - 1);
      if (timeutil::MonthFromKey(before) != 0 || before == "no" || before == "number" || before == "resolution" ||
          before == "article" || before == "route" || before == "highway" || before == "division" || before == "brigade") {
        skip = true;
      }
    }
    // "one of the", "one another": not a number of victims unless a casualty word is attached.
    if (key(num.value_token) == "one" && (next == "of" || next == "another")) skip = true;
    if (skip) {
      i = after - 1;
      continue;
    }

    // What is counted: the noun after the number.
    uint32_t noun = after;
    while (noun < sent.last_token && noun < after + 3 && Is(key(noun), kModifierW) && !IsEntityAt(c, si, noun)) {
      ++noun;
    }
    uint32_t of_first = 0, of_last = 0;
    CountWhat what = CountWhat::kNone;
    std::string_view nk = key(noun);
    // The noun may be an entity ("300 militants", "20 Syrian soldiers").
    for (uint32_t k = s.layers[si].mentions_begin; k < s.layers[si].mentions_end; ++k) {
      const Mention& m = s.mentions[k];
      // Only a mention that starts the counted phrase: in "260 rockets into Israel" Israel is not counted.
      bool preposition_between = false;
      for (uint32_t t = after; t < m.first && t < sent.last_token; ++t) {
        preposition_between |= IsPreposition(key(t)) && key(t) != "of";  // "hundreds of people"
      }
      if (m.first >= after && m.first <= after + 2 && !preposition_between) {
        of_first = m.first;
        of_last = m.last;
        nk = key(m.head);
        noun = m.head;
        break;
      }
    }
    // "three army vehicles", "two military trucks": a force's name before materiel counts the materiel.
    if (of_last != 0 && of_last < sent.last_token && Is(key(of_last), kMaterielW)) {
      noun = of_last;
      nk = key(noun);
      ++of_last;
    }
    if (of_last == 0 && (nk == "air" || nk == "drone" || nk == "missile" || nk == "rocket") &&
        Is(key(noun + 1), kStrikeW)) {
      of_first = noun;
      of_last = noun + 2;
      nk = key(noun + 1);
    }
    if (of_last == 0 && noun < sent.last_token && c.doc.tokens[noun].kind == text::kWord &&
        (Is(nk, kStrikeW) || Is(nk, kMaterielW) || Is(nk, kTroopW))) {
      of_first = noun;
      of_last = noun + 1;
      // "air strikes", "armored vehicles": two-word nouns.
      if (noun + 1 < sent.last_token && (Is(key(noun + 1), kStrikeW) || Is(key(noun + 1), kMaterielW))) {
        of_last = noun + 2;
        nk = key(noun + 1);
      }
    }
    // "two police stations", "three army posts": a people word modifying a place or a thing counts the thing.
    static constexpr std::array<std::string_view, 20> kThingHeads = {
        "station", "stations", "post", "posts", "headquarters", "checkpoint", "checkpoints", "building",
        "buildings", "camp", "camps", "compound", "compounds", "office", "offices", "barracks", "academy",
        "academies", "base", "bases"};
    // "two police stations", "three cities": a number of things that are neither people, weapons nor
    // materiel counts nothing here.
    if (of_last == 0 && noun < sent.last_token && c.doc.tokens[noun].kind == text::kWord) {
      std::string_view w = key(noun);
      if (!Is(w, kCountableW) && CasualtyWord(w) == CountWhat::kNone && !Is(w, kDestroyW) &&
          !(num.first > sent.first_token && CasualtyWord(key(num.first - 1)) != CountWhat::kNone)) {
        i = after - 1;
        continue;
      }
    }
    if (noun + 1 < sent.last_token && c.doc.tokens[noun].kind == text::kWord &&
        (of_last == 0 || of_last == noun + 1) &&
        std::find(kThingHeads.begin(), kThingHeads.end(), key(noun + 1)) != kThingHeads.end()) {
      i = after - 1;
      continue;
    }
    // Casualty word: to the right up to the next number or clause end, else just to the left.
    WhatHit hit;
    // "killing five", "killed 300 militants", "wounding 20": a harm verb right before the number.
    if (num.first > sent.first_token) {
      // "killing all seven militants", "killed all 16 passengers": "all" between the verb and its number.
      const uint32_t verb_at = key(num.first - 1) == "all" && num.first > sent.first_token + 1 ? num.first - 2
                                                                                                 : num.first - 1;
      std::string_view k = key(verb_at);
      CountWhat w = CasualtyWord(k);
      bool verb_form = k.size() > 4 && (k.substr(k.size() - 3) == "ing" || k.substr(k.size() - 2) == "ed");
      bool bare_verb = k == "kill" || k == "kills" || k == "injure" || k == "injures" || k == "wound" ||
                       k == "wounds" || k == "arrest" || k == "arrests" || k == "kidnap" || k == "abduct" ||
                       k == "abducts" || k == "kidnaps" || k == "detain" || k == "detains" || k == "execute" ||
                       k == "executes" || k == "behead" || k == "beheads";
      // "shoot dead two militants", "shot dead five": the verb is two words.
      const bool shot_dead = k == "dead" && num.first >= sent.first_token + 2 &&
                             (key(num.first - 2) == "shoot" || key(num.first - 2) == "shoots" ||
                              key(num.first - 2) == "shot" || key(num.first - 2) == "shooting");
      if (w != CountWhat::kNone && (verb_form || bare_verb || shot_dead)) hit = {w, verb_at};
      // "the death toll … rises to 23", "the toll stands at 40"
      if (hit.what == CountWhat::kNone && (k == "to" || k == "at" || k == "reached" || k == "reaches")) {
        for (uint32_t t = sent.first_token; t < num.first; ++t) {
          if (key(t) == "toll") hit = {CountWhat::kKilled, t};
        }
      }
    }
    uint32_t limit = std::min<uint32_t>(sent.last_token, after + 12);
    for (uint32_t t = after; t < limit && hit.what == CountWhat::kNone; ++t) {
      std::string_view k = key(t);
      // A later number ends the search unless it is coordinated with this one ("11 tanks and 31 vehicles
      // were destroyed"), in which case both share the verb that follows.
      bool number_here = t > after && (c.doc.tokens[t].kind == text::kNumber || text::NumberWordValue(k) > 1);
      if (number_here && !(key(t - 1) == "and" || key(t - 1) == ",")) break;
      if (k == ";" || k == "but" || k == "while") break;
      CountWhat w = CasualtyWord(k);
      // "315,000 demonstrators demand the freedom of jailed leaders": past the counted people's own verb, a
      // casualty word describes someone else.
      if (w == CountWhat::kNone && !Is(k, kDestroyW) && t > of_last && StartsVerbTrigger(c, si, t)) break;
      if (w == CountWhat::kCaptured && k == "captured" && of_last > 0 && Is(nk, kMaterielW)) w = CountWhat::kNone;
      if (w != CountWhat::kNone) {
        hit = {w, t};
        break;
      }
      if (Is(k, kDestroyW)) {
        hit = {CountWhat::kDestroyed, t};
        break;
      }
    }
    if (hit.what == CountWhat::kNone && num.first > sent.first_token && Is(key(num.first - 1), kDestroyW)) {
      hit = {CountWhat::kDestroyed, num.first - 1};  // "destroying 11 tanks"
    }
    // "death toll rose to 20", "the toll stands at 20"
    if (hit.what == CountWhat::kNone) {
      for (uint32_t t = num.first; t > sent.first_token && t + 6 > num.first; --t) {
        if (key(t - 1) == "toll") {
          hit = {CountWhat::kKilled, t - 1};
          break;
        }
      }
    }
    what = hit.what;
    // "six children and seven women were among the dead": a part of a total already counted.
    if (hit.what != CountWhat::kNone && hit.at >= sent.first_token + 2 && key(hit.at - 1) == "the" &&
        key(hit.at - 2) == "among") {
      i = after - 1;
      continue;
    }
    if (of_last > 0 && Is(nk, kStrikeW) && what != CountWhat::kDestroyed) {
      // "64 air strikes killed 300": the number counts strikes; the casualty word belongs to the next number.
      what = CountWhat::kStrikes;
    }
    if (what == CountWhat::kDestroyed && !(of_last > 0 && (Is(nk, kMaterielW) || Is(nk, kStrikeW)))) {
      what = CountWhat::kNone;
    }
    if (what == CountWhat::kNone && of_last > 0 && Is(nk, kTroopW)) {
      // Troop numbers count only beside a deployment.
      for (uint32_t k = s.layers[si].events_begin; k < s.layers[si].events_end; ++k) {
        if (s.events[k].alive && FamilyOf(s.events[k]) == Family::kMobilize) what = CountWhat::kTroops;
      }
    }
    // "315,000 demonstrators in Barcelona demand ...", "some 4,000 Palestinians hold violent protests": the size
    // of a demonstration's crowd.
    if (what == CountWhat::kNone && of_last > 0) {
      for (uint32_t m = s.layers[si].mentions_begin; m < s.layers[si].mentions_end; ++m) {
        const Mention& crowd = s.mentions[m];
        if (crowd.first != of_first) continue;
        const bool protesters = crowd.kind == ActorKind::kProtesters;
        bool protest_follows = false;
        for (uint32_t k = s.layers[si].events_begin; k < s.layers[si].events_end; ++k) {
          const Candidate& e = s.events[k];
          // The crowd is the demonstration's subject; "the murder of 43 students" before it is not.
          const bool subject_position = crowd.first == sent.first_token || num.first == sent.first_token ||
                                        (num.first > sent.first_token && key(num.first - 1) != "of");
          protest_follows |= e.alive && FamilyOf(e) == Family::kProtest && subject_position &&
                             (e.actor1 == static_cast<int32_t>(m) ||
                              (e.trigger_first >= crowd.last && e.trigger_first <= crowd.last + 4));
        }
        if (protest_follows && (protesters || crowd.kind == ActorKind::kCivilians)) what = CountWhat::kOther;
      }
    }
    if (what == CountWhat::kNone) {
      i = after - 1;
      continue;
    }
    CountMention cm;
    cm.number = num;
    cm.what = what;
    cm.of_first = of_first;
    cm.of_last = of_last;
    cm.sentence = si;
    // "two more civilians": "more" is inside the count's phrase, not an approximation.
    // Attach to the nearest compatible event of the sentence.
    uint32_t best_d = UINT32_MAX;
    for (uint32_t k = s.layers[si].events_begin; k < s.layers[si].events_end; ++k) {
      const Candidate& e = s.events[k];
      if (!e.alive || !Compatible(what, e)) continue;
      uint32_t d = e.trigger_first > num.first ? e.trigger_first - num.first : num.first - e.trigger_first;
      // "killing one sailor and abducting seven": the dead belong to the attack, the captives to the abduction.
      const bool taking_people = e.sub == AcledSub::kAbduction || e.sub == AcledSub::kArrests;
      if ((what == CountWhat::kKilled || what == CountWhat::kWounded) && taking_people) d += 32;
      if ((what == CountWhat::kCaptured || what == CountWhat::kArrested) && !taking_people) d += 32;
      if (d < best_d) {
        best_d = d;
        cm.event = static_cast<int32_t>(k);
      }
    }
    if (cm.event < 0) {
      // A number beside an event noun that refers back ("killed in the clash") belongs to that earlier event.
      for (uint32_t k = s.layers[si].events_begin; k < s.layers[si].events_end; ++k) {
        const Candidate& e = s.events[k];
        if (!e.alive && e.copied_from >= 0 && s.events[e.copied_from].alive && Compatible(what, s.events[e.copied_from])) {
          cm.event = e.copied_from;
        }
      }
    }
    s.counts.push_back(cm);
    i = after - 1;
  }

  // "A judge was killed", "gunmen kidnap a Scottish man", "Yonatan Steinberg is killed": one named or
  // indefinite victim counts as one, as ACLED codes it.
  for (uint32_t k = s.layers[si].events_begin; k < s.layers[si].events_end; ++k) {
    const Candidate& e = s.events[k];
    // "Yonatan Steinberg is killed during clashes with Hamas": the harm folded into the clash counts for it.
    int32_t owner = static_cast<int32_t>(k);
    if (!e.alive) {
      if (e.copied_from < static_cast<int32_t>(s.layers[si].events_begin) || !s.events[e.copied_from].alive ||
          e.negated) {
        continue;
      }
      owner = e.copied_from;
    }
    CountWhat what = SingularHarm(c, e);
    if (what == CountWhat::kNone) continue;
    if (owner != static_cast<int32_t>(k) && !Compatible(what, s.events[owner])) continue;
    bool counted = false;
    for (size_t q = first_count; q < s.counts.size(); ++q) {
      if ((s.counts[q].event == static_cast<int32_t>(k) || s.counts[q].event == owner) && s.counts[q].what == what) {
        counted = true;
      }
    }
    if (e.actor2 < 0) {
      // No participant mention, but a singular noun phrase in the victim's slot: "shoots down a Syrian
      // warplane", "A security agent serving for the embassy is kidnapped".
      if (counted) continue;
      uint32_t article = UINT32_MAX;
      if (e.voice == Voice::kPassive) {
        if (key(sent.first_token) == "a" || key(sent.first_token) == "an") article = sent.first_token;
        // "Yonatan Steinberg, commander of …, is killed": a person's name the lexicons do not know.
        uint32_t t = sent.first_token;
        while (t < sent.last_token && t < e.trigger_first && c.doc.tokens[t].kind == text::kWord &&
               c.doc.tokens[t].Has(text::kCapitalized) && !c.doc.tokens[t].Has(text::kAllCaps) && key(t) != "the") {
          ++t;
        }
        if (article == UINT32_MAX && t >= sent.first_token + 2 && t < e.trigger_first && !IsEntityAt(c, si, sent.first_token) &&
            (key(t) == "," || key(t) == "is" || key(t) == "was")) {
          CountMention cm;
          cm.number.first = sent.first_token;
          cm.number.last = t;
          cm.number.value_token = sent.first_token;
          cm.number.value = 1;
          cm.what = what;
          cm.of_first = sent.first_token;
          cm.of_last = t;
          cm.event = owner;
          cm.sentence = si;
          s.counts.push_back(cm);
          continue;
        }
      } else if (e.voice == Voice::kActive && e.trigger_last < sent.last_token) {
        if (key(e.trigger_last) == "a" || key(e.trigger_last) == "an") article = e.trigger_last;
      }
      if (article == UINT32_MAX) continue;
      uint32_t end = article + 1;
      while (end < sent.last_token && end < article + 6 && c.doc.tokens[end].kind != text::kPunct &&
             !IsPreposition(key(end)) && key(end) != "is" && key(end) != "was" && key(end) != "who" &&
             key(end) != "that" && key(end) != "and") {
        ++end;
      }
      if (end == article + 1 || key(end - 1).back() == 's') continue;  // nothing named, or a plural
      // "A soldier and a protester are killed": two singular victims.
      int64_t victims = 1;
      if (end + 1 < sent.last_token && key(end) == "and") {
        uint32_t second = end + 1;
        if (key(second) == "a" || key(second) == "an") ++second;
        uint32_t second_end = second;
        while (second_end < sent.last_token && second_end < second + 3 && c.doc.tokens[second_end].kind == text::kWord &&
               key(second_end) != "is" && key(second_end) != "are" && key(second_end) != "was" &&
               key(second_end) != "were" && !IsPreposition(key(second_end))) {
          ++second_end;
        }
        if (second_end > second && key(second_end - 1).back() != 's' && second_end < sent.last_token &&
            (key(second_end) == "are" || key(second_end) == "were")) {
          victims = 2;
          end = second_end;
        }
      }
      CountMention cm;
      cm.number.first = article;
      cm.number.last = end;
      cm.number.value_token = article;
      cm.number.value = victims;
      cm.what = what;
      cm.of_first = article + 1;
      cm.of_last = end;
      cm.event = owner;
      cm.sentence = si;
      s.counts.push_back(cm);
      continue;
    }
    const Mention& victim = s.mentions[e.actor2];
    // "attacked a police patrol": the mention modifies an act noun; it counts no one.
    bool modifies_act = false;
    for (uint32_t q = s.layers[si].items_begin; q < s.layers[si].items_end; ++q) {
      modifies_act |= s.items[q].layer == Layer::kTrigger && s.items[q].first == victim.last;
    }
    if (modifies_act) continue;
    // The article may stand before adjectives the mention leaves out ("a Scottish man", "a senior judge").
    uint32_t article = victim.first;
    while (article > sent.first_token && victim.first - article < 3 &&
           c.doc.tokens[article - 1].kind == text::kWord && key(article - 1) != "a" && key(article - 1) != "an" &&
           !IsPreposition(key(article - 1)) && CasualtyWord(key(article - 1)) == CountWhat::kNone &&
           (victim.first < e.trigger_first || article - 1 >= e.trigger_last)) {
      --article;
    }
    bool indefinite = article > sent.first_token && (key(article - 1) == "a" || key(article - 1) == "an") &&
                      key(victim.head).back() != 's';
    bool named = victim.mkind == MentionKind::kPerson;
    // "A soldier and (a) protester are killed": the victim is the second of two singular nouns.
    int64_t victims = 1;
    uint32_t first_victim = indefinite ? article - 1 : victim.first;
    if (!indefinite && !named && e.actor2 > static_cast<int32_t>(s.layers[si].mentions_begin)) {
      const Mention& before = s.mentions[e.actor2 - 1];
      uint32_t link = article;
      if (link > sent.first_token && (key(link - 1) == "a" || key(link - 1) == "an")) --link;
      if (link > sent.first_token + 1 && key(link - 1) == "and" && before.last + 1 == link &&
          key(before.head).back() != 's' && key(victim.head).back() != 's' && before.first > sent.first_token &&
          (key(before.first - 1) == "a" || key(before.first - 1) == "an")) {
        indefinite = true;
        victims = 2;
        first_victim = before.first - 1;
      }
    } else if (indefinite && std::any_of(c.doc.tokens.begin() + article, c.doc.tokens.begin() + victim.first,
                                         [&](const text::Token& tok) { return c.doc.Key(tok) == "and"; })) {
      victims = 2;  // "A soldier and protester": the article walked back over the first noun
    } else if (indefinite && e.actor2 > static_cast<int32_t>(s.layers[si].mentions_begin)) {
      const Mention& before = s.mentions[e.actor2 - 1];
      if (article - 1 > sent.first_token + 1 && key(article - 2) == "and" && before.last + 1 == article - 1 &&
          key(before.head).back() != 's' && before.first > sent.first_token &&
          (key(before.first - 1) == "a" || key(before.first - 1) == "an")) {
        victims = 2;
        first_victim = before.first - 1;
      }
    }
    if (counted || !(indefinite || named)) continue;
    CountMention cm;
    cm.number.first = first_victim;
    cm.number.last = victim.last;
    cm.number.value_token = cm.number.first;
    cm.number.value = victims;
    cm.what = what;
    cm.of_first = victim.first;
    cm.of_last = victim.last;
    cm.event = owner;
    cm.sentence = si;
    s.counts.push_back(cm);
  }

  // Counts with no event in their sentence follow the previous sentence's event when they report harm
  // ("At least 20 people died.").
  for (size_t k = first_count; k < s.counts.size(); ++k) {
    CountMention& cm = s.counts[k];
    if (cm.event >= 0 || si == 0) continue;
    if (cm.what != CountWhat::kKilled && cm.what != CountWhat::kWounded && cm.what != CountWhat::kCaptured &&
        cm.what != CountWhat::kDestroyed) {
      continue;
    }
    if (c.doc.tokens[sent.first_token].Has(text::kParaStart)) continue;
    // The latest compatible event, preferring one whose kind of harm matches: the dead of "Five attackers are
    // also killed" after "... killed and others are kidnapped as militants attack" go to the attack.
    int32_t fallback = -1;
    for (int32_t e = static_cast<int32_t>(s.layers[si - 1].events_end) - 1;
         e >= static_cast<int32_t>(s.layers[si - 1].events_begin); --e) {
      const Candidate& prev = s.events[e];
      if (!prev.alive || !Compatible(cm.what, prev)) continue;
      const bool taking_people = prev.sub == AcledSub::kAbduction || prev.sub == AcledSub::kArrests;
      const bool matches = (cm.what == CountWhat::kCaptured) == taking_people;
      if (matches) {
        cm.event = e;
        break;
      }
      if (fallback < 0) fallback = e;
    }
    if (cm.event < 0) cm.event = fallback;
  }
}

}  // namespace sitrep::extract
