// Helpers shared by sitrep's tests: documents built from a string, one Extractor loaded once for the whole
// test binary, temporary folders, and running the `sitrep` binary.
#pragma once

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/extract.h"
#include "text/document.h"
#include "text/sentences.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace sitrep::testing {

// Repairs, tokenizes and splits `s` exactly as the extractor does.
inline text::Document MakeDoc(std::string_view s) {
  text::Document doc;
  text::Utf8Report report;
  text::RepairUtf8(s, &doc.text, &report);
  text::Tokenize(&doc);
  text::SplitSentences(&doc);
  return doc;
}

inline std::vector<std::string> TokenTexts(const text::Document& doc) {
  std::vector<std::string> out;
  for (const auto& t : doc.tokens) out.emplace_back(doc.TokenText(t));
  return out;
}

inline std::vector<std::string> TokenKeys(const text::Document& doc) {
  std::vector<std::string> out;
  for (const auto& t : doc.tokens) out.emplace_back(doc.Key(t));
  return out;
}

inline std::vector<std::string> SentenceTexts(const text::Document& doc) {
  std::vector<std::string> out;
  for (const auto& s : doc.sentences) out.emplace_back(doc.Slice(s.begin, s.end));
  return out;
}

inline std::string DataDir() { return SITREP_DATA_DIR; }
inline std::string TestDir() { return SITREP_TEST_DIR; }
inline std::string SourceDir() { return SITREP_SOURCE_DIR; }

// One Extractor for the whole test binary (loading the lexicons once keeps the suite fast). Thread-safe.
inline const Extractor& SharedExtractor() {
  static std::unique_ptr<Extractor> extractor = [] {
    ExtractOptions options;
    options.data_dir = DataDir();
    auto created = Extractor::Create(options);
    if (!created.ok()) {
      std::fprintf(stderr, "cannot load lexicons from %s: %s\n", DataDir().c_str(),
                   created.status().message().c_str());
      std::abort();
    }
    return std::move(created).value();
  }();
  return *extractor;
}

// Extracts one article. `published` empty = unknown (unless the text has a byline or dateline).
inline ArticleResult ExtractText(std::string_view text, std::string_view published = "2016-12-11",
                                 std::string_view id = "t") {
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  static ScratchPtr scratch = SharedExtractor().NewScratch();
  ArticleInput in;
  in.id = id;
  in.text = text;
  in.published = published;
  ArticleResult result;
  SharedExtractor().Extract(in, scratch.get(), &result);
  return result;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::string& path, std::string_view content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

// A fresh folder under the system temp dir, removed with its contents at destruction.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
      auto p = std::filesystem::temp_directory_path() /
               ("sitrep-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
      std::error_code ec;
      if (std::filesystem::create_directory(p, ec)) {
        path_ = p.string();
        return;
      }
    }
    ADD_FAILURE() << "cannot create a temporary folder";
  }
  ~TempDir() {
    std::error_code ec;
    // Restore permissions a test may have removed, so that the folder can be deleted.
    for (auto it = std::filesystem::recursive_directory_iterator(
             path_, std::filesystem::directory_options::skip_permission_denied, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                   std::filesystem::perm_options::add, ec);
    }
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(std::string_view name) const { return path_ + "/" + std::string(name); }
  std::string Write(std::string_view name, std::string_view content) const {
    std::string p = File(name);
    WriteFile(p, content);
    return p;
  }

 private:
  std::string path_;
};

// Quotes a string for /bin/sh.
inline std::string ShellQuote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `sitrep ARGS` through /bin/sh with SITREP_DATA pointing at the source tree's data/, optionally feeding
// `stdin_text` on standard input. ARGS is a shell fragment: quote paths with ShellQuote.
inline RunResult RunSitrep(const std::string& args, const std::string* stdin_text = nullptr) {
  TempDir tmp;
  std::string cmd = "SITREP_DATA=" + ShellQuote(DataDir()) + " " + ShellQuote(SITREP_BINARY) + " " + args;
  if (stdin_text) {
    std::string in_path = tmp.Write("stdin.txt", *stdin_text);
    cmd += " < " + ShellQuote(in_path);
  } else {
    cmd += " < /dev/null";
  }
  std::string err_path = tmp.File("stderr.txt");
  cmd += " 2> " + ShellQuote(err_path);
  RunResult r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) {
    ADD_FAILURE() << "popen failed: " << cmd;
    return r;
  }
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  r.err = ReadFile(err_path);
  return r;
}

inline std::vector<std::string> SplitLines(std::string_view s) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) nl = s.size();
    lines.emplace_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

}  // namespace sitrep::testing
