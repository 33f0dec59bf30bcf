// Text output for people at a terminal.
#include <algorithm>
#include <iomanip>
#include <sstream>

#include "printer.h"
#include "schema.h"
#include "text/terminal.h"
#include "text/utf8.h"

namespace newsindex::searcher {

namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kMatchColor = "\x1b[1;31m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";
constexpr std::size_t kFacetValuesShown = 10;
constexpr std::size_t kBarWidth = 40;

std::string trimmed(const std::string& text) {
    const std::size_t first = text.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

class TextPrinter : public ResultPrinter {
  public:
    TextPrinter(std::ostream& out, const PrintOptions& options) : out_(out), options_(options) {}

    void print(const SearchResults& results) override {
        if (options_.explain) out_ << "Query: " << terminal_line(results.explanation) << "\n\n";
        for (const Hit& hit : results.hits) print_hit(hit);
        print_footer(results);
        for (const auto& [name, counts] : results.facets) print_facet(name, counts);
        if (!results.did_you_mean.empty())
            out_ << "Did you mean: " << styled(kBold, terminal_line(results.did_you_mean)) << '\n';
    }

    void begin_query(std::size_t, const std::string& query) override {
        out_ << styled(kBold, "== " + terminal_line(query) + " ==") << "\n\n";
    }

  private:
    std::string styled(const char* style, const std::string& text) const {
        return options_.color ? style + text + kReset : text;
    }

    void print_hit(const Hit& hit) {
        const Article& a = hit.article;
        out_ << std::setw(3) << hit.rank << ". " << styled(kBold, terminal_line(a.title)) << '\n';
        std::string meta = a.date.empty() ? "(no date)" : a.date.substr(0, 10);
        if (!a.authors.empty()) {
            meta += "  ";
            for (std::size_t i = 0; i < a.authors.size(); ++i)
                meta += (i ? ", " : "") + terminal_line(a.authors[i]);
        }
        if (const std::string site = schema::site_of_url(a.url); !site.empty())
            meta += "  (" + terminal_line(site) + ")";
        if (hit.collapsed > 0) meta += "  [+" + std::to_string(hit.collapsed) + " similar]";
        out_ << "     " << meta << '\n';
        out_ << "     "
             << styled(kDim, terminal_line(a.source_path.empty() ? a.url : a.source_path)) << '\n';
        std::string snippet;
        for (const SnippetPart& part : hit.snippet) {
            const std::string piece = terminal_line(part.text);
            if (!part.matched)
                snippet += piece;
            else
                snippet += options_.color ? kMatchColor + piece + kReset : "*" + piece + "*";
        }
        snippet = trimmed(snippet);
        if (!snippet.empty()) out_ << "     " << snippet << '\n';
        out_ << '\n';
    }

    void print_footer(const SearchResults& results) {
        std::ostringstream line;
        if (results.hits.empty() && results.matches_estimated > 0) {
            // --facets-only, or an --offset past the last hit.
            if (results.matches_lower_bound != results.matches_upper_bound) line << "About ";
            line << results.matches_estimated << " matches";
        } else if (results.hits.empty()) {
            line << "No hits";
        } else {
            line << "Hits " << results.offset + 1 << "-" << results.offset + results.hits.size()
                 << " of ";
            if (results.matches_lower_bound != results.matches_upper_bound) line << "about ";
            line << results.matches_estimated;
        }
        line << " for \"" << terminal_line(results.query) << "\"";
        out_ << styled(kDim, line.str()) << '\n';
    }

    void print_facet(const std::string& name, const std::vector<FacetCount>& counts) {
        out_ << '\n' << styled(kBold, name + ":") << '\n';
        if (counts.empty()) {
            out_ << "  (none)\n";
            return;
        }
        const schema::Facet* facet = schema::find_facet(name);
        const bool chart = facet && facet->values != schema::FacetValues::Names;
        std::vector<FacetCount> shown = counts;
        // Periods read best in time order, every one of them; other facets by count, the top ones.
        if (chart) {
            std::sort(shown.begin(), shown.end(),
                      [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
        } else if (shown.size() > kFacetValuesShown) {
            shown.resize(kFacetValuesShown);
        }
        std::size_t width = 0;
        Xapian::doccount most = 0;
        auto label = [](const FacetCount& c) {
            return terminal_line(c.type ? c.value + " (" + entity_type_name(*c.type) + ")"
                                        : c.value);
        };
        for (const FacetCount& c : shown) {
            width = std::max(width, label(c).size());
            most = std::max(most, c.count);
        }
        for (const FacetCount& c : shown) {
            const std::string value = label(c);
            out_ << "  " << value << std::string(width - value.size(), ' ') << "  ";
            if (chart) {
                const std::size_t bar = most ? (c.count * kBarWidth + most - 1) / most : 0;
                std::string bars;
                for (std::size_t i = 0; i < bar; ++i) bars += "\u2588";
                out_ << bars << ' ';
            }
            out_ << c.count << '\n';
        }
        if (!chart && counts.size() > shown.size())
            out_ << "  (" << counts.size() - shown.size() << " more)\n";
    }

    std::ostream& out_;
    PrintOptions options_;
};

}  // namespace

// Article text reaches the terminal only without control characters (escape sequences in an
// article must not drive the terminal), and on one line: each run of white space becomes one
// space. Leading and trailing space is kept, so that pieces of a snippet join as they stood.
std::string terminal_line(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text::without_bidi_controls(text::clean_text(text))) {
        if (c == '\n' || c == '\t' || c == ' ') {
            if (!space) out += ' ';
            space = true;
        } else {
            out += c;
            space = false;
        }
    }
    return out;
}

void print_notes(const SearchResults& results, std::ostream& err) {
    const std::string query = text::escaped_for_terminal(results.query);
    if (results.read_as_plain_words)
        err << "searcher: note: the operators of \"" << query
            << "\" did not parse; it was read as plain words\n";
    if (results.fell_back_to_any)
        err << "searcher: note: no article has all the words of \"" << query
            << "\"; showing articles with any of them\n";
}

std::unique_ptr<ResultPrinter> make_text_printer(std::ostream& out, const PrintOptions& options) {
    return std::make_unique<TextPrinter>(out, options);
}

}  // namespace newsindex::searcher
