#include "formats/html_captions.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "formats/article_text.h"
#include "formats/html_parse.h"
#include "text/strings.h"

namespace newsindex::html {

namespace {

// Labels that introduce a credit, lower case. Word labels must be followed by ':' in the text
// (else "Photo" could start a caption); the others stand as they are.
constexpr std::string_view kWordLabels[] = {
    "image credit", "photo credit", "picture credit", "fotocredit", "credits", "credit",
    "photographer", "fotograf",     "photographs",    "photograph", "photos",  "photo",
    "pictures",     "picture",      "images",         "image",      "fotos",   "foto",
    "bilder",       "bild",         "quelle"};
constexpr std::string_view kSignLabels[] = {"©", "(c)"};
// Labels that start a credit only at the start of the text or after "(", "/" or "|":
// elsewhere they are words of the caption ("a dispute over copyright law").
constexpr std::string_view kOpeningLabels[] = {"copyright", "photo by", "foto von"};

// Credits longer than this are no credits: a caption that happens to hold "Photo:".
constexpr std::size_t kMaxCreditBytes = 120;

// Whether a label may start at text[at]: not inside a word ("Photography:" is no label, but
// spans written without a space give "phenomenon.Credit:"), and for the labels that are also
// words of captions, only where a credit starts.
bool boundary_before(std::string_view text, std::size_t at, bool opening_only) {
    if (at == 0) return true;
    if (opening_only) {
        std::size_t before = at;
        while (before > 0 && text[before - 1] == ' ') --before;
        if (before == 0) return true;
        const char c = text[before - 1];
        return c == '(' || c == '/' || c == '|';
    }
    const auto byte = static_cast<unsigned char>(text[at - 1]);
    return byte < 0x80 && !std::isalnum(byte);
}

// Where a label starts in lower (lower-cased text) at or after from, and its length with the
// ':' after a word label; npos when none does.
std::size_t find_label(std::string_view lower, std::size_t from, std::size_t& length) {
    std::size_t best = std::string_view::npos;
    auto consider = [&](std::string_view label, bool needs_colon, bool opening_only) {
        for (std::size_t at = lower.find(label, from); at != std::string_view::npos;
             at = lower.find(label, at + 1)) {
            if (!boundary_before(lower, at, opening_only)) continue;
            std::size_t end = at + label.size();
            if (needs_colon) {
                while (end < lower.size() && lower[end] == ' ') ++end;
                if (end >= lower.size() || lower[end] != ':') continue;
                ++end;
            }
            // The earliest label; at one place, the longest ("image credit:" over "image").
            if (best == std::string_view::npos || at < best || (at == best && end - at > length)) {
                best = at;
                length = end - at;
            }
            break;
        }
    };
    for (std::string_view label : kWordLabels) consider(label, true, false);
    for (std::string_view label : kSignLabels) consider(label, false, false);
    for (std::string_view label : kOpeningLabels) consider(label, false, true);
    return best;
}

std::string_view trim_chars(std::string_view text, std::string_view chars) {
    while (!text.empty() && chars.find(text.front()) != std::string_view::npos)
        text.remove_prefix(1);
    while (!text.empty() && chars.find(text.back()) != std::string_view::npos)
        text.remove_suffix(1);
    return text;
}

// Trailing separators a caption keeps before its credit: "Harbour at dawn - Photo: X".
std::string caption_before_credit(std::string_view text) {
    while (!text.empty()) {
        text = text::trim(text);
        if (!text.empty() &&
            std::string_view("-|/([").find(text.back()) != std::string_view::npos) {
            text.remove_suffix(1);
            continue;
        }
        if (text.size() >= 3 && (text.substr(text.size() - 3) == "\u2013" ||
                                 text.substr(text.size() - 3) == "\u2014")) {
            text.remove_suffix(3);
            continue;
        }
        break;
    }
    return std::string(text);
}

bool words_include(const std::string& names, std::string_view word) {
    for (std::string_view part : text::split(names, " ")) {
        std::size_t start = 0;
        while (start <= part.size()) {
            std::size_t end = part.find_first_of("-_", start);
            if (part.substr(start, end == std::string_view::npos ? end : end - start) == word)
                return true;
            if (end == std::string_view::npos) break;
            start = end + 1;
        }
    }
    return false;
}

// Text for screen readers only ("Image caption" before BBC captions).
bool is_screen_reader_text(const GumboNode& node) {
    const std::string css = text::ascii_lower(attribute_or_empty(node, "class"));
    for (std::string_view hint : {"off-screen", "offscreen", "sr-only", "visually-hidden",
                                  "visuallyhidden", "screen-reader"})
        if (css.find(hint) != std::string::npos) return true;
    return false;
}

bool is_credit_element(const GumboNode& node) {
    if (is_html(node, GUMBO_TAG_CITE) || is_html(node, GUMBO_TAG_SMALL)) return true;
    const std::string names =
        text::ascii_lower(attribute_or_empty(node, "class") + " " + attribute_or_empty(node, "id"));
    for (std::string_view hint : {"credit", "copyright", "photographer", "source"})
        if (names.find(hint) != std::string::npos) return true;
    if (words_include(names, "foto") || words_include(names, "photo")) return true;
    const std::string itemprop = text::ascii_lower(attribute_or_empty(node, "itemprop"));
    for (std::string_view prop :
         {"copyrightholder", "copyrightnotice", "credittext", "author", "creator"})
        if (itemprop == prop) return true;
    return false;
}

// Elements whose ends do not separate words.
bool is_inline(const GumboNode& node) {
    switch (node.v.element.tag) {
        case GUMBO_TAG_A:
        case GUMBO_TAG_SPAN:
        case GUMBO_TAG_B:
        case GUMBO_TAG_I:
        case GUMBO_TAG_EM:
        case GUMBO_TAG_STRONG:
        case GUMBO_TAG_U:
        case GUMBO_TAG_S:
        case GUMBO_TAG_SUB:
        case GUMBO_TAG_SUP:
        case GUMBO_TAG_ABBR:
        case GUMBO_TAG_MARK:
        case GUMBO_TAG_Q:
        case GUMBO_TAG_TIME:
            return true;
        default:
            return false;
    }
}

FigureCaption read_caption(const GumboNode& figcaption) {
    FigureCaption result;
    result.whole = formats::tidy_inline(text_of(figcaption));
    std::string caption, credit;
    const GumboNode* credit_element = nullptr;  // the outermost one being walked
    bool any_credit_element = false;
    walk(
        figcaption,
        [&](const GumboNode& node) {
            std::string& into = credit_element ? credit : caption;
            if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE ||
                node.type == GUMBO_NODE_CDATA) {
                into += node.v.text.text;
                return false;
            }
            if (node.type != GUMBO_NODE_ELEMENT) return false;
            if (&node != &figcaption && is_screen_reader_text(node)) return false;
            if (&node != &figcaption && !credit_element && is_credit_element(node)) {
                credit_element = &node;
                any_credit_element = true;
                credit += ' ';
            }
            if (!is_inline(node)) (credit_element ? credit : caption) += ' ';
            return true;
        },
        [&](const GumboNode& node) {
            if (!is_inline(node)) (credit_element ? credit : caption) += ' ';
            if (&node == credit_element) credit_element = nullptr;
        });
    if (any_credit_element) {
        result.caption = caption_before_credit(formats::tidy_inline(caption));
        result.credit = credit_without_label(formats::tidy_inline(credit));
        // A label left before the credit element ("Foto: <span>dpa</span>").
        std::string before, label_credit;
        if (split_trailing_credit(result.caption, before, label_credit) && label_credit.empty())
            result.caption = before;
    } else {
        const std::string text = formats::tidy_inline(caption);
        if (!split_trailing_credit(text, result.caption, result.credit)) result.caption = text;
    }
    return result;
}

}  // namespace

std::string credit_without_label(std::string_view credit) {
    std::string_view text = text::trim(credit);
    while (true) {
        const std::string_view before = text;
        if (text.size() >= 2 && text.front() == '(' && text.back() == ')')
            text = text::trim(text.substr(1, text.size() - 2));
        const std::string lower = text::ascii_lower(text);
        std::size_t length = 0;
        if (find_label(lower, 0, length) == 0) text = text::trim(text.substr(length));
        text = trim_chars(text, " :");
        if (text == before) break;
    }
    return std::string(text);
}

bool split_trailing_credit(std::string_view text, std::string& caption, std::string& credit) {
    const std::string lower = text::ascii_lower(text);
    // The first label with a credit's length of text after it: labels inside the credit
    // ("Bild: © Anna Roe") are the credit's, and one far from the end is the caption's.
    for (std::size_t from = 0;;) {
        std::size_t length = 0;
        const std::size_t at = find_label(lower, from, length);
        if (at == std::string_view::npos) return false;
        std::string_view rest = text::trim(text.substr(at + length));
        // "(Foto: dpa)": the bracket closes the credit, not the caption.
        const bool bracketed = at > 0 && text[at - 1] == '(';
        if (bracketed && !rest.empty() && rest.back() == ')') rest.remove_suffix(1);
        if (rest.size() <= kMaxCreditBytes) {
            caption = caption_before_credit(text.substr(0, at));
            credit = credit_without_label(rest);
            return true;
        }
        from = at + 1;
    }
}

std::vector<FigureCaption> read_figure_captions(const GumboNode& root) {
    std::vector<FigureCaption> captions;
    walk(
        root,
        [&](const GumboNode& node) {
            if (node.type != GUMBO_NODE_ELEMENT) return false;
            if (is_html(node, GUMBO_TAG_FIGCAPTION)) {
                captions.push_back(read_caption(node));
                return false;
            }
            return true;
        },
        [](const GumboNode&) {});
    return captions;
}

}  // namespace newsindex::html
