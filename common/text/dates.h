// Reading the dates that news sources print ("January 29, 2022", "Jan. 29, 2022",
// "29 January 2022", "2022-01-29", "Saturday, January 29, 2022 10:05 GMT",
// "Updated: 26-FEB-1987 15:01:01.79", "Samstag, 29. Januar 2022, 10:05 Uhr",
// "le 29 janvier 2022", "29 января 2022 г.") and writing them as ISO 8601.
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

// Why parse_date refused a line.
enum class DateRefusal {
    none,             // the line was read
    not_a_date,       // a word that is no part of a date, a part missing or twice, a bad time
                      // or zone, a year outside 1000..2999
    no_such_day,      // all parts read, but the day does not exist ("31. Februar 2023")
    ambiguous_order,  // a numeric day and month that the language does not order ("12/03/2023"
                      // with no language or "en"); the rest of the line is a date
};

// A short phrase for messages: "" (none), "not a date", "no such day", "day and month order
// unknown".
std::string_view refusal_reason(DateRefusal refusal);

// True when language (a BCP 47 tag; only its primary subtag counts, see primary_language)
// writes numeric dates day first: German, French, Spanish, Italian, Portuguese, Dutch,
// Russian, Polish, Ukrainian, Czech, Slovak, Danish, Norwegian, Finnish, Romanian, Bulgarian,
// Croatian, Serbian, Slovenian, Greek, Turkish, Catalan, Indonesian. False for "" and for
// "en": British and American articles both say "en" (region subtags are unreliable, many
// templates declare "en-US" whatever the edition), and their orders differ.
bool writes_day_first(std::string_view language);

// Parses a whole line as one date. Returns nullopt when the line holds anything that is not
// part of a date (so "May is a month" and "le marché de janvier" are not date lines), when a
// part is missing, or when the day does not exist. Two-digit years below 70 mean 20xx, others
// 19xx. Accepts an optional leading label ("Updated:", "Published", "Veröffentlicht:",
// "Aktualisiert am", "Publié le", "Mis à jour le", "Publicado el", "Pubblicato il",
// "Gepubliceerd op", "Опубликовано"), weekday names, ordinal days ("29th", "29.", "1er",
// "1º"), times with am/pm ("10:05", "10h05", "10:05 Uhr", "10 Uhr", "10.05 Uhr", "à 10h05",
// "a las 10:05 h", "om 10:05"), zones (GMT, UT, UTC, Z, MSK/МСК, the common European, North
// American, Japanese, Korean, Australian and New Zealand abbreviations, +01:00, +0100), ISO
// 8601 with a "T" or a space before the time, and "YYYY/MM/DD". Month and weekday names may be
// English, German, French, Spanish, Italian, Portuguese, Dutch or Russian (nominative and
// genitive), full or abbreviated, with or without accents and a final dot, in any case (see
// month_names.h), in the orders these languages write them: "29. Januar 2022", "le 29 janvier
// 2022", "29 de enero de 2022", "29 gennaio 2022", "29 januari 2022", "29 января 2022 г.". The
// North American zones without summer time named (ET, CT, MT, PT) keep the time without an
// offset. Numeric day and month ("25/03/2023", "03.25.2023", "25-03-2023", four-digit year)
// are read when the order shows (a number above 12, or both equal), or day first when
// writes_day_first(language); otherwise ("12/03/2023" with language "" or "en", whatever the
// separator) the line is refused as ambiguous_order. When why is not null it receives the
// reason (none when a date is returned). Linear in the length of line.
std::optional<DateTime> parse_date(std::string_view line, std::string_view language,
                                   DateRefusal* why = nullptr);

// parse_date(line, ""): the language unknown.
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
