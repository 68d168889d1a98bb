// Small libpq helpers for the PostgreSQL store and queue: a connection that caches prepared statements, and a
// query with text parameters bound by position ($1, $2, …) and rows read by column. Not thread-safe.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/status.h"
#include "text/utf8.h"

namespace sitrep::store::pg {

class Conn;

// One statement execution. Bind parameters (1-based), Run(), then Next() through the rows.
class Query {
 public:
  Query(Conn* conn, const char* sql, bool prepare = true) : conn_(conn), sql_(sql), prepare_(prepare) {}
  ~Query() { Clear(); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  Query& Bind(int i, int64_t v) { return Set(i, std::to_string(v)); }
  Query& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Query& Bind(int i, double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return Set(i, buf);
  }
  Query& Bind(int i, std::string_view v) { return Set(i, std::string(v)); }
  Query& Bind(int i, const char* v) { return Set(i, std::string(v)); }
  Query& Bind(int i, const std::string& v) { return Set(i, v); }
  // Empty strings and zero ids become NULL.
  Query& BindText(int i, std::string_view v) { return v.empty() ? Null(i) : Bind(i, v); }
  Query& BindId(int i, int64_t v) { return v == 0 ? Null(i) : Bind(i, v); }
  Query& BindOpt(int i, const std::optional<double>& v) { return v ? Bind(i, *v) : Null(i); }
  Query& BindOpt(int i, const std::optional<int64_t>& v) { return v ? Bind(i, *v) : Null(i); }
  Query& Null(int i) {
    Grow(i);
    params_[static_cast<size_t>(i - 1)].reset();
    return *this;
  }

  // Executes; the error names `what`.
  Status Run(std::string_view what);
  int rows() const { return res_ ? PQntuples(res_) : 0; }
  // Moves to the next row; false after the last.
  bool Next() { return ++row_ < rows(); }
  int64_t affected() const { return res_ ? std::atoll(PQcmdTuples(res_)) : 0; }

  bool IsNull(int c) const { return PQgetisnull(res_, row_, c); }
  int64_t Int(int c) const { return IsNull(c) ? 0 : std::atoll(PQgetvalue(res_, row_, c)); }
  double Double(int c) const { return IsNull(c) ? 0 : std::strtod(PQgetvalue(res_, row_, c), nullptr); }
  std::string Text(int c) const {
    return IsNull(c) ? std::string() : std::string(PQgetvalue(res_, row_, c), static_cast<size_t>(PQgetlength(res_, row_, c)));
  }
  // Into an existing string (keeps its buffer).
  void TextInto(int c, std::string* out) const {
    if (IsNull(c)) out->clear();
    else out->assign(PQgetvalue(res_, row_, c), static_cast<size_t>(PQgetlength(res_, row_, c)));
  }
  std::optional<double> OptDouble(int c) const { return IsNull(c) ? std::nullopt : std::optional<double>(Double(c)); }
  std::optional<int64_t> OptInt(int c) const { return IsNull(c) ? std::nullopt : std::optional<int64_t>(Int(c)); }

 private:
  void Grow(int i) {
    if (params_.size() < static_cast<size_t>(i)) params_.resize(static_cast<size_t>(i));
  }
  // PostgreSQL refuses invalid UTF-8 and NUL bytes in text: such bytes become U+FFFD (or a space), as the
  // extractor does for article text.
  Query& Set(int i, std::string v) {
    Grow(i);
    std::string clean;
    text::Utf8Report report;
    if (!text::RepairUtf8(v, &clean, &report)) v = std::move(clean);
    params_[static_cast<size_t>(i - 1)] = std::move(v);
    return *this;
  }
  void Clear() {
    if (res_) PQclear(res_);
    res_ = nullptr;
    row_ = -1;
  }

  Conn* conn_;
  const char* sql_;
  bool prepare_;
  std::vector<std::optional<std::string>> params_;
  PGresult* res_ = nullptr;
  int row_ = -1;
};

class Conn {
 public:
  Conn() = default;
  ~Conn() { Close(); }
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  Status Open(const std::string& url);
  void Close() {
    if (c_) PQfinish(c_);
    c_ = nullptr;
    prepared_.clear();
  }
  PGconn* get() const { return c_; }
  bool ok() const { return c_ && PQstatus(c_) == CONNECTION_OK; }
  const std::string& label() const { return label_; }  // the URL without password
  // Runs SQL without parameters (may hold several statements).
  Status Exec(const std::string& sql, std::string_view what);
  // Whether the connection is inside a transaction block.
  bool InTransaction() const { return c_ && PQtransactionStatus(c_) != PQTRANS_IDLE; }
  // The statement name for `sql`, preparing it on first use; nullptr with *error set on failure.
  const char* Prepared(const char* sql, std::string* error);
  Status Error(std::string_view what, const PGresult* res) const;
  std::string last_sqlstate;  // of the last failed statement

 private:
  PGconn* c_ = nullptr;
  std::string url_, label_;
  std::unordered_map<const char*, std::string> prepared_;  // keyed by the SQL literal's address
};

}  // namespace sitrep::store::pg
