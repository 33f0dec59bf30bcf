#include "snippet.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <set>

#include "stop_words.h"
#include "text/elision.h"
#include "text/fold.h"
#include "text/strings.h"

namespace newsindex::searcher {

namespace {

// Appends the code point as UTF-8; code points past Unicode become U+FFFD.
void append_utf8(std::string& out, unsigned long cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Decodes the entity starting at text[pos] == '&' into out; returns the bytes consumed, or 0
// when it is not an entity this decoder knows (the '&' is then kept as it is).
std::size_t decode_entity(const std::string& text, std::size_t pos, std::string& out) {
    std::size_t semicolon = text.find(';', pos);
    if (semicolon == std::string::npos || semicolon - pos > 10) return 0;
    const std::string name = text.substr(pos + 1, semicolon - pos - 1);
    if (name == "amp")
        out += '&';
    else if (name == "lt")
        out += '<';
    else if (name == "gt")
        out += '>';
    else if (name == "quot")
        out += '"';
    else if (name == "apos")
        out += '\'';
    else if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const std::string digits = name.substr(hex ? 2 : 1);
        if (digits.empty()) return 0;
        char* end = nullptr;
        unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
        if (*end != '\0') return 0;
        append_utf8(out, cp);
    } else {
        return 0;
    }
    return semicolon - pos + 1;
}

}  // namespace

std::vector<SnippetPart> parse_marked_snippet(const std::string& marked) {
    std::vector<SnippetPart> parts;
    std::string current;
    bool matched = false;
    auto flush = [&]() {
        if (!current.empty()) parts.push_back({current, matched});
        current.clear();
    };
    for (std::size_t i = 0; i < marked.size(); ++i) {
        const char c = marked[i];
        if (c == kMatchStart[0] || c == kMatchEnd[0]) {
            flush();
            matched = c == kMatchStart[0];
        } else if (c == '&') {
            std::size_t used = decode_entity(marked, i, current);
            if (used == 0)
                current += c;
            else
                i += used - 1;
        } else {
            current += c;
        }
    }
    flush();
    // Words matched one by one but standing together ("Nord", " ", "Stream") read as one
    // highlight, as a phrase would.
    std::vector<SnippetPart> joined;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const bool after_match = !joined.empty() && joined.back().matched;
        if (after_match && parts[i].matched) {
            joined.back().text += parts[i].text;
        } else if (after_match && parts[i].text == " " && i + 1 < parts.size() &&
                   parts[i + 1].matched) {
            joined.back().text += " " + parts[i + 1].text;
            ++i;
        } else {
            joined.push_back(std::move(parts[i]));
        }
    }
    return joined;
}

std::vector<std::string> query_words(const Xapian::Query& query) {
    std::vector<std::string> words;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        const std::string& term = *it;
        if (term.empty()) continue;
        if (term[0] == 'Z' && term.size() > 1 && !(term[1] >= 'A' && term[1] <= 'Z'))
            words.push_back(term.substr(1));
        else if (!(term[0] >= 'A' && term[0] <= 'Z'))
            words.push_back(term);
    }
    return words;
}

namespace {

class QueryWordStemmer : public Xapian::StemImplementation {
  public:
    QueryWordStemmer(const std::vector<std::string>& words, const Xapian::Stem& stemmer,
                     std::string language)
        : stemmer_(stemmer),
          language_(std::move(language)),
          has_elisions_(text::has_elisions(language_)) {
        for (const std::string& word : words) beginnings_.push_back(word.substr(0, 1));
    }

    // Xapian gives the words of the text as written, in lower case; the query's stems are of
    // folded words ("elect" of "élection") with elisions set apart ("l'élection"), as the
    // index reads them (text/fold.h, text/elision.h). A function word of the article's
    // language is never marked: a query for "die Bundesregierung" keeps "die" only for
    // articles of other languages (stop_words.h), and a German text has it everywhere. What
    // is returned for it is no stem of any query.
    std::string operator()(const std::string& written) override {
        std::string word = text::fold_for_search(written);
        if (has_elisions_) {
            word = text::split_elisions(word, language_);
            const std::size_t space = word.rfind(' ');
            if (space != std::string::npos) word.erase(0, space + 1);
        }
        if (is_own_stop_word(language_, text::ascii_lower(word))) return "\x01" + word;
        for (const std::string& beginning : beginnings_)
            if (word.compare(0, beginning.size(), beginning) == 0) return stemmer_(word);
        return written;
    }

    std::string get_description() const override {
        return "query words of " + stemmer_.get_description();
    }

  private:
    Xapian::Stem stemmer_;
    std::string language_;
    bool has_elisions_;  // asked once: Xapian calls the stemmer for every word of the window
    std::vector<std::string> beginnings_;
};

bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           (static_cast<unsigned char>(c) & 0x80);
}

// True when an apostrophe (', U+2019, U+02BC) ends right before at: "l'élection" and
// "l’élection" hold the word "election" (an elision; text/elision.h).
bool after_apostrophe(const std::string& text, std::size_t at) {
    return (at >= 1 && text[at - 1] == '\'') ||
           (at >= 3 && text.compare(at - 3, 3, "\xE2\x80\x99") == 0) ||
           (at >= 2 && text.compare(at - 2, 2, "\xCA\xBC") == 0);
}

// text folded as the index folds it (text::fold_for_search) and in lower case, with the offset
// in text of the character each folded byte came from: query words are folded ("election"),
// the text may not be ("Élection").
struct FoldedText {
    std::string folded;
    std::vector<std::uint32_t> origin;  // empty when text is ASCII: the offsets are the same
};

FoldedText fold_with_origins(const std::string& text) {
    FoldedText out;
    if (std::all_of(text.begin(), text.end(),
                    [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; })) {
        out.folded = text::ascii_lower(text);
        return out;
    }
    out.folded.reserve(text.size());
    out.origin.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            out.folded += static_cast<char>(lead >= 'A' && lead <= 'Z' ? lead - 'A' + 'a' : lead);
            out.origin.push_back(static_cast<std::uint32_t>(i++));
            continue;
        }
        const std::size_t length = std::min<std::size_t>(lead >= 0xF0   ? 4
                                                         : lead >= 0xE0 ? 3
                                                                        : 2,
                                                         text.size() - i);
        const std::string folded =
            text::ascii_lower(text::fold_for_search(std::string_view(text).substr(i, length)));
        out.folded += folded;
        out.origin.insert(out.origin.end(), folded.size(), static_cast<std::uint32_t>(i));
        i += length;
    }
    return out;
}

// Where in text the snippet is looked for: [first, last) with at most window bytes, starting
// a quarter window before the first word of words found (folded) at the start of a word of
// text.
std::pair<std::size_t, std::size_t> snippet_window(const std::string& text,
                                                   const std::vector<std::string>& words,
                                                   std::size_t window) {
    if (text.size() <= window) return {0, text.size()};
    const FoldedText folded = fold_with_origins(text);
    const std::string& lower = folded.folded;
    std::size_t first_match = std::string::npos;
    for (const std::string& word : words) {
        // A stem may end differently from its words ("compani" of "company"): its start is
        // looked for.
        const std::string start = word.size() > 3 ? word.substr(0, word.size() - 1) : word;
        for (std::size_t at = lower.find(start); at != std::string::npos && at < first_match;
             at = lower.find(start, at + 1)) {
            if (at == 0 || !is_word_byte(lower[at - 1]) || after_apostrophe(lower, at)) {
                first_match = at;
                break;
            }
        }
    }
    if (first_match != std::string::npos && !folded.origin.empty())
        first_match = folded.origin[first_match];
    std::size_t first = 0;
    if (first_match != std::string::npos && first_match > window / 4) {
        // Start at a space, which never splits a UTF-8 character.
        first = text.find(' ', first_match - window / 4);
        first = first == std::string::npos || first >= first_match ? first_match : first + 1;
    }
    std::size_t last = std::min(text.size(), first + window);
    if (last < text.size()) {
        const std::size_t space = text.rfind(' ', last);
        if (space != std::string::npos && space > first) last = space;
        // Text without spaces (Chinese, Japanese): never end inside a UTF-8 character.
        while (last > first && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
    }
    return {first, last};
}

}  // namespace

namespace {

// Adds the terms of query that stand outside phrases and NEAR groups to loose.
void collect_loose_terms(const Xapian::Query& query, std::set<std::string>& loose) {
    const Xapian::Query::op op = query.get_type();
    if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR) return;
    if (op == Xapian::Query::LEAF_TERM) {
        loose.insert(*query.get_terms_begin());
        return;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        collect_loose_terms(query.get_subquery(i), loose);
}

}  // namespace

Xapian::MSet snippet_mset(const Xapian::MSet& mset, const Xapian::Database& db,
                          const Xapian::Query& query,
                          const std::vector<std::string>& wildcard_starts) {
    std::set<std::string> loose;
    collect_loose_terms(query, loose);
    std::vector<Xapian::Query> parts;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it)
        parts.emplace_back(*it);
    // Every term loose already (the usual unquoted query): the search's own MSet will do.
    if (wildcard_starts.empty() && loose.size() == parts.size()) return mset;
    for (const std::string& start : wildcard_starts)
        parts.emplace_back(Xapian::Query::OP_WILDCARD, start);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
    return enquire.get_mset(0, 0);
}

Xapian::Stem snippet_stemmer(const std::vector<std::string>& words, const Xapian::Stem& stemmer,
                             const std::string& language) {
    return Xapian::Stem(new QueryWordStemmer(words, stemmer, language));
}

std::vector<SnippetPart> make_snippet(const Xapian::MSet& mset, const std::string& text,
                                      const std::vector<std::string>& words,
                                      const Xapian::Stem& stemmer, std::size_t length) {
    // No SNIPPET_BACKGROUND_MODEL: it looks up the frequency of every word of the text, and
    // was a third of the time of a search (callgrind, bench_queries on Reuters-21578;
    // docs/performance.md). Which window holds the most query words decides.
    // CJK text is matched as the indexer cut it: characters alone and in pairs.
    const unsigned flags = Xapian::MSet::SNIPPET_EXHAUSTIVE | Xapian::MSet::SNIPPET_CJK_NGRAM;
    const auto [first, last] = snippet_window(text, words, 2 * length);
    std::vector<SnippetPart> parts =
        parse_marked_snippet(mset.snippet(text.substr(first, last - first), length, stemmer, flags,
                                          kMatchStart, kMatchEnd, kEllipsis));
    const std::string_view ellipsis(kEllipsis);
    auto starts_with_ellipsis = [&](const std::string& s) {
        return s.compare(0, ellipsis.size(), ellipsis) == 0;
    };
    auto ends_with_ellipsis = [&](const std::string& s) {
        return s.size() >= ellipsis.size() &&
               s.compare(s.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0;
    };
    if (first > 0 && (parts.empty() || !starts_with_ellipsis(parts.front().text)))
        parts.insert(parts.begin(), SnippetPart{std::string(ellipsis), false});
    if (last < text.size() && (parts.empty() || !ends_with_ellipsis(parts.back().text)))
        parts.push_back(SnippetPart{std::string(ellipsis), false});
    return parts;
}

std::string plain_text(const std::vector<SnippetPart>& parts) {
    std::string out;
    for (const SnippetPart& part : parts) out += part.text;
    return out;
}

}  // namespace newsindex::searcher
