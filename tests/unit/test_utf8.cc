#include <catch2/catch.hpp>
#include <cstdint>

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

TEST_CASE("text that is not UTF-8 is read as Windows-1252", "[utf8]") {
    auto [input, decoded] = GENERATE(table<std::string, std::string>({
        {"Caf\xE9", "Caf\xC3\xA9"},
        {"\x93quoted\x94 \x96 dash \x80",
         "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 dash \xE2\x82\xAC"},
        {"undefined \x81\x8D\x8F\x90\x9D",
         "undefined \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
        // UTF-8 stays UTF-8, also beside Latin-1 bytes in the same text.
        {"Jos\xC3\xA9 and Jos\xE9", "Jos\xC3\xA9 and Jos\xC3\xA9"},
        {"\xEF\xBB\xBFwith a byte-order mark", "with a byte-order mark"},
        {"\xF0\x9F\x93\xB0 news", "\xF0\x9F\x93\xB0 news"},
        {"", ""},
    }));
    CAPTURE(input);
    CHECK(decode_text(input) == decoded);
    CHECK(is_valid_utf8(decode_text(input)));
}

TEST_CASE("single-byte charsets convert exactly", "[utf8]") {
    CHECK(latin1_to_utf8("\xE9\x96\xFF") == "\xC3\xA9\xC2\x96\xC3\xBF");
    CHECK(cp1252_to_utf8("\xE9\x96\xFF") == "\xC3\xA9\xE2\x80\x93\xC3\xBF");
    CHECK(cp1252_to_utf8("ascii") == "ascii");
}

TEST_CASE("binary content is told from text", "[utf8]") {
    CHECK(looks_binary(std::string("a\0b", 3)));
    CHECK(looks_binary(std::string(100, '\x02')));
    CHECK_FALSE(looks_binary("plain text\twith tabs\r\nand lines\f"));
    CHECK_FALSE(looks_binary("Caf\xE9"));
    CHECK_FALSE(looks_binary(""));
    // Regression: random bytes without a NUL were read as a Windows-1252 article.
    std::string random;
    std::uint32_t state = 12345;
    while (random.size() < 4096) {
        state = state * 1664525u + 1013904223u;
        const char byte = static_cast<char>(state >> 24);
        if (byte != '\0') random += byte;
    }
    CHECK(looks_binary(random));
    // Legacy text stays text: Windows-1251 Russian, and a few stray controls in a long text.
    CHECK_FALSE(
        looks_binary("\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! \xdd\xf2\xee \xf2\xe5\xf1\xf2."));
    std::string mostly_text(1000, 'a');
    for (std::size_t i = 0; i < 10; ++i) mostly_text[i * 100] = '\x01';
    CHECK_FALSE(looks_binary(mostly_text));
}

TEST_CASE("truncation never cuts a character in two", "[utf8]") {
    const std::string text = "a\xC3\xA9\xE2\x80\x94\xF0\x9F\x93\xB0";  // a é — 📰
    auto [max, kept] = GENERATE(table<std::size_t, std::size_t>(
        {{0, 0}, {1, 1}, {2, 1}, {3, 3}, {4, 3}, {5, 3}, {6, 6}, {9, 6}, {10, 10}, {99, 10}}));
    CAPTURE(max);
    CHECK(truncate_utf8(text, max) == text.substr(0, kept));
}

TEST_CASE("code points are encoded as UTF-8", "[utf8]") {
    auto [code_point, bytes] = GENERATE(table<char32_t, std::string>({
        {U'A', "A"},
        {0xE9, "\xC3\xA9"},
        {0x20AC, "\xE2\x82\xAC"},
        {0x1F4F0, "\xF0\x9F\x93\xB0"},
        {0xD800, "\xEF\xBF\xBD"},
        {0x110000, "\xEF\xBF\xBD"},
    }));
    std::string out;
    append_utf8(out, code_point);
    CHECK(out == bytes);
}
