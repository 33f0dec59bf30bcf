#include "formats/html_parse.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <new>

#include "formats/html_slim.h"

namespace newsindex::html {

void* Document::allocate(void* userdata, std::size_t size) {
    Arena& arena = *static_cast<Arena*>(userdata);
    size = (size + 15) & ~std::size_t{15};
    if (size > arena.left) {
        // Chunks grow with the page (64 KiB to 4 MiB), so that a large page needs few.
        const std::size_t grown = std::size_t{64 * 1024}
                                  << std::min<std::size_t>(arena.chunks.size(), 6);
        const std::size_t chunk = std::max(size, grown);
        arena.chunks.emplace_back(new char[chunk]);
        arena.next = arena.chunks.back().get();
        arena.left = chunk;
    }
    void* pointer = arena.next;
    arena.next += size;
    arena.left -= size;
    return pointer;
}

void Document::release(void*, void*) {}  // the arena frees everything at once

Document::Document(std::string_view utf8)
    // Nesting is capped before elements are counted: its excess tags go, their text stays.
    : source_(capped_attributes(
          capped_elements(capped_nesting(slimmed_markup(without_script_contents(utf8)))))) {
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &Document::allocate;
    options.deallocator = &Document::release;
    options.userdata = &arena_;
    // Parse errors are of no use to a reader that takes pages as browsers do: recording them
    // only costs time.
    options.max_errors = 0;
    output_ = gumbo_parse_with_options(&options, source_.data(), source_.size());
    if (!output_) throw std::bad_alloc();
}

// Nothing to walk: the arena's chunks go with it.
Document::~Document() = default;

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// True when name ("script" or "style", lowercase) is a tag name at html[at], whatever its
// case, as the tokenizer reads one: followed by white space, "/" or ">".
bool tag_name_at(std::string_view html, std::size_t at, std::string_view name) {
    if (at > html.size() || html.size() - at < name.size() + 1) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if ((html[at + i] | 0x20) != name[i]) return false;
    }
    const char after = html[at + name.size()];
    return is_space(after) || after == '>' || after == '/';
}

}  // namespace

std::string without_script_contents(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    std::size_t copied = 0;
    std::size_t at = html.find('<');
    while (at != std::string_view::npos && at + 1 < html.size()) {
        if (html.compare(at, 4, "<!--") == 0) {
            // A comment hides any "<script" inside it, as the tokenizer would.
            const std::size_t close = html.find("-->", at + 4);
            at = close == std::string_view::npos ? close : html.find('<', close + 3);
            continue;
        }
        std::string_view name;
        if (tag_name_at(html, at + 1, "script"))
            name = "script";
        else if (tag_name_at(html, at + 1, "style"))
            name = "style";
        if (name.empty()) {
            at = html.find('<', at + 1);
            continue;
        }
        const std::size_t gt = html.find('>', at);
        if (gt == std::string_view::npos) break;
        std::string open(html.substr(at, gt - at));
        for (char& c : open) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        std::size_t end = gt + 1;
        while (true) {
            end = html.find("</", end);
            if (end == std::string_view::npos || tag_name_at(html, end + 2, name)) break;
            end += 2;
        }
        if (end == std::string_view::npos) end = html.size();
        const bool keep = name == "script" && open.find("ld+json") != std::string::npos;
        if (!keep) {
            out.append(html.substr(copied, gt + 1 - copied));
            copied = end;
        }
        at = end >= html.size() ? std::string_view::npos : html.find('<', end + 1);
    }
    out.append(html.substr(copied));
    return out;
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

namespace {

// Elements whose start tags do not open a level: void elements, and those the parser closes
// by itself when a sibling starts, which pages often leave open.
// The next '<' at or after from that is not inside a comment ("<!-- ... -->" is skipped
// whole); npos when there is none, or the rest is an unclosed comment.
std::size_t next_markup(std::string_view html, std::size_t from) {
    for (std::size_t at = html.find('<', from); at != std::string_view::npos;
         at = html.find('<', at + 1)) {
        if (html.compare(at, 4, "<!--") != 0) return at;
        const std::size_t close = html.find("-->", at + 4);
        if (close == std::string_view::npos) return std::string_view::npos;
        at = close;
    }
    return std::string_view::npos;
}

bool opens_no_level(std::string_view name) {
    static constexpr std::string_view kFlat[] = {
        "area", "base",  "br",     "col",    "embed",    "hr",    "img",   "input", "link",
        "meta", "param", "source", "track",  "wbr",      "p",     "li",    "dt",    "dd",
        "td",   "th",    "tr",     "option", "optgroup", "thead", "tbody", "tfoot", "colgroup"};
    return std::find(std::begin(kFlat), std::end(kFlat), name) != std::end(kFlat);
}

}  // namespace

std::string capped_nesting(std::string_view html, std::size_t max_depth) {
    std::string out;
    std::size_t copied = 0, depth = 0, removed = 0;
    int foreign = 0;  // open <svg> and <math> elements
    bool changed = false;
    for (std::size_t at = next_markup(html, 0);
         at != std::string_view::npos && at + 1 < html.size(); at = next_markup(html, at + 1)) {
        const bool end = html[at + 1] == '/';
        std::size_t i = at + (end ? 2 : 1);
        const std::size_t name_start = i;
        while (i < html.size() && std::isalnum(static_cast<unsigned char>(html[i]))) ++i;
        if (i == name_start) continue;
        // Names of interest are short: a fixed buffer spares an allocation per tag.
        char lowered[12];
        const std::size_t length = std::min<std::size_t>(i - name_start, sizeof lowered);
        for (std::size_t k = 0; k < length; ++k) {
            const char c = html[name_start + k];
            lowered[k] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        const std::string_view name(lowered, length);
        if (opens_no_level(name)) continue;
        const std::size_t gt = html.find('>', i);
        if (gt == std::string_view::npos) break;
        // "/>" closes an element only in SVG and MathML; "<div/>" opens a <div>.
        const bool foreign_root = name == "svg" || name == "math";
        if (!end && html[gt - 1] == '/' && (foreign > 0 || foreign_root)) continue;
        if (foreign_root) foreign += end ? (foreign > 0 ? -1 : 0) : 1;
        bool drop = false;
        if (end) {
            if (removed > 0) {
                --removed;
                drop = true;
            } else if (depth > 0) {
                --depth;
            }
        } else if (depth >= max_depth) {
            ++removed;
            drop = true;
        } else {
            ++depth;
        }
        if (drop) {
            if (!changed) out.reserve(html.size());
            changed = true;
            out.append(html.substr(copied, at - copied));
            copied = gt + 1;
        }
        at = gt;
    }
    if (!changed) return std::string(html);
    out.append(html.substr(copied));
    return out;
}

std::string_view capped_elements(std::string_view html, std::size_t max_elements) {
    std::size_t elements = 0;
    for (std::size_t at = next_markup(html, 0);
         at != std::string_view::npos && at + 1 < html.size(); at = next_markup(html, at + 1)) {
        if (std::isalpha(static_cast<unsigned char>(html[at + 1])) && ++elements > max_elements) {
            return html.substr(0, at);
        }
    }
    return html;
}

std::string capped_attributes(std::string_view html, std::size_t max_attributes) {
    std::string out;
    std::size_t copied = 0;
    bool changed = false;
    const std::size_t n = html.size();
    std::size_t at = html.find('<');
    while (at != std::string_view::npos && at + 1 < n) {
        if (!std::isalpha(static_cast<unsigned char>(html[at + 1]))) {
            at = html.find('<', at + 1);
            continue;
        }
        std::size_t i = at + 1;
        while (i < n && !is_space(html[i]) && html[i] != '>' && html[i] != '/') ++i;
        std::size_t attributes = 0, cut = std::string_view::npos;
        bool in_name = false;
        while (i < n && html[i] != '>') {
            const char c = html[i];
            if (is_space(c) || c == '/') {
                in_name = false;
                ++i;
            } else if (c == '=') {
                ++i;
                while (i < n && is_space(html[i])) ++i;
                if (i < n && (html[i] == '"' || html[i] == '\'')) {
                    const std::size_t close = html.find(html[i], i + 1);
                    i = close == std::string_view::npos ? n : close + 1;
                }
                in_name = false;
            } else {
                if (!in_name && ++attributes > max_attributes && cut == std::string_view::npos)
                    cut = i;
                in_name = true;
                ++i;
            }
        }
        if (cut != std::string_view::npos) {
            if (!changed) out.reserve(n);
            changed = true;
            out.append(html.substr(copied, cut - copied));
            copied = i;  // the ">" stays
        }
        at = i >= n ? std::string_view::npos : html.find('<', i + 1);
    }
    if (!changed) return std::string(html);
    out.append(html.substr(copied));
    return out;
}

}  // namespace newsindex::html
