#include "text/utf8.h"

#include <gtest/gtest.h>

namespace sitrep::text {
namespace {

TEST(Utf8, ValidTextIsCopiedUnchanged) {
  std::string out;
  Utf8Report report;
  EXPECT_TRUE(RepairUtf8("Genève — Türkiye", &out, &report));
  EXPECT_EQ(out, "Genève — Türkiye");
}

TEST(Utf8, InvalidBytesAreReplacedAndReported) {
  std::string out;
  Utf8Report report;
  EXPECT_FALSE(RepairUtf8("ab\xFF" "cd\xC0\xAF", &out, &report));
  EXPECT_EQ(out, "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD");
  EXPECT_EQ(report.invalid_sequences, 2u);
  ASSERT_EQ(report.first_offsets.size(), 2u);
  EXPECT_EQ(report.first_offsets[0], 2u);
  EXPECT_EQ(report.first_offsets[1], 5u);
}

TEST(Utf8, SurrogatesAndOverlongsAreInvalid) {
  std::string out;
  Utf8Report report;
  RepairUtf8("\xED\xA0\x80x\xE0\x80\x80", &out, &report);
  EXPECT_EQ(report.invalid_sequences, 2u);
  EXPECT_EQ(out, "\xEF\xBF\xBDx\xEF\xBF\xBD");
}

TEST(Utf8, NulBecomesSpace) {
  std::string out;
  Utf8Report report;
  RepairUtf8(std::string("a\0b", 3), &out, &report);
  EXPECT_EQ(out, "a b");
  EXPECT_EQ(report.nul_bytes, 1u);
}

}  // namespace
}  // namespace sitrep::text
