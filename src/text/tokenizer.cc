#include "text/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "text/utf8.h"

namespace sitrep::text {
namespace {

enum CharClass : uint8_t { kSpace, kLetter, kDigit, kHyphen, kDash, kApostrophe, kDoubleQuote, kOther, kNewline };

// Classes of the ASCII code points, so that the common case is one table read.
constexpr std::array<CharClass, 128> MakeAsciiClasses() {
  std::array<CharClass, 128> t{};
  for (int cp = 0; cp < 128; ++cp) {
    CharClass c = kOther;
    if (cp == '\n') c = kNewline;
    else if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v') c = kSpace;
    else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) c = kLetter;
    else if (cp >= '0' && cp <= '9') c = kDigit;
    else if (cp == '-') c = kHyphen;
    else if (cp == '\'' || cp == '`') c = kApostrophe;
    else if (cp == '"') c = kDoubleQuote;
    t[cp] = c;
  }
  return t;
}
constexpr std::array<CharClass, 128> kAsciiClasses = MakeAsciiClasses();

// For the inner loop of a word: what each byte is when it is an ASCII letter or digit, 0 for any other byte
// (UTF-8 lead and continuation bytes included), so that a run of them is one table read per byte.
enum AsciiWordBit : uint8_t { kBitLetter = 1, kBitDigit = 2, kBitUpper = 4, kBitLower = 8 };
constexpr std::array<uint8_t, 256> MakeAsciiWordBits() {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 128; ++b) {
    if (b >= 'A' && b <= 'Z') t[b] = kBitLetter | kBitUpper;
    else if (b >= 'a' && b <= 'z') t[b] = kBitLetter | kBitLower;
    else if (b >= '0' && b <= '9') t[b] = kBitDigit;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kAsciiWordBits = MakeAsciiWordBits();

// ASCII letters and digits to their key bytes (lower case), for words made of nothing else.
constexpr std::array<char, 128> MakeAsciiLower() {
  std::array<char, 128> t{};
  for (int b = 0; b < 128; ++b) t[b] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
  return t;
}
constexpr std::array<char, 128> kAsciiLower = MakeAsciiLower();

// How a token's key is written: by WriteKey (any text), as a copy (ASCII letters and digits, no capital), or
// lower-cased byte by byte (ASCII letters and digits). The last two are what WriteKey writes for such words.
enum KeyMode : uint8_t { kKeyGeneral, kKeyCopy, kKeyLower };

CharClass ClassifyNonAscii(char32_t cp) {
  switch (cp) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0x200E: case 0x200F:
    case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E: case 0x2066:
    case 0x2067: case 0x2068: case 0x2069: case 0x00AD:
      return kSpace;
    case 0x2028: case 0x2029: case 0x0085:
      return kNewline;
    case 0x2010: case 0x2011:
      return kHyphen;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return kDash;
    case 0x2018: case 0x2019: case 0x02BC: case 0x02BB: case 0x2032:
      return kApostrophe;
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2033:
      return kDoubleQuote;
    case 0xFFFD:
      return kOther;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return kSpace;
  if ((cp >= 0x2016 && cp <= 0x206F) || (cp >= 0x00A1 && cp <= 0x00BF) || cp == 0x00D7 || cp == 0x00F7 ||
      (cp >= 0x3001 && cp <= 0x3003)) {
    return kOther;
  }
  return kLetter;  // all other scripts' letters, marks and symbols read as word characters
}

inline CharClass Classify(char32_t cp) { return cp < 0x80 ? kAsciiClasses[cp] : ClassifyNonAscii(cp); }

bool IsUpper(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;
  if (cp >= 0x100 && cp <= 0x17F) return (cp % 2) == 0;  // Latin Extended-A alternates upper/lower (mostly)
  if (cp >= 0x391 && cp <= 0x3A9) return true;
  if (cp >= 0x410 && cp <= 0x42F) return true;
  return false;
}

bool IsLower(char32_t cp) {
  if (cp >= 'a' && cp <= 'z') return true;
  if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) return true;
  if (cp >= 0x100 && cp <= 0x17F) return (cp % 2) == 1;
  if (cp >= 0x3B1 && cp <= 0x3C9) return true;
  if (cp >= 0x430 && cp <= 0x44F) return true;
  return false;
}

struct Cursor {
  const unsigned char* base;
  size_t pos;
  size_t size;
  char32_t Peek(int* len) const {
    if (pos >= size) {
      *len = 0;
      return 0;
    }
    char32_t cp;
    *len = DecodeUtf8(base + pos, &cp);
    return cp;
  }
  char32_t PeekAt(size_t at, int* len) const {
    if (at >= size) {
      *len = 0;
      return 0;
    }
    char32_t cp;
    *len = DecodeUtf8(base + at, &cp);
    return cp;
  }
};

}  // namespace

void Tokenize(Document* doc) {
  doc->tokens.clear();
  doc->keys.clear();
  const std::string& text = doc->text;
  Cursor cur{reinterpret_cast<const unsigned char*>(text.data()), 0, text.size()};
  uint16_t pending = kParaStart;
  int newlines = 0;
  bool in_quote = false;
  // Every key is at most as long as its token's text, and tokens do not overlap, so the keys fit in the text's
  // size: size the buffer once and write each key in place (cut to what was written at the end).
  doc->keys.resize(text.size());
  char* const keys_base = doc->keys.data();
  char* kp = keys_base;

  auto emit = [&](size_t begin, size_t end, TokenKind kind, uint16_t flags, KeyMode mode = kKeyGeneral) {
    Token t;
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    t.kind = kind;
    t.flags = flags | pending | (in_quote ? kInQuote : 0);
    t.key_begin = static_cast<uint32_t>(kp - keys_base);
    std::string_view word(text.data() + begin, end - begin);
    if (kind == kPunct) {
      // Unify quotes and dashes so that rules see one spelling.
      char32_t cp;
      DecodeUtf8(reinterpret_cast<const unsigned char*>(word.data()), &cp);
      CharClass cc = Classify(cp);
      if (cc == kDoubleQuote) *kp++ = '"';
      else if (cc == kApostrophe) *kp++ = '\'';
      else if (cc == kDash || cc == kHyphen) *kp++ = '-';
      else kp = std::copy(word.begin(), word.end(), kp);
    } else if (mode != kKeyGeneral && end + 8 <= text.size()) {
      // ASCII letters and digits only: the key is the word (kKeyCopy), or the word with bit 0x20 set in every
      // byte (kKeyLower: capitals lose it, digits and small letters have it), 8 bytes at a time. The last block
      // may run past the word: it reads text that exists (end + 8 <= size) and writes key bytes that the next key
      // or the final resize overwrite (keys are never longer than the text before them).
      const uint64_t lower = mode == kKeyLower ? 0x2020202020202020ULL : 0;
      for (size_t o = 0; o < word.size(); o += 8) {
        uint64_t w;
        std::memcpy(&w, word.data() + o, 8);
        w |= lower;
        std::memcpy(kp + o, &w, 8);
      }
      kp += word.size();
    } else if (mode == kKeyCopy) {
      kp = std::copy(word.begin(), word.end(), kp);
    } else if (mode == kKeyLower) {
      for (char ch : word) *kp++ = kAsciiLower[static_cast<unsigned char>(ch)];
    } else {
      kp = WriteKey(word, kp);
    }
    size_t key_len = static_cast<size_t>(kp - keys_base) - t.key_begin;
    if (key_len > 0xFFFF) {  // a pathological "word" (a megabyte of letters): keep a prefix as its key
      kp = keys_base + t.key_begin + 0xFFFF;
      key_len = 0xFFFF;
    }
    t.key_len = static_cast<uint16_t>(key_len);
    doc->tokens.push_back(t);
    pending = 0;
  };

  while (cur.pos < cur.size) {
    if (cur.base[cur.pos] == ' ') {  // the commonest byte: what the general case below does for it
      pending |= kSpaceBefore;
      ++cur.pos;
      continue;
    }
    int len;
    char32_t cp = cur.Peek(&len);
    CharClass cc = Classify(cp);
    if (cc == kSpace || cc == kNewline) {
      if (cc == kNewline) {
        ++newlines;
        pending |= kLineStart;
        if (newlines >= 2) pending |= kParaStart;
        in_quote = false;  // quotes do not run across paragraphs in news copy
      }
      pending |= kSpaceBefore;
      cur.pos += len;
      continue;
    }
    newlines = 0;
    size_t begin = cur.pos;

    if (cc == kLetter || cc == kDigit) {
      // A word or number: letters, digits, inner apostrophes, inner dots of abbreviations, number separators.
      bool has_letter = false, has_digit = false, has_upper = false, has_lower = false;
      bool first_upper = false;
      bool first = true;
      bool abbreviation = true;  // shape "X.Y." so far: single letters separated by dots
      int letters_since_dot = 0;
      size_t fast_bytes = 0;  // bytes read by the fast path: all of the word's when it is plain ASCII
      while (cur.pos < cur.size) {
        // Fast path: a run of ASCII letters and digits (most characters of English news) needs no decoding:
        // one table read per byte, the flags gathered for the whole run. The text's terminating NUL (a
        // std::string's) has no bits, so the run stops at the end without a bounds test.
        if (uint8_t bits = kAsciiWordBits[cur.base[cur.pos]]; bits != 0) {
          if (first && (bits & kBitUpper)) first_upper = true;
          size_t p = cur.pos;
          uint8_t seen = 0;
          do {
            seen |= bits;
            bits = kAsciiWordBits[cur.base[++p]];
          } while (bits != 0);
          has_letter |= (seen & kBitLetter) != 0;
          has_digit |= (seen & kBitDigit) != 0;
          has_upper |= (seen & kBitUpper) != 0;
          has_lower |= (seen & kBitLower) != 0;
          letters_since_dot += static_cast<int>(p - cur.pos);
          fast_bytes += p - cur.pos;
          if (letters_since_dot > 1) abbreviation = false;
          first = false;
          cur.pos = p;
          continue;
        }
        char32_t c = cur.Peek(&len);
        CharClass k = Classify(c);
        if (k == kLetter || k == kDigit) {
          if (k == kLetter) {
            has_letter = true;
            if (IsUpper(c)) {
              has_upper = true;
              if (first) first_upper = true;
            } else if (IsLower(c)) {
              has_lower = true;
            }
          } else {
            has_digit = true;
          }
          ++letters_since_dot;
          if (letters_since_dot > 1) abbreviation = false;
          first = false;
          cur.pos += len;
          continue;
        }
        int len2;
        char32_t next = cur.PeekAt(cur.pos + len, &len2);
        CharClass nk = len2 ? Classify(next) : kSpace;
        if (k == kApostrophe && nk == kLetter) {
          // "'s" possessive (and "s'") ends the word; inner apostrophes ("Kata'ib", "Sha'ar") stay.
          if ((next == 's' || next == 'S')) {
            int len3;
            char32_t after = cur.PeekAt(cur.pos + len + len2, &len3);
            CharClass ak = len3 ? Classify(after) : kSpace;
            if (ak != kLetter && ak != kDigit) break;
          }
          cur.pos += len;
          abbreviation = false;
          continue;
        }
        if ((c == ',' || c == '.') && has_digit && !has_letter && nk == kDigit) {
          cur.pos += len;  // 1,500 / 5.9
          continue;
        }
        if (c == '.' && abbreviation && letters_since_dot == 1 && has_letter) {
          // U.S. / U.N. / a.m. : keep the dot when another single letter follows, or when it closes such a run
          if (nk == kLetter) {
            int len3;
            char32_t after = cur.PeekAt(cur.pos + len + len2, &len3);
            CharClass ak = len3 ? Classify(after) : kSpace;
            if (ak == kLetter || ak == kDigit) break;  // "J.Smith": not an abbreviation run
            cur.pos += len;
            letters_since_dot = 0;
            continue;
          }
          // Closing dot of a run of two or more letters ("U.S." but not the sentence-final "A.").
          size_t run_len = cur.pos - begin;
          if (run_len >= 3) cur.pos += len;
          break;
        }
        break;
      }
      uint16_t flags = 0;
      if (first_upper) flags |= kCapitalized;
      if (has_upper) flags |= kHasUpper;
      if (has_letter && !has_lower && has_upper) flags |= kAllCaps;
      if (has_digit) flags |= kHasDigit;
      TokenKind kind = (has_digit && !has_letter) ? kNumber : kWord;
      emit(begin, cur.pos, kind, flags,
           fast_bytes != cur.pos - begin ? kKeyGeneral : has_upper ? kKeyLower : kKeyCopy);
      // A hyphen directly joining the next word ("al-Shabaab", "pro-Russian", "twenty-five") is not a token.
      int hl;
      char32_t h = cur.Peek(&hl);
      if (hl && Classify(h) == kHyphen) {
        int nl;
        char32_t n = cur.PeekAt(cur.pos + hl, &nl);
        CharClass nc = nl ? Classify(n) : kSpace;
        if (nc == kLetter || nc == kDigit) {
          cur.pos += hl;
          pending |= kHyphenBefore;
        }
      }
      continue;
    }

    // Possessive 's as its own token.
    if (cc == kApostrophe) {
      int len2;
      char32_t next = cur.PeekAt(cur.pos + len, &len2);
      if ((next == 's' || next == 'S') && !doc->tokens.empty() && doc->tokens.back().end == begin) {
        int len3;
        char32_t after = cur.PeekAt(cur.pos + len + len2, &len3);
        CharClass ak = len3 ? Classify(after) : kSpace;
        if (ak != kLetter && ak != kDigit) {
          cur.pos += len + len2;
          emit(begin, cur.pos, kWord, 0);
          continue;
        }
      }
    }
    if (cc == kDoubleQuote) {
      cur.pos += len;
      // A closing quote belongs to the quotation; an opening one starts it.
      if (in_quote) {
        emit(begin, cur.pos, kPunct, 0);
        in_quote = false;
      } else {
        in_quote = true;
        emit(begin, cur.pos, kPunct, 0);
      }
      continue;
    }
    cur.pos += len;
    emit(begin, cur.pos, kPunct, 0);
  }
  doc->keys.resize(static_cast<size_t>(kp - keys_base));
}

}  // namespace sitrep::text
