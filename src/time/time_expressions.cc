#include "time/time_expressions.h"

#include <array>
#include <bit>
#include <span>
#include <string_view>

#include "text/numbers.h"
#include "text/word_table.h"

namespace sitrep::timeutil {
namespace {

using text::Document;
using text::Token;

std::string_view Key(const Document& doc, uint32_t i, uint32_t last) {
  return i < last ? doc.Key(doc.tokens[i]) : std::string_view();
}

bool IsNumberToken(const Document& doc, uint32_t i, uint32_t last) {
  return i < last && doc.tokens[i].kind == text::kNumber;
}

int SmallNumber(const Document& doc, uint32_t i, uint32_t last) {
  if (i >= last) return -1;
  const Token& t = doc.tokens[i];
  std::string_view k = doc.Key(t);
  if (t.kind == text::kNumber) {
    if (k.size() > 4) return -1;
    int v = 0;
    for (char c : k) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }
  // "1st", "21st", "3rd"
  if (k.size() >= 3 && k.size() <= 4 && k[0] >= '0' && k[0] <= '9') {
    std::string_view suffix = k.substr(k.size() - 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
      int v = 0;
      for (char c : k.substr(0, k.size() - 2)) {
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
      }
      return v;
    }
  }
  int64_t w = text::NumberWordValue(k);
  if (w >= 0 && k != "a") return static_cast<int>(w);
  if (k == "a" || k == "an") return 1;
  if (k == "several" || k == "few") return -2;  // vague: a range we cannot size
  return -1;
}

int Year(const Document& doc, uint32_t i, uint32_t last) {
  if (!IsNumberToken(doc, i, last)) return -1;
  std::string_view k = Key(doc, i, last);
  if (k.size() != 4) return -1;
  int v = SmallNumber(doc, i, last);
  return (v >= 1000 && v <= 2999) ? v : -1;
}

// The year that puts month/day on or before the publication date (news reports the past).
int InferYear(int32_t published, int month, int day) {
  int y, m, d;
  CivilFromDay(published, &y, &m, &d);
  if (month > m || (month == m && day > d + 1)) return y - 1;
  return y;
}

int UnitDays(std::string_view unit) {
  if (unit == "day" || unit == "days") return 1;
  if (unit == "hours" || unit == "hour") return -1;  // counted in hours: see below
  if (unit == "week" || unit == "weeks") return 7;
  return 0;
}

int UnitMonths(std::string_view unit) {
  if (unit == "month" || unit == "months") return 1;
  if (unit == "year" || unit == "years") return 12;
  return 0;
}

TimeMention Make(uint32_t first, uint32_t last, int32_t start, int32_t end, Precision p, bool relative) {
  TimeMention t;
  t.first = first;
  t.last = last;
  t.start = start;
  t.end = end;
  t.precision = p;
  // A range that would end before it starts is a misreading, never guessed into an order: left unresolved.
  t.resolved = start != kUnknownDay && end != kUnknownDay && start <= end;
  t.relative = relative;
  if (!t.resolved) t.start = t.end = kUnknownDay;
  return t;
}

int32_t WeekStart(int32_t day) { return day - ((Weekday(day) + 6) % 7); }  // Monday

}  // namespace

const char* PrecisionName(Precision p) {
  switch (p) {
    case Precision::kDay: return "day";
    case Precision::kWeek: return "week";
    case Precision::kMonth: return "month";
    case Precision::kYear: return "year";
  }
  return "day";
}

namespace {

// Months and weekdays in one table (text/word_table.h): month m is class bit m - 1, weekday w (0 = Sunday) bit
// 12 + w. Both are asked for every token.
const text::WordTable& CalendarTable() {
  static constexpr std::array<std::string_view, 12> kFull = {"january", "february", "march", "april", "may",
                                                             "june", "july", "august", "september", "october",
                                                             "november", "december"};
  static constexpr std::array<std::string_view, 12> kShort = {"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};
  static constexpr std::array<std::string_view, 7> kNames = {"sunday", "monday", "tuesday", "wednesday",
                                                             "thursday", "friday", "saturday"};
  static constexpr std::array<std::string_view, 1> kSept = {"sept"};
  static const text::WordTable table({
        {std::span(&kFull[0], 1), 1u << 0}, {std::span(&kShort[0], 1), 1u << 0},
        {std::span(&kFull[1], 1), 1u << 1}, {std::span(&kShort[1], 1), 1u << 1},
        {std::span(&kFull[2], 1), 1u << 2}, {std::span(&kShort[2], 1), 1u << 2},
        {std::span(&kFull[3], 1), 1u << 3}, {std::span(&kShort[3], 1), 1u << 3},
        {std::span(&kFull[4], 1), 1u << 4}, {std::span(&kShort[4], 1), 1u << 4},
        {std::span(&kFull[5], 1), 1u << 5}, {std::span(&kShort[5], 1), 1u << 5},
        {std::span(&kFull[6], 1), 1u << 6}, {std::span(&kShort[6], 1), 1u << 6},
        {std::span(&kFull[7], 1), 1u << 7}, {std::span(&kShort[7], 1), 1u << 7},
        {std::span(&kFull[8], 1), 1u << 8}, {std::span(&kShort[8], 1), 1u << 8}, {kSept, 1u << 8},
        {std::span(&kFull[9], 1), 1u << 9}, {std::span(&kShort[9], 1), 1u << 9},
        {std::span(&kFull[10], 1), 1u << 10}, {std::span(&kShort[10], 1), 1u << 10},
        {std::span(&kFull[11], 1), 1u << 11}, {std::span(&kShort[11], 1), 1u << 11},
        {std::span(&kNames[0], 1), 1u << 12}, {std::span(&kNames[1], 1), 1u << 13},
        {std::span(&kNames[2], 1), 1u << 14}, {std::span(&kNames[3], 1), 1u << 15},
        {std::span(&kNames[4], 1), 1u << 16}, {std::span(&kNames[5], 1), 1u << 17},
        {std::span(&kNames[6], 1), 1u << 18},
  });
  return table;
}

constexpr uint32_t kMonthBits = (1u << 12) - 1;

// The lower-case words without digits that can start a time expression in FindTimeExpressions: its relative-day
// and relative-period rules, and the counts of a duration ("a", "an", "several", "few", or a number word: asked of
// text::MaybeNumberWord, a superset of the number words). Any other such token matches none of its rules, and is
// skipped before they are read.
bool MayStartTimeWord(std::string_view k) {
  static constexpr std::array<std::string_view, 13> kWords = {"today", "tonight", "this", "yesterday", "last",
                                                             "overnight", "previous", "day", "past", "a", "an",
                                                             "several", "few"};
  static const text::WordTable table({{kWords, 1}});
  return text::MaybeNumberWord(k) || table.Classes(k) != 0;
}

}  // namespace

int MonthFromKey(std::string_view k) {
  if (k.size() < 3 || k.size() > 9) return 0;
  uint32_t c = CalendarTable().Classes(k) & kMonthBits;
  return c == 0 ? 0 : std::countr_zero(c) + 1;
}

int WeekdayFromKey(std::string_view k) {
  if (k.size() < 6 || k.size() > 9 || k.back() != 'y') return -1;
  uint32_t c = CalendarTable().Classes(k) >> 12;
  return c == 0 ? -1 : std::countr_zero(c);
}

int32_t FindFullDate(const Document& doc, uint32_t first, uint32_t last) {
  for (uint32_t i = first; i < last; ++i) {
    std::string_view k = Key(doc, i, last);
    int month = MonthFromKey(k);
    if (month != 0 && doc.tokens[i].Has(text::kCapitalized)) {
      uint32_t j = i + 1;
      if (Key(doc, j, last) == ".") ++j;
      int day = SmallNumber(doc, j, last);
      if (day >= 1 && day <= 31) {
        uint32_t y = j + 1;
        if (Key(doc, y, last) == ",") ++y;
        int year = Year(doc, y, last);
        if (year > 0) return DayFromCivil(year, month, day);
      }
    }
    if (IsNumberToken(doc, i, last)) {
      int day = SmallNumber(doc, i, last);
      int m2 = MonthFromKey(Key(doc, i + 1, last));
      if (day >= 1 && day <= 31 && m2 != 0) {
        int year = Year(doc, i + 2, last);
        if (year > 0) return DayFromCivil(year, m2, day);
      }
      // ISO 2016-12-11: the tokenizer joins the parts by hyphens (2016, 12, 11 flagged kHyphenBefore), or
      // keeps spaced dashes as tokens (2016 - 12 - 11).
      int year = Year(doc, i, last);
      if (year > 0 && i + 2 < last && doc.tokens[i + 1].Has(text::kHyphenBefore) &&
          doc.tokens[i + 2].Has(text::kHyphenBefore)) {
        int m3 = SmallNumber(doc, i + 1, last), d3 = SmallNumber(doc, i + 2, last);
        if (m3 > 0 && d3 > 0) return DayFromCivil(year, m3, d3);
      }
      if (year > 0 && Key(doc, i + 1, last) == "-" && Key(doc, i + 3, last) == "-") {
        int m3 = SmallNumber(doc, i + 2, last), d3 = SmallNumber(doc, i + 4, last);
        if (m3 > 0 && d3 > 0) return DayFromCivil(year, m3, d3);
      }
    }
  }
  return kUnknownDay;
}

void FindTimeExpressions(const Document& doc, uint32_t first, uint32_t last, int32_t pub,
                         std::vector<TimeMention>* out) {
  const bool known = pub != kUnknownDay;
  for (uint32_t i = first; i < last; ++i) {
    if (doc.tokens[i].kind == text::kPunct) continue;
    std::string_view k = Key(doc, i, last);
    // Every rule below needs a capital (months, weekdays), a digit, or one of the words of MayStartTimeWord.
    if (doc.tokens[i].kind != text::kNumber &&
        (doc.tokens[i].flags & (text::kCapitalized | text::kAllCaps | text::kHasDigit)) == 0 &&
        !MayStartTimeWord(k)) {
      continue;
    }
    std::string_view prev = i > first ? Key(doc, i - 1, last) : std::string_view();
    std::string_view next = Key(doc, i + 1, last);

    // Absolute month-day(-year): "Dec. 10", "December 10, 2016", "March 16".
    const bool capitalized = doc.tokens[i].Has(text::kCapitalized);
    int month = capitalized || doc.tokens[i].Has(text::kAllCaps) ? MonthFromKey(k) : 0;
    if (month != 0 && (doc.tokens[i].Has(text::kCapitalized) || doc.tokens[i].Has(text::kAllCaps)) &&
        !(k == "may" && !doc.tokens[i].Has(text::kCapitalized)) && !(k == "march" && prev == "to")) {
      uint32_t j = i + 1;
      if (Key(doc, j, last) == ".") ++j;
      int day = SmallNumber(doc, j, last);
      bool numeric_day = j < last && (doc.tokens[j].kind == text::kNumber || doc.tokens[j].Has(text::kHasDigit));
      if (day >= 1 && day <= 31 && numeric_day) {
        uint32_t y = j + 1;
        uint32_t end = j + 1;
        int year = -1;
        if (Key(doc, y, last) == ",") ++y;
        year = Year(doc, y, last);
        if (year > 0) end = y + 1;
        if (year < 0 && known) year = InferYear(pub, month, day);
        int32_t d = year > 0 ? DayFromCivil(year, month, day) : kUnknownDay;
        // "since September 5", "since the truce took effect September 5": from that day to publication.
        bool since = false;
        for (uint32_t b = i; b > first && i - b < 8; --b) {
          std::string_view bk = Key(doc, b - 1, last);
          if (bk == "since") since = true;
          if (since || doc.tokens[b - 1].kind == text::kPunct) break;
        }
        int32_t e = since && known && d != kUnknownDay && d <= pub ? pub : d;
        out->push_back(Make(i, end, d, e, Precision::kDay, year > 0 && Year(doc, y, last) < 0));
        i = end - 1;
        continue;
      }
      // "March 2017", "in March"
      int year = Year(doc, i + 1, last);
      bool month_only_ok = prev == "in" || prev == "since" || prev == "of" || prev == "early" || prev == "late" ||
                           prev == "mid" || prev == "until" || prev == "during" || prev == "last" || year > 0;
      if (prev == "last" && year < 0 && known && k != "may") {
        // "last November": the latest such month strictly before the publication month.
        int py, pm, pd;
        CivilFromDay(pub, &py, &pm, &pd);
        int y = month < pm ? py : py - 1;
        out->push_back(Make(i - 1, i + 1, DayFromCivil(y, month, 1), DayFromCivil(y, month, DaysInMonth(y, month)),
                            Precision::kMonth, true));
        continue;
      }
      if (month_only_ok && k != "may") {
        uint32_t end = year > 0 ? i + 2 : i + 1;
        if (year < 0 && known) year = InferYear(pub, month, 1);
        int32_t s = year > 0 ? DayFromCivil(year, month, 1) : kUnknownDay;
        int32_t e = year > 0 ? DayFromCivil(year, month, DaysInMonth(year, month)) : kUnknownDay;
        // "since March": from then to publication, when then is before it ("since 2016" in a 1981 article is
        // read as written, found by fuzzing).
        if (prev == "since" && known && s != kUnknownDay && s <= pub) e = pub;
        out->push_back(Make(i, end, s, e, Precision::kMonth, Year(doc, i + 1, last) < 0));
        i = end - 1;
        continue;
      }
    }
    // "10 December 2016", "21st of August"
    if (doc.tokens[i].Has(text::kHasDigit) || doc.tokens[i].kind == text::kNumber) {
      int day = SmallNumber(doc, i, last);
      uint32_t m = i + 1;
      if (Key(doc, m, last) == "of") ++m;
      int month2 = MonthFromKey(Key(doc, m, last));
      if (day >= 1 && day <= 31 && month2 != 0 && m < last && doc.tokens[m].Has(text::kCapitalized)) {
        int year = Year(doc, m + 1, last);
        uint32_t end = year > 0 ? m + 2 : m + 1;
        bool relative = year < 0;
        if (year < 0 && known) year = InferYear(pub, month2, day);
        int32_t d = year > 0 ? DayFromCivil(year, month2, day) : kUnknownDay;
        out->push_back(Make(i, end, d, d, Precision::kDay, relative));
        i = end - 1;
        continue;
      }
      // "in 2015"
      int year = Year(doc, i, last);
      if (year > 0 && (prev == "in" || prev == "since" || prev == "during" || prev == "of") &&
          MonthFromKey(next) == 0) {
        int32_t s = DayFromCivil(year, 1, 1), e = DayFromCivil(year, 12, 31);
        if (prev == "since" && known && s <= pub) e = pub;
        out->push_back(Make(i, i + 1, s, e, Precision::kYear, false));
        continue;
      }
    }

    // Weekdays: "on Saturday", "Saturday night", "since Friday".
    int wd = capitalized ? WeekdayFromKey(k) : -1;
    if (wd >= 0 && capitalized) {
      uint32_t end = i + 1;
      std::string_view part = Key(doc, end, last);
      if (part == "morning" || part == "afternoon" || part == "evening" || part == "night") ++end;
      bool future = prev == "next" || prev == "coming";
      int32_t d = kUnknownDay;
      if (known) {
        int back = (Weekday(pub) - wd + 7) % 7;
        d = future ? pub + ((wd - Weekday(pub) + 7) % 7 == 0 ? 7 : (wd - Weekday(pub) + 7) % 7) : pub - back;
        if (prev == "last" && back == 0) d = pub - 7;
      }
      // Dates written after the weekday ("Saturday, Dec. 10") are handled by the absolute rule next round.
      uint32_t start = (prev == "on" || prev == "last" || prev == "next" || prev == "since") && i > first ? i - 1 : i;
      if (prev == "since" && d != kUnknownDay) {
        out->push_back(Make(start, end, d, pub, Precision::kDay, true));
      } else {
        out->push_back(Make(start, end, d, d, Precision::kDay, true));
      }
      i = end - 1;
      continue;
    }

    if (k == "today" || k == "tonight" || (k == "this" && (next == "morning" || next == "afternoon" ||
                                                             next == "evening"))) {
      uint32_t end = k == "this" ? i + 2 : i + 1;
      out->push_back(Make(i, end, pub, pub, Precision::kDay, true));
      i = end - 1;
      continue;
    }
    if (k == "yesterday" || (k == "last" && next == "night") || (k == "overnight")) {
      uint32_t end = k == "last" ? i + 2 : i + 1;
      int32_t d = known ? (k == "overnight" ? pub - 1 : pub - 1) : kUnknownDay;
      if (k == "overnight" && known) {
        out->push_back(Make(i, end, pub - 1, pub, Precision::kDay, true));
      } else {
        out->push_back(Make(i, end, d, d, Precision::kDay, true));
      }
      i = end - 1;
      continue;
    }
    // "the previous day", "a day earlier", "the day before"
    if ((k == "previous" && next == "day") || (k == "day" && (next == "earlier" || next == "before") &&
                                               (prev == "a" || prev == "the" || prev == "one"))) {
      uint32_t start = (prev == "the" || prev == "a" || prev == "one") && i > first ? i - 1 : i;
      out->push_back(Make(start, i + 2, known ? pub - 1 : kUnknownDay, known ? pub - 1 : kUnknownDay,
                          Precision::kDay, true));
      ++i;
      continue;
    }
    // "last week", "this week", "last month", "this month", "earlier this month", "last year"
    if ((k == "last" || k == "this" || k == "past") &&
        (next == "week" || next == "month" || next == "year" || next == "weekend")) {
      bool earlier = prev == "earlier";
      uint32_t start = earlier && i > first ? i - 1 : i;
      int32_t s = kUnknownDay, e = kUnknownDay;
      Precision p = Precision::kWeek;
      if (known) {
        int y, m, d;
        CivilFromDay(pub, &y, &m, &d);
        if (next == "week") {
          s = k == "this" ? WeekStart(pub) : WeekStart(pub) - 7;
          e = k == "this" ? pub : s + 6;
          if (k == "past") {
            s = pub - 7;
            e = pub;
          }
        } else if (next == "weekend") {
          int32_t saturday = pub - ((Weekday(pub) - 6 + 7) % 7);
          if (k == "last" && saturday == pub) saturday -= 7;
          s = saturday;
          e = saturday + 1;
          p = Precision::kDay;
        } else if (next == "month") {
          p = Precision::kMonth;
          if (k == "this" || k == "past") {
            s = DayFromCivil(y, m, 1);
            e = pub;
            if (k == "past") s = pub - 30;
          } else {
            int32_t prev_month = AddMonths(DayFromCivil(y, m, 1), -1);
            int py, pm, pd;
            CivilFromDay(prev_month, &py, &pm, &pd);
            s = prev_month;
            e = DayFromCivil(py, pm, DaysInMonth(py, pm));
          }
        } else {
          p = Precision::kYear;
          int yy = k == "last" ? y - 1 : y;
          s = DayFromCivil(yy, 1, 1);
          e = k == "last" ? DayFromCivil(yy, 12, 31) : pub;
          if (k == "past") {
            s = AddMonths(pub, -12);
            e = pub;
          }
        }
      }
      out->push_back(Make(start, i + 2, s, e, p, true));
      ++i;
      continue;
    }
    // "since Friday" handled above; "two days of fighting", "over the past three weeks", "nine months after",
    // "three days ago"
    // Only a unit of time after it makes a number a duration: test that (cheap) before reading the number.
    int n = UnitDays(next) != 0 || UnitMonths(next) != 0 ? SmallNumber(doc, i, last) : -1;
    if (n != -1) {
      std::string_view unit = next;
      int days = UnitDays(unit), months = UnitMonths(unit);
      if (days == -1) {
        // "over the past 48 hours": whole days, rounded up.
        if (n > 0) n = (n + 23) / 24;
        days = 1;
      }
      if (days > 0 || months > 0) {
        std::string_view after = Key(doc, i + 2, last);
        bool past = prev == "past" || prev == "last" || (prev == "the" && i >= 2);
        uint32_t start = i;
        if ((prev == "past" || prev == "last") && i >= first + 1) {
          start = i - 1;
          if (start > first && (Key(doc, start - 1, last) == "the")) --start;
          if (start > first && (Key(doc, start - 1, last) == "over" || Key(doc, start - 1, last) == "in")) --start;
        }
        int32_t s = kUnknownDay, e = kUnknownDay;
        Precision p = months > 0 ? Precision::kMonth : Precision::kDay;
        bool emit = false;
        uint32_t end = i + 2;
        if (n == -2) {
          // "several days of fighting": a span we cannot size, so unresolved.
          emit = after == "of" || after == "ago" || past;
        } else if (after == "ago") {
          end = i + 3;
          emit = true;
          if (known) {
            s = e = months > 0 ? AddMonths(pub, -n * months) : pub - n * days;
          }
        } else if (after == "after" || after == "later") {
          // "nine months after militants were driven from the city": the embedded event lies that far back.
          emit = true;
          end = i + 3;
          if (known) {
            int32_t back = months > 0 ? AddMonths(pub, -n * months) : pub - n * days;
            s = e = back;
            if (months > 0) {
              int y, m, d;
              CivilFromDay(back, &y, &m, &d);
              s = DayFromCivil(y, m, 1);
              e = DayFromCivil(y, m, DaysInMonth(y, m));
            }
          }
        } else if (after == "of" || past) {
          // "two days of intense fighting", "over the past three weeks": a range ending at publication.
          emit = true;
          if (known && n > 0) {
            s = months > 0 ? AddMonths(pub, -n * months) : pub - (n * days - 1);
            if (past && days > 0) s = pub - n * days;
            e = pub;
            p = months > 0 ? Precision::kMonth : (days == 7 ? Precision::kWeek : Precision::kDay);
          }
        }
        if (emit) {
          out->push_back(Make(start, end, s, e, p, true));
          out->back().governs_following = after == "after" || after == "later";
          i = end - 1;
          continue;
        }
      }
    }
  }
}

}  // namespace sitrep::timeutil
