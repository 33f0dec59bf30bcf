#include <catch2/catch.hpp>

#include "text/byline.h"

using newsindex::text::parse_byline;
using Names = std::vector<std::string>;

TEST_CASE("bylines give clean author names", "[byline]") {
    auto [line, names] = GENERATE(table<std::string, Names>({
        {"By [AFP](#)", {"AFP"}},
        {"By Jane Doe", {"Jane Doe"}},
        {"by jane doe", {"jane doe"}},
        {"By: Jane Doe", {"Jane Doe"}},
        {"By Anna Pirogova and Daniel Hart", {"Anna Pirogova", "Daniel Hart"}},
        {"By Lena Brandt, Reuters", {"Lena Brandt", "Reuters"}},
        {"By [Tomasz Nowak](https://example.com/nowak)", {"Tomasz Nowak"}},
        {"By **Sofia Marquez** & Ben Okafor", {"Sofia Marquez", "Ben Okafor"}},
        {"By Ann Anderson and Ann Anderson", {"Ann Anderson"}},
        {"By  Jane   Doe ; Reuters", {"Jane Doe", "Reuters"}},
    }));
    CAPTURE(line);
    CHECK(parse_byline(line) == names);
}

TEST_CASE("lines that are not bylines give no names", "[byline]") {
    auto line = GENERATE(as<std::string>{}, "", "By", "By ", "Byzantine empire falls", "Standby",
                         "January 29, 2022");
    CAPTURE(line);
    CHECK(parse_byline(line).empty());
}
