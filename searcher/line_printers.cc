// Line-oriented output for shell pipelines: TSV, paths, ids, and the count.
#include <cstdio>

#include "printer.h"
#include "schema.h"
#include "text/utf8.h"

namespace newsindex::searcher {

namespace {

// A value on one line with every byte recoverable (docs/output.md): backslash, tab, newline
// and carriage return as \\ \t \n \r, other control bytes and bytes that are not UTF-8 as
// \xHH. `printf '%b'` turns it back into the exact bytes, so a path column is the real path.
std::string line_escape(const std::string& value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t at = 0; at < value.size();) {
        const unsigned char c = static_cast<unsigned char>(value[at]);
        const std::size_t length = text::sequence_length(value, at);
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (length == 0 || c < 0x20 || c == 0x7F) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", c);
            out += hex;
            at += 1;
            continue;
        } else {
            out.append(value, at, length);
            at += length;
            continue;
        }
        ++at;
    }
    return out;
}

// True when value can stand on a line as it is: valid UTF-8 without control characters.
bool fits_on_a_line(const std::string& value) {
    if (!text::is_valid_utf8(value)) return false;
    for (char c : value) {
        const unsigned char byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) return false;
    }
    return true;
}

// One table: the hits, or with --facets-only the facet counts (docs/output.md).
class TsvPrinter : public ResultPrinter {
  public:
    TsvPrinter(std::ostream& out, const PrintOptions& options)
        : out_(out),
          fields_(options.fields.empty() ? default_tsv_fields() : options.fields),
          batch_(options.batch),
          header_printed_(options.no_header),
          facets_only_(options.facets_only) {}

    void print(const SearchResults& results) override {
        // With --batch the header is printed once, and each line starts with its query.
        if (!header_printed_) {
            if (batch_) out_ << "query_line\tquery\t";
            if (facets_only_) {
                out_ << "facet\tvalue\tcount\ttype";
            } else {
                for (std::size_t i = 0; i < fields_.size(); ++i)
                    out_ << (i ? "\t" : "") << fields_[i]->name;
            }
            out_ << '\n';
            header_printed_ = batch_;
        }
        if (facets_only_) {
            for (const auto& [name, counts] : results.facets) {
                for (const FacetCount& c : counts) {
                    start_line(results);
                    out_ << line_escape(name) << '\t' << line_escape(c.value) << '\t' << c.count
                         << '\t' << (c.type ? entity_type_name(*c.type) : "") << '\n';
                }
            }
            return;
        }
        for (const Hit& hit : results.hits) {
            start_line(results);
            for (std::size_t i = 0; i < fields_.size(); ++i)
                out_ << (i ? "\t" : "") << line_escape(fields_[i]->to_text(hit));
            out_ << '\n';
        }
    }

    void begin_query(std::size_t line, const std::string&) override { line_ = line; }

  private:
    void start_line(const SearchResults& results) {
        if (batch_) out_ << line_ << '\t' << line_escape(results.query) << '\t';
    }

    std::ostream& out_;
    std::vector<const HitField*> fields_;
    bool batch_;
    bool header_printed_;
    bool facets_only_;
    std::size_t line_ = 0;
};

// One value a line; a value that could not stand on a line is escaped as in TSV; with -0
// every value is written exactly, ended by NUL.
void write_item(std::ostream& out, const std::string& value, char terminator) {
    if (terminator == '\0' || fits_on_a_line(value))
        out << value << terminator;
    else
        out << line_escape(value) << terminator;
}

// Hits without a source file (read from standard input) have no path and are left out.
class PathsPrinter : public ResultPrinter {
  public:
    PathsPrinter(std::ostream& out, const PrintOptions& options)
        : out_(out), terminator_(options.nul_separated ? '\0' : '\n') {}

    void print(const SearchResults& results) override {
        for (const Hit& hit : results.hits) {
            const std::string& path = hit.article.source_path;
            if (!path.empty()) write_item(out_, path, terminator_);
        }
    }

  private:
    std::ostream& out_;
    char terminator_;
};

// The article id of each hit (the `id` hit field): what --show and `id:` take back.
class IdsPrinter : public ResultPrinter {
  public:
    IdsPrinter(std::ostream& out, const PrintOptions& options)
        : out_(out), terminator_(options.nul_separated ? '\0' : '\n') {}

    void print(const SearchResults& results) override {
        for (const Hit& hit : results.hits)
            write_item(out_, schema::article_id(hit.article), terminator_);
    }

  private:
    std::ostream& out_;
    char terminator_;
};

class CountPrinter : public ResultPrinter {
  public:
    explicit CountPrinter(std::ostream& out) : out_(out) {}
    void print(const SearchResults& results) override { out_ << results.matches_estimated << '\n'; }
    // An empty line: the counts still line up with the queries, and no number is made up.
    void print_failure(std::size_t, const std::string&, const std::string&) override {
        out_ << '\n';
    }

  private:
    std::ostream& out_;
};

}  // namespace

std::unique_ptr<ResultPrinter> make_tsv_printer(std::ostream& out, const PrintOptions& options) {
    return std::make_unique<TsvPrinter>(out, options);
}
std::unique_ptr<ResultPrinter> make_paths_printer(std::ostream& out, const PrintOptions& options) {
    return std::make_unique<PathsPrinter>(out, options);
}
std::unique_ptr<ResultPrinter> make_ids_printer(std::ostream& out, const PrintOptions& options) {
    return std::make_unique<IdsPrinter>(out, options);
}
std::unique_ptr<ResultPrinter> make_count_printer(std::ostream& out, const PrintOptions&) {
    return std::make_unique<CountPrinter>(out);
}

}  // namespace newsindex::searcher
