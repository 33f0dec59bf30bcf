// Inputs built to cost far more than their size (issue 19, item 1): every limit the readers
// keep, driven through the real readers. tests/e2e/hostile_files.sh checks the same attacks'
// memory through the real binary.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "entities/annotate.h"
#include "entities/extractor.h"
#include "errors.h"
#include "formats/html_parse.h"
#include "formats/json.h"
#include "formats/reader.h"
#include "test_support.h"
#include "text/strings.h"

using newsindex::Article;
using newsindex::Format;
using newsindex::InputError;

namespace {

struct Outcome {
    std::vector<Article> articles;
    std::vector<std::string> problems;
    std::string error;  // the InputError that ended the reading, if one did
};

Outcome read_bounded(const std::string& bytes, Format format) {
    Outcome outcome;
    try {
        newsindex::read_articles(
            bytes, "hostile", format, {},
            [&](Article&& article) { outcome.articles.push_back(std::move(article)); },
            [&](const InputError& problem) { outcome.problems.push_back(problem.problem()); });
    } catch (const InputError& e) {
        outcome.error = e.problem();
    }
    return outcome;
}

const std::string kArticle = R"({"title":"Harbour opens","body":"The harbour opened."})";

}  // namespace

TEST_CASE("JSON records too deep or too large are refused before they are parsed",
          "[bounded][json]") {
    const std::size_t deep = newsindex::kMaxJsonDepth;
    const std::size_t many = newsindex::kMaxJsonValues;
    auto [what, bytes, format, articles, problem] =
        GENERATE_COPY(table<std::string, std::string, Format, std::size_t, std::string>({
            {"a record at the depth limit",
             "[" + repeated("[", deep) + repeated("]", deep) + "," + kArticle + "]", Format::Json,
             1, "record 1: not a JSON object"},
            {"a record one level deeper",
             "[" + repeated("[", deep + 1) + repeated("]", deep + 1) + "," + kArticle + "]",
             Format::Json, 1, "record 1: nested deeper than 64 levels; skipped"},
            {"a JSON Lines line too deep",
             kArticle + "\n" + repeated("[", deep + 1) + repeated("]", deep + 1) + "\n",
             Format::JsonLines, 1, "nested deeper than 64 levels; skipped"},
            {"brackets inside strings do not count",
             R"([{"title":"Harbour opens","body":")" + repeated("[", deep * 2) + R"("}])",
             Format::Json, 1, ""},
            {"a record of too many values", "[" + kArticle + ",[" + repeated("1,", many) + "1]]",
             Format::Json, 1, "record 2: more than 2,097,152 values in one record; skipped"},
        }));
    CAPTURE(what);
    const Outcome outcome = read_bounded(bytes, format);
    CHECK(outcome.error.empty());
    CHECK(outcome.articles.size() == articles);
    if (problem.empty())
        CHECK(outcome.problems.empty());
    else
        CHECK(outcome.problems == std::vector<std::string>{problem});
}

TEST_CASE("a JSON document read whole beyond the limits is refused with one error",
          "[bounded][json]") {
    auto [what, bytes, error] = GENERATE(table<std::string, std::string, std::string>({
        {"deep", R"({"title":"x","body":)" + repeated("[", 65), "nested deeper than 64 levels"},
        {"wide", R"({"title":"x","body":"y","list":[)" + repeated("1,", 1 << 21) + "1]}",
         "more than 2,097,152 values"},
    }));
    CAPTURE(what);
    const Outcome outcome = read_bounded(bytes, Format::Json);
    CHECK(outcome.articles.empty());
    CHECK_THAT(outcome.error, Catch::Contains(error));
}

TEST_CASE("a file whose first thousand records are all bad is given up", "[bounded]") {
    auto [what, bytes, format, records] =
        GENERATE(table<std::string, std::string, Format, std::string>({
            {"an array of numbers", "[" + repeated("1,", 100000) + "1]", Format::Json, "1,000"},
            {"lines of numbers", repeated("1\n", 100000), Format::JsonLines, "1,000"},
            {"lines of broken JSON", repeated("{\"a\n", 100000), Format::JsonLines, "1,000"},
        }));
    CAPTURE(what);
    const Outcome outcome = read_bounded(bytes, format);
    CHECK(outcome.articles.empty());
    CHECK_THAT(outcome.error, Catch::StartsWith("no article in the first " + records + " records"));
    CHECK_THAT(outcome.error, Catch::EndsWith("not read further"));
    // Up to the point of giving up, the problems went to the sink as usual.
    CHECK(outcome.problems.size() == newsindex::kMaxProblemsBeforeAnArticle - 1);
}

TEST_CASE("bad records after an article are all reported and the reading goes on", "[bounded]") {
    const Outcome outcome =
        read_bounded("[" + kArticle + repeated(",1", 5000) + "," + kArticle + "]", Format::Json);
    CHECK(outcome.error.empty());
    CHECK(outcome.articles.size() == 2);
    CHECK(outcome.problems.size() == 5000);
}

TEST_CASE("no article found quotes the problem that kept the records out", "[bounded]") {
    auto [bytes, error] = GENERATE(table<std::string, std::string>({
        {"[1]", "no article found: record 1: not a JSON object"},
        {"[1, 2]", "no article found in 2 records (the first: record 1: not a JSON object)"},
        {"[]", "no article found"},
    }));
    CAPTURE(bytes);
    CHECK(read_bounded(bytes, Format::Json).error == error);
}

TEST_CASE("an article longer than the body limit is cut at a paragraph and says so", "[bounded]") {
    const std::string paragraph = repeated("word ", 999) + "word";  // 4,999 bytes
    auto [what, bytes, format] = GENERATE_COPY(table<std::string, std::string, Format>({
        {"plain text", "Long article\n\n" + repeated(paragraph + "\n\n", 900), Format::PlainText},
        {"plain text past the input limit", "Long article\n\n" + repeated(paragraph + "\n\n", 1750),
         Format::PlainText},
        {"Markdown", "# Long article\n\n" + repeated(paragraph + "\n\n", 900), Format::Markdown},
        {"HTML",
         "<title>Long article</title><article>" + repeated("<p>" + paragraph, 900) + "</article>",
         Format::Html},
        {"JSON",
         R"({"title":"Long article","body":")" + repeated(paragraph + "\\n\\n", 900) + R"("})",
         Format::Json},
    }));
    CAPTURE(what);
    const Outcome outcome = read_bounded(bytes, format);
    REQUIRE(outcome.articles.size() == 1);
    const Article& article = outcome.articles[0];
    CHECK(article.body.size() <= newsindex::kMaxBodyBytes);
    CHECK(article.body.size() > newsindex::kMaxBodyBytes / 2);
    CHECK(article.body_bytes_left_out > 0);
    // Cut between paragraphs, so the last one is whole.
    CHECK(article.body.substr(article.body.size() - paragraph.size()) == paragraph);
}

TEST_CASE("an article within the limits is not cut", "[bounded]") {
    const Outcome outcome =
        read_bounded("Short article\n\n" + repeated("word ", 1000), Format::PlainText);
    REQUIRE(outcome.articles.size() == 1);
    CHECK(outcome.articles[0].body_bytes_left_out == 0);
}

TEST_CASE("a page of more elements than the parser is given is cut at the limit",
          "[bounded][html]") {
    using newsindex::html::capped_elements;
    auto [what, html, max, kept] =
        GENERATE(table<std::string, std::string, std::size_t, std::string>({
            {"under the limit", "<p>a<p>b", 2, "<p>a<p>b"},
            {"over the limit", "<p>a<p>b<p>c", 2, "<p>a<p>b"},
            {"end tags and comments do not count", "<p>a</p><!-- <p> --><p>b</p><p>c", 2,
             "<p>a</p><!-- <p> --><p>b</p>"},
            {"a lone < is text", "<p>1 < 2<p>b<p>c", 2, "<p>1 < 2<p>b"},
        }));
    CAPTURE(what);
    CHECK(capped_elements(html, max) == kept);
}

TEST_CASE("entities are looked for in the first part of a long body only", "[bounded][entities]") {
    const std::string filler = repeated("the harbour was quiet and the boats stayed in. ", 6000);
    REQUIRE(filler.size() > newsindex::entities::kMaxEntityTextBytes);
    const std::string body =
        "Angela Merkel spoke in Berlin.\n\n" + filler + "\n\nEmmanuel Macron spoke in Paris.";
    const auto mentions =
        newsindex::entities::extract("Harbour", body, newsindex::entities::default_gazetteer());
    std::vector<std::string> names;
    for (const auto& mention : mentions) names.push_back(mention.surface);
    CHECK(std::find(names.begin(), names.end(), "Angela Merkel") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Emmanuel Macron") == names.end());
}

TEST_CASE("counts in messages have thousands separators", "[bounded]") {
    auto [n, text] = GENERATE(table<std::size_t, std::string>(
        {{0, "0"}, {999, "999"}, {1000, "1,000"}, {9999997, "9,999,997"}, {1000000, "1,000,000"}}));
    CHECK(newsindex::text::with_thousands(n) == text);
}
