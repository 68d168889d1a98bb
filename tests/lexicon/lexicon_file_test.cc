#include "lexicon/lexicon_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lexicon/inflect.h"
#include "test_util.h"

namespace sitrep::lexicon {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

TEST(LexiconFile, ParsesFieldsCommentsAndBlankLines) {
  std::vector<Record> recs;
  Status st = ParseRecords("actors.txt",
                           "# a comment\n"
                           "\n"
                           "Al Shabaab | rebel_group | SO | al-Shabaab; Shabaab   # trailing comment\n"
                           "  Houthis | rebel_group | YE | -\n",
                           3, 5, &recs);
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].line, 3);
  EXPECT_EQ(recs[0].file, "actors.txt");
  EXPECT_THAT(recs[0].fields, ElementsAre("Al Shabaab", "rebel_group", "SO", "al-Shabaab; Shabaab"));
  EXPECT_EQ(recs[1].line, 4);
  EXPECT_EQ(recs[1].Field(0), "Houthis");
  EXPECT_EQ(recs[1].Field(3), "");  // "-" means none
  EXPECT_EQ(recs[1].Field(9), "");  // out of range reads as empty
  EXPECT_EQ(recs[1].Where(), "actors.txt:4");
}

TEST(LexiconFile, TrailingPipeAddsAnEmptyField) {
  std::vector<Record> recs;
  ASSERT_TRUE(ParseRecords("x.txt", "a | b |\n", 3, 3, &recs).ok());
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_THAT(recs[0].fields, ElementsAre("a", "b", ""));
}

TEST(LexiconFile, DashBeforeATrailingPipeMeansNone) {
  std::vector<Record> recs;
  ASSERT_TRUE(ParseRecords("x.txt", "Houthis | rebel_group | YE | - |\n", 3, 5, &recs).ok());
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].Field(3), "");
}

TEST(LexiconFile, CrlfLineEndingsAreAccepted) {
  std::vector<Record> recs;
  ASSERT_TRUE(ParseRecords("x.txt", "a | b | c\r\nd | e | f\r\n", 3, 3, &recs).ok());
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].Field(2), "c");
  EXPECT_EQ(recs[1].Field(2), "f");
}

TEST(LexiconFile, TooFewFieldsNamesFileAndLine) {
  std::vector<Record> recs;
  Status st = ParseRecords("data/lexicon/triggers.txt", "kill+ | verb | @violence\n\n# c\nstrike+ | verb\n", 3, 7,
                           &recs);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kParseError);
  EXPECT_THAT(st.message(), HasSubstr("data/lexicon/triggers.txt:4:"));
  EXPECT_THAT(st.message(), HasSubstr("found 2"));
}

TEST(LexiconFile, TooManyFieldsNamesFileAndLine) {
  std::vector<Record> recs;
  Status st = ParseRecords("types.txt", "Armed clash | Battles | ASSAULT | 19 | - | extra | more\n", 3, 5, &recs);
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(st.message(), HasSubstr("types.txt:1:"));
}

TEST(LexiconFile, PipeWithoutSpacesIsNotASeparator) {
  // "a|b|c" is one field: the separator is " | ".
  std::vector<Record> recs;
  Status st = ParseRecords("x.txt", "a|b|c\n", 2, 3, &recs);
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(st.message(), HasSubstr("x.txt:1:"));
}

TEST(LexiconFile, EmptyFirstFieldIsAnError) {
  std::vector<Record> recs;
  Status st = ParseRecords("x.txt", "ok | 1\n- | 2\n", 2, 2, &recs);
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(st.message(), HasSubstr("x.txt:2:"));
}

TEST(LexiconFile, InvalidUtf8IsAnErrorNamingTheFile) {
  std::vector<Record> recs;
  Status st = ParseRecords("bad.txt", "ok | 1\nbad\xFF | 2\n", 2, 2, &recs);
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(st.message(), HasSubstr("bad.txt"));
  EXPECT_THAT(st.message(), HasSubstr("byte 10"));
}

TEST(LexiconFile, ReadRecordsOfAMissingFileIsNotFound) {
  std::vector<Record> recs;
  Status st = ReadRecords("/nonexistent/sitrep/lexicon.txt", 1, 3, &recs);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kNotFound);
  EXPECT_THAT(st.message(), HasSubstr("/nonexistent/sitrep/lexicon.txt"));
}

TEST(LexiconFile, SplitListTrimsAndDropsEmptyItems) {
  EXPECT_THAT(SplitList(" a ; b;;c ;"), ElementsAre("a", "b", "c"));
  EXPECT_TRUE(SplitList("").empty());
  EXPECT_THAT(SplitList("one"), ElementsAre("one"));
}

TEST(LexiconFile, Trim) {
  EXPECT_EQ(Trim("  a b \t\r"), "a b");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim("   "), "");
}

TEST(Inflect, RegularVerb) {
  EXPECT_THAT(InflectWord("kill", true), UnorderedElementsAre("kill", "kills", "killed", "killing"));
}

TEST(Inflect, VerbEndingInE) {
  EXPECT_THAT(InflectWord("capture", true), UnorderedElementsAre("capture", "captures", "captured", "capturing"));
}

TEST(Inflect, VerbEndingInConsonantY) {
  EXPECT_THAT(InflectWord("carry", true), UnorderedElementsAre("carry", "carries", "carried", "carrying"));
  EXPECT_THAT(InflectWord("destroy", true), UnorderedElementsAre("destroy", "destroys", "destroyed", "destroying"));
}

TEST(Inflect, Nouns) {
  EXPECT_THAT(InflectWord("airstrike", false), UnorderedElementsAre("airstrike", "airstrikes"));
  EXPECT_THAT(InflectWord("militia", false), UnorderedElementsAre("militia", "militias"));
  EXPECT_THAT(InflectWord("ally", false), UnorderedElementsAre("ally", "allies"));
  EXPECT_THAT(InflectWord("bus", false), UnorderedElementsAre("bus", "buses"));
  EXPECT_THAT(InflectWord("clash", false), UnorderedElementsAre("clash", "clashes"));
}

TEST(Inflect, IrregularFormsAreNotGuessed) {
  auto forms = InflectWord("kidnap", true);
  EXPECT_EQ(std::count(forms.begin(), forms.end(), "kidnapped"), 0);
  auto shoot = InflectWord("shoot", true);
  EXPECT_EQ(std::count(shoot.begin(), shoot.end(), "shot"), 0);
}

TEST(Inflect, ExpandPhraseMultiWord) {
  EXPECT_THAT(ExpandPhrase("air strike+", false), UnorderedElementsAre("air strike", "air strikes"));
  EXPECT_THAT(ExpandPhrase("open+ fire on", true),
              UnorderedElementsAre("open fire on", "opens fire on", "opened fire on", "opening fire on"));
  EXPECT_THAT(ExpandPhrase("rocket attack", false), ElementsAre("rocket attack"));
  // Two inflected words give every combination.
  EXPECT_EQ(ExpandPhrase("drone+ strike+", false).size(), 4u);
  // Phrases without '+' come back as they are, and extra spaces are still dropped.
  EXPECT_THAT(ExpandPhrase("Jabhat al-Nusra", false), ElementsAre("Jabhat al-Nusra"));
  EXPECT_THAT(ExpandPhrase("", false), ElementsAre(""));
  EXPECT_THAT(ExpandPhrase(" rocket  attack ", false), ElementsAre("rocket attack"));
}

}  // namespace
}  // namespace sitrep::lexicon
