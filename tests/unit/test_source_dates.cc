// Numeric dates that only the article's language can order, in every format that gives a
// date (formats/article_text.h, read_source_date and settle_date), and the database's
// default language (ReadOptions::default_language; indexer/settings.h).
#include <catch2/catch.hpp>

#include "errors.h"
#include "formats/reader.h"
#include "settings.h"

using newsindex::Article;
using newsindex::Format;

namespace {

Article read_one(const std::string& text, Format format, const std::string& default_language) {
    newsindex::ReadOptions options;
    options.default_language = default_language;
    std::vector<Article> articles;
    newsindex::read_articles(
        text, "/fixture", format, options,
        [&](Article&& article) { articles.push_back(std::move(article)); },
        [](const newsindex::InputError& e) { FAIL(e.what()); });
    REQUIRE(articles.size() == 1);
    return articles.front();
}

// A body long enough for the language detector, in German or English.
const std::string kGerman =
    "Die Stadtwerke erhöhen zum Sommer die Preise für Strom und Wasser. Der Stadtrat hatte die "
    "Erhöhung im Winter beschlossen, nachdem die Kosten für Energie gestiegen waren.";
const std::string kEnglish =
    "The night ferry to the outer islands runs again from Tuesday, the harbour office said, "
    "after a winter spent refitting both boats.";

}  // namespace

TEST_CASE("a numeric date is ordered by the article's language in every format",
          "[dates][languages][formats]") {
    auto [name, format, text, date,
          note] = GENERATE(table<const char*, Format, std::string, std::string, std::string>({
        {"plain text, German detected", Format::PlainText,
         "Preise steigen\n\n03.04.2022\n\n" + kGerman + "\n", "2022-04-03", ""},
        {"plain text, English detected", Format::PlainText,
         "Ferries return\n\n03/04/2022\n\n" + kEnglish + "\n", "",
         "03/04/2022: day and month order unknown for language en"},
        {"plain text, byline with a date", Format::PlainText,
         "Preise steigen\n\nBy Anna Berg | 03.04.2022\n\n" + kGerman + "\n", "2022-04-03", ""},
        {"plain text, day above 12", Format::PlainText,
         "Ferries return\n\n13/04/2022\n\n" + kEnglish + "\n", "2022-04-13", ""},
        {"JSON, French declared", Format::Json,
         R"({"title": "Les prix montent", "language": "fr", "date": "03/04/2022", "body": "x"})",
         "2022-04-03", ""},
        {"JSON, English declared", Format::Json,
         R"({"title": "Prices rise", "language": "en", "date": "03/04/2022", "body": "x"})", "",
         "03/04/2022: day and month order unknown for language en"},
        {"Markdown front matter, Spanish", Format::Markdown,
         "---\ntitle: Suben los precios\nlang: es\ndate: 03/04/2022\n---\n\nTexto.\n", "2022-04-03",
         ""},
        {"HTML meta date, Dutch", Format::Html,
         "<html lang=\"nl\"><head><title>Prijzen stijgen</title><meta name=\"date\" "
         "content=\"03-04-2022\"></head><body><p>Tekst.</p></body></html>",
         "2022-04-03", ""},
        {"HTML, an ISO date after an unordered one wins", Format::Html,
         "<html lang=\"en\"><head><title>Prices rise</title><meta "
         "property=\"article:published_time\" content=\"03/04/2022\"><meta name=\"date\" "
         "content=\"2022-03-04\"></head>"
         "<body><p>Text.</p></body></html>",
         "2022-03-04", ""},
    }));
    CAPTURE(name);
    const Article article = read_one(text, format, "");
    CHECK(article.date == date);
    CHECK(article.date_note == note);
    CHECK(article.date_unordered.empty());
}

TEST_CASE("the database's default language orders the date of an article that has none",
          "[dates][languages]") {
    const std::string text = "Kurz\n\n03/04/2022\n\nOk.\n";
    const Article unknown = read_one(text, Format::PlainText, "");
    CHECK(unknown.language.empty());
    CHECK(unknown.date.empty());
    CHECK(unknown.date_note == "03/04/2022: day and month order unknown (language unknown)");

    const Article defaulted = read_one(text, Format::PlainText, "fr");
    CHECK(defaulted.language == "fr");
    CHECK(defaulted.language_origin == Article::LanguageOrigin::database_default);
    CHECK(defaulted.date == "2022-04-03");
    CHECK(defaulted.date_note.empty());

    // A declared or detected language is never replaced by the default.
    const Article detected = read_one("Ferries\n\n" + kEnglish + "\n", Format::PlainText, "fr");
    CHECK(detected.language == "en");
    CHECK(detected.language_origin == Article::LanguageOrigin::detected);
}

TEST_CASE("the language option: its values, and when a database may change its default",
          "[languages][settings]") {
    using newsindex::indexer::language_for_run;
    using newsindex::indexer::language_option;
    CHECK(language_option("de-AT") == "de");
    CHECK(language_option("deu") == "de");
    CHECK(language_option("pt_BR") == "pt");
    CHECK_THROWS_AS(language_option("german"), newsindex::UsageError);
    CHECK_THROWS_AS(language_option(""), newsindex::UsageError);

    auto [given, recorded, documents, result] =
        GENERATE(table<std::string, std::string, unsigned, std::string>({
            {"", "", 0, ""},        // nothing given or recorded
            {"", "de", 5, "de"},    // the recorded one
            {"de", "", 0, "de"},    // a new database takes it
            {"de", "de", 5, "de"},  // the same again
            {"fr", "de", 0, "fr"},  // an empty database (a rebuild's) may change it
        }));
    CHECK(language_for_run(given, recorded, documents, "db") == result);
}

TEST_CASE("the language option may not change the default of a database with documents",
          "[languages][settings]") {
    using newsindex::indexer::language_for_run;
    CHECK_THROWS_WITH(language_for_run("fr", "de", 3, "/var/news/db"),
                      Catch::Contains("database /var/news/db was indexed with the default "
                                      "language de; --language fr"));
    CHECK_THROWS_WITH(language_for_run("fr", "", 3, "/var/news/db"),
                      Catch::Contains("with no default language"));
}
