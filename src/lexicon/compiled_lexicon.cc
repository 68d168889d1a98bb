#include "lexicon/compiled_lexicon.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "lexicon/inflect.h"
#include "lexicon/lexicon_file.h"
#include "text/tokenizer.h"
#include "time/civil_date.h"

namespace sitrep::lexicon {
namespace {

uint64_t HashKey(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h | 1;  // never 0
}

// The vocabulary's hash (not the version's, which stays FNV-1a: it is printed in every output): a word at a time
// instead of a byte at a time, since every token of every article is looked up. Keys of 8+ bytes are read in 8-byte
// blocks (the last one overlapping), of 4-7 bytes as their first and last four, shorter ones byte by byte.
inline __attribute__((always_inline)) uint64_t VocabHash(std::string_view s) {
  auto mix = [](uint64_t h) {
    h *= 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
  };
  const char* p = s.data();
  const size_t n = s.size();
  uint64_t h = 0x2545F4914F6CDD1DULL ^ n;
  if (n >= 8) {
    uint64_t w;
    for (size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&w, p + i, 8);
      h = mix(h ^ w);
    }
    std::memcpy(&w, p + n - 8, 8);
    h = mix(h ^ w);
  } else if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    h = mix(h ^ (static_cast<uint64_t>(a) << 32 | b));
  } else {
    uint64_t w = 0;
    for (size_t i = 0; i < n; ++i) w = (w << 8) | static_cast<unsigned char>(p[i]);
    h = mix(h ^ w);
  }
  return mix(h) | 1;  // never 0
}

// a[0, n) == b[0, n): keys of up to 8 bytes (most words) compared as one or two loads instead of a memcmp call.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  if (n >= 4 && n <= 8) {
    uint32_t a0, a1, b0, b1;
    std::memcpy(&a0, a, 4);
    std::memcpy(&b0, b, 4);
    std::memcpy(&a1, a + n - 4, 4);
    std::memcpy(&b1, b + n - 4, 4);
    return a0 == b0 && a1 == b1;
  }
  if (n < 4) {
    for (size_t i = 0; i < n; ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }
  return std::memcmp(a, b, n) == 0;
}

size_t PowerOfTwoAtLeast(size_t n) {
  size_t p = 16;
  while (p < n) p <<= 1;
  return p;
}

// Countries whose names read with "the" inside canonical actor names ("Government of the United States").
bool TakesArticle(std::string_view name) {
  static constexpr std::string_view kWithThe[] = {
      "United States", "United Kingdom", "Philippines", "Netherlands", "Democratic Republic of the Congo",
      "Republic of the Congo", "Central African Republic", "United Arab Emirates", "Gambia", "Bahamas",
      "Comoros", "Maldives", "Seychelles", "Marshall Islands", "Solomon Islands", "Czech Republic",
      "Dominican Republic", "Vatican City", "Holy See"};
  return std::find(std::begin(kWithThe), std::end(kWithThe), name) != std::end(kWithThe);
}

}  // namespace

bool ParseDay(std::string_view iso, bool end, int32_t* day) {
  iso = Trim(iso);
  if (iso.empty()) return false;
  if (iso.size() == 4) {
    int y = 0;
    for (char c : iso) {
      if (c < '0' || c > '9') return false;
      y = y * 10 + (c - '0');
    }
    *day = end ? timeutil::DayFromCivil(y, 12, 31) : timeutil::DayFromCivil(y, 1, 1);
    return *day != timeutil::kUnknownDay;
  }
  if (iso.size() == 7 && iso[4] == '-') {  // YYYY-MM
    int y = 0, m = 0;
    for (size_t i = 0; i < 4; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      y = y * 10 + (iso[i] - '0');
    }
    for (size_t i = 5; i < 7; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      m = m * 10 + (iso[i] - '0');
    }
    if (m < 1 || m > 12) return false;
    *day = timeutil::DayFromCivil(y, m, end ? timeutil::DaysInMonth(y, m) : 1);
    return *day != timeutil::kUnknownDay;
  }
  *day = timeutil::ParseIsoDate(iso);
  return *day != timeutil::kUnknownDay;
}

struct CompiledLexicon::Builder {
  CompiledLexicon* lex = nullptr;
  std::unordered_map<std::string, uint32_t> vocab;  // build-time only
  std::vector<std::map<uint32_t, uint32_t>> children{1};  // node → word → child
  std::vector<std::vector<Sense>> node_senses{1};
  std::string hash_input;

  text::Document phrase_doc;  // reused by AddPhrase: one Document, not one per phrase
  std::string word_key;        // reused by WordId

  uint32_t WordId(std::string_view key) {
    // Look up before inserting: emplace would build (allocate) a node for every word of every phrase.
    word_key.assign(key);
    if (auto it = vocab.find(word_key); it != vocab.end()) return it->second;
    return vocab.emplace(word_key, static_cast<uint32_t>(vocab.size() + 1)).first->second;
  }

  // Adds one concrete phrase (already expanded). Returns an error for phrases that tokenize to nothing.
  Status AddPhrase(std::string_view phrase, Sense sense, const Record& rec) {
    CaseRule rule = sense.case_rule;
    if (!phrase.empty() && phrase[0] == '=') {
      rule = CaseRule::kExact;
      phrase.remove_prefix(1);
    }
    text::Document& doc = phrase_doc;
    doc.text.assign(phrase);
    text::Tokenize(&doc);
    if (doc.tokens.empty()) return Status::ParseError(rec.Where() + ": empty phrase");
    bool has_letter = false, has_lower = false;
    for (char c : phrase) {
      if ((c >= 'a' && c <= 'z')) has_lower = true;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) has_letter = true;
    }
    if (rule != CaseRule::kExact && has_letter && !has_lower) rule = CaseRule::kAllCaps;
    sense.case_rule = rule;
    if (rule == CaseRule::kExact) {
      std::string joined;
      for (const auto& t : doc.tokens) {
        joined.append(doc.TokenText(t));
        joined.push_back('\x1f');
      }
      sense.exact_text = static_cast<uint32_t>(lex->exact_texts_.size());
      lex->exact_texts_.push_back(std::move(joined));
    }
    uint32_t node = 0;
    for (const auto& t : doc.tokens) {
      uint32_t w = WordId(doc.Key(t));
      auto& kids = children[node];
      auto it = kids.find(w);
      if (it == kids.end()) {
        uint32_t child = static_cast<uint32_t>(children.size());
        kids.emplace(w, child);
        children.emplace_back();
        node_senses.emplace_back();
        node = child;
      } else {
        node = it->second;
      }
    }
    // The same phrase listed twice for the same entry (e.g. from inflection overlap) counts once.
    for (const auto& s : node_senses[node]) {
      if (s.kind == sense.kind && s.index == sense.index && s.case_rule == sense.case_rule) return Status::Ok();
    }
    node_senses[node].push_back(sense);
    lex->phrase_count_++;
    return Status::Ok();
  }

  Status AddPhrases(std::string_view field, Sense sense, bool verb, const Record& rec) {
    for (const auto& item : SplitList(field)) {
      std::string phrase = item;
      Sense s = sense;
      // Alias validity: "ISIS@2013.." or "Jabhat al-Nusra@2012..2016"
      if (size_t at = phrase.rfind('@'); at != std::string::npos) {
        std::string_view range = std::string_view(phrase).substr(at + 1);
        size_t dots = range.find("..");
        if (dots == std::string_view::npos) {
          return Status::ParseError(rec.Where() + ": validity '" + std::string(range) + "' must be FROM..TO");
        }
        int32_t d;
        if (dots > 0) {
          if (!ParseDay(range.substr(0, dots), false, &d)) {
            return Status::ParseError(rec.Where() + ": bad date in validity '" + std::string(range) + "'");
          }
          s.valid_from = d;
        }
        if (dots + 2 < range.size()) {
          if (!ParseDay(range.substr(dots + 2), true, &d)) {
            return Status::ParseError(rec.Where() + ": bad date in validity '" + std::string(range) + "'");
          }
          s.valid_to = d;
        }
        phrase = std::string(Trim(std::string_view(phrase).substr(0, at)));
      }
      for (const auto& form : ExpandPhrase(phrase, verb)) {
        if (Status st = AddPhrase(form, s, rec); !st.ok()) return st;
      }
    }
    return Status::Ok();
  }

  Status Read(const std::string& path, size_t min_fields, size_t max_fields, std::vector<Record>* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::NotFound(path + ": cannot open lexicon file");
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string content = ss.str();
    hash_input.append(path.substr(path.rfind('/') + 1));
    hash_input.append(content);
    return ParseRecords(path, content, min_fields, max_fields, out);
  }

  static CaseRule NameCase(std::string_view phrase) {
    // Proper names need a capital: lower-case "turkey", "chad" or "hope" are words, not actors.
    for (char c : phrase) {
      if (c == '=' || c == ' ') continue;
      return (c >= 'A' && c <= 'Z') || (static_cast<unsigned char>(c) >= 0xC3) ? CaseRule::kCapitalized
                                                                                 : CaseRule::kAny;
    }
    return CaseRule::kAny;
  }

  Status AddNames(std::string_view field, Sense sense, const Record& rec) {
    for (const auto& item : SplitList(field)) {
      Sense s = sense;
      s.case_rule = NameCase(item);
      if (Status st = AddPhrases(item, s, false, rec); !st.ok()) return st;
    }
    return Status::Ok();
  }

  Status LoadTypes(const std::string& dir) {
    std::vector<Record> recs;
    if (Status st = Read(dir + "/types.txt", 3, 5, &recs); !st.ok()) return st;
    lex->type_defaults_.assign(static_cast<size_t>(AcledSub::kCount), TypeDefaults{});
    for (const auto& r : recs) {
      AcledSub sub;
      if (!ParseAcledSub(r.Field(0), &sub)) {
        return Status::ParseError(r.Where() + ": unknown ACLED sub-event type '" + r.Field(0) + "'");
      }
      TypeDefaults d;
      if (!ParsePlover(r.Field(2), &d.plover)) {
        return Status::ParseError(r.Where() + ": unknown PLOVER type '" + r.Field(2) + "'");
      }
      d.cameo = static_cast<uint8_t>(std::atoi(r.Field(3).c_str()));
      d.mode = r.Field(4);
      lex->type_defaults_[static_cast<size_t>(sub)] = d;
    }
    return Status::Ok();
  }

  Status LoadCountries(const std::string& dir) {
    std::vector<Record> recs;
    if (Status st = Read(dir + "/countries.txt", 2, 5, &recs); !st.ok()) return st;
    for (const auto& r : recs) {
      if (r.Field(0).size() != 2) return Status::ParseError(r.Where() + ": ISO2 code must be two letters");
      Country c;
      c.iso2 = r.Field(0);
      c.name = r.Field(1);
      c.name_in_text = TakesArticle(c.name) ? "the " + c.name : c.name;
      uint32_t idx = static_cast<uint32_t>(lex->countries_.size());
      lex->countries_.push_back(c);
      Sense s{SenseKind::kCountry, CaseRule::kAny, idx};
      if (Status st = AddNames(r.Field(1), s, r); !st.ok()) return st;
      if (Status st = AddNames(r.Field(2), s, r); !st.ok()) return st;
      s.kind = SenseKind::kDemonym;
      if (Status st = AddNames(r.Field(3), s, r); !st.ok()) return st;
      s.kind = SenseKind::kMetonym;
      if (Status st = AddNames(r.Field(4), s, r); !st.ok()) return st;
    }
    return Status::Ok();
  }

  Status LoadActors(const std::string& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir + "/actors", ec)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
    }
    if (ec) return Status::NotFound(dir + "/actors: " + ec.message());
    std::sort(files.begin(), files.end());
    std::vector<Record> recs;
    for (const auto& f : files) {
      if (Status st = Read(f, 3, 5, &recs); !st.ok()) return st;
    }
    std::map<std::string, uint32_t> by_name;
    for (const auto& r : recs) {
      Actor a;
      a.name = r.Field(0);
      if (!ParseActorKind(r.Field(1), &a.kind)) {
        return Status::ParseError(r.Where() + ": unknown actor kind '" + r.Field(1) + "'");
      }
      a.country = r.Field(2);
      a.parent = r.Field(4);
      uint32_t idx;
      if (auto it = by_name.find(a.name); it != by_name.end()) {
        idx = it->second;  // a second line for the same actor adds aliases
      } else {
        idx = static_cast<uint32_t>(lex->actors_.size());
        by_name.emplace(a.name, idx);
        lex->actors_.push_back(a);
      }
      Sense s{SenseKind::kActor, CaseRule::kAny, idx};
      if (Status st = AddNames(r.Field(0), s, r); !st.ok()) return st;
      if (Status st = AddNames(r.Field(3), s, r); !st.ok()) return st;
    }
    return Status::Ok();
  }

  Status LoadPeople(const std::string& dir) {
    std::vector<Record> recs;
    if (Status st = Read(dir + "/people.txt", 2, 5, &recs); !st.ok()) return st;
    for (const auto& r : recs) {
      int actor = lex->FindActor(r.Field(1));
      if (actor < 0) {
        // People may stand for state actors that exist only as templates ("Government of Russia").
        Actor a;
        a.name = r.Field(1);
        a.kind = a.name.rfind("Military Forces of", 0) == 0 || a.name.rfind("Police Forces of", 0) == 0
                     ? ActorKind::kStateForces
                     : a.name.rfind("Government of", 0) == 0 ? ActorKind::kGovernment : ActorKind::kOther;
        // The longest country name that ends the actor's name ("Government of South Sudan" is SS, not SD).
        size_t best_len = 0;
        for (const auto& c : lex->countries_) {
          if (a.name.size() > c.name_in_text.size() && c.name_in_text.size() > best_len &&
              a.name.compare(a.name.size() - c.name_in_text.size(), std::string::npos, c.name_in_text) == 0 &&
              a.name[a.name.size() - c.name_in_text.size() - 1] == ' ') {
            a.country = c.iso2;
            best_len = c.name_in_text.size();
          }
        }
        actor = static_cast<int>(lex->actors_.size());
        lex->actors_.push_back(a);
      }
      Person p;
      p.name = r.Field(0);
      p.actor = static_cast<uint32_t>(actor);
      p.role = r.Field(2);
      uint32_t idx = static_cast<uint32_t>(lex->people_.size());
      lex->people_.push_back(p);
      Sense s{SenseKind::kPerson, CaseRule::kAny, idx};
      if (!r.Field(4).empty()) {
        std::string_view range = r.Field(4);
        size_t dots = range.find("..");
        int32_t d;
        if (dots == std::string_view::npos) return Status::ParseError(r.Where() + ": validity must be FROM..TO");
        if (dots > 0 && ParseDay(range.substr(0, dots), false, &d)) s.valid_from = d;
        if (dots + 2 < range.size() && ParseDay(range.substr(dots + 2), true, &d)) s.valid_to = d;
      }
      if (Status st = AddNames(r.Field(0), s, r); !st.ok()) return st;
      if (Status st = AddNames(r.Field(3), s, r); !st.ok()) return st;
    }
    return Status::Ok();
  }

  Status LoadAgents(const std::string& dir) {
    std::vector<Record> recs;
    if (Status st = Read(dir + "/agents.txt", 3, 4, &recs); !st.ok()) return st;
    for (const auto& r : recs) {
      Agent a;
      if (!ParseActorKind(r.Field(1), &a.kind)) {
        return Status::ParseError(r.Where() + ": unknown actor kind '" + r.Field(1) + "'");
      }
      a.templates = SplitList(r.Field(2));
      for (const auto& f : SplitList(r.Field(3))) {
        if (f == "armed") a.flags |= kAgentArmed;
        else if (f == "victim") a.flags |= kAgentVictim;
        else if (f == "home") a.flags |= kAgentHome;
        else if (f == "aerial") a.flags |= kAgentAerial;
        else if (f == "artillery") a.flags |= kAgentArtillery;
        else if (f == "naval") a.flags |= kAgentNaval;
        else if (f == "weak") a.flags |= kAgentWeak;
        else return Status::ParseError(r.Where() + ": unknown agent flag '" + f + "'");
      }
      auto list = SplitList(r.Field(0));
      a.head = list.empty() ? "" : list[0];
      uint32_t idx = static_cast<uint32_t>(lex->agents_.size());
      lex->agents_.push_back(a);
      if (Status st = AddPhrases(r.Field(0), Sense{SenseKind::kAgent, CaseRule::kAny, idx}, false, r); !st.ok()) {
        return st;
      }
    }
    return Status::Ok();
  }

  Status LoadTriggers(const std::string& dir) {
    std::vector<Record> recs;
    if (Status st = Read(dir + "/triggers.txt", 3, 7, &recs); !st.ok()) return st;
    for (const auto& r : recs) {
      Trigger t;
      t.line = r.line;
      const std::string& pos = r.Field(1);
      if (pos == "verb") t.verb = true;
      else if (pos != "noun") return Status::ParseError(r.Where() + ": pos must be 'verb' or 'noun', not '" + pos + "'");
      const std::string& type = r.Field(2);
      if (type == "@violence") t.cls = TriggerClass::kViolence;
      else if (type == "@territory") t.cls = TriggerClass::kTerritory;
      else if (type == "@protest") t.cls = TriggerClass::kProtest;
      else if (type.empty()) t.cls = TriggerClass::kNonAcled;
      else if (ParseAcledSub(type, &t.sub)) t.cls = TriggerClass::kFixed;
      else return Status::ParseError(r.Where() + ": unknown event type '" + type + "'");
      if (!r.Field(3).empty() && !ParsePlover(r.Field(3), &t.plover)) {
        return Status::ParseError(r.Where() + ": unknown PLOVER type '" + r.Field(3) + "'");
      }
      if (t.cls == TriggerClass::kNonAcled && t.plover == Plover::kNone) {
        return Status::ParseError(r.Where() + ": a trigger outside ACLED ('-') needs a PLOVER type");
      }
      if (!r.Field(4).empty()) {
        int cameo = std::atoi(r.Field(4).c_str());
        if (cameo < 1 || cameo > 20) return Status::ParseError(r.Where() + ": CAMEO root must be 01..20");
        t.cameo = static_cast<uint8_t>(cameo);
      }
      t.mode = r.Field(5);
      for (const auto& f : SplitList(r.Field(6))) {
        if (f == "weak") t.flags |= kTriggerWeak;
        else if (f == "passive_victim") t.flags |= kTriggerPassiveVictim;
        else if (f == "self") t.flags |= kTriggerSelf;
        else if (f == "reciprocal") t.flags |= kTriggerReciprocal;
        else if (f == "future") t.flags |= kTriggerFuture;
        else if (f == "instrument") t.flags |= kTriggerNeedsInstrument;
        else if (f == "mover") t.flags |= kTriggerMover;
        else return Status::ParseError(r.Where() + ": unknown trigger flag '" + f + "'");
      }
      auto list = SplitList(r.Field(0));
      t.lemma = list.empty() ? "" : list[0];
      if (!t.lemma.empty() && t.lemma.back() == '+') t.lemma.pop_back();
      uint32_t idx = static_cast<uint32_t>(lex->triggers_.size());
      lex->triggers_.push_back(t);
      if (Status st = AddPhrases(r.Field(0), Sense{SenseKind::kTrigger, CaseRule::kAny, idx}, t.verb, r); !st.ok()) {
        return st;
      }
    }
    return Status::Ok();
  }

  Status LoadInstruments(const std::string& dir) {
    std::vector<Record> recs;
    if (Status st = Read(dir + "/instruments.txt", 2, 3, &recs); !st.ok()) return st;
    for (const auto& r : recs) {
      Instrument in;
      if (!r.Field(1).empty() && !ParseAcledSub(r.Field(1), &in.sub)) {
        return Status::ParseError(r.Where() + ": unknown ACLED sub-event type '" + r.Field(1) + "'");
      }
      in.mode = r.Field(2);
      uint32_t idx = static_cast<uint32_t>(lex->instruments_.size());
      lex->instruments_.push_back(in);
      if (Status st = AddPhrases(r.Field(0), Sense{SenseKind::kInstrument, CaseRule::kAny, idx}, false, r);
          !st.ok()) {
        return st;
      }
    }
    return Status::Ok();
  }

  Status LoadCues(const std::string& dir) {
    std::vector<Record> recs;
    if (Status st = Read(dir + "/cues.txt", 2, 3, &recs); !st.ok()) return st;
    for (const auto& r : recs) {
      Cue c;
      const std::string& kind = r.Field(1);
      if (kind == "report") c.kind = CueKind::kReport;
      else if (kind == "modality") c.kind = CueKind::kModality;
      else if (kind == "negation") c.kind = CueKind::kNegation;
      else if (kind == "nonconflict") c.kind = CueKind::kNonConflict;
      else return Status::ParseError(r.Where() + ": unknown cue kind '" + kind + "'");
      c.value = r.Field(2);
      uint32_t idx = static_cast<uint32_t>(lex->cues_.size());
      lex->cues_.push_back(c);
      if (Status st = AddPhrases(r.Field(0), Sense{SenseKind::kCue, CaseRule::kAny, idx}, false, r); !st.ok()) {
        return st;
      }
    }
    return Status::Ok();
  }

  Status LoadRefiners(const std::string& dir) {
    std::vector<Record> recs;
    if (Status st = Read(dir + "/refiners.txt", 3, 3, &recs); !st.ok()) return st;
    for (const auto& r : recs) {
      Refiner ref;
      const std::string& applies = r.Field(1);
      if (applies == "@protest") ref.applies_to = TriggerClass::kProtest;
      else if (applies == "@violence") ref.applies_to = TriggerClass::kViolence;
      else if (applies == "@territory") ref.applies_to = TriggerClass::kTerritory;
      else return Status::ParseError(r.Where() + ": a refiner applies to @protest, @violence or @territory");
      if (!ParseAcledSub(r.Field(2), &ref.result)) {
        return Status::ParseError(r.Where() + ": unknown ACLED sub-event type '" + r.Field(2) + "'");
      }
      uint32_t idx = static_cast<uint32_t>(lex->refiners_.size());
      lex->refiners_.push_back(ref);
      if (Status st = AddPhrases(r.Field(0), Sense{SenseKind::kRefiner, CaseRule::kAny, idx}, true, r); !st.ok()) {
        return st;
      }
    }
    return Status::Ok();
  }

  void Freeze() {
    // Vocabulary table.
    size_t cap = PowerOfTwoAtLeast(vocab.size() * 2 + 1);
    lex->vocab_.assign(cap, VocabSlot{});
    lex->vocab_mask_ = cap - 1;
    for (const auto& [key, id] : vocab) {
      uint64_t h = VocabHash(key);
      size_t slot = h & lex->vocab_mask_;
      while (lex->vocab_[slot].id != 0) slot = (slot + 1) & lex->vocab_mask_;
      lex->vocab_[slot] = VocabSlot{h, static_cast<uint32_t>(lex->vocab_text_.size()),
                                    static_cast<uint32_t>(key.size()), id};
      lex->vocab_text_.append(key);
    }
    // Edge rows (std::map keeps each node's children sorted by word id).
    lex->edges_begin_.assign(children.size() + 1, 0);
    for (uint32_t node = 0; node < children.size(); ++node) {
      lex->edges_begin_[node] = static_cast<uint32_t>(lex->edge_words_.size());
      for (const auto& [word, child] : children[node]) {
        lex->edge_words_.push_back(word);
        lex->edge_children_.push_back(child);
      }
    }
    lex->edges_begin_[children.size()] = static_cast<uint32_t>(lex->edge_words_.size());
    lex->root_child_.assign(vocab.size() + 1, 0);
    for (const auto& [word, child] : children[0]) lex->root_child_[word] = child;
    // Senses, flattened per node.
    lex->node_senses_begin_.resize(node_senses.size() + 1);
    for (size_t n = 0; n < node_senses.size(); ++n) {
      lex->node_senses_begin_[n] = static_cast<uint32_t>(lex->senses_.size());
      lex->senses_.insert(lex->senses_.end(), node_senses[n].begin(), node_senses[n].end());
    }
    lex->node_senses_begin_[node_senses.size()] = static_cast<uint32_t>(lex->senses_.size());
    // Country codes, first of equals (as the scan in CountryByCode finds them).
    lex->country_by_code_.assign(26 * 26, -1);
    for (size_t i = lex->countries_.size(); i-- > 0;) {
      const std::string& code = lex->countries_[i].iso2;
      if (code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z') {
        lex->country_by_code_[static_cast<size_t>((code[0] - 'A') * 26 + (code[1] - 'A'))] = static_cast<int16_t>(i);
      }
    }
    lex->version_ = [&] {
      char buf[24];
      std::snprintf(buf, sizeof buf, "lex-%016llx", static_cast<unsigned long long>(HashKey(hash_input)));
      return std::string(buf);
    }();
  }
};

CompiledLexicon::CompiledLexicon() = default;
CompiledLexicon::~CompiledLexicon() = default;

Result<std::unique_ptr<CompiledLexicon>> CompiledLexicon::Load(const std::string& dir) {
  std::unique_ptr<CompiledLexicon> lex(new CompiledLexicon());
  Builder b;
  b.lex = lex.get();
  // Order matters only for people, who refer to actors by name.
  Status st = b.LoadTypes(dir);
  if (st.ok()) st = b.LoadCountries(dir);
  if (st.ok()) st = b.LoadActors(dir);
  if (st.ok()) st = b.LoadPeople(dir);
  if (st.ok()) st = b.LoadAgents(dir);
  if (st.ok()) st = b.LoadTriggers(dir);
  if (st.ok()) st = b.LoadInstruments(dir);
  if (st.ok()) st = b.LoadCues(dir);
  if (st.ok()) st = b.LoadRefiners(dir);
  if (!st.ok()) return st;
  b.Freeze();
  return lex;
}

// Inlined into AssignWordIds (its only caller, once per token): no call and no registers saved per token.
__attribute__((always_inline)) inline uint32_t CompiledLexicon::LookupWord(std::string_view key) const {
  uint64_t h = VocabHash(key);
  size_t slot = h & vocab_mask_;
  while (true) {
    const VocabSlot& s = vocab_[slot];
    if (s.id == 0) return 0;
    if (s.hash == h && s.length == key.size() && SameBytes(vocab_text_.data() + s.offset, key.data(), key.size())) {
      return s.id;
    }
    slot = (slot + 1) & vocab_mask_;
  }
}

uint32_t CompiledLexicon::Child(uint32_t node, uint32_t word) const {
  const uint32_t* first = edge_words_.data() + edges_begin_[node];
  const uint32_t* last = edge_words_.data() + edges_begin_[node + 1];
  const uint32_t* it = std::lower_bound(first, last, word);
  if (it == last || *it != word) return 0;
  return edge_children_[static_cast<size_t>(it - edge_words_.data())];
}

void CompiledLexicon::AssignWordIds(text::Document* doc) const {
  for (auto& t : doc->tokens) t.word_id = LookupWord(doc->Key(t));
}

bool CompiledLexicon::CaseOk(const text::Document& doc, const Sense& s, uint32_t first, uint32_t last) const {
  switch (s.case_rule) {
    case CaseRule::kAny:
      return true;
    case CaseRule::kCapitalized: {
      const auto& t = doc.tokens[first];
      return t.Has(text::kCapitalized) || t.Has(text::kAllCaps);
    }
    case CaseRule::kAllCaps:
      for (uint32_t i = first; i < last; ++i) {
        const auto& t = doc.tokens[i];
        if (t.kind == text::kWord && !t.Has(text::kAllCaps) && !t.Has(text::kHasDigit)) return false;
      }
      return true;
    case CaseRule::kExact: {
      std::string_view want = exact_texts_[s.exact_text];
      size_t pos = 0;
      for (uint32_t i = first; i < last; ++i) {
        std::string_view got = doc.TokenText(doc.tokens[i]);
        if (want.substr(pos, got.size()) != got) return false;
        pos += got.size() + 1;
      }
      return pos == want.size();
    }
  }
  return false;
}

void CompiledLexicon::MatchAt(const text::Document& doc, uint32_t i, uint32_t limit, int32_t day,
                              std::vector<Match>* out) const {
  const size_t first_out = out->size();
  uint32_t node = 0;
  for (uint32_t j = i; j < limit; ++j) {
    // A spaced dash inside a name ("Liberation Movement - North") reads as the hyphen of the lexicon phrase.
    // So do quotation marks a report puts around part of a phrase ('declares a "state of alert"').
    if (j > i && doc.tokens[j].kind == text::kPunct && (doc.Key(doc.tokens[j]) == "-" || doc.Key(doc.tokens[j]) == "\"")) {
      continue;
    }
    uint32_t w = doc.tokens[j].word_id;
    if (w == 0) break;
    node = j == i ? root_child_[w] : Child(node, w);
    if (node == 0) break;
    uint32_t b = node_senses_begin_[node], e = node_senses_begin_[node + 1];
    if (b == e) continue;
    // Keep only the senses whose case and date fit; record them as a compact run in the output.
    Match m{i, j + 1, b, e};
    bool any = false;
    for (uint32_t k = b; k < e; ++k) {
      const Sense& s = senses_[k];
      if (day != INT32_MIN && (day < s.valid_from || day > s.valid_to)) continue;
      if (!CaseOk(doc, s, i, j + 1)) continue;
      any = true;
      break;
    }
    if (any) out->push_back(m);
  }
  std::reverse(out->begin() + static_cast<std::ptrdiff_t>(first_out), out->end());  // longest first
}

const Country* CompiledLexicon::CountryByCode(std::string_view iso2) const {
  // Called for every actor and place mention: one table read for the usual upper-case code.
  if (iso2.size() == 2 && iso2[0] >= 'A' && iso2[0] <= 'Z' && iso2[1] >= 'A' && iso2[1] <= 'Z' &&
      !country_by_code_.empty()) {
    const int16_t i = country_by_code_[static_cast<size_t>((iso2[0] - 'A') * 26 + (iso2[1] - 'A'))];
    return i < 0 ? nullptr : &countries_[static_cast<size_t>(i)];
  }
  for (const auto& c : countries_) {
    if (c.iso2 == iso2) return &c;
  }
  return nullptr;
}

int CompiledLexicon::FindActor(std::string_view name) const {
  for (size_t i = 0; i < actors_.size(); ++i) {
    if (actors_[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace sitrep::lexicon
