// Tokenizer: splits Document::text into word, number and punctuation tokens with byte offsets and match keys.
//
// Rules that matter for news: hyphens inside words separate words but are not tokens ("al-Shabaab" = "al
// Shabaab", flagged kHyphenBefore); possessive "'s" is its own token; abbreviations with inner dots stay one
// token ("U.S.", "U.N."); digits with thousands separators or decimals are one number token ("1,500", "5.9").
// Unicode spaces, zero-width characters and the BOM are whitespace. No allocation beyond the Document's
// reusable vectors. Thread-safe (stateless).
#pragma once

#include "text/document.h"

namespace sitrep::text {

// Fills doc->tokens and doc->keys from doc->text (which must be valid UTF-8).
void Tokenize(Document* doc);

}  // namespace sitrep::text
