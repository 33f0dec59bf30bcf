// Photo captions of a page and the credits inside them. Internal to common/formats
// (read_html_article decides which captions are the article's: those the main-text
// extraction found inside the article, html_extract.h). Pure functions; thread-safe.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsindex::html {

struct FigureCaption {
    std::string whole;    // the <figcaption>'s text, tidied, as MainText::captions gives it
    std::string caption;  // the same without the credit; may be empty (a credit alone)
    std::string credit;   // without its label: "AP / TASS" of "Photo: AP / TASS"; may be empty
};

// Every <figcaption> of the HTML namespace under root, in page order, split into caption and
// credit. The credit is the text of the elements inside the figcaption that say they hold
// one: a class or id containing "credit", "copyright", "photographer" or "source", or the
// word "foto" or "photo"; itemprop copyrightHolder, copyrightNotice, creditText, author or
// creator; <cite>, <small>. Without such elements, a credit written at the end of the text
// after a label counts ("... harbour. Photo: Jane Roe", "... (Foto: dpa)", "... © Reuters").
// Labels ("Photo:", "Foto:", "Bild:", "Image credit:", "Credit:", "©", ...) are not part of
// the credit. Linear in the size of the tree; iterative.
std::vector<FigureCaption> read_figure_captions(const GumboNode& root);

// Splits a caption's text where a credit label starts a trailing credit, as above. Returns
// false (and leaves caption and credit alone) when text has no such credit.
bool split_trailing_credit(std::string_view text, std::string& caption, std::string& credit);

// Returns credit without a leading label and enclosing parentheses: "Foto: dpa" -> "dpa",
// "(Image credit: Tom's Hardware)" -> "Tom's Hardware", "© Anna Roe / AFP" -> "Anna Roe / AFP".
std::string credit_without_label(std::string_view credit);

}  // namespace newsindex::html
