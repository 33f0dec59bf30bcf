// Reader for the plain-text article export (see docs/formats.md): a title line, a byline, a
// date line, body paragraphs with "Related article:" lines and photo captions ending in a
// bold credit, and an "Original url:" line followed by "<url>". Thread-safe; no state.
#pragma once

#include <string>
#include <string_view>

#include "article.h"

namespace newsindex {

// Reads one article from a file's text in UTF-8, as the decoding stage gives it
// (formats/decode.h; bytes that are not UTF-8 become U+FFFD); control characters are
// removed. The title is the first line, or the first paragraph's lines up to a byline or date
// line. Within the three paragraphs after it (or on the lines after the title in its own
// paragraph) stand the optional byline ("By Jane Doe and John Roe", "By Jane Doe, Reuters |
// Updated: Jan. 29, 2022"), agency credit ("Reuters") and date line ("January 29, 2022"). With
// no byline, a wire dateline opening the body ("MOSCOW (Reuters) - ...") gives the agency as
// author. Photo captions (a paragraph ending in a bold credit, "Caption text. **AP / TASS**",
// or a wholly bold sentence) go to captions and photo_credits, not to the body; a wholly bold
// paragraph that is no sentence ("**What comes next**") is a subheading and stays in the body.
// A date that cannot be read leaves date empty. source names the file in errors and
// fills Article::source_path.
// Throws InputError when the bytes hold no text at all or look binary (a NUL byte).
Article read_plaintext_article(std::string_view bytes, const std::string& source);

}  // namespace newsindex
