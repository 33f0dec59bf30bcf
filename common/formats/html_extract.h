// Main-text extraction: which text of a page's tree is the article, in the way readability,
// boilerpipe and trafilatura decide it (docs/formats.md, "HTML", describes the rules).
// Internal to common/formats. Pure function of the tree; thread-safe.
#pragma once

#include <gumbo.h>

#include <string>
#include <vector>

namespace newsindex::html {

struct MainText {
    std::vector<std::string> paragraphs;  // tidied, in page order, none empty
    std::vector<std::string> captions;    // <figcaption> texts of the article, tidied
};

// Returns the article text of the page whose <html> element is root:
// 1. text that is never article text is left out: scripts, styles, templates, <noscript>,
//    forms' controls, iframes, SVG and MathML, <nav>, <aside>, <footer>, hidden elements
//    (hidden, aria-hidden="true", display:none), and elements whose class or id names page
//    chrome (navigation, menus, sidebars, comments, share bars, related articles,
//    newsletters, cookie notices, ads, promotions, teasers, breadcrumbs, bylines...) unless
//    they hold half of the page's text or the article itself;
// 2. each run of text between block boundaries is a block; blocks of 25 characters or more
//    score for the elements above them (more for commas and length, less for links), class
//    and id hints weigh in, and the best element, grown over wrappers and scored siblings,
//    holds the article; a microdata itemprop="articleBody" element is taken as it is;
// 3. inside it, containers dense with links, forms and list items without sentences are
//    dropped, and so are blocks mostly of link text and headings left with no text after
//    them. Lists, tables, quotes and subheadings of the article stay; figure captions go to
//    captions, not to the paragraphs.
// When leaving out chrome by class names leaves under 250 characters, the extraction runs
// again without that step. Linear in the size of the tree; never recursive.
MainText extract_main_text(const GumboNode& root);

}  // namespace newsindex::html
