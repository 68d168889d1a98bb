// Writing extraction results: JSON Lines (the contract in spec/README.md), CSV (one row per event, sitrep's
// columns) and ACLED's column layout. Thread-safe (pure functions appending to a caller's buffer).
#pragma once

#include <string>

#include "sitrep/extract.h"

namespace sitrep::io {

enum class OutputFormat { kJsonl, kCsv, kAcled };

bool ParseOutputFormat(const std::string& name, OutputFormat* out);

// One JSON object (one line, with '\n') per article.
void AppendArticleJson(const ArticleResult& result, std::string* out);
// The header line of a CSV format (with '\n').
void AppendCsvHeader(OutputFormat format, std::string* out);
// One row per event (with '\n').
void AppendCsvRows(OutputFormat format, const ArticleResult& result, std::string* out);

// Appends one CSV field, quoted when needed (RFC 4180).
void AppendCsvField(std::string_view value, std::string* out);

}  // namespace sitrep::io
