#include "io/progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace sitrep::io {

Progress::Progress(std::string label, uint64_t total_bytes)
    : label_(std::move(label)), total_bytes_(total_bytes) {
  const char* ci = std::getenv("CI");
  enabled_ = isatty(STDERR_FILENO) && !(ci && *ci && std::string(ci) != "0");
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

Progress::~Progress() { Finish(); }

void Progress::Update(uint64_t articles, uint64_t bytes) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double rate = secs > 0 ? articles / secs : 0;
  double mbps = secs > 0 ? bytes / secs / 1e6 : 0;
  char line[256];
  if (total_bytes_ > 0) {
    double frac = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(total_bytes_));
    int width = 30, filled = static_cast<int>(frac * width);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.append(static_cast<size_t>(width - filled), '.');
    double eta = frac > 0 ? secs * (1 - frac) / frac : 0;
    std::snprintf(line, sizeof line, "\r%s [%s] %3.0f%%  %llu articles  %.0f/s  %.1f MB/s  ETA %.0fs   ",
                  label_.c_str(), bar.c_str(), frac * 100, static_cast<unsigned long long>(articles), rate, mbps, eta);
  } else {
    std::snprintf(line, sizeof line, "\r%s %llu articles  %.0f/s  %.1f MB/s   ", label_.c_str(),
                  static_cast<unsigned long long>(articles), rate, mbps);
  }
  std::fputs(line, stderr);
  std::fflush(stderr);
}

void Progress::Finish() {
  if (!enabled_ || finished_) return;
  finished_ = true;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
}

}  // namespace sitrep::io
