#include <catch2/catch.hpp>

#include "schema.h"

using namespace newsindex;

TEST_CASE("the stored record round-trips every field, newlines and backslashes included",
          "[schema]") {
    Article article;
    article.title = "A \\ title";
    article.authors = {"Jane Doe", "AFP"};
    article.date = "2022-01-29";
    article.url = "https://example.com/a=b";
    article.body = "Line one\n\nLine \\n two";
    article.related = {"Other story"};
    article.photo_credits = {"AP / TASS"};
    article.captions = {"Troops board a plane.", "A second\ncaption"};
    article.site_name = "The Moscow Times";
    article.section = "News";
    article.language = "en";
    article.source_path = "/tmp/x.txt";
    article.tags = {"energy", "europe"};
    article.record_key = "line 12";
    article.message_id = "abc@example.org";
    Article back = schema::decode_record(schema::encode_record(article));
    CHECK(back.title == article.title);
    CHECK(back.authors == article.authors);
    CHECK(back.date == article.date);
    CHECK(back.url == article.url);
    CHECK(back.body == article.body);
    CHECK(back.related == article.related);
    CHECK(back.photo_credits == article.photo_credits);
    CHECK(back.captions == article.captions);
    CHECK(back.site_name == article.site_name);
    CHECK(back.section == article.section);
    CHECK(back.language == article.language);
    CHECK(back.source_path == article.source_path);
    CHECK(back.tags == article.tags);
    CHECK(back.record_key == article.record_key);
    CHECK(back.message_id == article.message_id);
    CHECK(schema::article_id(back) == schema::article_id(article));
}

TEST_CASE("unknown record keys are ignored", "[schema]") {
    Article back = schema::decode_record("title=T\nfuture_key=x\nauthor=A\n");
    CHECK(back.title == "T");
    CHECK(back.authors == std::vector<std::string>{"A"});
}

TEST_CASE("field names and prefixes are unique", "[schema]") {
    const auto& fields = schema::fields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        CHECK(schema::find_field(fields[i].name) == &fields[i]);
        for (std::size_t j = i + 1; j < fields.size(); ++j) {
            CHECK(fields[i].prefix != fields[j].prefix);
        }
    }
    CHECK(schema::find_field("nosuchfield") == nullptr);
}

TEST_CASE("boolean terms stay within Xapian's limit and long values stay distinct", "[schema]") {
    const std::string long_a(400, 'a');
    std::string long_b = long_a;
    long_b.back() = 'b';
    const std::string term_a = schema::boolean_term("U", long_a);
    CHECK(term_a.size() <= 240);
    CHECK(term_a != schema::boolean_term("U", long_b));
    CHECK(schema::boolean_term("U", "short") == "Ushort");
}

TEST_CASE("sites come from http URLs without www and case", "[schema]") {
    auto [url, site] = GENERATE(table<std::string, std::string>({
        {"https://www.Example.com/a/b", "example.com"},
        {"http://news.example.org:8080/x?y", "news.example.org"},
        {"https://user@host.example/", "host.example"},
        {"ftp://files.example.com/x", ""},
        {"not a url", ""},
    }));
    CHECK(schema::site_of_url(url) == site);
}

TEST_CASE("ids of articles without a URL: Message-ID, record key, standard input", "[schema]") {
    auto [url, message_id, path, record_key, id] =
        GENERATE(table<std::string, std::string, std::string, std::string, std::string>({
            {"https://x.example/a", "m@x", "/d/a.jsonl", "line 3", "https://x.example/a"},
            {"", "m@x", "/d/a.eml", "", "<m@x>"},
            {"", "", "/d/a.jsonl", "line 3", "/d/a.jsonl#line 3"},
            {"", "", "", "0123abcd", "stdin#0123abcd"},
            {"", "", "/d/a.txt", "", "/d/a.txt"},
        }));
    Article article;
    article.url = url;
    article.message_id = message_id;
    article.source_path = path;
    article.record_key = record_key;
    CHECK(schema::article_id(article) == id);
}

TEST_CASE("an article's id is its URL, else its path", "[schema]") {
    Article article;
    article.source_path = "/data/a.txt";
    CHECK(schema::article_id(article) == "/data/a.txt");
    article.url = "https://example.com/a";
    CHECK(schema::article_id(article) == "https://example.com/a");
}
