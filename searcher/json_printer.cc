// JSON output for scripts: one object per result set, as docs/output.md describes.
#include <nlohmann/json.hpp>

#include "printer.h"

namespace newsindex::searcher {

namespace {

// Keys keep the order written here, which docs/output.md follows.
using json = nlohmann::ordered_json;

json string_or_null(const std::string& value) {
    return value.empty() ? json(nullptr) : json(value);
}

std::string html_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

json hit_to_json(const Hit& hit) {
    const Article& a = hit.article;
    std::string snippet_html;
    for (const SnippetPart& part : hit.snippet) {
        snippet_html +=
            part.matched ? "<mark>" + html_escape(part.text) + "</mark>" : html_escape(part.text);
    }
    return json{
        {"rank", hit.rank},
        {"score", hit.score},
        {"docid", hit.docid},
        {"id", a.url.empty() ? a.source_path : a.url},
        {"path", string_or_null(a.source_path)},
        {"url", string_or_null(a.url)},
        {"title", a.title},
        {"date", string_or_null(a.date)},
        {"authors", a.authors},
        {"snippet", plain_text(hit.snippet)},
        {"snippet_html", snippet_html},
    };
}

class JsonPrinter : public ResultPrinter {
  public:
    explicit JsonPrinter(std::ostream& out) : out_(out) {}

    void print(const SearchResults& results) override {
        json hits = json::array();
        for (const Hit& hit : results.hits) hits.push_back(hit_to_json(hit));
        json document = {
            {"output_version", kOutputVersion},
            {"query", results.query},
            {"offset", results.offset},
            {"matches",
             {{"lower_bound", results.matches_lower_bound},
              {"estimated", results.matches_estimated},
              {"upper_bound", results.matches_upper_bound}}},
            {"hits", hits},
        };
        // Stored text is valid UTF-8, but a database written by other tools may not be.
        out_ << document.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    }

  private:
    std::ostream& out_;
};

}  // namespace

std::unique_ptr<ResultPrinter> make_json_printer(std::ostream& out) {
    return std::make_unique<JsonPrinter>(out);
}

}  // namespace newsindex::searcher
