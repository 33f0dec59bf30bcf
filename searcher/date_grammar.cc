#include "date_grammar.h"

#include <cctype>
#include <ctime>

#include "schema.h"
#include "text/dates.h"
#include "text/strings.h"

namespace newsindex::searcher {

namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

bool digits(std::string_view s, std::size_t count) {
    return s.size() == count && all_digits(s);
}

// A partial date as typed in a query, widened to the first and last day it covers.
struct Period {
    std::string first_day;  // YYYYMMDD
    std::string last_day;   // YYYYMMDD
    std::string term;       // the D/M/Y term that covers exactly this period, if any
};

std::string compact(const std::tm& tm) {
    char text[40];  // room for any int, though dates here have four-digit years
    std::snprintf(text, sizeof text, "%04d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return text;
}

// today ("YYYYMMDD") moved back by amount units ('d', 'w', 'm', 'y'), as "YYYYMMDD".
std::string days_before(const std::string& today, long amount, char unit) {
    std::tm tm{};
    tm.tm_year = std::stoi(today.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(today.substr(4, 2)) - 1;
    tm.tm_mday = std::stoi(today.substr(6, 2));
    tm.tm_hour = 12;  // clear of daylight-saving edges
    if (unit == 'd') tm.tm_mday -= amount;
    if (unit == 'w') tm.tm_mday -= 7 * amount;
    if (unit == 'm') tm.tm_mon -= amount;
    if (unit == 'y') tm.tm_year -= amount;
    std::mktime(&tm);
    return compact(tm);
}

Period day_period(const std::string& day) {
    return {day, day, std::string(schema::kDayPrefix) + day};
}

// Relative forms: "today", "yesterday", "30d", "2w", "6m", "1y". Returns false otherwise.
bool parse_relative(const std::string& value, const std::string& today, Period& period) {
    if (value == "today") {
        period = day_period(today);
        return true;
    }
    if (value == "yesterday") {
        period = day_period(days_before(today, 1, 'd'));
        return true;
    }
    if (value.size() < 2 || value.size() > 6) return false;
    const char unit = value.back();
    const std::string amount = value.substr(0, value.size() - 1);
    if ((unit != 'd' && unit != 'w' && unit != 'm' && unit != 'y') || !all_digits(amount))
        return false;
    period = day_period(days_before(today, std::stol(amount), unit));
    return true;
}

Period parse_period(const std::string& value, const std::string& whole, const std::string& today) {
    auto bad = [&]() {
        return Xapian::QueryParserError(
            "date:" + whole +
            " is not a date (use YYYY, YYYY-MM, YYYY-MM-DD, today, 30d, or FROM..TO of those)");
    };
    Period relative;
    if (parse_relative(value, today, relative)) return relative;
    auto parts = text::split(value, "-");
    if (parts.empty() || parts.size() > 3 || !digits(parts[0], 4)) throw bad();
    const std::string year(parts[0]);
    if (parts.size() == 1)
        return {year + "0101", year + "1231", std::string(schema::kYearPrefix) + year};
    if (!digits(parts[1], 2)) throw bad();
    const std::string month(parts[1]);
    if (month < "01" || month > "12") throw bad();
    if (parts.size() == 2) {
        // "31" sorts after every real last day, so it closes any month.
        return {year + month + "01", year + month + "31",
                std::string(schema::kMonthPrefix) + year + month};
    }
    if (!digits(parts[2], 2)) throw bad();
    const std::string day(parts[2]);
    if (!text::is_valid_day(std::stoi(year), std::stoi(month), std::stoi(day))) throw bad();
    return day_period(year + month + day);
}

}  // namespace

std::string today_local() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return compact(tm);
}

Xapian::Query date_query(const std::string& value, const std::string& today) {
    const std::size_t dots = value.find("..");
    if (dots == std::string::npos) {
        Period period = parse_period(value, value, today);
        // "30d" alone means the last 30 days, not the one day 30 days ago.
        const bool span = value.size() >= 2 && all_digits(value.substr(0, value.size() - 1)) &&
                          std::string_view("dwmy").find(value.back()) != std::string_view::npos;
        if (span)
            return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, period.first_day,
                                 today);
        return Xapian::Query(period.term);
    }
    const std::string from = value.substr(0, dots), to = value.substr(dots + 2);
    if (from.empty() && to.empty())
        throw Xapian::QueryParserError("date:.. needs at least one end");
    if (to.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot,
                             parse_period(from, value, today).first_day);
    if (from.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot,
                             parse_period(to, value, today).last_day);
    const Period first = parse_period(from, value, today), last = parse_period(to, value, today);
    if (first.first_day > last.last_day)
        throw Xapian::QueryParserError("date:" + value + " ends before it starts");
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, first.first_day,
                         last.last_day);
}

}  // namespace newsindex::searcher
