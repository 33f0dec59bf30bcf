// What a --rebuild given some inputs would drop of the sources a database records.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "sources.h"

using newsindex::indexer::RecordedSources;
using newsindex::indexer::sources_not_covered;
using Paths = std::vector<std::string>;

TEST_CASE("sources_not_covered: recorded sources the inputs leave out", "[sources]") {
    RecordedSources recorded;
    recorded.directories = {"/news/nord-stream", "/news/banks"};
    recorded.files = {
        {"/misc/one.txt", ""}, {"/misc/listed.txt", "/lists/a"}, {"/news/banks/named.txt", ""}};
    auto [inputs, list, dropped] = GENERATE(table<Paths, std::string, Paths>({
        {{"/news/banks"}, "", {"/news/nord-stream", "/misc/one.txt", "/misc/listed.txt"}},
        {{"/news"}, "", {"/misc/one.txt", "/misc/listed.txt"}},
        {{"/news", "/misc/one.txt"}, "/lists/a", {}},
        {{"/news", "/misc"}, "", {}},
        {{"/"}, "", {}},
        {{"/news/nord-stream", "/news/banks", "-"},
         "/lists/b",
         {"/misc/one.txt", "/misc/listed.txt"}},
        // A folder inside a recorded one does not cover the rest of it; a name that only
        // starts the same is not a parent.
        {{"/news/banks/2022", "/news/nord", "/misc"}, "", {"/news/nord-stream", "/news/banks"}},
    }));
    CAPTURE(inputs, list);
    CHECK(sources_not_covered(recorded, inputs, list) == dropped);
}

TEST_CASE("sources_not_covered: an old database names its files", "[sources]") {
    RecordedSources recorded;
    recorded.known = false;
    recorded.files = {{"/news/a/1.txt", ""}, {"/news/b/2.txt", ""}};
    CHECK(sources_not_covered(recorded, {"/news/a"}, "") == Paths{"/news/b/2.txt"});
    CHECK(sources_not_covered(recorded, {"/news"}, "").empty());
}
