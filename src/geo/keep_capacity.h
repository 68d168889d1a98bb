// Resizing per-thread buffers without giving their heap storage back (the hot-path rule: no per-token heap
// allocation once a thread's scratch has grown).
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace sitrep::geo {

// Resizes *v to n elements. Elements cut off are moved to *spare, and moved back first when *v grows again, so that
// the vectors and strings they own keep their capacity across calls (std::vector::resize would destroy them).
// Elements taken from *spare keep whatever they held: the caller resets them. New elements beyond what *spare
// holds are value-initialised.
template <typename T>
void ResizeKeeping(std::vector<T>* v, std::vector<T>* spare, size_t n) {
  while (v->size() > n) {
    spare->push_back(std::move(v->back()));
    v->pop_back();
  }
  while (v->size() < n) {
    if (spare->empty()) {
      v->emplace_back();
    } else {
      v->push_back(std::move(spare->back()));
      spare->pop_back();
    }
  }
}

}  // namespace sitrep::geo
