#include <catch2/catch.hpp>

#include "text/terminal.h"

using newsindex::text::escaped_for_terminal;
using newsindex::text::without_bidi_controls;

TEST_CASE("Strings for messages show controls as escapes", "[terminal]") {
    auto [input, shown] = GENERATE(table<std::string, std::string>({
        {"plain/path.txt", "plain/path.txt"},
        {"caf\xC3\xA9.txt", "caf\xC3\xA9.txt"},              // UTF-8 kept
        {"a\x1b]0;owned\x07.txt", "a\\e]0;owned\\x07.txt"},  // OSC title change
        {"line\nbreak\rback\ttab", "line\\nbreak\\rback\\ttab"},
        {"del\x7f", "del\\x7F"},
        {"c1\xC2\x9B", "c1\\x9B"},                               // U+009B, the 8-bit CSI
        {"bad\xFF\xC3", "bad\\xFF\\xC3"},                        // invalid and cut UTF-8
        {"evil\xE2\x80\xAEtxt.exe", "evil\\u202Etxt.exe"},       // right-to-left override
        {"iso\xE2\x81\xA6x\xE2\x81\xA9", "iso\\u2066x\\u2069"},  // isolates
        {"C:\\news\\n.txt", "C:\\\\news\\\\n.txt"},  // backslashes before letters of escapes
        {"C:\\data", "C:\\data"},
    }));
    CAPTURE(input);
    CHECK(escaped_for_terminal(input) == shown);
}

TEST_CASE("Article text loses bidirectional controls only", "[terminal]") {
    CHECK(without_bidi_controls("a\xE2\x80\xAE"
                                "b\xE2\x81\xA7"
                                "c") == "abc");
    CHECK(without_bidi_controls("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D") ==
          "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");                       // Hebrew letters stay
    CHECK(without_bidi_controls("\xE2\x80\x8F") == "\xE2\x80\x8F");  // RLM is harmless
}
