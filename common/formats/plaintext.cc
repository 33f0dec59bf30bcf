#include "formats/plaintext.h"

#include <vector>

#include "errors.h"
#include "formats/article_text.h"
#include "text/byline.h"
#include "text/strings.h"
#include "text/utf8.h"

namespace newsindex {

namespace {

struct Paragraph {
    std::vector<std::string_view> lines;  // trimmed, non-empty; views into the cleaned text
    unsigned first_line;

    std::string joined(std::size_t from = 0) const {
        std::string text;
        for (std::size_t i = from; i < lines.size(); ++i) {
            if (!text.empty()) text += ' ';
            text.append(lines[i]);
        }
        return text;
    }
};

std::vector<Paragraph> paragraphs_of(const std::string& text) {
    std::vector<Paragraph> paragraphs;
    unsigned line_number = 0;
    bool in_paragraph = false;
    for (std::string_view line : text::split(text, "\n")) {
        ++line_number;
        std::string_view trimmed = text::trim(line);
        if (trimmed.empty()) {
            in_paragraph = false;
            continue;
        }
        if (!in_paragraph) paragraphs.push_back({{}, line_number});
        paragraphs.back().lines.push_back(trimmed);
        in_paragraph = true;
    }
    return paragraphs;
}

std::string strip_angle_brackets(std::string_view url) {
    url = text::trim(url);
    if (url.size() >= 2 && url.front() == '<' && url.back() == '>')
        url = url.substr(1, url.size() - 2);
    return std::string(text::trim(url));
}

// A photo caption ends with its credit in bold: "Caption text. **AP / TASS**". Returns true
// and fills both parts when paragraph has that shape; a wholly bold paragraph is a caption
// without a credit.
bool split_caption(std::string_view paragraph, std::string& caption, std::string& credit) {
    if (paragraph.size() < 5 || paragraph.substr(paragraph.size() - 2) != "**") return false;
    std::size_t open = paragraph.rfind("**", paragraph.size() - 3);
    if (open == std::string_view::npos) return false;
    std::string_view inside = paragraph.substr(open + 2, paragraph.size() - open - 4);
    if (text::trim(inside).empty()) return false;
    if (open == 0) {
        caption = text::collapse_spaces(inside);
        credit.clear();
    } else {
        caption = text::collapse_spaces(text::strip_markdown_inline(paragraph.substr(0, open)));
        credit = text::collapse_spaces(inside);
    }
    return true;
}

// Whether a wholly bold paragraph is a caption ("**The chancellor arrives at the
// harbour.**") rather than a subheading in bold ("**What comes next**"), which is body text:
// captions are sentences.
bool reads_as_sentence(std::string_view text) {
    text = text::trim(text);
    while (!text.empty()) {
        if (text.back() == '"' || text.back() == '\'' || text.back() == ')') {
            text.remove_suffix(1);
        } else if (text.size() >= 3 && (text.substr(text.size() - 3) == "\u201d" ||
                                        text.substr(text.size() - 3) == "\u2019")) {
            text.remove_suffix(3);
        } else {
            break;
        }
    }
    return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

// A header paragraph is one header line, or lines that each are one.
bool read_header_paragraph(const Paragraph& paragraph, formats::HeaderLines& header) {
    if (formats::read_header_line(paragraph.joined(), header)) return true;
    if (paragraph.lines.size() < 2) return false;
    formats::HeaderLines trial = header;
    for (std::string_view line : paragraph.lines) {
        if (!formats::read_header_line(line, trial)) return false;
    }
    header = trial;
    return true;
}

constexpr std::string_view kUrlLabel = "original url:";
constexpr std::string_view kRelatedLabel = "related article:";
// The byline and date line stand within this many paragraphs after the title.
constexpr std::size_t kHeaderParagraphs = 3;

}  // namespace

Article read_plaintext_article(std::string_view bytes, const std::string& source) {
    if (bytes.find('\0') != std::string_view::npos)
        throw InputError(source, 0, "looks binary (contains a NUL byte), not a text article");
    const std::string text = text::clean_text(bytes);  // UTF-8 from the decoding stage
    const std::vector<Paragraph> paragraphs = paragraphs_of(text);
    if (paragraphs.empty()) throw InputError(source, 0, "empty file: no title line");

    Article article;
    article.source_path = source;
    formats::HeaderLines header;
    std::vector<std::string> body;

    // The title paragraph: its first line, and any further lines up to a header line.
    const Paragraph& first = paragraphs[0];
    std::string title(first.lines[0]);
    std::size_t line = 1;
    for (; line < first.lines.size(); ++line) {
        if (formats::read_header_line(first.lines[line], header)) break;
        title += ' ';
        title.append(first.lines[line]);
    }
    if (line < first.lines.size()) {
        for (++line; line < first.lines.size(); ++line) {
            if (!formats::read_header_line(first.lines[line], header)) break;
        }
    }
    const std::string rest_of_first = first.joined(line);
    std::string_view title_text = title;
    while (!title_text.empty() && title_text.front() == '#') title_text.remove_prefix(1);
    article.title = text::collapse_spaces(text::strip_markdown_inline(title_text));

    std::size_t next = 1;
    if (rest_of_first.empty()) {
        for (; next < paragraphs.size() && next <= kHeaderParagraphs; ++next) {
            if (!read_header_paragraph(paragraphs[next], header)) break;
        }
    } else {
        body.push_back(text::collapse_spaces(text::strip_markdown_inline(rest_of_first)));
    }
    article.authors = header.authors;
    article.date = header.date;
    article.date_unordered = header.date_unordered;

    for (; next < paragraphs.size(); ++next) {
        const std::string joined = paragraphs[next].joined();
        std::string_view paragraph = joined;
        std::string caption, credit;
        if (text::starts_with_nocase(paragraph, kUrlLabel)) {
            std::string_view rest = text::trim(paragraph.substr(kUrlLabel.size()));
            std::string following;
            if (rest.empty() && next + 1 < paragraphs.size()) {
                following = paragraphs[++next].joined();
                rest = following;
            }
            article.url = strip_angle_brackets(rest);
        } else if (text::starts_with_nocase(paragraph, kRelatedLabel)) {
            std::string related = text::collapse_spaces(
                text::strip_markdown_inline(paragraph.substr(kRelatedLabel.size())));
            if (!related.empty()) article.related.push_back(related);
        } else if (split_caption(paragraph, caption, credit) &&
                   (!credit.empty() || reads_as_sentence(caption))) {
            if (!credit.empty()) article.photo_credits.push_back(credit);
            if (!caption.empty()) article.captions.push_back(caption);
        } else {
            body.push_back(text::collapse_spaces(text::strip_markdown_inline(paragraph)));
        }
    }
    if (!header.have_byline && !body.empty()) {
        std::string agency = text::dateline_agency(body.front());
        if (!agency.empty()) article.authors.push_back(agency);
    }
    article.body = formats::join_paragraphs(body);
    // A title of markup alone ("#") and nothing after it leaves nothing to call the article.
    if (!formats::finish_article(article)) throw InputError(source, 0, "no title and no text");
    return article;
}

}  // namespace newsindex
