#include <catch2/catch.hpp>

#include "errors.h"
#include "formats/json.h"
#include "test_support.h"

using newsindex::Article;
using newsindex::InputError;
using newsindex::JsonFieldMap;
using Names = std::vector<std::string>;

namespace {

struct JsonResult {
    std::vector<Article> articles;
    Names problems;
};

JsonResult read_json(const std::string& fixture, const JsonFieldMap& fields = {}) {
    JsonResult result;
    const std::string bytes = read_fixture("formats/" + fixture);
    auto on_article = [&](Article&& a) { result.articles.push_back(std::move(a)); };
    auto on_problem = [&](const InputError& e) { result.problems.push_back(e.what()); };
    if (fixture.substr(fixture.size() - 6) == ".jsonl")
        newsindex::read_json_lines_articles(bytes, fixture, fields, on_article, on_problem);
    else
        newsindex::read_json_articles(bytes, fixture, fields, on_article, on_problem);
    return result;
}

}  // namespace

TEST_CASE("JSON records give title, authors, date, URL, tags and record key", "[json]") {
    auto [fixture, index, key, title, authors, date, url,
          tags] = GENERATE(table<std::string, std::size_t, std::string, std::string, Names,
                                 std::string, std::string, Names>({
        {"json/single.json",
         0,
         "",
         "Wind Farm Connects to the Grid",
         {"Elif Kaya", "Jonas Berg"},
         "2023-07-04T12:00:00Z",
         "https://energy.example.com/wind-farm",
         {"energy", "wind"}},
        // Unix time in seconds; a byline with "By".
        {"json/array.json",
         0,
         "record 1",
         "Port Strike Ends",
         {"Aiko Tanaka", "Luis Ortega"},
         "2023-07-03T12:00:00Z",
         "https://port.example.com/strike-ends",
         {"labour", "ports"}},
        // No title: the start of the text stands in.
        {"json/array.json",
         1,
         "record 3",
         "A record number of cyclists crossed the new bridge on its first day, the city said "
         "in a statement.",
         {},
         "2023-07-05",
         "",
         {}},
        {"json/array.json",
         2,
         "record 5",
         "Museum Night Draws Crowds",
         {"Carla Moreau", "AP"},
         "2023-07-06",
         "",
         {}},
        {"json/wrapped.json",
         0,
         "record 1",
         "Drought Hits Olive Harvest",
         {"Giulia Russo"},
         "2023-10-02T08:00:00Z",
         "https://farm.example.it/olives",
         {}},
        {"json/wrapped.json", 1, "record 2", "Rain Returns to the South", {}, "2023-10-03", "", {}},
        {"jsonl/feed.jsonl",
         0,
         "line 1",
         "Tram Line Extension Opens",
         {"Petra Novak", "AP"},
         "2023-09-01",
         "https://daily.example.com/entry/tram-extension_n_1",
         {"LOCAL NEWS"}},
        {"jsonl/feed.jsonl",
         1,
         "line 2",
         "September Heat Record Falls",
         {},
         "2023-09-02",
         "https://daily.example.com/entry/heat-record_n_2",
         {"WEATHER"}},
        // "Reuters Staff, Reuters" is one agency.
        {"jsonl/feed.jsonl",
         2,
         "line 6",
         "Children's Choir Tours Abroad",
         {"Reuters"},
         "2023-09-05",
         "https://daily.example.com/entry/choir_n_5",
         {"ARTS"}},
    }));
    CAPTURE(fixture, index);
    JsonResult result = read_json(fixture);
    REQUIRE(index < result.articles.size());
    const Article& article = result.articles[index];
    CHECK(article.record_key == key);
    CHECK(article.title == title);
    CHECK(article.authors == authors);
    CHECK(article.date == date);
    CHECK(article.url == url);
    CHECK(article.tags == tags);
    CHECK(article.source_path == fixture);
}

TEST_CASE("JSON bodies: strings, lists of paragraphs, line feeds", "[json]") {
    CHECK(read_json("json/single.json").articles.at(0).body ==
          "The offshore wind farm delivered its first power on Tuesday.\n\n"
          "It will supply 300,000 homes.");
    CHECK(read_json("json/array.json").articles.at(0).body ==
          "Dock workers returned to work after a three-day strike.\n\n"
          "Ships queued outside the port.");
    CHECK(read_json("jsonl/feed.jsonl").articles.at(2).body.empty());
}

TEST_CASE("bad records are reported with their line and the others read", "[json]") {
    auto [fixture, count, problems] = GENERATE(table<std::string, std::size_t, Names>({
        {"json/array.json",
         3,
         {"json/array.json:5: record 2: not a JSON object",
          "json/array.json:8: record 4: no title or text"}},
        {"json/truncated-array.json",
         2,
         {"json/truncated-array.json:4: record 3: malformed JSON: syntax error while parsing "
          "value - invalid string: control character U+000A (LF) must be escaped to \\u000A or "
          "\\n",
          "json/truncated-array.json:5: truncated JSON: the array is not closed"}},
        {"jsonl/feed.jsonl",
         3,
         {"jsonl/feed.jsonl:4: malformed JSON at column 101: syntax error while parsing value - "
          "invalid string: missing closing quote",
          "jsonl/feed.jsonl:5: not a JSON object", "jsonl/feed.jsonl:7: no title or text"}},
    }));
    CAPTURE(fixture);
    JsonResult result = read_json(fixture);
    CHECK(result.articles.size() == count);
    CHECK(result.problems == problems);
}

TEST_CASE("unusable JSON documents are refused with file and line", "[json]") {
    auto [fixture, problem] = GENERATE(table<std::string, std::string>({
        {"json/malformed.json",
         "json/malformed.json:5: malformed JSON at column 1: syntax error while parsing object "
         "key - unexpected end of input; expected string literal"},
        {"json/scalar.json", "json/scalar.json:1: not a JSON object or array"},
        // Its fields have names of their own: nothing is found without --field.
        {"json/nested-fields.json", "json/nested-fields.json: no title or text in the JSON object"},
    }));
    CAPTURE(fixture);
    REQUIRE_THROWS_AS(read_json(fixture), InputError);
    REQUIRE_THROWS_WITH(read_json(fixture), problem);
}

TEST_CASE("field mappings (--field) map record keys, dotted paths included", "[json]") {
    JsonFieldMap fields;
    std::string error;
    for (const char* mapping : {"title=meta.headline", "authors=meta.byline", "date=meta.when",
                                "url=permalink", "body=story.paragraphs", "tags=labels"}) {
        REQUIRE(fields.add_mapping(mapping, error));
    }
    JsonResult result = read_json("json/nested-fields.json", fields);
    REQUIRE(result.articles.size() == 1);
    const Article& article = result.articles[0];
    CHECK(article.title == "Hospital Opens New Wing");
    CHECK(article.authors == Names{"Sara Lindgren"});
    CHECK(article.date == "2023-05-20");
    CHECK(article.url == "https://health.example.se/new-wing");
    CHECK(article.body == "The new wing adds 120 beds.\n\nIt opens to patients next week.");
    CHECK(article.tags == Names{"health", "hospitals"});

    // A mapping replaces the defaults: "title" is no longer read.
    JsonFieldMap only_headline;
    REQUIRE(only_headline.add_mapping("title = headline", error));
    REQUIRE(only_headline.add_mapping("title=authors.0", error));
    CHECK(only_headline.sources.at("title") == "authors.0");
}

TEST_CASE("field mappings (--field) that make no sense are refused", "[json]") {
    auto [mapping, message] = GENERATE(table<std::string, std::string>({
        {"title", "--field wants NAME=SOURCE, e.g. title=headline"},
        {"summary=abstract",
         "--field: unknown field \"summary\"; one of title, authors, date, url, body, tags"},
        {"title=", "--field title: the source key is empty"},
        {"date=meta..when", "--field date: empty part in key path \"meta..when\""},
    }));
    JsonFieldMap fields;
    std::string error;
    CHECK_FALSE(fields.add_mapping(mapping, error));
    CHECK(error == message);
    CHECK(fields.sources.empty());
}

TEST_CASE("dates in JSON: text, Unix seconds and milliseconds", "[json]") {
    auto [json, date] = GENERATE(table<std::string, std::string>({
        {R"({"title": "t", "date": "2023-07-04 10:00:00"})", "2023-07-04T10:00:00"},
        {R"({"title": "t", "date": 1688464800})", "2023-07-04T10:00:00Z"},
        {R"({"title": "t", "date": 1688464800000})", "2023-07-04T10:00:00Z"},
        {R"({"title": "t", "date": "2023-02-30"})", ""},
        {R"({"title": "t", "date": "yesterday"})", ""},
        {R"({"title": "t", "date": 1e300})", ""},
        {R"({"title": "t", "date": true})", ""},
    }));
    CAPTURE(json);
    std::vector<Article> articles;
    newsindex::read_json_articles(
        json, "x.json", {}, [&](Article&& a) { articles.push_back(std::move(a)); },
        [](const InputError&) {});
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].date == date);
}

TEST_CASE("JSON bodies holding HTML are read as a page's article is", "[json][html]") {
    const std::string prose =
        "The council approved the new bridge on Monday, after two years of debate, and work "
        "will start in spring.";
    auto [why, body, expected] = GENERATE_COPY(table<std::string, std::string, std::string>({
        {"paragraphs become paragraphs, entities decoded",
         "<p>" + prose + "</p><p>Tolls &amp; fees stay the same.</p>",
         prose + "\n\nTolls & fees stay the same."},
        {"scripts, navigation and captions are left out",
         "<nav><a href='/'>Home</a> <a href='/city'>City</a></nav><p>" + prose +
             "</p><script>track()</script><figure><img src='b.jpg'><figcaption>The old "
             "bridge in 1950</figcaption></figure>",
         prose},
        {"text that only mentions a tag stays as written",
         "Use <p> for paragraphs, a < b and b > c.", "Use <p> for paragraphs, a < b and b > c."},
        {"an e-mail address in angle brackets is no markup",
         "Write to <desk@example.org> with tips.", "Write to <desk@example.org> with tips."},
    }));
    CAPTURE(why);
    // The bodies hold no quotation mark or backslash: they go into the record as they are.
    const std::string record = "{\"title\": \"Bridge\", \"body\": \"" + body + "\"}";
    std::vector<Article> articles;
    newsindex::read_json_articles(
        record, "bridge.json", {}, [&](Article&& a) { articles.push_back(std::move(a)); },
        [](const InputError& e) { FAIL(e.what()); });
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].body == expected);
}
