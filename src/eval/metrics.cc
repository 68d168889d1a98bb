#include "eval/metrics.h"

#include <algorithm>
#include <set>

namespace sitrep::eval {

void ConfusionTable::Add(const std::string& gold, const std::string& predicted) { cells_[{gold, predicted}]++; }

std::vector<ConfusionTable::LabelScore> ConfusionTable::PerLabel() const {
  std::set<std::string> labels;
  for (const auto& [k, v] : cells_) {
    if (!k.first.empty()) labels.insert(k.first);
    if (!k.second.empty()) labels.insert(k.second);
  }
  std::vector<LabelScore> out;
  for (const auto& label : labels) {
    int tp = 0, gold = 0, pred = 0;
    for (const auto& [k, v] : cells_) {
      if (k.first == label) gold += v;
      if (k.second == label) pred += v;
      if (k.first == label && k.second == label) tp += v;
    }
    LabelScore s;
    s.label = label;
    s.support = gold;
    s.precision = pred ? static_cast<double>(tp) / pred : 0;
    s.recall = gold ? static_cast<double>(tp) / gold : 0;
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
    out.push_back(s);
  }
  return out;
}

double ConfusionTable::WeightedF1() const {
  double sum = 0;
  int support = 0;
  for (const auto& s : PerLabel()) {
    sum += s.f1 * s.support;
    support += s.support;
  }
  return support ? sum / support : 0;
}

double ConfusionTable::MacroF1() const {
  double sum = 0;
  int n = 0;
  for (const auto& s : PerLabel()) {
    if (s.support == 0) continue;
    sum += s.f1;
    ++n;
  }
  return n ? sum / n : 0;
}

double ConfusionTable::AccuracyOnPairs() const {
  int right = 0, all = 0;
  for (const auto& [k, v] : cells_) {
    if (k.first.empty() || k.second.empty()) continue;
    all += v;
    if (k.first == k.second) right += v;
  }
  return all ? static_cast<double>(right) / all : 0;
}

int ConfusionTable::PairCount() const {
  int all = 0;
  for (const auto& [k, v] : cells_) {
    if (!k.first.empty() && !k.second.empty()) all += v;
  }
  return all;
}

std::vector<std::pair<std::pair<std::string, std::string>, int>> ConfusionTable::TopConfusions(size_t n) const {
  std::vector<std::pair<std::pair<std::string, std::string>, int>> out;
  for (const auto& [k, v] : cells_) {
    if (k.first != k.second) out.push_back({k, v});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (out.size() > n) out.resize(n);
  return out;
}

}  // namespace sitrep::eval
