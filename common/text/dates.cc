#include "text/dates.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <vector>

#include "text/language.h"
#include "text/month_names.h"
#include "text/strings.h"

namespace newsindex::text {

namespace {

struct ZoneName {
    std::string_view name;
    int offset_minutes;
};
constexpr ZoneName kZones[] = {
    {"gmt", 0},     {"utc", 0},     {"ut", 0},     {"z", 0},      {"wet", 0},    {"west", 60},
    {"bst", 60},    {"cet", 60},    {"met", 60},   {"mez", 60},   {"cest", 120}, {"mest", 120},
    {"mesz", 120},  {"eet", 120},   {"eest", 180}, {"msk", 180},  {"jst", 540},  {"kst", 540},
    {"aest", 600},  {"aedt", 660},  {"nzst", 720}, {"nzdt", 780}, {"est", -300}, {"edt", -240},
    {"cst", -360},  {"cdt", -300},  {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
    {"akst", -540}, {"akdt", -480}, {"hst", -600}, {"мск", 180},
};

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int to_int(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

std::optional<int> zone_offset(std::string_view word) {
    for (const ZoneName& zone : kZones) {
        if (word == zone.name) return zone.offset_minutes;
    }
    // +HH:MM, +HHMM, +HH
    if (word.size() >= 3 && (word[0] == '+' || word[0] == '-')) {
        std::string digits;
        for (char c : word.substr(1)) {
            if (c != ':') digits.push_back(c);
        }
        if (!all_digits(digits) || (digits.size() != 2 && digits.size() != 4)) return std::nullopt;
        int hours = to_int(digits.substr(0, 2));
        int minutes = digits.size() == 4 ? to_int(digits.substr(2)) : 0;
        if (hours > 14 || minutes > 59) return std::nullopt;
        int offset = hours * 60 + minutes;
        return word[0] == '-' ? -offset : offset;
    }
    return std::nullopt;
}

// Parses "HH:MM", "HH:MM:SS" or "HH:MM:SS.fraction" into dt. Returns false when the word is
// not a time.
bool parse_clock(std::string_view word, DateTime& dt) {
    auto pieces = split(word, ":");
    if (pieces.size() < 2 || pieces.size() > 3) return false;
    std::string_view seconds = pieces.size() == 3 ? pieces[2] : std::string_view();
    if (std::size_t dot = seconds.find('.'); dot != std::string_view::npos) {
        if (!all_digits(seconds.substr(dot + 1))) return false;
        seconds = seconds.substr(0, dot);
    }
    if (!all_digits(pieces[0]) || pieces[0].size() > 2 || !all_digits(pieces[1]) ||
        pieces[1].size() != 2)
        return false;
    if (pieces.size() == 3 && (!all_digits(seconds) || seconds.size() != 2)) return false;
    dt.hour = to_int(pieces[0]);
    dt.minute = to_int(pieces[1]);
    dt.has_seconds = pieces.size() == 3;
    dt.second = dt.has_seconds ? to_int(seconds) : 0;
    if (dt.hour > 23 || dt.minute > 59 || dt.second > 60) return false;
    dt.has_time = true;
    return true;
}

// Parses "YYYY-MM-DD" optionally followed by "tHH:MM[:SS[.f]][zone]" (already lowercased),
// or "YYYY/MM/DD" alone.
bool parse_iso_token(std::string_view word, DateTime& dt) {
    if (word.size() == 10 && word[4] == '/' && word[7] == '/') {
        std::string dashed(word);
        dashed[4] = dashed[7] = '-';
        return parse_iso_token(dashed, dt);
    }
    if (word.size() < 10 || word[4] != '-' || word[7] != '-') return false;
    if (!all_digits(word.substr(0, 4)) || !all_digits(word.substr(5, 2)) ||
        !all_digits(word.substr(8, 2)))
        return false;
    dt.year = to_int(word.substr(0, 4));
    dt.month = to_int(word.substr(5, 2));
    dt.day = to_int(word.substr(8, 2));
    if (word.size() == 10) return true;
    if (word[10] != 't') return false;
    std::string_view rest = word.substr(11);
    std::size_t zone_start = rest.find_first_of("z+-");
    std::string_view clock = rest.substr(0, zone_start);
    if (!parse_clock(clock, dt)) return false;
    if (zone_start != std::string_view::npos) {
        auto offset = zone_offset(rest.substr(zone_start));
        if (!offset) return false;
        dt.has_offset = true;
        dt.offset_minutes = *offset;
    }
    return true;
}

// Zones that name a region but not whether summer time applies ("10:32 ET"): the time is kept
// without an offset rather than guessed.
constexpr std::string_view kGenericZones[] = {"et", "ct", "mt", "pt"};

bool is_generic_zone(std::string_view word) {
    for (std::string_view zone : kGenericZones) {
        if (word == zone) return true;
    }
    return false;
}

enum class Numeric { None, Read, Ambiguous };

// Reads "DD/MM/YYYY", "MM/DD/YYYY", and the same with "." or "-". The order shows when one of
// the first two numbers is above 12 ("25/03/2023", "03/25/2023") or both are equal; else
// ("12/03/2023": 12 March in Britain, December 3 in the United States) the day comes first
// when day_first, and the result is Ambiguous otherwise (dt then holds the year only as read).
// A 0, or two numbers above 12, give a day that the caller finds invalid.
Numeric parse_numeric_date(std::string_view word, bool day_first, DateTime& dt) {
    const std::size_t first = word.find_first_of("/.-");
    if (first == std::string_view::npos) return Numeric::None;
    const char separator = word[first];
    auto parts = split(word, std::string_view(&separator, 1));
    if (parts.size() != 3 || !all_digits(parts[0]) || !all_digits(parts[1]) ||
        !all_digits(parts[2]) || parts[0].size() > 2 || parts[1].size() > 2 || parts[2].size() != 4)
        return Numeric::None;
    const int a = to_int(parts[0]), b = to_int(parts[1]);
    dt.year = to_int(parts[2]);
    dt.day = a;
    dt.month = b;
    if (a == 0 || b == 0 || a > 12 || a == b) return Numeric::Read;
    if (b > 12) {
        dt.month = a;
        dt.day = b;
        return Numeric::Read;
    }
    return day_first ? Numeric::Read : Numeric::Ambiguous;
}

// Parses the French and Portuguese "10h05" and "10h". Leaves dt alone when word is not such a
// time.
bool parse_h_clock(std::string_view word, DateTime& dt) {
    const std::size_t h = word.find('h');
    if (h == std::string_view::npos || h == 0 || h > 2 || !all_digits(word.substr(0, h)))
        return false;
    const std::string_view minutes = word.substr(h + 1);
    if (!minutes.empty() && (minutes.size() != 2 || !all_digits(minutes))) return false;
    const int hour = to_int(word.substr(0, h)), minute = minutes.empty() ? 0 : to_int(minutes);
    if (hour > 23 || minute > 59) return false;
    dt.hour = hour;
    dt.minute = minute;
    dt.has_time = true;
    return true;
}

// Parses "10" or "10.05", read as a time only because an hour word follows ("10 Uhr",
// "10.05 Uhr"). Leaves dt alone when word is not such a time.
bool parse_bare_hour(std::string_view word, DateTime& dt) {
    const std::size_t dot = word.find('.');
    const std::string_view hours = word.substr(0, dot);
    const std::string_view minutes =
        dot == std::string_view::npos ? std::string_view() : word.substr(dot + 1);
    if (!all_digits(hours) || hours.size() > 2) return false;
    if (dot != std::string_view::npos && (minutes.size() != 2 || !all_digits(minutes)))
        return false;
    const int hour = to_int(hours), minute = minutes.empty() ? 0 : to_int(minutes);
    if (hour > 23 || minute > 59) return false;
    dt.hour = hour;
    dt.minute = minute;
    dt.has_time = true;
    return true;
}

// Primary language subtags of languages that write a numeric date day first, sorted. English
// is not here: British and American articles both say "en", and their order differs.
constexpr std::string_view kDayFirstLanguages[] = {
    "bg", "ca", "cs", "da", "de", "el", "es", "fi", "fr", "hr", "id", "it", "nb",
    "nl", "nn", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "tr", "uk"};

// Values here are 0..99: hours, minutes, seconds, days, months.
std::string two_digits(int value) {
    return {static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

}  // namespace

bool is_valid_day(int year, int month, int day) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= last;
}

std::string DateTime::iso() const {
    std::string out = std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day);
    if (!has_time) return out;
    out += "T" + two_digits(hour) + ":" + two_digits(minute);
    if (has_seconds) out += ":" + two_digits(second);
    if (has_offset) {
        if (offset_minutes == 0) return out + "Z";
        int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
        out += (offset_minutes < 0 ? "-" : "+") + two_digits(magnitude / 60) + ":" +
               two_digits(magnitude % 60);
    }
    return out;
}

std::string DateTime::compact_day() const {
    return std::to_string(year) + two_digits(month) + two_digits(day);
}

bool writes_day_first(std::string_view language) {
    const std::string primary = primary_language(language);
    return std::binary_search(std::begin(kDayFirstLanguages), std::end(kDayFirstLanguages),
                              std::string_view(primary));
}

std::string_view refusal_reason(DateRefusal refusal) {
    switch (refusal) {
        case DateRefusal::none:
            return "";
        case DateRefusal::not_a_date:
            return "not a date";
        case DateRefusal::no_such_day:
            return "no such day";
        case DateRefusal::ambiguous_order:
            return "day and month order unknown";
    }
    return "";
}

std::optional<DateTime> parse_date(std::string_view line) {
    return parse_date(line, "");
}

std::optional<DateTime> parse_date(std::string_view line, std::string_view language,
                                   DateRefusal* why) {
    DateRefusal ignored;
    DateRefusal& refusal = why ? *why : ignored;
    refusal = DateRefusal::not_a_date;
    const bool day_first = writes_day_first(language);

    std::string lowered = fold_date_text(trim(line));
    for (char& c : lowered) {
        if (c == ',' || c == '|') c = ' ';
    }
    // Break tokens such as "26-feb-1987" or "terca-feira" apart; ISO dates ("2022-01-29") stay
    // whole.
    std::vector<std::string> words;
    for (std::string_view raw : split(lowered, " ")) {
        if (raw.empty()) continue;
        DateTime probe;
        bool has_letter = raw.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string_view::npos;
        if (has_letter && raw.find('-') != std::string_view::npos && !parse_iso_token(raw, probe) &&
            raw[0] != '-' && raw[0] != '+') {
            for (std::string_view piece : split(raw, "-")) {
                if (!piece.empty()) words.emplace_back(piece);
            }
        } else {
            words.emplace_back(raw);
        }
    }

    DateTime dt;
    bool have_day = false, have_month = false, have_year = false, two_digit_year = false;
    bool generic_zone = false, hour_word = false, bare_hour = false, ambiguous = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word = words[i];
        const std::string_view next = i + 1 < words.size() ? words[i + 1] : std::string_view();
        if (!word.empty() && word.back() == ':') word.pop_back();  // "Updated:"
        if (word.empty() || is_date_filler(word) || is_weekday_name(word)) continue;
        // A dash alone parts date and time as a comma does ("29. Januar 2022 - 10:05").
        if (word == "-" || word == "\u2013" || word == "\u2014") continue;
        // The German "am" ("Aktualisiert am 29. Januar 2022") comes before the date; after a
        // time "am" is the meridiem.
        if (word == "am" && !have_day && !have_month && !have_year && !dt.has_time) continue;
        if (parse_iso_token(word, dt)) {
            if (have_day || have_month || have_year) return std::nullopt;
            have_day = have_month = have_year = true;
            continue;
        }
        if (const Numeric numeric = parse_numeric_date(word, day_first, dt);
            numeric != Numeric::None) {
            if (have_day || have_month || have_year) return std::nullopt;
            // Read on: a line that is no date for another reason is reported as such.
            ambiguous = numeric == Numeric::Ambiguous;
            have_day = have_month = have_year = true;
            continue;
        }
        if (is_generic_zone(word) && dt.has_time && !dt.has_offset && !generic_zone) {
            generic_zone = true;
            continue;
        }
        if (is_hour_word(word) && dt.has_time && !hour_word) {  // "10:05 Uhr"
            hour_word = true;
            // "10 h 05": French typography puts spaces around the h.
            if (word == "h" && bare_hour && next.size() == 2 && all_digits(next) &&
                to_int(next) < 60) {
                dt.minute = to_int(next);
                ++i;
            }
            continue;
        }
        if (int month = month_from_name(word)) {
            if (have_month) return std::nullopt;
            dt.month = month;
            have_month = true;
            continue;
        }
        if (!dt.has_time && parse_h_clock(word, dt)) continue;
        if (!dt.has_time && is_hour_word(next) && parse_bare_hour(word, dt)) {
            bare_hour = word.find('.') == std::string::npos;
            continue;
        }
        // "10:05pm" carries its meridiem with it.
        std::string meridiem;
        for (std::string_view suffix : {"a.m.", "p.m.", "am", "pm"}) {
            if (word.size() > suffix.size() && word.find(':') != std::string::npos &&
                word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0) {
                meridiem = std::string(suffix.substr(0, 1));
                word.resize(word.size() - suffix.size());
                break;
            }
        }
        if (word.find(':') != std::string::npos && !dt.has_time && word[0] != '+' &&
            word[0] != '-') {
            if (!parse_clock(word, dt)) return std::nullopt;
            if (!meridiem.empty())
                word = meridiem == "a" ? "am" : "pm";
            else
                continue;
        }
        if (word == "am" || word == "a.m." || word == "pm" || word == "p.m.") {
            if (!dt.has_time || dt.hour < 1 || dt.hour > 12) return std::nullopt;
            bool pm = word[0] == 'p';
            if (pm && dt.hour != 12) dt.hour += 12;
            if (!pm && dt.hour == 12) dt.hour = 0;
            continue;
        }
        if (auto offset = zone_offset(word); offset && (dt.has_time || word.size() > 1)) {
            if (dt.has_offset || generic_zone) return std::nullopt;
            dt.has_offset = true;
            dt.offset_minutes = *offset;
            continue;
        }
        // Ordinal days: "29th", the German "29.", the French "1er", the Spanish and Portuguese
        // "1º" and the Italian "1°".
        std::string_view number = word;
        bool ordinal = false;
        for (std::string_view suffix : {"st", "nd", "rd", "th", "er", ".", "º", "°"}) {
            if (number.size() > suffix.size() &&
                number.substr(number.size() - suffix.size()) == suffix &&
                all_digits(number.substr(0, number.size() - suffix.size()))) {
                number.remove_suffix(suffix.size());
                ordinal = true;
                break;
            }
        }
        if (!all_digits(number)) return std::nullopt;
        if (number.size() == 4 && !have_year && !ordinal) {
            dt.year = to_int(number);
            have_year = true;
        } else if (number.size() <= 2 && !have_day && (!have_year || have_month)) {
            dt.day = to_int(number);
            have_day = true;
        } else if (number.size() == 2 && !have_year && have_day && !ordinal) {
            dt.year = to_int(number);
            have_year = two_digit_year = true;
        } else {
            return std::nullopt;
        }
    }
    if (!have_day || !have_month || !have_year) return std::nullopt;
    if (two_digit_year) dt.year += dt.year < 70 ? 2000 : 1900;
    if (dt.year < 1000 || dt.year > 2999) return std::nullopt;
    if (dt.has_offset && !dt.has_time) return std::nullopt;  // "January 29, 2022 GMT" is odd
    if (ambiguous) {
        refusal = DateRefusal::ambiguous_order;
        return std::nullopt;
    }
    if (!is_valid_day(dt.year, dt.month, dt.day)) {
        refusal = DateRefusal::no_such_day;
        return std::nullopt;
    }
    refusal = DateRefusal::none;
    return dt;
}

std::optional<DateTime> from_unix_seconds(long long seconds) {
    // Beyond these the year leaves 1000..2999 anyway; checking first keeps the arithmetic safe.
    constexpr long long kLimit = 40000000000LL;
    if (seconds < -kLimit || seconds > kLimit) return std::nullopt;
    long long days = seconds / 86400;
    long long rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    // Civil date from days since 1970-01-01, counting in 400-year eras of 146097 days, each
    // starting on 1 March so that the leap day falls at the end.
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const long long day_of_era = days - era * 146097;
    const long long year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const long long day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const long long mp = (5 * day_of_year + 2) / 153;
    DateTime dt;
    dt.day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
    dt.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    dt.year = static_cast<int>(year_of_era + era * 400 + (dt.month <= 2 ? 1 : 0));
    if (dt.year < 1000 || dt.year > 2999) return std::nullopt;
    dt.has_time = dt.has_seconds = dt.has_offset = true;
    dt.hour = static_cast<int>(rest / 3600);
    dt.minute = static_cast<int>(rest / 60 % 60);
    dt.second = static_cast<int>(rest % 60);
    dt.offset_minutes = 0;
    return dt;
}

std::optional<DateTime> parse_rfc822_date(std::string_view header) {
    std::string without_comments;
    without_comments.reserve(header.size());
    int depth = 0;
    for (char c : header) {
        if (c == '(') {
            ++depth;
        } else if (c == ')' && depth > 0) {
            --depth;
        } else if (depth == 0) {
            without_comments.push_back(c);
        }
    }
    if (auto date = parse_date(without_comments)) return date;
    // RFC 5322 reads an unknown zone as "no zone information"; so do we, keeping the time.
    std::string_view kept = trim(without_comments);
    const std::size_t space = kept.find_last_of(" \t");
    if (space == std::string_view::npos) return std::nullopt;
    auto date = parse_date(kept.substr(0, space));
    if (!date || !date->has_time || date->has_offset) return std::nullopt;
    return date;
}

}  // namespace newsindex::text
