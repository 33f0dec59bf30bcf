#include "formats/html_slim.h"

namespace newsindex::html {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

// True when text begins with word (lowercase), whatever the case of text.
bool starts_with_nocase(std::string_view text, std::string_view word) {
    if (text.size() < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (lower(text[i]) != word[i]) return false;
    }
    return true;
}

bool equals_nocase(std::string_view text, std::string_view word) {
    return text.size() == word.size() && starts_with_nocase(text, word);
}

// The attributes nobody reads (see the header): cutting them saves the parser the most.
bool unread_attribute(std::string_view tag, std::string_view name) {
    if (starts_with_nocase(name, "data-")) return true;
    if (equals_nocase(name, "href"))
        return !equals_nocase(tag, "link") && !equals_nocase(tag, "base");
    if (name.size() > 2 && starts_with_nocase(name, "on")) return true;
    return equals_nocase(name, "src") || equals_nocase(name, "srcset") ||
           equals_nocase(name, "sizes");
}

// The position of the first "</svg" (any case) at or after from, or html.size().
std::size_t svg_end(std::string_view html, std::size_t from) {
    for (std::size_t at = html.find("</", from); at != std::string_view::npos;
         at = html.find("</", at + 2)) {
        if (starts_with_nocase(html.substr(at + 2), "svg")) return at;
    }
    return html.size();
}

}  // namespace

std::string slimmed_markup(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    std::size_t i = 0;
    while (i < html.size()) {
        const std::size_t lt = html.find('<', i);
        if (lt == std::string_view::npos) {
            out.append(html.substr(i));
            break;
        }
        out.append(html.substr(i, lt - i));
        i = lt;
        if (html.compare(i, 4, "<!--") == 0) {
            // "<!-->" and "<!--->" are whole (empty) comments to the tokenizer.
            if (html.compare(i + 4, 1, ">") == 0) {
                i += 5;
            } else if (html.compare(i + 4, 2, "->") == 0) {
                i += 6;
            } else {
                const std::size_t close = html.find("-->", i + 4);
                i = close == std::string_view::npos ? html.size() : close + 3;
            }
            continue;
        }
        if (i + 1 >= html.size() || !is_letter(html[i + 1])) {
            out.push_back('<');
            ++i;
            continue;
        }
        // A start tag: its name, then attributes up to ">".
        std::size_t at = i + 1;
        while (at < html.size() && !is_space(html[at]) && html[at] != '/' && html[at] != '>') ++at;
        const std::string_view tag = html.substr(i + 1, at - i - 1);
        out.append(html.substr(i, at - i));
        bool self_closing = false;
        while (at < html.size() && html[at] != '>') {
            const char c = html[at];
            if (is_space(c) || c == '/') {
                self_closing = c == '/';
                out.push_back(c);
                ++at;
                continue;
            }
            self_closing = false;
            // An attribute: a name (its first character may be "="), then "=" and a value.
            const std::size_t name_start = at++;
            while (at < html.size() && !is_space(html[at]) && html[at] != '/' && html[at] != '>' &&
                   html[at] != '=')
                ++at;
            const std::string_view name = html.substr(name_start, at - name_start);
            std::size_t end = at;
            while (end < html.size() && is_space(html[end])) ++end;
            if (end < html.size() && html[end] == '=') {
                ++end;
                while (end < html.size() && is_space(html[end])) ++end;
                if (end < html.size() && (html[end] == '"' || html[end] == '\'')) {
                    const std::size_t close = html.find(html[end], end + 1);
                    end = close == std::string_view::npos ? html.size() : close + 1;
                } else {
                    while (end < html.size() && !is_space(html[end]) && html[end] != '>') ++end;
                }
            } else {
                end = at;  // a name alone: the spaces after it are the next separator
            }
            if (!unread_attribute(tag, name)) out.append(html.substr(name_start, end - name_start));
            at = end;
        }
        if (at < html.size()) {
            out.push_back('>');
            ++at;
        }
        i = at;
        if (equals_nocase(tag, "svg") && !self_closing) i = svg_end(html, i);
    }
    return out;
}

}  // namespace newsindex::html
