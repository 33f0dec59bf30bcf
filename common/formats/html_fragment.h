// HTML kept inside other formats (a JSON export's "body" holding markup, HTML blocks in a
// Markdown file): detected conservatively and read by the same main-text extraction as
// pages (html_extract.h). Internal to common/formats. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsindex::html {

// True when text is HTML markup rather than text that mentions "<": it holds at least two
// tags of common HTML elements (p, div, br, a, span, em, strong, lists, headings, tables,
// figures, sections, scripts...), of which at least one is an end tag or a <br>. "a < b",
// "<joe@example.org>" and an odd "<p>" in prose do not count. Linear in the size of text.
bool looks_like_html(std::string_view text);

// The paragraphs of the article text in an HTML fragment, in order, as extract_main_text
// gives them: scripts, navigation, hidden and chrome boxes and figure captions are left
// out; lists, tables and quotes stay. Empty when the markup holds no text. Never throws
// but std::bad_alloc.
std::vector<std::string> fragment_paragraphs(std::string_view html);

}  // namespace newsindex::html
