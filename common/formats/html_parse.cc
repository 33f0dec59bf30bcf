#include "formats/html_parse.h"

#include <new>

namespace newsindex::html {

Document::Document(std::string_view utf8) {
    GumboOptions options = kGumboDefaultOptions;
    // Parse errors are of no use to a reader that takes pages as browsers do: recording them
    // only costs time.
    options.max_errors = 0;
    output_ = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
    if (!output_) throw std::bad_alloc();
}

Document::~Document() {
    gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

const char* attribute(const GumboNode& element, const char* name) {
    if (element.type != GUMBO_NODE_ELEMENT) return nullptr;
    const GumboAttribute* found = gumbo_get_attribute(&element.v.element.attributes, name);
    return found ? found->value : nullptr;
}

std::string attribute_or_empty(const GumboNode& element, const char* name) {
    const char* value = attribute(element, name);
    return value ? std::string(value) : std::string();
}

namespace {
bool separates_words(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_BR:
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_TR:
            return true;
        default:
            return false;
    }
}
}  // namespace

std::string text_of(const GumboNode& element) {
    std::string text;
    walk(
        element,
        [&](const GumboNode& node) {
            if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE ||
                node.type == GUMBO_NODE_CDATA) {
                text += node.v.text.text;
                return false;
            }
            if (node.type != GUMBO_NODE_ELEMENT) return false;
            if (separates_words(node.v.element.tag)) text += ' ';
            return node.v.element.tag != GUMBO_TAG_SCRIPT && node.v.element.tag != GUMBO_TAG_STYLE;
        },
        [&](const GumboNode& node) {
            if (separates_words(node.v.element.tag)) text += ' ';
        });
    return text;
}

}  // namespace newsindex::html
