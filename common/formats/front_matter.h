// YAML front matter of Markdown files: the block between a first line "---" and the next
// line "---" or "...". Only the subset that front matter uses is read: "key: value" scalars
// (plain, 'single-' or "double-quoted"), inline lists "[a, 'b, c']", block lists ("- a"
// lines, also lists of mappings, of which the "name" or else the first value is taken),
// block scalars ("|" and ">"), nested mappings (flattened to dotted keys, "author.name"),
// comments. Anything else (anchors, tags, flow mappings) is read as plain text or skipped;
// nothing in it is an error. No recursion: nesting depth costs no stack. Thread-safe; no
// state.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsindex::formats {

struct FrontMatterValue {
    std::vector<std::string> items;  // one item for a scalar
    bool is_list = false;
};

// Keys lowercased, nested keys joined by ".". A key given twice keeps its last value.
using FrontMatter = std::map<std::string, FrontMatterValue>;

struct FrontMatterSplit {
    std::string_view yaml;     // between the delimiter lines
    std::string_view rest;     // after the closing delimiter line
    unsigned rest_first_line;  // 1-based line number of rest in the whole text
};

// Finds front matter at the start of text (after an optional byte-order mark). Returns
// nullopt when text does not start with a "---" line or the block is never closed.
std::optional<FrontMatterSplit> split_front_matter(std::string_view text);

// Reads the YAML subset described above.
FrontMatter parse_front_matter(std::string_view yaml);

}  // namespace newsindex::formats
