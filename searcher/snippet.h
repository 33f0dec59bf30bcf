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

// The words of a query as they may appear in text, lower case: its unprefixed terms, and its
// stems (Z terms) without the Z.
std::vector<std::string> query_words(const Xapian::Query& query);

// A stemmer for snippets of a query with these words (query_words()): it stems as stemmer
// does any word that could stem to one of them, and returns other words unchanged. Snowball's
// English stemmer changes the ends of words, never the first letter, so a word that does not
// begin with the first letter of a query word cannot stem to it. Snippets stem every word they
// read, and without the background model nothing but the query words counts. Shares
// stemmer's memory. Words are folded (text::fold_for_search) and, for a language with
// elisions (language, a primary subtag; text/elision.h), read without the elided word, as the
// index reads them, so "l'Élection" is marked for a query stem "elect".
Xapian::Stem snippet_stemmer(const std::vector<std::string>& words, const Xapian::Stem& stemmer,
                             const std::string& language = {});

// The MSet to make snippets with for query, whose search gave mset. Xapian highlights a
// phrase by comparing the words of the text with the phrase's terms, and a wildcard by the
// start of each word, and our terms are stems with the Z prefix, which never compare equal to
// words. When the query has such terms only inside phrases, or wildcards, this is an MSet of
// no documents whose query holds the same terms as loose terms (which Xapian stems to
// compare) and the wildcard starts as typed, and carries the term weights snippets need;
// otherwise mset itself.
Xapian::MSet snippet_mset(const Xapian::MSet& mset, const Xapian::Database& db,
                          const Xapian::Query& query,
                          const std::vector<std::string>& wildcard_starts);

// Returns about length bytes of text around the best matches of the query behind mset.
// stemmer must stem as the query was parsed. Only a window of the text, 2 x length bytes
// from a little before the first place one of words appears, is weighed: weighing every
// window of a long article costs more than the search. An ellipsis marks text left out at
// either end.
std::vector<SnippetPart> make_snippet(const Xapian::MSet& mset, const std::string& text,
                                      const std::vector<std::string>& words,
                                      const Xapian::Stem& stemmer, std::size_t length);

// The parts joined without markup.
std::string plain_text(const std::vector<SnippetPart>& parts);

// Control characters that cannot occur in indexed text (it is cleaned when indexed).
inline constexpr const char* kMatchStart = "\x02";
inline constexpr const char* kMatchEnd = "\x03";
// Marks text left out before or after a snippet.
inline constexpr const char* kEllipsis = "…";

}  // namespace newsindex::searcher
