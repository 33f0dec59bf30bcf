#include "formats/plaintext.h"

#include <vector>

#include "errors.h"
#include "text/byline.h"
#include "text/dates.h"
#include "text/strings.h"
#include "text/utf8.h"

namespace newsindex {

namespace {

struct Paragraph {
    std::string text;  // its lines joined by single spaces
    unsigned first_line;
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
        if (in_paragraph) {
            paragraphs.back().text += ' ';
            paragraphs.back().text.append(trimmed);
        } else {
            paragraphs.push_back({std::string(trimmed), line_number});
            in_paragraph = true;
        }
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

constexpr std::string_view kUrlLabel = "original url:";
constexpr std::string_view kRelatedLabel = "related article:";
// The byline and date line stand within this many paragraphs after the title.
constexpr std::size_t kHeaderParagraphs = 3;

}  // namespace

Article read_plaintext_article(std::string_view bytes, const std::string& source) {
    if (bytes.find('\0') != std::string_view::npos)
        throw InputError(source, 0, "looks binary (contains a NUL byte), not a text article");
    const std::vector<Paragraph> paragraphs = paragraphs_of(text::clean_text(bytes));
    if (paragraphs.empty()) throw InputError(source, 0, "empty file: no title line");

    Article article;
    article.source_path = source;
    std::string_view title = paragraphs[0].text;
    while (!title.empty() && title.front() == '#') title.remove_prefix(1);  // "# Title"
    article.title = text::collapse_spaces(text::strip_markdown_inline(title));

    std::size_t next = 1;
    bool have_byline = false, have_date = false;
    for (; next < paragraphs.size() && next <= kHeaderParagraphs; ++next) {
        const std::string& candidate = paragraphs[next].text;
        if (!have_byline && text::is_byline(candidate)) {
            article.authors = text::parse_byline(candidate);
            have_byline = true;
        } else if (auto date = text::parse_date(candidate); !have_date && date) {
            article.date = date->iso();
            have_date = true;
        } else {
            break;
        }
    }

    std::vector<std::string> body;
    for (; next < paragraphs.size(); ++next) {
        std::string_view paragraph = paragraphs[next].text;
        std::string caption, credit;
        if (text::starts_with_nocase(paragraph, kUrlLabel)) {
            std::string_view rest = text::trim(paragraph.substr(kUrlLabel.size()));
            if (rest.empty() && next + 1 < paragraphs.size()) rest = paragraphs[++next].text;
            article.url = strip_angle_brackets(rest);
        } else if (text::starts_with_nocase(paragraph, kRelatedLabel)) {
            std::string related = text::collapse_spaces(
                text::strip_markdown_inline(paragraph.substr(kRelatedLabel.size())));
            if (!related.empty()) article.related.push_back(related);
        } else if (split_caption(paragraph, caption, credit)) {
            if (!credit.empty()) article.photo_credits.push_back(credit);
            if (!caption.empty()) body.push_back(caption);
        } else {
            body.push_back(text::collapse_spaces(text::strip_markdown_inline(paragraph)));
        }
    }
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (i > 0) article.body += "\n\n";
        article.body += body[i];
    }
    return article;
}

}  // namespace newsindex
