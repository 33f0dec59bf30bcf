// Reading bylines ("By [AFP](#)", "By Jane Doe and John Roe", "By Lena Brandt, Reuters",
// "By JANE DOE, Associated Press Writer") and author fields of structured metadata into clean
// author names. Pure functions; thread-safe.
//
// The rules for each name list (docs/formats.md has them with examples):
// - A lead-in ("By", "Written by", "Words by", "Story by", "Reporting by", "Author:",
//   "Authors:", "Byline:"), Markdown links and emphasis are removed; so are words that are
//   URLs, e-mail addresses or @handles.
// - Names are split at "and", "&", ",", ";", "|", "/", parentheses, spaced dashes
//   (" - ", " – ", " — ") and "via"; " in ...", " for ..." and " at ..." after a name are dropped
//   ("Jane Doe in Kyiv", "Jane Doe at Example News").
// - "Reporting by X" and "Writing by X" give X; "Editing by X" gives nothing: editors are not
//   authors.
// - Honorifics (Dr, Prof, Mr, Mrs, Ms, Sir, ...) before a name and degrees (PhD, MD, MBA, OBE,
//   ...) after it or alone are dropped; "Jr.", "Sr.", "II" stay part of the name.
// - A piece ending in a job title is dropped when it is only a title ("Staff Writer", "Chief
//   Economics Editor") or follows a name after a comma, "|", a dash or a parenthesis ("Jane
//   Doe, Europe Correspondent"); "Jane Doe Staff Writer" gives "Jane Doe"; one word before a
//   title word that is also a surname is a name ("Rebecca Writer"). A title that starts with
//   a news agency gives the agency: "AP Business Writer" gives "AP", "Reuters Staff" "Reuters".
// - Agencies are kept as authors wherever they stand, so "By Lena Brandt, Reuters" gives both
//   names: the reporter wrote it and the agency distributed it, and searches for either should
//   find it. A leading "The" is dropped from an agency ("The Associated Press").
// - A name written in capitals ("JILL LAWLESS") is put in title case ("Jill Lawless"), except
//   agencies and words without a vowel ("BBC").
// - In a byline (not in structured metadata) pieces that do not look like names are dropped:
//   "By Jane Doe, who covers energy" gives "Jane Doe".
// - Duplicates are dropped, counting an agency's names as one ("AP" after "Associated Press").
// - At most 100 names are returned.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsindex::text {

// True when line reads as a byline: either it opens with a lead-in ("By", "Written by",
// "Author:", ...) followed by a name-shaped first piece or an agency, not by a number, and it
// is not a sentence (more than 30 words, or more than 6 ending in ".", "!" or "?"): "By 2025,
// most homes will ...", "By the end of the year", "Written by hand" are body text; or it is
// names of two to five words followed by a news agency ("Jane Doe | Reuters", "Jane Doe (AFP)").
bool is_byline(std::string_view line);

// Returns the names in a byline by the rules above, in order. A line that is not a byline
// gives an empty list.
std::vector<std::string> parse_byline(std::string_view line);

// Returns the names in an author field of structured metadata (JSON "authors", an HTML
// "author" meta tag, a YAML "author" key) by the rules above. A lead-in ("By", "Author:") is
// allowed but not needed; pieces are trusted to be names (lowercase ones are kept).
std::vector<std::string> parse_author_names(std::string_view names);

// True when name is a news agency (AFP, AP, Associated Press, Reuters, Bloomberg, dpa, Xinhua,
// TASS, Interfax, EFE, ANSA, Kyodo, Yonhap, UPI, PA, ...), ignoring case and a leading "The".
bool is_news_agency(std::string_view name);

// Returns the agency names when line is an agency credit standing alone, as some exports
// print it instead of a byline: "Reuters", "(AFP)", "— AP", "Reuters staff", "AFP / dpa".
// Returns an empty list for anything else, including a sentence that starts with an agency.
std::vector<std::string> agency_credit(std::string_view line);

// Returns the agency of a wire-story dateline that opens a paragraph, "MOSCOW (Reuters) -
// ...", "KYIV, Ukraine (AP) — ...", "PARIS (AFP) : ...", as written inside the parentheses;
// empty when paragraph does not open so. The place must open with a word in capitals and be
// short (at most 60 bytes).
std::string dateline_agency(std::string_view paragraph);

}  // namespace newsindex::text
