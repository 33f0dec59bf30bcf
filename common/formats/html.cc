#include "formats/html.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

#include "errors.h"
#include "formats/article_text.h"
#include "text/byline.h"
#include "text/dates.h"
#include "text/entities.h"
#include "text/strings.h"
#include "text/utf8.h"

namespace newsindex {

namespace {

using Json = nlohmann::json;

struct Attribute {
    std::string name;   // lowercased
    std::string value;  // character references decoded
};

const std::string* attribute(const std::vector<Attribute>& attributes, std::string_view name) {
    for (const Attribute& a : attributes) {
        if (a.name == name) return &a.value;
    }
    return nullptr;
}

std::string attribute_or_empty(const std::vector<Attribute>& attributes, std::string_view name) {
    const std::string* value = attribute(attributes, name);
    return value ? *value : std::string();
}

template <std::size_t N>
bool one_of(std::string_view name, const std::string_view (&names)[N]) {
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

constexpr std::string_view kVoid[] = {"area",  "base", "br",   "col",   "embed",  "hr",    "img",
                                      "input", "link", "meta", "param", "source", "track", "wbr"};

// Elements whose text is never article text.
constexpr std::string_view kSkipped[] = {"script", "style",  "noscript", "template", "svg",
                                         "nav",    "header", "footer",   "aside",    "form",
                                         "button", "iframe", "select",   "math"};

// Elements read as raw text up to their end tag, markup inside included.
constexpr std::string_view kRawText[] = {"script",   "style", "textarea", "title",
                                         "noscript", "xmp",   "noembed",  "noframes"};

// Elements that begin and end paragraphs.
constexpr std::string_view kBlock[] = {
    "p",          "div",     "br",      "h1",         "h2",       "h3",      "h4",      "h5",
    "h6",         "li",      "ul",      "ol",         "dl",       "dt",      "dd",      "table",
    "tr",         "section", "article", "main",       "header",   "footer",  "aside",   "nav",
    "blockquote", "pre",     "figure",  "figcaption", "hr",       "address", "details", "summary",
    "body",       "center",  "caption", "form",       "fieldset", "legend"};

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

// Paragraphs of text being collected from one part of the page.
class TextCollector {
  public:
    void add(std::string_view text) { current_.append(text); }
    void paragraph_break() {
        std::string paragraph = formats::tidy_inline(current_);
        if (!paragraph.empty()) paragraphs_.push_back(std::move(paragraph));
        current_.clear();
    }
    std::vector<std::string> take() {
        paragraph_break();
        return std::move(paragraphs_);
    }
    std::size_t size() const {
        std::size_t total = current_.size();
        for (const std::string& p : paragraphs_) total += p.size();
        return total;
    }
    void clear() {
        paragraphs_.clear();
        current_.clear();
    }

  private:
    std::vector<std::string> paragraphs_;
    std::string current_;
};

// What the page says about itself, gathered in one pass.
struct PageFacts {
    std::string title_element, og_title, twitter_title, first_h1;
    std::vector<std::pair<std::string, std::string>> meta;  // (name or property, content)
    std::string canonical;
    std::string first_time;  // datetime of the first <time>
    std::string byline_text;
    std::vector<std::string> json_ld;  // raw script contents
};

enum Flag : unsigned {
    kSkip = 1,
    kArticle = 2,
    kMain = 4,
    kH1 = 8,
    kByline = 16,
};

struct OpenElement {
    std::string name;
    unsigned flags;
};

class HtmlReader {
  public:
    explicit HtmlReader(std::string_view html) : html_(html), lowered_(text::ascii_lower(html)) {}

    void run();

    PageFacts facts;
    std::vector<std::string> article_paragraphs, main_paragraphs, page_paragraphs;

  private:
    void text(std::string_view raw);
    void paragraph_break();
    void start_tag(const std::string& name, const std::vector<Attribute>& attributes,
                   bool self_closing);
    void end_tag(const std::string& name);
    void push(const std::string& name, unsigned flags);
    void pop();
    void raw_text(const std::string& name, const std::vector<Attribute>& attributes,
                  std::string_view content);
    std::size_t read_tag(std::size_t lt);

    std::string_view html_;
    std::string lowered_;  // for case-insensitive searches of end tags
    std::vector<OpenElement> stack_;
    std::unordered_map<std::string, std::size_t> open_count_;
    std::size_t skip_ = 0, article_ = 0, main_ = 0, h1_ = 0, byline_ = 0;
    bool h1_done_ = false, byline_done_ = false;
    std::size_t best_article_size_ = 0;
    TextCollector article_text_, main_text_, page_text_, h1_text_, byline_text_;
};

void HtmlReader::paragraph_break() {
    if (skip_ > 0) return;
    page_text_.paragraph_break();
    if (main_ > 0) main_text_.paragraph_break();
    if (article_ > 0) article_text_.paragraph_break();
}

void HtmlReader::text(std::string_view raw) {
    if (skip_ > 0 || raw.empty()) return;
    const std::string decoded = text::decode_html_entities(raw);
    if (byline_ > 0) {
        // The byline is metadata, not body text.
        if (!byline_done_) byline_text_.add(decoded);
        return;
    }
    page_text_.add(decoded);
    if (main_ > 0) main_text_.add(decoded);
    if (article_ > 0) article_text_.add(decoded);
    if (h1_ > 0 && !h1_done_) h1_text_.add(decoded);
}

void HtmlReader::push(const std::string& name, unsigned flags) {
    stack_.push_back({name, flags});
    ++open_count_[name];
    if (flags & kSkip) ++skip_;
    if (flags & kArticle) {
        if (article_++ == 0) article_text_.clear();
    }
    if (flags & kMain) ++main_;
    if (flags & kH1) ++h1_;
    if (flags & kByline) ++byline_;
}

void HtmlReader::pop() {
    const OpenElement top = std::move(stack_.back());
    stack_.pop_back();
    --open_count_[top.name];
    if (top.flags & kSkip) --skip_;
    if (one_of(top.name, kBlock)) paragraph_break();
    if (top.flags & kArticle && --article_ == 0) {
        // Pages hold teaser <article>s too: keep the longest.
        const std::size_t size = article_text_.size();
        if (size > best_article_size_) {
            best_article_size_ = size;
            article_paragraphs = article_text_.take();
        }
        article_text_.clear();
    }
    if (top.flags & kMain) --main_;
    if (top.flags & kH1 && --h1_ == 0 && !h1_done_) {
        facts.first_h1 = formats::tidy_inline(formats::join_paragraphs(h1_text_.take()));
        h1_done_ = !facts.first_h1.empty();
    }
    if (top.flags & kByline && --byline_ == 0 && !byline_done_) {
        facts.byline_text = formats::tidy_inline(formats::join_paragraphs(byline_text_.take()));
        byline_done_ = !facts.byline_text.empty();
    }
}

void HtmlReader::start_tag(const std::string& name, const std::vector<Attribute>& attributes,
                           bool self_closing) {
    if (one_of(name, kBlock)) paragraph_break();
    if (name == "td" || name == "th") text(" ");
    if (name == "meta") {
        std::string key = attribute_or_empty(attributes, "property");
        if (key.empty()) key = attribute_or_empty(attributes, "name");
        if (key.empty()) key = attribute_or_empty(attributes, "itemprop");
        const std::string* content = attribute(attributes, "content");
        if (!key.empty() && content) facts.meta.emplace_back(text::ascii_lower(key), *content);
        return;
    }
    if (name == "link") {
        const std::string rel = text::ascii_lower(attribute_or_empty(attributes, "rel"));
        if (rel == "canonical" && facts.canonical.empty())
            facts.canonical = attribute_or_empty(attributes, "href");
        return;
    }
    if (name == "time" && facts.first_time.empty() && skip_ == 0)
        facts.first_time = attribute_or_empty(attributes, "datetime");
    if (self_closing || one_of(name, kVoid)) return;

    unsigned flags = 0;
    if (one_of(name, kSkipped) || attribute(attributes, "hidden") ||
        attribute_or_empty(attributes, "aria-hidden") == "true")
        flags |= kSkip;
    if (name == "article") flags |= kArticle;
    if (name == "main") flags |= kMain;
    if (name == "h1") flags |= kH1;
    if (!byline_done_ && byline_ == 0) {
        const std::string rel = text::ascii_lower(attribute_or_empty(attributes, "rel"));
        const std::string itemprop = text::ascii_lower(attribute_or_empty(attributes, "itemprop"));
        const std::string css = text::ascii_lower(attribute_or_empty(attributes, "class"));
        if (rel == "author" || itemprop == "author" || css.find("byline") != std::string::npos)
            flags |= kByline;
    }
    push(name, flags);
}

void HtmlReader::end_tag(const std::string& name) {
    auto open = open_count_.find(name);
    if (open == open_count_.end() || open->second == 0) {
        if (name == "p" || name == "br") paragraph_break();  // "</p>" alone still ends one
        return;
    }
    // Close everything opened inside it, as browsers do with misnested tags.
    while (!stack_.empty()) {
        const bool last = stack_.back().name == name;
        pop();
        if (last) break;
    }
}

void HtmlReader::raw_text(const std::string& name, const std::vector<Attribute>& attributes,
                          std::string_view content) {
    if (name == "title") {
        if (facts.title_element.empty() && skip_ == 0)
            facts.title_element = formats::tidy_inline(text::decode_html_entities(content));
        return;
    }
    if (name == "script") {
        const std::string type = text::ascii_lower(attribute_or_empty(attributes, "type"));
        if (type.find("ld+json") != std::string::npos) facts.json_ld.emplace_back(content);
        return;
    }
    if (name == "textarea" && skip_ == 0) {
        text(content);
        paragraph_break();
    }
}

bool is_name_char(char c) {
    return c != ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != '/' && c != '>';
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// Reads the tag at html_[lt] == '<' and returns the position after it.
std::size_t HtmlReader::read_tag(std::size_t lt) {
    const std::size_t n = html_.size();
    std::size_t i = lt + 1;
    const bool closing = i < n && html_[i] == '/';
    if (closing) ++i;
    const std::size_t name_start = i;
    while (i < n && is_name_char(html_[i])) ++i;
    const std::string name = text::ascii_lower(html_.substr(name_start, i - name_start));
    std::vector<Attribute> attributes;
    bool self_closing = false;
    while (i < n && html_[i] != '>') {
        if (is_space(html_[i])) {
            ++i;
            continue;
        }
        if (html_[i] == '/') {
            self_closing = i + 1 < n && html_[i + 1] == '>';
            ++i;
            continue;
        }
        const std::size_t attr_start = i;
        while (i < n && is_name_char(html_[i]) && html_[i] != '=') ++i;
        if (i == attr_start) ++i;  // a lone '=' or similar: step over it
        Attribute attr{text::ascii_lower(html_.substr(attr_start, i - attr_start)), {}};
        while (i < n && is_space(html_[i])) ++i;
        if (i < n && html_[i] == '=') {
            ++i;
            while (i < n && is_space(html_[i])) ++i;
            if (i < n && (html_[i] == '"' || html_[i] == '\'')) {
                const char quote = html_[i];
                const std::size_t close = html_.find(quote, i + 1);
                const std::size_t end = close == std::string_view::npos ? n : close;
                attr.value = text::decode_html_entities(html_.substr(i + 1, end - i - 1));
                i = close == std::string_view::npos ? n : close + 1;
            } else {
                const std::size_t value_start = i;
                while (i < n && !is_space(html_[i]) && html_[i] != '>') ++i;
                attr.value = text::decode_html_entities(html_.substr(value_start, i - value_start));
            }
        }
        if (!closing && attributes.size() < 64) attributes.push_back(std::move(attr));
    }
    const std::size_t after = i < n ? i + 1 : n;
    if (closing) {
        end_tag(name);
        return after;
    }
    if (one_of(name, kRawText) && !self_closing) {
        const std::string end_marker = "</" + name;
        std::size_t close = lowered_.find(end_marker, after);
        // "</scripts" does not end a script: the name must end there.
        while (close != std::string::npos && close + end_marker.size() < n &&
               is_name_char(lowered_[close + end_marker.size()]))
            close = lowered_.find(end_marker, close + 1);
        const std::size_t content_end = close == std::string::npos ? n : close;
        raw_text(name, attributes, html_.substr(after, content_end - after));
        if (close == std::string::npos) return n;
        const std::size_t gt = html_.find('>', close);
        return gt == std::string_view::npos ? n : gt + 1;
    }
    start_tag(name, attributes, self_closing);
    return after;
}

void HtmlReader::run() {
    const std::size_t n = html_.size();
    std::size_t pos = 0;
    while (pos < n) {
        const std::size_t lt = html_.find('<', pos);
        if (lt == std::string_view::npos) {
            text(html_.substr(pos));
            break;
        }
        text(html_.substr(pos, lt - pos));
        pos = lt;
        if (html_.compare(lt, 4, "<!--") == 0) {
            const std::size_t end = html_.find("-->", lt + 4);
            pos = end == std::string_view::npos ? n : end + 3;
        } else if (lt + 1 < n && (html_[lt + 1] == '!' || html_[lt + 1] == '?')) {
            const std::size_t end = html_.find('>', lt);
            pos = end == std::string_view::npos ? n : end + 1;
        } else if (lt + 1 < n && ((html_[lt + 1] >= 'a' && html_[lt + 1] <= 'z') ||
                                  (html_[lt + 1] >= 'A' && html_[lt + 1] <= 'Z') ||
                                  (html_[lt + 1] == '/' && lt + 2 < n &&
                                   ((html_[lt + 2] >= 'a' && html_[lt + 2] <= 'z') ||
                                    (html_[lt + 2] >= 'A' && html_[lt + 2] <= 'Z'))))) {
            pos = read_tag(lt);
        } else {
            text("<");
            pos = lt + 1;
        }
    }
    while (!stack_.empty()) pop();
    page_paragraphs = page_text_.take();
    main_paragraphs = main_text_.take();
    if (article_paragraphs.empty()) article_paragraphs = article_text_.take();
    if (!byline_done_)
        facts.byline_text = formats::tidy_inline(formats::join_paragraphs(byline_text_.take()));
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
    std::string headline, date, url, body;
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

Article read_html_article(std::string_view bytes, const std::string& source) {
    if (text::looks_binary(bytes)) throw InputError(source, 0, "looks binary, not an HTML page");
    const std::string html = text::clean_text(bytes);  // UTF-8 from the decoding stage
    HtmlReader reader(html);
    reader.run();
    const PageFacts& facts = reader.facts;
    const LinkedData linked = read_linked_data(facts.json_ld);

    Article article;
    article.source_path = source;
    for (const std::string& candidate :
         {linked.headline, first_meta(facts, "og:title"), first_meta(facts, "twitter:title"),
          facts.title_element, facts.first_h1}) {
        article.title = formats::tidy_inline(candidate);
        if (!article.title.empty()) break;
    }

    std::string dates_from_byline;
    article.authors = linked.authors;
    if (article.authors.empty()) {
        for (std::string_view key : kAuthorMeta) {
            for (const auto& [name, content] : facts.meta) {
                if (name != key || is_url(text::trim(content))) continue;
                for (const std::string& clean : text::parse_author_names(content))
                    formats::add_unique(article.authors, clean);
            }
            if (!article.authors.empty()) break;
        }
    }
    if (article.authors.empty() && !facts.byline_text.empty()) {
        // Byline elements often carry the date too: "By Jane Doe | Jan. 29, 2022".
        formats::HeaderLines header;
        const std::string line =
            text::is_byline(facts.byline_text) ? facts.byline_text : "By " + facts.byline_text;
        if (formats::read_header_line(line, header)) article.authors = header.authors;
        if (!header.date.empty()) dates_from_byline = header.date;
    }

    std::vector<std::string> dates = {linked.date};
    for (std::string_view key : kDateMeta) dates.push_back(first_meta(facts, key));
    dates.push_back(facts.first_time);
    dates.push_back(dates_from_byline);
    for (const std::string& date : dates) {
        if (auto parsed = text::parse_date(date)) {
            article.date = parsed->iso();
            break;
        }
    }

    for (const std::string& url : {facts.canonical, first_meta(facts, "og:url"), linked.url}) {
        article.url = std::string(text::trim(url));
        if (!article.url.empty()) break;
    }

    for (const auto& [name, content] : facts.meta) {
        if (name == "article:tag") formats::add_unique(article.tags, formats::tidy_inline(content));
        if (name == "keywords" || name == "news_keywords") {
            for (std::string_view tag : text::split(content, ","))
                formats::add_unique(article.tags, formats::tidy_inline(tag));
        }
    }
    for (const std::string& tag : linked.tags) formats::add_unique(article.tags, tag);

    std::vector<std::string>& body = !reader.article_paragraphs.empty() ? reader.article_paragraphs
                                     : !reader.main_paragraphs.empty()  ? reader.main_paragraphs
                                                                        : reader.page_paragraphs;
    // The headline printed above the text is the title, not body.
    if (!body.empty() && text::ascii_lower(body.front()) == text::ascii_lower(article.title))
        body.erase(body.begin());
    article.body = formats::join_paragraphs(body);
    if (article.body.empty()) article.body = linked.body;
    if (!formats::finish_article(article))
        throw InputError(source, 0, "no title and no text in the page");
    return article;
}

}  // namespace newsindex
