// Regular English inflection for lexicon phrases marked with '+' (docs/LEXICON.md).
// Irregular forms are listed explicitly in the lexicon files, never guessed here. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitrep::lexicon {

// "kill" → kill, kills, killed, killing (verb) or "airstrike" → airstrike, airstrikes (noun).
std::vector<std::string> InflectWord(std::string_view word, bool verb);

// Expands every '+'-marked word of a phrase; the result is the cartesian product of the forms.
std::vector<std::string> ExpandPhrase(std::string_view phrase, bool verb);

}  // namespace sitrep::lexicon
