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
// 1. text that is never article text is left out (html_hints.h): scripts, styles, forms'
//    controls, SVG, <nav>, <aside>, <footer>, hidden elements, and elements whose role,
//    class or id names page chrome (navigation, sidebars, comments, share bars, related
//    articles, newsletters, cookie notices, ads, promotions...) unless they hold half of the
//    page's text or the article itself (html_page.h, prune);
// 2. each run of text between block boundaries is a block; blocks of 25 characters or more
//    score for the elements above them (more for commas and length, less for links), class
//    and id hints weigh in (an article hint in full only over 300 characters of prose), and
//    the best element, grown over wrappers, prose around it, the <article> it fills and
//    siblings that score or read as prose (paragraphs, standfirst headings), holds the
//    article. The microdata itemprop="articleBody" is taken as it is: the marked element
//    (grown to the <article> it fills), or all the marked paragraphs;
// 3. inside it (html_assemble.h), containers dense with links, forms, boxes of pictures with
//    a caption or credit, lines of figures alone and blocks mostly of link text are dropped,
//    and so are short lines that end or open the text without ending a sentence and
//    headings left with no text after them; lead paragraphs just above it are taken in.
//    Lists, tables, quotes and subheadings of the article stay; figure captions go to
//    captions, not to the paragraphs.
// When leaving out chrome by class names leaves under 250 characters, the extraction runs
// again without that step. Linear in the size of the tree; never recursive.
MainText extract_main_text(const GumboNode& root);

}  // namespace newsindex::html
