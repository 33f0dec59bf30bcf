#include "formats/front_matter.h"

#include "text/strings.h"
#include "text/utf8.h"

namespace newsindex::formats {

namespace {

struct Line {
    std::string_view text;  // without the line end
    std::size_t next;       // offset of the following line
};

Line line_at(std::string_view text, std::size_t pos) {
    const std::size_t end = text.find('\n', pos);
    std::string_view line =
        end == std::string_view::npos ? text.substr(pos) : text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return {line, end == std::string_view::npos ? text.size() : end + 1};
}

bool is_delimiter(std::string_view line, std::string_view mark) {
    return text::trim(line) == mark && line.substr(0, mark.size()) == mark;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Reads a double-quoted scalar starting at text[0] == '"'; stops at the closing quote or the
// end. used receives the bytes read.
std::string double_quoted(std::string_view text, std::size_t& used) {
    std::string out;
    std::size_t i = 1;
    for (; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] != '\\' || i + 1 >= text.size()) {
            out.push_back(text[i]);
            continue;
        }
        const char escape = text[++i];
        std::size_t hex_digits = escape == 'x' ? 2 : escape == 'u' ? 4 : escape == 'U' ? 8 : 0;
        if (hex_digits > 0) {
            char32_t value = 0;
            std::size_t read = 0;
            while (read < hex_digits && i + 1 + read < text.size() &&
                   hex_value(text[i + 1 + read]) >= 0) {
                value = value * 16 + static_cast<char32_t>(hex_value(text[i + 1 + read]));
                ++read;
            }
            if (read == hex_digits) {
                text::append_utf8(out, value);
                i += read;
            } else {
                out.push_back(escape);
            }
            continue;
        }
        switch (escape) {
            case 'n':
                out.push_back('\n');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case '0':
                break;
            case '_':
                out.append("\xC2\xA0");
                break;
            default:
                out.push_back(escape);
                break;  // \" \\ \/ and unknown escapes
        }
    }
    used = i < text.size() ? i + 1 : i;
    return out;
}

std::string single_quoted(std::string_view text, std::size_t& used) {
    std::string out;
    std::size_t i = 1;
    for (; i < text.size(); ++i) {
        if (text[i] == '\'') {
            if (i + 1 < text.size() && text[i + 1] == '\'') {
                out.push_back('\'');
                ++i;
                continue;
            }
            break;
        }
        out.push_back(text[i]);
    }
    used = i < text.size() ? i + 1 : i;
    return out;
}

// A scalar as written after "key:" or "- ": quoted, or plain up to a " #" comment.
std::string scalar(std::string_view text) {
    text = text::trim(text);
    std::size_t used = 0;
    if (!text.empty() && text.front() == '"') return double_quoted(text, used);
    if (!text.empty() && text.front() == '\'') return single_quoted(text, used);
    if (!text.empty() && text.front() == '#') return {};
    const std::size_t comment = text.find(" #");
    if (comment != std::string_view::npos) text = text::trim(text.substr(0, comment));
    if (text == "~" || text == "null" || text == "Null" || text == "NULL") return {};
    return std::string(text);
}

// Items of an inline list "[a, 'b, c', "d"]"; text starts after the '['.
std::vector<std::string> inline_list(std::string_view text) {
    std::vector<std::string> items;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == ',')) ++i;
        if (i >= text.size() || text[i] == ']') break;
        std::size_t used = 0;
        std::string item;
        if (text[i] == '"') {
            item = double_quoted(text.substr(i), used);
        } else if (text[i] == '\'') {
            item = single_quoted(text.substr(i), used);
        } else {
            const std::size_t end = text.find_first_of(",]", i);
            used = (end == std::string_view::npos ? text.size() : end) - i;
            item = std::string(text::trim(text.substr(i, used)));
        }
        i += used;
        if (!item.empty()) items.push_back(item);
        // Skip to the separator after a quoted item.
        while (i < text.size() && text[i] != ',' && text[i] != ']') ++i;
    }
    return items;
}

// Position of the ':' that ends a mapping key in content, or npos. The colon must be
// followed by a space or the end of the line; a quoted key is allowed.
std::size_t key_colon(std::string_view content) {
    std::size_t start = 0;
    if (!content.empty() && (content.front() == '"' || content.front() == '\'')) {
        const std::size_t close = content.find(content.front(), 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        start = close + 1;
    }
    for (std::size_t i = start; i < content.size(); ++i) {
        if (content[i] == ':' &&
            (i + 1 == content.size() || content[i + 1] == ' ' || content[i + 1] == '\t'))
            return i;
        if (content[i] == ' ' && i + 1 < content.size() && content[i + 1] == '#') break;
    }
    return std::string_view::npos;
}

std::string key_name(std::string_view raw) {
    raw = text::trim(raw);
    if (raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'') && raw.back() == raw.front())
        raw = raw.substr(1, raw.size() - 2);
    return text::ascii_lower(raw);
}

std::size_t indent_of(std::string_view line) {
    std::size_t indent = 0;
    while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t')) ++indent;
    return indent;
}

struct Parent {
    std::size_t indent;
    std::string key;  // dotted
};

// Front matter nests a level or two; deeper mappings are skipped, which also bounds the length
// of dotted keys.
constexpr std::size_t kMaxDepth = 8;

}  // namespace

std::optional<FrontMatterSplit> split_front_matter(std::string_view text) {
    std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    const Line first = line_at(text, start);
    if (!is_delimiter(first.text, "---")) return std::nullopt;
    unsigned line_number = 1;
    for (std::size_t pos = first.next; pos < text.size();) {
        const Line line = line_at(text, pos);
        ++line_number;
        if (is_delimiter(line.text, "---") || is_delimiter(line.text, "...")) {
            return FrontMatterSplit{text.substr(first.next, pos - first.next),
                                    text.substr(line.next), line_number + 1};
        }
        pos = line.next;
    }
    return std::nullopt;
}

FrontMatter parse_front_matter(std::string_view yaml) {
    FrontMatter result;
    std::vector<Parent> parents;  // open mappings whose keys had no value on their line
    std::string list_key;         // the key a "- item" line adds to, if any
    std::size_t list_indent = 0;
    std::size_t item_indent = std::string::npos;  // of the last "- " item with a mapping
    bool item_has_name = false;
    std::string block_key;  // a "|" or ">" scalar being read
    std::size_t block_indent = 0;
    bool block_folded = false;
    std::string flow_key;  // an inline list spanning lines
    std::string flow_text;

    for (std::size_t pos = 0; pos < yaml.size();) {
        const Line line = line_at(yaml, pos);
        pos = line.next;
        const std::size_t indent = indent_of(line.text);
        const std::string_view content = text::trim(line.text);

        if (!flow_key.empty()) {
            flow_text += ' ';
            flow_text.append(content);
            if (content.find(']') != std::string_view::npos) {
                result[flow_key] = {inline_list(flow_text), true};
                flow_key.clear();
            }
            continue;
        }
        if (!block_key.empty()) {
            if (content.empty() || indent > block_indent) {
                std::string& value = result[block_key].items.back();
                if (!value.empty()) value += block_folded ? " " : "\n";
                value.append(content);
                continue;
            }
            block_key.clear();
        }
        if (content.empty() || content.front() == '#') continue;

        if (content == "-" || content.substr(0, 2) == "- ") {
            if (list_key.empty() || indent < list_indent) continue;
            std::string_view item = text::trim(content.substr(1));
            FrontMatterValue& value = result[list_key];
            value.is_list = true;
            const std::size_t colon = key_colon(item);
            item_indent = std::string::npos;
            if (colon != std::string_view::npos && item.front() != '"' && item.front() != '\'') {
                // A list of mappings: keep the "name", else the first value.
                item_indent = indent;
                item_has_name = key_name(item.substr(0, colon)) == "name";
                value.items.push_back(scalar(item.substr(colon + 1)));
            } else {
                value.items.push_back(scalar(item));
            }
            continue;
        }
        const std::size_t colon = key_colon(content);
        if (colon == std::string_view::npos) continue;  // not our subset
        if (item_indent != std::string::npos && indent > item_indent) {
            // Another key of the mapping in the current list item.
            if (!item_has_name && key_name(content.substr(0, colon)) == "name") {
                result[list_key].items.back() = scalar(content.substr(colon + 1));
                item_has_name = true;
            }
            continue;
        }
        item_indent = std::string::npos;
        while (!parents.empty() && parents.back().indent >= indent) parents.pop_back();
        if (parents.size() >= kMaxDepth) continue;
        std::string key = key_name(content.substr(0, colon));
        if (!parents.empty()) key = parents.back().key + "." + key;
        const std::string_view raw = text::trim(content.substr(colon + 1));
        list_key.clear();
        if (raw.empty() || raw.front() == '#') {
            parents.push_back({indent, key});
            list_key = key;
            list_indent = indent;
            result.erase(key);
        } else if (raw.front() == '[') {
            if (raw.find(']') == std::string_view::npos) {
                flow_key = key;
                flow_text = std::string(raw.substr(1));
            } else {
                result[key] = {inline_list(raw.substr(1)), true};
            }
        } else if (raw.front() == '|' || raw.front() == '>') {
            result[key] = {{std::string()}, false};
            block_key = key;
            block_indent = indent;
            block_folded = raw.front() == '>';
        } else {
            result[key] = {{scalar(raw)}, false};
        }
    }
    if (!flow_key.empty()) result[flow_key] = {inline_list(flow_text), true};
    return result;
}

}  // namespace newsindex::formats
