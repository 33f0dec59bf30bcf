// Hostile and broken input for every reader: huge lines, deep nesting, invalid UTF-8. Each
// case must end in articles with valid text or in one InputError, without crashing, hanging
// or using memory out of proportion to the input. The inputs are generated here, not kept as
// files.
#include <catch2/catch.hpp>
#include <random>

#include "errors.h"
#include "formats/reader.h"
#include "test_support.h"
#include "text/utf8.h"

using newsindex::Article;
using newsindex::Format;
using newsindex::InputError;
using newsindex::read_articles;
using newsindex::text::is_valid_utf8;

namespace {

// Ten megabytes; two under ASan (test_support.h).
constexpr std::size_t kLongLineBytes = (kSanitized ? 2u : 10u) << 20;
constexpr std::size_t kDeep = 100000;

std::string repeat(const std::string& piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

std::string line_of(std::size_t bytes, char c = 'a') {
    return std::string(bytes, c);
}

// "ab, ac, ad, ..." with no two alike and no digits (names with digits are dropped early).
std::string distinct_names(std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0) out += ", ";
        out += "Name ";
        for (std::size_t n = i + 1; n > 0; n /= 26) out.push_back(static_cast<char>('a' + n % 26));
    }
    return out;
}

bool all_valid(const Article& article) {
    bool ok = is_valid_utf8(article.title) && is_valid_utf8(article.body) &&
              is_valid_utf8(article.date) && is_valid_utf8(article.url) &&
              is_valid_utf8(article.record_key) && is_valid_utf8(article.message_id) &&
              is_valid_utf8(article.site_name) && is_valid_utf8(article.section) &&
              is_valid_utf8(article.language);
    for (const auto* list : {&article.authors, &article.tags, &article.related,
                             &article.photo_credits, &article.captions}) {
        for (const std::string& value : *list) ok = ok && is_valid_utf8(value) && !value.empty();
    }
    return ok && !article.title.empty() && article.title.find('\n') == std::string::npos;
}

// Reads bytes as format; returns the number of articles, or -1 when the input was refused
// with an InputError naming the source. Checks every article it gets.
long read_checked(const std::string& bytes, Format format) {
    long articles = 0;
    try {
        read_articles(
            bytes, "hostile", format, {},
            [&](Article&& article) {
                ++articles;
                CHECK(all_valid(article));
                CHECK(article.source_path == "hostile");
            },
            [&](const InputError& e) { CHECK(e.source() == "hostile"); });
    } catch (const InputError& e) {
        CHECK(e.source() == "hostile");
        CHECK(std::string(e.what()).rfind("hostile", 0) == 0);
        return -1;
    }
    return articles;
}

struct HostileCase {
    const char* name;
    Format format;
    std::string (*build)();
};

// Built one at a time, so that only one such input exists at once.
const HostileCase kLongLines[] = {
    {"text: one long title", Format::PlainText, [] { return line_of(kLongLineBytes); }},
    {"text: a long byline", Format::PlainText,
     [] { return "T\n\nBy " + repeat("Ann Lee, ", kLongLineBytes / 9) + "\n\nx"; }},
    {"text: open brackets", Format::PlainText,
     [] { return "T\n\n" + line_of(kLongLineBytes, '['); }},
    {"markdown: open brackets", Format::Markdown, [] { return line_of(kLongLineBytes, '['); }},
    {"markdown: links without targets", Format::Markdown,
     [] { return repeat("[a](", kLongLineBytes / 4); }},
    {"markdown: angle brackets", Format::Markdown, [] { return repeat("<a", kLongLineBytes / 2); }},
    {"markdown: emphasis marks", Format::Markdown, [] { return line_of(kLongLineBytes, '*'); }},
    {"markdown: front matter list", Format::Markdown,
     [] { return "---\ntags: [" + repeat("a, ", kLongLineBytes / 3) + "\n---\nx"; }},
    {"html: open tags", Format::Html, [] { return repeat("<a ", kLongLineBytes / 3); }},
    {"html: a long attribute", Format::Html,
     [] { return "<p title=\"" + line_of(kLongLineBytes) + "\">x</p>"; }},
    {"html: references", Format::Html, [] { return repeat("&#", kLongLineBytes / 2); }},
    {"html: unclosed script", Format::Html,
     [] { return "<title>t</title><script>" + line_of(kLongLineBytes); }},
    {"html: end tags only", Format::Html, [] { return repeat("</div>", kLongLineBytes / 6); }},
    {"json: a long string", Format::Json,
     [] { return "[{\"title\": \"" + line_of(kLongLineBytes) + "\"}]"; }},
    {"json: brackets", Format::Json, [] { return line_of(kLongLineBytes, '['); }},
    {"jsonl: a long line", Format::JsonLines,
     [] { return "{\"text\": \"" + line_of(kLongLineBytes) + "\"}\n{\"title\": \"ok\"}"; }},
    {"email: encoded-word openers", Format::Rfc822,
     [] { return "Subject: " + repeat("=?a?b", kLongLineBytes / 5) + "\n\nx"; }},
    {"email: a long body line", Format::Rfc822,
     [] { return "Subject: s\n\n" + line_of(kLongLineBytes); }},
    {"text: a byline of distinct names", Format::PlainText,
     [] { return "T\n\nBy " + distinct_names(1000000) + "\n\nx"; }},
    {"html: distinct keywords", Format::Html,
     [] { return "<meta name=\"keywords\" content=\"" + distinct_names(1000000) + "\"><p>x</p>"; }},
    {"json: distinct authors", Format::Json,
     [] { return "{\"title\": \"t\", \"authors\": \"" + distinct_names(1000000) + "\"}"; }},
    {"json: distinct tags", Format::Json,
     [] { return "{\"title\": \"t\", \"tags\": \"" + distinct_names(1000000) + "\"}"; }},
    {"email: parentheses in From", Format::Rfc822,
     [] { return "From: " + line_of(kLongLineBytes, '(') + "\nSubject: s\n\nx"; }},
};

}  // namespace

TEST_CASE("a line of megabytes is read in one pass by every reader", "[bad-input]") {
    for (const HostileCase& hostile : kLongLines) {
        CAPTURE(hostile.name);
        CHECK(read_checked(hostile.build(), hostile.format) != 0);
    }
}

TEST_CASE("nesting 100,000 deep costs no stack", "[bad-input]") {
    auto [name, bytes, format] = GENERATE(table<std::string, std::string, Format>({
        {"html: nested divs", repeat("<div>", kDeep) + "deep text" + repeat("</div>", kDeep),
         Format::Html},
        {"html: never closed", repeat("<div><span><article>", kDeep) + "x", Format::Html},
        {"html: JSON-LD",
         "<title>t</title><script type=\"application/ld+json\">" + repeat("[", kDeep) +
             repeat("]", kDeep) + "</script>",
         Format::Html},
        {"markdown: block quotes", repeat(">", kDeep) + " quoted", Format::Markdown},
        {"markdown: nested YAML",
         "---\n" +
             [] {
                 std::string yaml;
                 for (std::size_t i = 0; i < 2000; ++i) yaml += std::string(i, ' ') + "k:\n";
                 return yaml;
             }() +
             "---\nbody",
         Format::Markdown},
        {"json: nested arrays in a record",
         "[{\"title\": \"t\", \"x\": " + repeat("[", kDeep) + repeat("]", kDeep) + "}]",
         Format::Json},
        {"json: nested objects", repeat("{\"a\":", kDeep) + "1" + repeat("}", kDeep), Format::Json},
        {"jsonl: nested arrays", repeat("[", kDeep) + repeat("]", kDeep) + "\n{\"title\": \"t\"}",
         Format::JsonLines},
        {"email: nested multiparts",
         repeat("Content-Type: multipart/mixed; boundary=b\n\n--b\n", 2000) + "Subject: s\n\nx",
         Format::Rfc822},
    }));
    CAPTURE(name);
    CHECK(read_checked(bytes, format) != 0);
}

TEST_CASE("random bytes give valid UTF-8 or a clear error in every format", "[bad-input]") {
    std::mt19937 random(20230401);
    auto format = GENERATE(Format::PlainText, Format::Markdown, Format::Html, Format::Json,
                           Format::JsonLines, Format::Rfc822);
    for (int round = 0; round < 20; ++round) {
        std::string bytes(4096, ' ');
        for (char& c : bytes) c = static_cast<char>(1 + random() % 255);
        // Text-like: mostly printable, so that the binary check lets most of it through.
        for (std::size_t i = 0; i < bytes.size(); i += 3)
            bytes[i] = 'a' + static_cast<char>(i % 26);
        CAPTURE(newsindex::format_name(format), round);
        read_checked(bytes, format);
        read_checked("Subject: s\n\n" + bytes, format);
        read_checked("{\"title\": \"t\", \"text\": \"" + bytes + "\"}", format);
    }
}

TEST_CASE("invalid UTF-8 in otherwise good input is repaired, never passed on", "[bad-input]") {
    auto [bytes, format, title] = GENERATE(table<std::string, Format, std::string>({
        {"Caf\xE9\n\nbody\xFF\xFE", Format::PlainText, "Caf\xC3\xA9"},
        {"# Caf\xE9\n\nbody\xC0\xAF", Format::Markdown, "Caf\xC3\xA9"},
        {"<title>Caf\xE9</title><p>\xED\xA0\x80</p>", Format::Html, "Caf\xC3\xA9"},
        {"{\"title\": \"Caf\xE9\"}", Format::Json, "Caf\xC3\xA9"},
        {"{\"title\": \"Caf\xE9\"}\n", Format::JsonLines, "Caf\xC3\xA9"},
        {"Subject: Caf\xE9\n\nbody\x81", Format::Rfc822, "Caf\xC3\xA9"},
        {"{\"title\": \"a\\u0000b\\u001b[31m\"}", Format::Json, "ab[31m"},
    }));
    CAPTURE(bytes);
    std::vector<Article> articles;
    read_articles(
        bytes, "x", format, {}, [&](Article&& a) { articles.push_back(std::move(a)); },
        [](const InputError&) {});
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].title == title);
    CHECK(all_valid(articles[0]));
}

TEST_CASE("articles without title or date are read gracefully", "[bad-input]") {
    auto [bytes, format, title] = GENERATE(table<std::string, Format, std::string>({
        {"Only a first line", Format::PlainText, "Only a first line"},
        {"Just text, no heading.", Format::Markdown, "Just text, no heading."},
        {"<p>Text only.</p>", Format::Html, "Text only."},
        {"{\"body\": \"Text only.\"}", Format::Json, "Text only."},
        {"{\"body\": \"Text only.\"}", Format::JsonLines, "Text only."},
        {"From: a@example.org\n\nText only.", Format::Rfc822, "Text only."},
    }));
    CAPTURE(bytes);
    std::vector<Article> articles;
    read_articles(
        bytes, "x", format, {}, [&](Article&& a) { articles.push_back(std::move(a)); },
        [](const InputError&) {});
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].title == title);
    CHECK(articles[0].date.empty());
}
