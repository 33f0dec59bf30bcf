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
        {"2022-01-29 10:05:30", "2022-01-29T10:05:30"},
        {"2022/01/29", "2022-01-29"},
        {"2022-01-29T10:05:30+0000", "2022-01-29T10:05:30Z"},
        {"Mon, 5 Apr 1993 17:36:05 -0500", "1993-04-05T17:36:05-05:00"},
        {"5 Apr 93 15:32 UT", "1993-04-05T15:32Z"},
        {"24 Apr 93 11:57:54 MET", "1993-04-24T11:57:54+01:00"},
        // Issue 18 item 6: date lines of news sites.
        {"Published 12 March 2023", "2023-03-12"},
        {"Updated: March 12, 2023 10:32 ET", "2023-03-12T10:32"},
        {"Updated March 12, 2023 at 4:05 pm PT", "2023-03-12T16:05"},
        {"Posted on 2023-03-12", "2023-03-12"},
        {"Published: 25/03/2023", "2023-03-25"},
        {"Published: 03/25/2023", "2023-03-25"},
        {"25.03.2023", "2023-03-25"},
        {"25-03-2023 09:15", "2023-03-25T09:15"},
        {"05/05/2023", "2023-05-05"},
    }));
    CAPTURE(line);
    auto date = parse_date(line);
    REQUIRE(date);
    CHECK(date->iso() == iso);
}

TEST_CASE("lines that are not a single real date are refused", "[dates]") {
    auto line = GENERATE(
        as<std::string>{}, "", "January 2022", "29 2022", "May is a month", "February 30, 2022",
        "February 29, 2023", "2022-13-01", "2022-00-10", "By Jane Doe", "January 29, 2022 and more",
        "25:00 January 29, 2022", "January 29, 2022 GMT", "January January 29, 2022", "9999-01-01",
        // Day and month order unknown: 12 March or December 3.
        "Published: 12/03/2023", "12.03.2023", "31/02/2023", "25/13/2023", "25/03/23",
        "March 12, 2023 ET", "March 12, 2023 10:32 ET EST", "25/03/2023 March 12, 2023");
    CAPTURE(line);
    CHECK_FALSE(parse_date(line));
}

TEST_CASE("the compact day sorts as the date does", "[dates]") {
    CHECK(parse_date("January 9, 2022")->compact_day() == "20220109");
    CHECK(parse_date("December 31, 1999")->compact_day() < parse_date("1 Jan 2000")->compact_day());
}

TEST_CASE("RFC 822 Date headers, comments and unknown zones included", "[dates]") {
    auto [header, iso] = GENERATE(table<std::string, std::string>({
        {"Tue, 6 Apr 1993 15:32:11 GMT", "1993-04-06T15:32:11Z"},
        {"Tue, 6 Apr 1993 10:32:11 -0500 (EST)", "1993-04-06T10:32:11-05:00"},
        {"6 Apr 93 15:32 (a (nested) comment) +0200", "1993-04-06T15:32+02:00"},
        // Unknown or impossible zones are dropped; date and time stay.
        {"Monday, 17 May 1993 17:21:36 TUR", "1993-05-17T17:21:36"},
        {"19 Apr 93 16:15:19 +3000", "1993-04-19T16:15:19"},
        {"2 May 93 12:14:17 GMT+12", "1993-05-02T12:14:17"},
    }));
    CAPTURE(header);
    auto date = newsindex::text::parse_rfc822_date(header);
    REQUIRE(date);
    CHECK(date->iso() == iso);
}

TEST_CASE("RFC 822 dates that name no real day are refused", "[dates]") {
    auto header = GENERATE(as<std::string>{}, "", "(only a comment)", "31 Feb 1993 10:00 GMT",
                           "6 Apr 1993 GMT", "6 Apr 1993 25:00:00 GMT", "6 Apr 1993 junk");
    CAPTURE(header);
    CHECK_FALSE(newsindex::text::parse_rfc822_date(header));
}

TEST_CASE("Unix timestamps", "[dates]") {
    auto [seconds, iso] = GENERATE(table<long long, std::string>({
        {0, "1970-01-01T00:00:00Z"},
        {951782400, "2000-02-29T00:00:00Z"},
        {1688464800, "2023-07-04T10:00:00Z"},
        {-86400, "1969-12-31T00:00:00Z"},
        {32503680000LL, "3000-01-01T00:00:00Z"},
    }));
    CAPTURE(seconds);
    auto date = newsindex::text::from_unix_seconds(seconds);
    if (iso.substr(0, 4) == "3000") {
        CHECK_FALSE(date);  // past the years dates may have
    } else {
        REQUIRE(date);
        CHECK(date->iso() == iso);
    }
    CHECK_FALSE(newsindex::text::from_unix_seconds(1LL << 62));
}
