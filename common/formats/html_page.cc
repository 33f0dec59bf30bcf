#include "formats/html_page.h"

#include <algorithm>

#include "formats/article_text.h"
#include "formats/html_hints.h"
#include "formats/html_parse.h"
#include "text/strings.h"

namespace newsindex::html::extract {

std::size_t count_chars(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if ((b & 0xC0) != 0x80 && b != ' ' && b != '\n' && b != '\t' && b != '\r' && b != '\f') ++n;
    }
    return n;
}

std::size_t count_commas(std::string_view text) {
    std::size_t n = std::count(text.begin(), text.end(), ',');
    for (std::string_view comma : {"\xEF\xBC\x8C", "\xE3\x80\x81", "\xD8\x8C"}) {
        for (std::size_t at = text.find(comma); at != std::string_view::npos;
             at = text.find(comma, at + comma.size()))
            ++n;
    }
    return n;
}

Page read_page(const GumboNode& root) {
    Page page;
    std::vector<int> open;    // elements being walked
    std::vector<int> owners;  // block elements being walked
    std::string current;
    std::size_t current_chars = 0, current_links = 0, link_depth = 0;
    auto flush = [&] {
        if (!current.empty()) {
            std::string tidy = formats::tidy_inline(current);
            if (!tidy.empty()) {
                const std::size_t commas = count_commas(tidy);
                page.blocks.push_back({std::move(tidy), owners.empty() ? 0 : owners.back(),
                                       current_chars, current_links, commas});
            }
        }
        current.clear();
        current_chars = current_links = 0;
    };
    walk(
        root,
        [&](const GumboNode& node) {
            if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE ||
                node.type == GUMBO_NODE_CDATA) {
                if (open.empty()) return false;
                const std::string_view text = node.v.text.text;
                const std::size_t chars = count_chars(text);
                current += text;
                current_chars += chars;
                Element& parent = page.elements[open.back()];
                parent.own_chars += chars;
                parent.own_commas += count_commas(text);
                if (link_depth > 0) {
                    current_links += chars;
                    parent.own_link_chars += chars;
                }
                return false;
            }
            if (node.type != GUMBO_NODE_ELEMENT) return false;
            const GumboTag tag = node.v.element.tag;
            if (!open.empty()) {
                if (tag == GUMBO_TAG_INPUT || tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_SELECT)
                    ++page.elements[open.back()].own_inputs;
                if (tag == GUMBO_TAG_LI) ++page.elements[open.back()].own_items;
                if (tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_VIDEO)
                    ++page.elements[open.back()].own_images;
            }
            if (tag == GUMBO_TAG_FIGCAPTION && !open.empty()) {
                page.captions.emplace_back(open.back(), formats::tidy_inline(text_of(node)));
                return false;
            }
            if (never_text(node)) return false;
            if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) current += ' ';
            const bool block = is_block(tag);
            if (block) flush();
            if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR) return false;
            const int index = static_cast<int>(page.elements.size());
            const char* itemprop = attribute(node, "itemprop");
            page.elements.push_back({&node, open.empty() ? -1 : open.back(), index, tag,
                                     hints_of(node),
                                     itemprop && text::ascii_lower(itemprop) == "articlebody"});
            open.push_back(index);
            if (block) owners.push_back(index);
            if (tag == GUMBO_TAG_A) ++link_depth;
            return true;
        },
        [&](const GumboNode& node) {
            if (open.empty() || page.elements[open.back()].node != &node) return;
            const int index = open.back();
            open.pop_back();
            Element& element = page.elements[index];
            element.end = static_cast<int>(page.elements.size());
            if (element.tag == GUMBO_TAG_A) --link_depth;
            if (is_block(element.tag)) {
                flush();
                owners.pop_back();
            } else if (element.tag == GUMBO_TAG_TD || element.tag == GUMBO_TAG_TH) {
                current += ' ';
            }
        });
    flush();
    for (const Block& block : page.blocks) {
        if (page.elements[block.owner].tag == GUMBO_TAG_P && block.chars >= 25)
            ++page.elements[block.owner].own_paragraphs;
    }
    return page;
}

// Marks chrome (by class, id and role) as dropped, unless it holds the article or half of
// the page's text, and sums the text of what is left over each subtree.
void prune(Page& page, bool use_hints) {
    std::vector<Element>& elements = page.elements;
    // Subtree sums of all text first: the guard against dropping a wrapper needs them.
    for (Element& e : elements) {
        e.chars = e.own_chars;
        e.link_chars = e.own_link_chars;
    }
    for (std::size_t i = elements.size(); i-- > 1;) {
        if (elements[i].parent < 0) continue;
        elements[elements[i].parent].chars += elements[i].chars;
        elements[elements[i].parent].link_chars += elements[i].link_chars;
    }
    const std::size_t total = elements.empty() ? 0 : elements[0].chars;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        Element& e = elements[i];
        const bool parent_dropped = e.parent >= 0 && elements[e.parent].dropped;
        // Paragraphs and headings are text whatever their names say (an id such as
        // "nav-to-section-2" is an anchor for a table of contents).
        const bool exempt = e.tag == GUMBO_TAG_HTML || e.tag == GUMBO_TAG_BODY ||
                            e.tag == GUMBO_TAG_ARTICLE || e.tag == GUMBO_TAG_MAIN ||
                            e.tag == GUMBO_TAG_P || is_heading(e.tag) || e.item_body;
        const bool chrome = (e.hints & kChrome) || ((e.hints & kLinkedChrome) && e.link_chars > 0);
        e.dropped = parent_dropped || (use_hints && !exempt && chrome && e.chars * 2 < total);
    }
    // An element around the microdata article body is no chrome either.
    for (std::size_t i = 0; i < elements.size(); ++i) {
        if (!elements[i].item_body || !use_hints) continue;
        for (int up = elements[i].parent; up >= 0; up = elements[up].parent)
            elements[up].dropped = false;
        for (int j = static_cast<int>(i); j < elements[i].end; ++j) {
            const int parent = elements[j].parent;
            elements[j].dropped = j != static_cast<int>(i) && parent >= 0 &&
                                  (elements[parent].dropped ||
                                   (elements[j].hints == kChrome && !elements[j].item_body &&
                                    elements[j].chars * 2 < total));
        }
    }
    for (Element& e : elements) {
        e.chars = e.dropped ? 0 : e.own_chars;
        e.link_chars = e.dropped ? 0 : e.own_link_chars;
        e.commas = e.dropped ? 0 : e.own_commas;
        e.paragraphs = e.dropped ? 0 : e.own_paragraphs;
        e.items = e.dropped ? 0 : e.own_items;
        e.inputs = e.own_inputs;
        e.images = e.own_images;
        e.prose = 0;
        e.score = 0;
        e.scored = false;
    }
    // Prose: blocks of 40 characters or more, under a third of them in links.
    for (const Block& block : page.blocks) {
        Element& owner = elements[block.owner];
        if (!owner.dropped && block.chars >= 40 && block.link_chars * 3 < block.chars)
            owner.prose += block.chars;
    }
    for (std::size_t i = elements.size(); i-- > 1;) {
        const Element& e = elements[i];
        if (e.parent < 0 || e.dropped) continue;
        elements[e.parent].prose += e.prose;
        Element& parent = elements[e.parent];
        parent.chars += e.chars;
        parent.link_chars += e.link_chars;
        parent.commas += e.commas;
        parent.paragraphs += e.paragraphs;
        parent.items += e.items;
        parent.inputs += e.inputs;
        parent.images += e.images;
    }
}

double link_density(const Element& e) {
    return e.chars == 0 ? 0 : static_cast<double>(e.link_chars) / static_cast<double>(e.chars);
}

double weight(const Element& e) {
    double w = 0;
    if (e.hints & kChrome) w -= 25;
    if (e.hints & kArticleHint) w += 25;
    if (e.item_body) w += 50;
    return w;
}

bool is_inside(const std::vector<Element>& elements, int element, int ancestor) {
    return element >= ancestor && element < elements[ancestor].end;
}

}  // namespace newsindex::html::extract
