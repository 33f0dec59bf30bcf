#include <catch2/catch.hpp>

#include "errors.h"
#include "formats/decode.h"
#include "formats/html.h"
#include "formats/reader.h"
#include "test_support.h"
#include "text/entities.h"

using newsindex::Article;
using newsindex::InputError;
using newsindex::read_html_article;
using newsindex::text::decode_html_entities;
using Names = std::vector<std::string>;

namespace {
Article read_html(const std::string& fixture) {
    // As the reader is given a file: through the decoding stage.
    return read_html_article(
        newsindex::decode_input(read_fixture("formats/html/" + fixture), newsindex::Format::Html)
            .text,
        fixture);
}
}  // namespace

TEST_CASE("HTML pages give title, authors, date, URL and tags", "[html]") {
    auto [fixture, title, authors, date, url, tags] =
        GENERATE(table<std::string, std::string, Names, std::string, std::string, Names>({
            // JSON-LD wins over meta tags and <title>.
            {"jsonld-article.html",
             "Glacier Retreat Speeds Up",
             {"Ingrid Solberg", "Reuters"},
             "2023-08-21T07:15:00+02:00",
             "https://times.example.com/science/glacier-retreat",
             {"climate", "glaciers"}},
            {"jsonld-graph.html",
             "Ferry Operator Orders Electric Ships",
             {"Mateo Fern\xC3\xA1ndez"},
             "2023-02-02T10:00:00Z",
             "https://port.example.org/news/electric-ferries",
             {"shipping", "energy", "Business"}},
            // Meta tags only: the job title goes, the profile URL is no author.
            {"meta-only.html",
             "Schools Shorten Summer Break",
             {"Clara Jensen"},
             "2023-04-18T06:00:00Z",
             "https://edu.example.com/schools-shorten-break",
             {"Education", "Schools", "holidays", "calendar"}},
            {"bare.html", "Town Hall Clock Stops", {}, "", "", {}},
            {"byline-class.html",
             "Bakery Chain Raises Wages",
             {"Ali Hassan", "Mei Lin"},
             "2023-03-03",
             "",
             {}},
            {"teaser-articles.html", "Main Story Wins", {}, "2023-11-05", "", {}},
            {"no-title.html",
             "Snow fell on the coast for the first time in a decade, surprising residents who had "
             "already put away their winter coats",
             {},
             "",
             "",
             {}},
            {"cp1252.html", "Caf\xC3\xA9 Terraces Reopen", {}, "", "", {}},
        }));
    CAPTURE(fixture);
    Article article = read_html(fixture);
    CHECK(article.title == title);
    CHECK(article.authors == authors);
    CHECK(article.date == date);
    CHECK(article.url == url);
    CHECK(article.tags == tags);
    CHECK(article.source_path == fixture);
}

TEST_CASE("HTML bodies: the article's text without page furniture", "[html]") {
    auto [fixture, body] = GENERATE(table<std::string, std::string>({
        // The figure caption is no body text; the form's text is, as the HTML5 parser puts
        // it after the form (see docs/formats.md).
        {"jsonld-article.html",
         "Alpine glaciers lost more ice this summer than in any year on record \xE2\x80\x94 "
         "researchers said on Monday.\n\n"
         "\xE2\x80\x9CIt\xE2\x80\x99s faster than we feared,\xE2\x80\x9D said Ren\xC3\xA9 Aubert, "
         "a "
         "glaciologist at the institute \xE2\x80\x93 one of \xE2\x80\x9Ctwelve\xE2\x80\x9D "
         "teams.\n\n"
         "Subscribe to our newsletter\n\n"
         "Measurements began in 1894.\n\nThey continue today."},
        // The headline above the text is the title, and not repeated in the body.
        {"meta-only.html",
         "The ministry cut the summer holidays by one week.\n\n"
         "Old 8 weeks\n\nNew 7 weeks"},
        {"bare.html",
         "The clock on the town hall stopped at a quarter past three. Engineers climbed the "
         "tower on Thursday."},
        {"byline-class.html", "The bakery chain will pay its staff eight percent more from April."},
        {"teaser-articles.html",
         "The main story has the longest text of all the article elements on this page.\n\n"
         "It continues in a second paragraph."},
        {"cp1252.html", "Owners of caf\xC3\xA9s welcomed the decision \xE2\x80\x93 finally."},
    }));
    CAPTURE(fixture);
    CHECK(read_html(fixture).body == body);
}

TEST_CASE("the tokenizer survives broken markup", "[html]") {
    auto [html, title, body] = GENERATE(table<std::string, std::string, std::string>({
        {"<title>T</title><p>a < b and c > d</p>", "T", "a < b and c > d"},
        {"<title>T</title><p>unclosed <b>bold <i>italic</p><p>next", "T",
         "unclosed bold italic\n\nnext"},
        {"<title>T</title><div><p>x</div></span></article>y", "T", "x\n\ny"},
        {"<title>T</title><p class='a\">b'>quoted</p>", "T", "quoted"},
        {"<TITLE>Upper</TITLE><P>Case</P>", "Upper", "Case"},
        {"<title>T</title><script>document.write('</scripts>');</script><p>after</p>", "T",
         "after"},
        {"<title>T</title><!-- <p>comment</p> --><p>kept</p>", "T", "kept"},
        {"<title>T</title><p>never closed <!-- comment", "T", "never closed"},
        {"<title>T</title><svg><title>icon</title><text>svg</text></svg><p>text</p>", "T", "text"},
        {"<title>T</title><p attr=unquoted>x</p><br/><img src=a.png/>y", "T", "x\n\ny"},
        {"<title>T &amp; U</title><p>&unknown; &amp &lt;tag&gt; &#0; &#xD800; &#1114112;</p>",
         "T & U", "&unknown; & <tag> \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD"},
        {"<title>T", "T", ""},
        {"<p>no title <", "no title <", "no title <"},
    }));
    CAPTURE(html);
    Article article = read_html_article(html, "page.html");
    CHECK(article.title == title);
    CHECK(article.body == body);
}

TEST_CASE("character references", "[html]") {
    auto [input, output] = GENERATE(table<std::string, std::string>({
        {"caf&eacute; na&iuml;ve &Lstrok;&oacute;d&zacute;",
         "caf\xC3\xA9 na\xC3\xAFve \xC5\x81\xC3\xB3"
         "d\xC5\xBA"},
        {"&nbsp;&mdash;&ndash;&rsquo;&hellip;&euro;",
         "\xC2\xA0\xE2\x80\x94\xE2\x80\x93\xE2\x80\x99\xE2\x80\xA6\xE2\x82\xAC"},
        {"&#233;&#xE9;&#XE9;&#233", "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"},
        {"&#150; (cp1252 dash)", "\xE2\x80\x93 (cp1252 dash)"},
        {"a&amp;b &ampx; &amp=", "a&b &ampx; &amp="},
        {"?a=1&copy=2", "?a=1&copy=2"},
        {"&;&#;&#x;&", "&;&#;&#x;&"},
        {"&#99999999999999999999;", "\xEF\xBF\xBD"},
    }));
    CAPTURE(input);
    CHECK(decode_html_entities(input) == output);
}

TEST_CASE("pages that hold no article are refused with the file named", "[html]") {
    auto [html, problem] = GENERATE(table<std::string, std::string>({
        {"<html><head><script>x()</script></head><body></body></html>",
         "page.html: no title and no text in the page"},
        {std::string("<html>\0</html>", 14), "page.html: looks binary, not an HTML page"},
    }));
    REQUIRE_THROWS_AS(read_html_article(html, "page.html"), InputError);
    REQUIRE_THROWS_WITH(read_html_article(html, "page.html"), problem);
}
