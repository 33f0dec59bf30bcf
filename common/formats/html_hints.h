// What tags, class names, ids and roles say about an element of a page: never text, a block
// boundary, page chrome or the article. Part of main-text extraction (html_extract.h);
// internal to common/formats. Pure functions; thread-safe.
#pragma once

#include <gumbo.h>

namespace newsindex::html::extract {

// True for elements whose subtree is never article text: the head, scripts, styles,
// templates, forms' controls, iframes, objects, SVG and MathML, <nav>, <aside>, <footer>,
// <menu>, and hidden elements (hidden, aria-hidden="true", display:none,
// visibility:hidden). <noscript> is read: a reader that runs no scripts sees it.
bool never_text(const GumboNode& element);

// True for the tags that begin and end a block of text (paragraphs, headings, list items,
// table rows, divisions, sections...).
bool is_block(GumboTag tag);

// True for <h1> to <h6>.
bool is_heading(GumboTag tag);

// kLinkedChrome: chrome only where it holds links. A "teaser" that links elsewhere is a
// teaser of another page; one without links is the lead of this one.
enum Hint : unsigned { kChrome = 1, kArticleHint = 2, kLinkedChrome = 4 };

// The hints of an element: kChrome when its role names page chrome (navigation, banner,
// contentinfo, complementary, menu, dialog) or when any of its class names or its id holds
// a chrome word ("nav", "ad", "related", ... matched as whole words, so that "ad" misses
// "header") or part ("sidebar", "comment" but not "commentary", "newsletter", ...);
// kLinkedChrome for "teaser"; kArticleHint when a name says article ("article-body",
// "entry-content", "post", ...). Names are compared in lowercase.
unsigned hints_of(const GumboNode& element);

}  // namespace newsindex::html::extract
