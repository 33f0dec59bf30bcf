#include <catch2/catch.hpp>

#include "snippet.h"

using newsindex::searcher::parse_marked_snippet;
using newsindex::searcher::SnippetPart;

TEST_CASE("marked snippets split into matched and unmatched plain-text parts", "[snippet]") {
    auto parts = parse_marked_snippet(
        "\xE2\x80\xA6the \x02Nord\x03 \x02Stream\x03 &amp; &quot;gas&quot; "
        "&lt;b&gt;&#233;&#x2014;");
    REQUIRE(parts.size() == 5);
    CHECK(parts[0].text == "\xE2\x80\xA6the ");
    CHECK_FALSE(parts[0].matched);
    CHECK(parts[1].text == "Nord");
    CHECK(parts[1].matched);
    CHECK(parts[2].text == " ");
    CHECK(parts[3].text == "Stream");
    CHECK(parts[3].matched);
    CHECK(parts[4].text == " & \"gas\" <b>\xC3\xA9\xE2\x80\x94");
}

TEST_CASE("ampersands that are not entities are kept", "[snippet]") {
    auto parts = parse_marked_snippet("AT&T & co &unknown; &#xZZ;");
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].text == "AT&T & co &unknown; &#xZZ;");
}
