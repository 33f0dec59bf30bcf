// Stemming by language (common/stemmer.h) and the CJK test the indexer's n-gram terms rely on
// (text::is_cjk).
#include <catch2/catch.hpp>

#include "stemmer.h"
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
