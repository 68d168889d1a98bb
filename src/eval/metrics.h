// Classification metrics for the scorers: per-label precision/recall/F1, accuracy, weighted and macro F1.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sitrep::eval {

class ConfusionTable {
 public:
  // Records one decision. An empty string stands for "no event" (a miss or a spurious prediction).
  void Add(const std::string& gold, const std::string& predicted);

  struct LabelScore {
    std::string label;
    int support = 0;  // gold count
    double precision = 0, recall = 0, f1 = 0;
  };
  std::vector<LabelScore> PerLabel() const;  // labels with gold support or predictions, excluding ""
  double WeightedF1() const;                 // weighted by gold support over labels != ""
  double MacroF1() const;
  // Accuracy over pairs where both gold and prediction exist.
  double AccuracyOnPairs() const;
  int PairCount() const;
  // The most frequent (gold, predicted) disagreements.
  std::vector<std::pair<std::pair<std::string, std::string>, int>> TopConfusions(size_t n) const;

 private:
  std::map<std::pair<std::string, std::string>, int> cells_;
};

}  // namespace sitrep::eval
