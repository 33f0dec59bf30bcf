// Reading the dates that news sources print ("January 29, 2022", "Jan. 29, 2022",
// "29 January 2022", "2022-01-29", "Saturday, January 29, 2022 10:05 GMT",
// "Updated: 26-FEB-1987 15:01:01.79") and writing them as ISO 8601.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsindex::text {

struct DateTime {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31, valid for the month
    bool has_time = false;
    int hour = 0, minute = 0, second = 0;
    bool has_seconds = false;
    bool has_offset = false;
    int offset_minutes = 0;  // east of UTC; meaningful only when has_offset

    // "YYYY-MM-DD", plus "THH:MM[:SS]" when has_time, plus "Z" or "+HH:MM" when has_offset.
    std::string iso() const;
    // "YYYYMMDD": sorts as the date does; what the index stores in its date value slot.
    std::string compact_day() const;
};

// True for a real calendar day (leap years included).
bool is_valid_day(int year, int month, int day);

// Parses a whole line as one date. Returns nullopt when the line holds anything that is not
// part of a date (so "May is a month" is not a date line), when a part is missing, or when
// the day does not exist. Two-digit years below 70 mean 20xx, others 19xx. Accepts an
// optional leading label ("Updated:", "Published"), weekday names, ordinal days ("29th"),
// times with am/pm, zones (GMT, UT, UTC, Z, the common European, North American, Japanese,
// Korean, Australian and New Zealand abbreviations, +01:00, +0100), ISO 8601 with a
// "T" or a space before the time, and "YYYY/MM/DD". The North American zones without summer
// time named (ET, CT, MT, PT) keep the time without an offset. Numeric day and month
// ("25/03/2023", "03.25.2023", "25-03-2023", four-digit year) are read only when the order
// shows (a number above 12, or both equal): "12/03/2023" is refused. Linear in the length
// of line.
std::optional<DateTime> parse_date(std::string_view line);

// The UTC date and time of a Unix timestamp in seconds, with offset "Z". Returns nullopt
// outside the years 1000..2999.
std::optional<DateTime> from_unix_seconds(long long seconds);

// Parses the Date header of an RFC 822 message ("Tue, 6 Apr 1993 15:32:11 GMT",
// "6 Apr 93 15:32 -0500 (EST)"): comments in parentheses are dropped and parse_date reads the
// rest, so its rules for two-digit years and zones apply. An unknown or impossible zone after
// the time ("MEZ+1", "+3000", "TUR") is dropped: date and time without offset, as RFC 5322
// reads such zones.
std::optional<DateTime> parse_rfc822_date(std::string_view header);

}  // namespace newsindex::text
