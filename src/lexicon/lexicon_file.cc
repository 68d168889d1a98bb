#include "lexicon/lexicon_file.h"

#include <fstream>
#include <sstream>

#include "text/utf8.h"

namespace sitrep::lexicon {

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

std::vector<std::string> SplitList(std::string_view field) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= field.size()) {
    size_t semi = field.find(';', start);
    if (semi == std::string_view::npos) semi = field.size();
    std::string_view item = Trim(field.substr(start, semi - start));
    if (!item.empty()) items.emplace_back(item);
    start = semi + 1;
  }
  return items;
}

Status ParseRecords(std::string_view name, std::string_view content, size_t min_fields, size_t max_fields,
                    std::vector<Record>* out) {
  text::Utf8Report report;
  std::string clean;
  if (!text::RepairUtf8(content, &clean, &report) && report.invalid_sequences > 0) {
    return Status::ParseError(std::string(name) + ": invalid UTF-8 at byte " +
                              std::to_string(report.first_offsets.empty() ? 0 : report.first_offsets[0]));
  }
  int line_no = 0;
  size_t pos = 0;
  while (pos < clean.size()) {
    size_t nl = clean.find('\n', pos);
    if (nl == std::string::npos) nl = clean.size();
    std::string_view line(clean.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    Record rec;
    rec.file = std::string(name);
    rec.line = line_no;
    size_t start = 0;
    while (true) {
      size_t bar = line.find(" | ", start);
      std::string_view field = Trim(line.substr(start, bar == std::string_view::npos ? line.size() - start
                                                                                      : bar - start));
      rec.fields.emplace_back(field == "-" ? std::string_view() : field);
      if (bar == std::string_view::npos) break;
      start = bar + 3;
    }
    // A trailing " |" (empty last field) is written as "... |" after trimming.
    if (!rec.fields.empty() && rec.fields.back().size() >= 1 && rec.fields.back().back() == '|') {
      std::string& last = rec.fields.back();
      last.pop_back();
      last = std::string(Trim(last));
      if (last == "-") last.clear();
      rec.fields.emplace_back();
    }
    while (rec.fields.size() > min_fields && rec.fields.back().empty()) rec.fields.pop_back();
    if (rec.fields.size() < min_fields || rec.fields.size() > max_fields) {
      return Status::ParseError(rec.Where() + ": expected " + std::to_string(min_fields) + " to " +
                                std::to_string(max_fields) + " fields separated by ' | ', found " +
                                std::to_string(rec.fields.size()));
    }
    if (rec.fields[0].empty()) return Status::ParseError(rec.Where() + ": the first field is empty");
    out->push_back(std::move(rec));
  }
  return Status::Ok();
}

Status ReadRecords(const std::string& path, size_t min_fields, size_t max_fields, std::vector<Record>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open lexicon file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ParseRecords(path, ss.str(), min_fields, max_fields, out);
}

}  // namespace sitrep::lexicon
