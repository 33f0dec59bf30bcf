// The date grammar of queries (date:2022-01, date:30d, date:2022-01..2022-03): a value as
// typed becomes a Xapian query on the day/month/year terms or the date value slot
// (docs/query-syntax.md). Pure functions; thread-safe.
#pragma once

#include <xapian.h>

#include <string>

namespace newsindex::searcher {

// The query for a date: value, one of YYYY, YYYY-MM, YYYY-MM-DD (the whole period), today,
// yesterday, or Nd/Nw/Nm/Ny (that many days, weeks, months or years before today); or a
// range FROM..TO of those with either end left open. A lone Nd/Nw/Nm/Ny means from then
// until today. today is "YYYYMMDD". Throws Xapian::QueryParserError naming the value when it
// is none of these forms or not a real date.
Xapian::Query date_query(const std::string& value, const std::string& today);

// The local date now, as "YYYYMMDD".
std::string today_local();

}  // namespace newsindex::searcher
