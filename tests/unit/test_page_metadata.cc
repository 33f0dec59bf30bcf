// Site name, section, language and photo captions (issue 14 items 4 and 5): what each reader
// takes from the source, on small pages written for these tests.
#include <catch2/catch.hpp>

#include "errors.h"
#include "formats/html_captions.h"
#include "formats/plaintext.h"
#include "formats/reader.h"
#include "schema.h"
#include "text/language.h"

using newsindex::Article;
using newsindex::Format;
using Strings = std::vector<std::string>;

namespace {

// The one article bytes give as format, through the decoding stage as a file would be read.
Article read_one(const std::string& bytes, Format format) {
    std::vector<Article> articles;
    newsindex::read_articles(
        bytes, "test-page", format, newsindex::ReadOptions{},
        [&](Article&& a) { articles.push_back(std::move(a)); },
        [](const newsindex::InputError& e) { FAIL(e.what()); });
    REQUIRE(articles.size() == 1);
    return articles.front();
}

std::string page(const std::string& head, const std::string& body,
                 const std::string& html_attributes = "") {
    return "<!DOCTYPE html><html" + html_attributes + "><head><title>Harbour Reopens</title>" +
           head + "</head><body><article><h1>Harbour Reopens</h1>" + body +
           "<p>The harbour reopened on Monday after three weeks of repairs to the quay wall, "
           "the port authority said, and the first ferries are expected in the afternoon.</p>"
           "<p>Fishermen, who had to land their catch in the next town, welcomed the news, "
           "although some berths will stay closed until the spring.</p></article></body></html>";
}

}  // namespace

TEST_CASE("language tags become their primary subtag, or nothing", "[language]") {
    auto [declared, primary] = GENERATE(table<std::string, std::string>({
        {"de", "de"},
        {"DE-at", "de"},
        {"pt_BR", "pt"},
        {" en-US ", "en"},
        {"zh-Hans-CN", "zh"},
        {"de, en", "de"},
        {"fr;q=0.8", "fr"},
        {"haw", "haw"},
        {"deu", "de"},
        {"ger", "de"},
        {"iw", "he"},
        {"en-GB-oxendict", "en"},
        {"", ""},
        {"english", ""},
        {"e", ""},
        {"{{lang}}", ""},
        {"en--US", ""},
        {"en-", ""},
        {"en-toolongsubtag", ""},
        {"x-klingon", ""},
        {"i-klingon", ""},
        {"und", ""},
        {"zxx", ""},
        {"d\xC3\xA9", ""},
    }));
    CAPTURE(declared);
    CHECK(newsindex::text::primary_language(declared) == primary);
}

TEST_CASE("HTML pages give site name, section and language", "[html][metadata]") {
    auto [what, head, html_attributes, site_name, section,
          language] = GENERATE(table<std::string, std::string, std::string, std::string,
                                     std::string, std::string>({
        {"meta tags",
         "<meta property='og:site_name' content='The Harbour Post'>"
         "<meta property='article:section' content='Local News'>",
         " lang='en-GB'", "The Harbour Post", "Local News", "en"},
        {"nothing declared", "", "", "", "", ""},
        {"character references in attributes",
         "<meta property='og:site_name' content='Fish &amp; Ships'>", "", "Fish & Ships", "", ""},
        {"JSON-LD publisher, section and language",
         "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Harbour "
         "Reopens\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Coastal Times\"},"
         "\"articleSection\":[\"Business\",\"Ports\"],\"inLanguage\":\"nl-BE\"}</script>",
         "",
         "Coastal Times", "Business", "nl"},
        {"og:site_name and article:section win over JSON-LD",
         "<meta property='og:site_name' content='Port Daily'>"
         "<meta property='article:section' content='Economy'>"
         "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"publisher\":{\"name\":"
         "\"Port Daily Ltd\"},\"articleSection\":\"Business\"}</script>",
         "", "Port Daily", "Economy", ""},
        {"a publisher named elsewhere in the graph",
         "<script type='application/ld+json'>{\"@graph\":[{\"@type\":\"Organization\",\"@id\":"
         "\"https://ex.example/#org\",\"name\":\"Fjord Herald\"},{\"@type\":\"Article\","
         "\"headline\":\"Harbour Reopens\",\"publisher\":{\"@id\":\"https://ex.example/#org\"}}"
         "]}</script>",
         "", "Fjord Herald", "", ""},
        {"http-equiv content-language after an invalid <html lang>",
         "<meta http-equiv='Content-Language' content='es-MX'>", " lang='{{locale}}'", "", "",
         "es"},
        {"<html lang> wins over content-language and og:locale",
         "<meta http-equiv='content-language' content='fr'><meta property='og:locale' "
         "content='it_IT'>",
         " lang='de'", "", "", "de"},
        {"og:locale as the last resort", "<meta property='og:locale' content='pt_BR'>", "", "", "",
         "pt"},
        {"xml:lang", "", " xml:lang='pl'", "", "", "pl"},
    }));
    CAPTURE(what);
    const Article article = read_one(page(head, "", html_attributes), Format::Html);
    CHECK(article.site_name == site_name);
    CHECK(article.section == section);
    // What the page declares: a language detected from the text (language_origin) is none.
    CHECK((article.language_origin == Article::LanguageOrigin::detected
               ? std::string()
               : article.language) == language);
    CHECK(article.title == "Harbour Reopens");
}

TEST_CASE("figure captions and their credits, never in the body", "[html][captions]") {
    auto [what, figure, captions, credits] =
        GENERATE(table<std::string, std::string, Strings, Strings>({
            {"caption alone",
             "<figure><img src='q.jpg'><figcaption>The repaired quay wall at dawn.</figcaption>"
             "</figure>",
             {"The repaired quay wall at dawn."},
             {}},
            {"credit in a classed element",
             "<figure><img src='q.jpg'><figcaption>The repaired quay wall at dawn. <span "
             "class='image-credit'>Photo: Jane Roe / AFP</span></figcaption></figure>",
             {"The repaired quay wall at dawn."},
             {"Jane Roe / AFP"}},
            {"credit by itemprop, label left outside it",
             "<figure><img src='q.jpg'><figcaption><span itemprop='caption'>Gulls over the "
             "harbour.</span> Foto: <span itemprop='copyrightHolder'>dpa</span></figcaption>"
             "</figure>",
             {"Gulls over the harbour."},
             {"dpa"}},
            {"credit in <cite>",
             "<figure><figcaption>A ferry leaves the port.<cite>Lars Berg</cite></figcaption>"
             "</figure>",
             {"A ferry leaves the port."},
             {"Lars Berg"}},
            {"trailing credit after a label",
             "<figure><figcaption>A ferry leaves the port. (Foto: Lars Berg/dpa)</figcaption>"
             "</figure>",
             {"A ferry leaves the port."},
             {"Lars Berg/dpa"}},
            {"copyright sign and label together",
             "<figure><figcaption>A ferry leaves the port. - Bild: \xC2\xA9 Harbour Pictures"
             "</figcaption></figure>",
             {"A ferry leaves the port."},
             {"Harbour Pictures"}},
            {"a credit alone",
             "<figure><figcaption>Photo credit: Lars Berg</figcaption></figure>",
             {},
             {"Lars Berg"}},
            {"text for screen readers only",
             "<figure><figcaption><span class='off-screen'>Image caption</span>Gulls over the "
             "harbour.</figcaption></figure>",
             {"Gulls over the harbour."},
             {}},
            {"a word of the caption is no label",
             "<figure><figcaption>The photo shows the quay.</figcaption></figure>",
             {"The photo shows the quay."},
             {}},
            {"copyright as a word of the caption",
             "<figure><figcaption>Owners argue over copyright at the port museum.</figcaption>"
             "</figure>",
             {"Owners argue over copyright at the port museum."},
             {}},
            {"two figures, one caption repeated",
             "<figure><figcaption>Gulls over the harbour.</figcaption></figure><figure>"
             "<figcaption>Gulls over the harbour.</figcaption></figure><figure><figcaption>The "
             "old lighthouse.</figcaption></figure>",
             {"Gulls over the harbour.", "The old lighthouse."},
             {}},
        }));
    CAPTURE(what);
    const Article article = read_one(page("", figure), Format::Html);
    CHECK(article.captions == captions);
    CHECK(article.photo_credits == credits);
    for (const std::string& caption : captions)
        CHECK(article.body.find(caption) == std::string::npos);
    for (const std::string& credit : credits) CHECK(article.body.find(credit) == std::string::npos);
    CHECK(article.body.find("The harbour reopened on Monday") != std::string::npos);
}

TEST_CASE("captions of page furniture are not the article's", "[html][captions]") {
    const Article article = read_one(
        page("", "<figure><figcaption>The repaired quay wall.</figcaption></figure>") +
            "<aside><figure><figcaption>Teaser: Ten best beaches</figcaption></figure></aside>",
        Format::Html);
    CHECK(article.captions == Strings{"The repaired quay wall."});
}

TEST_CASE("the credit splitter on its own", "[captions]") {
    auto [text, caption, credit] = GENERATE(table<std::string, std::string, std::string>({
        {"Gulls over the harbour. Photo: Jane Roe", "Gulls over the harbour.", "Jane Roe"},
        {"Gulls over the harbour (Photo by Jane Roe/Getty Images)", "Gulls over the harbour",
         "Jane Roe/Getty Images"},
        {"Gulls \xE2\x80\x93 Image: Port Authority", "Gulls", "Port Authority"},
        {"\xC2\xA9 Jane Roe", "", "Jane Roe"},
        // Spans written without a space between caption and credit.
        {"Gulls over the harbour.Credit: Jane Roe", "Gulls over the harbour.", "Jane Roe"},
        {"Gulls over the harbour.\xC2\xA9 Jane Roe", "Gulls over the harbour.", "Jane Roe"},
        {"Gulls / Photo by Jane Roe on Unsplash", "Gulls", "Jane Roe on Unsplash"},
        {"Gulls over the harbour. Fotocredit: SID", "Gulls over the harbour.", "SID"},
    }));
    CAPTURE(text);
    std::string got_caption, got_credit;
    REQUIRE(newsindex::html::split_trailing_credit(text, got_caption, got_credit));
    CHECK(got_caption == caption);
    CHECK(got_credit == credit);
}

TEST_CASE("captions without a credit are not split", "[captions]") {
    auto text = GENERATE(as<std::string>{}, "The photography club meets at the harbour.",
                         "A dispute over copyright at the port museum.",
                         "Gulls photo by the harbour wall.", "Bildungsminister besucht den Hafen.");
    CAPTURE(text);
    std::string caption = "unchanged", credit = "unchanged";
    CHECK_FALSE(newsindex::html::split_trailing_credit(text, caption, credit));
    CHECK(caption == "unchanged");
}

TEST_CASE("the plain-text export's bold captions go to captions", "[plaintext][captions]") {
    auto [what, paragraph, captions, credits, in_body] =
        GENERATE(table<std::string, std::string, Strings, Strings, std::string>({
            {"caption with its bold credit",
             "Gulls over the harbour. **Jane Roe / AFP**",
             {"Gulls over the harbour."},
             {"Jane Roe / AFP"},
             ""},
            {"a wholly bold sentence",
             "**Gulls circle over the harbour.**",
             {"Gulls circle over the harbour."},
             {},
             ""},
            {"a bold subheading stays body text", "**What comes next**", {}, {}, "What comes next"},
        }));
    CAPTURE(what);
    const Article article =
        newsindex::read_plaintext_article("Harbour Reopens\n\nBy Jane Roe\n\nJanuary 29, 2022\n\n" +
                                              paragraph + "\n\nThe harbour reopened on Monday.\n",
                                          "export.txt");
    CHECK(article.captions == captions);
    CHECK(article.photo_credits == credits);
    CHECK(article.body ==
          (in_body.empty() ? "" : in_body + "\n\n") + "The harbour reopened on Monday.");
}

TEST_CASE("language from JSON keys, front matter and Content-Language", "[language]") {
    auto [what, format, bytes,
          language] = GENERATE(table<std::string, Format, std::string, std::string>({
        {"JSON language", Format::Json,
         R"({"title": "Harbour Reopens", "text": "The quay is mended.", "language": "sv-SE"})",
         "sv"},
        {"JSON lang", Format::Json,
         R"({"title": "Harbour Reopens", "text": "The quay is mended.", "lang": "FI"})", "fi"},
        {"JSON without", Format::Json, R"({"title": "Harbour Reopens", "text": "Mended."})", ""},
        {"JSON invalid", Format::Json,
         R"({"title": "Harbour Reopens", "text": "Mended.", "lang": "Swedish"})", ""},
        {"front matter lang", Format::Markdown,
         "---\ntitle: Harbour Reopens\nlang: da\n---\n\nThe quay is mended.\n", "da"},
        {"front matter language", Format::Markdown,
         "---\ntitle: Harbour Reopens\nlanguage: nb-NO\n---\n\nThe quay is mended.\n", "nb"},
        {"e-mail Content-Language", Format::Rfc822,
         "From: Jane Roe <jane@example.org>\nSubject: Harbour Reopens\nContent-Language: "
         "cs\n\nThe quay is mended.\n",
         "cs"},
        {"e-mail without", Format::Rfc822,
         "From: Jane Roe <jane@example.org>\nSubject: Harbour Reopens\n\nThe quay is mended.\n",
         ""},
    }));
    CAPTURE(what);
    const Article article = read_one(bytes, format);
    // What the source declares: a language detected from the text (language_origin) is none.
    CHECK((article.language_origin == Article::LanguageOrigin::detected
               ? std::string()
               : article.language) == language);
}

TEST_CASE("lang: values are normalised as the indexer normalises them", "[schema][language]") {
    const newsindex::schema::Field* lang = newsindex::schema::find_field("lang");
    REQUIRE(lang);
    CHECK(lang->kind == newsindex::schema::FieldKind::Boolean);
    auto [typed, value] = GENERATE(table<std::string, std::string>({
        {"de", "de"},
        {"DE", "de"},
        {"de-AT", "de"},
        {"pt_BR", "pt"},
        {"German", "german"},
    }));
    CHECK(newsindex::schema::normalise_boolean_value(*lang, typed) == value);
}
