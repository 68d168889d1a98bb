// `sitrep eval`: scoring the extractor on gold sets (../shared/eval), so that every accuracy number in the
// README comes from a command anyone can re-run.
//
//   wcep-dev    382 hand-labelled Wikipedia Current Events lines in sitrep's vocabulary: event detection,
//               ACLED sub-type accuracy and weighted F1, PLOVER accuracy, actors, places, dates, counts,
//               sources, modality, no-event lines; and the errors by kind.
//   plover-gsr  the PLOVER gold-standard records: PLOVER type, actor country, dead counts.
#pragma once

#include <string>

#include "sitrep/extract.h"

namespace sitrep::eval {

struct EvalOptions {
  std::string gold_path;   // file of the gold set
  bool show_errors = true; // print the errors by kind, with examples
  int examples = 3;        // examples per error kind
  std::string json_out;    // also write the metrics as JSON here, when not empty
};

// Both print a table to stdout and return 0, or print the problem to stderr and return 1.
int RunWcepEval(const Extractor& extractor, const EvalOptions& options);
int RunPloverEval(const Extractor& extractor, const EvalOptions& options);

// Lenient actor-name agreement used by the scorers: equal ignoring case and punctuation, one containing the
// other, or sharing a distinctive word ("Military Forces of Syria" ~ "Syrian Arab Army" does not; "Islamic
// State" ~ "Islamic State (ISIL)" does).
bool ActorsAgree(const std::string& gold, const std::string& predicted);

}  // namespace sitrep::eval
