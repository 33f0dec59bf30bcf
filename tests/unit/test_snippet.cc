#include <catch2/catch.hpp>

#include "printer.h"
#include "schema.h"
#include "snippet.h"
#include "stemmer.h"
#include "test_support.h"
#include "text/elision.h"
#include "text/fold.h"

using newsindex::searcher::parse_marked_snippet;
using newsindex::searcher::SnippetPart;

TEST_CASE("marked snippets split into matched and unmatched plain-text parts", "[snippet]") {
    auto parts = parse_marked_snippet(
        "\xE2\x80\xA6the \x02Nord\x03 \x02Stream\x03 &amp; &quot;gas&quot; "
        "&lt;b&gt;&#233;&#x2014;");
    // Words matched one by one that stand together are one highlight, as a phrase would be.
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].text == "\xE2\x80\xA6the ");
    CHECK_FALSE(parts[0].matched);
    CHECK(parts[1].text == "Nord Stream");
    CHECK(parts[1].matched);
    CHECK(parts[2].text == " & \"gas\" <b>\xC3\xA9\xE2\x80\x94");
    CHECK_FALSE(parts[2].matched);
}

TEST_CASE("matches apart stay apart", "[snippet]") {
    auto parts = parse_marked_snippet("\x02oil\x03 and \x02gas\x03  \x02prices\x03");
    REQUIRE(parts.size() == 5);
    CHECK(parts[0].text == "oil");
    CHECK(parts[2].text == "gas");
    CHECK(parts[3].text == "  ");
    CHECK(parts[4].text == "prices");
}

TEST_CASE("ampersands that are not entities are kept", "[snippet]") {
    auto parts = parse_marked_snippet("AT&T & co &unknown; &#xZZ;");
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].text == "AT&T & co &unknown; &#xZZ;");
}

// ---- The snippet window and the stemmers behind snippets -----------------------------------

using newsindex::searcher::make_snippet;
using newsindex::searcher::plain_text;
using newsindex::searcher::query_words;
using newsindex::searcher::snippet_stemmer;

namespace {

// The one document of a database in dir, indexed from indexed (the text as the indexer would
// give it to Xapian) with stemmer, searched for query parsed with the same stemmer; query
// receives the parsed query.
Xapian::MSet search_one_document(const TempDir& dir, const std::string& indexed,
                                 const Xapian::Stem& stemmer, const std::string& query_text,
                                 Xapian::Query& query) {
    Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(stemmer);
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(indexed);
    db.add_document(doc);
    db.commit();
    Xapian::QueryParser parser;
    parser.set_stemmer(stemmer);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    query = parser.parse_query(query_text);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    return enquire.get_mset(0, 1);
}

}  // namespace

TEST_CASE("the remembering stemmer stems as Xapian's, the first time and when it remembers",
          "[snippet][stemmer]") {
    const std::string word = GENERATE(as<std::string>{}, "running", "prices", "rise", "ugly",
                                      "dying", "news", "skis", "generously", "", "Zürich");
    Xapian::Stem remembering = newsindex::remembering_stemmer();
    const Xapian::Stem snowball{std::string(newsindex::schema::kStemLanguage)};
    CHECK(remembering(word) == snowball(word));
    CHECK(remembering(word) == snowball(word));
}

TEST_CASE("the snippet stemmer stems words that may be query words and leaves the rest",
          "[snippet][stemmer]") {
    Xapian::Stem stemmer = snippet_stemmer({"price", "oil"}, newsindex::remembering_stemmer());
    CHECK(stemmer("prices") == "price");
    CHECK(stemmer("oilfields") == "oilfield");
    CHECK(stemmer("running") == "running");  // "run" to Snowball, but it cannot be a query word
}

TEST_CASE("a match deep in a long article is shown, with the text left out marked", "[snippet]") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "Filler words about nothing much. ";
    text += "The pipeline operators said prices would rise. ";
    for (int i = 0; i < 200; ++i) text += "More filler after it. ";
    TempDir dir;
    Xapian::Query query;
    const Xapian::MSet mset =
        search_one_document(dir, text, newsindex::remembering_stemmer(), "pipelines", query);
    REQUIRE(mset.size() == 1);
    const std::vector<std::string> words = query_words(query);
    CHECK(words == std::vector<std::string>{"pipelin"});
    const auto parts = make_snippet(mset, text, words,
                                    snippet_stemmer(words, newsindex::remembering_stemmer()), 120);
    const std::string shown = plain_text(parts);
    CHECK(shown.rfind("…", 0) == 0);
    CHECK(shown.size() >= 3 + 3);
    CHECK(shown.compare(shown.size() - 3, 3, "…") == 0);
    CHECK(shown.size() <= 120 + 2 * 3);
    bool pipeline_matched = false;
    for (const auto& part : parts) pipeline_matched |= part.matched && part.text == "pipeline";
    CHECK(pipeline_matched);
}

TEST_CASE("a folded match deep in a long article is found and marked, after an elision too",
          "[snippet][languages]") {
    // The index folds accents and sets French elisions apart; the text shown keeps them.
    auto [sentence, marked] = GENERATE(table<std::string, std::string>({
        {"Le bureau attend l\u2019\u00c9lection du maire. ", "l\u2019\u00c9lection"},
        {"Le bureau attend l'\u00e9lection du maire. ", "l'\u00e9lection"},
        {"Les \u00e9lections du maire approchent. ", "\u00e9lections"},
    }));
    CAPTURE(sentence);
    std::string text;
    for (int i = 0; i < 200; ++i) text += "Des mots pour rien du tout. ";
    text += sentence;
    for (int i = 0; i < 200; ++i) text += "Encore des mots apr\u00e8s. ";
    const Xapian::Stem french = newsindex::remembering_stemmer("fr");
    TempDir dir;
    Xapian::Query query;
    const Xapian::MSet mset = search_one_document(
        dir, newsindex::text::split_elisions(newsindex::text::fold_for_search(text), "fr"), french,
        "election", query);
    REQUIRE(mset.size() == 1);
    const std::vector<std::string> words = query_words(query);
    const auto parts = make_snippet(mset, text, words, snippet_stemmer(words, french, "fr"), 120);
    bool found = false;
    for (const auto& part : parts) found |= part.matched && part.text == marked;
    CHECK(found);
}

TEST_CASE("snippets are made only for output that shows them", "[snippet][output]") {
    using newsindex::searcher::OutputFormat;
    auto [format, fields, shown] = GENERATE(table<OutputFormat, std::string, bool>({
        {OutputFormat::Text, "", true},
        {OutputFormat::Json, "", true},
        {OutputFormat::JsonLines, "rank,title", false},
        {OutputFormat::JsonLines, "title,snippet_html", true},
        {OutputFormat::Tsv, "", false},
        {OutputFormat::Tsv, "rank,snippet", true},
        {OutputFormat::Paths, "", false},
        {OutputFormat::Count, "", false},
    }));
    newsindex::searcher::PrintOptions options;
    std::string unknown;
    if (!fields.empty())
        REQUIRE(newsindex::searcher::select_hit_fields(fields, options.fields, unknown));
    CHECK(newsindex::searcher::shows_snippets(format, options) == shown);
}
