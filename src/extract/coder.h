// The coder: lexicon matches → mentions → candidate events with roles and types.
//
// Stages, in the order the extractor runs them for each sentence (extractor.cc lists the whole pipeline):
//   CollectItems     chooses, per layer, the longest lexicon matches left to right;
//   BuildMentions    groups entity items into participant noun phrases and resolves them to actors;
//   BuildCandidates  turns triggers into events and fills actor1/actor2 from voice and prepositions;
//   TypeCandidates   decides the ACLED sub-type of context-dependent triggers (instrument, sides, place);
//   MergeCandidates  folds generic words into specific events ("car bombing ... kills nine" is one event).
// All are pure functions of the lexicon and the scratch. Thread-safe given one scratch per thread.
#pragma once

#include <algorithm>
#include <cstring>
#include <string_view>

#include "extract/annotations.h"

namespace sitrep::extract {

struct Context {
  const lexicon::CompiledLexicon& lex;
  ExtractorScratch& s;
  const text::Document& doc;
};

void CollectItems(Context& c, uint32_t si);
void BuildMentions(Context& c, uint32_t si);
void BuildCandidates(Context& c, uint32_t si);
void TypeCandidates(Context& c, uint32_t si);
void MergeCandidates(Context& c, uint32_t si);
// Resolves definite generic mentions and pronouns to an actor named earlier in the article.
void ResolveCoreference(Context& c, uint32_t si);
// Folds "the attack", "the clash" of a later sentence into the event it refers back to.
void MergeEventAnaphora(Context& c, uint32_t si);
// Folds a sentence that only adds casualties ("Two protesters were killed.") into the previous event.
void MergeContinuations(Context& c, uint32_t si);

// Mention helpers used by later stages.
bool MentionIsArmed(const Context& c, const Mention& m);
bool MentionIsCivilian(const Context& c, const Mention& m);
bool IsPreposition(std::string_view key);
bool IsClauseBoundary(std::string_view key);

// Whether k is one of a short list of words (std::find's answer): the length and the first byte are compared
// before the bytes, as most entries differ in one of them.
inline bool In(const auto& list, std::string_view k) {
  const size_t n = k.size();
  if (n == 0) return std::find(list.begin(), list.end(), k) != list.end();
  const char c0 = k[0];
  for (std::string_view w : list) {
    if (w.size() == n && w[0] == c0 && std::memcmp(w.data(), k.data(), n) == 0) return true;
  }
  return false;
}

}  // namespace sitrep::extract
