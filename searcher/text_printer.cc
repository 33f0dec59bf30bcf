// Text output for people at a terminal.
#include <iomanip>
#include <sstream>

#include "printer.h"
#include "text/utf8.h"

namespace newsindex::searcher {

namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kMatchColor = "\x1b[1;31m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";

// Article text reaches the terminal only without control characters (escape sequences in an
// article must not drive the terminal), and on one line.
std::string one_line(const std::string& text) {
    std::string cleaned = text::clean_text(text);
    for (char& c : cleaned) {
        if (c == '\n' || c == '\t') c = ' ';
    }
    return cleaned;
}

class TextPrinter : public ResultPrinter {
  public:
    TextPrinter(std::ostream& out, const PrintOptions& options)
        : out_(out), color_(options.color) {}

    void print(const SearchResults& results) override {
        for (const Hit& hit : results.hits) print_hit(hit);
        print_footer(results);
    }

  private:
    std::string styled(const char* style, const std::string& text) const {
        return color_ ? style + text + kReset : text;
    }

    void print_hit(const Hit& hit) {
        const Article& a = hit.article;
        out_ << std::setw(3) << hit.rank << ". " << styled(kBold, one_line(a.title)) << '\n';
        std::string meta = a.date.empty() ? "(no date)" : a.date.substr(0, 10);
        if (!a.authors.empty()) {
            meta += "  ";
            for (std::size_t i = 0; i < a.authors.size(); ++i)
                meta += (i ? ", " : "") + one_line(a.authors[i]);
        }
        out_ << "     " << meta << '\n';
        out_ << "     " << styled(kDim, one_line(a.source_path.empty() ? a.url : a.source_path))
             << '\n';
        std::string snippet;
        for (const SnippetPart& part : hit.snippet) {
            const std::string piece = one_line(part.text);
            if (!part.matched)
                snippet += piece;
            else
                snippet += color_ ? kMatchColor + piece + kReset : "*" + piece + "*";
        }
        if (!snippet.empty()) out_ << "     " << snippet << '\n';
        out_ << '\n';
    }

    void print_footer(const SearchResults& results) {
        std::ostringstream line;
        if (results.hits.empty()) {
            line << "No hits";
        } else {
            line << "Hits " << results.offset + 1 << "-" << results.offset + results.hits.size()
                 << " of ";
            if (results.matches_lower_bound != results.matches_upper_bound) line << "about ";
            line << results.matches_estimated;
        }
        line << " for \"" << one_line(results.query) << "\"";
        out_ << styled(kDim, line.str()) << '\n';
    }

    std::ostream& out_;
    bool color_;
};

}  // namespace

std::unique_ptr<ResultPrinter> make_text_printer(std::ostream& out, const PrintOptions& options) {
    return std::make_unique<TextPrinter>(out, options);
}

}  // namespace newsindex::searcher
