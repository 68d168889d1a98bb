#include "text/numbers.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "text/word_table.h"

namespace sitrep::text {
namespace {

constexpr int64_t kMaxValue = 1'000'000'000'000'000LL;

struct WordValue {
  std::string_view key;
  int64_t value;
};

// Sorted by key for binary search.
constexpr std::array<WordValue, 29> kNumberWords = {{
    {"eight", 8},     {"eighteen", 18}, {"eighty", 80},   {"eleven", 11},   {"fifteen", 15},  {"fifty", 50},
    {"five", 5},      {"forty", 40},    {"four", 4},      {"fourteen", 14}, {"nine", 9},      {"nineteen", 19},
    {"ninety", 90},   {"one", 1},       {"seven", 7},     {"seventeen", 17}, {"seventy", 70}, {"six", 6},
    {"sixteen", 16},  {"sixty", 60},    {"ten", 10},      {"thirteen", 13}, {"thirty", 30},   {"three", 3},
    {"twelve", 12},   {"twenty", 20},   {"two", 2},       {"zero", 0},      {"a", 1},
}};

constexpr std::array<WordValue, 5> kMultipliers = {{
    {"hundred", 100}, {"thousand", 1000}, {"million", 1'000'000}, {"billion", 1'000'000'000}, {"dozen", 12},
}};

constexpr std::array<WordValue, 7> kVague = {{
    {"dozens", 12}, {"scores", 20}, {"hundreds", 100}, {"thousands", 1000}, {"millions", 1'000'000},
    {"tens", 10}, {"score", 20},
}};

// Multi-word approximation prefixes, longest first.
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kApproxPrefixes = {{
    {"more", "than"}, {"at", "least"}, {"as", "many"}, {"up", "to"}, {"close", "to"}, {"upwards", "of"},
    {"in", "excess"}, {"fewer", "than"}, {"less", "than"}, {"an", "estimated"}, {"some", ""},
    {"about", ""}, {"around", ""}, {"over", ""}, {"nearly", ""}, {"almost", ""}, {"approximately", ""},
    {"roughly", ""}, {"estimated", ""}, {"approx", ""}, {"circa", ""}, {"under", ""},
}};

// First words of kApproxPrefixes, and "between".
constexpr std::array<std::string_view, 21> kApproxFirst = {
    "more", "at", "as", "up", "close", "upwards", "in", "fewer", "less", "an", "some", "about", "around", "over",
    "nearly", "almost", "approximately", "roughly", "estimated", "approx", "circa"};
constexpr std::array<std::string_view, 2> kApproxFirstMore = {"under", "between"};

constexpr std::array<std::string_view, 29> NumberWordKeys() {
  std::array<std::string_view, 29> keys{};
  for (size_t i = 0; i < kNumberWords.size(); ++i) keys[i] = kNumberWords[i].key;
  return keys;
}
constexpr std::array<std::string_view, 5> MultiplierKeys() {
  std::array<std::string_view, 5> keys{};
  for (size_t i = 0; i < kMultipliers.size(); ++i) keys[i] = kMultipliers[i].key;
  return keys;
}
constexpr std::array<std::string_view, 7> VagueKeys() {
  std::array<std::string_view, 7> keys{};
  for (size_t i = 0; i < kVague.size(); ++i) keys[i] = kVague[i].key;
  return keys;
}

// Class bits of the number vocabulary, so that the common case (a word that is none of these) costs one hash.
enum : uint32_t { kNumberWord = 1, kMultiplier = 2, kVagueWord = 4, kApproxWord = 8 };

// ParseNumberAt is asked at every token. Before hashing a word, one bit answers "could it start a number": a bit
// per (length, first byte, last byte) bucket, set for every number word, vague amount and approximator. A clear
// bit means none of them (no false negatives); a set bit still goes to the table.
constexpr size_t StartBucket(std::string_view k) {
  return (k.size() * 961 + static_cast<unsigned char>(k.front()) * 31 + static_cast<unsigned char>(k.back())) & 4095;
}
constexpr std::array<uint64_t, 64> MakeStartBits() {
  std::array<uint64_t, 64> bits{};
  auto set = [&](std::string_view k) { bits[StartBucket(k) >> 6] |= uint64_t{1} << (StartBucket(k) & 63); };
  for (const auto& w : kNumberWords) set(w.key);
  for (const auto& w : kVague) set(w.key);
  for (std::string_view k : kApproxFirst) set(k);
  for (std::string_view k : kApproxFirstMore) set(k);
  return bits;
}
constexpr std::array<uint64_t, 64> kStartBits = MakeStartBits();

const WordTable& NumberTable() {
  static constexpr std::array<std::string_view, 29> number_words = NumberWordKeys();
  static constexpr std::array<std::string_view, 5> multipliers = MultiplierKeys();
  static constexpr std::array<std::string_view, 7> vague = VagueKeys();
  static const WordTable table({{number_words, kNumberWord},
                                {multipliers, kMultiplier},
                                {vague, kVagueWord},
                                {kApproxFirst, kApproxWord},
                                {kApproxFirstMore, kApproxWord}});
  return table;
}

int64_t Lookup(const auto& table, std::string_view key) {
  for (const auto& w : table) {
    if (w.key == key) return w.value;
  }
  return -1;
}

int64_t MultiplierValue(std::string_view key) {
  return NumberTable().Has(key, kMultiplier) ? Lookup(kMultipliers, key) : -1;
}

int64_t VagueValue(std::string_view key) { return NumberTable().Has(key, kVagueWord) ? Lookup(kVague, key) : -1; }

int64_t SatMul(int64_t a, int64_t b) {
  if (a != 0 && b > kMaxValue / a) return kMaxValue;
  return std::min(a * b, kMaxValue);
}

// Parses digits with thousands separators and an optional decimal part. Returns -1 when not a number.
int64_t ParseDigits(std::string_view s, double* fraction) {
  int64_t v = 0;
  *fraction = 0;
  bool any = false;
  size_t i = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      v = v > kMaxValue / 10 ? kMaxValue : std::min(v * 10 + (c - '0'), kMaxValue);
      any = true;
    } else if (c == ',') {
      continue;
    } else if (c == '.') {
      break;
    } else {
      return -1;
    }
  }
  if (i < s.size()) {
    double scale = 0.1;
    for (++i; i < s.size(); ++i) {
      char c = s[i];
      if (c < '0' || c > '9') return -1;
      *fraction += (c - '0') * scale;
      scale /= 10;
    }
  }
  return any ? v : -1;
}

// Parses the core number (no prefix) at token i. Sets *end one past its last token.
bool ParseCore(const Document& doc, uint32_t i, uint32_t limit, NumberExpr* out, uint32_t* end) {
  const auto& toks = doc.tokens;
  if (i >= limit) return false;
  std::string_view key = doc.Key(toks[i]);
  int64_t value = -1;
  uint32_t j = i + 1;
  if (toks[i].kind == kNumber) {
    double fraction = 0;
    // The token text, not its key: keys drop dots (for "U.S."), which would turn "2.5" into 25.
    value = ParseDigits(doc.TokenText(toks[i]), &fraction);
    if (value < 0) return false;
    out->year_like = key.size() == 4 && value >= 1900 && value <= 2100 && fraction == 0;
    if (j < limit) {
      int64_t mult = MultiplierValue(doc.Key(toks[j]));
      if (mult > 1 && mult != 12) {
        // Saturating like the digits: "9999999999992.5 million" is the largest count, not past it (fuzzing).
        value = std::min(SatMul(value, mult) + static_cast<int64_t>(fraction * static_cast<double>(mult)), kMaxValue);
        out->year_like = false;
        ++j;
      }
    }
  } else if (toks[i].kind == kWord) {
    int64_t vague = VagueValue(key);
    if (vague > 0) {
      value = vague;
      // "tens of thousands", "hundreds of thousands"
      if (j + 1 < limit && doc.Key(toks[j]) == "of") {
        int64_t next = VagueValue(doc.Key(toks[j + 1]));
        if (next > 0) {
          value = SatMul(vague, next);
          j += 2;
        }
      }
      if (key == "tens" && value == 10) return false;  // "tens" alone is not an amount
      out->vague = true;
      out->approx = true;
    } else {
      value = NumberWordValue(key);
      if (value < 0) return false;
      if (key == "a") {
        // Only "a dozen", "a hundred", "a thousand".
        if (j >= limit || MultiplierValue(doc.Key(toks[j])) < 0) return false;
      }
      // twenty-five, one hundred twenty, two thousand five hundred, two dozen
      int64_t total = 0;
      int64_t group = value;
      while (j < limit) {
        std::string_view k = doc.Key(toks[j]);
        int64_t mult = MultiplierValue(k);
        if (mult > 0) {
          if (mult == 100 || mult == 12) group = SatMul(group == 0 ? 1 : group, mult);
          else {
            total += SatMul(group == 0 ? 1 : group, mult);
            group = 0;
          }
          ++j;
          continue;
        }
        if (k == "and" && j + 1 < limit && NumberWordValue(doc.Key(toks[j + 1])) > 0 &&
            doc.Key(toks[j + 1]) != "a" && group + total >= 100) {
          ++j;
          continue;
        }
        int64_t w = NumberWordValue(k);
        if (w > 0 && k != "a" && (toks[j].Has(kHyphenBefore) || (group % 100 == 0 && w < 100 && group > 0) ||
                                  (group == 0 && total > 0))) {
          group += w;
          ++j;
          continue;
        }
        break;
      }
      value = std::min(total + group, kMaxValue);
      if (j < limit && doc.Key(toks[j]) == "dozen") {
        value = SatMul(value, 12);
        ++j;
      }
    }
  } else {
    return false;
  }
  // Ranges: "50-60", "50 to 60", "50 or 60": keep the lower bound and mark approximate.
  if (j < limit && toks[j].Has(kHyphenBefore) && toks[j].kind == kNumber) {
    NumberExpr upper;
    uint32_t upper_end;
    if (ParseCore(doc, j, limit, &upper, &upper_end) && upper.value >= value) {
      out->approx = true;
      j = upper_end;
    }
  } else if (j + 1 < limit) {
    std::string_view k = doc.Key(toks[j]);
    if ((k == "-" || k == "to" || k == "or") && (toks[j + 1].kind == kNumber || NumberWordValue(doc.Key(toks[j + 1])) > 1)) {
      NumberExpr upper;
      uint32_t upper_end;
      if (ParseCore(doc, j + 1, limit, &upper, &upper_end) && !upper.vague && upper.value >= value) {
        out->approx = true;
        j = upper_end;
      }
    }
  }
  out->value = value;
  *end = j;
  return true;
}

}  // namespace

namespace {
// MaybeNumberWord's test, inlined where ParseNumberAt asks it of every token.
[[gnu::always_inline]] inline bool StartBit(std::string_view k) {
  if (k.empty()) return false;
  const size_t b = StartBucket(k);
  return ((kStartBits[b >> 6] >> (b & 63)) & 1) != 0;
}
}  // namespace

bool MaybeNumberWord(std::string_view k) { return StartBit(k); }

int64_t NumberWordValue(std::string_view key) {
  // Every number word starts with one of these letters and is at most 9 letters long.
  if (key.empty() || key.size() > 9) return -1;
  switch (key[0]) {
    case 'a': case 'e': case 'f': case 'n': case 'o': case 's': case 't': case 'z': break;
    default: return -1;
  }
  if (!NumberTable().Has(key, kNumberWord)) return -1;
  return Lookup(kNumberWords, key);
}

// Cheap rejection of words that cannot start a number expression (most tokens), before any table lookup.
[[gnu::always_inline]] inline bool CanStartNumber(const Token& t, std::string_view key) {
  if (t.kind == kNumber) return true;
  if (t.kind != kWord || key.empty() || key.size() > 13) return false;
  switch (key[0]) {
    case 'a': case 'b': case 'c': case 'd': case 'e': case 'f': case 'h': case 'i': case 'l': case 'm':
    case 'n': case 'o': case 'r': case 's': case 't': case 'u': case 'z':
      return true;
    default:
      return false;
  }
}

namespace {

// The body of ParseNumberAt once token i may start a number. Kept out of line so that the test in front, asked of
// every token by FindCounts and mostly false, is a small function (no registers to save, the tests inlined).
[[gnu::noinline]] bool ParseNumberFrom(const Document& doc, uint32_t i, uint32_t limit, NumberExpr* out);

}  // namespace

bool ParseNumberAt(const Document& doc, uint32_t i, uint32_t limit, NumberExpr* out) {
  const auto& toks = doc.tokens;
  if (i >= limit || !CanStartNumber(toks[i], doc.Key(toks[i]))) return false;
  // A word starts a number expression only when it is a number word, a vague amount or an approximator.
  if (toks[i].kind == kWord && (!StartBit(doc.Key(toks[i])) ||
                                 !NumberTable().Has(doc.Key(toks[i]), kNumberWord | kVagueWord | kApproxWord))) {
    return false;
  }
  return ParseNumberFrom(doc, i, limit, out);
}

namespace {

bool ParseNumberFrom(const Document& doc, uint32_t i, uint32_t limit, NumberExpr* out) {
  const auto& toks = doc.tokens;
  *out = NumberExpr();
  uint32_t core = i;
  bool approx = false;
  std::string_view k0 = doc.Key(toks[i]);
  const bool approx_word = toks[i].kind == kWord && NumberTable().Has(k0, kApproxWord);
  for (const auto& [first, second] : kApproxPrefixes) {
    if (!approx_word) break;
    if (k0 != first) continue;
    if (second.empty()) {
      core = i + 1;
    } else if (i + 1 < limit && doc.Key(toks[i + 1]) == second) {
      core = i + 2;
      if (first == "in" && core < limit && doc.Key(toks[core]) == "of") ++core;  // in excess of
    } else {
      continue;
    }
    approx = true;
    break;
  }
  // "between 50 and 60"
  if (!approx && k0 == "between") {
    core = i + 1;
    approx = true;
  }
  uint32_t end;
  if (!ParseCore(doc, core, limit, out, &end)) {
    if (core == i) return false;
    return false;
  }
  if (k0 == "between" && end + 1 < limit && doc.Key(toks[end]) == "and") {
    NumberExpr upper;
    uint32_t upper_end;
    if (ParseCore(doc, end + 1, limit, &upper, &upper_end)) end = upper_end;
  }
  out->first = i;
  out->last = end;
  out->value_token = core;
  out->approx = out->approx || approx;
  if (approx) out->year_like = false;
  return true;
}

}  // namespace

}  // namespace sitrep::text
