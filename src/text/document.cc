#include "text/document.h"

#include <array>

#include "text/utf8.h"

namespace sitrep::text {

void Document::Clear() {
  id.clear();
  title.clear();
  source.clear();
  url.clear();
  published.clear();
  published_basis.clear();
  text.clear();
  keys.clear();
  tokens.clear();
  sentences.clear();
  warnings.clear();
}

namespace {
// Folding of Latin-1 Supplement and Latin Extended-A letters to their ASCII base (lower case). Covers the
// diacritics of transliterated names in English news (Türkiye, Hervé, Genève, Erdoğan, Łódź, Goïta).
char FoldLatin(char32_t cp) {
  static constexpr char kLatin1[] =  // U+00C0..U+00FF
      "aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuyty";
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) {
    static constexpr char kExtA[] =  // U+0100..U+017F
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
        "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    return kExtA[cp - 0x100];
  }
  return 0;
}
constexpr std::array<char, 128> MakeAsciiKey() {
  std::array<char, 128> t{};
  for (int b = 0; b < 128; ++b) t[b] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
  return t;
}
constexpr std::array<char, 128> kAsciiKey = MakeAsciiKey();
}  // namespace

void AppendKey(std::string_view word, std::string* out) {
  // A key is never longer than its word (dots are dropped, multi-byte apostrophes and Latin letters fold to one
  // byte, anything else is copied): write into room for the whole word, then cut to what was written.
  const size_t old_size = out->size();
  out->resize(old_size + word.size());
  char* o = WriteKey(word, out->data() + old_size);
  out->resize(static_cast<size_t>(o - out->data()));
}

char* WriteKey(std::string_view word, char* o) {
  const auto* p = reinterpret_cast<const unsigned char*>(word.data());
  const auto* end = p + word.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      // Branch-free: write the byte (lower-cased), then keep it unless it is a dot.
      *o = kAsciiKey[c];
      o += c != '.';
      ++p;
      continue;
    }
    // Found by fuzz/gazetteer_fuzzer: a name cut inside a multi-byte sequence (Gazetteer::NameKey takes any
    // bytes) made the decoder read past the end; check the length before decoding.
    if (p + Utf8SequenceLength(c) > end) break;
    char32_t cp;
    int len = DecodeUtf8(p, &cp);
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x02BB || cp == 0x2032 || cp == 0x0060) {
      *o++ = '\'';
    } else if (char f = FoldLatin(cp); f != 0) {
      *o++ = f;
    } else {
      for (int b = 0; b < len; ++b) *o++ = static_cast<char>(p[b]);
    }
    p += len;
  }
  return o;
}

}  // namespace sitrep::text
