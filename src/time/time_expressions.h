// Time expressions in news text, resolved against the publication date.
//
// Handles weekdays ("on Saturday" → the last Saturday on or before publication), "today", "yesterday",
// "last night", "the previous day", "last week", "this month", "earlier this month", "last month",
// absolute dates ("Dec. 10", "10 December 2016", "August 21, 2015", "in March 2017"), ranges ("since Friday",
// "two days of fighting", "over the past three weeks") and offsets ("nine months after…", "three days ago").
// What cannot be resolved (no publication date, "February 30") is returned with resolved = false: never guessed.
// Thread-safe (stateless).
#pragma once

#include <cstdint>
#include <vector>

#include "text/document.h"
#include "time/civil_date.h"

namespace sitrep::timeutil {

enum class Precision : uint8_t { kDay, kWeek, kMonth, kYear };
const char* PrecisionName(Precision p);

struct TimeMention {
  uint32_t first = 0;  // token range [first, last)
  uint32_t last = 0;
  int32_t start = kUnknownDay;
  int32_t end = kUnknownDay;
  Precision precision = Precision::kDay;
  bool resolved = false;
  bool relative = false;  // depends on the publication date
  bool governs_following = false;  // "nine months after X": dates X, the clause that follows, not what precedes
};

// Appends the time expressions found in tokens [first, last) of doc, resolved against `published`
// (kUnknownDay when unknown).
void FindTimeExpressions(const text::Document& doc, uint32_t first, uint32_t last, int32_t published,
                         std::vector<TimeMention>* out);

// A full date written in a byline or dateline ("December 11, 2016", "Dec 11, 2016", "11 December 2016",
// "2016-12-11"), or kUnknownDay.
int32_t FindFullDate(const text::Document& doc, uint32_t first, uint32_t last);

// Month number 1..12 of a month name or abbreviation key ("dec", "december", "sept"), or 0.
int MonthFromKey(std::string_view key);
// Weekday 0..6 (Sunday = 0) of a weekday key, or -1.
int WeekdayFromKey(std::string_view key);

}  // namespace sitrep::timeutil
