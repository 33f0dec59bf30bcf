#include "formats/rfc822.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "formats/article_text.h"
#include "formats/decode.h"
#include "formats/html.h"
#include "text/dates.h"
#include "text/language.h"
#include "text/strings.h"
#include "text/utf8.h"

namespace newsindex {

namespace {

struct Header {
    std::string name;   // lowercased
    std::string value;  // raw bytes, unfolded
};

struct Message {
    std::vector<Header> headers;
    std::string_view body;
};

const std::string* header(const std::vector<Header>& headers, std::string_view name) {
    for (const Header& h : headers) {
        if (h.name == name) return &h.value;
    }
    return nullptr;
}

std::string_view strip_cr(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

// A header line is "Name: value" with a name of printable ASCII other than ':' and space.
bool is_header_line(std::string_view line) {
    const std::size_t colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos || colon > 76) return false;
    for (char c : line.substr(0, colon)) {
        if (c <= ' ' || c > '~') return false;
    }
    return true;
}

Message parse_message(std::string_view text) {
    Message message;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t end = text.find('\n', pos);
        const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
        const std::string_view line =
            strip_cr(text.substr(pos, next - pos - (end == std::string_view::npos ? 0 : 1)));
        if (line.empty()) {
            pos = next;
            break;
        }
        if ((line[0] == ' ' || line[0] == '\t') && !message.headers.empty()) {
            message.headers.back().value += ' ';
            message.headers.back().value.append(text::trim(line));
        } else if (is_header_line(line)) {
            const std::size_t colon = line.find(':');
            message.headers.push_back({text::ascii_lower(line.substr(0, colon)),
                                       std::string(text::trim(line.substr(colon + 1)))});
        } else {
            break;  // not a header: the body starts here, without a blank line
        }
        pos = next;
    }
    message.body = text.substr(pos);
    return message;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
}

// Decodes base64, skipping characters outside the alphabet; stops at '='.
std::string base64_decode(std::string_view encoded) {
    std::string out;
    out.reserve(encoded.size() * 3 / 4);
    unsigned buffer = 0;
    int bits = 0;
    for (char c : encoded) {
        if (c == '=') break;
        const int value = base64_value(c);
        if (value < 0) continue;
        buffer = (buffer << 6) | static_cast<unsigned>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    return out;
}

// Quoted-printable; in headers ('Q' encoding) '_' also means a space.
std::string quoted_printable_decode(std::string_view encoded, bool header) {
    std::string out;
    out.reserve(encoded.size());
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c == '_' && header) {
            out.push_back(' ');
        } else if (c == '=' && i + 1 < encoded.size()) {
            if (encoded[i + 1] == '\n') {
                i += 1;  // soft line break
            } else if (encoded[i + 1] == '\r' && i + 2 < encoded.size() && encoded[i + 2] == '\n') {
                i += 2;
            } else if (i + 2 < encoded.size() && hex_value(encoded[i + 1]) >= 0 &&
                       hex_value(encoded[i + 2]) >= 0) {
                out.push_back(
                    static_cast<char>(hex_value(encoded[i + 1]) * 16 + hex_value(encoded[i + 2])));
                i += 2;
            } else {
                out.push_back(c);
            }
        } else {
            out.push_back(c);
        }
    }
    return out;
}

// What a part's text was read in, for --inspect (Article::charset).
struct PartCharset {
    std::string charset;    // as iconv names it
    std::string chosen_by;  // as DecodedText::chosen_by says it
};

// Bytes in a named charset as UTF-8, by the decoding stage's converter (iconv). Valid UTF-8
// with non-ASCII bytes stays UTF-8 whatever was declared, as for whole files (a mailer that
// labels UTF-8 as Latin-1 is common; Latin-1 that passes as UTF-8 is rare); an unknown or
// missing charset is decoded as undeclared text (formats/decode.h, decode_undeclared()).
std::string to_utf8(std::string_view bytes, std::string charset, PartCharset* used = nullptr) {
    charset = text::ascii_lower(text::trim(charset));
    const std::size_t language = charset.find('*');  // RFC 2231 "utf-8*en"
    if (language != std::string::npos) charset.resize(language);
    const std::string canonical = canonical_charset(charset);
    PartCharset read{canonical, canonical.empty() ? "guessed" : "declared"};
    std::string out;
    const bool stateful = canonical.rfind("iso-2022", 0) == 0 ||
                          canonical.rfind("utf-16", 0) == 0 || canonical.rfind("utf-32", 0) == 0 ||
                          canonical == "utf-7";
    const bool ascii = std::all_of(bytes.begin(), bytes.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    std::optional<std::string> converted;
    if (!stateful && !ascii && text::is_valid_utf8(bytes)) {
        read = {"utf-8", "utf-8"};
        out = std::string(bytes);
    } else if (!canonical.empty() && (converted = convert_to_utf8(bytes, canonical))) {
        out = std::move(*converted);
    } else {
        read = {"windows-1252", "guessed"};
        out = decode_undeclared(bytes);
    }
    if (used) *used = std::move(read);
    return out;
}

// A parameter of a Content-Type value: charset, boundary.
std::string parameter(std::string_view value, std::string_view name) {
    const std::string lowered = text::ascii_lower(value);
    std::size_t at = 0;
    while ((at = lowered.find(name, at)) != std::string::npos) {
        const bool starts =
            at == 0 || lowered[at - 1] == ';' || lowered[at - 1] == ' ' || lowered[at - 1] == '\t';
        std::size_t eq = at + name.size();
        while (eq < lowered.size() && lowered[eq] == ' ') ++eq;
        if (!starts || eq >= lowered.size() || lowered[eq] != '=') {
            at += name.size();
            continue;
        }
        std::string_view rest = text::trim(value.substr(eq + 1));
        if (!rest.empty() && rest.front() == '"') {
            const std::size_t close = rest.find('"', 1);
            return std::string(rest.substr(
                1, close == std::string_view::npos ? std::string_view::npos : close - 1));
        }
        return std::string(text::trim(rest.substr(0, rest.find(';'))));
    }
    return {};
}

std::string media_type(const std::vector<Header>& headers) {
    const std::string* type = header(headers, "content-type");
    if (!type) return "text/plain";
    return text::ascii_lower(text::trim(std::string_view(*type).substr(0, type->find(';'))));
}

// The parts of a multipart body, between "--boundary" lines.
std::vector<std::string_view> multipart_parts(std::string_view body, const std::string& boundary) {
    std::vector<std::string_view> parts;
    const std::string delimiter = "--" + boundary;
    std::size_t start = std::string_view::npos;
    std::size_t pos = 0;
    while (pos < body.size()) {
        const std::size_t end = body.find('\n', pos);
        const std::size_t next = end == std::string_view::npos ? body.size() : end + 1;
        const std::string_view line = text::trim(body.substr(pos, next - pos));
        if (line.substr(0, delimiter.size()) == delimiter) {
            if (start != std::string_view::npos) parts.push_back(body.substr(start, pos - start));
            if (line.substr(delimiter.size(), 2) == "--") return parts;
            start = next;
        }
        pos = next;
    }
    if (start != std::string_view::npos && start < body.size()) parts.push_back(body.substr(start));
    return parts;
}

// Paragraphs of a plain-text body, up to a "-- " signature line.
std::string plain_body(const std::string& text) {
    std::vector<std::string> paragraphs;
    std::string current;
    for (std::string_view line : text::split(text, "\n")) {
        if (line == "-- " || line == "--") break;
        if (text::trim(line).empty()) {
            paragraphs.push_back(formats::tidy_inline(current));
            current.clear();
            continue;
        }
        current += ' ';
        current.append(line);
    }
    paragraphs.push_back(formats::tidy_inline(current));
    return formats::join_paragraphs(paragraphs);
}

// The body text of a message or part, choosing among multipart alternatives.
std::string body_text(const Message& top, const std::string& source, PartCharset* charset_used) {
    Message message = top;
    // Nested multiparts: descend a few levels, never recursively.
    for (int level = 0; level < 5; ++level) {
        const std::string type = media_type(message.headers);
        if (type.substr(0, 10) != "multipart/") break;
        const std::string* content_type = header(message.headers, "content-type");
        const std::string boundary = parameter(*content_type, "boundary");
        if (boundary.empty()) break;
        std::vector<Message> parts;
        for (std::string_view part : multipart_parts(message.body, boundary))
            parts.push_back(parse_message(part));
        if (parts.empty()) break;
        const Message* chosen = nullptr;
        for (const char* wanted : {"text/plain", "text/html", "multipart/"}) {
            for (const Message& part : parts) {
                if (!chosen &&
                    media_type(part.headers).substr(0, std::string_view(wanted).size()) == wanted)
                    chosen = &part;
            }
        }
        message = chosen ? *chosen : parts.front();
    }
    std::string bytes(message.body);
    if (const std::string* encoding = header(message.headers, "content-transfer-encoding")) {
        const std::string lowered = text::ascii_lower(text::trim(*encoding));
        if (lowered == "quoted-printable") bytes = quoted_printable_decode(bytes, false);
        if (lowered == "base64") bytes = base64_decode(bytes);
    }
    std::string charset;
    if (const std::string* type = header(message.headers, "content-type"))
        charset = parameter(*type, "charset");
    std::string utf8 = text::clean_text(to_utf8(bytes, charset, charset_used));
    if (media_type(message.headers) == "text/html") {
        try {
            return read_html_article(utf8, source).body;
        } catch (const InputError&) {
            return {};
        }
    }
    return plain_body(utf8);
}

Article message_to_article(std::string_view text, const std::string& source) {
    const Message message = parse_message(text);
    Article article;
    article.source_path = source;
    if (const std::string* subject = header(message.headers, "subject"))
        article.title = decode_mime_header(*subject);
    const std::string* from = header(message.headers, "from");
    if (!from) from = header(message.headers, "sender");
    if (from) {
        const std::string author = author_from_header(decode_mime_header(*from));
        if (!author.empty()) article.authors.push_back(author);
    }
    if (const std::string* date = header(message.headers, "date")) {
        if (auto parsed = text::parse_rfc822_date(*date)) article.date = parsed->iso();
    }
    if (const std::string* id = header(message.headers, "message-id")) {
        std::string_view value = text::trim(*id);
        const std::size_t open = value.find('<');
        const std::size_t close = value.find('>', open == std::string_view::npos ? 0 : open);
        if (open != std::string_view::npos && close != std::string_view::npos)
            value = value.substr(open + 1, close - open - 1);
        article.message_id = text::decode_text(text::trim(value));
    }
    for (const char* name : {"newsgroups", "keywords"}) {
        if (const std::string* list = header(message.headers, name)) {
            const std::string decoded = decode_mime_header(*list);
            for (std::string_view tag : text::split(decoded, ","))
                formats::add_unique(article.tags, formats::tidy_inline(tag));
        }
    }
    if (const std::string* language = header(message.headers, "content-language"))
        article.language = text::primary_language(*language);
    PartCharset charset;
    article.body = body_text(message, source, &charset);
    article.charset = std::move(charset.charset);
    article.charset_chosen_by = std::move(charset.chosen_by);
    return article;
}

// Offsets where the messages of an mbox begin: at each "From " line that starts the file or
// follows a blank line.
std::vector<std::size_t> mbox_starts(std::string_view bytes) {
    std::vector<std::size_t> starts;
    bool after_blank = true;
    for (std::size_t pos = 0; pos < bytes.size();) {
        const std::size_t end = bytes.find('\n', pos);
        const std::size_t next = end == std::string_view::npos ? bytes.size() : end + 1;
        const std::string_view line =
            strip_cr(bytes.substr(pos, next - pos - (end == std::string_view::npos ? 0 : 1)));
        if (after_blank && line.substr(0, 5) == "From ") starts.push_back(pos);
        after_blank = line.empty();
        pos = next;
    }
    return starts;
}

}  // namespace

std::string decode_mime_header(std::string_view raw) {
    // RFC 2047 keeps encoded-words within 75 bytes; allowing more, but not unboundedly, keeps
    // the search for their ends linear on hostile input.
    constexpr std::size_t kMaxCharset = 64, kMaxWord = 1024;
    std::string out;
    std::size_t pos = 0;
    bool last_was_encoded = false;
    while (pos < raw.size()) {
        const std::size_t open = raw.find("=?", pos);
        if (open == std::string_view::npos) break;
        // =?charset?Q?text?=
        std::size_t q1 = raw.substr(open + 2, kMaxCharset).find('?');
        std::size_t close = std::string_view::npos;
        if (q1 != std::string_view::npos) {
            q1 += open + 2;
            if (q1 + 2 < raw.size() && raw[q1 + 2] == '?') {
                close = raw.substr(q1 + 3, kMaxWord).find("?=");
                if (close != std::string_view::npos) close += q1 + 3;
            }
        }
        if (close == std::string_view::npos) {
            out.append(decode_undeclared(raw.substr(pos, open + 2 - pos)));
            pos = open + 2;
            last_was_encoded = false;
            continue;
        }
        const std::string_view between = raw.substr(pos, open - pos);
        // White space alone between two encoded-words is not text.
        if (!(last_was_encoded && text::trim(between).empty()))
            out.append(decode_undeclared(between));
        const std::string_view charset = raw.substr(open + 2, q1 - open - 2);
        const char encoding = raw[q1 + 1];
        const std::string_view payload = raw.substr(q1 + 3, close - q1 - 3);
        std::string bytes;
        if (encoding == 'b' || encoding == 'B')
            bytes = base64_decode(payload);
        else if (encoding == 'q' || encoding == 'Q')
            bytes = quoted_printable_decode(payload, true);
        else
            bytes = std::string(raw.substr(open, close + 2 - open));
        out.append(to_utf8(bytes, std::string(charset)));
        pos = close + 2;
        last_was_encoded = true;
    }
    out.append(decode_undeclared(raw.substr(std::min(pos, raw.size()))));
    return formats::tidy_inline(text::clean_text(out));
}

std::string author_from_header(std::string_view from) {
    from = text::trim(from);
    std::string name;
    const std::size_t angle = from.find('<');
    if (angle != std::string_view::npos) {
        name = std::string(text::trim(from.substr(0, angle)));
        if (name.empty()) {
            const std::size_t close = from.find('>', angle);
            name = std::string(from.substr(angle + 1, close == std::string_view::npos
                                                          ? std::string_view::npos
                                                          : close - angle - 1));
        }
    } else if (const std::size_t paren = from.find('('); paren != std::string_view::npos) {
        const std::size_t close = from.rfind(')');
        name = close != std::string_view::npos && close > paren
                   ? std::string(text::trim(from.substr(paren + 1, close - paren - 1)))
                   : std::string();
        if (name.empty()) name = std::string(text::trim(from.substr(0, paren)));
    } else {
        name = std::string(from);
    }
    // "\"Doe, Jane\"" -> Doe, Jane
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
        std::string unquoted;
        for (std::size_t i = 1; i + 1 < name.size(); ++i) {
            if (name[i] == '\\' && i + 2 < name.size()) ++i;
            unquoted.push_back(name[i]);
        }
        name = unquoted;
    }
    return formats::tidy_inline(name);
}

void read_rfc822_articles(std::string_view bytes, const std::string& source,
                          const ArticleSink& on_article, const ProblemSink& on_problem) {
    const std::vector<std::size_t> starts =
        bytes.substr(0, 5) == "From " ? mbox_starts(bytes) : std::vector<std::size_t>{};
    if (starts.empty()) {
        Article article = message_to_article(bytes, source);
        if (!formats::finish_article(article))
            throw InputError(source, 0, "no subject and no text in the message");
        on_article(std::move(article));
        return;
    }
    unsigned line = 1;  // of the message's "From " line
    std::size_t counted_to = 0;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const std::size_t begin = starts[i];
        const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : bytes.size();
        for (; counted_to < begin; ++counted_to) line += bytes[counted_to] == '\n' ? 1 : 0;
        // Skip the "From " separator line itself.
        const std::size_t first_newline = bytes.find('\n', begin);
        const std::size_t message_start =
            first_newline == std::string_view::npos || first_newline > end ? end
                                                                           : first_newline + 1;
        Article article =
            message_to_article(bytes.substr(message_start, end - message_start), source);
        article.record_key = "message " + std::to_string(i + 1);
        if (!formats::finish_article(article)) {
            on_problem(InputError(source, line,
                                  "message " + std::to_string(i + 1) + ": no subject and no text"));
            continue;
        }
        on_article(std::move(article));
    }
}

}  // namespace newsindex
