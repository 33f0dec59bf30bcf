#include <catch2/catch.hpp>

#include "text/fold.h"

using newsindex::text::fold_accents;

TEST_CASE("Latin letters with diacritics fold to their base letters", "[fold]") {
    auto [input, folded] = GENERATE(table<std::string, std::string>({
        {"caf\xC3\xA9", "cafe"},                                         // é
        {"\xC3\x80\xC3\x81\xC3\x82\xC3\x83\xC3\x84\xC3\x85", "AAAAAA"},  // À..Å
        {"na\xC3\xAFve", "naive"},                                       // ï
        {"Stra\xC3\x9F"
         "e",
         "Strasse"},                                 // ß
        {"\xE1\xBA\x9E", "SS"},                      // capital sharp s
        {"\xC3\x86sir \xC3\xA6on", "AEsir aeon"},    // Æ æ
        {"\xC3\x98resund \xC3\xB8l", "Oresund ol"},  // Ø ø
        {"\xC3\x9E"
         "orn \xC3\xBE"
         "ing",
         "THorn thing"},             // Þ þ
        {"\xC3\x90\xC3\xB0", "Dd"},  // Ð ð
        {"\xC5\x81\xC3\xB3"
         "d\xC5\xBA",
         "Lodz"},                                               // Łódź
        {"Wa\xC5\x82\xC4\x99sa", "Walesa"},                     // ł ę
        {"Dvo\xC5\x99\xC3\xA1k", "Dvorak"},                     // ř á
        {"\xC5\xA0koda \xC5\xBDi\xC5\xBEkov", "Skoda Zizkov"},  // Š Ž ž
        {"Erdo\xC4\x9F"
         "an \xC4\xB0stanbul \xC4\xB1",
         "Erdogan Istanbul i"},                                          // ğ İ ı
        {"\xC5\x90rs\xC3\xA9g \xC5\xB1r", "Orseg ur"},                   // Ő ű
        {"\xC5\x92uvre \xC5\x93uf", "OEuvre oeuf"},                      // Œ œ
        {"\xC4\xB2ssel \xC4\xB3s", "IJssel ijs"},                        // Ĳ ĳ
        {"\xC8\x98tef\xC4\x83nescu \xC8\x9A\xC8\x9B", "Stefanescu Tt"},  // Ș ă Ț ț
        {"\xC6\xA0\xC6\xA1\xC6\xAF\xC6\xB0", "OoUu"},                    // Ơ ơ Ư ư
        {"\xC7\x8D\xC7\x8E\xC7\x84\xC7\x86", "AaDZdz"},                  // Ǎ ǎ Ǆ ǆ
        {"\xC6\x92", "f"},                                               // ƒ
        {"e\xCC\x81te\xCC\x81", "ete"},                                  // e + combining acute
        {"n\xCC\x83\xCC\x88", "n"},                                      // stacked combining marks
    }));
    CAPTURE(input);
    CHECK(fold_accents(input) == folded);
}

TEST_CASE("everything else passes through unchanged", "[fold]") {
    auto input = GENERATE(as<std::string>{}, "", "plain ASCII 123", "\xC3\x97 \xC3\xB7",  // × ÷
                          "\xC6\x8F",                                          // Ə schwa
                          "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",  // Москва
                          "\xCE\xB1\xCE\xB2",                                  // Greek
                          "\xE2\x80\x94 \xE2\x82\xAC \xF0\x9F\x93\xB0",        // — € 📰
                          "\xCC\x81 leading combining mark", "\xC3", "\xC3(", "\xFF\xFE");
    CAPTURE(input);
    CHECK(fold_accents(input) == input);
}
