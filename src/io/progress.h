// A progress bar for long jobs: drawn on stderr only when stderr is a terminal (and CI is not set), with
// articles/s, MB/s and ETA; silent when piped. Not thread-safe: call from the thread that owns the output.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace sitrep::io {

class Progress {
 public:
  Progress(std::string label, uint64_t total_bytes);
  ~Progress();
  void Update(uint64_t articles, uint64_t bytes);
  void Finish();
  bool enabled() const { return enabled_; }

 private:
  std::string label_;
  uint64_t total_bytes_;
  bool enabled_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace sitrep::io
