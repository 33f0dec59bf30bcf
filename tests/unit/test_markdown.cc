#include <catch2/catch.hpp>

#include "errors.h"
#include "formats/front_matter.h"
#include "formats/markdown.h"
#include "test_support.h"

using newsindex::Article;
using newsindex::InputError;
using newsindex::markdown_to_text;
using newsindex::read_markdown_article;
using newsindex::formats::parse_front_matter;
using newsindex::formats::split_front_matter;
using Names = std::vector<std::string>;

namespace {
Article read_markdown(const std::string& fixture) {
    return read_markdown_article(read_fixture("formats/markdown/" + fixture), fixture);
}
}  // namespace

TEST_CASE("Markdown articles give title, authors, date, URL and tags", "[markdown]") {
    auto [fixture, title, authors, date, url, tags] =
        GENERATE(table<std::string, std::string, Names, std::string, std::string, Names>({
            {"front-matter-lists.md",
             "Coastal Towns Vote on Flood Barriers",
             {"Amelia Novak", "Kwame Mensah"},
             "2023-06-14T09:30:00+02:00",
             "https://news.example.net/2023/06/14/flood-barriers",
             {"climate", "local politics", "coast"}},
            {"front-matter-scalars.md",
             "Night Trains Return to the Alps",
             {"Lea Brunner"},
             "2023-03-14",
             "https://travel.example.org/night-trains",
             {"rail", "travel", "Europe"}},
            {"nested-authors.md",
             "Orchard Harvest Breaks Record",
             {"Sunita Rao", "Tom Kerr"},
             "2023-09-30",
             "",
             {}},
            {"heading-byline.md",
             "Library Extends Opening Hours",
             {"Nora Lindqvist"},
             "2023-10-07",
             "",
             {}},
            {"first-line-title.md", "Bridge Repairs Finish Early", {}, "", "", {}},
            // Without its closing line the block is no front matter, just text.
            {"unclosed-front-matter.md", "title: This Block Is Never Closed", {}, "", "", {}},
        }));
    CAPTURE(fixture);
    Article article = read_markdown(fixture);
    CHECK(article.title == title);
    CHECK(article.authors == authors);
    CHECK(article.date == date);
    CHECK(article.url == url);
    CHECK(article.tags == tags);
    CHECK(article.source_path == fixture);
}

TEST_CASE("Markdown bodies lose their markup and not their words", "[markdown]") {
    auto [fixture, body] = GENERATE(table<std::string, std::string>({
        {"front-matter-lists.md",
         "Voters in three coastal towns approved new flood barriers on Sunday, according to "
         "official results.\n\n"
         "A barrier under construction\n\n"
         "What happens next\n\n"
         "Construction starts in autumn, the mayor said.\n\n"
         "First the northern dyke\n\n"
         "Then the harbour gate\n\n"
         "Funding is settled\n\n"
         "budget = 12_000_000\n\n"
         "Costs rose by 5 * 3 percent since last year \xE2\x80\x94 or so it seems."},
        {"front-matter-scalars.md",
         "Operators announced three new night routes across the mountains.\n\n"
         "Tickets go on sale in May."},
        {"heading-byline.md",
         "The city library will stay open until ten at night from next month.\n\n"
         "Its reading rooms were full most evenings this summer."},
        {"first-line-title.md",
         "The repairs on the old river bridge finished two weeks ahead of schedule.\n\n"
         "Traffic returns to both lanes on Monday."},
    }));
    CAPTURE(fixture);
    CHECK(read_markdown(fixture).body == body);
}

TEST_CASE("inline Markdown markup is removed", "[markdown]") {
    auto [markdown, text] = GENERATE(table<std::string, std::string>({
        {"**bold** and __strong__ and *em* and _em_", "bold and strong and em and em"},
        {"snake_case_name stays", "snake_case_name stays"},
        {"[link text](https://x.example/a_b \"Title\") after", "link text after"},
        {"[ref link][r1] and ![alt text](img.png)", "ref link and alt text"},
        {"`code span` and ~~struck~~", "code span and struck"},
        {"a <span class=\"x\">tagged</span> word", "a tagged word"},
        {"<https://x.example/auto>", "https://x.example/auto"},
        {"\\*not emphasis\\* and \\[not a link\\]", "*not emphasis* and [not a link]"},
        {"caf&eacute; &amp; bar &#8212; ok", "caf\xC3\xA9 & bar \xE2\x80\x94 ok"},
        {"### Heading ###", "Heading"},
        {"Title\n=====\n\nText", "Title\n\nText"},
        {"| a | b |\n|---|---|\n| 1 | 2 |", "a b\n\n1 2"},
        {"***\n\n[x]: https://example.com\n\nafter", "after"},
        {"~~~\n# not a heading\n~~~", "# not a heading"},
        {"[unclosed link(", "[unclosed link("},
    }));
    CAPTURE(markdown);
    CHECK(markdown_to_text(markdown) == text);
}

TEST_CASE("front matter: the YAML subset", "[markdown]") {
    auto split = split_front_matter(
        "---\n"
        "title: \"Quoted: \\\"with\\\" escapes \\u00e9\"\n"
        "single: 'it''s'\n"
        "plain: value # a comment\n"
        "empty: ~\n"
        "inline: [a, 'b, c', \"d\"]\n"
        "multi: [one,\n"
        "  two]\n"
        "block:\n"
        "  - x\n"
        "  - 'y'\n"
        "summary: >\n"
        "  folded\n"
        "  text\n"
        "literal: |\n"
        "  line one\n"
        "  line two\n"
        "meta:\n"
        "  byline: Jane\n"
        "  inner:\n"
        "    deep: yes\n"
        "Mixed-Case: kept\n"
        "...\n"
        "body\n");
    REQUIRE(split);
    CHECK(split->rest == "body\n");
    CHECK(split->rest_first_line == 24);
    auto matter = parse_front_matter(split->yaml);
    auto scalar = [&](const std::string& key) {
        auto found = matter.find(key);
        return found == matter.end() || found->second.items.empty() ? std::string("<none>")
                                                                    : found->second.items[0];
    };
    CHECK(scalar("title") == "Quoted: \"with\" escapes \xC3\xA9");
    CHECK(scalar("single") == "it's");
    CHECK(scalar("plain") == "value");
    CHECK(scalar("empty").empty());
    CHECK(matter["inline"].items == Names{"a", "b, c", "d"});
    CHECK(matter["inline"].is_list);
    CHECK(matter["multi"].items == Names{"one", "two"});
    CHECK(matter["block"].items == Names{"x", "y"});
    CHECK(scalar("summary") == "folded text");
    CHECK(scalar("literal") == "line one\nline two");
    CHECK(scalar("meta.byline") == "Jane");
    CHECK(scalar("meta.inner.deep") == "yes");
    CHECK(scalar("mixed-case") == "kept");
}

TEST_CASE("text without front matter delimiters has none", "[markdown]") {
    auto text = GENERATE(as<std::string>{}, "", "title: x\n", "---\ntitle: x\n", "--- \n",
                         "----\ntitle: x\n----\n", "# ---\n");
    CAPTURE(text);
    CHECK_FALSE(split_front_matter(text));
}

TEST_CASE("Markdown files that hold no article are refused with the file named", "[markdown]") {
    auto [bytes, problem] = GENERATE(table<std::string, std::string>({
        {"", "empty.md: no text"},
        {"\n\n<!-- only a comment -->\n", "empty.md: no text"},
        {std::string("bin\0ary", 7), "empty.md: looks binary, not a text article"},
    }));
    REQUIRE_THROWS_AS(read_markdown_article(bytes, "empty.md"), InputError);
    REQUIRE_THROWS_WITH(read_markdown_article(bytes, "empty.md"), problem);
}

TEST_CASE("HTML blocks in Markdown are read by the main-text extraction", "[markdown][html]") {
    const std::string prose =
        "The library reopened on Saturday, after a year of repairs, with a new reading room "
        "and longer hours.";
    auto [why, markdown, body] = GENERATE_COPY(table<std::string, std::string, std::string>({
        {"a block of paragraphs gives its paragraphs",
         "# Library\n\n<div class=\"story\">\n<p>" + prose +
             "</p>\n<p>Entry stays free.</p>\n</div>\n\nMarkdown again, *after* it.",
         prose + "\n\nEntry stays free.\n\nMarkdown again, after it."},
        {"scripts and navigation blocks say nothing",
         "# Library\n\n" + prose +
             "\n\n<script>\nvar shown = \"<p>not text</p>\";\n</script>\n\n<nav><a "
             "href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n\nThe end.",
         prose + "\n\nThe end."},
        {"a figure's caption stays out of the body",
         "# Library\n\n" + prose +
             "\n\n<figure>\n<img src=\"hall.jpg\">\n<figcaption>The new reading "
             "room</figcaption>\n</figure>",
         prose},
        {"an inline tag opens no HTML block",
         "# Library\n\n<span>Opening hours</span> change in May.", "Opening hours change in May."},
        {"a block that is not clearly HTML is read as Markdown",
         "# Library\n\n<div>\nOpening hours change in **May**.", "Opening hours change in May."},
    }));
    CAPTURE(why);
    CHECK(read_markdown_article(markdown, "library.md").body == body);
}
