// A page as extraction sees it: a table of its elements in document order and the blocks
// of text between block boundaries, with text, link and comma counts summed over each
// subtree. Part of main-text extraction (html_extract.h); internal to common/formats.
// Pure functions of the tree; thread-safe.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsindex::html::extract {

// Characters that count: code points that are not ASCII white space.
std::size_t count_chars(std::string_view text);

// Commas of Latin, CJK and Arabic script: readability's measure of sentence structure.
std::size_t count_commas(std::string_view text);

struct Element {
    const GumboNode* node;
    int parent;  // index, -1 for the root
    int end;     // one past the index of the last element below it
    GumboTag tag;
    unsigned hints;
    bool item_body;  // itemprop="articleBody"
    // Text directly in it (not in child elements), and the same summed over its subtree.
    std::size_t own_chars = 0, own_link_chars = 0, own_commas = 0, own_paragraphs = 0;
    std::size_t own_items = 0, own_inputs = 0, own_images = 0;
    std::size_t chars = 0, link_chars = 0, commas = 0, paragraphs = 0, items = 0, inputs = 0;
    std::size_t images = 0;
    std::size_t prose = 0;  // characters in blocks that read as prose (see prune)
    bool dropped = false;   // left out as chrome
    double score = 0;
    bool scored = false;
};

struct Block {
    std::string text;  // tidied
    int owner;         // the innermost block element around it
    std::size_t chars, link_chars, commas;
};

struct Page {
    std::vector<Element> elements;
    std::vector<Block> blocks;
    std::vector<std::pair<int, std::string>> captions;  // (parent element, text)
};

// Returns the table of the page whose <html> element is root. Elements that are never text
// (html_hints.h) are not in it, nor is anything below them; <figcaption> texts go to
// captions. Iterative; linear in the size of the tree.
Page read_page(const GumboNode& root);

// Marks as dropped the elements that are page chrome by their hints (when use_hints), and
// all below them, unless the element is the page's <html>, <body>, <article>, <main>, a
// paragraph or heading, the microdata article body or an element around it, or holds half
// of the page's text. Then sums chars, link_chars, commas, paragraphs, items, inputs,
// images and prose over the subtrees of what is left; resets scores. May be called again
// with another use_hints.
void prune(Page& page, bool use_hints);

// The share of an element's text inside links, 0 for an element without text.
double link_density(const Element& e);

// True when element is ancestor or below it.
bool is_inside(const std::vector<Element>& elements, int element, int ancestor);

// The weight of an element's names, as readability gives it: -25 for chrome, +25 for an
// article hint, +50 for the microdata article body.
double weight(const Element& e);

}  // namespace newsindex::html::extract
