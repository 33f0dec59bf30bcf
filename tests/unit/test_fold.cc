#include <catch2/catch.hpp>

#include "text/fold.h"

using newsindex::text::fold_for_search;

TEST_CASE("folding for search: compatibility forms, case, marks and stroke letters", "[fold]") {
    auto [input, folded] = GENERATE(table<std::string, std::string>({
        // The examples of issue 18 item 4.
        {"Stra\xC3\x9F"
         "e",
         "Strasse"},  // ß: case folding
        {"STRA\xE1\xBA\x9E"
         "E",
         "STRAssE"},                                                   // ẞ capital sharp s
        {"\xC3\x98rsted \xC3\xB8l", "orsted ol"},                      // Ø ø: the table
        {"\xEF\xAC\x81nance", "finance"},                              // ﬁ ligature: NFKC
        {"\xEF\xBC\xAE\xEF\xBC\xA1\xEF\xBC\xB4\xEF\xBC\xAF", "nato"},  // ＮＡＴＯ full-width
        {"\xEF\xBD\xB6\xEF\xBE\x80", "\xE3\x82\xAB\xE3\x82\xBF"},      // ｶﾀ half-width kana
        // Marks on precomposed and decomposed letters, in several scripts.
        {"caf\xC3\xA9", "cafe"},                                         // é
        {"\xC3\x80\xC3\x81\xC3\x82\xC3\x83\xC3\x84\xC3\x85", "aaaaaa"},  // À..Å
        {"e\xCC\x81te\xCC\x81", "ete"},                                  // e + combining acute
        {"n\xCC\x83\xCC\x88", "n"},                                      // stacked combining marks
        {"\xCC\x81x", "x"},                                              // a mark with no base
        {"\xC5\x81\xC3\xB3"
         "d\xC5\xBA Wa\xC5\x82\xC4\x99sa",
         "lodz Walesa"},                                                         // Łódź Wałęsa
        {"Dvo\xC5\x99\xC3\xA1k \xC8\x98tef\xC4\x83nescu", "Dvorak stefanescu"},  // ř á Ș ă
        {"\xC4\xB0stanbul \xC4\xB1", "istanbul i"},                              // İ ı (Turkish)
        {"\xC6\xA0\xC6\xA1\xC6\xAF\xC6\xB0", "oouu"},  // Ơ ơ Ư ư (Vietnamese)
        {"\xC7\xBF", "o"},                             // ǿ: ø with acute
        {"\xCE\x86\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1", "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1"},
        // Ἀθήνα -> αθηνα; Greek final sigma folds as sigma does (ΣΩΣ, σως)
        {"\xCE\xA3\xCE\xA9\xCE\xA3 \xCF\x83\xCF\x89\xCF\x82",
         "\xCF\x83\xCF\x89\xCF\x83 \xCF\x83\xCF\x89\xCF\x83"},
        {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xD0\x81",
         "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xD0\xB5"},  // Москва Ё -> москва е
        // Letters without a decomposition, and their capitals.
        {"\xC3\x86sir \xC3\xA6on \xC5\x92uvre \xC5\x93uf", "aesir aeon oeuvre oeuf"},  // Æ æ Œ œ
        {"\xC3\x9E"
         "orn \xC3\xBE"
         "ing",
         "thorn thing"},                                         // Þ þ
        {"\xC3\x90\xC3\xB0 \xC4\x90uro \xC4\x91", "dd duro d"},  // Ð ð Đ đ
        {"\xC5\x81\xC3\xB3\xC5\x82", "lol"},                     // Ł ó ł
        {"\xC4\xA6\xC4\xA7 \xC5\xA6\xC5\xA7", "hh tt"},          // Ħ ħ Ŧ ŧ
        // Other compatibility forms: digraphs, superscripts, fractions, Roman numerals.
        {"\xC4\xB2ssel \xC7\x84", "ijssel dz"},    // Ĳ Ǆ
        {"km\xC2\xB2 H\xE2\x82\x82O", "km2 H2O"},  // ² ₂
        {"\xE2\x85\xAB", "xii"},                   // Ⅻ
        // Default-ignorable characters vanish: a soft hyphen inside a word, a zero-width space.
        {"Straf\xC2\xAD"
         "recht",
         "Strafrecht"},
        {"Kern\xE2\x80\x8B"
         "kraft",
         "Kernkraft"},
    }));
    CAPTURE(input);
    CHECK(fold_for_search(input) == folded);
}

TEST_CASE("folding keeps ASCII, symbols and letters without a simpler form", "[fold]") {
    auto input = GENERATE(as<std::string>{}, "", "plain ASCII 123, U.S. AND NATO OR NEAR/3",
                          "title:\"Nord Stream\" site:Example.COM -x*",
                          "\xC3\x97 \xC3\xB7",                                 // × ÷
                          "Apple\xE2\x84\xA2 \xE2\x84\x96",                    // ™ №: symbols
                          "\xC9\x99",                                          // ə schwa
                          "\xCE\xB1\xCE\xB2",                                  // αβ
                          "\xE2\x80\x94 \xE2\x82\xAC \xF0\x9F\x93\xB0",        // — € 📰
                          "\xE6\x97\xA5\xE6\x9C\xAC \xED\x95\x9C\xEA\xB5\xAD"  // 日本 한국
    );
    CAPTURE(input);
    CHECK(fold_for_search(input) == input);
}

TEST_CASE("folding repairs invalid UTF-8 instead of dropping or crashing", "[fold]") {
    auto [input, folded] = GENERATE(table<std::string, std::string>({
        {"\xC3", "\xEF\xBF\xBD"},                                           // cut-off sequence
        {"a\xC3(", "a\xEF\xBF\xBD("},                                       // lead byte then ASCII
        {"\xFF\xFE", "\xEF\xBF\xBD\xEF\xBF\xBD"},                           // never valid
        {"\xC3\xA9\xED\xA0\x80", "e\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // é, a surrogate
    }));
    CAPTURE(input);
    CHECK(fold_for_search(input) == folded);
}

TEST_CASE("folding twice changes nothing more", "[fold]") {
    auto input = GENERATE(as<std::string>{},
                          "Stra\xC3\x9F"
                          "e \xC3\x98rsted",
                          "\xEF\xAC\x81nance \xEF\xBC\xAE\xEF\xBC\xA1\xEF\xBC\xB4\xEF\xBC\xAF",
                          "\xCE\xA3\xCE\xA9\xCE\xA3 \xC7\xBF \xC2\xBD",
                          "\xE1\x84\x80\xE1\x85\xA1");  // Hangul jamo, composed to a syllable
    CAPTURE(input);
    const std::string once = fold_for_search(input);
    CHECK(fold_for_search(once) == once);
}
