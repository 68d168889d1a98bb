// sitrep's extractor: from an article's text to coded, sourced events.
//
//   auto extractor = sitrep::Extractor::Create(sitrep::ExtractOptions{.data_dir = "data"});
//   if (!extractor.ok()) { report extractor.status().message(); }
//   auto scratch = extractor.value()->NewScratch();     // one per thread
//   sitrep::ArticleResult result;
//   extractor.value()->Extract(article, scratch.get(), &result);
//
// The Extractor is immutable after Create() and shared by all threads (it holds the compiled lexicons); each
// thread owns a Scratch that is reused from article to article, so the hot path allocates nothing per token.
// The output records own their strings and outlive the scratch.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

namespace lexicon {
class CompiledLexicon;
}
namespace geo {
class Gazetteer;
}

struct ExtractOptions {
  std::string data_dir = "data";  // holds lexicon/ (and, once built, the gazetteer index)
  std::string published;          // --date: overrides the article's own date when not empty
  size_t max_article_bytes = 32u << 20;  // larger articles are truncated at a word boundary, with a warning
};

// One article as read from a file or a JSON line. Views: the caller keeps the bytes alive during Extract().
struct ArticleInput {
  std::string_view id;
  std::string_view title;
  std::string_view source;
  std::string_view url;
  std::string_view published;  // "YYYY-MM-DD…" or empty
  std::string_view text;
};

struct ActorRef {
  std::string text;     // as written ("the Syrian army")
  std::string name;     // canonical ("Military Forces of Syria")
  std::string kind;     // state_forces, rebel_group, ...
  std::string country;  // ISO2 or empty
  uint32_t begin = 0, end = 0;  // byte span of `text` in the article
  bool coreferent = false;      // resolved from a pronoun or short reference ("the group")
  bool inferred = false;        // not written in the text: the crowd ACLED assumes for a demonstration
};

struct PlaceRef {
  std::string text;       // "Palmyra"
  std::string context;    // enclosing names as written ("Homs province"), or empty
  std::string name;       // gazetteer name, empty until resolved
  std::string admin1;
  std::string country;    // ISO2
  std::optional<double> lat, lon;
  std::string gazetteer_id;
  std::string precision;  // city, admin1, country, region
  std::string basis;      // "sentence", "paragraph" or "article": where the place was found
  uint32_t begin = 0, end = 0;
};

struct DateRef {
  std::string text;       // the expression ("Sunday"), empty when the date comes from publication
  std::string start, end; // ISO dates; empty (null) when unresolved
  std::string precision;  // day, week, month, year
  std::string basis;      // "text" or "publication"
};

struct Count {
  std::string what;  // killed, wounded, captured, displaced, strikes, troops, destroyed, arrested, other
  int64_t n = 0;
  std::string of;    // what is counted ("militants", "tanks"), may be empty
  bool approx = false;
  bool vague = false;  // "dozens": ACLED's convention value, no numeral in the text
  std::string text;    // the number as written
};

struct SourceRef {
  std::string text;  // "Rami Abdel Rahman of the Syrian Observatory for Human Rights"
  std::string name;  // canonical when known
  std::string kind;
};

struct Event {
  std::string id;  // "<doc id>#<n>"
  uint32_t sentence = 0;
  uint32_t span_begin = 0, span_end = 0;  // evidence sentence, bytes
  std::string trigger;
  uint32_t trigger_begin = 0, trigger_end = 0;
  std::string acled, acled_sub, plover, cameo, mode;  // empty = null
  std::optional<ActorRef> actor1, actor2;
  std::optional<PlaceRef> location;
  DateRef date;
  std::vector<Count> counts;
  std::optional<SourceRef> source;
  std::string modality = "asserted";
  bool negated = false;
  double confidence = 0.5;
};

struct DocInfo {
  std::string id, title, source, url;
  std::string published;        // ISO or empty
  std::string published_basis;  // option, record, byline, dateline, or empty
};

struct ArticleResult {
  DocInfo doc;
  std::string text;  // the repaired article text that spans point into
  std::vector<Event> events;
  std::vector<std::string> warnings;
  size_t sentence_count = 0;
  size_t token_count = 0;
  std::string lexicon_version;
};

// Per-thread working memory of the extractor (opaque to callers).
class ExtractorScratch;
struct ScratchDeleter {
  void operator()(ExtractorScratch* s) const;
};
using ScratchPtr = std::unique_ptr<ExtractorScratch, ScratchDeleter>;

class Extractor {
 public:
  static Result<std::unique_ptr<Extractor>> Create(const ExtractOptions& options);
  ~Extractor();

  ScratchPtr NewScratch() const;

  // Extracts the events of one article. Never fails: problems become result->warnings.
  void Extract(const ArticleInput& input, ExtractorScratch* scratch, ArticleResult* result) const;

  const lexicon::CompiledLexicon& lexicon() const { return *lexicon_; }
  // The gazetteer, or nullptr when none was built (places then keep null coordinates).
  const geo::Gazetteer* gazetteer() const { return gazetteer_.get(); }
  const ExtractOptions& options() const { return options_; }

 private:
  Extractor() = default;
  void ResolvePlaces(ExtractorScratch& s) const;
  ExtractOptions options_;
  std::unique_ptr<lexicon::CompiledLexicon> lexicon_;
  std::unique_ptr<geo::Gazetteer> gazetteer_;
  bool debug_ = false;  // SITREP_DEBUG: print every layer of every sentence to stderr
};

}  // namespace sitrep
