#include "formats/html_hints.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "formats/html_parse.h"
#include "text/strings.h"

namespace newsindex::html::extract {

namespace {

// Words in class names and ids that mark page chrome. Matched against whole words of the
// names (split at anything but letters and digits), so that "ad" does not hit "header".
constexpr std::string_view kChromeWords[] = {
    "ad",       "ads",        "adv",         "advert",      "advertisement", "advertising",
    "banner",   "breadcrumb", "breadcrumbs", "byline",      "author",        "authors",
    "caption",  "credit",     "credits",     "comment",     "comments",      "commentlist",
    "disqus",   "cookie",     "cookies",     "consent",     "gdpr",          "footer",
    "masthead", "menu",       "nav",         "navbar",      "navigation",    "newsletter",
    "outbrain", "taboola",    "pagination",  "pager",       "popup",         "modal",
    "promo",    "promotion",  "related",     "recommended", "share",         "sharing",
    "social",   "sidebar",    "sponsor",     "sponsored",   "subscribe",     "subscription",
    "signup",   "teasers",    "toolbar",     "tools",       "widget",        "widgets",
    "rss",      "print",      "tags",        "meta",        "dateline",      "timestamp",
    "skip",     "overlay",    "trending",    "popular",     "more",          "login",
    "breaking", "ticker",     "banner"};

// Substrings that mark chrome even inside longer words ("sidebarLeft", "commentbox").
constexpr std::string_view kChromeParts[] = {
    "sidebar", "comment", "newsletter", "breadcrumb", "cookie", "social", "share", "related",
    "footer", "navbar", "advert", "sponsor", "promo", "popup", "taboola", "outbrain", "subscribe",
    "recommend", "sr-only", "screen-reader", "visually-hidden", "disclaimer", "copyright", "author",
    // The same in the languages whose sites name their markup in them.
    "kommentar", "comentario", "werbung", "publicidad", "publicite"};

// Substrings and words that mark the article.
constexpr std::string_view kArticleParts[] = {"article", "content", "story", "entry",
                                              "body",    "prose",   "main"};
constexpr std::string_view kArticleWords[] = {"post", "text", "blog", "single"};

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

}  // namespace

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

}  // namespace newsindex::html::extract
