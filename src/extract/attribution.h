// Attribution and modality: who says so, and how sure the text is.
//
// Report cues ("X said", "according to X", "X claimed", "a statement said", quoted speech) give events their
// source and make them claimed, asserted (confirmed, acknowledged) or denied. Responsibility claims ("IS claimed
// the attack") name the doer. Modal cues make events planned ("will deploy"), threatened ("threatened to
// strike") or hypothetical ("could"); negation ("did not") marks them denied. Thread-safe given one scratch.
#pragma once

#include "extract/coder.h"

namespace sitrep::extract {

void AttributeSources(Context& c, uint32_t si);
void ApplyModality(Context& c, uint32_t si);

}  // namespace sitrep::extract
