// Reading the line-oriented lexicon files of data/lexicon/ (format: docs/LEXICON.md).
//
// A record is one line split on " | "; lists inside a field split on ";". Errors name FILE:LINE, because a
// researcher editing a lexicon by hand needs to find the mistake. Thread-safe (pure functions).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::lexicon {

struct Record {
  std::string file;  // path as given, for messages
  int line = 0;
  std::vector<std::string> fields;  // trimmed; "-" becomes ""

  const std::string& Field(size_t i) const {
    static const std::string kEmpty;
    return i < fields.size() ? fields[i] : kEmpty;
  }
  std::string Where() const { return file + ":" + std::to_string(line); }
};

// Parses `content` (the text of file `name`). Each record must have between min_fields and max_fields fields.
Status ParseRecords(std::string_view name, std::string_view content, size_t min_fields, size_t max_fields,
                    std::vector<Record>* out);

// Reads and parses a file.
Status ReadRecords(const std::string& path, size_t min_fields, size_t max_fields, std::vector<Record>* out);

// Splits a field on ';' and trims each item; empty items are dropped.
std::vector<std::string> SplitList(std::string_view field);

std::string_view Trim(std::string_view s);

}  // namespace sitrep::lexicon
