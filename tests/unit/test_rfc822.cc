#include <catch2/catch.hpp>

#include "errors.h"
#include "formats/rfc822.h"
#include "test_support.h"

using newsindex::Article;
using newsindex::author_from_header;
using newsindex::decode_mime_header;
using newsindex::InputError;
using Names = std::vector<std::string>;

namespace {

struct Rfc822Result {
    std::vector<Article> articles;
    Names problems;
};

Rfc822Result read_bytes(const std::string& bytes, const std::string& source) {
    Rfc822Result result;
    newsindex::read_rfc822_articles(
        bytes, source, [&](Article&& a) { result.articles.push_back(std::move(a)); },
        [&](const InputError& e) { result.problems.push_back(e.what()); });
    return result;
}

Rfc822Result read_rfc822(const std::string& fixture) {
    return read_bytes(read_fixture("formats/email/" + fixture), fixture);
}

}  // namespace

TEST_CASE("messages give title, author, date, Message-ID and tags", "[rfc822]") {
    auto [fixture, index, key, title, authors, date, message_id, tags] =
        GENERATE(table<std::string, std::size_t, std::string, std::string, Names, std::string,
                       std::string, Names>({
            // Folded Subject, "address (Name)", comment after the zone, newsgroups and keywords.
            {"usenet-post",
             0,
             "",
             "Re: Measuring the brightness of variable stars with small telescopes",
             {"Katya Petrova"},
             "1993-04-06T10:32:11-05:00",
             "1993Apr6.153211.2841@physics.example.edu",
             {"sci.astro", "sci.space", "photometry", "amateur"}},
            // Encoded-words in ISO-8859-1 (Q) and UTF-8 (B and Q), CR LF line ends.
            {"mime-encoded.eml",
             0,
             "",
             "Caf\xC3\xA9 owners protest new rules",
             {"Jos\xC3\xA9 Mart\xC3\xADnez"},
             "2023-03-02T18:05+01:00",
             "20230302180500.77@example.es",
             {}},
            // A quoted "Last, First" display name stays one author.
            {"multipart.eml",
             0,
             "",
             "Market Hall Gets New Roof",
             {"Doe, Jane"},
             "2023-03-15T09:00:00Z",
             "roof-1@example.org",
             {}},
            {"two-digit-year",
             0,
             "",
             "Old server retired",
             {"ops@example.net"},
             "1993-04-06T15:32:11+01:00",
             "old-1@example.net",
             {}},
            {"wire.mbox",
             0,
             "message 1",
             "Snow closes mountain pass",
             {"Wire Desk"},
             "2023-01-02T09:58:00Z",
             "wire-1@example.com",
             {}},
            {"wire.mbox",
             1,
             "message 3",
             "Pass reopens",
             {"Wire Desk"},
             "2023-01-02T11:58:00Z",
             "wire-3@example.com",
             {}},
        }));
    CAPTURE(fixture, index);
    Rfc822Result result = read_rfc822(fixture);
    REQUIRE(index < result.articles.size());
    const Article& article = result.articles[index];
    CHECK(article.record_key == key);
    CHECK(article.title == title);
    CHECK(article.authors == authors);
    CHECK(article.date == date);
    CHECK(article.message_id == message_id);
    CHECK(article.tags == tags);
    CHECK(article.url.empty());
    CHECK(article.source_path == fixture);
}

TEST_CASE("message bodies: transfer encodings, charsets, parts, signatures", "[rfc822]") {
    auto [fixture, body] = GENERATE(table<std::string, std::string>({
        {"usenet-post",
         "In article <abc@example.net> someone writes: > Can a small telescope measure "
         "brightness well?\n\n"
         "Yes. A cheap photometer on a 20 cm telescope gets within a few hundredths of a "
         "magnitude."},
        {"mime-encoded.eml",
         "Owners of caf\xC3\xA9s marched to the town hall on Thursday to protest the new terrace "
         "rules.\n\nThe council will meet them next week."},
        {"multipart.eml",
         "The market hall roof will be replaced this summer.\n\nStalls stay open during the work."},
    }));
    CAPTURE(fixture);
    Rfc822Result result = read_rfc822(fixture);
    REQUIRE(result.articles.size() == 1);
    CHECK(result.articles[0].body == body);
}

TEST_CASE("an mbox message without subject or text is reported and skipped", "[rfc822]") {
    Rfc822Result result = read_rfc822("wire.mbox");
    CHECK(result.articles.size() == 2);
    CHECK(result.problems == Names{"wire.mbox:9: message 2: no subject and no text"});
}

TEST_CASE("a single message with neither subject nor text is refused", "[rfc822]") {
    REQUIRE_THROWS_WITH(read_bytes("From: a@example.org\n\n\n", "empty.eml"),
                        "empty.eml: no subject and no text in the message");
}

TEST_CASE("an HTML-only message is converted to text", "[rfc822]") {
    Rfc822Result result = read_bytes(
        "Subject: Only HTML\nContent-Type: text/html; charset=utf-8\n\n"
        "<html><body><p>First &amp; only.</p><script>x()</script></body></html>\n",
        "html.eml");
    REQUIRE(result.articles.size() == 1);
    CHECK(result.articles[0].body == "First & only.");
}

TEST_CASE("MIME encoded-words are decoded", "[rfc822]") {
    auto [raw, decoded] = GENERATE(table<std::string, std::string>({
        {"=?UTF-8?Q?Caf=C3=A9?=", "Caf\xC3\xA9"},
        {"=?utf-8?b?Q2Fmw6k=?=", "Caf\xC3\xA9"},
        {"=?ISO-8859-1?Q?Jos=E9?= Ruiz", "Jos\xC3\xA9 Ruiz"},
        {"=?windows-1252?Q?=93quoted=94?=", "\xE2\x80\x9Cquoted\xE2\x80\x9D"},
        {"=?UTF-8?Q?a?= =?UTF-8?Q?b?=", "ab"},
        {"=?UTF-8?Q?a?= and =?UTF-8?Q?b?=", "a and b"},
        {"=?UTF-8*en?Q?lang?=", "lang"},
        {"not =?encoded", "not =?encoded"},
        {"=?UTF-8?X?unknown?=", "=?UTF-8?X?unknown?="},
        {"Ren\xE9 in Latin-1 bytes", "Ren\xC3\xA9 in Latin-1 bytes"},
        // Declared UTF-8 that is not: replaced, not guessed (issue 14: never dropped silently).
        {"=?UTF-8?Q?=FF?=", "\xEF\xBF\xBD"},
        // Charsets beyond Latin-1, through iconv (issue 14).
        {"=?ISO-8859-2?Q?=A3=F3d=BC?=",
         "\xC5\x81\xC3\xB3"
         "d\xC5\xBA"},
        {"=?KOI8-R?B?8NLJ18XU?=", "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},
        {"=?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"},
        // A raw ISO-2022-JP header, not an encoded-word: its escape sequences say the charset.
        {"\x1b$BF|K\\8l\x1b(B", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"},
    }));
    CAPTURE(raw);
    CHECK(decode_mime_header(raw) == decoded);
}

TEST_CASE("From headers name their author", "[rfc822]") {
    auto [from, author] = GENERATE(table<std::string, std::string>({
        {"Jane Doe <jd@example.org>", "Jane Doe"},
        {"\"Jane Q. Doe\" <jd@example.org>", "Jane Q. Doe"},
        {"\"Doe, \\\"JD\\\" Jane\" <jd@example.org>", "Doe, \"JD\" Jane"},
        {"jd@example.org (Jane Doe)", "Jane Doe"},
        {"jd@example.org ()", "jd@example.org"},
        {"<jd@example.org>", "jd@example.org"},
        {"jd@example.org", "jd@example.org"},
        {"", ""},
    }));
    CAPTURE(from);
    CHECK(author_from_header(from) == author);
}
