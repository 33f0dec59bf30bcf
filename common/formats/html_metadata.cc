#include "formats/html_metadata.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

#include "formats/article_text.h"
#include "formats/html_parse.h"
#include "text/byline.h"
#include "text/dates.h"
#include "text/entities.h"
#include "text/language.h"
#include "text/strings.h"

namespace newsindex::html {

namespace {

using Json = nlohmann::json;

template <std::size_t N>
bool one_of(std::string_view name, const std::string_view (&names)[N]) {
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// Meta tags that name authors or give the publication date, most trusted first.
constexpr std::string_view kAuthorMeta[] = {"author",          "article:author",  "byl",
                                            "parsely-author",  "sailthru.author", "dc.creator",
                                            "dcterms.creator", "citation_author"};
constexpr std::string_view kDateMeta[] = {"article:published_time",
                                          "datepublished",
                                          "og:published_time",
                                          "pubdate",
                                          "publishdate",
                                          "publish-date",
                                          "parsely-pub-date",
                                          "sailthru.date",
                                          "dc.date",
                                          "dcterms.date",
                                          "date"};

// Types of schema.org objects that describe the article.
constexpr std::string_view kArticleTypes[] = {"NewsArticle",          "Article",
                                              "ReportageNewsArticle", "AnalysisNewsArticle",
                                              "OpinionNewsArticle",   "BackgroundNewsArticle",
                                              "ReviewNewsArticle",    "BlogPosting",
                                              "LiveBlogPosting",      "Report",
                                              "TechArticle",          "WebPageElement"};

// Elements whose text is page furniture: a <time> or byline there is not the article's.
bool is_furniture(const GumboNode& node) {
    if (node.v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return true;  // SVG, MathML
    switch (node.v.element.tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_SELECT:
            return true;
        default:
            break;
    }
    const char* aria_hidden = attribute(node, "aria-hidden");
    return attribute(node, "hidden") || (aria_hidden && std::string_view(aria_hidden) == "true");
}

// What the page says about itself, gathered in one walk.
struct PageFacts {
    std::string title_element, first_h1, canonical, first_time, byline_text;
    std::string html_lang, content_language;                // <html lang>, <meta http-equiv=...>
    std::vector<std::pair<std::string, std::string>> meta;  // (name or property, content)
    std::vector<std::string> json_ld;                       // raw script contents
};

bool is_byline_element(const GumboNode& node) {
    const std::string rel = text::ascii_lower(attribute_or_empty(node, "rel"));
    const std::string itemprop = text::ascii_lower(attribute_or_empty(node, "itemprop"));
    const std::string css = text::ascii_lower(attribute_or_empty(node, "class"));
    return rel == "author" || itemprop == "author" || css.find("byline") != std::string::npos;
}

std::string script_text(const GumboNode& script) {
    std::string text;
    const GumboVector& children = script.v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
            child->type == GUMBO_NODE_CDATA)
            text += child->v.text.text;
    }
    return text;
}

PageFacts gather_facts(const GumboNode& root) {
    PageFacts facts;
    facts.html_lang = attribute_or_empty(root, "lang");
    if (facts.html_lang.empty()) facts.html_lang = attribute_or_empty(root, "xml:lang");
    const GumboNode* furniture = nullptr;  // the outermost furniture element being walked
    walk(
        root,
        [&](const GumboNode& node) {
            if (node.type != GUMBO_NODE_ELEMENT) return false;
            const GumboTag tag = node.v.element.tag;
            const bool html = node.v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
            if (html && tag == GUMBO_TAG_META) {
                std::string key = attribute_or_empty(node, "property");
                if (key.empty()) key = attribute_or_empty(node, "name");
                if (key.empty()) key = attribute_or_empty(node, "itemprop");
                const char* content = attribute(node, "content");
                if (!key.empty() && content)
                    facts.meta.emplace_back(text::ascii_lower(key), content);
                if (content && facts.content_language.empty() &&
                    text::ascii_lower(attribute_or_empty(node, "http-equiv")) == "content-language")
                    facts.content_language = content;
                return false;
            }
            if (html && tag == GUMBO_TAG_LINK) {
                if (facts.canonical.empty() &&
                    text::ascii_lower(attribute_or_empty(node, "rel")) == "canonical")
                    facts.canonical = attribute_or_empty(node, "href");
                return false;
            }
            if (html && tag == GUMBO_TAG_SCRIPT) {
                const std::string type = text::ascii_lower(attribute_or_empty(node, "type"));
                if (type.find("ld+json") != std::string::npos)
                    facts.json_ld.push_back(script_text(node));
                return false;
            }
            if (html && tag == GUMBO_TAG_TITLE) {
                if (facts.title_element.empty() && !furniture)
                    facts.title_element = formats::tidy_inline(text_of(node));
                return false;
            }
            if (!furniture && is_furniture(node)) furniture = &node;
            if (furniture) return true;
            if (html && tag == GUMBO_TAG_TIME && facts.first_time.empty())
                facts.first_time = attribute_or_empty(node, "datetime");
            if (html && tag == GUMBO_TAG_H1 && facts.first_h1.empty())
                facts.first_h1 = formats::tidy_inline(text_of(node));
            if (facts.byline_text.empty() && is_byline_element(node))
                facts.byline_text = formats::tidy_inline(text_of(node));
            return true;
        },
        [&](const GumboNode& node) {
            if (&node == furniture) furniture = nullptr;
        });
    return facts;
}

// ---- JSON-LD ----

std::string json_string(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    return {};
}

// A name from a string, {"name": ...} or {"@id": ...} is not a name.
std::string json_name(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_object()) {
        auto name = value.find("name");
        if (name != value.end()) return json_string(*name);
    }
    return {};
}

// The first string of a string or a list.
std::string first_string(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_array()) {
        for (const Json& element : value)
            if (element.is_string() && !element.get_ref<const std::string&>().empty())
                return element.get<std::string>();
    }
    return {};
}

// The name of an object given in place, by reference ({"@id": "#org"}, named elsewhere in the
// document's "@graph", as Yoast and other generators write it), or first of a list.
std::string linked_name(const Json& value, const Json& document) {
    const Json& first = value.is_array() && !value.empty() ? value.front() : value;
    std::string name = json_name(first);
    if (!name.empty() || !first.is_object()) return name;
    auto id = first.find("@id");
    if (id == first.end() || !id->is_string()) return {};
    const Json* graph = &document;
    if (document.is_object()) {
        auto found = document.find("@graph");
        if (found == document.end()) return {};
        graph = &*found;
    }
    if (!graph->is_array()) return {};
    for (const Json& object : *graph) {
        if (!object.is_object()) continue;
        auto other = object.find("@id");
        if (other != object.end() && *other == *id) return json_name(object);
    }
    return {};
}

bool is_article_object(const Json& object) {
    auto type = object.find("@type");
    if (type == object.end()) return false;
    if (type->is_string()) return one_of(type->get_ref<const std::string&>(), kArticleTypes);
    if (type->is_array()) {
        for (const Json& t : *type) {
            if (t.is_string() && one_of(t.get_ref<const std::string&>(), kArticleTypes))
                return true;
        }
    }
    return false;
}

// The first article object in a JSON-LD document: the document itself, an element of a top
// list, or an element of "@graph". Looks no deeper, so any nesting is cheap.
const Json* find_article_object(const Json& document) {
    std::vector<const Json*> candidates;
    auto consider = [&](const Json& value) {
        if (value.is_object()) candidates.push_back(&value);
        if (value.is_array()) {
            for (const Json& element : value) {
                if (element.is_object()) candidates.push_back(&element);
            }
        }
    };
    consider(document);
    for (std::size_t i = 0; i < candidates.size() && i < 1000; ++i) {
        const Json& object = *candidates[i];
        if (is_article_object(object)) return &object;
        auto graph = object.find("@graph");
        if (graph != object.end() && i < 100) consider(*graph);
    }
    return nullptr;
}

void add_tags(const Json& value, std::vector<std::string>& tags) {
    if (value.is_string()) {
        for (std::string_view tag : text::split(value.get_ref<const std::string&>(), ","))
            formats::add_unique(tags, formats::tidy_inline(tag));
    } else if (value.is_array()) {
        for (const Json& element : value) {
            if (element.is_string())
                formats::add_unique(tags, formats::tidy_inline(element.get<std::string>()));
        }
    }
}

struct LinkedData {
    std::string headline, date, url, body, publisher, section, language;
    std::vector<std::string> authors, tags;
};

LinkedData read_linked_data(const std::vector<std::string>& scripts) {
    LinkedData data;
    for (const std::string& script : scripts) {
        Json document = Json::parse(script, nullptr, /*allow_exceptions=*/false);
        if (document.is_discarded()) continue;
        const Json* article = find_article_object(document);
        if (!article) continue;
        auto get = [&](std::string_view key) -> const Json* {
            auto found = article->find(std::string(key));
            return found == article->end() ? nullptr : &*found;
        };
        if (const Json* headline = get("headline")) data.headline = json_string(*headline);
        if (data.headline.empty()) {
            if (const Json* name = get("name")) data.headline = json_string(*name);
        }
        // Some sites escape their JSON-LD text for HTML as well.
        data.headline = text::decode_html_entities(data.headline);
        for (std::string_view key : {"author", "creator"}) {
            const Json* author = get(key);
            if (!author || !data.authors.empty()) continue;
            std::vector<std::string> names;
            if (author->is_array()) {
                for (const Json& element : *author) names.push_back(json_name(element));
            } else {
                names.push_back(json_name(*author));
            }
            for (const std::string& name : names) {
                for (const std::string& clean : text::parse_author_names(name))
                    formats::add_unique(data.authors, clean);
            }
        }
        for (std::string_view key : {"datePublished", "dateCreated"}) {
            if (const Json* date = get(key); date && data.date.empty())
                data.date = json_string(*date);
        }
        if (const Json* url = get("url")) data.url = json_string(*url);
        if (data.url.empty()) {
            if (const Json* page = get("mainEntityOfPage")) {
                if (page->is_object()) {
                    auto id = page->find("@id");
                    if (id != page->end()) data.url = json_string(*id);
                } else {
                    data.url = json_string(*page);
                }
            }
        }
        if (const Json* keywords = get("keywords")) add_tags(*keywords, data.tags);
        if (const Json* section = get("articleSection")) add_tags(*section, data.tags);
        if (const Json* body = get("articleBody")) data.body = json_string(*body);
        if (const Json* publisher = get("publisher"))
            data.publisher = text::decode_html_entities(linked_name(*publisher, document));
        if (const Json* section = get("articleSection"))
            data.section = text::decode_html_entities(first_string(*section));
        if (const Json* language = get("inLanguage")) {
            data.language = first_string(*language);
            // {"@type": "Language", "name": "English", "alternateName": "en"}
            if (data.language.empty() && language->is_object()) {
                auto code = language->find("alternateName");
                if (code != language->end()) data.language = json_string(*code);
            }
        }
        break;  // the first article object found describes the page
    }
    return data;
}

bool is_url(std::string_view value) {
    return text::starts_with_nocase(value, "http://") ||
           text::starts_with_nocase(value, "https://");
}

std::string first_meta(const PageFacts& facts, std::string_view key) {
    for (const auto& [name, content] : facts.meta) {
        if (name == key && !text::trim(content).empty()) return content;
    }
    return {};
}

}  // namespace

PageMetadata read_page_metadata(const GumboNode& root) {
    const PageFacts facts = gather_facts(root);
    const LinkedData linked = read_linked_data(facts.json_ld);
    PageMetadata page;
    page.json_ld_body = linked.body;

    for (const std::string& candidate :
         {linked.headline, first_meta(facts, "og:title"), first_meta(facts, "twitter:title"),
          facts.title_element, facts.first_h1}) {
        page.title = formats::tidy_inline(candidate);
        if (!page.title.empty()) break;
    }

    std::string dates_from_byline;
    page.authors = linked.authors;
    if (page.authors.empty()) {
        for (std::string_view key : kAuthorMeta) {
            for (const auto& [name, content] : facts.meta) {
                if (name != key || is_url(text::trim(content))) continue;
                for (const std::string& clean : text::parse_author_names(content))
                    formats::add_unique(page.authors, clean);
            }
            if (!page.authors.empty()) break;
        }
    }
    if (page.authors.empty() && !facts.byline_text.empty()) {
        // Byline elements often carry the date too: "By Jane Doe | Jan. 29, 2022".
        formats::HeaderLines header;
        const std::string line =
            text::is_byline(facts.byline_text) ? facts.byline_text : "By " + facts.byline_text;
        if (formats::read_header_line(line, header)) page.authors = header.authors;
        dates_from_byline = header.date.empty() ? header.date_unordered : header.date;
    }

    std::vector<std::string> dates = {linked.date};
    for (std::string_view key : kDateMeta) dates.push_back(first_meta(facts, key));
    dates.push_back(facts.first_time);
    dates.push_back(dates_from_byline);
    for (const std::string& date : dates) {
        page.date = formats::read_source_date(date, page.date_unordered);
        if (!page.date.empty()) break;
    }

    for (const std::string& url : {facts.canonical, first_meta(facts, "og:url"), linked.url}) {
        page.url = std::string(text::trim(url));
        if (!page.url.empty()) break;
    }

    for (const auto& [name, content] : facts.meta) {
        if (name == "article:tag") formats::add_unique(page.tags, formats::tidy_inline(content));
        if (name == "keywords" || name == "news_keywords") {
            for (std::string_view tag : text::split(content, ","))
                formats::add_unique(page.tags, formats::tidy_inline(tag));
        }
    }
    for (const std::string& tag : linked.tags) formats::add_unique(page.tags, tag);

    for (const std::string& name : {first_meta(facts, "og:site_name"), linked.publisher}) {
        page.site_name = formats::tidy_inline(name);
        if (!page.site_name.empty()) break;
    }
    for (const std::string& section : {first_meta(facts, "article:section"), linked.section}) {
        page.section = formats::tidy_inline(section);
        if (!page.section.empty()) break;
    }
    for (const std::string& declared : {facts.html_lang, facts.content_language, linked.language,
                                        first_meta(facts, "og:locale")}) {
        page.language = text::primary_language(declared);
        if (!page.language.empty()) break;
    }
    return page;
}

}  // namespace newsindex::html
