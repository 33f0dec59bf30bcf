#include "formats/html_assemble.h"

#include <algorithm>
#include <string_view>

#include "formats/html_hints.h"

namespace newsindex::html::extract {

namespace {

// The most characters of a line with a link that ends the text and is left out.
constexpr std::size_t kTrailingLinkLineChars = 130;

// The fewest characters of a lead paragraph above the text.
constexpr std::size_t kLeadChars = 80;

// The most characters of text a box of pictures holds when its text is a caption.
constexpr std::size_t kMediaBoxChars = 200;

// Readability's conditional cleaning: a container inside the article that reads as a list
// of links, a form or a gallery is left out.
bool is_clutter(const Element& e, bool use_hints) {
    switch (e.tag) {
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_DL:
            break;
        default:
            return false;
    }
    const double w = use_hints ? weight(e) : 0;
    if (w < 0) return true;
    if (e.commas >= 10) return false;
    const double density = link_density(e);
    const bool list = e.tag == GUMBO_TAG_UL || e.tag == GUMBO_TAG_OL;
    if (!list && e.items > e.paragraphs + 1 && density > 0.2) return true;
    if (e.inputs > 0 && e.inputs * 3 > e.paragraphs) return true;
    if (w < 25 && density > 0.25) return true;
    if (w >= 25 && density > 0.5) return true;
    return false;
}

// A box of pictures with a line or two of text and no paragraph: the text is a caption or a
// credit ("Photo: ..."), which belongs to the captions, not the body.
bool is_media_box(const Element& e) {
    switch (e.tag) {
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_SPAN:
        case GUMBO_TAG_A:
            break;
        default:
            return false;
    }
    return e.images > 0 && e.paragraphs == 0 && e.chars < kMediaBoxChars;
}

// True when text holds a letter of any script: ASCII letters, or any code point beyond
// U+00BF (punctuation and signs of Latin-1 excepted, nothing of the scripts is below).
bool has_letter(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
        if (c >= 0xC3) return true;  // lead bytes of U+00C0 and beyond
    }
    return false;
}

// A short line that does not end as a sentence does.
bool is_label(std::string_view text) {
    if (count_chars(text) >= 90) return false;
    while (!text.empty() && (text.back() == ' ')) text.remove_suffix(1);
    if (text.empty()) return true;
    const char last = text.back();
    if (last == '.' || last == '!' || last == '?' || last == '"' || last == ')') return false;
    // Closing quotes and CJK full stops: „…“ «…» 。
    for (std::string_view end :
         {"\xE2\x80\x9D", "\xE2\x80\x9C", "\xC2\xBB", "\xE3\x80\x82", "\xE2\x80\xA6"}) {
        if (text.size() >= end.size() && text.substr(text.size() - end.size()) == end) return false;
    }
    return true;
}

}  // namespace

MainText assemble_text(const Page& page, const std::vector<int>& roots, bool use_hints) {
    const std::vector<Element>& elements = page.elements;
    std::vector<char> out(elements.size(), 1);
    for (int root : roots) {
        for (int i = root; i < elements[root].end; ++i) {
            const Element& e = elements[i];
            // What holds most of the article's text is no clutter, whatever it looks like.
            const bool most =
                (e.chars - e.link_chars) * 2 > elements[root].chars - elements[root].link_chars;
            out[i] = e.dropped ||
                     (i != root &&
                      (out[e.parent] || (!most && is_clutter(e, use_hints)) || is_media_box(e)));
        }
    }
    // A lead paragraph set apart above the text (a standfirst in the page's header) is part
    // of it: up to two blocks of prose without links just before the first block kept, over
    // short lines (a byline, a date) but not over the headline or other text.
    std::vector<char> lead(page.blocks.size(), 0);
    std::size_t first_kept = 0;
    while (first_kept < page.blocks.size() && out[page.blocks[first_kept].owner]) ++first_kept;
    for (std::size_t i = first_kept, leads = 0, skipped = 0; i-- > 0 && leads < 2;) {
        const Block& block = page.blocks[i];
        const Element& owner = elements[block.owner];
        if (owner.tag == GUMBO_TAG_H1) break;
        if (owner.dropped) continue;  // chrome between (a share bar) is no text
        if (block.chars >= kLeadChars && block.link_chars == 0 && !is_label(block.text)) {
            lead[i] = 1;
            ++leads;
        } else if (block.chars >= kLeadChars || ++skipped > 3) {
            break;
        }
    }
    struct Kept {
        const Block* block;
        bool heading;
        bool item;  // a table row or list item: short by nature
    };
    std::vector<Kept> kept;
    for (std::size_t b = 0; b < page.blocks.size(); ++b) {
        const Block& block = page.blocks[b];
        if (out[block.owner] && !lead[b]) continue;
        const bool heading = is_heading(elements[block.owner].tag);
        if (block.chars > 0 && block.link_chars * 10 > block.chars * 4) continue;  // a link
        const GumboTag tag = elements[block.owner].tag;
        // A line of figures alone outside a table or list is a date, a time or a counter.
        if (tag != GUMBO_TAG_TR && tag != GUMBO_TAG_LI && tag != GUMBO_TAG_PRE &&
            block.chars < 40 && !has_letter(block.text))
            continue;
        kept.push_back({&block, heading, tag == GUMBO_TAG_TR || tag == GUMBO_TAG_LI});
    }
    // Short lines that end the text without ending a sentence ("More on this:", "Contact",
    // a date) introduce what was left out after them, not the article.
    // Pages of nothing but short lines keep them all.
    const bool any_prose = std::any_of(kept.begin(), kept.end(), [](const Kept& k) {
        return !k.heading && !k.item && !is_label(k.block->text);
    });
    if (any_prose) {
        // So do short lines with a link at the very end: calls to follow, subscribe or
        // write in, not the article.
        // One block stays, whatever it is.
        while (kept.size() > 1 && !kept.back().item &&
               (is_label(kept.back().block->text) ||
                (kept.back().block->link_chars > 0 &&
                 kept.back().block->chars < kTrailingLinkLineChars)))
            kept.pop_back();
        std::size_t first = 0;
        while (first + 1 < kept.size() && !kept[first].heading && !kept[first].item &&
               is_label(kept[first].block->text))
            ++first;
        kept.erase(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(first));
    }
    // A heading with no text after it heads something that was left out.
    MainText text;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (kept[i].heading && (i + 1 == kept.size() || kept[i + 1].heading)) continue;
        text.paragraphs.push_back(kept[i].block->text);
    }
    for (const auto& [parent, caption] : page.captions) {
        if (caption.empty()) continue;
        for (int root : roots) {
            if (is_inside(elements, parent, root)) {
                text.captions.push_back(caption);
                break;
            }
        }
    }
    return text;
}

}  // namespace newsindex::html::extract
