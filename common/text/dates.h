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
// times with am/pm, and zones (GMT, UTC, Z, CET, EST..., +01:00, +0100).
std::optional<DateTime> parse_date(std::string_view line);

}  // namespace newsindex::text
