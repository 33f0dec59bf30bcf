// The text of the chosen elements: which of their blocks are the article's paragraphs and
// which captions. Part of main-text extraction (html_extract.h); internal to
// common/formats. Pure function; thread-safe.
#pragma once

#include <vector>

#include "formats/html_extract.h"
#include "formats/html_page.h"

namespace newsindex::html::extract {

// Returns the paragraphs of the blocks under roots (elements of page, pruned) in page order
// and the captions found under them, leaving out:
// - dropped elements, and containers that read as clutter (readability's conditional
//   cleaning: names of chrome when use_hints, link lists, forms, galleries) unless they hold
//   most of the root's text;
// - boxes of pictures whose short text is a caption or credit;
// - blocks mostly of link text, and short lines of figures alone (dates, times, counters)
//   outside tables and lists;
// - short lines that do not end as sentences at the start and end of the text, and
//   headings with no text after them.
// Up to two lead paragraphs without links just above the first root's text are taken in.
MainText assemble_text(const Page& page, const std::vector<int>& roots, bool use_hints);

}  // namespace newsindex::html::extract
