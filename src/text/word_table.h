// WordTable: O(1) membership of a token key in small closed classes of words ("killed", "january", "dozens").
//
// The stages read many short fixed word lists for every token (casualty words, units, months, number words).
// Searching each list linearly by string comparison was the largest cost of extraction (bench/README.md). A
// WordTable gathers several such lists, each with its own class bit, into one open-addressing hash table, so a
// key is hashed once and every list test becomes a bit test on the returned mask:
//
//   static const text::WordTable kTable({{kKilledWords, kKilled}, {kUnits, kUnit}});
//   uint32_t classes = kTable.Classes(key);
//   if (classes & kKilled) ...
//
// Build one as a function-local static const: it is built once, thread-safe to initialise, then immutable and
// shared by all threads. Lookups allocate nothing. The keys must outlive the table (string literals in
// constexpr arrays do).
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep::text {

class WordTable {
 public:
  using WordList = std::span<const std::string_view>;

  WordTable(std::initializer_list<std::pair<WordList, uint32_t>> lists) {
    size_t n = 0;
    for (const auto& [words, bit] : lists) n += words.size();
    size_t cap = 16;
    while (cap < n * 4) cap *= 2;  // load factor at most 1/4: short probes
    slots_.resize(cap);
    mask_ = static_cast<uint32_t>(cap - 1);
    for (const auto& [words, bit] : lists) {
      for (std::string_view w : words) {
        if (w.size() > max_len_) max_len_ = static_cast<uint32_t>(w.size());
        if (w.size() < min_len_) min_len_ = static_cast<uint32_t>(w.size());
        for (uint32_t h = Hash(w) & mask_;; h = (h + 1) & mask_) {
          Slot& s = slots_[h];
          if (s.classes == 0) {
            s.key = w;
            s.classes = bit;
            break;
          }
          if (s.key == w) {
            s.classes |= bit;
            break;
          }
        }
      }
    }
  }

  // The union of the class bits of the lists that hold `key` (exact match), 0 when none does.
  uint32_t Classes(std::string_view key) const {
    if (key.size() < min_len_ || key.size() > max_len_) return 0;
    for (uint32_t h = Hash(key) & mask_;; h = (h + 1) & mask_) {
      const Slot& s = slots_[h];
      if (s.classes == 0) return 0;
      if (s.key == key) return s.classes;
    }
  }

  bool Has(std::string_view key, uint32_t classes) const { return (Classes(key) & classes) != 0; }

 private:
  struct Slot {
    std::string_view key;
    uint32_t classes = 0;
  };

  // Mixes the length and the first and last four bytes: words of these lists differ there, and it costs the
  // same for every key (a byte loop over the whole key was most of the cost of a lookup).
  static uint32_t Hash(std::string_view s) {
    const size_t n = s.size();
    uint64_t a = 0, b = 0;
    if (n >= 4) {
      uint32_t x, y;
      std::memcpy(&x, s.data(), 4);
      std::memcpy(&y, s.data() + n - 4, 4);
      a = x;
      b = y;
    } else {
      for (char c : s) a = (a << 8) | static_cast<uint8_t>(c);
    }
    uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + n) * 0xC2B2AE3D27D4EB4Full;
    return static_cast<uint32_t>(h >> 32);
  }

  std::vector<Slot> slots_;
  uint32_t mask_ = 0;
  uint32_t min_len_ = UINT32_MAX;
  uint32_t max_len_ = 0;
};

}  // namespace sitrep::text
