// Document: one article, held once, annotated in place (spaCy's Doc, CoreNLP's Annotation).
//
// The repaired text is stored once; tokens and sentences are offsets into it, and their normalised match keys
// live in one shared buffer (`keys`). Later stages add their layers (lexicon matches, mentions, events) as
// records pointing into these. A Document is reused across articles by one thread: Clear() keeps capacity, so
// processing an article allocates nothing per token. Not thread-safe; one per worker.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::text {

enum TokenKind : uint8_t { kWord = 0, kNumber = 1, kPunct = 2 };

enum TokenFlag : uint16_t {
  kCapitalized = 1 << 0,   // first letter upper case
  kAllCaps = 1 << 1,       // has letters, none lower case ("IS", "U.S.", "BEIRUT")
  kHyphenBefore = 1 << 2,  // joined to the previous token by a hyphen ("al-Shabaab", "pro-Russian")
  kSpaceBefore = 1 << 3,   // whitespace precedes the token
  kLineStart = 1 << 4,     // first token after a newline
  kParaStart = 1 << 5,     // first token after a blank line (or of the text)
  kHasDigit = 1 << 6,      // contains a digit ("M23", "F-15E")
  kInQuote = 1 << 7,       // inside double quotes
  kHasUpper = 1 << 8,      // contains an upper-case letter anywhere
};

struct Token {
  uint32_t begin = 0;  // byte offsets into Document::text, [begin, end)
  uint32_t end = 0;
  uint32_t key_begin = 0;  // normalised key in Document::keys
  uint16_t key_len = 0;
  uint16_t flags = 0;
  uint32_t word_id = 0;  // vocabulary id given by the lexicon stage; 0 = not in any lexicon
  TokenKind kind = kWord;

  bool Has(TokenFlag f) const { return (flags & f) != 0; }
};

struct Sentence {
  uint32_t begin = 0;  // byte offsets into Document::text
  uint32_t end = 0;
  uint32_t first_token = 0;  // [first_token, last_token) into Document::tokens
  uint32_t last_token = 0;
  bool is_dateline = false;  // a dateline or byline, not prose
};

struct Document {
  // Metadata, from the input record or found in the text.
  std::string id;
  std::string title;
  std::string source;
  std::string url;
  std::string published;        // ISO date "YYYY-MM-DD" or empty when unknown
  std::string published_basis;  // "option", "record", "byline", "dateline" or empty

  std::string text;  // valid UTF-8 (repaired)
  std::string keys;  // token keys, concatenated
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<std::string> warnings;

  std::string_view TokenText(const Token& t) const {
    return std::string_view(text).substr(t.begin, t.end - t.begin);
  }
  // What keys.substr(key_begin, key_len) gives, without substr's exception path (Tokenize writes every key inside
  // `keys`; an offset past the end gives an empty key here), so that the rules, which ask for keys at every token,
  // inline it instead of calling an out-of-line copy.
  std::string_view Key(const Token& t) const {
    const size_t b = t.key_begin < keys.size() ? t.key_begin : keys.size();
    const size_t n = t.key_len < keys.size() - b ? t.key_len : keys.size() - b;
    return std::string_view(keys.data() + b, n);
  }
  std::string_view Slice(uint32_t begin, uint32_t end) const {
    return std::string_view(text).substr(begin, end - begin);
  }
  void Clear();
};

// Appends to *out the match key of a word: lower case, Latin diacritics folded, dots dropped, apostrophes
// unified. Used for text tokens and for lexicon phrases alike, so both sides agree.
void AppendKey(std::string_view word, std::string* out);

// The same key written at `out`, which must have room for word.size() bytes (a key is never longer than its
// word); returns the end of what was written. For callers that size their buffer once (Tokenize).
char* WriteKey(std::string_view word, char* out);

}  // namespace sitrep::text
