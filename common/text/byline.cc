#include "text/byline.h"

#include <algorithm>

#include "text/strings.h"

namespace newsindex::text {

namespace {

// Splits names at separators; " and " only as a whole word so "Anderson" stays whole.
std::vector<std::string> split_names(std::string_view names) {
    std::string unified(names);
    for (char& c : unified) {
        if (c == ';' || c == '&') c = ',';
    }
    std::string lowered = ascii_lower(unified);
    std::string with_commas;
    for (std::size_t i = 0; i < unified.size();) {
        if (lowered.compare(i, 5, " and ") == 0) {
            with_commas += ",";
            i += 5;
        } else {
            with_commas += unified[i++];
        }
    }
    std::vector<std::string> result;
    for (std::string_view piece : split(with_commas, ",")) {
        std::string name = collapse_spaces(piece);
        if (!name.empty() && std::find(result.begin(), result.end(), name) == result.end())
            result.push_back(name);
    }
    return result;
}

}  // namespace

bool is_byline(std::string_view line) {
    std::string_view trimmed = trim(line);
    if (!starts_with_nocase(trimmed, "by") || trimmed.size() < 4) return false;
    char after = trimmed[2];
    return (after == ' ' || after == ':' || after == '\t') && !trim(trimmed.substr(3)).empty();
}

std::vector<std::string> parse_byline(std::string_view line) {
    if (!is_byline(line)) return {};
    std::string_view names = trim(trim(line).substr(2));
    if (!names.empty() && names.front() == ':') names.remove_prefix(1);
    return split_names(strip_markdown_inline(names));
}

}  // namespace newsindex::text
