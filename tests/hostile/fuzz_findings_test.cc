// Every input a fuzz run found (tests/hostile/fuzz_findings/<target>/crash-*), replayed through the same
// invariants the target checks, so a fixed finding stays fixed. docs/FUZZING.md says what each one was.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "test_util.h"
#include "text/document.h"
#include "text/numbers.h"
#include "text/sentences.h"
#include "text/tokenizer.h"
#include "text/utf8.h"
#include "sitrep/extract.h"
#include "time/civil_date.h"
#include "time/time_expressions.h"

namespace sitrep {
namespace {

std::vector<std::string> Findings(const std::string& target) {
  std::vector<std::string> files;
  const std::string dir = std::string(SITREP_TEST_DIR) + "/hostile/fuzz_findings/" + target;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) files.push_back(entry.path().string());
  return files;
}

void BuildDocument(std::string_view bytes, text::Document* doc) {
  doc->Clear();
  text::Utf8Report report;
  text::RepairUtf8(bytes, &doc->text, &report);
  text::Tokenize(doc);
  text::SplitSentences(doc);
}

TEST(FuzzFindings, NumbersStayWithinTheirBounds) {
  const auto files = Findings("numbers");
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    text::Document doc;
    BuildDocument(testing::ReadFile(file), &doc);
    for (const auto& s : doc.sentences) {
      for (uint32_t i = s.first_token; i < s.last_token; ++i) {
        text::NumberExpr num;
        if (!text::ParseNumberAt(doc, i, s.last_token, &num)) continue;
        EXPECT_TRUE(num.value >= 0 && num.value <= 1000000000000000LL)
            << file << ": " << num.value << " at \"" << doc.Slice(doc.tokens[num.first].begin, doc.tokens[num.last - 1].end)
            << "\"";
      }
    }
  }
}

TEST(FuzzFindings, ResolvedTimesAreOrderedRanges) {
  const auto files = Findings("time");
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    const std::string bytes = testing::ReadFile(file);
    ASSERT_GE(bytes.size(), 2u);
    // As the time fuzzer reads its input: the first two bytes choose the publication day.
    int32_t published = timeutil::kUnknownDay;
    const uint16_t sel = static_cast<uint16_t>(static_cast<unsigned char>(bytes[0]) |
                                               (static_cast<unsigned char>(bytes[1]) << 8));
    if (sel != 0xFFFF) published = timeutil::DayFromCivil(1900, 1, 1) + (sel % 73000);
    text::Document doc;
    BuildDocument(std::string_view(bytes).substr(2), &doc);
    std::vector<timeutil::TimeMention> out;
    for (const auto& s : doc.sentences) {
      out.clear();
      timeutil::FindTimeExpressions(doc, s.first_token, s.last_token, published, &out);
      for (const auto& m : out) {
        if (!m.resolved) continue;
        EXPECT_LE(m.start, m.end) << file << ": \"" << doc.Slice(doc.tokens[m.first].begin, doc.tokens[m.last - 1].end)
                                  << "\" " << timeutil::FormatIsoDate(m.start) << ".." << timeutil::FormatIsoDate(m.end);
      }
    }
  }
}

TEST(FuzzFindings, GazetteerKeysAreIdempotent) {
  const auto files = Findings("gazetteer");
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    const std::string bytes = testing::ReadFile(file);
    size_t start = 0;
    while (start <= bytes.size()) {
      size_t nl = bytes.find('\n', start);
      if (nl == std::string::npos) nl = bytes.size();
      std::string key, again;
      geo::Gazetteer::NameKey(std::string_view(bytes).substr(start, nl - start), &key);
      geo::Gazetteer::NameKey(key, &again);
      EXPECT_EQ(again, key) << file;
      start = nl + 1;
    }
  }
}

TEST(FuzzFindings, EveryTriggerLiesInItsEvidenceSentence) {
  const auto files = Findings("extract");
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    const std::string bytes = testing::ReadFile(file);
    ASSERT_GE(bytes.size(), 1u);
    // As the extract fuzzer reads its input: the first byte chooses the publication date.
    const unsigned char sel = static_cast<unsigned char>(bytes[0]);
    const std::string published = (sel & 2) ? "2015-08-21" : (sel & 1) ? "2016-12-11" : "";
    ArticleResult r = testing::ExtractText(std::string_view(bytes).substr(1), published, "fuzz");
    for (const Event& e : r.events) {
      EXPECT_TRUE(e.span_begin <= e.trigger_begin && e.trigger_end <= e.span_end)
          << file << ": " << e.id << " \"" << e.trigger << "\" " << e.acled_sub << " span " << e.span_begin << ".."
          << e.span_end << " trigger " << e.trigger_begin << ".." << e.trigger_end;
    }
  }
}

}  // namespace
}  // namespace sitrep
