// Line-oriented output for shell pipelines: TSV, paths, and the count.
#include "printer.h"
#include "text/utf8.h"

namespace newsindex::searcher {

namespace {

// TSV cannot hold tabs or newlines in a field: they are written as \t and \n, and a
// backslash as \\, so every line is one hit and every tab a field boundary.
std::string tsv_escape(const std::string& value) {
    std::string out;
    for (char c : text::clean_text(value)) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

class TsvPrinter : public ResultPrinter {
  public:
    TsvPrinter(std::ostream& out, const PrintOptions& options)
        : out_(out),
          fields_(options.fields.empty() ? default_tsv_fields() : options.fields),
          batch_(options.batch) {}

    void print(const SearchResults& results) override {
        // With --batch the header is printed once, and each line starts with its query.
        if (!header_printed_) {
            if (batch_) out_ << "query_line\tquery\t";
            for (std::size_t i = 0; i < fields_.size(); ++i)
                out_ << (i ? "\t" : "") << fields_[i]->name;
            out_ << '\n';
            header_printed_ = batch_;
        }
        for (const Hit& hit : results.hits) {
            if (batch_) out_ << line_ << '\t' << tsv_escape(results.query) << '\t';
            for (std::size_t i = 0; i < fields_.size(); ++i)
                out_ << (i ? "\t" : "") << tsv_escape(fields_[i]->to_text(hit));
            out_ << '\n';
        }
    }

    void begin_query(std::size_t line, const std::string&) override { line_ = line; }

  private:
    std::ostream& out_;
    std::vector<const HitField*> fields_;
    bool batch_;
    bool header_printed_ = false;
    std::size_t line_ = 0;
};

// Hits without a source file (read from standard input) have no path and are left out.
class PathsPrinter : public ResultPrinter {
  public:
    PathsPrinter(std::ostream& out, const PrintOptions& options)
        : out_(out), terminator_(options.nul_separated ? '\0' : '\n') {}

    void print(const SearchResults& results) override {
        for (const Hit& hit : results.hits) {
            if (!hit.article.source_path.empty()) out_ << hit.article.source_path << terminator_;
        }
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
std::unique_ptr<ResultPrinter> make_count_printer(std::ostream& out, const PrintOptions&) {
    return std::make_unique<CountPrinter>(out);
}

}  // namespace newsindex::searcher
