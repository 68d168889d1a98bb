#include "text/sentences.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "text/word_table.h"

namespace sitrep::text {
namespace {

// Words that, followed by a dot, rarely end a sentence. Keys are lower case without dots.
constexpr std::array<std::string_view, 62> kAbbreviations = {
    "mr",   "mrs",  "ms",   "dr",   "prof", "gen",  "lt",   "col",   "maj",  "capt", "cpt",  "sgt",  "cpl",
    "pvt",  "adm",  "cmdr", "brig", "gov",  "sen",  "rep",  "rev",   "hon",  "pres", "amb",  "sr",   "jr",
    "st",   "mt",   "ft",   "jan",  "feb",  "mar",  "apr",  "jun",   "jul",  "aug",  "sep",  "sept", "oct",
    "nov",  "dec",  "no",   "nos",  "vs",   "etc",  "al",   "approx", "inc", "corp", "ltd",  "co",   "dept",
    "univ", "ave",  "blvd", "est",  "fig",  "lieut", "supt", "insp", "sgt-maj", "messrs"};

// Capitalised words that start sentences after an abbreviation with a closing dot ("... the U.S. The strike").
constexpr std::array<std::string_view, 24> kSentenceStarters = {
    "the", "a", "an", "in", "on", "it", "he", "she", "they", "we", "but", "however", "this", "that",
    "these", "those", "there", "officials", "at", "after", "meanwhile", "i", "his", "their"};

// Both lists in one hash (text/word_table.h): one lookup per full stop instead of a scan of 62 words.
enum SentenceWordClass : uint32_t { kAbbreviationW = 1, kStarterW = 2 };
bool Is(std::string_view key, uint32_t cls) {
  static const WordTable table({{kAbbreviations, kAbbreviationW}, {kSentenceStarters, kStarterW}});
  return table.Has(key, cls);
}

bool IsTerminal(std::string_view key) { return key == "." || key == "!" || key == "?" || key == "\xE2\x80\xA6"; }

bool IsCloser(std::string_view key) { return key == "\"" || key == "'" || key == ")" || key == "]"; }

bool CanStartSentence(const Document& doc, const Token& t) {
  if (t.kind == kNumber) return true;
  if (t.kind == kPunct) {
    std::string_view k = doc.Key(t);
    return k == "\"" || k == "(" || k == "'" || k == "-";
  }
  return t.Has(kCapitalized) || t.Has(kAllCaps);
}

// "BEIRUT, Dec 11 (Reuters) -" or "KABUL -": all-caps place words at a paragraph start, then a dash within a
// dozen tokens. Returns the index one past the dash, or `first` when there is no dateline.
uint32_t DatelineEnd(const Document& doc, uint32_t first, uint32_t limit) {
  const auto& toks = doc.tokens;
  if (first >= limit || toks[first].kind != kWord || !toks[first].Has(kAllCaps) ||
      toks[first].end - toks[first].begin < 3) {
    return first;
  }
  for (uint32_t i = first + 1; i < limit && i < first + 14; ++i) {
    if (toks[i].Has(kLineStart)) return first;
    std::string_view k = doc.Key(toks[i]);
    if (k == "-" && toks[i].kind == kPunct) return i + 1;
    // "TAMPA, Fla. -": the dot of a short state abbreviation does not end the dateline.
    if (k == "." && i > first && toks[i - 1].Has(kCapitalized) && toks[i - 1].end - toks[i - 1].begin <= 5) continue;
    if (k == "." || k == "!" || k == "?") return first;
  }
  return first;
}

constexpr uint32_t kMaxSentenceTokens = 200;

}  // namespace

void SplitSentences(Document* doc) {
  doc->sentences.clear();
  const auto& toks = doc->tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  if (n == 0) return;

  uint32_t start = 0;
  uint32_t line_start = 0;
  auto close = [&](uint32_t end_tok, bool dateline) {
    if (end_tok <= start) return;
    Sentence s;
    s.first_token = start;
    s.last_token = end_tok;
    s.begin = toks[start].begin;
    s.end = toks[end_tok - 1].end;
    s.is_dateline = dateline;
    doc->sentences.push_back(s);
    start = end_tok;
  };

  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = toks[i];
    // No real sentence runs this long; a run-on (a table, a list, a page with no full stops) is cut so that the
    // per-sentence work of later stages stays bounded.
    if (i - start >= kMaxSentenceTokens) {
      close(i, false);
    }
    if (i > start && t.Has(kLineStart)) {
      const Token& prev = toks[i - 1];
      std::string_view pk = doc->Key(prev);
      bool short_line = (i - line_start) < 15;
      if (t.Has(kParaStart) || IsTerminal(pk) || IsCloser(pk) || (short_line && CanStartSentence(*doc, t))) {
        bool byline = doc->Key(toks[start]) == "by" && (i - start) < 15;
        close(i, byline);
      }
    }
    if (t.Has(kLineStart) || i == 0) {
      line_start = i;
      if (i == start) {
        uint32_t d = DatelineEnd(*doc, i, n);
        if (d != i) {
          close(d, true);
          i = d - 1;
          continue;
        }
      }
    }
    std::string_view key = doc->Key(t);
    bool terminal = t.kind == kPunct && IsTerminal(key);
    // An abbreviation token that carries its own closing dot ("U.S.") ends a sentence only before a typical
    // sentence starter.
    bool dotted_word = t.kind == kWord && doc->text[t.end - 1] == '.';
    if (!terminal && !dotted_word) continue;
    uint32_t j = i + 1;
    while (j < n && toks[j].kind == kPunct && IsCloser(doc->Key(toks[j])) && !toks[j].Has(kSpaceBefore)) ++j;
    if (j >= n) break;
    const Token& next = toks[j];
    if (next.Has(kLineStart)) continue;  // the line-start rule above decides
    if (!CanStartSentence(*doc, next)) continue;
    if (dotted_word) {
      if (next.kind != kWord || !Is(doc->Key(next), kStarterW)) continue;
    } else if (key == "." && i > start) {
      const Token& prev = toks[i - 1];
      std::string_view pk = doc->Key(prev);
      if (prev.end == t.begin && prev.kind == kWord) {
        if (Is(pk, kAbbreviationW)) continue;
        // Initials: a single capital letter ("George W. Bush").
        if (prev.end - prev.begin == 1 && prev.Has(kCapitalized)) continue;
      }
    }
    close(j, false);
    i = j - 1;
  }
  close(n, false);
}

}  // namespace sitrep::text
