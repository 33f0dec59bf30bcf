#include "query_lexer.h"

#include <xapian.h>

namespace newsindex::searcher {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// A byte that ends an unquoted token.
bool ends_token(char c) {
    return is_space(c) || c == '(' || c == ')' || c == '"';
}

bool is_operator(std::string_view word) {
    for (std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"})
        if (word == op) return true;
    for (std::string_view op : {"NEAR/", "ADJ/"}) {
        if (word.size() > op.size() && word.substr(0, op.size()) == op &&
            word.find_first_not_of("0123456789", op.size()) == std::string_view::npos)
            return true;
    }
    return false;
}

bool is_word_byte(char c) {
    const unsigned char byte = static_cast<unsigned char>(c);
    return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
           (byte >= 'A' && byte <= 'Z') || byte >= 0x80;
}

}  // namespace

std::string QueryToken::wildcard_start() const {
    if (kind != Kind::Word && (kind != Kind::Field || quoted)) return {};
    // Letters and digits, '*', then nothing but punctuation ("harb*,"): inside
    // "festival-harb*" the hyphen joins two words, and a wildcard starts a word.
    std::size_t end = 0;
    while (end < text.size() && is_word_byte(text[end])) ++end;
    if (end == 0 || end == text.size() || text[end] != '*') return {};
    for (std::size_t i = end + 1; i < text.size(); ++i)
        if (is_word_byte(text[i])) return {};
    return text.substr(0, end);
}

bool QueryToken::is_wildcard() const {
    return !wildcard_start().empty();
}

std::vector<QueryToken> lex_query(std::string_view text) {
    std::vector<QueryToken> tokens;
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (is_space(text[pos])) {
            ++pos;
            continue;
        }
        QueryToken token;
        // A sign is '+' or '-' right before a word, a quote or a bracket ("--limit" is no
        // exclusion).
        if ((text[pos] == '+' || text[pos] == '-') && pos + 1 < text.size() &&
            (is_word_byte(text[pos + 1]) || text[pos + 1] == '"' || text[pos + 1] == '(')) {
            token.sign = text[pos++];
        }
        const char c = text[pos];
        if (c == '(' || c == ')') {
            token.kind = c == '(' ? QueryToken::Kind::Open : QueryToken::Kind::Close;
            token.text = std::string(1, c);
            ++pos;
        } else if (c == '"') {
            const std::size_t close = text.find('"', pos + 1);
            const std::size_t end = close == std::string_view::npos ? text.size() : close;
            token.kind = QueryToken::Kind::Phrase;
            token.text = std::string(text.substr(pos + 1, end - pos - 1));
            pos = end == text.size() ? end : end + 1;
        } else {
            std::size_t end = pos;
            while (end < text.size() && !ends_token(text[end])) ++end;
            std::string_view word = text.substr(pos, end - pos);
            const std::size_t colon = word.find(':');
            const schema::Field* field = colon == std::string_view::npos
                                             ? nullptr
                                             : schema::find_field(word.substr(0, colon));
            if (field) {
                token.kind = QueryToken::Kind::Field;
                token.field = field;
                token.field_name = std::string(word.substr(0, colon));
                if (colon + 1 == word.size() && end < text.size() && text[end] == '"') {
                    // name:"quoted value"
                    const std::size_t close = text.find('"', end + 1);
                    const std::size_t stop = close == std::string_view::npos ? text.size() : close;
                    token.quoted = true;
                    token.text = std::string(text.substr(end + 1, stop - end - 1));
                    end = stop == text.size() ? stop : stop + 1;
                } else {
                    token.text = std::string(word.substr(colon + 1));
                }
            } else if (word == "*") {
                token.kind = QueryToken::Kind::MatchAll;
                token.text = "*";
            } else if (!token.sign && is_operator(word)) {
                token.kind = QueryToken::Kind::Operator;
                token.text = std::string(word);
            } else {
                token.kind = QueryToken::Kind::Word;
                token.text = std::string(word);
            }
            pos = end;
        }
        tokens.push_back(std::move(token));
    }
    return tokens;
}

std::string write_query(const std::vector<QueryToken>& tokens) {
    std::string out;
    for (const QueryToken& token : tokens) {
        if (!out.empty()) out += ' ';
        if (token.sign) out += token.sign;
        switch (token.kind) {
            case QueryToken::Kind::Phrase:
                out += '"' + token.text + '"';
                break;
            case QueryToken::Kind::Field:
                out += token.field_name + ':';
                out += token.quoted ? '"' + token.text + '"' : token.text;
                break;
            default:
                out += token.text;
        }
    }
    return out;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    const std::string owned(text);
    Xapian::Utf8Iterator it(owned), end;
    while (it != end) {
        if (!Xapian::Unicode::is_wordchar(*it)) {
            ++it;
            continue;
        }
        std::string word;
        for (; it != end; ++it) {
            const unsigned ch = *it;
            // An apostrophe between letters belongs to the word ("Scholz's"), as the indexer
            // has it.
            if ((ch == '\'' || ch == 0x2019) && !word.empty()) {
                Xapian::Utf8Iterator next = it;
                ++next;
                if (next != end && Xapian::Unicode::is_wordchar(*next)) {
                    word += '\'';
                    continue;
                }
            }
            if (!Xapian::Unicode::is_wordchar(ch)) break;
            Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
        }
        words.push_back(std::move(word));
    }
    return words;
}

bool has_positive_part(const std::vector<QueryToken>& tokens) {
    for (const QueryToken& token : tokens) {
        if (token.kind == QueryToken::Kind::MatchAll) continue;
        if (token.sign != '-') return true;
    }
    return false;
}

}  // namespace newsindex::searcher
