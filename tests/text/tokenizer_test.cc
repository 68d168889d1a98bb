#include "text/tokenizer.h"

#include <cstring>
#include <memory>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_util.h"

namespace sitrep::text {
namespace {

using ::sitrep::testing::MakeDoc;
using ::sitrep::testing::TokenKeys;
using ::sitrep::testing::TokenTexts;
using ::testing::ElementsAre;

TEST(Tokenizer, WordsNumbersAndPunctuationWithByteOffsets) {
  Document doc = MakeDoc("IS fighters killed 20, officials said.");
  EXPECT_THAT(TokenTexts(doc), ElementsAre("IS", "fighters", "killed", "20", ",", "officials", "said", "."));
  ASSERT_EQ(doc.tokens.size(), 8u);
  EXPECT_EQ(doc.tokens[0].begin, 0u);
  EXPECT_EQ(doc.tokens[0].end, 2u);
  EXPECT_EQ(doc.tokens[3].begin, 19u);
  EXPECT_EQ(doc.tokens[3].end, 21u);
  EXPECT_EQ(doc.tokens[3].kind, kNumber);
  EXPECT_EQ(doc.tokens[4].kind, kPunct);
  EXPECT_EQ(doc.tokens[2].kind, kWord);
  EXPECT_TRUE(doc.tokens[0].Has(kAllCaps));
  EXPECT_TRUE(doc.tokens[0].Has(kCapitalized));
  EXPECT_FALSE(doc.tokens[1].Has(kCapitalized));
  EXPECT_TRUE(doc.tokens[1].Has(kSpaceBefore));
  EXPECT_FALSE(doc.tokens[4].Has(kSpaceBefore));
  // Every token's text is the slice its offsets name.
  for (const auto& t : doc.tokens) EXPECT_EQ(doc.TokenText(t), doc.text.substr(t.begin, t.end - t.begin));
}

TEST(Tokenizer, OffsetsAreBytesNotCharacters) {
  Document doc = MakeDoc("Türkiye’s army struck");
  EXPECT_THAT(TokenTexts(doc), ElementsAre("Türkiye", "’s", "army", "struck"));
  EXPECT_EQ(doc.tokens[0].begin, 0u);
  EXPECT_EQ(doc.tokens[0].end, 8u);   // "ü" is two bytes
  EXPECT_EQ(doc.tokens[1].begin, 8u);
  EXPECT_EQ(doc.tokens[1].end, 12u);  // "’" is three bytes
  EXPECT_THAT(TokenKeys(doc), ElementsAre("turkiye", "'s", "army", "struck"));
}

TEST(Tokenizer, HyphenSeparatesWordsButIsNotAToken) {
  Document doc = MakeDoc("al-Shabaab and pro-Russian forces");
  EXPECT_THAT(TokenTexts(doc), ElementsAre("al", "Shabaab", "and", "pro", "Russian", "forces"));
  EXPECT_TRUE(doc.tokens[1].Has(kHyphenBefore));
  EXPECT_FALSE(doc.tokens[1].Has(kSpaceBefore));
  EXPECT_FALSE(doc.tokens[0].Has(kHyphenBefore));
  EXPECT_TRUE(doc.tokens[4].Has(kHyphenBefore));
  EXPECT_EQ(doc.tokens[1].begin, 3u);
  EXPECT_EQ(doc.tokens[1].end, 10u);
  // "al-Shabaab" and "al Shabaab" give the same keys, so the lexicon matches both.
  Document spaced = MakeDoc("al Shabaab");
  EXPECT_THAT(TokenKeys(spaced), ElementsAre("al", "shabaab"));
  EXPECT_THAT(TokenKeys(doc)[0], "al");
  EXPECT_THAT(TokenKeys(doc)[1], "shabaab");
}

TEST(Tokenizer, FreeStandingDashIsPunctuation) {
  Document doc = MakeDoc("KABUL - Gunmen — armed — attacked");
  EXPECT_THAT(TokenTexts(doc), ElementsAre("KABUL", "-", "Gunmen", "—", "armed", "—", "attacked"));
  EXPECT_EQ(doc.Key(doc.tokens[1]), "-");
  EXPECT_EQ(doc.Key(doc.tokens[3]), "-");  // em dash unified
  EXPECT_EQ(doc.tokens[3].kind, kPunct);
}

TEST(Tokenizer, PossessiveIsItsOwnToken) {
  Document doc = MakeDoc("Russia's army and the rebels' base");
  EXPECT_THAT(TokenTexts(doc), ElementsAre("Russia", "'s", "army", "and", "the", "rebels", "'", "base"));
  EXPECT_EQ(doc.Key(doc.tokens[1]), "'s");
  EXPECT_EQ(doc.tokens[1].begin, 6u);
  EXPECT_EQ(doc.tokens[1].end, 8u);
}

TEST(Tokenizer, InnerApostropheStaysInTheWord) {
  Document doc = MakeDoc("Kata'ib Hezbollah and Sha'ar");
  EXPECT_THAT(TokenTexts(doc), ElementsAre("Kata'ib", "Hezbollah", "and", "Sha'ar"));
}

TEST(Tokenizer, DottedAbbreviationsStayOneToken) {
  Document doc = MakeDoc("U.S. and U.N. officials met at 5 p.m. in Washington");
  EXPECT_THAT(TokenTexts(doc),
              ElementsAre("U.S.", "and", "U.N.", "officials", "met", "at", "5", "p.m.", "in", "Washington"));
  EXPECT_EQ(doc.Key(doc.tokens[0]), "us");
  EXPECT_EQ(doc.Key(doc.tokens[2]), "un");
  EXPECT_TRUE(doc.tokens[0].Has(kAllCaps));
  EXPECT_EQ(doc.tokens[0].end, 4u);
  EXPECT_EQ(doc.Key(doc.tokens[7]), "pm");
}

TEST(Tokenizer, SentenceFinalSingleLetterKeepsItsDotSeparate) {
  Document doc = MakeDoc("He saw Plan A. Then");
  EXPECT_THAT(TokenTexts(doc), ElementsAre("He", "saw", "Plan", "A", ".", "Then"));
}

TEST(Tokenizer, NumbersWithSeparatorsAndDecimals) {
  Document doc = MakeDoc("1,500 people, 5.9 magnitude, 2,000,000 and 3.");
  EXPECT_THAT(TokenTexts(doc),
              ElementsAre("1,500", "people", ",", "5.9", "magnitude", ",", "2,000,000", "and", "3", "."));
  EXPECT_EQ(doc.tokens[0].kind, kNumber);
  EXPECT_EQ(doc.tokens[3].kind, kNumber);
  EXPECT_EQ(doc.tokens[6].kind, kNumber);
  EXPECT_EQ(doc.tokens[8].kind, kNumber);
  // A trailing comma after a number is punctuation, not part of it.
  EXPECT_EQ(doc.tokens[2].kind, kPunct);
}

TEST(Tokenizer, AlphanumericNamesAreWordsWithDigits) {
  Document doc = MakeDoc("M23 rebels and F-16 jets");
  EXPECT_THAT(TokenTexts(doc), ElementsAre("M23", "rebels", "and", "F", "16", "jets"));
  EXPECT_EQ(doc.tokens[0].kind, kWord);
  EXPECT_TRUE(doc.tokens[0].Has(kHasDigit));
  EXPECT_TRUE(doc.tokens[0].Has(kAllCaps));
  EXPECT_TRUE(doc.tokens[4].Has(kHyphenBefore));
}

TEST(Tokenizer, QuotesMarkTheirContents) {
  Document doc = MakeDoc("He said \"we will fight\" today");
  // He said " we will fight " today
  ASSERT_EQ(doc.tokens.size(), 8u);
  EXPECT_FALSE(doc.tokens[1].Has(kInQuote));
  EXPECT_TRUE(doc.tokens[3].Has(kInQuote));
  EXPECT_TRUE(doc.tokens[5].Has(kInQuote));
  EXPECT_FALSE(doc.tokens[7].Has(kInQuote));
  EXPECT_EQ(doc.Key(doc.tokens[2]), "\"");
  // Curly quotes are unified in keys.
  Document curly = MakeDoc("“Despite the raids,” he said");
  EXPECT_EQ(curly.Key(curly.tokens[0]), "\"");
  EXPECT_TRUE(curly.tokens[1].Has(kInQuote));
}

TEST(Tokenizer, QuotesDoNotRunAcrossParagraphs) {
  Document doc = MakeDoc("\"Unclosed quote here.\n\nNext paragraph");
  EXPECT_FALSE(doc.tokens.back().Has(kInQuote));
}

TEST(Tokenizer, LineAndParagraphStarts) {
  Document doc = MakeDoc("Title\nBy VOA\n\nBody text");
  ASSERT_EQ(doc.tokens.size(), 5u);
  EXPECT_TRUE(doc.tokens[0].Has(kParaStart));
  EXPECT_TRUE(doc.tokens[1].Has(kLineStart));
  EXPECT_FALSE(doc.tokens[1].Has(kParaStart));
  EXPECT_TRUE(doc.tokens[3].Has(kLineStart));
  EXPECT_TRUE(doc.tokens[3].Has(kParaStart));
  EXPECT_FALSE(doc.tokens[4].Has(kLineStart));
}

TEST(Tokenizer, UnicodeSpacesAndZeroWidthCharactersAreWhitespace) {
  // NBSP, zero-width space, BOM.
  Document doc = MakeDoc("\xEF\xBB\xBFKabul\xC2\xA0police\xE2\x80\x8Bsaid");
  EXPECT_THAT(TokenTexts(doc), ElementsAre("Kabul", "police", "said"));
  EXPECT_EQ(doc.tokens[0].begin, 3u);
}

TEST(Tokenizer, KeysFoldCaseDiacriticsDotsAndApostrophes) {
  std::string key;
  AppendKey("Genève", &key);
  EXPECT_EQ(key, "geneve");
  key.clear();
  AppendKey("U.S.", &key);
  EXPECT_EQ(key, "us");
  key.clear();
  AppendKey("Erdoğan", &key);
  EXPECT_EQ(key, "erdogan");
  key.clear();
  AppendKey("Da’esh", &key);
  EXPECT_EQ(key, "da'esh");
}

TEST(Tokenizer, EmptyAndWhitespaceOnlyTextHaveNoTokens) {
  EXPECT_TRUE(MakeDoc("").tokens.empty());
  EXPECT_TRUE(MakeDoc(" \n\n\t \n").tokens.empty());
  EXPECT_TRUE(MakeDoc("").sentences.empty());
}

TEST(Tokenizer, HugeWordKeepsAPrefixKey) {
  std::string word(100000, 'a');
  Document doc = MakeDoc(word + " end");
  ASSERT_EQ(doc.tokens.size(), 2u);
  EXPECT_EQ(doc.tokens[0].end, 100000u);
  EXPECT_EQ(doc.tokens[0].key_len, 0xFFFF);
  EXPECT_EQ(doc.Key(doc.tokens[1]), "end");
}

TEST(Tokenizer, ReusingADocumentClearsThePreviousArticle) {
  Document doc = MakeDoc("First article with several words.");
  doc.text = "Two words";
  Tokenize(&doc);
  EXPECT_THAT(TokenTexts(doc), ElementsAre("Two", "words"));
  EXPECT_EQ(doc.keys, "twowords");
}

}  // namespace
}  // namespace sitrep::text

namespace sitrep::text {
namespace {

// Found by fuzz/gazetteer_fuzzer: keys of names cut inside a multi-byte sequence (Gazetteer::NameKey accepts any
// bytes) read past the end of the input. The buffers here are exactly as long as the bytes, so ASan sees any
// read beyond them.
TEST(AppendKey, NameCutInsideAMultiByteSequenceIsReadWithinItsBytes) {
  for (std::string_view cut : {std::string_view("Gen\xC3", 4), std::string_view("Sa\xE2\x80", 4),
                               std::string_view("x\xF0\x9F\x98", 4), std::string_view("\xAB", 1)}) {
    std::unique_ptr<char[]> exact(new char[cut.size()]);
    std::memcpy(exact.get(), cut.data(), cut.size());
    std::string key;
    AppendKey(std::string_view(exact.get(), cut.size()), &key);
    EXPECT_LE(key.size(), cut.size());
  }
  std::string key;
  AppendKey(std::string_view("Gen\xC3", 4), &key);
  EXPECT_EQ(key, "gen");
}

// Tokenize writes keys in place by three routes (plain ASCII copied, ASCII with capitals lower-cased, anything else
// by WriteKey); every route must give what AppendKey gives for the token's text, and the keys must be packed.
TEST(Tokenizer, KeysAreWhatAppendKeyGivesForEveryShape) {
  Document doc = MakeDoc(
      "killed KILLED Killed M23 F-15E 1,500 5.9 U.S. a.m. Kata'ib Sha\u2019ar Türkiye ERDOĞAN Genève's "
      "\"quoted\" — al-Shabaab O'Neill's x 2016. İstanbul ŁÓDŹ 東京 mixedCASE123 abc\u00ADdef");
  ASSERT_FALSE(doc.tokens.empty());
  uint32_t expected_begin = 0;
  for (const auto& t : doc.tokens) {
    EXPECT_EQ(t.key_begin, expected_begin) << doc.TokenText(t);
    expected_begin += t.key_len;
    if (t.kind == kPunct) continue;
    std::string want;
    AppendKey(doc.TokenText(t), &want);
    EXPECT_EQ(doc.Key(t), want) << doc.TokenText(t);
  }
  EXPECT_EQ(doc.keys.size(), expected_begin);
  // A second document in the same object starts from empty keys.
  doc.text = "Syria";
  Tokenize(&doc);
  ASSERT_EQ(doc.tokens.size(), 1u);
  EXPECT_EQ(doc.keys, "syria");
}

TEST(WriteKey, WritesWhatAppendKeyAppends) {
  for (std::string_view w : {"", "U.S.", "Genève", "Kata\u2019ib", "ABC", "x\xC3", "a.b.c.", "东京"}) {
    std::string appended = "prefix";
    AppendKey(w, &appended);
    std::string buf(w.size(), '?');
    char* end = WriteKey(w, buf.data());
    EXPECT_EQ("prefix" + std::string(buf.data(), end), appended) << w;
  }
}


// Plain ASCII words are keyed 8 bytes at a time when 8 bytes of text follow them, byte by byte near the end of the
// text: keys of words of every length (1-40 bytes, small, capitalised and all-caps, with digits), at every distance
// from the end of the text, are what AppendKey gives, and packed.
TEST(Tokenizer, BlockKeysOfPlainWordsNearTheEndOfTheText) {
  const std::string letters = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789QrSt";
  for (size_t len = 1; len <= letters.size(); ++len) {
    for (int shape = 0; shape < 3; ++shape) {
      std::string word = letters.substr(0, len);
      for (char& ch : word) {
        if (shape == 0 && ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
        if (shape == 2 && ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 32);
      }
      for (size_t tail = 0; tail <= 10; ++tail) {
        Document doc;
        doc.text = "x " + word + " " + word + std::string(tail, ' ');
        Tokenize(&doc);
        ASSERT_EQ(doc.tokens.size(), 3u) << doc.text;
        uint32_t expected_begin = 0;
        for (const auto& t : doc.tokens) {
          EXPECT_EQ(t.key_begin, expected_begin);
          expected_begin += t.key_len;
          std::string want;
          AppendKey(doc.TokenText(t), &want);
          EXPECT_EQ(doc.Key(t), want) << doc.text;
        }
        EXPECT_EQ(doc.keys.size(), expected_begin);
      }
    }
  }
}

}  // namespace
}  // namespace sitrep::text
