// Golden tests: real articles (tests/golden/articles/, public domain, header line 1 = source URL) run through the
// Extractor, compared with hand-reviewed expectations in tests/golden/expected/<name>.events.
//
// The .events format is one line per event, fields separated by " | ":
//   s<sentence> | <trigger> | <ACLED sub-type or -> / <PLOVER> | <actor1> -> <actor2> | @<place> | <date> |
//   <counts> | <source> | <modality>
// where an actor is `Canonical Name [kind,CC] "as written"`, a place `@text (context) [precision,basis]`, a date
// `START..END precision "as written"` (basis `pub` when it comes from the publication date, `?` when unresolved),
// a count `killed=20~ "more than 20" (people)` (~ = approximate), a source `src=Name "as written"`.
// Lines starting with '#' (the evidence sentences, for the reader) are not compared. tests/golden/REVIEW.md says
// what is right and wrong in each file; the files record current behaviour so that every change shows as a diff.
//
// Regenerate after a deliberate change:  SITREP_REGENERATE=1 build/tests/sitrep_tests --gtest_filter='Golden*'
// or simply scripts/golden.sh, which also shows `git diff tests/golden/expected`.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "io/input_reader.h"
#include "test_util.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
using ::sitrep::testing::ReadFile;
using ::sitrep::testing::SharedExtractor;
using ::sitrep::testing::SplitLines;
using ::sitrep::testing::WriteFile;

std::string ArticlesDir() { return sitrep::testing::TestDir() + "/golden/articles"; }
std::string ExpectedDir() { return sitrep::testing::TestDir() + "/golden/expected"; }

std::vector<std::string> ListArticles() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(ArticlesDir(), ec)) {
    if (e.path().extension() == ".txt") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Collapses whitespace so that a field stays on one line.
std::string OneLine(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string Actor(const std::optional<ActorRef>& a) {
  if (!a) return "-";
  std::string s = a->name.empty() ? "?" : a->name;
  s += " [" + (a->kind.empty() ? std::string("?") : a->kind);
  if (!a->country.empty()) s += "," + a->country;
  if (a->coreferent) s += ",coref";
  if (a->inferred) s += ",inferred";
  s += "]";
  if (!a->inferred && a->text != a->name) s += " \"" + OneLine(a->text) + "\"";
  return s;
}

std::string Place(const std::optional<PlaceRef>& p) {
  if (!p) return "@-";
  std::string s = "@" + OneLine(p->text);
  if (!p->context.empty()) s += " (" + OneLine(p->context) + ")";
  s += " [" + p->precision;
  if (!p->country.empty()) s += "," + p->country;
  if (!p->basis.empty() && p->basis != "sentence") s += "," + p->basis;
  s += "]";
  return s;
}

std::string Date(const DateRef& d) {
  std::string s;
  if (d.start.empty()) s = "?";
  else if (d.start == d.end) s = d.start;
  else s = d.start + ".." + d.end;
  if (!d.precision.empty()) s += " " + d.precision;
  if (d.basis == "publication") s += " pub";
  if (!d.text.empty()) s += " \"" + OneLine(d.text) + "\"";
  return s;
}

std::string Counts(const std::vector<Count>& counts) {
  if (counts.empty()) return "-";
  std::string s;
  for (const auto& c : counts) {
    if (!s.empty()) s += ", ";
    s += c.what + "=" + std::to_string(c.n) + (c.approx ? "~" : "");
    if (!c.text.empty() && c.text != std::to_string(c.n)) s += " \"" + OneLine(c.text) + "\"";
    if (!c.of.empty()) s += " (" + OneLine(c.of) + ")";
  }
  return s;
}

std::string Source(const std::optional<SourceRef>& src) {
  if (!src) return "src=-";
  std::string s = "src=" + (src->name.empty() ? std::string("?") : OneLine(src->name));
  if (src->text != src->name) s += " \"" + OneLine(src->text) + "\"";
  return s;
}

// The whole .events file for one article.
std::string Render(const std::string& name, const ArticleResult& r) {
  std::string out;
  out += "# golden: " + name + ".txt — one line per event: s<sentence> | trigger | ACLED sub-type / PLOVER | "
         "actor1 -> actor2 | place | date | counts | source | modality\n";
  out += "doc published=" + (r.doc.published.empty() ? std::string("?") : r.doc.published) + " basis=" +
         (r.doc.published_basis.empty() ? std::string("-") : r.doc.published_basis) +
         " sentences=" + std::to_string(r.sentence_count) + " events=" + std::to_string(r.events.size()) + "\n";
  for (const auto& w : r.warnings) out += "warning " + OneLine(w) + "\n";
  int64_t last_sentence = -1;
  for (const auto& e : r.events) {
    if (static_cast<int64_t>(e.sentence) != last_sentence) {
      last_sentence = e.sentence;
      std::string sentence = OneLine(std::string_view(r.text).substr(e.span_begin, e.span_end - e.span_begin));
      out += "# s" + std::to_string(e.sentence) + ": " + sentence + "\n";
    }
    std::string type = (e.acled_sub.empty() ? std::string("-") : e.acled_sub) + " / " +
                       (e.plover.empty() ? std::string("-") : e.plover);
    out += "s" + std::to_string(e.sentence) + " | " + OneLine(e.trigger) + " | " + type + " | " + Actor(e.actor1) +
           " -> " + Actor(e.actor2) + " | " + Place(e.location) + " | " + Date(e.date) + " | " + Counts(e.counts) +
           " | " + Source(e.source) + " | " + e.modality + (e.negated ? " negated" : "") + "\n";
  }
  return out;
}

std::vector<std::string> Compared(const std::string& file) {
  std::vector<std::string> lines;
  for (auto& l : SplitLines(file)) {
    if (!l.empty() && l[0] != '#') lines.push_back(std::move(l));
  }
  return lines;
}

// A line diff (longest common subsequence): "-" expected only, "+" actual only.
std::string Diff(const std::vector<std::string>& want, const std::vector<std::string>& got) {
  const size_t n = want.size(), m = got.size();
  std::vector<std::vector<uint16_t>> lcs(n + 1, std::vector<uint16_t>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lcs[i][j] = want[i] == got[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::string out;
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && want[i] == got[j]) {
      ++i;
      ++j;
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out += "  + " + got[j++] + "\n";
    } else {
      out += "  - " + want[i++] + "\n";
    }
  }
  return out;
}

bool Regenerate() {
  const char* env = std::getenv("SITREP_REGENERATE");
  return env && *env && std::string(env) != "0";
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, Article) {
  const std::string name = GetParam();
  const std::string path = ArticlesDir() + "/" + name + ".txt";
  // Read the file exactly as `sitrep extract` does (the corpus header gives url, date and title).
  io::InputReader reader({path});
  io::InputArticle article;
  std::vector<io::InputError> errors;
  ASSERT_TRUE(reader.Next(&article, &errors)) << path;
  ASSERT_TRUE(errors.empty()) << errors[0].message;
  EXPECT_FALSE(article.url.empty()) << "golden articles keep their source URL header: " << path;

  ArticleInput in{article.id, article.title, article.source, article.url, article.published, article.text};
  auto scratch = SharedExtractor().NewScratch();
  ArticleResult result;
  SharedExtractor().Extract(in, scratch.get(), &result);
  const std::string actual = Render(name, result);

  const std::string expected_path = ExpectedDir() + "/" + name + ".events";
  if (Regenerate()) {
    if (ReadFile(expected_path) != actual) {
      WriteFile(expected_path, actual);
      std::printf("  regenerated %s\n", expected_path.c_str());
    }
    return;
  }
  ASSERT_TRUE(fs::exists(expected_path)) << "no expected file " << expected_path
                                         << "; run scripts/golden.sh (SITREP_REGENERATE=1) to create it";
  auto want = Compared(ReadFile(expected_path));
  auto got = Compared(actual);
  if (want != got) {
    ADD_FAILURE() << "extractor output of " << path << " differs from " << expected_path
                  << " (- expected, + actual).\nIf the change is intended, run scripts/golden.sh and review the diff.\n"
                  << Diff(want, got);
  }
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string s = info.param;
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

INSTANTIATE_TEST_SUITE_P(Articles, Golden, ::testing::ValuesIn(ListArticles()), TestName);

TEST(GoldenSet, HasAtLeastTwentyArticlesAndNoOrphanExpectations) {
  auto names = ListArticles();
  EXPECT_GE(names.size(), 20u);
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(ExpectedDir(), ec)) {
    if (e.path().extension() != ".events") continue;
    EXPECT_TRUE(std::binary_search(names.begin(), names.end(), e.path().stem().string()))
        << "expected file without article: " << e.path();
  }
}

}  // namespace
}  // namespace sitrep
