// Printing search results. One interface, one implementation per output format; the search
// code never looks at the format. docs/output.md documents every machine-readable format and
// its version: change that file together with the printers.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "hit_fields.h"
#include "search.h"

namespace newsindex::searcher {

enum class OutputFormat {
    Text,       // for people
    Json,       // one object per query, on one line
    JsonLines,  // one object per hit
    Tsv,        // a header line, then one line per hit
    Paths,      // the source file of each hit, one per line (or NUL-terminated)
    Ids,        // the id of each hit, one per line (or NUL-terminated)
    Count,      // the number of matching articles
};

// Version of the machine-readable output (docs/output.md). Bump on any incompatible change.
inline constexpr int kOutputVersion = 1;

struct PrintOptions {
    bool color = false;          // ANSI highlighting in text output
    bool nul_separated = false;  // Paths, Ids: end each with NUL instead of newline
    bool no_header = false;      // Tsv: leave out the header line
    // --facets-only: Tsv prints the facet table (facet, value, count, type) instead of hits.
    bool facets_only = false;
    bool explain = false;                 // include how the query was understood
    std::vector<const HitField*> fields;  // JsonLines, Tsv: the fields to print; empty: default
    // --batch: JsonLines and Tsv tell each hit's query (docs/output.md).
    bool batch = false;
};

class ResultPrinter {
  public:
    virtual ~ResultPrinter() = default;
    // Writes one result set to the stream the printer was made with.
    virtual void print(const SearchResults& results) = 0;
    // --batch: the results of the query on input line `line` (1-based) follow. By default
    // nothing is printed.
    virtual void begin_query(std::size_t line, const std::string& query);
    // --batch: the query on input line `line` failed with message (which the caller reports
    // on stderr too). Formats that give one line per query print one here, so that their
    // output still lines up with the input; by default nothing is printed.
    virtual void print_failure(std::size_t line, const std::string& query,
                               const std::string& message);
};

// Writes to err, for people, what the results say about how the query was answered: that its
// operators did not parse, or that no article had all its words so any-word matches are
// shown. Nothing when neither happened.
void print_notes(const SearchResults& results, std::ostream& err);

// text for a terminal, on one line: without control characters or bidirectional overrides,
// each run of white space one space (leading and trailing space kept).
std::string terminal_line(const std::string& text);

// Returns the printer for format writing to out; out must outlive the printer.
std::unique_ptr<ResultPrinter> make_printer(OutputFormat format, std::ostream& out,
                                            const PrintOptions& options);

// Whether printing format with options shows snippets: searches for other output need not
// make them.
bool shows_snippets(OutputFormat format, const PrintOptions& options);

// Parses a --format value ("text", "json", "jsonl", "tsv", "paths", "ids", "count"); returns
// false for an unknown name.
bool parse_output_format(const std::string& name, OutputFormat& format);

}  // namespace newsindex::searcher
