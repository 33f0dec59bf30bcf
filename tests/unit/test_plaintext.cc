#include <catch2/catch.hpp>

#include "errors.h"
#include "formats/decode.h"
#include "formats/plaintext.h"
#include "formats/reader.h"
#include "test_support.h"

using newsindex::Article;
using newsindex::InputError;
using newsindex::read_plaintext_article;
using Names = std::vector<std::string>;

namespace {
Article read_plaintext(const std::string& fixture) {
    // As the reader is given a file: through the decoding stage.
    return read_plaintext_article(
        newsindex::decode_input(read_fixture("plaintext/" + fixture), newsindex::Format::PlainText)
            .text,
        fixture);
}
}  // namespace

TEST_CASE("plain-text exports give title, authors, date and URL", "[plaintext]") {
    auto [fixture, title, authors, date,
          url] = GENERATE(table<std::string, std::string, Names, std::string, std::string>({
        {"full-export.txt",
         "Pipeline Regulator Pauses Review",
         {"Reuters"},
         "2021-11-16",
         "https://news.example.org/2021/11/16/regulator-pauses-review"},
        {"title-only.txt", "Title Only Article", {}, "", ""},
        {"no-date.txt",
         "Markets Slide on Rate Fears",
         {"Priya Raman", "Ben Okafor"},
         "",
         "https://markets.example.com/slide"},
        {"crlf-agency-suffix.txt",
         "Chancellor Visits Port",
         {"Lena Brandt", "Reuters"},
         "2022-01-29",
         ""},
        {"date-before-byline.txt", "Saturday Night Talks", {"AFP"}, "2022-01-29T10:05Z", ""},
        // Not UTF-8: read as Latin-1 / Windows-1252, not replaced by U+FFFD.
        {"latin1-bytes.txt", "Caf\xC3\xA9 Owners Protest", {"Jos\xC3\xA9 Ruiz"}, "2022-03-01", ""},
        // Issue 18 item 6: byline and date lines that gave no author or no date.
        {"written-by-published.txt",
         "Tram Depot Gets Solar Roof",
         {"Paul Jones"},
         "2023-03-12",
         ""},
        {"author-label.txt",
         "Library Extends Opening Hours",
         {"Rebecca Writer"},
         "2023-03-12T10:32",
         ""},
        {"honorific-degree-title.txt",
         "Central Bank Holds Rates",
         {"Anna M\xC3\xBCller"},
         "2023-03-25",
         ""},
        // A numeric date whose day and month order an English article cannot tell is a date
        // line left out (Article::date_note says why).
        {"agency-after-name.txt", "Ferry Fares Frozen", {"Nadia Haddad", "Reuters"}, "", ""},
    }));
    CAPTURE(fixture);
    Article article = read_plaintext(fixture);
    CHECK(article.title == title);
    CHECK(article.authors == authors);
    CHECK(article.date == date);
    CHECK(article.url == url);
    CHECK(article.source_path == fixture);
}

TEST_CASE("metadata lines and captions stay out of the body", "[plaintext]") {
    Article article = read_plaintext("full-export.txt");
    CHECK(article.related == Names{"Gas Prices Jump After Regulator Decision"});
    CHECK(article.photo_credits == Names{"Anna Roe / AFP"});
    CHECK(article.captions == Names{"A gas receiving station on the Baltic coast."});
    CHECK(article.body ==
          "The federal regulator said on Tuesday it had paused its review of the pipeline.\n\n"
          "The operator must first set up a subsidiary under German law, the agency said.\n\n"
          "What comes next\n\n"
          "A decision is not expected before spring.");
}

TEST_CASE("header lines stay out of the body, and sentences opening with By stay in",
          "[plaintext]") {
    auto [fixture, body] = GENERATE(table<std::string, std::string>({
        {"written-by-published.txt",
         "The city fitted panels to the tram depot roof over the winter.\n\n"
         "By the end of the year the depot should cover its own power needs."},
        {"agency-after-name.txt", "Fares stay as they are until next spring."},
    }));
    CAPTURE(fixture);
    CHECK(read_plaintext(fixture).body == body);
}

TEST_CASE("a wholly bold caption is a caption without a credit", "[plaintext]") {
    Article article = read_plaintext("crlf-agency-suffix.txt");
    CHECK(article.photo_credits.empty());
    CHECK(article.captions == Names{"The chancellor arrives at the harbour."});
    CHECK(article.body == "The visit lasted two hours.");
}

#ifdef NEWSINDEX_SEED_ARTICLE
// The article the format was specified from lives beside the project, not in it.
TEST_CASE("the seed article reads exactly", "[plaintext]") {
    std::ifstream in(NEWSINDEX_SEED_ARTICLE, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    Article article = read_plaintext_article(bytes.str(), "seed-article.txt");
    CHECK(article.title == "U.S. To Send Troops to Eastern Europe Amid Russia Tensions");
    CHECK(article.authors == Names{"AFP"});
    CHECK(article.date == "2022-01-29");
    CHECK(article.url ==
          "https://www.themoscowtimes.com/2022/01/29/"
          "us-to-send-troops-to-eastern-europe-amid-russia-tensions-a76195");
    CHECK(article.photo_credits == Names{"AP / TASS"});
    CHECK(article.captions == Names{"U.S. President Joe Biden previously said he thought a "
                                    "Russian incursion into Ukraine was likely."});
    CHECK(article.body.find("incursion into Ukraine was likely") == std::string::npos);
    CHECK(article.related.size() == 3);
    CHECK(article.body.find("Related article") == std::string::npos);
    CHECK(article.body.find("Original url") == std::string::npos);
    CHECK(article.body.find("**") == std::string::npos);
    CHECK(article.body.find("Joint Chiefs Chairman Mark Milley") != std::string::npos);
}
#endif

TEST_CASE("files that hold no article are refused with the file named", "[plaintext]") {
    auto [fixture, problem] = GENERATE(table<std::string, std::string>({
        {"blank.txt", "blank.txt: empty file: no title line"},
        {"binary.bin", "binary.bin: looks binary (contains a NUL byte), not a text article"},
    }));
    CAPTURE(fixture);
    REQUIRE_THROWS_AS(read_plaintext(fixture), InputError);
    REQUIRE_THROWS_WITH(read_plaintext(fixture), problem);
}

namespace {
Article read_format_fixture(const std::string& fixture) {
    return read_plaintext_article(
        newsindex::decode_input(read_fixture("formats/plaintext/" + fixture),
                                newsindex::Format::PlainText)
            .text,
        fixture);
}
}  // namespace

TEST_CASE("bylines, agency credits and date lines in their usual places", "[plaintext]") {
    auto [fixture, title, authors, date] =
        GENERATE(table<std::string, std::string, Names, std::string>({
            {"two-authors.txt",
             "Harbour Authority Approves Night Ferries",
             {"Marta Kowalczyk", "Daniel Osei"},
             "2023-03-03"},
            {"agency-suffix-updated.txt",
             "Grain Shipments Resume From Southern Ports",
             {"Hana Sato", "Reuters"},
             "2023-02-14T08:30Z"},
            {"agency-only.txt", "Museum Returns Bronze Figures", {"AFP"}, "2023-05-06"},
            {"byline-date-one-line.txt",
             "City Council Delays Tram Vote",
             {"Tom Reyes"},
             "2023-01-09T16:45-05:00"},
            {"header-in-title-paragraph.txt",
             "Water Prices Rise for Third Year",
             {"Ines Varga"},
             "2023-02-02"},
            {"dateline-agency.txt", "Rail Strike Halts Freight Traffic", {"dpa"}, "2023-04-12"},
            {"two-digit-year.txt", "Observatory Opens to Visitors", {"Lars Nyberg"}, "2023-01-09"},
            {"impossible-date.txt", "Leap Day Festival Cancelled", {}, ""},
            {"cp1252.txt", "Caf\xC3\xA9 Owners Win Appeal", {"Jos\xC3\xA9 Ruiz"}, "2023-03-01"},
        }));
    CAPTURE(fixture);
    Article article = read_format_fixture(fixture);
    CHECK(article.title == title);
    CHECK(article.authors == authors);
    CHECK(article.date == date);
    CHECK(article.url.empty());
    CHECK(article.tags.empty());
    CHECK(article.body.find("By ") == std::string::npos);
}

TEST_CASE("plain-text bodies keep what is not header", "[plaintext]") {
    auto [fixture, body] = GENERATE(table<std::string, std::string>({
        {"two-authors.txt",
         "The harbour authority voted on Friday to allow ferries to run after midnight.\n\n"
         "Residents of the old town had asked for quieter engines first."},
        {"header-in-title-paragraph.txt", "The regional utility raised prices by four percent."},
        // The dateline stays: it is the first sentence of the story.
        {"dateline-agency.txt",
         "BERLIN (dpa) - Freight trains stood still across the country on Wednesday as drivers "
         "walked out.\n\nThe union said the strike would last two days."},
        // A date line that names no real day is text.
        {"impossible-date.txt",
         "February 30, 2023\n\nOrganisers said the festival would not take place this year."},
        // Windows-1252 quotes and dash become their Unicode characters.
        {"cp1252.txt",
         "\xE2\x80\x9CWe are relieved,\xE2\x80\x9D said one owner \xE2\x80\x93 the ruling came "
         "late."},
    }));
    CAPTURE(fixture);
    CHECK(read_format_fixture(fixture).body == body);
}

TEST_CASE("a file of markup alone is no article", "[plaintext]") {
    // Found while writing the fuzz checks: "#" made an article with an empty title.
    for (const char* bytes : {"#", "##\n\n", "**\n"}) {
        CAPTURE(bytes);
        REQUIRE_THROWS_WITH(read_plaintext_article(bytes, "x.txt"), "x.txt: no title and no text");
    }
}
