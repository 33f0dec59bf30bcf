#include <catch2/catch.hpp>

#include "text/dates.h"

using newsindex::text::parse_date;

TEST_CASE("date lines in the forms news sources print are read as ISO 8601", "[dates]") {
    auto [line, iso] = GENERATE(table<std::string, std::string>({
        {"January 29, 2022", "2022-01-29"},
        {"Jan. 29, 2022", "2022-01-29"},
        {"Jan 29 2022", "2022-01-29"},
        {"Sept. 3, 2021", "2021-09-03"},
        {"29 January 2022", "2022-01-29"},
        {"29th January 2022", "2022-01-29"},
        {"2022-01-29", "2022-01-29"},
        {"  2022-01-29  ", "2022-01-29"},
        {"Saturday, January 29, 2022 10:05 GMT", "2022-01-29T10:05Z"},
        {"Updated: January 29, 2022", "2022-01-29"},
        {"Published on Monday, May 2, 2022", "2022-05-02"},
        {"January 29, 2022 3:15 pm EST", "2022-01-29T15:15-05:00"},
        {"January 29, 2022 12:30am", "2022-01-29T00:30"},
        {"2022-01-29T10:05:30+01:00", "2022-01-29T10:05:30+01:00"},
        {"2022-01-29T10:05:30.123Z", "2022-01-29T10:05:30Z"},
        {"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01"},
        {"Jan. 29, 22", "2022-01-29"},
        {"3 March 87", "1987-03-03"},
        {"February 29, 2024", "2024-02-29"},
        {"MARCH 1, 2022", "2022-03-01"},
        {"Tue 1 March 2022 09:00 +0530", "2022-03-01T09:00+05:30"},
    }));
    CAPTURE(line);
    auto date = parse_date(line);
    REQUIRE(date);
    CHECK(date->iso() == iso);
}

TEST_CASE("lines that are not a single real date are refused", "[dates]") {
    auto line = GENERATE(as<std::string>{}, "", "January 2022", "29 2022", "May is a month",
                         "February 30, 2022", "February 29, 2023", "2022-13-01", "2022-00-10",
                         "By Jane Doe", "January 29, 2022 and more", "25:00 January 29, 2022",
                         "January 29, 2022 GMT", "January January 29, 2022", "9999-01-01");
    CAPTURE(line);
    CHECK_FALSE(parse_date(line));
}

TEST_CASE("the compact day sorts as the date does", "[dates]") {
    CHECK(parse_date("January 9, 2022")->compact_day() == "20220109");
    CHECK(parse_date("December 31, 1999")->compact_day() < parse_date("1 Jan 2000")->compact_day());
}
