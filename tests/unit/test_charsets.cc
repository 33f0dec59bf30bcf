// The decoding stage (formats/decode.h, issue 14): every charset fixture decodes exactly, and
// the charset and how it was chosen reach the article (--inspect shows them). The fixtures are
// short texts written here, stored in their encodings (tests/data/formats/charsets/README.md).
#include <catch2/catch.hpp>

#include "errors.h"
#include "formats/decode.h"
#include "formats/reader.h"
#include "test_support.h"

using namespace newsindex;

namespace {

std::vector<Article> read_charset_fixture(const std::string& name) {
    std::vector<Article> articles;
    read_article_file((test_data_dir() / "formats" / "charsets" / name).string(), {},
                      [&](Article&& article) { articles.push_back(std::move(article)); },
                      [](const InputError& problem) { FAIL(problem.what()); });
    return articles;
}

}  // namespace

TEST_CASE("each charset fixture decodes exactly", "[charset]") {
    // fixture, charset read, how it was chosen, title, words of the body
    auto [fixture, charset, chosen_by, title, body_words] =
        GENERATE(table<std::string, std::string, std::string, std::string, std::string>({
            {"latin1.html", "windows-1252", "declared", "Café terraces reopen",
             "José Ruiz. Über sixty"},
            {"latin2.html", "iso-8859-2", "declared", "Łódź otwiera nowy dworzec",
             "został otwarty w poniedziałek"},
            {"cp1251.txt", "windows-1251", "detected", "Министерство объявило новые меры",
             "сообщило в понедельник"},
            {"koi8r.txt", "koi8-r", "detected", "Погода в Москве снова удивила",
             "выпал первый снег"},
            {"sjis.html", "shift_jis", "declared", "東京で新しい駅が開業", "多くの乗客"},
            {"latin1-undeclared.txt", "windows-1252", "guessed", "Café owners protest",
             "three cafés in the square"},
            {"utf16le.txt", "utf-16le", "byte-order mark", "Ferry service resumes",
             "the harbour office said"},
            {"utf16be.json", "utf-16be", "byte-order mark", "Bridge reopens in Kraków",
             "reopened to cyclists"},
            {"iso2022jp.eml", "iso-2022-jp", "declared", "日本語の記事", "東京で新しい駅が開業"},
            {"latin2.eml", "iso-8859-2", "declared", "Łódź wita pasażerów", "Nowy dworzec w Łodzi"},
        }));
    CAPTURE(fixture);
    const std::vector<Article> articles = read_charset_fixture(fixture);
    REQUIRE(articles.size() == 1);
    const Article& article = articles[0];
    CHECK(article.title == title);
    CHECK(article.body.find(body_words) != std::string::npos);
    CHECK(article.charset == charset);
    CHECK(article.charset_chosen_by == chosen_by);
    CHECK(article.replaced_bytes == 0);
}

TEST_CASE("charset labels map as browsers map them", "[charset]") {
    auto [label, charset] = GENERATE(table<std::string, std::string>({
        {"ISO-8859-1", "windows-1252"},
        {"us-ascii", "windows-1252"},
        {" \"UTF8\" ", "utf-8"},
        {"utf-8'", "utf-8"},  // a stray quote, as a real page writes it
        {"GB2312", "gb18030"},
        {"x-sjis", "shift_jis"},
        {"koi8-r", "koi8-r"},
        {"windows-1250", "windows-1250"},
        {"no-such-charset", ""},
        {"", ""},
    }));
    CHECK(canonical_charset(label) == charset);
}

TEST_CASE("undecodable bytes are replaced and counted, never dropped", "[charset]") {
    auto [bytes, charset, utf8, replaced] =
        GENERATE(table<std::string, std::string, std::string, std::size_t>({
            {"ok \xFF then", "utf-8", "ok \xEF\xBF\xBD then", 1},
            {"caf\xE9", "iso-8859-1", "caf\xC3\xA9", 0},
            {"a\x81z", "windows-1252", "a\xEF\xBF\xBDz", 1},               // undefined
            {"\x82\xA0\x82", "shift_jis", "\xE3\x81\x82\xEF\xBF\xBD", 1},  // cut at the end
        }));
    CAPTURE(bytes, charset);
    std::size_t count = 99;
    CHECK(convert_to_utf8(bytes, charset, &count) == utf8);
    CHECK(count == replaced);
    CHECK_FALSE(convert_to_utf8("x", "no-such-charset").has_value());
}

TEST_CASE("what a page declares, and what decides", "[charset]") {
    // Valid UTF-8 stays UTF-8 though the page says Latin-1; a page that says Latin-2 and is
    // not UTF-8 is read as Latin-2; a byte-order mark beats any declaration.
    auto [bytes, format, charset,
          chosen_by] = GENERATE(table<std::string, Format, std::string, std::string>({
        {"<meta charset=\"iso-8859-1\"><p>Caf\xC3\xA9</p>", Format::Html, "utf-8", "utf-8"},
        {"<meta charset=iso-8859-2><p>\xA3\xF3\x64\xBC</p>", Format::Html, "iso-8859-2",
         "declared"},
        {"<?xml version=\"1.0\" encoding=\"KOI8-R\"?><p>\xF0\xD2\xC9</p>", Format::Html, "koi8-r",
         "declared"},
        {"\xEF\xBB\xBF<meta charset=iso-8859-2><p>\xC5\x81</p>", Format::Html, "utf-8",
         "byte-order mark"},
        {"<meta charset=\"utf-16\"><p>plain ASCII</p>", Format::Html, "utf-8", "utf-8"},
        {std::string("{\0\"\0t\0\"\0:\0\"\0x\0\"\0}\0", 18), Format::Json, "utf-16le", "declared"},
        {"Plain English only.", Format::PlainText, "utf-8", "utf-8"},
    }));
    CAPTURE(bytes);
    const DecodedText decoded = decode_input(bytes, format);
    CHECK(decoded.charset == charset);
    CHECK(decoded.chosen_by == chosen_by);
}
