#include "text/utf8.h"

#include <cstring>

namespace sitrep::text {
namespace {
constexpr size_t kMaxReportedOffsets = 8;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid sequence at p (1..4), or 0 when invalid (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF).
int ValidSequenceLength(const unsigned char* p, const unsigned char* end) {
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  auto cont = [&](int i) { return p + i < end && (p[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;  // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;  // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

void Note(Utf8Report* report, size_t offset) {
  if (report->first_offsets.size() < kMaxReportedOffsets) report->first_offsets.push_back(offset);
}
}  // namespace

bool RepairUtf8(std::string_view in, std::string* out, Utf8Report* report) {
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const auto* end = p + in.size();
  const auto* start = p;
  out->reserve(out->size() + in.size());
  bool clean = true;
  while (p < end) {
    // Fast path: a run of printable ASCII, eight bytes at a time while no byte is below 0x20 or above 0x7F
    // (exact as a yes/no test: the subtraction borrows into the high bit of the first byte below 0x20).
    const unsigned char* run = p;
    while (end - run >= 8) {
      uint64_t w;
      std::memcpy(&w, run, 8);
      if (((w - 0x2020202020202020ULL) | w) & 0x8080808080808080ULL) break;
      run += 8;
    }
    while (run < end && *run >= 0x20 && *run < 0x80) ++run;
    if (run != p) {
      out->append(reinterpret_cast<const char*>(p), run - p);
      p = run;
      continue;
    }
    unsigned char c = *p;
    if (c < 0x20) {
      if (c == '\n' || c == '\t' || c == '\r') {
        out->push_back(static_cast<char>(c));
      } else {
        out->push_back(' ');
        report->nul_bytes++;
        Note(report, p - start);
        clean = false;
      }
      ++p;
      continue;
    }
    int len = ValidSequenceLength(p, end);
    if (len == 0) {
      out->append(kReplacement);
      report->invalid_sequences++;
      Note(report, p - start);
      clean = false;
      ++p;
      // Skip the continuation bytes of this broken sequence so one bad character gives one replacement.
      while (p < end && (*p & 0xC0) == 0x80) ++p;
      continue;
    }
    out->append(reinterpret_cast<const char*>(p), len);
    p += len;
  }
  return clean;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace sitrep::text
