#include "time/civil_date.h"

#include <chrono>
#include <cstdio>

namespace sitrep::timeutil {

namespace chr = std::chrono;

int32_t DayFromCivil(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return kUnknownDay;
  chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                          chr::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return kUnknownDay;
  return static_cast<int32_t>(chr::sys_days(ymd).time_since_epoch().count());
}

void CivilFromDay(int32_t day, int* year, int* month, int* dom) {
  chr::year_month_day ymd{chr::sys_days(chr::days(day))};
  *year = static_cast<int>(ymd.year());
  *month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  *dom = static_cast<int>(static_cast<unsigned>(ymd.day()));
}

int Weekday(int32_t day) {
  return static_cast<int>(chr::weekday(chr::sys_days(chr::days(day))).c_encoding());
}

int DaysInMonth(int year, int month) {
  chr::year_month_day_last last{chr::year{year}, chr::month_day_last{chr::month{static_cast<unsigned>(month)}}};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

int32_t ParseIsoDate(std::string_view s) {
  if (s.size() < 10) return kUnknownDay;
  auto digits = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  if (s[4] != '-' || s[7] != '-') return kUnknownDay;
  int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 0 || m < 0 || d < 0) return kUnknownDay;
  return DayFromCivil(y, m, d);
}

std::string FormatIsoDate(int32_t day) {
  if (day == kUnknownDay) return {};
  int y, m, d;
  CivilFromDay(day, &y, &m, &d);
  if (y >= 0 && y <= 9999) {  // every real date: digits by hand (snprintf cost ~1,700 instructions a call)
    char buf[10] = {static_cast<char>('0' + y / 1000),     static_cast<char>('0' + y / 100 % 10),
                    static_cast<char>('0' + y / 10 % 10),  static_cast<char>('0' + y % 10),
                    '-',
                    static_cast<char>('0' + m / 10),       static_cast<char>('0' + m % 10),
                    '-',
                    static_cast<char>('0' + d / 10),       static_cast<char>('0' + d % 10)};
    return std::string(buf, sizeof buf);
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int32_t AddMonths(int32_t day, int months) {
  int y, m, d;
  CivilFromDay(day, &y, &m, &d);
  int total = y * 12 + (m - 1) + months;
  int ny = total / 12, nm = total % 12 + 1;
  if (ny < 1 || ny > 9999) return kUnknownDay;
  int nd = d > DaysInMonth(ny, nm) ? DaysInMonth(ny, nm) : d;
  return DayFromCivil(ny, nm, nd);
}

}  // namespace sitrep::timeutil
