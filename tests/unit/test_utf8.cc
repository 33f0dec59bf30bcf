#include <catch2/catch.hpp>

#include "text/utf8.h"

using namespace newsindex::text;

TEST_CASE("well-formed UTF-8 is recognised and kept", "[utf8]") {
    auto text = GENERATE(as<std::string>{}, "", "plain", "Jos\xC3\xA9", "\xE2\x80\x94 dash",
                         "\xF0\x9F\x93\xB0 news");
    CHECK(is_valid_utf8(text));
    CHECK(repair_utf8(text) == text);
}

TEST_CASE("ill-formed bytes become U+FFFD one byte at a time", "[utf8]") {
    auto [input, repaired] = GENERATE(table<std::string, std::string>({
        {"Caf\xE9", "Caf\xEF\xBF\xBD"},                            // Latin-1 e-acute
        {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},                  // overlong '/'
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // UTF-16 surrogate
        {"\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // past U+10FFFF
        {"ab\xE2\x80", "ab\xEF\xBF\xBD\xEF\xBF\xBD"},  // truncated sequence
    }));
    CHECK_FALSE(is_valid_utf8(input));
    CHECK(repair_utf8(input) == repaired);
    CHECK(is_valid_utf8(repair_utf8(input)));
}

TEST_CASE("clean_text removes control characters and normalises line ends", "[utf8]") {
    CHECK(clean_text("a\x1b[31mred\x07") == "a[31mred");
    CHECK(clean_text("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n");
    CHECK(clean_text("tab\tkept") == "tab\tkept");
    CHECK(clean_text("c1\xC2\x9B"
                     "control") == "c1control");
    CHECK(clean_text("\xC2\xA0nbsp kept") == "\xC2\xA0nbsp kept");
}
