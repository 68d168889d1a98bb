// Heap allocations on the extraction hot path, counted (issue 2: "no per-token heap allocation on the hot path").
//
//   SITREP_SHARED=/work/shared build-bench/bench/sitrep_alloc_count [corpus-relative-path] [max-articles]
//
// Replaces the global operator new to count calls. The corpus is extracted twice with one scratch: the first pass
// warms the scratch's capacity, the second is counted. Prints allocations per article, per sentence, per token
// and per event, then the call sites that allocate most (return addresses resolved with addr2line), so that the
// lead can find them. Output records (ArticleResult's strings and vectors) are allocations by design; the figure
// to watch is allocations per token, which should tend to 0.
#include <dlfcn.h>
#include <execinfo.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <new>
#include <string>
#include <vector>

#include "io/input_reader.h"
#include "sitrep/extract.h"

namespace {

std::atomic<bool> g_counting{false};
std::atomic<uint64_t> g_allocs{0};
std::atomic<uint64_t> g_bytes{0};
thread_local bool t_in_hook = false;

constexpr int kDepth = 10;
struct Site {
  void* frames[kDepth];
  uint64_t count;
};
constexpr size_t kSites = 1 << 14;
Site g_sites[kSites];

void RecordSite() {
  if (t_in_hook) return;
  t_in_hook = true;
  void* frames[kDepth + 2] = {};
  backtrace(frames, kDepth + 2);
  uint64_t h = 1469598103934665603ULL;
  for (int i = 2; i < kDepth + 2; ++i) h = (h ^ reinterpret_cast<uintptr_t>(frames[i])) * 1099511628211ULL;
  for (size_t probe = 0; probe < kSites; ++probe) {
    Site& s = g_sites[(h + probe) & (kSites - 1)];
    if (s.count == 0) {
      std::copy(frames + 2, frames + 2 + kDepth, s.frames);
      s.count = 1;
      break;
    }
    if (std::equal(frames + 2, frames + 2 + kDepth, s.frames)) {
      ++s.count;
      break;
    }
  }
  t_in_hook = false;
}

void* CountedAlloc(size_t n) {
  if (g_counting.load(std::memory_order_relaxed)) {
    g_allocs.fetch_add(1, std::memory_order_relaxed);
    g_bytes.fetch_add(n, std::memory_order_relaxed);
    RecordSite();
  }
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  return p;
}

// The source locations of a code address, innermost inlined frame first, via addr2line on its object file.
std::vector<std::string> Where(void* addr) {
  std::vector<std::string> out;
  Dl_info info;
  if (!dladdr(addr, &info) || !info.dli_fname) return out;
  uintptr_t off = reinterpret_cast<uintptr_t>(addr) - reinterpret_cast<uintptr_t>(info.dli_fbase) - 1;
  char cmd[1024];
  std::snprintf(cmd, sizeof cmd, "addr2line -i -f -C -e '%s' 0x%lx 2>/dev/null", info.dli_fname,
                static_cast<unsigned long>(off));
  FILE* p = popen(cmd, "r");
  if (!p) return out;
  char fn[8192], line[2048];
  while (std::fgets(fn, sizeof fn, p) && std::fgets(line, sizeof line, p)) {
    std::string f(fn), l(line);
    while (!f.empty() && f.back() == '\n') f.pop_back();
    while (!l.empty() && l.back() == '\n') l.pop_back();
    if (size_t at = l.find(" (discriminator"); at != std::string::npos) l.resize(at);
    if (size_t at = l.rfind("/src/"); at != std::string::npos) l = l.substr(at + 1);
    if (size_t paren = f.find('('); paren != std::string::npos) f.resize(paren);
    out.push_back(l + "  " + f);
  }
  pclose(p);
  return out;
}

bool IsLibraryFrame(const std::string& where) {
  // Frames inside the standard library's containers: show the caller instead.
  return where.find(".h:") != std::string::npos || where.find(".tcc:") != std::string::npos ||
         where.find("/usr/") != std::string::npos || where.rfind("??", 0) == 0 ||
         where.find("alloc_count.cc") != std::string::npos;
}

}  // namespace

void* operator new(size_t n) { return CountedAlloc(n); }
void* operator new[](size_t n) { return CountedAlloc(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  try {
    return CountedAlloc(n);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const char* env = std::getenv("SITREP_SHARED");
  std::string shared = env && *env ? env : (fs::path(SITREP_DATA_DIR).parent_path().parent_path() / "shared").string();
  std::string rel = argc > 1 ? argv[1] : "corpus/bench/wikipedia_current_events.jsonl";
  size_t max_articles = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 2000;
  std::string path = rel.front() == '/' ? rel : shared + "/" + rel;
  if (!fs::exists(path)) {
    std::fprintf(stderr, "alloc_count: %s not found (set SITREP_SHARED); skipped\n", path.c_str());
    return 0;
  }
  sitrep::ExtractOptions opts;
  const char* data = std::getenv("SITREP_DATA");
  opts.data_dir = data && *data ? data : SITREP_DATA_DIR;
  auto created = sitrep::Extractor::Create(opts);
  if (!created.ok()) {
    std::fprintf(stderr, "alloc_count: %s\n", created.status().message().c_str());
    return 1;
  }
  const auto& ex = *created.value();
  std::vector<sitrep::io::InputArticle> articles;
  {
    sitrep::io::InputReader reader({path});
    std::vector<sitrep::io::InputError> errors;
    sitrep::io::InputArticle a;
    while (articles.size() < max_articles && reader.Next(&a, &errors)) articles.push_back(std::move(a));
  }
  auto scratch = ex.NewScratch();
  sitrep::ArticleResult result;
  void* warm[4];
  backtrace(warm, 4);  // backtrace() loads libgcc on first use; do it before counting
  uint64_t sentences = 0, tokens = 0, events = 0;
  for (int pass = 0; pass < 2; ++pass) {
    g_counting = pass == 1;
    for (const auto& art : articles) {
      sitrep::ArticleInput in{art.id, art.title, art.source, art.url, art.published, art.text};
      ex.Extract(in, scratch.get(), &result);
      if (pass == 1) {
        sentences += result.sentence_count;
        tokens += result.token_count;
        events += result.events.size();
      }
    }
  }
  g_counting = false;
  const double allocs = static_cast<double>(g_allocs.load());
  std::printf("%s: %zu articles, %lu sentences, %lu tokens, %lu events\n", path.c_str(), articles.size(),
              static_cast<unsigned long>(sentences), static_cast<unsigned long>(tokens),
              static_cast<unsigned long>(events));
  std::printf("allocations in Extract (warm scratch): %.0f (%.1f MB)\n", allocs, g_bytes.load() / 1e6);
  std::printf("  per article %.1f, per sentence %.2f, per token %.3f, per event %.1f\n", allocs / articles.size(),
              allocs / std::max<uint64_t>(sentences, 1), allocs / std::max<uint64_t>(tokens, 1),
              allocs / std::max<uint64_t>(events, 1));
  // Top call sites, by the first frame outside the standard library.
  std::vector<std::pair<uint64_t, std::string>> by_site;
  for (const Site& s : g_sites) {
    if (s.count == 0) continue;
    std::string where = "?";
    for (void* f : s.frames) {
      if (!f || where != "?") break;
      for (const std::string& w : Where(f)) {
        if (!IsLibraryFrame(w)) {
          where = w;
          break;
        }
      }
    }
    auto it = std::find_if(by_site.begin(), by_site.end(), [&](const auto& p) { return p.second == where; });
    if (it == by_site.end()) by_site.emplace_back(s.count, where);
    else it->first += s.count;
  }
  std::sort(by_site.begin(), by_site.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::printf("top allocation sites (first frame outside the standard library):\n");
  for (size_t i = 0; i < by_site.size() && i < 25; ++i) {
    std::printf("  %9lu  %5.1f%%  %s\n", static_cast<unsigned long>(by_site[i].first), 100.0 * by_site[i].first / allocs,
                by_site[i].second.c_str());
  }
  return 0;
}
