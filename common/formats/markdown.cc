#include "formats/markdown.h"

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "errors.h"
#include "formats/article_text.h"
#include "formats/front_matter.h"
#include "formats/html_fragment.h"
#include "text/byline.h"
#include "text/dates.h"
#include "text/entities.h"
#include "text/language.h"
#include "text/strings.h"
#include "text/utf8.h"

namespace newsindex {

namespace {

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool is_ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

// A forward-only search: each call returns the first position of needle at or after from,
// reusing the previous answer while it is still ahead. Calls with growing from cost one pass
// over the text in all.
class ForwardFind {
  public:
    ForwardFind(std::string_view text, char needle) : text_(text), needle_(needle) {}
    std::size_t at_or_after(std::size_t from) {
        if (found_ != std::string_view::npos && (!searched_ || found_ < from)) {
            found_ = text_.find(needle_, from);
            searched_ = true;
        }
        return found_;
    }

  private:
    std::string_view text_;
    char needle_;
    std::size_t found_ = 0;
    bool searched_ = false;
};

// Markup inside one block of text.
std::string inline_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    ForwardFind close_bracket(s, ']'), close_paren(s, ')'), close_angle(s, '>');
    std::size_t link_close = std::string_view::npos;   // the ']' ending a link's text
    std::size_t link_resume = std::string_view::npos;  // where its target ends
    for (std::size_t i = 0; i < s.size();) {
        if (link_close != std::string_view::npos && i >= link_close) {
            i = std::max(i, link_resume);
            link_close = link_resume = std::string_view::npos;
            continue;
        }
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
            out.push_back(s[i + 1]);
            i += 2;
            continue;
        }
        if ((c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '[')) &&
            link_close == std::string_view::npos) {
            const std::size_t open = c == '!' ? i + 1 : i;
            const std::size_t close = close_bracket.at_or_after(open + 1);
            if (close != std::string_view::npos && close + 1 < s.size()) {
                std::size_t end = std::string_view::npos;
                if (s[close + 1] == '(') {
                    end = close_paren.at_or_after(close + 2);
                } else if (s[close + 1] == '[') {
                    // A reference link "[text][ref]": references are short, so look nearby.
                    const std::size_t ref_end = s.substr(close + 2, 100).find(']');
                    if (ref_end != std::string_view::npos) end = close + 2 + ref_end;
                }
                if (end != std::string_view::npos) {
                    link_close = close;
                    link_resume = end + 1;
                    i = open + 1;
                    continue;
                }
            }
        }
        if (c == '<') {
            const std::size_t gt = close_angle.at_or_after(i + 1);
            if (gt != std::string_view::npos && gt > i + 1) {
                const std::string_view inner = s.substr(i + 1, gt - i - 1);
                const bool autolink = (text::starts_with_nocase(inner, "http://") ||
                                       text::starts_with_nocase(inner, "https://") ||
                                       text::starts_with_nocase(inner, "mailto:")) &&
                                      inner.find(' ') == std::string_view::npos;
                const char first = inner[0];
                if (autolink) {
                    out.append(inner);
                    i = gt + 1;
                    continue;
                }
                if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') ||
                    first == '/' || first == '!') {
                    out.push_back(' ');  // a tag: "a<br>b" stays two words
                    i = gt + 1;
                    continue;
                }
            }
        }
        if (c == '`') {
            while (i < s.size() && s[i] == '`') ++i;
            continue;
        }
        if (c == '*' || c == '_' || c == '~') {
            std::size_t run = i;
            while (run < s.size() && s[run] == c) ++run;
            const bool space_before = i == 0 || s[i - 1] == ' ';
            const bool space_after = run == s.size() || s[run] == ' ';
            const bool word_before = i > 0 && is_alnum(s[i - 1]);
            const bool word_after = run < s.size() && is_alnum(s[run]);
            bool literal = false;
            if (c == '*') literal = space_before && space_after;  // "5 * 3"
            if (c == '_') literal = word_before && word_after;    // snake_case
            if (c == '~') literal = run - i < 2;                  // "~5 km"
            if (literal) out.append(s.substr(i, run - i));
            i = run;
            continue;
        }
        out.push_back(c);
        ++i;
    }
    return text::decode_html_entities(out);
}

// Removes "<!-- ... -->" comments, which may span lines.
std::string without_html_comments(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t open = text.find("<!--", pos);
        if (open == std::string_view::npos) {
            out.append(text.substr(pos));
            break;
        }
        out.append(text.substr(pos, open - pos));
        const std::size_t close = text.find("-->", open + 4);
        if (close == std::string_view::npos) break;
        pos = close + 3;
    }
    return out;
}

struct Block {
    std::vector<std::string> lines;  // raw Markdown, trimmed
    int heading = 0;                 // 1..6 for headings
    bool code = false;               // fenced code: kept verbatim
    bool html = false;               // an HTML block: read by the main-text extraction
};

// CommonMark's HTML blocks. Those opened by these tags run to the line that closes them.
constexpr std::pair<std::string_view, std::string_view> kRawHtmlBlocks[] = {
    {"script", "</script>"}, {"style", "</style>"}, {"pre", "</pre>"}, {"textarea", "</textarea>"}};
// Those opened (or closed) by these tags run to the next blank line.
constexpr std::string_view kHtmlBlockTags[] = {
    "address", "article",  "aside",      "blockquote", "center", "details", "dialog",  "div",
    "dl",      "fieldset", "figcaption", "figure",     "footer", "form",    "h1",      "h2",
    "h3",      "h4",       "h5",         "h6",         "header", "hr",      "iframe",  "main",
    "nav",     "ol",       "p",          "section",    "table",  "ul",      "noscript"};

// The lowercase tag name of a line that opens an HTML block ("<div class=...", "</p>",
// "<table>"), or empty: the name must end as the tokenizer ends it.
std::string html_block_tag(std::string_view line) {
    if (line.size() < 2 || line[0] != '<') return {};
    std::size_t i = line[1] == '/' ? 2 : 1;
    std::string name;
    for (; i < line.size() && name.size() < 12; ++i) {
        const char c = line[i];
        if (c >= 'A' && c <= 'Z')
            name += static_cast<char>(c + ('a' - 'A'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            name += c;
        else
            break;
    }
    if (name.empty()) return {};
    if (i < line.size() && line[i] != '>' && line[i] != ' ' && line[i] != '\t' && line[i] != '/')
        return {};
    for (const auto& [tag, close] : kRawHtmlBlocks) {
        if (name == tag && line[1] != '/') return name;
    }
    for (std::string_view tag : kHtmlBlockTags) {
        if (name == tag) return name;
    }
    return {};
}

// The end tag that closes a raw HTML block opened by tag, or empty for the other blocks.
std::string_view raw_block_close(std::string_view tag) {
    for (const auto& [raw, close] : kRawHtmlBlocks) {
        if (tag == raw) return close;
    }
    return {};
}

bool all_of(std::string_view s, std::string_view allowed) {
    return !s.empty() && s.find_first_not_of(allowed) == std::string_view::npos;
}

// "---", "***", "_ _ _": three or more of one mark, spaces allowed.
bool is_rule(std::string_view line) {
    for (char mark : {'-', '*', '_'}) {
        std::size_t count = 0;
        bool only = true;
        for (char c : line) {
            if (c == mark)
                ++count;
            else if (c != ' ' && c != '\t')
                only = false;
        }
        if (only && count >= 3) return true;
    }
    return false;
}

// Length of a list marker ("- ", "* ", "+ ", "12. ", "3) ") at the start of line, or 0.
std::size_t list_marker(std::string_view line) {
    if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ')
        return 2;
    std::size_t digits = 0;
    while (digits < line.size() && digits < 9 && line[digits] >= '0' && line[digits] <= '9')
        ++digits;
    if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        line[digits + 1] == ' ')
        return digits + 2;
    return 0;
}

// "[ref]: https://..." lines define link targets and say nothing.
bool is_reference_definition(std::string_view line) {
    if (line.empty() || line[0] != '[') return false;
    const std::size_t close = line.find("]:");
    return close != std::string_view::npos && close > 1 &&
           line.substr(1, close - 1).find(']') == std::string_view::npos;
}

std::vector<Block> blocks_of(std::string_view markdown) {
    std::vector<Block> blocks;
    Block current;
    auto flush = [&]() {
        if (!current.lines.empty()) blocks.push_back(std::move(current));
        current = Block();
    };
    char fence = 0;
    std::size_t fence_length = 0;
    bool in_html = false;
    std::string_view html_close;  // the end tag of a raw HTML block; empty: a blank line
    for (std::string_view raw : text::split(markdown, "\n")) {
        std::string_view line = text::trim(raw);
        if (in_html) {
            if (html_close.empty() && line.empty()) {
                flush();
                in_html = false;
                continue;
            }
            current.lines.emplace_back(line);
            if (!html_close.empty() &&
                text::ascii_lower(line).find(html_close) != std::string::npos) {
                flush();
                in_html = false;
            }
            continue;
        }
        if (fence == 0) {
            const std::string tag = html_block_tag(line);
            if (!tag.empty()) {
                flush();
                current.html = true;
                current.lines.emplace_back(line);
                html_close = raw_block_close(tag);
                in_html = html_close.empty() ||
                          text::ascii_lower(line).find(html_close) == std::string::npos;
                if (!in_html) flush();
                continue;
            }
        }
        if (fence != 0) {
            std::size_t run = 0;
            while (run < line.size() && line[run] == fence) ++run;
            if (run >= fence_length && text::trim(line.substr(run)).empty()) {
                flush();
                fence = 0;
            } else {
                current.code = true;
                current.lines.emplace_back(line);
            }
            continue;
        }
        if (line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~") {
            flush();
            fence = line[0];
            fence_length = 0;
            while (fence_length < line.size() && line[fence_length] == fence) ++fence_length;
            continue;
        }
        // Block quotes: their content is read like any other.
        while (!line.empty() && line[0] == '>') line = text::trim(line.substr(1));
        if (line.empty()) {
            flush();
            continue;
        }
        if (line[0] == '#') {
            std::size_t level = 0;
            while (level < line.size() && line[level] == '#') ++level;
            if (level <= 6 && (level == line.size() || line[level] == ' ')) {
                flush();
                std::string_view heading = text::trim(line.substr(level));
                while (!heading.empty() && heading.back() == '#') heading.remove_suffix(1);
                current.lines.emplace_back(text::trim(heading));
                current.heading = static_cast<int>(level);
                flush();
                continue;
            }
        }
        if (!current.lines.empty() && current.heading == 0 && !current.code &&
            (all_of(line, "=") || all_of(line, "-"))) {
            current.heading = line[0] == '=' ? 1 : 2;  // a setext underline
            flush();
            continue;
        }
        if (is_rule(line) || is_reference_definition(line)) {
            flush();
            continue;
        }
        if (line[0] == '|') {
            flush();
            if (!all_of(line, "|-: \t")) {
                std::string row(line);
                for (char& c : row) {
                    if (c == '|') c = ' ';
                }
                current.lines.push_back(row);
                flush();
            }
            continue;
        }
        if (std::size_t marker = list_marker(line)) {
            flush();
            line = text::trim(line.substr(marker));
            if (line.empty()) continue;
        }
        current.lines.emplace_back(line);
    }
    flush();
    return blocks;
}

std::string block_text(const Block& block, std::size_t from_line = 0) {
    if (block.html && from_line == 0) {
        std::string markup;
        for (const std::string& line : block.lines) markup.append(line).push_back('\n');
        // Markup that is not clearly HTML ("<div>" and Markdown text after it) is read as
        // Markdown, its tags dropped.
        if (html::looks_like_html(markup))
            return formats::join_paragraphs(html::fragment_paragraphs(markup));
    }
    std::string joined;
    for (std::size_t i = from_line; i < block.lines.size(); ++i) {
        if (!joined.empty()) joined += block.code ? "\n" : " ";
        joined += block.lines[i];
    }
    return block.code ? joined : formats::tidy_inline(inline_text(joined));
}

const formats::FrontMatterValue* find_value(const formats::FrontMatter& matter,
                                            std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys) {
        auto found = matter.find(std::string(key));
        if (found != matter.end() && !found->second.items.empty()) return &found->second;
    }
    return nullptr;
}

std::string first_item(const formats::FrontMatter& matter,
                       std::initializer_list<std::string_view> keys) {
    const formats::FrontMatterValue* value = find_value(matter, keys);
    return value ? value->items.front() : std::string();
}

void apply_front_matter(const formats::FrontMatter& matter, Article& article) {
    article.title = formats::tidy_inline(first_item(matter, {"title", "headline"}));
    if (const auto* authors =
            find_value(matter, {"authors", "author", "byline", "author.name", "creator"})) {
        for (const std::string& item : authors->items) {
            for (const std::string& name : text::parse_author_names(item))
                formats::add_unique(article.authors, name);
        }
    }
    const std::string date =
        first_item(matter, {"date", "published", "publishdate", "pubdate", "published_at",
                            "publish_date", "datepublished", "created"});
    article.date = formats::read_source_date(date, article.date_unordered);
    article.url = first_item(
        matter, {"url", "link", "canonical_url", "canonicalurl", "canonical", "permalink"});
    article.language = text::primary_language(first_item(matter, {"lang", "language"}));
    for (std::string_view key : {"tags", "keywords", "categories", "category"}) {
        auto found = matter.find(std::string(key));
        if (found == matter.end()) continue;
        for (const std::string& item : found->second.items) {
            // A scalar "tags: a, b" lists its tags with commas.
            if (found->second.is_list) {
                formats::add_unique(article.tags, formats::tidy_inline(item));
                continue;
            }
            for (std::string_view tag : text::split(item, ","))
                formats::add_unique(article.tags, formats::tidy_inline(tag));
        }
    }
}

constexpr std::size_t kHeaderBlocks = 3;

}  // namespace

std::string markdown_to_text(std::string_view markdown) {
    std::vector<std::string> paragraphs;
    for (const Block& block : blocks_of(without_html_comments(markdown)))
        paragraphs.push_back(block_text(block));
    return formats::join_paragraphs(paragraphs);
}

Article read_markdown_article(std::string_view bytes, const std::string& source) {
    if (text::looks_binary(bytes)) throw InputError(source, 0, "looks binary, not a text article");
    const std::string decoded = text::clean_text(bytes);  // UTF-8 from the decoding stage
    Article article;
    article.source_path = source;

    std::string_view markdown = decoded;
    const auto split = formats::split_front_matter(decoded);
    if (split) {
        apply_front_matter(formats::parse_front_matter(split->yaml), article);
        markdown = split->rest;
    }
    const std::vector<Block> blocks = blocks_of(without_html_comments(markdown));
    if (blocks.empty() && article.title.empty()) throw InputError(source, 0, "no text");

    // The title: front matter, else the first level-1 heading, else the first line.
    std::size_t title_block = blocks.size();
    std::size_t body_from_line = 0;  // lines of the title block that stay in the body
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (blocks[i].heading == 1) {
            const std::string heading = block_text(blocks[i]);
            if (article.title.empty() ||
                text::ascii_lower(heading) == text::ascii_lower(article.title)) {
                if (article.title.empty()) article.title = heading;
                title_block = i;
                body_from_line = blocks[i].lines.size();
            }
            break;
        }
    }
    if (article.title.empty() && !blocks.empty()) {
        title_block = 0;
        Block first_line = blocks[0];
        first_line.lines.resize(1);
        article.title = block_text(first_line);
        body_from_line = 1;
    }

    std::vector<std::string> body;
    formats::HeaderLines header;
    bool in_header = !split;  // byline and date lines follow the title only without front matter
    std::size_t header_blocks = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        std::string paragraph =
            i == title_block ? block_text(blocks[i], body_from_line) : block_text(blocks[i]);
        if (paragraph.empty()) continue;
        if (in_header && i > title_block && header_blocks < kHeaderBlocks && !blocks[i].code &&
            !blocks[i].html && blocks[i].heading == 0 &&
            formats::read_header_line(paragraph, header)) {
            ++header_blocks;
            continue;
        }
        if (i > title_block) in_header = false;
        body.push_back(std::move(paragraph));
    }
    if (!split) {
        article.authors = header.authors;
        article.date = header.date;
        article.date_unordered = header.date_unordered;
    }
    article.body = formats::join_paragraphs(body);
    if (!formats::finish_article(article)) throw InputError(source, 0, "no text");
    return article;
}

}  // namespace newsindex
