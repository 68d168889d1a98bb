// Reading articles from files, folders and stdin: plain text (.txt, one article per file) and JSON Lines
// (.jsonl, one article per line with "id", "title", "source", "url", "published", "text").
//
// Bad input never stops the run: a missing file, an unreadable folder, a binary file, a malformed JSON line or
// a line without "text" becomes an InputError naming the input (file, line) and the problem, and reading goes
// on with the next article. A .txt file in the corpus layout (line 1 a URL, line 2 a date or "unknown",
// line 3 a title, then a blank line) has that header taken as metadata. Not thread-safe; one per reader thread.
#pragma once

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace sitrep::io {

struct InputArticle {
  std::string origin;  // "path" or "path:line", for messages
  std::string id, title, source, url, published, text;
  uint64_t bytes = 0;  // input bytes consumed (for progress)
};

struct InputError {
  std::string origin;
  std::string message;
  bool failed = true;  // false for warnings (a file read only in part)
};

struct InputOptions {
  uint64_t max_file_bytes = 1ull << 30;  // a .txt larger than this is read up to the limit, with a warning
};

class InputReader {
 public:
  InputReader(std::vector<std::string> inputs, InputOptions options = {});
  ~InputReader();

  // The next article, or false at the end. Errors met on the way are appended to *errors.
  bool Next(InputArticle* out, std::vector<InputError>* errors);

  // Total bytes of the named files (for a progress bar); 0 when unknown (stdin).
  uint64_t TotalBytes() const { return total_bytes_; }

 private:
  bool OpenNext(std::vector<InputError>* errors);
  bool ReadJsonLine(InputArticle* out, std::vector<InputError>* errors);
  void Expand(const std::string& input, std::vector<InputError>* errors);

  struct JsonState;
  std::vector<std::string> inputs_;
  InputOptions options_;
  std::vector<std::string> files_;  // expanded, in order
  size_t next_file_ = 0;
  bool expanded_ = false;
  std::vector<InputError> expand_errors_;
  uint64_t total_bytes_ = 0;
  // The JSONL file being read.
  std::unique_ptr<std::istream> jsonl_;
  std::string jsonl_name_;
  uint64_t jsonl_line_ = 0;
  std::unique_ptr<JsonState> json_;
  std::string line_;
};

// Reads a whole file (or stdin for "-"); returns false with a message on failure.
bool ReadWholeFile(const std::string& path, uint64_t max_bytes, std::string* out, std::string* error,
                   bool* truncated);

// Splits the corpus header of a .txt file off `text` into the article's fields when present.
void TakeCorpusHeader(InputArticle* article);

}  // namespace sitrep::io
