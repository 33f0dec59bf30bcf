#include "formats/html.h"

#include <algorithm>

#include "errors.h"
#include "formats/article_text.h"
#include "formats/html_captions.h"
#include "formats/html_extract.h"
#include "formats/html_metadata.h"
#include "formats/html_parse.h"
#include "text/entities.h"
#include "text/strings.h"
#include "text/utf8.h"

namespace newsindex {

namespace {

// The JSON-LD articleBody as paragraphs: its lines, with character references some sites
// leave in decoded.
std::vector<std::string> linked_paragraphs(const std::string& body) {
    std::vector<std::string> paragraphs;
    const std::string decoded = text::decode_html_entities(body);  // outlives the views
    for (std::string_view line : text::split(decoded, "\n")) {
        std::string tidy = formats::tidy_inline(line);
        if (!tidy.empty()) paragraphs.push_back(std::move(tidy));
    }
    return paragraphs;
}

std::size_t total_size(const std::vector<std::string>& paragraphs) {
    std::size_t n = 0;
    for (const std::string& p : paragraphs) n += p.size();
    return n;
}

// The article's captions (those the extraction found inside the article, by their whole
// text), each split into caption and credit.
void add_captions(const GumboNode& root, const std::vector<std::string>& of_article,
                  Article& article) {
    if (of_article.empty()) return;
    const std::vector<html::FigureCaption> all = html::read_figure_captions(root);
    for (const std::string& whole : of_article) {
        auto found = std::find_if(all.begin(), all.end(),
                                  [&](const html::FigureCaption& c) { return c.whole == whole; });
        if (found == all.end()) {
            formats::add_unique(article.captions, whole);
            continue;
        }
        formats::add_unique(article.captions, found->caption);
        formats::add_unique(article.photo_credits, found->credit);
    }
}

}  // namespace

Article read_html_article(std::string_view bytes, const std::string& source) {
    if (text::looks_binary(bytes)) throw InputError(source, 0, "looks binary, not an HTML page");
    // The parser replaces bytes that are not UTF-8 and finish_article cleans every field, so
    // the page needs no cleaning of its own first (a third of the time it took).
    const html::Document document(bytes);
    html::PageMetadata meta = html::read_page_metadata(document.root());
    html::MainText main = html::extract_main_text(document.root());

    Article article;
    article.source_path = source;
    article.title = std::move(meta.title);
    article.authors = std::move(meta.authors);
    article.date = std::move(meta.date);
    article.date_unordered = std::move(meta.date_unordered);
    article.url = std::move(meta.url);
    article.tags = std::move(meta.tags);
    article.site_name = std::move(meta.site_name);
    article.section = std::move(meta.section);
    article.language = std::move(meta.language);
    add_captions(document.root(), main.captions, article);

    std::vector<std::string>& body = main.paragraphs;
    // The publisher's own copy of the text wins when the tree gave much less of it (pages that
    // fill the article in with scripts, or whose markup misled the extraction).
    if (!meta.json_ld_body.empty()) {
        std::vector<std::string> linked = linked_paragraphs(meta.json_ld_body);
        if (total_size(linked) > 2 * total_size(body)) body = std::move(linked);
    }
    // The headline printed above the text is the title, not body.
    if (!body.empty() && text::ascii_lower(body.front()) == text::ascii_lower(article.title))
        body.erase(body.begin());
    article.body = formats::join_paragraphs(body);
    if (!formats::finish_article(article))
        throw InputError(source, 0, "no title and no text in the page");
    return article;
}

}  // namespace newsindex
