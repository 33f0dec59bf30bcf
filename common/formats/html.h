// Reader for HTML pages as saved from news sites (see docs/formats.md). The tokenizer is
// hand-written and tolerant: any bytes give an article or an InputError, never a crash, and
// it keeps open elements on a heap stack, so nesting depth costs no call stack. Thread-safe;
// no state.
#pragma once

#include <string>
#include <string_view>

#include "article.h"

namespace newsindex {

// Reads one article from an HTML page in UTF-8, as the decoding stage gives it (formats/decode.h;
// bytes that are not UTF-8 become U+FFFD).
// - title: JSON-LD headline, else og:title, twitter:title, <title>, the first <h1>;
// - authors: JSON-LD author (a string, {"name": ...}, or a list of them), else "author",
//   "article:author", "byl", "parsely-author", "dc.creator" meta tags, else the text of the
//   first rel="author", itemprop="author" or class="...byline..." element; URLs are dropped;
// - date: JSON-LD datePublished, else "article:published_time" and other date meta tags,
//   else the first <time datetime>;
// - url: <link rel="canonical">, else og:url, else JSON-LD url / mainEntityOfPage;
// - tags: "article:tag", "keywords" and "news_keywords" meta tags, JSON-LD keywords and
//   articleSection;
// - body: the text of the longest <article>, else <main>, else the whole page, leaving out
//   script, style, noscript, template, svg, nav, header, footer, aside, form, button, iframe
//   and hidden elements (figure captions stay); block elements end paragraphs; character
//   references are decoded. JSON-LD articleBody is used when the page itself has no text.
// JSON-LD is read from <script type="application/ld+json">, the first object typed
// NewsArticle, Article, BlogPosting or similar, also inside lists and "@graph".
// Throws InputError naming source when the bytes look binary or hold neither title nor text.
Article read_html_article(std::string_view bytes, const std::string& source);

}  // namespace newsindex
