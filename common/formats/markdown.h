// Reader for Markdown articles, with or without YAML front matter (see docs/formats.md).
// Thread-safe; no state.
#pragma once

#include <string>
#include <string_view>

#include "article.h"

namespace newsindex {

// Reads one article from a Markdown file in UTF-8, as the decoding stage gives it
// (formats/decode.h; bytes that are not UTF-8 become U+FFFD).
// Front matter gives title, author/authors/byline, date, url/link/canonical_url and
// tags/keywords/categories. Without a title there, the first level-1 heading is the title,
// else the first line; that heading or line is not repeated in the body. Without front matter,
// byline and date lines after the title are read as in plain-text exports. The body is the
// Markdown with its markup removed (see markdown_to_text).
// Throws InputError naming source when the bytes look binary or hold no text.
Article read_markdown_article(std::string_view bytes, const std::string& source);

// Returns Markdown as plain text, blocks joined by "\n\n": heading marks, emphasis, inline
// code marks, link and image targets (link text and image alt text stay), reference
// definitions, HTML tags and comments, table rules and horizontal rules are removed; fenced
// code is kept as text; backslash escapes and HTML character references are decoded. Linear
// in the length of the input.
std::string markdown_to_text(std::string_view markdown);

}  // namespace newsindex
