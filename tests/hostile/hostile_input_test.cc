// Hostile inputs (issue 6, item 3): each must finish, with bounded memory, valid output and a clear message.
//
// Library-level tests use one Extractor per test process; command-level tests run SITREP_BINARY on files made in
// a temporary folder and read its exit status, output and peak memory (wait4). Sizes are chosen so that each test
// stays under ~20 s in a Release build and ~60 s under ASan: 100,000 tiny articles (the issue names 1,000,000;
// scripts/bench.sh measures throughput at scale), a 100 MB single-line file, a 10 MB JSON line.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/input_reader.h"
#include "io/output_formats.h"
#include "lexicon/lexicon_file.h"
#include "sitrep/extract.h"
#include "text/utf8.h"

namespace sitrep::hostile {
namespace {

namespace fs = std::filesystem;

// A temporary folder removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "sitrep_hostile_XXXXXX").string();
    char* made = ::mkdtemp(tmpl.data());
    if (made) path_ = made;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  fs::path path() const { return path_; }
  std::string File(const std::string& name, std::string_view content) const {
    fs::path p = path_ / name;
    std::ofstream(p, std::ios::binary).write(content.data(), static_cast<std::streamsize>(content.size()));
    return p.string();
  }

 private:
  fs::path path_;
};

struct RunResult {
  int exit_code = -1;
  long max_rss_kb = 0;
  std::string out, err;
};

// Runs the sitrep binary with `args`, stdout and stderr to files, and returns its status and peak RSS.
RunResult RunSitrep(const TempDir& dir, const std::vector<std::string>& args) {
  RunResult r;
  const std::string out = (dir.path() / "stdout").string(), err = (dir.path() / "stderr").string();
  pid_t pid = ::fork();
  if (pid == 0) {
    std::freopen(out.c_str(), "w", stdout);
    std::freopen(err.c_str(), "w", stderr);
    std::vector<char*> argv;
    std::string bin = SITREP_BINARY;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::setenv("SITREP_DATA", SITREP_DATA_DIR, 1);
    ::execv(bin.c_str(), argv.data());
    std::_Exit(127);
  }
  int status = 0;
  struct rusage ru {};
  ::wait4(pid, &status, 0, &ru);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.max_rss_kb = ru.ru_maxrss;
  std::ifstream o(out, std::ios::binary), e(err, std::ios::binary);
  r.out.assign(std::istreambuf_iterator<char>(o), {});
  r.err.assign(std::istreambuf_iterator<char>(e), {});
  return r;
}

const Extractor& TheExtractor() {
  static std::unique_ptr<Extractor> ex = [] {
    ExtractOptions opts;
    opts.data_dir = SITREP_DATA_DIR;
    auto created = Extractor::Create(opts);
    if (!created.ok()) {
      ADD_FAILURE() << created.status().message();
      std::abort();
    }
    return std::move(created).value();
  }();
  return *ex;
}

// Extracts `text` and checks the invariants every result must hold: valid UTF-8, spans inside the text, counts
// not negative, and a JSON line that parses.
ArticleResult ExtractChecked(const Extractor& ex, std::string_view text, std::string_view published = "2016-12-11") {
  auto scratch = ex.NewScratch();
  ArticleInput in;
  in.id = "hostile";
  in.published = published;
  in.text = text;
  ArticleResult r;
  ex.Extract(in, scratch.get(), &r);
  std::string repaired;
  text::Utf8Report report;
  EXPECT_TRUE(text::RepairUtf8(r.text, &repaired, &report)) << "result text is not clean UTF-8";
  for (const auto& e : r.events) {
    EXPECT_LE(e.span_begin, e.span_end);
    EXPECT_LE(e.span_end, r.text.size());
    EXPECT_LE(e.trigger_end, r.text.size());
    for (const auto& c : e.counts) EXPECT_GE(c.n, 0);
  }
  std::string json;
  io::AppendArticleJson(r, &json);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  EXPECT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << "output JSON does not parse";
  return r;
}

bool AnyWarningContains(const ArticleResult& r, std::string_view what) {
  for (const auto& w : r.warnings) {
    if (w.find(what) != std::string::npos) return true;
  }
  return false;
}

size_t CountLines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

std::string ProseSentence(int i) {
  return "Gunmen killed " + std::to_string(i % 50 + 2) + " people in Kabul on Sunday, police said. ";
}

// Prose without place names: the size tests measure reading, truncation and memory, not the geoparser (whose
// cost in the number of place mentions has its own test below).
std::string PlainSentence(int i) {
  return "Gunmen killed " + std::to_string(i % 50 + 2) + " people on Sunday, police said. ";
}

#if defined(__SANITIZE_ADDRESS__)
constexpr double kSlowdown = 10;  // ASan
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr double kSlowdown = 10;
#else
constexpr double kSlowdown = 1;
#endif
#else
constexpr double kSlowdown = 1;
#endif

// CPU time of this thread, the faster of two runs: these tests compare growth rates (linear vs quadratic), and
// wall time on a busy machine (other tests run in parallel) varies by chance more than the ratio they test.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double SecondsToExtract(const Extractor& ex, const std::string& text) {
  double best = 1e9;
  for (int run = 0; run < 2; ++run) {
    const double t0 = ThreadCpuSeconds();
    ExtractChecked(ex, text);
    best = std::min(best, ThreadCpuSeconds() - t0);
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------- size

TEST(Hostile, HundredMegabyteSingleLineArticleIsTruncatedAndBounded) {
  // Library: a 100 MB article without a line break, cut at ExtractOptions::max_article_bytes.
  ExtractOptions opts;
  opts.data_dir = SITREP_DATA_DIR;
  opts.max_article_bytes = 1u << 20;
  auto created = Extractor::Create(opts);
  ASSERT_TRUE(created.ok()) << created.status().message();
  std::string big;
  big.reserve(100u << 20);
  for (int i = 0; big.size() < (100u << 20); ++i) big += PlainSentence(i);
  struct rusage before {};
  ::getrusage(RUSAGE_SELF, &before);
  ArticleResult r = ExtractChecked(*created.value(), big);
  struct rusage after {};
  ::getrusage(RUSAGE_SELF, &after);
  EXPECT_TRUE(AnyWarningContains(r, "only the first")) << "no truncation warning";
  EXPECT_LE(r.text.size(), opts.max_article_bytes);
  EXPECT_GT(r.events.size(), 0u);
  // Working memory for 4 MB of text, far below the size of the input.
  EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 400L * 1024) << "peak RSS grew by " << (after.ru_maxrss - before.ru_maxrss) / 1024 << " MB";
}

TEST(Hostile, HundredMegabyteLineWithoutSpacesThroughTheCommand) {
  // The command on a 100 MB .txt of one "word": one pathological token, read, repaired and written once.
  TempDir dir;
  std::string big(100u << 20, 'a');
  const std::string path = dir.File("huge.txt", big);
  big.clear();
  big.shrink_to_fit();
  RunResult r = RunSitrep(dir, {"extract", "-j", "1", "--date", "2016-12-11", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(CountLines(r.out), 1u);
  EXPECT_LT(r.max_rss_kb, 1500L * 1024) << "peak RSS " << r.max_rss_kb / 1024 << " MB for a 100 MB input";
}

TEST(Hostile, HundredThousandTinyJsonlArticles) {
  TempDir dir;
  std::string lines;
  constexpr int kArticles = 100000;
  for (int i = 0; i < kArticles; ++i) {
    lines += "{\"id\":\"a" + std::to_string(i) + "\",\"published\":\"2016-12-11\",\"text\":\"" +
             (i % 3 == 0 ? ProseSentence(i) : std::string("Markets were calm.")) + "\"}\n";
  }
  const std::string path = dir.File("tiny.jsonl", lines);
  RunResult r = RunSitrep(dir, {"extract", "-j", "2", path});
  EXPECT_EQ(r.exit_code, 0) << r.err.substr(0, 2000);
  EXPECT_EQ(CountLines(r.out), static_cast<size_t>(kArticles));
  EXPECT_LT(r.max_rss_kb, 1024L * 1024) << "peak RSS " << r.max_rss_kb / 1024 << " MB";
}

TEST(Hostile, TenMegabyteJsonLine) {
  TempDir dir;
  std::string text;
  // Sentences without events: the cost of many events per article is the subject of
  // LongParagraphWithoutPlacesCostsLinearTime; this one is about reading a 10 MB line.
  for (int i = 0; text.size() < (10u << 20); ++i) {
    text += "The market was calm on day " + std::to_string(i) + ", officials said. ";
  }
  const std::string path =
      dir.File("big.jsonl", "{\"id\":\"big\",\"published\":\"2016-12-11\",\"text\":\"" + text +
                                "\"}\n{\"id\":\"after\",\"text\":\"Gunmen killed nine people.\"}\n");
  // The reader takes the whole line.
  io::InputReader reader({path});
  io::InputArticle a;
  std::vector<io::InputError> errors;
  ASSERT_TRUE(reader.Next(&a, &errors));
  EXPECT_EQ(a.text.size(), text.size());
  ASSERT_TRUE(reader.Next(&a, &errors));
  EXPECT_EQ(a.id, "after");
  EXPECT_TRUE(errors.empty());
  // And the command extracts it.
  RunResult r = RunSitrep(dir, {"extract", "-j", "1", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(CountLines(r.out), 2u);
}

TEST(Hostile, ManyPlaceMentionsCostLinearTime) {
  // Found by this suite: an article naming the same place thousands of times (8,000 "in Kabul", 0.45 MB) took
  // 14 s in geo::ResolvePlaces (src/geo/geoparser.cc), four times as long for each doubling: quadratic in the
  // number of place mentions, so a 4 MB article ran for about 20 minutes. Linear work keeps 8,000 mentions under
  // a second and the 2,000 → 8,000 ratio near 4.
  std::string small, large;
  for (int i = 0; i < 2000; ++i) small += ProseSentence(i);
  for (int i = 0; i < 8000; ++i) large += ProseSentence(i);
  const double t_small = SecondsToExtract(TheExtractor(), small);
  const double t_large = SecondsToExtract(TheExtractor(), large);
  EXPECT_TRUE(t_large < 1.0 * kSlowdown || t_large < 8 * t_small)
      << "2,000 place mentions: " << t_small << " s; 8,000: " << t_large << " s";
}

TEST(Hostile, LongParagraphWithoutPlacesCostsLinearTime) {
  // Found by this suite: in one long paragraph without place names, every event looks back over all earlier
  // sentences for a place (src/extract/extractor.cc, "Fall back to the paragraph's latest place"), and every
  // output event scans all the counts of the article ("// Counts" loop): quadratic in the number of sentences and
  // events; a 4 MB single-line article took ~45 s, a 10 MB JSON line of 200,000 short reports minutes.
  std::string small, large;
  for (int i = 0; i < 10000; ++i) small += PlainSentence(i);
  for (int i = 0; i < 40000; ++i) large += PlainSentence(i);
  const double t_small = SecondsToExtract(TheExtractor(), small);
  const double t_large = SecondsToExtract(TheExtractor(), large);
  EXPECT_TRUE(t_large < 1.5 * kSlowdown || t_large < 8 * t_small)
      << "10,000 sentences: " << t_small << " s; 40,000: " << t_large << " s";
}

// ---------------------------------------------------------------------------------------------------- JSON

TEST(Hostile, DeeplyNestedJsonIsAnErrorNamingTheLineAndReadingGoesOn) {
  TempDir dir;
  std::string nested_array(100000, '[');
  nested_array += std::string(100000, ']');
  std::string nested_object;
  for (int i = 0; i < 5000; ++i) nested_object += "{\"a\":";
  nested_object += "1" + std::string(5000, '}');
  std::string nested_in_text = "{\"text\":\"Gunmen killed nine people.\",\"x\":" + std::string(3000, '[') +
                               std::string(3000, ']') + "}";
  const std::string path = dir.File("nested.jsonl", nested_array + "\n" + nested_object + "\n" + nested_in_text +
                                                        "\n{\"id\":\"ok\",\"text\":\"Gunmen killed nine people.\"}\n");
  io::InputReader reader({path});
  io::InputArticle a;
  std::vector<io::InputError> errors;
  std::vector<std::string> ids;
  while (reader.Next(&a, &errors)) ids.push_back(a.id);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.back(), "ok");
  ASSERT_GE(errors.size(), 2u);
  EXPECT_EQ(errors[0].origin, path + ":1");
  EXPECT_EQ(errors[1].origin, path + ":2");

  RunResult r = RunSitrep(dir, {"extract", "-j", "1", path});
  EXPECT_EQ(r.exit_code, 1) << "a malformed line is a failed input (exit 1), the rest is still processed";
  EXPECT_NE(r.err.find(path + ":1"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"ok\""), std::string::npos);
}

TEST(Hostile, MalformedJsonLinesNameTheirLine) {
  TempDir dir;
  const std::string path = dir.File(
      "bad.jsonl", "{\"text\": \"unterminated\n{\"text\": 5}\n[1,2]\n\xff\xfe{}\n{\"id\":\"ok\",\"text\":\"Fine.\"}\n");
  RunResult r = RunSitrep(dir, {"extract", "-j", "1", path});
  EXPECT_EQ(r.exit_code, 1);
  for (int line = 1; line <= 4; ++line) {
    EXPECT_NE(r.err.find(path + ":" + std::to_string(line) + ":"), std::string::npos) << "line " << line << "\n" << r.err;
  }
  EXPECT_EQ(CountLines(r.out), 1u);
}

// ---------------------------------------------------------------------------------------------------- bytes

TEST(Hostile, NulBytesAreReplacedAndReported) {
  std::string text = "Gunmen killed nine people in Kabul on Sunday.";
  text[6] = '\0';
  text.append(std::string(100, '\0'));
  text += " Police said.";
  ArticleResult r = ExtractChecked(TheExtractor(), text);
  EXPECT_TRUE(AnyWarningContains(r, "NUL")) << ::testing::PrintToString(r.warnings);
  EXPECT_EQ(r.text.find('\0'), std::string::npos);
  EXPECT_FALSE(r.events.empty()) << "the article is still read";
}

TEST(Hostile, BinaryFileIsSkippedWithAMessageAndOtherInputsGoOn) {
  TempDir dir;
  std::string binary(4096, '\0');
  for (size_t i = 0; i < binary.size(); i += 3) binary[i] = static_cast<char>(i * 7);
  const std::string bin = dir.File("image.txt", binary);
  const std::string good = dir.File("good.txt", "Gunmen killed nine people in Kabul on Sunday, police said.\n");
  RunResult r = RunSitrep(dir, {"extract", "-j", "1", "--date", "2016-12-11", bin, good});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(bin), std::string::npos) << r.err;
  EXPECT_EQ(CountLines(r.out), 1u);
}

TEST(Hostile, OverlongAndInvalidUtf8IsRepairedWithOffsets) {
  // Overlong "/" (C0 AF, E0 80 AF, F0 80 80 AF), a surrogate, a lone continuation byte, a truncated sequence.
  const std::string text = "Gunmen\xC0\xAF killed \xE0\x80\xAF nine \xF0\x80\x80\xAF people \xED\xA0\x80 in \x80 Kabul \xE2\x82";
  ArticleResult r = ExtractChecked(TheExtractor(), text);
  EXPECT_TRUE(AnyWarningContains(r, "invalid UTF-8")) << ::testing::PrintToString(r.warnings);
  EXPECT_TRUE(AnyWarningContains(r, "offset")) << "the warning gives byte offsets";
  EXPECT_EQ(r.text.find("\xC0"), std::string::npos);
}

TEST(Hostile, RightToLeftAndZeroWidthCharacters) {
  const std::string text =
      "\xEF\xBB\xBFGunmen\xE2\x80\x8B killed \xE2\x80\xAEnine\xE2\x80\xAC people in \xE2\x80\x8FKabul\xE2\x80\x8E on "
      "Sunday\xE2\x80\x8D, police said. "
      "\xD9\x82\xD8\xAA\xD9\x84 \xD8\xAA\xD8\xB3\xD8\xB9\xD8\xA9 \xD8\xA3\xD8\xB4\xD8\xAE\xD8\xA7\xD8\xB5.\xE2\x81\xA6 "
      "k\xE2\x80\x8Bi\xE2\x80\x8Bl\xE2\x80\x8Bl\xE2\x80\x8B" + std::string(2000, '\xE2') ;
  ArticleResult r = ExtractChecked(TheExtractor(), text);
  EXPECT_GT(r.token_count, 5u);
}

TEST(Hostile, ControlCharactersAndLongRunsOfPunctuation) {
  std::string text = "Gunmen killed nine people." + std::string(200000, '.') + std::string(100000, '"') +
                     std::string(100000, '(') + " \x01\x02\x1b[31m" + std::string(50000, '-') + " Mr. Dr. U.S.";
  ArticleResult r = ExtractChecked(TheExtractor(), text);
  EXPECT_GT(r.sentence_count, 0u);
}

// ---------------------------------------------------------------------------------------------------- values

TEST(Hostile, HugeNumberSaturatesInsteadOfOverflowing) {
  ArticleResult r =
      ExtractChecked(TheExtractor(), "Militants said 999999999999999999999 killed in the attack on Kabul on Sunday. "
                                     "Another 99999999999999999999999999999999999999 soldiers were wounded.");
  for (const auto& e : r.events) {
    for (const auto& c : e.counts) {
      EXPECT_GE(c.n, 0);
      EXPECT_LE(c.n, 1000000000000000LL) << c.text;
    }
  }
}

TEST(Hostile, ImpossibleDatesStayNull) {
  ArticleResult r = ExtractChecked(TheExtractor(),
                                   "On February 30, gunmen killed nine people in Kabul. On 31 April 2016 militants "
                                   "attacked a checkpoint. On 2016-13-45 a car bomb exploded in Baghdad.",
                                   "2016-03-10");
  for (const auto& e : r.events) {
    if (e.date.text.find("February 30") != std::string::npos || e.date.text.find("31 April") != std::string::npos) {
      EXPECT_TRUE(e.date.start.empty()) << e.date.text << " resolved to " << e.date.start;
    }
    for (const std::string& d : {e.date.start, e.date.end}) {
      if (d.empty()) continue;
      EXPECT_NE(d.substr(5), "02-30");
      EXPECT_NE(d.substr(5), "04-31");
    }
  }
}

TEST(Hostile, YearZeroAndOutOfRangePublicationDates) {
  for (const char* published : {"0000-01-01", "0000-02-29", "9999-12-31", "2016-02-30", "-001-01-01", "2016-1-1"}) {
    ArticleResult r = ExtractChecked(TheExtractor(), "Gunmen killed nine people in Kabul on Sunday. Yesterday, a "
                                                     "car bomb exploded last week three days ago.", published);
    for (const auto& e : r.events) {
      if (!e.date.start.empty()) {
        EXPECT_EQ(e.date.start.size(), 10u) << published << " → " << e.date.start;
      }
    }
  }
}

TEST(Hostile, ArticlesInOtherLanguagesGiveNoEvents) {
  const char* kArticles[] = {
      // German, French, Spanish, Russian, Arabic, Chinese
      "Bei einem Luftangriff auf die Stadt wurden am Sonntag mindestens neun Menschen getötet, teilte das Ministerium "
      "mit. Die Armee bestätigte den Angriff.",
      "Au moins neuf personnes ont été tuées dimanche dans une attaque contre un marché de la ville, selon la police.",
      "Al menos nueve personas murieron el domingo en un ataque contra un mercado de la ciudad, según la policía.",
      "\xD0\x92 \xD0\xB2\xD0\xBE\xD1\x81\xD0\xBA\xD1\x80\xD0\xB5\xD1\x81\xD0\xB5\xD0\xBD\xD1\x8C\xD0\xB5 \xD0\xB2 "
      "\xD1\x80\xD0\xB5\xD0\xB7\xD1\x83\xD0\xBB\xD1\x8C\xD1\x82\xD0\xB0\xD1\x82\xD0\xB5 \xD0\xB0\xD1\x82\xD0\xB0"
      "\xD0\xBA\xD0\xB8 \xD0\xBF\xD0\xBE\xD0\xB3\xD0\xB8\xD0\xB1\xD0\xBB\xD0\xB8 \xD0\xB4\xD0\xB5\xD0\xB2\xD1\x8F"
      "\xD1\x82\xD1\x8C \xD1\x87\xD0\xB5\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xB5\xD0\xBA.",
      "\xD9\x82\xD8\xAA\xD9\x84 \xD8\xAA\xD8\xB3\xD8\xB9\xD8\xA9 \xD8\xA3\xD8\xB4\xD8\xAE\xD8\xA7\xD8\xB5 \xD9\x81"
      "\xD9\x8A \xD9\x87\xD8\xAC\xD9\x88\xD9\x85 \xD8\xB9\xD9\x84\xD9\x89 \xD8\xB3\xD9\x88\xD9\x82.",
      "\xE5\x91\xA8\xE6\x97\xA5\xEF\xBC\x8C\xE4\xB8\x80\xE6\xAC\xA1\xE8\xA2\xAD\xE5\x87\xBB\xE9\x80\xA0\xE6\x88\x90"
      "\xE4\xB9\x9D\xE4\xBA\xBA\xE6\xAD\xBB\xE4\xBA\xA1\xE3\x80\x82",
  };
  for (const char* text : kArticles) {
    ArticleResult r = ExtractChecked(TheExtractor(), text);
    EXPECT_TRUE(r.events.empty()) << text << "\n first event trigger: " << r.events.front().trigger;
  }
}

// ---------------------------------------------------------------------------------------------------- lexicon

TEST(Hostile, LexiconSyntaxErrorNamesFileAndLine) {
  std::vector<lexicon::Record> records;
  Status st = lexicon::ParseRecords("triggers.txt", "kill+ | verb | @violence\n\n# comment\nbomb | verb\n", 3, 7,
                                    &records);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("triggers.txt:4"), std::string::npos) << st.message();
  // The whole loader, on a copy of data/ with one broken line appended to triggers.txt.
  TempDir dir;
  fs::copy(fs::path(SITREP_DATA_DIR) / "lexicon", dir.path() / "lexicon", fs::copy_options::recursive);
  size_t lines = 0;
  {
    std::ifstream in(dir.path() / "lexicon" / "triggers.txt");
    std::string l;
    while (std::getline(in, l)) ++lines;
  }
  std::ofstream(dir.path() / "lexicon" / "triggers.txt", std::ios::app) << "shell+ | verb | @violence | a | b | c | d | e | f\n";
  ExtractOptions opts;
  opts.data_dir = dir.path().string();
  auto created = Extractor::Create(opts);
  ASSERT_FALSE(created.ok());
  EXPECT_NE(created.status().message().find("triggers.txt:" + std::to_string(lines + 1)), std::string::npos)
      << created.status().message();
}

}  // namespace
}  // namespace sitrep::hostile
