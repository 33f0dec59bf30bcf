#include "formats/html_extract.h"

#include <algorithm>
#include <vector>

#include "formats/html_assemble.h"
#include "formats/html_hints.h"
#include "formats/html_page.h"

namespace newsindex::html {

namespace {

using namespace extract;

// Readability's head start by tag: containers of prose up, lists and headings down.
double tag_score(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_ARTICLE:
            return 5;
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_BLOCKQUOTE:
            return 3;
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_FORM:
            return -3;
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_TH:
            return -5;
        default:
            return 0;
    }
}

// The <article> around top when top holds most of its text, else top: the rest of the
// <article> (standfirst, subheadings, a second part) belongs to the text too.
int grown_to_article(const std::vector<Element>& elements, int top) {
    for (int up = elements[top].parent; up > 0; up = elements[up].parent) {
        const Element& e = elements[up];
        if (e.tag != GUMBO_TAG_ARTICLE || e.dropped) continue;
        const double own = static_cast<double>(elements[top].chars - elements[top].link_chars);
        const double all = static_cast<double>(e.chars - e.link_chars);
        return all > 0 && own / all >= 0.6 ? up : top;
    }
    return top;
}

// Characters of prose under an element for its article hint to count in full.
constexpr double kProseForHint = 300;

// The elements that hold the article, in page order.
std::vector<int> choose_roots(Page& page) {
    std::vector<Element>& elements = page.elements;
    // The microdata article body is the publisher's own answer. Some mark each paragraph
    // so: then the marked elements under the parent of the longest are the text.
    int item_body = -1;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        if (elements[i].item_body && !elements[i].dropped &&
            (item_body < 0 || elements[i].chars > elements[item_body].chars))
            item_body = static_cast<int>(i);
    }
    if (item_body >= 0 && elements[item_body].parent >= 0) {
        const int parent = elements[item_body].parent;
        std::vector<int> marked;
        std::size_t chars = 0;
        for (int child = parent + 1; child < elements[parent].end; child = elements[child].end) {
            if (elements[child].item_body && !elements[child].dropped) {
                marked.push_back(child);
                chars += elements[child].chars;
            }
        }
        if (marked.size() == 1 && chars >= 200) return {grown_to_article(elements, item_body)};
        if (chars >= 200) return marked;
    }

    for (const Block& block : page.blocks) {
        const Element& owner = elements[block.owner];
        if (owner.dropped || block.chars < 25 || is_heading(owner.tag) ||
            owner.tag == GUMBO_TAG_LI || owner.tag == GUMBO_TAG_TH)
            continue;
        const double own_density =
            static_cast<double>(block.link_chars) / static_cast<double>(block.chars);
        const double score = (1 + static_cast<double>(block.commas) +
                              std::min(static_cast<double>(block.chars) / 100.0, 3.0)) *
                             (1 - own_density);
        // A <div> or <td> holding text itself is a paragraph as a <p> is: its container scores.
        int up = owner.parent;
        for (int level = 1; level <= 5 && up >= 0; ++level, up = elements[up].parent) {
            Element& candidate = elements[up];
            if (!candidate.scored) {
                candidate.scored = true;
                // A name that promises the article counts in full only where there is prose
                // to back it: a date line in "articleMeta" is no article.
                double w = weight(candidate);
                if (w > 0) w *= std::min(1.0, static_cast<double>(candidate.prose) / kProseForHint);
                candidate.score = tag_score(candidate.tag) + w;
            }
            candidate.score += score / (level == 1 ? 1.0 : level == 2 ? 2.0 : level * 3.0);
        }
    }
    int top = -1;
    double best = 0;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        Element& e = elements[i];
        if (!e.scored || e.dropped) continue;
        e.score *= 1 - link_density(e);
        if (top < 0 || e.score > best) {
            top = static_cast<int>(i);
            best = e.score;
        }
    }
    if (top < 0) return {0};

    // Several good candidates under one ancestor: the article is split, take the ancestor.
    std::vector<int> strong;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        if (static_cast<int>(i) != top && elements[i].scored && !elements[i].dropped &&
            elements[i].score >= 0.75 * best && !is_inside(elements, top, static_cast<int>(i)) &&
            !is_inside(elements, static_cast<int>(i), top))
            strong.push_back(static_cast<int>(i));
    }
    if (strong.size() >= 2) {
        for (int up = elements[top].parent; up > 0; up = elements[up].parent) {
            std::size_t inside = 0;
            for (int s : strong) inside += is_inside(elements, s, up);
            if (inside >= 2) {
                top = up;
                break;
            }
        }
    }
    // A wrapper that holds little but the candidate is the candidate.
    while (elements[top].parent > 0) {
        const Element& parent = elements[elements[top].parent];
        if (parent.tag == GUMBO_TAG_BODY) break;
        const double own = static_cast<double>(elements[top].chars - elements[top].link_chars);
        const double all = static_cast<double>(parent.chars - parent.link_chars);
        if (all > 0 && own / all < 0.9) break;
        top = elements[top].parent;
    }

    // Prose around the candidate, in a container not dense with links, is more of the
    // article: page builders split one text into many columns that score apart.
    while (elements[top].parent > 0) {
        const Element& parent = elements[elements[top].parent];
        if (parent.tag == GUMBO_TAG_BODY) break;
        const Element& e = elements[top];
        const double more_prose = static_cast<double>(parent.prose - e.prose);
        const double more_chars = static_cast<double>(parent.chars - e.chars);
        const double more_links = static_cast<double>(parent.link_chars - e.link_chars);
        if (more_prose < 0.25 * static_cast<double>(e.prose) || more_chars <= 0 ||
            more_links / more_chars > 0.33)
            break;
        top = e.parent;
    }

    top = grown_to_article(elements, top);

    // Siblings that score well, or read as prose, belong to the article too.
    std::vector<int> roots;
    const int parent = elements[top].parent;
    if (parent < 0) return {top};
    const double threshold = std::max(10.0, best * 0.2);
    for (int child = parent + 1; child < elements[parent].end; child = elements[child].end) {
        if (child == top) {
            roots.push_back(child);
            continue;
        }
        const Element& sibling = elements[child];
        if (sibling.dropped || sibling.chars == 0) continue;
        const double density = link_density(sibling);
        bool keep = sibling.scored && sibling.score >= threshold;
        if (!keep && (sibling.tag == GUMBO_TAG_P || is_heading(sibling.tag))) {
            keep = (sibling.chars > 80 && density < 0.25) || (sibling.chars >= 40 && density == 0);
        }
        if (keep) roots.push_back(child);
    }
    return roots;
}

std::size_t size_of(const MainText& text) {
    std::size_t n = 0;
    for (const std::string& p : text.paragraphs) n += p.size();
    return n;
}

}  // namespace

MainText extract_main_text(const GumboNode& root) {
    Page page = read_page(root);
    if (page.elements.empty()) return {};
    prune(page, /*use_hints=*/true);
    MainText text = assemble_text(page, choose_roots(page), /*use_hints=*/true);
    if (size_of(text) >= 250) return text;
    // Class names misled the pruning (several boxes of the article named "promo"): try
    // without them, and keep whichever found more.
    prune(page, /*use_hints=*/false);
    MainText again = assemble_text(page, choose_roots(page), /*use_hints=*/false);
    return size_of(again) > size_of(text) ? again : text;
}

}  // namespace newsindex::html
