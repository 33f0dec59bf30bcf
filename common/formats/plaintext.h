// Reader for the plain-text article export (see docs/formats.md): a title line, a byline, a
// date line, body paragraphs with "Related article:" lines and photo captions ending in a
// bold credit, and an "Original url:" line followed by "<url>". Thread-safe; no state.
#pragma once

#include <string>
#include <string_view>

#include "article.h"

namespace newsindex {

// Reads one article from the bytes of a file. Invalid UTF-8 is repaired and control
// characters removed first. The byline, date and URL are optional; a date line that cannot be
// read leaves date empty. source names the file in errors and fills Article::source_path.
// Throws InputError when the bytes hold no text at all or look binary (a NUL byte).
Article read_plaintext_article(std::string_view bytes, const std::string& source);

}  // namespace newsindex
