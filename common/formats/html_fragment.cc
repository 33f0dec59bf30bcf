#include "formats/html_fragment.h"

#include <algorithm>
#include <iterator>

#include "formats/html_extract.h"
#include "formats/html_parse.h"

namespace newsindex::html {

namespace {

// Elements common in article bodies kept as markup; lowercase.
constexpr std::string_view kTagNames[] = {
    "p",      "div",    "br",     "a",          "span",    "em",         "strong", "b",
    "i",      "u",      "ul",     "ol",         "li",      "h1",         "h2",     "h3",
    "h4",     "h5",     "h6",     "blockquote", "figure",  "figcaption", "img",    "table",
    "tr",     "td",     "th",     "section",    "article", "aside",      "nav",    "script",
    "style",  "iframe", "pre",    "code",       "hr",      "sup",        "sub",    "header",
    "footer", "main",   "center", "font",       "small",   "picture",    "video",  "noscript"};

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

bool looks_like_html(std::string_view text) {
    std::size_t tags = 0, closing = 0;
    for (std::size_t at = text.find('<'); at != std::string_view::npos;
         at = text.find('<', at + 1)) {
        std::size_t i = at + 1;
        const bool end_tag = i < text.size() && text[i] == '/';
        if (end_tag) ++i;
        const std::size_t start = i;
        while (i < text.size() && is_name_char(text[i]) && i - start < 12) ++i;
        if (i == start || i >= text.size()) continue;
        // The name must end as the tokenizer ends it: space, "/" or ">".
        const char after = text[i];
        if (after != '>' && after != '/' && after != ' ' && after != '\t' && after != '\n' &&
            after != '\r')
            continue;
        std::string name(text.substr(start, i - start));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
        if (std::find(std::begin(kTagNames), std::end(kTagNames), name) == std::end(kTagNames))
            continue;
        ++tags;
        if (end_tag || name == "br") ++closing;
        if (tags >= 2 && closing >= 1) return true;
    }
    return false;
}

std::vector<std::string> fragment_paragraphs(std::string_view html) {
    const Document document(html);
    return extract_main_text(document.root()).paragraphs;
}

}  // namespace newsindex::html
