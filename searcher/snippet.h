// Snippets: the passage of an article that best shows why it matched, as plain-text pieces
// each marked as a match or not, so that every printer can highlight in its own way.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace newsindex::searcher {

struct SnippetPart {
    std::string text;  // plain UTF-8, no markup
    bool matched;      // true for a word or phrase that the query matched
};

// Parses the output of Xapian::MSet::snippet() generated with hi_start = kMatchStart and
// hi_end = kMatchEnd: splits it at the markers and decodes the HTML escapes Xapian adds.
std::vector<SnippetPart> parse_marked_snippet(const std::string& marked);

// Returns about length bytes of text around the best matches of the query behind mset.
// stemmer must be the one the query was parsed with.
std::vector<SnippetPart> make_snippet(const Xapian::MSet& mset, const std::string& text,
                                      const Xapian::Stem& stemmer, std::size_t length);

// The parts joined without markup.
std::string plain_text(const std::vector<SnippetPart>& parts);

// Control characters that cannot occur in indexed text (it is cleaned when indexed).
inline constexpr const char* kMatchStart = "\x02";
inline constexpr const char* kMatchEnd = "\x03";

}  // namespace newsindex::searcher
