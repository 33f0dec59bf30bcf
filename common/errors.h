// Error types that cross module boundaries. Each carries the input that caused it (a file
// and line, a database path, a query string) so that main() can print one clear line and
// choose an exit status without knowing which library failed.
#pragma once

#include <stdexcept>
#include <string>

namespace newsindex {

// Base of every error newsindex throws on purpose. what() is a complete one-line message.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// An input file (or one record in it) could not be read as an article. Batch callers report
// it and go on with the next item.
class InputError : public Error {
  public:
    // line is 1-based; 0 means the problem concerns the file as a whole.
    InputError(const std::string& source, unsigned line, const std::string& problem);
    const std::string& source() const { return source_; }
    unsigned line() const { return line_; }
    // What is wrong, without the "source:line: " that what() starts with: for callers that
    // name the input their own way (a record of standard input as "stdin:LINE").
    const std::string& problem() const { return problem_; }

  private:
    std::string source_;
    unsigned line_;
    std::string problem_;
};

// A database could not be opened, read or written: missing, locked, corrupt, or written by
// an incompatible schema version.
class DatabaseError : public Error {
  public:
    enum class Kind { Missing, Locked, IncompatibleSchema, Interrupted, Other };
    DatabaseError(Kind kind, const std::string& path, const std::string& problem);
    Kind kind() const { return kind_; }
    const std::string& path() const { return path_; }

  private:
    Kind kind_;
    std::string path_;
};

// A request that cannot be carried out as given, found out after the options were parsed
// (a --rebuild that would drop sources it was not given). main() exits with the usage
// status.
class UsageError : public Error {
  public:
    using Error::Error;
};

// A query string the searcher cannot understand.
class QueryError : public Error {
  public:
    QueryError(const std::string& query, const std::string& problem);
    const std::string& query() const { return query_; }

  private:
    std::string query_;
};

}  // namespace newsindex
