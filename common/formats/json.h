// Readers for JSON articles: one object, an array of objects, or JSON Lines (one object per
// line). See docs/formats.md for the field names read. Thread-safe; no state.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "formats/sinks.h"

namespace newsindex {

// The --field NAME=SOURCE option: which key of a JSON record fills which Article field.
struct JsonFieldMap {
    // Article field ("title", "authors", "date", "url", "body" or "tags") -> key path in a
    // record ("headline", or "meta.byline" for {"meta": {"byline": ...}}; a number selects a
    // list element: "authors.0"). A field not mapped is looked for under its default names.
    std::map<std::string, std::string> sources;

    // Adds one "NAME=SOURCE" mapping, replacing an earlier one for NAME. Returns false and sets
    // error to a one-line message when NAME is not one of the six fields or SOURCE is empty or
    // has an empty path segment.
    bool add_mapping(std::string_view name_equals_source, std::string& error);
};

// What one record (or a document read whole) may cost: a deeper or larger one is refused with
// a problem naming it, before it is parsed. Articles nest a few levels and hold hundreds of
// values; these limits keep a parsed record under about 100 MiB. docs/indexer.md, "Limits".
inline constexpr std::size_t kMaxJsonDepth = 64;
inline constexpr std::size_t kMaxJsonValues = std::size_t{1} << 21;

// Reads a JSON document held in utf8 (already decoded). A top-level array gives one article
// per element, with record_key "record N" (1-based); its elements are split out and parsed
// one by one, so a malformed element goes to on_problem with its line and the others are
// read, and a truncated array gives the articles before the cut. A top-level object is one
// article, or, when it has no title or text itself, holds the records in its first member
// that is a list of objects ({"articles": [...]}). Records without title or text go to
// on_problem, as do records beyond the limits above. Throws InputError naming source (and
// line) when the document is malformed JSON, holds no object, or is read whole and exceeds
// the limits.
void read_json_articles(std::string_view utf8, const std::string& source,
                        const JsonFieldMap& fields, const ArticleSink& on_article,
                        const ProblemSink& on_problem);

// Reads JSON Lines held in utf8: each non-blank line one object, record_key "line N" (the
// 1-based line number). A line that is malformed JSON, not an object, or has no title or text
// goes to on_problem with its line number; reading goes on.
void read_json_lines_articles(std::string_view utf8, const std::string& source,
                              const JsonFieldMap& fields, const ArticleSink& on_article,
                              const ProblemSink& on_problem);

}  // namespace newsindex
