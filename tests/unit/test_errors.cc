// Error types: what() is the whole message; the parts are there for callers that name the
// input their own way, so that nobody parses what().
#include <catch2/catch.hpp>
#include <string>

#include "errors.h"

using newsindex::InputError;

TEST_CASE("InputError: what() names the source and line, problem() is the rest", "[errors]") {
    auto [source, line, problem, message] =
        GENERATE(table<std::string, unsigned, std::string, std::string>({
            {"a.txt", 0, "empty file: no text", "a.txt: empty file: no text"},
            {"feed.jsonl", 3, "malformed JSON", "feed.jsonl:3: malformed JSON"},
            // A problem that itself holds "name: " is kept whole, not cut at a colon.
            {"b: c.txt", 2, "x: y: z", "b: c.txt:2: x: y: z"},
            {"", 0, "", ": "},
        }));
    const InputError error(source, line, problem);
    CHECK(std::string(error.what()) == message);
    CHECK(error.source() == source);
    CHECK(error.line() == line);
    CHECK(error.problem() == problem);
}
