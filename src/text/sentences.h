// Sentence splitting for news copy.
//
// Splits on . ! ? (with closing quotes and brackets) when the next token can start a sentence, except after
// abbreviations ("Lt. Col.", "Dec. 10", "U.S. forces", initials "J. Smith"). Paragraph breaks always split;
// single line breaks split after a terminal mark or after a short heading line (titles, bylines).
// Datelines ("BEIRUT, Dec 11 (Reuters) -") and bylines ("By VOA News December 11, 2016") become their own
// sentences flagged is_dateline, so that they give the date and never give events. Thread-safe (stateless).
#pragma once

#include "text/document.h"

namespace sitrep::text {

// Fills doc->sentences from doc->tokens.
void SplitSentences(Document* doc);

}  // namespace sitrep::text
