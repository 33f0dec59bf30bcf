#include <catch2/catch.hpp>

#include "errors.h"
#include "formats/plaintext.h"
#include "test_support.h"

using newsindex::Article;
using newsindex::InputError;
using newsindex::read_plaintext_article;
using Names = std::vector<std::string>;

namespace {
Article read(const std::string& fixture) {
    return read_plaintext_article(read_fixture("plaintext/" + fixture), fixture);
}
}  // namespace

TEST_CASE("plain-text exports give title, authors, date and URL", "[plaintext]") {
    auto [fixture, title, authors, date, url] =
        GENERATE(table<std::string, std::string, Names, std::string, std::string>({
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
            {"latin1-bytes.txt",
             "Caf\xEF\xBF\xBD Owners Protest",
             {"Jos\xEF\xBF\xBD Ruiz"},
             "2022-03-01",
             ""},
        }));
    CAPTURE(fixture);
    Article article = read(fixture);
    CHECK(article.title == title);
    CHECK(article.authors == authors);
    CHECK(article.date == date);
    CHECK(article.url == url);
    CHECK(article.source_path == fixture);
}

TEST_CASE("metadata lines stay out of the body; captions stay in without their credit",
          "[plaintext]") {
    Article article = read("full-export.txt");
    CHECK(article.related == Names{"Gas Prices Jump After Regulator Decision"});
    CHECK(article.photo_credits == Names{"Anna Roe / AFP"});
    CHECK(article.body ==
          "A gas receiving station on the Baltic coast.\n\n"
          "The federal regulator said on Tuesday it had paused its review of the pipeline.\n\n"
          "The operator must first set up a subsidiary under German law, the agency said.\n\n"
          "What comes next\n\n"
          "A decision is not expected before spring.");
}

TEST_CASE("a wholly bold caption is body text without a credit", "[plaintext]") {
    Article article = read("crlf-agency-suffix.txt");
    CHECK(article.photo_credits.empty());
    CHECK(article.body == "The chancellor arrives at the harbour.\n\nThe visit lasted two hours.");
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
    REQUIRE_THROWS_AS(read(fixture), InputError);
    REQUIRE_THROWS_WITH(read(fixture), problem);
}
