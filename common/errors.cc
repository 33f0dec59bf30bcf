#include "errors.h"

namespace newsindex {

namespace {
std::string located(const std::string& source, unsigned line) {
    return line == 0 ? source : source + ":" + std::to_string(line);
}
}  // namespace

InputError::InputError(const std::string& source, unsigned line, const std::string& problem)
    : Error(located(source, line) + ": " + problem),
      source_(source),
      line_(line),
      problem_(problem) {}

DatabaseError::DatabaseError(Kind kind, const std::string& path, const std::string& problem)
    : Error("database " + path + ": " + problem), kind_(kind), path_(path) {}

QueryError::QueryError(const std::string& query, const std::string& problem)
    : Error("query \"" + query + "\": " + problem), query_(query) {}

}  // namespace newsindex
