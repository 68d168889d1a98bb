// Counts: numbers in a sentence, what they count (killed, wounded, strikes, troops, destroyed…), of whom, and
// which event they belong to. "Russia said it killed 300 militants" → killed 300 of militants;
// "11 tanks and 31 vehicles were destroyed" → destroyed 11 of tanks, destroyed 31 of vehicles;
// "Five people are killed and twenty are injured" → killed 5, wounded 20. Thread-safe given one scratch.
#pragma once

#include "extract/coder.h"

namespace sitrep::extract {

void FindCounts(Context& c, uint32_t si);

}  // namespace sitrep::extract
