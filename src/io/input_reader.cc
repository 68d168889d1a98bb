#include "io/input_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <unistd.h>

namespace sitrep::io {

namespace fs = std::filesystem;

struct InputReader::JsonState {
  simdjson::dom::parser parser;
};

InputReader::InputReader(std::vector<std::string> inputs, InputOptions options)
    : inputs_(std::move(inputs)), options_(options), json_(std::make_unique<JsonState>()) {
  for (const auto& in : inputs_) Expand(in, &expand_errors_);
  expanded_ = true;
}

InputReader::~InputReader() = default;

namespace {

bool HasExtension(const fs::path& p, const char* ext) { return p.extension() == ext; }

}  // namespace

void InputReader::Expand(const std::string& input, std::vector<InputError>* errors) {
  if (input == "-") {
    files_.push_back("-");
    return;
  }
  std::error_code ec;
  fs::file_status st = fs::status(input, ec);
  if (ec || !fs::exists(st)) {
    errors->push_back({input, "no such file or folder"});
    return;
  }
  if (fs::is_directory(st)) {
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      errors->push_back({input, "cannot read folder: " + ec.message()});
      return;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        errors->push_back({input, "cannot read part of the folder: " + ec.message()});
        ec.clear();
        break;
      }
      const fs::path& p = it->path();
      std::error_code ec2;
      if (!it->is_regular_file(ec2)) {
        if (it->is_directory(ec2)) {
          // Unreadable subfolders are skipped by the iterator; say so.
          if (::access(p.c_str(), R_OK | X_OK) != 0) {
            errors->push_back({p.string(), "cannot read folder: permission denied"});
          }
        }
        continue;
      }
      if (HasExtension(p, ".txt") || HasExtension(p, ".jsonl")) found.push_back(p.string());
    }
    std::sort(found.begin(), found.end());  // deterministic order
    for (auto& f : found) {
      std::error_code ec3;
      total_bytes_ += fs::file_size(f, ec3);
      files_.push_back(std::move(f));
    }
    return;
  }
  total_bytes_ += fs::file_size(input, ec);
  files_.push_back(input);
}

bool ReadWholeFile(const std::string& path, uint64_t max_bytes, std::string* out, std::string* error,
                   bool* truncated) {
  out->clear();
  *truncated = false;
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *out = ss.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  std::error_code ec;
  uint64_t size = fs::file_size(path, ec);
  if (!ec) {
    uint64_t want = std::min(size, max_bytes);
    out->resize(want);
    in.read(out->data(), static_cast<std::streamsize>(want));
    out->resize(static_cast<size_t>(in.gcount()));
    *truncated = size > max_bytes;
  } else {
    std::ostringstream ss;
    ss << in.rdbuf();
    *out = ss.str();
  }
  if (in.bad()) {
    *error = "read error";
    return false;
  }
  return true;
}

void TakeCorpusHeader(InputArticle* a) {
  const std::string& t = a->text;
  if (t.rfind("http://", 0) != 0 && t.rfind("https://", 0) != 0) return;
  size_t l1 = t.find('\n');
  if (l1 == std::string::npos) return;
  size_t l2 = t.find('\n', l1 + 1);
  if (l2 == std::string::npos) return;
  size_t l3 = t.find('\n', l2 + 1);
  if (l3 == std::string::npos) return;
  std::string date = t.substr(l1 + 1, l2 - l1 - 1);
  bool date_ok = date == "unknown" || (date.size() == 10 && date[4] == '-' && date[7] == '-');
  if (!date_ok) return;
  size_t body = l3 + 1;
  while (body < t.size() && (t[body] == '\n' || t[body] == '\r')) ++body;
  a->url = t.substr(0, l1);
  if (date != "unknown") a->published = date;
  a->title = t.substr(l2 + 1, l3 - l2 - 1);
  a->text = t.substr(body);
}

bool InputReader::ReadJsonLine(InputArticle* out, std::vector<InputError>* errors) {
  while (std::getline(*jsonl_, line_)) {
    ++jsonl_line_;
    std::string origin = jsonl_name_ + ":" + std::to_string(jsonl_line_);
    uint64_t bytes = line_.size() + 1;
    size_t first = line_.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;  // blank line
    simdjson::dom::element doc;
    auto err = json_->parser.parse(line_).get(doc);
    if (err) {
      errors->push_back({origin, std::string("malformed JSON: ") + simdjson::error_message(err)});
      continue;
    }
    if (!doc.is_object()) {
      errors->push_back({origin, "expected a JSON object per line"});
      continue;
    }
    std::string_view text;
    if (doc["text"].get(text)) {
      errors->push_back({origin, "no string field \"text\""});
      continue;
    }
    // Fields are assigned, not replaced, so that a reused InputArticle keeps its buffers (no allocation per
    // article once the buffers have grown to the corpus's usual sizes).
    out->origin = std::move(origin);
    out->text.assign(text);
    out->bytes = bytes;
    auto take = [&](const char* key, std::string* field) {
      field->clear();
      simdjson::dom::element v;
      if (doc[key].get(v)) return;
      std::string_view sv;
      if (!v.get(sv)) {
        field->assign(sv);
        return;
      }
      int64_t n;
      if (!v.get(n)) *field = std::to_string(n);
    };
    take("id", &out->id);
    take("title", &out->title);
    take("source", &out->source);
    take("url", &out->url);
    take("published", &out->published);
    if (out->published.empty()) take("date", &out->published);
    return true;
  }
  if (jsonl_->bad()) errors->push_back({jsonl_name_, "read error"});
  jsonl_.reset();
  return false;
}

bool InputReader::Next(InputArticle* out, std::vector<InputError>* errors) {
  if (!expand_errors_.empty()) {
    errors->insert(errors->end(), expand_errors_.begin(), expand_errors_.end());
    expand_errors_.clear();
  }
  while (true) {
    if (jsonl_) {
      if (ReadJsonLine(out, errors)) return true;
      continue;
    }
    if (next_file_ >= files_.size()) return false;
    const std::string path = files_[next_file_++];
    const bool jsonl_ext = path.size() > 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0;
    if (jsonl_ext) {
      auto f = std::make_unique<std::ifstream>(path, std::ios::binary);
      if (!*f) {
        errors->push_back({path, std::string("cannot open: ") + std::strerror(errno)});
        continue;
      }
      jsonl_ = std::move(f);
      jsonl_name_ = path;
      jsonl_line_ = 0;
      continue;
    }
    std::string content, error;
    bool truncated = false;
    if (!ReadWholeFile(path, options_.max_file_bytes, &content, &error, &truncated)) {
      errors->push_back({path, error});
      continue;
    }
    // stdin that looks like JSON Lines is read as such.
    if (path == "-") {
      size_t first = content.find_first_not_of(" \t\r\n");
      if (first != std::string::npos && content[first] == '{') {
        jsonl_ = std::make_unique<std::istringstream>(std::move(content));
        jsonl_name_ = "<stdin>";
        jsonl_line_ = 0;
        continue;
      }
    }
    const std::string origin = path == "-" ? "<stdin>" : path;
    if (content.empty()) {
      errors->push_back({origin, "empty file: no article"});
      continue;
    }
    // A file with NUL bytes near its start is not text (an image, a PDF, an executable).
    size_t probe = std::min<size_t>(content.size(), 8192);
    size_t nuls = std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(probe), '\0');
    if (nuls > 0 && nuls * 100 >= probe / 10 + 1) {
      errors->push_back({origin, "looks like a binary file (NUL bytes), skipped"});
      continue;
    }
    *out = InputArticle();
    out->origin = origin;
    out->bytes = content.size();
    out->text = std::move(content);
    if (truncated) errors->push_back({origin, "file larger than the read limit; only the first part was read", false});
    if (path != "-") {
      out->id = fs::path(path).stem().string();
      TakeCorpusHeader(out);
    }
    return true;
  }
}

}  // namespace sitrep::io
