#include "geo/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "text/document.h"
#include "text/utf8.h"

#ifndef SITREP_GAZETTEER_BUILT
#define SITREP_GAZETTEER_BUILT ""
#endif

namespace sitrep::geo {

std::string Gazetteer::DefaultPath(const std::string& data_dir) {
  if (const char* env = std::getenv("SITREP_GAZETTEER"); env != nullptr && *env) return env;
  if (!data_dir.empty()) {
    std::string p = data_dir + "/gazetteer.bin";
    struct stat st;
    if (::stat(p.c_str(), &st) == 0) return p;
  }
  return SITREP_GAZETTEER_BUILT;
}

void Gazetteer::NameKey(std::string_view name, std::string* out) {
  // Keys are made from valid UTF-8 only: with stray bytes left in, dropping an apostrophe between two of them
  // could join them into a character, and the key of a key would differ from the key (found by fuzzing).
  std::string repaired;
  bool plain = true;
  for (unsigned char c : name) plain &= c >= 0x20 && c < 0x80;
  if (!plain) {
    text::Utf8Report report;
    if (!text::RepairUtf8(name, &repaired, &report)) name = repaired;
  }
  // Per-thread buffers: a key costs no heap allocation once the buffers have grown to the longest word seen.
  static thread_local std::string word, clean;
  const size_t start = out->size();
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && (name[i] == ' ' || name[i] == '-' || name[i] == ',' || name[i] == '(' ||
                               name[i] == ')' || name[i] == '/' || name[i] == '\t' || name[i] == '"')) {
      ++i;
    }
    size_t j = i;
    while (j < name.size() && !(name[j] == ' ' || name[j] == '-' || name[j] == ',' || name[j] == '(' ||
                                name[j] == ')' || name[j] == '/' || name[j] == '\t' || name[j] == '"')) {
      ++j;
    }
    if (j == i) break;
    word.clear();
    text::AppendKey(name.substr(i, j - i), &word);
    // Apostrophes and ayn/hamza marks are dropped: "Ma'arrat" = "Maarrat", "'Ayn al 'Arab" = "Ayn al Arab".
    clean.clear();
    for (size_t k = 0; k < word.size(); ++k) {
      unsigned char c = static_cast<unsigned char>(word[k]);
      if (c == '\'') continue;
      if (c == 0xCA && k + 1 < word.size() &&
          (static_cast<unsigned char>(word[k + 1]) == 0xBF || static_cast<unsigned char>(word[k + 1]) == 0xBE)) {
        ++k;  // U+02BF, U+02BE
        continue;
      }
      clean.push_back(static_cast<char>(c));
    }
    if (!clean.empty()) {
      const bool first_word = out->size() == start;
      if (!first_word) out->push_back(' ');
      // Abbreviated leading words as GeoNames spells them out: "St. Cloud" = "Saint Cloud", "Ft. Worth",
      // "Mt. Vernon". Only before another word ("Main St." stays a street).
      size_t k = j;
      while (k < name.size() && (name[k] == ' ' || name[k] == '-')) ++k;
      if (first_word && k < name.size() && clean.size() == 2 && (clean == "st" || clean == "ft" || clean == "mt")) {
        out->append(clean == "st" ? "saint" : clean == "ft" ? "fort" : "mount");
      } else {
        out->append(clean);
      }
    }
    i = j;
  }
}

uint64_t Gazetteer::HashKey(std::string_view key) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ULL;
  return h;
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Open(const std::string& path) {
  if (path.empty()) return Status::NotFound("no gazetteer index (build it: ninja gazetteer, or set SITREP_GAZETTEER)");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound(path + ": cannot open the gazetteer index: " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(GazetteerHeader))) {
    ::close(fd);
    return Status::ParseError(path + ": not a gazetteer index (too small)");
  }
  void* m = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (m == MAP_FAILED) return Status::IoError(path + ": mmap failed: " + std::strerror(errno));
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->map_ = m;
  g->map_size_ = static_cast<size_t>(st.st_size);
  const auto* base = static_cast<const char*>(m);
  GazetteerHeader h;
  std::memcpy(&h, base, sizeof h);
  if (std::memcmp(h.magic, "SITGAZ02", 8) != 0) return Status::ParseError(path + ": not a gazetteer index (magic)");
  auto fits = [&](uint64_t off, uint64_t bytes) { return off <= g->map_size_ && bytes <= g->map_size_ - off; };
  if (!fits(h.places_off, uint64_t{h.n_places} * sizeof(PlaceRecord)) ||
      !fits(h.keys_off, uint64_t{h.n_keys} * sizeof(GazetteerKeyEntry)) ||
      !fits(h.postings_off, uint64_t{h.n_postings} * 4) || !fits(h.countries_off, uint64_t{h.n_countries} * 8) ||
      !fits(h.strings_off, h.strings_size) || h.strings_size == 0 || base[h.strings_off + h.strings_size - 1] != 0) {
    return Status::ParseError(path + ": gazetteer index is truncated or corrupt");
  }
  g->places_ = reinterpret_cast<const PlaceRecord*>(base + h.places_off);
  g->n_places_ = h.n_places;
  g->keys_ = reinterpret_cast<const GazetteerKeyEntry*>(base + h.keys_off);
  g->n_keys_ = h.n_keys;
  g->postings_ = reinterpret_cast<const uint32_t*>(base + h.postings_off);
  g->countries_ = base + h.countries_off;
  g->n_countries_ = h.n_countries;
  g->strings_ = base + h.strings_off;
  g->sources_ = h.sources < h.strings_size ? std::string_view(g->strings_ + h.sources) : std::string_view();
  return g;
}

Gazetteer::~Gazetteer() {
  if (map_ != nullptr) ::munmap(const_cast<void*>(map_), map_size_);
}

size_t Gazetteer::Lookup(std::string_view key, Posting* out, size_t max) const {
  if (key.empty() || n_keys_ == 0) return 0;
  const uint64_t h = HashKey(key);
  const GazetteerKeyEntry* e = std::lower_bound(keys_, keys_ + n_keys_, h,
                                                [](const GazetteerKeyEntry& a, uint64_t v) { return a.hash < v; });
  if (e == keys_ + n_keys_ || e->hash != h) return 0;
  size_t n = std::min<size_t>(e->count, max);
  for (size_t i = 0; i < n; ++i) {
    uint32_t p = postings_[e->begin + i];
    out[i].place = p & 0x0FFFFFFFu;
    out[i].source = static_cast<NameSource>(p >> 28);
  }
  return n;
}

bool Gazetteer::Contains(std::string_view key) const {
  Posting p;
  return Lookup(key, &p, 1) > 0;
}

std::string_view Gazetteer::country_iso2(uint16_t c) const {
  if (c >= n_countries_) return {};
  return std::string_view(countries_ + size_t{c} * 8, 2);
}

std::string_view Gazetteer::country_code(uint32_t i) const { return country_iso2(places_[i].country); }

std::string_view Gazetteer::admin1_name(uint32_t i) const {
  const PlaceRecord& p = places_[i];
  if (p.kind == PlaceKind::kAdmin1) return str(p.name);
  if (p.admin1 == kNone) return {};
  return str(places_[p.admin1].name);
}

uint32_t Gazetteer::CountryPlace(std::string_view iso2) const {
  if (iso2.size() != 2) return kNone;
  for (size_t c = 0; c < n_countries_; ++c) {
    const char* e = countries_ + c * 8;
    if (e[0] == iso2[0] && e[1] == iso2[1]) {
      uint32_t p;
      std::memcpy(&p, e + 4, 4);
      return p;
    }
  }
  return kNone;
}

std::string_view Gazetteer::CountryName(std::string_view iso2) const {
  const uint32_t p = CountryPlace(iso2);
  return p == kNone ? std::string_view() : name(p);
}

std::string CountryNameOrCode(std::string_view iso2) {
  static const Gazetteer* const gaz = [] {
    auto g = Gazetteer::Open(Gazetteer::DefaultPath(""));
    return g.ok() ? std::move(g.value()).release() : nullptr;  // kept for the life of the process
  }();
  if (gaz != nullptr) {
    std::string_view n = gaz->CountryName(iso2);
    if (!n.empty()) return std::string(n);
  }
  return std::string(iso2);
}

}  // namespace sitrep::geo
