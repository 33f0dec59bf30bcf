// Stemming and query stop words by language (common/stemmer.h, stop_words.h) and the CJK test the
// indexer's n-gram terms rely on (text::is_cjk).
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "query.h"
#include "schema.h"
#include "stemmer.h"
#include "stop_words.h"
#include "test_support.h"
#include "text/elision.h"
#include "text/utf8.h"

using namespace newsindex;

TEST_CASE("each article language gets its Snowball stemmer, the rest English", "[languages]") {
    const auto [language, stemmer] = GENERATE(table<std::string, std::string>({
        {"de", "german"},
        {"fr", "french"},
        {"es", "spanish"},
        {"ru", "russian"},
        {"nb", "norwegian"},
        {"nn", "norwegian"},
        {"en", "english"},
        {"", "english"},
        {"pl", "english"},  // no Polish stemmer in Xapian 1.4
        {"zh", "english"},  // n-grams, not stems
        {"xx", "english"},
    }));
    CAPTURE(language);
    CHECK(stemmer_language(language) == stemmer);
}

TEST_CASE("a language's stemmer stems its inflections together", "[languages]") {
    const auto [language, one, other] = GENERATE(table<std::string, std::string, std::string>({
        {"de", "regierung", "regierungen"},
        {"fr", "election", "elections"},
        {"es", "conexion", "conexiones"},
        {"ru", "порта", "порту"},
        {"en", "government", "governments"},
    }));
    CAPTURE(language, one, other);
    Xapian::Stem stem = remembering_stemmer(language);
    CHECK(stem(one) == stem(other));
    CHECK(stem(one) == Xapian::Stem(stemmer_language(language))(one));
}

TEST_CASE("languages with their own stemmer exclude the default", "[languages]") {
    const auto& languages = languages_with_own_stemmer();
    CHECK(std::is_sorted(languages.begin(), languages.end()));
    CHECK(std::find(languages.begin(), languages.end(), "en") == languages.end());
    CHECK(std::find(languages.begin(), languages.end(), "de") != languages.end());
}

TEST_CASE("CJK code points are told from others", "[languages]") {
    const auto [code_point, cjk] = GENERATE(table<unsigned, bool>({
        {0x5317, true},    // 北
        {0x3042, true},    // hiragana a
        {0x30AB, true},    // katakana ka
        {0xD55C, true},    // hangul han
        {0xFF21, true},    // full-width A
        {0x20B9F, true},   // an ideograph of extension B
        {0x0041, false},   // A
        {0x00E9, false},   // é
        {0x0416, false},   // Cyrillic Zhe
        {0x05D0, false},   // Hebrew alef
        {0x1F600, false},  // an emoji
    }));
    CAPTURE(code_point);
    CHECK(text::is_cjk(code_point) == cjk);
}

TEST_CASE("each language drops its own function words from queries, folded as the index is",
          "[languages]") {
    const auto [language, word, stopped] = GENERATE(table<std::string, std::string, bool>({
        {"de", "der", true},  {"de", "fur", true},  // "für", folded
        {"de", "dass", true}, {"de", "regierung", false},
        {"de", "mai", false},  // a month
        {"fr", "ou", true},    // "où", folded
        {"fr", "chez", true}, {"fr", "election", false},
        {"es", "mas", true},  // "más", folded
        {"it", "piu", true},  // "più", folded
        {"pt", "nao", true},  // "não", folded
        {"nl", "het", true},  {"nl", "haar", false},
        {"ru", "это", true},  {"ru", "еще", true},  // "ещё", folded
        {"en", "the", true},  {"en", "may", false},
        {"", "the", true},    // no language: English
        {"sv", "the", true},  // no list of its own: English
        {"sv", "och", false},
    }));
    CAPTURE(language, word);
    const std::vector<std::string>& words = query_stop_words(language);
    CHECK(std::binary_search(words.begin(), words.end(), word) == stopped);
}

TEST_CASE("French, Italian and Catalan elisions are set apart from their words", "[languages]") {
    const auto [language, text, split] = GENERATE(table<std::string, std::string, std::string>({
        {"fr", "l'élection", "l élection"},
        {"fr", "L\u2019Élysée", "L Élysée"},  // the typographic apostrophe, a capital
        {"fr", "d'autres qu'il jusqu'ici", "d autres qu il jusqu ici"},
        {"fr", "aujourd'hui", "aujourd'hui"},  // not an elided form
        {"fr", "O'Brien", "O'Brien"},          // nor is this
        {"fr", "l' après", "l' après"},        // no word after it
        {"fr", "ménagél'eau", "ménagél'eau"},  // inside a word
        {"it", "dell'anno nell\u02BCUnione", "dell anno nell Unione"},
        {"it", "«L'Italia» e “l’Europa”", "«L Italia» e “l Europa”"},  // after quote marks
        {"it", "dell'11 settembre", "dell 11 settembre"},              // before a digit
        {"fr", "fin l'", "fin l'"},                                    // at the very end
        {"ca", "l'Ajuntament d'Olot", "l Ajuntament d Olot"},
        {"en", "don't l'election", "don't l'election"},  // English keeps its apostrophes
        {"de", "l'élection", "l'élection"},
    }));
    CAPTURE(language, text);
    CHECK(text::split_elisions(text, language) == split);
    CHECK(text::has_elisions(language) ==
          (language == "fr" || language == "it" || language == "ca"));
}

TEST_CASE("languages whose stems of a query agree share one branch of it", "[languages][query]") {
    // Four articles: English, German, French, Dutch, each holding the stems its own language
    // gives "oil" and "prices" (the indexer writes them so, text/language.h).
    TempDir dir;
    const std::string path = (dir.path() / "db").string();
    const std::vector<std::pair<std::string, std::string>> articles = {
        {"en", "english"}, {"de", "german"}, {"fr", "french"}, {"nl", "dutch"}};
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
        for (const auto& [code, stemmer_name] : articles) {
            const Xapian::Stem stem(stemmer_name);
            Xapian::Document doc;
            doc.add_boolean_term(newsindex::schema::language_term(code));
            doc.add_posting("Z" + stem("oil"), 1);
            doc.add_posting("Z" + stem("prices"), 2);
            db.add_document(doc);
        }
        db.commit();
    }
    Xapian::Database db(path);
    newsindex::searcher::QueryBuilder builder(db, "20260101");
    auto matches = [&](const Xapian::Query& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        std::vector<Xapian::docid> found;
        const Xapian::MSet mset = enquire.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it) found.push_back(*it);
        std::sort(found.begin(), found.end());
        return found;
    };
    const std::vector<Xapian::docid> all = {1, 2, 3, 4};
    // "oil" stems alike in all four: one query, no language filter at all.
    const auto oil = builder.parse("oil", newsindex::searcher::MatchMode::AllWords, false);
    CHECK(oil.query.get_description().find("FILTER") == std::string::npos);
    CHECK(oil.query.get_description().find("AND_NOT") == std::string::npos);
    CHECK(matches(oil.query) == all);
    // "oil prices": each article still matched by its own language's stems, every one found,
    // and no language has a branch of its own for a query another gives alike.
    const auto prices =
        builder.parse("oil prices", newsindex::searcher::MatchMode::AllWords, false);
    CHECK(matches(prices.query) == all);
    const std::string description = prices.query.get_description();
    INFO(description);
    std::set<std::string> stems;
    for (const auto& [code, stemmer_name] : articles)
        stems.insert(Xapian::Stem(stemmer_name)("prices"));
    std::size_t filters = 0;
    for (std::size_t at = description.find("FILTER"); at != std::string::npos;
         at = description.find("FILTER", at + 1))
        ++filters;
    // One branch per distinct stem; the default's (English) needs no filter of its own.
    CHECK(filters == stems.size() - 1);
}
