// Status and Result<T>: how sitrep reports failure at module boundaries.
//
// In the style of LevelDB's Status and simdjson's result types: a failure carries a code and a message that
// names the input and the problem ("reports/a.jsonl:17: malformed JSON: ..."). Exceptions never cross the hot
// path; the CLI turns a Status into an exit code and the server into an HTTP status.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace sitrep {

class Status {
 public:
  enum class Code { kOk, kInvalidInput, kNotFound, kIoError, kParseError, kUnavailable, kInternal };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) { return Status(Code::kInvalidInput, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status ParseError(std::string msg) { return Status(Code::kParseError, std::move(msg)); }
  static Status Unavailable(std::string msg) { return Status(Code::kUnavailable, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : value_(std::move(status)) {}  // NOLINT
  bool ok() const { return value_.index() == 0; }
  const T& value() const& { return std::get<0>(value_); }
  T& value() & { return std::get<0>(value_); }
  T&& value() && { return std::get<0>(std::move(value_)); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<1>(value_);
  }

 private:
  std::variant<T, Status> value_;
};

}  // namespace sitrep
