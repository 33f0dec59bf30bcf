// Helpers the format readers share to turn the text they extract into Article fields.
// Internal to common/formats. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "article.h"

namespace newsindex::formats {

// Returns utf8 on one line: runs of white space, ASCII or Unicode (U+00A0, U+2000..U+200A,
// U+202F, U+205F, U+3000), become one space; soft hyphens and zero-width characters (U+00AD,
// U+200B..U+200D, U+2060, U+FEFF) are removed; the ends are trimmed.
std::string tidy_inline(std::string_view utf8);

// Returns the non-empty paragraphs joined by "\n\n".
std::string join_paragraphs(const std::vector<std::string>& paragraphs);

// A title for an article whose source has none: the first paragraph of body, cut at a word
// boundary to at most 120 bytes. Empty when body is.
std::string title_from_body(std::string_view body);

// Lists of authors, tags, related titles and photo credits keep at most this many entries; no
// real article comes near it.
constexpr std::size_t kMaxListEntries = 1000;

// Appends value to list unless it is empty, already there, or list is full.
void add_unique(std::vector<std::string>& list, const std::string& value);

// What the lines between a title and the body said: a byline, an agency credit, a date line.
struct HeaderLines {
    std::vector<std::string> authors;
    std::string date;            // ISO 8601
    std::string date_unordered;  // a date line only the language can order (read_source_date)
    bool have_byline = false;
    bool have_date = false;
};

// Reads text, a date the source gives, before the article's language is known. Returns its
// ISO 8601 form when text::parse_date reads it; returns "" and sets unordered to text (unless
// unordered is already set: the first such date wins) when it is a date whose numeric day and
// month only the language can order ("03/04/2022"); returns "" for anything else.
std::string read_source_date(std::string_view text, std::string& unordered);

// Reads article.date_unordered, once the article's language is known, when article.date is
// empty: day first when the language writes dates so (text::writes_day_first), else the date
// stays out and date_note says why. Clears date_unordered.
void settle_date(Article& article);

// Reads line as a header line: a byline, perhaps with its date after it ("By Jane Doe |
// Updated: Jan. 29, 2022", "By Ann Lee, January 3, 2022"), an agency credit standing alone
// ("Reuters", "(AFP)"), or a date line (header.date, or header.date_unordered for one only the
// language can order). Returns false and leaves header unchanged when line is
// none of these, or is a kind header already has. Linear in the length of line.
bool read_header_line(std::string_view line, HeaderLines& header);

// Makes article meet the contract of article.h whatever the reader extracted: body and title
// cut to kMaxBodyBytes and kMaxTitleBytes (article.h); every string
// valid UTF-8 without control characters; title, date, url, record_key and message_id on one
// line (and site_name, section, language); body paragraphs tidied and joined by "\n\n";
// authors, tags, related, captions and photo credits tidied, non-empty, unique and at most
// kMaxListEntries long; an empty title made from the body. Returns false when the article has no
// title even then (no text at all), which readers report as a problem.
bool finish_article(Article& article);

}  // namespace newsindex::formats
