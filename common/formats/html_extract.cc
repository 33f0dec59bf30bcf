#include "formats/html_extract.h"

#include <algorithm>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "formats/article_text.h"
#include "formats/html_parse.h"
#include "text/strings.h"

namespace newsindex::html {

namespace {

// ---- What the tags say ----

// Elements whose subtree is never article text.
bool never_text(const GumboNode& node) {
    if (node.v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return true;  // SVG, MathML
    switch (node.v.element.tag) {
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_LABEL:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_MENU:
            return true;
        default:
            break;
    }
    if (attribute(node, "hidden")) return true;
    const char* aria_hidden = attribute(node, "aria-hidden");
    if (aria_hidden && std::strcmp(aria_hidden, "true") == 0) return true;
    if (const char* style = attribute(node, "style")) {
        std::string compact;
        for (const char* c = style; *c; ++c) {
            if (*c != ' ' && *c != '\t' && *c != '\n') compact += static_cast<char>(*c | 0x20);
        }
        if (compact.find("display:none") != std::string::npos ||
            compact.find("visibility:hidden") != std::string::npos)
            return true;
    }
    return false;
}

// Elements that begin and end blocks of text.
bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_HTML:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_BR:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_LEGEND:
            return true;
        default:
            return false;
    }
}

bool is_heading(GumboTag tag) {
    return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
           tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// ---- What the class and id say ----

// Words in class names and ids that mark page chrome. Matched against whole words of the
// names (split at anything but letters and digits), so that "ad" does not hit "header".
constexpr std::string_view kChromeWords[] = {
    "ad",        "ads",        "adv",         "advert",      "advertisement", "advertising",
    "banner",    "breadcrumb", "breadcrumbs", "byline",      "author",        "authors",
    "caption",   "credit",     "credits",     "comment",     "comments",      "commentlist",
    "disqus",    "cookie",     "cookies",     "consent",     "gdpr",          "footer",
    "masthead",  "menu",       "nav",         "navbar",      "navigation",    "newsletter",
    "outbrain",  "taboola",    "pagination",  "pager",       "popup",         "modal",
    "promo",     "promotion",  "related",     "recommended", "share",         "sharing",
    "social",    "sidebar",    "sponsor",     "sponsored",   "subscribe",     "subscription",
    "signup",    "teasers",     "toolbar",     "tools",         "widget",
    "widgets",   "rss",        "print",       "tags",        "meta",          "dateline",
    "timestamp", "skip",       "overlay",     "trending",    "popular",       "more",
    "login",     "breaking",   "ticker",      "banner"};

// Substrings that mark chrome even inside longer words ("sidebarLeft", "commentbox").
constexpr std::string_view kChromeParts[] = {
    "sidebar", "comment",       "newsletter",      "breadcrumb", "cookie",    "social",
    "share",   "related",       "footer",          "navbar",     "advert",    "sponsor",
    "promo",   "popup",         "taboola",         "outbrain",   "subscribe", "recommend",
    "sr-only", "screen-reader", "visually-hidden", "disclaimer", "copyright"};

// Substrings and words that mark the article.
constexpr std::string_view kArticleParts[] = {"article", "content", "story", "entry",
                                              "body",    "prose",   "main"};
constexpr std::string_view kArticleWords[] = {"post", "text", "blog", "single"};

// kLinkedChrome: chrome only where it holds links. A "teaser" that links elsewhere is a
// teaser of another page; one without links is the lead of this one.
enum Hint : unsigned { kChrome = 1, kArticleHint = 2, kLinkedChrome = 4 };

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// The hints of one class name or id, lowercase: chrome when any of its words or parts says
// so ("related-posts", "wp-caption-text"), else article when one says that ("entry-content").
unsigned hints_of_name(std::string_view name) {
    for (std::string_view part : kChromeParts) {
        const std::size_t at = name.find(part);
        // "commentary" is an opinion piece, not its comments.
        if (at != std::string_view::npos && name.compare(at, 10, "commentary") != 0) return kChrome;
    }
    unsigned hints = 0;
    std::size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && !is_word_char(name[i])) ++i;
        const std::size_t start = i;
        while (i < name.size() && is_word_char(name[i])) ++i;
        if (i == start) break;
        const std::string_view word = name.substr(start, i - start);
        if (std::find(std::begin(kChromeWords), std::end(kChromeWords), word) !=
            std::end(kChromeWords))
            return kChrome;
        if (word == "teaser") hints |= kLinkedChrome;
        if (std::find(std::begin(kArticleWords), std::end(kArticleWords), word) !=
            std::end(kArticleWords))
            hints |= kArticleHint;
    }
    for (std::string_view part : kArticleParts) {
        if (name.find(part) != std::string_view::npos) hints |= kArticleHint;
    }
    return hints;
}

// The hints of an element: those of each of its class names and its id, and its ARIA role.
unsigned hints_of(const GumboNode& node) {
    if (const char* role = attribute(node, "role")) {
        const std::string lowered = text::ascii_lower(role);
        if (lowered == "navigation" || lowered == "banner" || lowered == "contentinfo" ||
            lowered == "complementary" || lowered == "menu" || lowered == "dialog")
            return kChrome;
    }
    unsigned hints = 0;
    for (const char* attr : {"class", "id"}) {
        const char* value = attribute(node, attr);
        if (!value) continue;
        const std::string lowered = text::ascii_lower(value);
        for (std::string_view name : text::split(lowered, " ")) {
            if (!name.empty()) hints |= hints_of_name(name);
        }
    }
    return hints;
}

// ---- The page as a table of elements and blocks ----

// Characters that count: code points that are not ASCII white space.
std::size_t count_chars(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if ((b & 0xC0) != 0x80 && b != ' ' && b != '\n' && b != '\t' && b != '\r' && b != '\f') ++n;
    }
    return n;
}

// Commas of Latin, CJK and Arabic script: readability's measure of sentence structure.
std::size_t count_commas(std::string_view text) {
    std::size_t n = std::count(text.begin(), text.end(), ',');
    for (std::string_view comma : {"\xEF\xBC\x8C", "\xE3\x80\x81", "\xD8\x8C"}) {
        for (std::size_t at = text.find(comma); at != std::string_view::npos;
             at = text.find(comma, at + comma.size()))
            ++n;
    }
    return n;
}

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

bool is_inside(const std::vector<Element>& elements, int element, int ancestor) {
    return element >= ancestor && element < elements[ancestor].end;
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

// The fewest characters of a lead paragraph above the text.
constexpr std::size_t kLeadChars = 80;

// The most characters of text a box of pictures holds when its text is a caption.
constexpr std::size_t kMediaBoxChars = 200;

// Characters of prose under an element for its article hint to count in full.
constexpr double kProseForHint = 300;

// The elements that hold the article, in page order.
std::vector<int> choose_roots(Page& page) {
    std::vector<Element>& elements = page.elements;
    if (const char* needle = std::getenv("WEBQ_NEEDLE")) {  // DEBUG-REMOVE
        for (const Block& b : page.blocks) if (b.text.find(needle) != std::string::npos) {
            std::fprintf(stderr, "DBG block chars=%zu links=%zu\n", b.chars, b.link_chars);
            for (int i = b.owner; i >= 0; i = elements[i].parent)
                std::fprintf(stderr, "DBG   %d tag=%s class=%s score=%.1f chars=%zu links=%zu dropped=%d hints=%u\n", i, gumbo_normalized_tagname(elements[i].tag), attribute_or_empty(*elements[i].node, "class").c_str(), elements[i].score, elements[i].chars, elements[i].link_chars, (int)elements[i].dropped, elements[i].hints);
        }
    }
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
                if (w > 0)
                    w *= std::min(1.0, static_cast<double>(candidate.prose) / kProseForHint);
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
    if (std::getenv("WEBQ_DEBUG")) {  // DEBUG-REMOVE
        for (int i = top; i >= 0; i = elements[i].parent)
            std::fprintf(stderr, "DBG top-chain %d tag=%s class=%s score=%.1f chars=%zu links=%zu dropped=%d\n", i, gumbo_normalized_tagname(elements[i].tag), attribute_or_empty(*elements[i].node, "class").c_str(), elements[i].score, elements[i].chars, elements[i].link_chars, (int)elements[i].dropped);
    }

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

MainText collect(const Page& page, const std::vector<int>& roots, bool use_hints) {
    const std::vector<Element>& elements = page.elements;
    std::vector<char> out(elements.size(), 1);
    for (int root : roots) {
        for (int i = root; i < elements[root].end; ++i) {
            const Element& e = elements[i];
            // What holds most of the article's text is no clutter, whatever it looks like.
            const bool most =
                (e.chars - e.link_chars) * 2 > elements[root].chars - elements[root].link_chars;
            out[i] = e.dropped || (i != root && (out[e.parent] || (!most && is_clutter(e, use_hints)) ||
                                                 is_media_box(e)));
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
        if (owner.dropped || owner.tag == GUMBO_TAG_H1) break;
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
        while (!kept.back().item && is_label(kept.back().block->text)) kept.pop_back();
        std::size_t first = 0;
        while (!kept[first].heading && !kept[first].item && is_label(kept[first].block->text))
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
    MainText text = collect(page, choose_roots(page), /*use_hints=*/true);
    if (size_of(text) >= 250) return text;
    // Class names misled the pruning (several boxes of the article named "promo"): try
    // without them, and keep whichever found more.
    prune(page, /*use_hints=*/false);
    MainText again = collect(page, choose_roots(page), /*use_hints=*/false);
    return size_of(again) > size_of(text) ? again : text;
}

}  // namespace newsindex::html
