#include "schema.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

#include "text/language.h"
#include "text/strings.h"

namespace newsindex::schema {

namespace {

constexpr std::string_view kAuthorExactPrefix = "XA";
constexpr std::string_view kSectionExactPrefix = "XK";
constexpr std::string_view kLanguagePrefix = "L";

std::vector<std::string> title_values(const Article& a) {
    return {a.title};
}
std::vector<std::string> author_values(const Article& a) {
    return a.authors;
}
std::vector<std::string> site_values(const Article& a) {
    std::string site = site_of_url(a.url);
    if (site.empty()) return {};
    return {site};
}
std::vector<std::string> url_values(const Article& a) {
    if (a.url.empty()) return {};
    return {a.url};
}
std::vector<std::string> one_value(const std::string& value) {
    if (value.empty()) return {};
    return {value};
}
std::vector<std::string> site_name_values(const Article& a) {
    return one_value(a.site_name);
}
std::vector<std::string> section_values(const Article& a) {
    return one_value(a.section);
}
std::vector<std::string> language_values(const Article& a) {
    return one_value(a.language);
}
// Captions and their credits: "caption:reuters" finds a Reuters photo.
std::vector<std::string> caption_values(const Article& a) {
    std::vector<std::string> values = a.captions;
    values.insert(values.end(), a.photo_credits.begin(), a.photo_credits.end());
    return values;
}
std::vector<std::string> id_values(const Article& a) {
    return {article_id(a)};
}
// Named entities: the free-text values are each entity's canonical name and its other surface
// forms (so that "org:NATO" finds the "North Atlantic Treaty Organization (NATO)"); the
// exact values only the canonical names.
// The words of a name, lower case: runs of ASCII letters and digits, and of other bytes.
std::vector<std::string> name_words(const std::string& name) {
    std::vector<std::string> words;
    std::string word;
    for (char c : name) {
        const unsigned char byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || byte >= 0x80) {
            word += static_cast<char>(std::tolower(byte));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}
// Whether a surface form gives words the canonical name does not: "NATO" for "North
// Atlantic Treaty Organization" and "UN" for "United Nations" do; "CALGARY" for "Calgary"
// and "Milley" for "Mark Milley" do not (words are indexed in lower case).
bool mention_adds_words(const ArticleEntity& entity, const std::string& mention) {
    const std::vector<std::string> name = name_words(entity.name);
    for (const std::string& word : name_words(mention))
        if (std::find(name.begin(), name.end(), word) == name.end()) return true;
    return false;
}
std::vector<std::string> entity_words(const Article& a, EntityType type) {
    std::vector<std::string> values;
    for (const ArticleEntity& entity : a.entities) {
        if (entity.type != type) continue;
        values.push_back(entity.name);
        for (const std::string& mention : entity.mentions)
            if (mention_adds_words(entity, mention)) values.push_back(mention);
    }
    return values;
}
std::vector<std::string> entity_names(const Article& a, EntityType type) {
    std::vector<std::string> values;
    for (const ArticleEntity& entity : a.entities)
        if (entity.type == type) values.push_back(entity.name);
    return values;
}
std::vector<std::string> person_words(const Article& a) {
    return entity_words(a, EntityType::Person);
}
std::vector<std::string> org_words(const Article& a) {
    return entity_words(a, EntityType::Org);
}
std::vector<std::string> place_words(const Article& a) {
    return entity_words(a, EntityType::Place);
}
std::vector<std::string> other_words(const Article& a) {
    return entity_words(a, EntityType::Other);
}
std::vector<std::string> person_names(const Article& a) {
    return entity_names(a, EntityType::Person);
}
std::vector<std::string> org_names(const Article& a) {
    return entity_names(a, EntityType::Org);
}
std::vector<std::string> place_names(const Article& a) {
    return entity_names(a, EntityType::Place);
}
std::vector<std::string> other_names(const Article& a) {
    return entity_names(a, EntityType::Other);
}

std::vector<std::string> date_values(const Article& a) {
    if (a.date.empty()) return {};
    return {a.date};
}

// Xapian's limit on a term is 245 bytes; stay clear of it.
constexpr std::size_t kMaxTermBytes = 240;
constexpr std::size_t kKeptBytesOfLongValue = 200;

std::uint64_t fnv1a64(std::string_view bytes) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

std::string escape_record_value(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

std::string unescape_record_value(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            ++i;
            out += value[i] == 'n' ? '\n' : value[i];
        } else {
            out += value[i];
        }
    }
    return out;
}

void decode_entity(std::string_view value, std::vector<ArticleEntity>& entities) {
    auto parts = text::split(value, "\t");
    if (parts.size() < 3) return;
    ArticleEntity entity;
    const std::optional<EntityType> type = entity_type_from_name(parts[0]);
    if (!type) return;
    entity.type = *type;
    try {
        entity.count = static_cast<unsigned>(std::stoul(std::string(parts[1])));
    } catch (const std::exception&) {
        return;
    }
    entity.name = std::string(parts[2]);
    for (std::size_t i = 3; i < parts.size(); ++i) entity.mentions.emplace_back(parts[i]);
    entities.push_back(std::move(entity));
}

// A row of the field table, built by name: each property is set where it is named, so that a
// row says what it is without counting positions in an aggregate.
class FieldRow {
  public:
    FieldRow(std::string_view name, std::string_view prefix, FieldKind kind,
             std::vector<std::string> (*values_of)(const Article&), std::string_view description) {
        field_.name = name;
        field_.prefix = prefix;
        field_.kind = kind;
        field_.values_of = values_of;
        field_.description = description;
    }
    // Also index each whole value (or each of exact_values_of) as one exact term.
    FieldRow& exact_terms(std::string_view prefix,
                          std::vector<std::string> (*exact_values_of)(const Article&) = nullptr) {
        field_.exact_prefix = prefix;
        field_.exact_values_of = exact_values_of;
        return *this;
    }
    FieldRow& filters_in_queries() {
        field_.query_as_filter = true;
        return *this;
    }
    FieldRow& without_positions() {
        field_.positions = false;
        return *this;
    }
    FieldRow& made_of(std::vector<std::string_view> prefixes) {
        field_.query_prefixes = std::move(prefixes);
        return *this;
    }
    FieldRow& normalised_as(ValueNormalisation normalisation) {
        field_.normalisation = normalisation;
        return *this;
    }
    FieldRow& example(std::string_view example) {
        field_.example = example;
        return *this;
    }
    operator Field() const { return field_; }

  private:
    Field field_;
};

FieldRow entity_row(std::string_view name, std::string_view prefix, std::string_view exact,
                    std::vector<std::string> (*words)(const Article&),
                    std::vector<std::string> (*names)(const Article&), std::string_view description,
                    std::string_view example) {
    return FieldRow(name, prefix, FieldKind::FreeText, words, description)
        .exact_terms(exact, names)
        .filters_in_queries()
        .without_positions()
        .example(example);
}

}  // namespace

const std::vector<Field>& fields() {
    static const std::vector<Field> table = {
        FieldRow("title", "S", FieldKind::FreeText, title_values, "words of the headline")
            .example("title:pipeline"),
        FieldRow("author", "A", FieldKind::FreeText, author_values, "words of an author's name")
            .exact_terms(kAuthorExactPrefix)
            .filters_in_queries()
            .example("author:\"katrin vogel\""),
        FieldRow("date", kDayPrefix, FieldKind::Date, date_values,
                 "publication day, month, year or range")
            .example("date:2022-01..2022-03"),
        FieldRow("site", "H", FieldKind::Boolean, site_values, "host name of the URL, without www.")
            .normalised_as(ValueNormalisation::HostName)
            .example("site:reuters.com"),
        FieldRow("sitename", "XW", FieldKind::FreeText, site_name_values,
                 "words of the site's own name (og:site_name)")
            .filters_in_queries()
            .example("sitename:\"the guardian\""),
        FieldRow("section", "XS", FieldKind::FreeText, section_values,
                 "words of the site's section the article is in")
            .exact_terms(kSectionExactPrefix)
            .filters_in_queries()
            .example("section:politics"),
        FieldRow("lang", kLanguagePrefix, FieldKind::Boolean, language_values,
                 "language the source declares, as its primary subtag")
            .normalised_as(ValueNormalisation::Language)
            .example("lang:de"),
        FieldRow("caption", "XC", FieldKind::FreeText, caption_values,
                 "words of a photo caption or credit")
            .example("caption:harbour"),
        FieldRow("url", "U", FieldKind::Boolean, url_values, "the article's URL, exactly"),
        FieldRow("id", kIdPrefix, FieldKind::Boolean, id_values,
                 "the article's id (its URL, else its path)"),
        FieldRow("entity", "", FieldKind::FreeText, nullptr,
                 "words of a named person, organisation, place or other entity")
            .filters_in_queries()
            .made_of({"XEP", "XEO", "XEL", "XEX"})
            .example("entity:Gazprom"),
        entity_row("person", "XEP", "XNP", person_words, person_names, "words of a person's name",
                   "person:\"mark milley\""),
        entity_row("org", "XEO", "XNO", org_words, org_names,
                   "words of an organisation's name or acronym", "org:NATO"),
        entity_row("place", "XEL", "XNL", place_words, place_names, "words of a place name",
                   "place:Kyiv"),
        entity_row("other", "XEX", "XNX", other_words, other_names,
                   "words of another named thing: nationality, event, product, project",
                   "other:\"Nord Stream 2\""),
    };
    return table;
}

const std::vector<Facet>& facets() {
    static const std::vector<Facet> table = [] {
        auto facet = [](std::string_view name, std::string_view prefix) {
            Facet row;
            row.name = name;
            row.prefix = prefix;
            return row;
        };
        Facet site = facet("site", "H"), year = facet("year", kYearPrefix),
              month = facet("month", kMonthPrefix), entity = facet("entity", kEntityExactPrefix);
        site.slot = kSiteSlot;
        year.slot = kYearSlot;
        year.values = FacetValues::Years;
        month.slot = kMonthSlot;
        month.values = FacetValues::YearMonths;
        entity.typed_entities = true;
        return std::vector<Facet>{facet("author", kAuthorExactPrefix),
                                  site,
                                  facet("section", kSectionExactPrefix),
                                  facet("lang", kLanguagePrefix),
                                  year,
                                  month,
                                  entity,
                                  facet("person", "XNP"),
                                  facet("org", "XNO"),
                                  facet("place", "XNL"),
                                  facet("other", "XNX")};
    }();
    return table;
}

char entity_type_letter(EntityType type) {
    switch (type) {
        case EntityType::Person:
            return 'P';
        case EntityType::Org:
            return 'O';
        case EntityType::Place:
            return 'L';
        case EntityType::Other:
            return 'X';
    }
    return 'X';
}

std::optional<EntityType> entity_type_of_letter(char letter) {
    for (EntityType type : kEntityTypes)
        if (entity_type_letter(type) == letter) return type;
    return std::nullopt;
}

const Facet* find_facet(std::string_view name) {
    for (const Facet& facet : facets()) {
        if (facet.name == name) return &facet;
    }
    return nullptr;
}

std::string language_term(std::string_view primary_language) {
    return boolean_term(kLanguagePrefix, primary_language);
}

std::string_view language_prefix() {
    return kLanguagePrefix;
}

const Field* find_field(std::string_view name) {
    for (const Field& field : fields()) {
        if (field.name == name) return &field;
    }
    return nullptr;
}

std::string content_hash(std::string_view bytes) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a64(bytes)));
    return hex;
}

namespace {

// prefix + path, or for a long path its first 180 bytes, "#" and a hash of the whole path.
std::string path_key(std::string_view prefix, std::string_view path) {
    constexpr std::size_t kKeptPathBytes = 180;
    std::string key(prefix);
    if (key.size() + path.size() <= kMaxTermBytes) return key.append(path);
    return key.append(path.substr(0, kKeptPathBytes)).append("#").append(content_hash(path));
}

}  // namespace

std::string file_key(std::string_view path) {
    return path_key(kFileKeyPrefix, path);
}

std::string failed_key(std::string_view path) {
    return path_key(kFailedKeyPrefix, path);
}

std::string encode_failed_state(const FailedState& state) {
    return std::to_string(state.size) + " " + std::to_string(state.mtime_ns) + " " +
           std::to_string(state.ctime_ns) + " " + state.path;
}

bool decode_failed_state(std::string_view value, FailedState& state) {
    // Three numbers, then the path, which may hold spaces.
    std::size_t at = 0;
    std::string numbers[3];
    for (std::string& number : numbers) {
        const std::size_t space = value.find(' ', at);
        if (space == std::string_view::npos || space == at) return false;
        number = std::string(value.substr(at, space - at));
        at = space + 1;
    }
    try {
        std::size_t used = 0;
        state.size = std::stoull(numbers[0], &used);
        if (used != numbers[0].size()) return false;
        state.mtime_ns = std::stoll(numbers[1], &used);
        if (used != numbers[1].size()) return false;
        state.ctime_ns = std::stoll(numbers[2], &used);
        if (used != numbers[2].size()) return false;
    } catch (const std::exception&) {
        return false;
    }
    state.path = std::string(value.substr(at));
    return !state.path.empty();
}

std::string encode_file_state(const FileState& state) {
    return std::to_string(state.size) + " " + std::to_string(state.mtime_ns) + " " +
           state.content_hash + " " + std::to_string(state.documents) + " " + state.path;
}

bool decode_file_state(std::string_view value, FileState& state) {
    auto pieces = text::split(value, " ");
    if (pieces.size() < 5) return false;
    try {
        state.size = std::stoull(std::string(pieces[0]));
        state.mtime_ns = std::stoll(std::string(pieces[1]));
        state.documents = std::stoull(std::string(pieces[3]));
    } catch (const std::exception&) {
        return false;
    }
    state.content_hash = std::string(pieces[2]);
    // The path is the rest, spaces included.
    std::size_t path_start =
        pieces[0].size() + pieces[1].size() + pieces[2].size() + pieces[3].size() + 4;
    state.path = std::string(value.substr(path_start));
    return !state.path.empty();
}

std::string deleted_key(std::string_view id) {
    return path_key(kDeletedKeyPrefix, id);
}

std::string encode_deleted_article(const DeletedArticle& deleted) {
    std::string value = std::to_string(deleted.files.size());
    for (const std::string& hash : deleted.content_hashes) value.append(" ").append(hash);
    for (const FileState& file : deleted.files)
        value.append(1, '\0').append(encode_file_state(file));
    return value.append(1, '\0').append(deleted.id);
}

bool decode_deleted_article(std::string_view value, DeletedArticle& deleted) {
    std::size_t end = value.find('\0');
    if (end == std::string_view::npos) return false;
    const auto head = text::split(value.substr(0, end), " ");
    std::size_t files = 0;
    try {
        std::size_t used = 0;
        const std::string count(head.front());
        files = std::stoull(count, &used);
        if (used != count.size() || files > value.size()) return false;
    } catch (const std::exception&) {
        return false;
    }
    deleted = DeletedArticle{};
    for (std::size_t i = 1; i < head.size(); ++i)
        if (!head[i].empty()) deleted.content_hashes.emplace_back(head[i]);
    for (std::size_t i = 0; i < files; ++i) {
        const std::size_t start = end + 1;
        end = value.find('\0', start);
        if (end == std::string_view::npos) return false;
        FileState file;
        if (!decode_file_state(value.substr(start, end - start), file)) return false;
        deleted.files.push_back(std::move(file));
    }
    deleted.id = std::string(value.substr(end + 1));
    return !deleted.id.empty();
}

std::string boolean_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    if (prefix.size() + value.size() <= kMaxTermBytes) return term.append(value);
    return term.append(value.substr(0, kKeptBytesOfLongValue))
        .append("#")
        .append(content_hash(value));
}

std::string alias_key(EntityType type, std::string_view short_name) {
    return boolean_term(std::string(kAliasKeyPrefix) + entity_type_letter(type), short_name);
}

std::string normalise_boolean_value(const Field& field, std::string_view value) {
    if (field.normalisation == ValueNormalisation::HostName) {
        std::string site = text::ascii_lower(text::trim(value));
        if (site.rfind("www.", 0) == 0) site.erase(0, 4);
        return site;
    }
    if (field.normalisation == ValueNormalisation::Language) {
        const std::string language = text::primary_language(value);
        return language.empty() ? text::ascii_lower(text::trim(value)) : language;
    }
    return std::string(text::trim(value));
}

std::string article_id(const Article& article) {
    if (!article.url.empty()) return article.url;
    if (!article.message_id.empty()) return "<" + article.message_id + ">";
    if (!article.record_key.empty())
        return (article.source_path.empty() ? std::string("stdin") : article.source_path) + "#" +
               article.record_key;
    return article.source_path;
}

std::string site_of_url(std::string_view url) {
    std::size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return {};
    std::string_view scheme = url.substr(0, scheme_end);
    if (text::ascii_lower(scheme) != "http" && text::ascii_lower(scheme) != "https") return {};
    std::string_view rest = url.substr(scheme_end + 3);
    std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    if (std::size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
    host = host.substr(0, host.find(':'));
    std::string site = text::ascii_lower(host);
    if (site.rfind("www.", 0) == 0) site.erase(0, 4);
    return site;
}

namespace {

// The record's plain keys, in the order they are written: each holds one Article string, or
// one element of an Article list per line. Entities and the body need more and come after.
struct RecordKey {
    std::string_view key;
    std::string Article::*text;
    std::vector<std::string> Article::*list;
};
const RecordKey kRecordKeys[] = {
    {"path", &Article::source_path, nullptr},
    {"url", &Article::url, nullptr},
    {"title", &Article::title, nullptr},
    {"date", &Article::date, nullptr},
    {"author", nullptr, &Article::authors},
    {"related", nullptr, &Article::related},
    {"caption", nullptr, &Article::captions},
    {"photo_credit", nullptr, &Article::photo_credits},
    {"tag", nullptr, &Article::tags},
    {"site_name", &Article::site_name, nullptr},
    {"section", &Article::section, nullptr},
    {"lang", &Article::language, nullptr},
    {"record_key", &Article::record_key, nullptr},
    {"message_id", &Article::message_id, nullptr},
};

}  // namespace

std::string encode_record(const Article& article) {
    std::string data;
    auto put = [&data](std::string_view key, std::string_view value) {
        if (value.empty()) return;
        data.append(key).append("=").append(escape_record_value(value)).append("\n");
    };
    for (const RecordKey& record_key : kRecordKeys) {
        if (record_key.text) put(record_key.key, article.*record_key.text);
        if (record_key.list)
            for (const std::string& value : article.*record_key.list) put(record_key.key, value);
    }
    // entity=TYPE TAB COUNT TAB NAME [TAB MENTION]...; annotate() keeps tabs out of names.
    // Only the surface forms that give the entity words of its own are kept: the others add
    // nothing to search, and were a quarter of Reuters' stored records.
    for (const ArticleEntity& entity : article.entities) {
        std::string value = std::string(entity_type_name(entity.type)) + "\t" +
                            std::to_string(entity.count) + "\t" + entity.name;
        for (const std::string& mention : entity.mentions)
            if (mention_adds_words(entity, mention)) value.append("\t").append(mention);
        put("entity", value);
    }
    put("body", article.body);  // last: the largest, so the others are quick to reach
    return data;
}

Article decode_record(std::string_view data) {
    Article article;
    for (std::string_view line : text::split(data, "\n")) {
        std::size_t equals = line.find('=');
        if (equals == std::string_view::npos) continue;
        std::string_view key = line.substr(0, equals);
        std::string value = unescape_record_value(line.substr(equals + 1));
        const auto known = std::find_if(std::begin(kRecordKeys), std::end(kRecordKeys),
                                        [&](const RecordKey& entry) { return entry.key == key; });
        if (known != std::end(kRecordKeys)) {
            if (known->text)
                article.*known->text = std::move(value);
            else
                (article.*known->list).push_back(std::move(value));
        } else if (key == "entity") {
            decode_entity(value, article.entities);
        } else if (key == "body") {
            article.body = std::move(value);
        }
    }
    return article;
}

}  // namespace newsindex::schema
