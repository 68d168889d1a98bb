#include "time/civil_date.h"

#include <gtest/gtest.h>

namespace sitrep::timeutil {
namespace {

TEST(CivilDate, EpochAndKnownDays) {
  EXPECT_EQ(DayFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DayFromCivil(1970, 1, 2), 1);
  EXPECT_EQ(DayFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DayFromCivil(2016, 12, 11), 17146);
}

TEST(CivilDate, ImpossibleDatesAreUnknown) {
  EXPECT_EQ(DayFromCivil(2016, 2, 30), kUnknownDay);  // "February 30"
  EXPECT_EQ(DayFromCivil(2015, 2, 29), kUnknownDay);  // not a leap year
  EXPECT_NE(DayFromCivil(2016, 2, 29), kUnknownDay);  // leap year
  EXPECT_NE(DayFromCivil(2000, 2, 29), kUnknownDay);  // divisible by 400
  EXPECT_EQ(DayFromCivil(1900, 2, 29), kUnknownDay);  // divisible by 100 only
  EXPECT_EQ(DayFromCivil(2016, 4, 31), kUnknownDay);
  EXPECT_EQ(DayFromCivil(2016, 13, 1), kUnknownDay);
  EXPECT_EQ(DayFromCivil(2016, 0, 1), kUnknownDay);
  EXPECT_EQ(DayFromCivil(2016, 1, 0), kUnknownDay);
  EXPECT_EQ(DayFromCivil(2016, 1, 32), kUnknownDay);
  EXPECT_EQ(DayFromCivil(0, 1, 1), kUnknownDay);
  EXPECT_EQ(DayFromCivil(10000, 1, 1), kUnknownDay);
}

TEST(CivilDate, RoundTrip) {
  for (int32_t d : {-1000, 0, 1, 17146, 20000, DayFromCivil(2024, 2, 29), DayFromCivil(9999, 12, 31)}) {
    int y, m, dom;
    CivilFromDay(d, &y, &m, &dom);
    EXPECT_EQ(DayFromCivil(y, m, dom), d);
  }
  int y, m, dom;
  CivilFromDay(17146, &y, &m, &dom);
  EXPECT_EQ(y, 2016);
  EXPECT_EQ(m, 12);
  EXPECT_EQ(dom, 11);
}

TEST(CivilDate, Weekday) {
  EXPECT_EQ(Weekday(DayFromCivil(2016, 12, 11)), 0);  // Sunday
  EXPECT_EQ(Weekday(DayFromCivil(2016, 12, 10)), 6);  // Saturday
  EXPECT_EQ(Weekday(DayFromCivil(1970, 1, 1)), 4);    // Thursday
  EXPECT_EQ(Weekday(DayFromCivil(2024, 2, 29)), 4);   // Thursday
}

TEST(CivilDate, ParseIsoDate) {
  EXPECT_EQ(ParseIsoDate("2016-12-11"), DayFromCivil(2016, 12, 11));
  EXPECT_EQ(ParseIsoDate("2016-12-11T08:30:00Z"), DayFromCivil(2016, 12, 11));  // a timestamp's date
  EXPECT_EQ(ParseIsoDate("2016-02-30"), kUnknownDay);
  EXPECT_EQ(ParseIsoDate("2016-13-01"), kUnknownDay);
  EXPECT_EQ(ParseIsoDate("2016/12/11"), kUnknownDay);
  EXPECT_EQ(ParseIsoDate("20161211"), kUnknownDay);
  EXPECT_EQ(ParseIsoDate("2016-1-11"), kUnknownDay);
  EXPECT_EQ(ParseIsoDate("unknown"), kUnknownDay);
  EXPECT_EQ(ParseIsoDate(""), kUnknownDay);
  EXPECT_EQ(ParseIsoDate("abcd-ef-gh"), kUnknownDay);
}

TEST(CivilDate, FormatIsoDate) {
  EXPECT_EQ(FormatIsoDate(DayFromCivil(2016, 12, 11)), "2016-12-11");
  EXPECT_EQ(FormatIsoDate(DayFromCivil(2001, 1, 5)), "2001-01-05");
  EXPECT_EQ(FormatIsoDate(kUnknownDay), "");
  // Years 0-9999 are written digit by digit, others by snprintf: both as "%04d-%02d-%02d".
  EXPECT_EQ(FormatIsoDate(DayFromCivil(1, 1, 1)), "0001-01-01");
  EXPECT_EQ(FormatIsoDate(DayFromCivil(987, 10, 31)), "0987-10-31");
  EXPECT_EQ(FormatIsoDate(DayFromCivil(9999, 12, 31)), "9999-12-31");
  EXPECT_EQ(FormatIsoDate(DayFromCivil(9999, 12, 31) + 1), "10000-01-01");
  EXPECT_EQ(FormatIsoDate(0), "1970-01-01");
}

TEST(CivilDate, AddMonthsClampsTheDay) {
  EXPECT_EQ(AddMonths(DayFromCivil(2016, 3, 31), -1), DayFromCivil(2016, 2, 29));
  EXPECT_EQ(AddMonths(DayFromCivil(2015, 3, 31), -1), DayFromCivil(2015, 2, 28));
  EXPECT_EQ(AddMonths(DayFromCivil(2016, 12, 11), -9), DayFromCivil(2016, 3, 11));
  EXPECT_EQ(AddMonths(DayFromCivil(2016, 1, 15), -1), DayFromCivil(2015, 12, 15));
  EXPECT_EQ(AddMonths(DayFromCivil(2016, 12, 15), 1), DayFromCivil(2017, 1, 15));
  EXPECT_EQ(AddMonths(DayFromCivil(2016, 12, 15), -24), DayFromCivil(2014, 12, 15));
}

TEST(CivilDate, DaysInMonth) {
  EXPECT_EQ(DaysInMonth(2016, 2), 29);
  EXPECT_EQ(DaysInMonth(2015, 2), 28);
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2016, 4), 30);
  EXPECT_EQ(DaysInMonth(2016, 12), 31);
}

}  // namespace
}  // namespace sitrep::timeutil
