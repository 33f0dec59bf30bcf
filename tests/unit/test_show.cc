// searcher --show and the line formats added with it: finding a stored article by path, URL or
// id (through the real indexer and Xapian), its JSON and text, and the ids, TSV and JSON Lines
// printers on results made by hand.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "index_support.h"
#include "printer.h"
#include "search.h"
#include "show.h"
#include "test_support.h"

using namespace newsindex;
using namespace std::string_literals;
using searcher::OutputFormat;

namespace {

// Changes the current directory for the life of the object.
class InDirectory {
  public:
    explicit InDirectory(const std::filesystem::path& dir)
        : before_(std::filesystem::current_path()) {
        std::filesystem::current_path(dir);
    }
    ~InDirectory() { std::filesystem::current_path(before_); }

  private:
    std::filesystem::path before_;
};

searcher::Hit hit_of(Article article, const std::string& id_text = "") {
    searcher::Hit hit;
    hit.rank = 1;
    hit.score = 2.5;
    hit.docid = 7;
    if (!id_text.empty()) article.url = id_text;
    hit.article = std::move(article);
    return hit;
}

std::string printed(OutputFormat format, const searcher::PrintOptions& options,
                    const searcher::SearchResults& results) {
    std::ostringstream out;
    searcher::make_printer(format, out, options)->print(results);
    return out.str();
}

}  // namespace

TEST_CASE("find() takes a path, a relative path, a URL or an id, in that order", "[show]") {
    TempDir dir;
    const std::filesystem::path articles = dir.path() / "articles";
    write_file(articles / "crane.txt",
               "Harbour Crane Topples\n\nBy Test Writer\n\nMarch 3, 2022\n\nA crane fell over.\n\n"
               "Nobody was hurt.\n\nOriginal url:\n\n<https://harbour.example/crane>\n");
    write_file(articles / "sub" / "ferry.txt",
               "Ferry Timetable Changes\n\nBy Test Writer\n\nMarch 4, 2022\n\nThe ferry runs "
               "later.\n");
    write_file(articles / "note.eml",
               "From: Desk <desk@example.org>\nSubject: Quay Closed For Repairs\nDate: 5 Mar 2022 "
               "10:00 +0000\nMessage-ID: <quay-1@example.org>\n\nThe quay is closed.\n");
    const std::string db = (dir.path() / "db").string();
    index_quietly(db, {articles.string()}, 1);
    searcher::Searcher searcher({db});
    InDirectory here(articles);

    auto [reference, title] = GENERATE(table<std::string, std::string>({
        {(std::filesystem::current_path() / "crane.txt").string(), "Harbour Crane Topples"},
        {"crane.txt", "Harbour Crane Topples"},
        {"./sub/../sub/ferry.txt", "Ferry Timetable Changes"},
        {"https://harbour.example/crane", "Harbour Crane Topples"},
        {"<quay-1@example.org>", "Quay Closed For Repairs"},
        {"note.eml", "Quay Closed For Repairs"},
        {"https://harbour.example/ferry", ""},
        {"quay-1@example.org", ""},
        {"", ""},
        {"missing.txt", ""},
    }));
    CAPTURE(reference);
    const std::optional<searcher::Hit> hit = searcher.find(reference);
    if (title.empty()) {
        CHECK_FALSE(hit);
    } else {
        REQUIRE(hit);
        CHECK(hit->article.title == title);
        CHECK(hit->docid != 0);
    }
}

TEST_CASE("the --show JSON has the article's fields and body, not a search's", "[show]") {
    Article article;
    article.title = "Title";
    article.body = "One.\n\nTwo.";
    article.source_path = "/a/b.txt";
    article.section = "Politics";
    article.captions = {"A caption."};
    const searcher::Json json = searcher::article_to_json(hit_of(article, "https://x.example/1"));
    auto [key, value] = GENERATE(table<std::string, std::string>({
        {"output_version", "1"},
        {"docid", "7"},
        {"id", "\"https://x.example/1\""},
        {"site", "\"x.example\""},
        {"path", "\"/a/b.txt\""},
        {"body", "\"One.\\n\\nTwo.\""},
        {"section", "\"Politics\""},
        {"site_name", "null"},
        {"captions", "[\"A caption.\"]"},
        {"tags", "[]"},
        {"rank", "absent"},
        {"score", "absent"},
        {"snippet", "absent"},
        {"collapsed", "absent"},
    }));
    CAPTURE(key);
    CHECK((json.contains(key) ? json[key].dump() : "absent") == value);
}

TEST_CASE("show as text gives the fields stored, then the whole body, safe for a terminal",
          "[show]") {
    Article article;
    article.title = "Title \x1b[2J";
    article.body = "First \x1b]0;x\x07paragraph.\n\nSecond paragraph.";
    article.source_path = "/a/b.txt";
    article.language = "de";
    std::ostringstream out;
    searcher::print_article_text(hit_of(article), out, false);
    const std::string text = out.str();
    auto [piece, wanted] = GENERATE(table<std::string, bool>({
        {"Title:      Title [2J\n", true},
        {"Path:       /a/b.txt\n", true},
        {"Id:         /a/b.txt\n", true},
        {"Language:   de\n", true},
        {"\n\nFirst ]0;xparagraph.\n\nSecond paragraph.\n", true},
        {"Section:", false},
        {"URL:", false},
        {"\x1b", false},
        {"\x07", false},
    }));
    CAPTURE(piece);
    CHECK((text.find(piece) != std::string::npos) == wanted);
}

TEST_CASE("ids, TSV without header and facet counts in the line formats", "[show][printer]") {
    searcher::SearchResults results;
    results.query = "q";
    Article a, b;
    a.title = "A";
    a.url = "https://x.example/a";
    b.title = "B";
    b.source_path = "/p/b\nc.txt";
    results.hits = {hit_of(a), hit_of(b)};
    results.facets = {
        {"entity", {{"Ann\tLee", 2, EntityType::Person}, {"NATO", 1, EntityType::Org}}},
        {"year", {{"2022", 2, std::nullopt}}}};
    auto [format, nul, no_header, facets_only, fields, expected] =
        GENERATE(table<OutputFormat, bool, bool, bool, std::string, std::string>({
            {OutputFormat::Ids, false, false, false, "", "https://x.example/a\n/p/b\\nc.txt\n"},
            {OutputFormat::Ids, true, false, false, "", "https://x.example/a\0/p/b\nc.txt\0"s},
            {OutputFormat::Tsv, false, false, false, "rank,title", "rank\ttitle\n1\tA\n1\tB\n"},
            {OutputFormat::Tsv, false, true, false, "rank,title", "1\tA\n1\tB\n"},
            {OutputFormat::Tsv, false, false, true, "",
             "facet\tvalue\tcount\ttype\nentity\tAnn\\tLee\t2\tperson\nentity\tNATO\t1\torg\n"
             "year\t2022\t2\t\n"},
            {OutputFormat::Tsv, false, true, true, "",
             "entity\tAnn\\tLee\t2\tperson\n"
             "entity\tNATO\t1\torg\nyear\t2022\t2\t\n"},
            {OutputFormat::JsonLines, false, false, false, "title",
             "{\"title\":\"A\"}\n{\"title\":\"B\"}\n"
             "{\"output_version\":1,\"facet\":\"entity\",\"value\":\"Ann\\tLee\",\"count\":2,"
             "\"type\":\"person\"}\n"
             "{\"output_version\":1,\"facet\":\"entity\",\"value\":\"NATO\",\"count\":1,"
             "\"type\":\"org\"}\n"
             "{\"output_version\":1,\"facet\":\"year\",\"value\":\"2022\",\"count\":2}\n"},
        }));
    searcher::PrintOptions options;
    options.nul_separated = nul;
    options.no_header = no_header;
    options.facets_only = facets_only;
    std::string unknown;
    if (!fields.empty()) REQUIRE(searcher::select_hit_fields(fields, options.fields, unknown));
    CAPTURE(static_cast<int>(format), nul, no_header, facets_only);
    CHECK(printed(format, options, results) == expected);
}

TEST_CASE("ids is a --format name", "[show][printer]") {
    OutputFormat format = OutputFormat::Text;
    REQUIRE(searcher::parse_output_format("ids", format));
    CHECK(format == OutputFormat::Ids);
    CHECK_FALSE(searcher::shows_snippets(format, {}));
}
