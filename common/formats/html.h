// Reader for HTML pages as saved from news sites (see docs/formats.md). libgumbo builds the
// tree as browsers do (formats/html_parse.h); metadata (formats/html_metadata.h) and the main
// text (formats/html_extract.h) are read from it. Any bytes give an article or an InputError,
// never a crash; every walk over the tree is iterative and nesting is capped before parsing,
// so depth costs neither call stack nor quadratic time. Thread-safe; no state.
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
// - site_name: og:site_name, else the JSON-LD publisher's name (also by "@id" reference);
//   section: article:section, else JSON-LD articleSection; language: the primary subtag of
//   <html lang>, else <meta http-equiv="content-language">, else JSON-LD inLanguage, else
//   og:locale, the first that is a valid BCP 47 tag (text/language.h);
// - captions and photo_credits: the <figcaption>s inside the article (html_extract.h), each
//   split into caption and credit (html_captions.h); never body text;
// - body: the main text by content scoring over the tree (html_extract.h: chrome by tag,
//   class and id left out, the best-scoring container grown over the article, clutter,
//   link blocks and labels cleaned out; figure captions are not body); the JSON-LD
//   articleBody when the tree gave less than half as much; a first paragraph equal to the
//   title is dropped. Character references are decoded as HTML5 says.
// JSON-LD is read from <script type="application/ld+json">, the first object typed
// NewsArticle, Article, BlogPosting or similar, also inside lists and "@graph".
// Throws InputError naming source when the bytes look binary or hold neither title nor text.
Article read_html_article(std::string_view bytes, const std::string& source);

}  // namespace newsindex
