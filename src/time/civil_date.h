// Civil dates as day numbers (days since 1970-01-01), on std::chrono's calendar (C++20), which handles
// month lengths and leap years; sitrep adds only parsing and formatting of ISO strings. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep::timeutil {

constexpr int32_t kUnknownDay = INT32_MIN;

// Day number of a valid y-m-d, or kUnknownDay when the date does not exist ("February 30", month 13).
int32_t DayFromCivil(int year, int month, int day);
void CivilFromDay(int32_t day, int* year, int* month, int* dom);
// 0 = Sunday … 6 = Saturday.
int Weekday(int32_t day);
// "YYYY-MM-DD" → day number; kUnknownDay when malformed or impossible. Years 1..9999 only.
int32_t ParseIsoDate(std::string_view s);
std::string FormatIsoDate(int32_t day);
// Adds months, clamping the day to the month's length (Mar 31 − 1 month = Feb 28/29).
int32_t AddMonths(int32_t day, int months);
int DaysInMonth(int year, int month);

}  // namespace sitrep::timeutil
