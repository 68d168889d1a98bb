#include "io/input_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "test_util.h"

namespace sitrep::io {
namespace {

using ::sitrep::testing::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct ReadAll {
  std::vector<InputArticle> articles;
  std::vector<InputError> errors;
};

ReadAll Read(std::vector<std::string> inputs) {
  InputReader reader(std::move(inputs));
  ReadAll r;
  InputArticle a;
  while (reader.Next(&a, &r.errors)) r.articles.push_back(a);
  return r;
}

std::vector<std::string> Origins(const ReadAll& r) {
  std::vector<std::string> out;
  for (const auto& a : r.articles) out.push_back(a.origin);
  return out;
}

TEST(InputReader, PlainTextFile) {
  TempDir dir;
  std::string path = dir.Write("report.txt", "Rebels attacked the town.\n");
  ReadAll r = Read({path});
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "report");
  EXPECT_EQ(r.articles[0].origin, path);
  EXPECT_EQ(r.articles[0].text, "Rebels attacked the town.\n");
  EXPECT_EQ(r.articles[0].bytes, 26u);
  EXPECT_TRUE(r.articles[0].url.empty());
  EXPECT_TRUE(r.articles[0].published.empty());
}

TEST(InputReader, MissingFileIsAnErrorAndTheOthersAreStillRead) {
  TempDir dir;
  std::string a = dir.Write("a.txt", "First.");
  std::string b = dir.Write("b.txt", "Second.");
  std::string missing = dir.File("missing.txt");
  ReadAll r = Read({a, missing, b});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].text, "First.");
  EXPECT_EQ(r.articles[1].text, "Second.");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].origin, missing);
  EXPECT_THAT(r.errors[0].message, HasSubstr("no such file"));
  EXPECT_TRUE(r.errors[0].failed);
}

TEST(InputReader, EmptyFileIsAnError) {
  TempDir dir;
  std::string empty = dir.Write("empty.txt", "");
  std::string good = dir.Write("good.txt", "Text.");
  ReadAll r = Read({empty, good});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].text, "Text.");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].origin, empty);
  EXPECT_THAT(r.errors[0].message, HasSubstr("empty"));
}

TEST(InputReader, BinaryFileIsSkippedWithAnError) {
  TempDir dir;
  static const char kPngHeader[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  std::string png(kPngHeader, sizeof kPngHeader - 1);  // the literal's own length: it holds NULs
  png.append(std::string(2000, '\0'));
  std::string bin = dir.Write("image.txt", png);
  ReadAll r = Read({bin});
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].origin, bin);
  EXPECT_THAT(r.errors[0].message, HasSubstr("binary"));
}

TEST(InputReader, TextWithAStrayNulIsStillText) {
  TempDir dir;
  std::string text(5000, 'a');
  text[100] = '\0';
  std::string path = dir.Write("stray.txt", text);
  ReadAll r = Read({path});
  EXPECT_EQ(r.articles.size(), 1u);
  EXPECT_TRUE(r.errors.empty());
}

TEST(InputReader, JsonLinesWithAllFields) {
  TempDir dir;
  std::string path = dir.Write(
      "feed.jsonl",
      R"({"id": "a1", "title": "T", "source": "VOA News", "url": "http://x", "published": "2016-12-11", "text": "IS retook Palmyra."})"
      "\n"
      R"({"id": 17, "text": "Second."})"
      "\n");
  ReadAll r = Read({path});
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.articles.size(), 2u);
  const InputArticle& a = r.articles[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.source, "VOA News");
  EXPECT_EQ(a.url, "http://x");
  EXPECT_EQ(a.published, "2016-12-11");
  EXPECT_EQ(a.text, "IS retook Palmyra.");
  EXPECT_EQ(a.origin, path + ":1");
  EXPECT_EQ(r.articles[1].id, "17");  // numeric ids become strings
  EXPECT_EQ(r.articles[1].origin, path + ":2");
}

TEST(InputReader, MalformedJsonLineIsNamedAndTheRestIsRead) {
  TempDir dir;
  std::string path = dir.Write("feed.jsonl",
                               "{\"text\": \"one\"}\n"
                               "{\"text\": \"two\", \n"
                               "\n"
                               "{\"text\": \"three\"}\n");
  ReadAll r = Read({path});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].text, "one");
  EXPECT_EQ(r.articles[1].text, "three");
  EXPECT_EQ(r.articles[1].origin, path + ":4");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].origin, path + ":2");
  EXPECT_THAT(r.errors[0].message, HasSubstr("malformed JSON"));
}

TEST(InputReader, JsonLineWithoutTextIsAnError) {
  TempDir dir;
  std::string path = dir.Write("feed.jsonl",
                               "{\"id\": \"no-text\", \"title\": \"x\"}\n"
                               "{\"id\": \"num\", \"text\": 5}\n"
                               "[\"an\", \"array\"]\n"
                               "{\"id\": \"ok\", \"text\": \"fine\"}\n");
  ReadAll r = Read({path});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "ok");
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0].origin, path + ":1");
  EXPECT_THAT(r.errors[0].message, HasSubstr("\"text\""));
  EXPECT_EQ(r.errors[1].origin, path + ":2");
  EXPECT_EQ(r.errors[2].origin, path + ":3");
}

TEST(InputReader, DateFieldIsAFallbackForPublished) {
  TempDir dir;
  std::string path = dir.Write("feed.jsonl", "{\"date\": \"2015-01-02\", \"text\": \"x\"}\n");
  ReadAll r = Read({path});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].published, "2015-01-02");
}

TEST(InputReader, FolderIsReadRecursivelyInSortedOrder) {
  TempDir dir;
  dir.Write("corpus/b.txt", "B");
  dir.Write("corpus/a/z.txt", "AZ");
  dir.Write("corpus/a/y/deep.jsonl", "{\"text\": \"DEEP\"}\n");
  dir.Write("corpus/c.jsonl", "{\"text\": \"C1\"}\n{\"text\": \"C2\"}\n");
  dir.Write("corpus/notes.md", "not an article");
  dir.Write("corpus/data.json", "{\"text\": \"not jsonl\"}");
  ReadAll r = Read({dir.File("corpus")});
  EXPECT_TRUE(r.errors.empty());
  std::vector<std::string> texts;
  for (const auto& a : r.articles) texts.push_back(a.text);
  EXPECT_THAT(texts, ElementsAre("DEEP", "AZ", "B", "C1", "C2"));
  EXPECT_EQ(r.articles[0].origin, dir.File("corpus/a/y/deep.jsonl") + ":1");
}

TEST(InputReader, FolderOrderIsTheSameEveryTime) {
  TempDir dir;
  for (int i = 0; i < 30; ++i) dir.Write("c/f" + std::to_string(i * 7919 % 101) + ".txt", "x" + std::to_string(i));
  auto first = Origins(Read({dir.File("c")}));
  auto second = Origins(Read({dir.File("c")}));
  EXPECT_EQ(first, second);
  EXPECT_TRUE(std::is_sorted(first.begin(), first.end()));
}

TEST(InputReader, UnreadableSubfolderIsNamed) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: permissions do not stop reading";
  TempDir dir;
  dir.Write("c/ok.txt", "fine");
  dir.Write("c/locked/hidden.txt", "secret");
  std::filesystem::permissions(dir.File("c/locked"), std::filesystem::perms::none);
  ReadAll r = Read({dir.File("c")});
  ASSERT_EQ(r.articles.size(), 1u);
  ASSERT_GE(r.errors.size(), 1u);
  EXPECT_THAT(r.errors[0].origin, HasSubstr("locked"));
  EXPECT_THAT(r.errors[0].message, HasSubstr("permission"));
}

TEST(InputReader, CorpusHeaderBecomesMetadata) {
  TempDir dir;
  std::string path = dir.Write("voa.txt",
                               "https://www.voanews.com/a/x.html\n"
                               "2016-12-11\n"
                               "Islamic State Retakes Palmyra\n"
                               "\n"
                               "Islamic State jihadists have recaptured Palmyra.\n");
  ReadAll r = Read({path});
  ASSERT_EQ(r.articles.size(), 1u);
  const InputArticle& a = r.articles[0];
  EXPECT_EQ(a.url, "https://www.voanews.com/a/x.html");
  EXPECT_EQ(a.published, "2016-12-11");
  EXPECT_EQ(a.title, "Islamic State Retakes Palmyra");
  EXPECT_EQ(a.text, "Islamic State jihadists have recaptured Palmyra.\n");
  EXPECT_EQ(a.id, "voa");
}

TEST(InputReader, CorpusHeaderWithUnknownDate) {
  InputArticle a;
  a.text = "http://example.org/x\nunknown\nA Title\n\nBody.";
  TakeCorpusHeader(&a);
  EXPECT_EQ(a.url, "http://example.org/x");
  EXPECT_TRUE(a.published.empty());
  EXPECT_EQ(a.title, "A Title");
  EXPECT_EQ(a.text, "Body.");
}

TEST(InputReader, TextThatMerelyStartsWithAUrlIsLeftAlone) {
  InputArticle a;
  a.text = "http://example.org/x\nThis is not a date line\nMore text\n\nBody.";
  TakeCorpusHeader(&a);
  EXPECT_TRUE(a.url.empty());
  EXPECT_EQ(a.text, "http://example.org/x\nThis is not a date line\nMore text\n\nBody.");
  InputArticle b;
  b.text = "Rebels attacked.\n2016-12-11\nTitle\n\nBody";
  TakeCorpusHeader(&b);
  EXPECT_TRUE(b.url.empty());
  EXPECT_EQ(b.text.substr(0, 6), "Rebels");
}

TEST(InputReader, TotalBytesOfNamedFiles) {
  TempDir dir;
  std::string a = dir.Write("a.txt", std::string(100, 'a'));
  dir.Write("f/b.txt", std::string(50, 'b'));
  InputReader reader({a, dir.File("f")});
  EXPECT_EQ(reader.TotalBytes(), 150u);
}

TEST(InputReader, ReadWholeFileLimit) {
  TempDir dir;
  std::string path = dir.Write("big.txt", std::string(1000, 'x'));
  std::string out, error;
  bool truncated = false;
  ASSERT_TRUE(ReadWholeFile(path, 100, &out, &error, &truncated));
  EXPECT_EQ(out.size(), 100u);
  EXPECT_TRUE(truncated);
  ASSERT_TRUE(ReadWholeFile(path, 5000, &out, &error, &truncated));
  EXPECT_EQ(out.size(), 1000u);
  EXPECT_FALSE(truncated);
  EXPECT_FALSE(ReadWholeFile(dir.File("nope.txt"), 100, &out, &error, &truncated));
  EXPECT_THAT(error, HasSubstr("cannot open"));
}

TEST(InputReader, OversizedTextFileIsReadInPartWithAWarning) {
  TempDir dir;
  std::string path = dir.Write("big.txt", std::string(1000, 'x'));
  InputOptions opts;
  opts.max_file_bytes = 100;
  InputReader reader({path}, opts);
  InputArticle a;
  std::vector<InputError> errors;
  ASSERT_TRUE(reader.Next(&a, &errors));
  EXPECT_EQ(a.text.size(), 100u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_FALSE(errors[0].failed);  // a warning, not a failure
}

}  // namespace
}  // namespace sitrep::io
