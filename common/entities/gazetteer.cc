#include "entities/gazetteer.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string_view>

#include "entities/data_file.h"

namespace newsindex::entities {

namespace fs = std::filesystem;

namespace {

// Calls visit(value) for every string value whose key is one of `keys`, anywhere in the JSON
// file; a missing or broken file gives what it held up to the fault (nothing, if missing).
// A SAX pass over the bytes read whole, not a document tree: iso_3166-2.json is half a
// megabyte, and building its tree was a sixth of the start of every indexer that finds
// entities.
template <typename Visit>
void visit_json_strings(const fs::path& file, std::initializer_list<std::string_view> keys,
                        Visit visit) {
    std::string text;
    if (!read_data_file(file, text)) return;
    struct Strings : nlohmann::json_sax<nlohmann::json> {
        std::initializer_list<std::string_view> keys;
        Visit& visit;
        bool wanted = false;
        Strings(std::initializer_list<std::string_view> k, Visit& v) : keys(k), visit(v) {}
        bool key(string_t& name) override {
            wanted = std::find(keys.begin(), keys.end(), name) != keys.end();
            return true;
        }
        bool string(string_t& value) override {
            if (wanted) visit(value);
            wanted = false;
            return true;
        }
        bool null() override { return wanted = false, true; }
        bool boolean(bool) override { return wanted = false, true; }
        bool number_integer(number_integer_t) override { return wanted = false, true; }
        bool number_unsigned(number_unsigned_t) override { return wanted = false, true; }
        bool number_float(number_float_t, const string_t&) override { return wanted = false, true; }
        bool binary(binary_t&) override { return wanted = false, true; }
        bool start_object(std::size_t) override { return wanted = false, true; }
        bool end_object() override { return true; }
        bool start_array(std::size_t) override { return wanted = false, true; }
        bool end_array() override { return true; }
        bool parse_error(std::size_t, const std::string&,
                         const nlohmann::detail::exception&) override {
            return false;
        }
    } handler(keys, visit);
    nlohmann::json::sax_parse(text, &handler);
}

// The entries of a list file: one a line, '#' starts a comment line, blank lines ignored.
template <typename Visit>
void read_list(const fs::path& file, Visit visit) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        visit(line);
    }
}

std::size_t word_count(const std::string& name) {
    return 1 + static_cast<std::size_t>(std::count(name.begin(), name.end(), ' '));
}

}  // namespace

fs::path entity_data_dir() {
    if (const char* env = std::getenv("NEWSINDEX_ENTITY_DATA"); env && *env) return env;
    std::error_code error;
    // An installed program reads the data installed beside it (PREFIX/bin and
    // PREFIX/share/newsindex/entities), wherever the prefix is: a package is built with one
    // prefix in mind and installed under /usr, `cmake --install --prefix P` anywhere.
    const fs::path program = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path installed =
            program.parent_path().parent_path() / "share" / "newsindex" / "entities";
        if (fs::is_directory(installed, error)) return installed;
    }
#ifdef NEWSINDEX_ENTITY_SOURCE_DATA_DIR
    if (fs::is_directory(NEWSINDEX_ENTITY_SOURCE_DATA_DIR, error))
        return NEWSINDEX_ENTITY_SOURCE_DATA_DIR;
#endif
#ifdef NEWSINDEX_ENTITY_INSTALL_DATA_DIR
    return NEWSINDEX_ENTITY_INSTALL_DATA_DIR;
#else
    return "common/entities/data";
#endif
}

// The text of an XML element's content with the five predefined entities replaced (the
// file holds no others and no character references among its city names).
std::string xml_text(std::string_view raw) {
    static const std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&apos;", '\''}, {"&quot;", '"'}, {"&lt;", '<'}, {"&gt;", '>'}};
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        bool replaced = false;
        if (raw[i] == '&') {
            for (const auto& [entity, c] : kEntities) {
                if (raw.compare(i, entity.size(), entity) == 0) {
                    out += c;
                    i += entity.size() - 1;
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += raw[i];
    }
    return out;
}

// The names of the <city> elements of libgweather's Locations.xml: the first <_name> or
// <name> inside each (the others name its weather stations). The file is laid out one element
// a line, which this relies on; a line it does not understand is skipped.
template <typename Visit>
void read_city_names(const fs::path& file, Visit visit) {
    std::ifstream in(file);
    std::string line;
    bool in_city = false;
    while (std::getline(in, line)) {
        if (line.find("<city>") != std::string::npos) {
            in_city = true;
            continue;
        }
        if (line.find("</city>") != std::string::npos || !in_city) {
            in_city = false;
            continue;
        }
        for (std::string_view tag : {"_name", "name"}) {
            const std::string open = "<" + std::string(tag);
            const std::size_t at = line.find(open);
            if (at == std::string::npos) continue;
            const std::size_t begin = line.find('>', at);
            const std::size_t end = line.find("</" + std::string(tag) + ">", at);
            if (begin == std::string::npos || end == std::string::npos || end < begin) continue;
            visit(xml_text(std::string_view(line).substr(begin + 1, end - begin - 1)));
            in_city = false;
            break;
        }
    }
}

GazetteerPaths system_gazetteer_paths() {
    return {"/usr/share/iso-codes/json", "/usr/share/zoneinfo",
            "/usr/share/libgweather-4/Locations.xml", entity_data_dir()};
}

Gazetteer::Gazetteer() : Gazetteer(system_gazetteer_paths()) {}

Gazetteer::Gazetteer(const GazetteerPaths& paths) {
    // Country names (and the common name where one differs), then the names of regions.
    visit_json_strings(paths.iso_codes / "iso_3166-1.json", {"name", "common_name"},
                       [&](const std::string& name) { add(name, kListPlace); });
    visit_json_strings(paths.iso_codes / "iso_3166-2.json", {"name"},
                       [&](const std::string& name) { add(name, kListPlace); });
    std::error_code error;
    for (const char* area :
         {"Africa", "America", "Asia", "Europe", "Australia", "Pacific", "Atlantic", "Indian"}) {
        for (fs::recursive_directory_iterator it(paths.zoneinfo / area, error), end;
             !error && it != end; it.increment(error)) {
            std::string city = it->path().filename().string();
            std::replace(city.begin(), city.end(), '_', ' ');
            add(city, kListPlace);
        }
    }
    read_city_names(paths.locations, [&](const std::string& city) { add(city, kListCity); });
    const std::pair<const char*, std::uint32_t> lists[] = {{"places.txt", kListPlace},
                                                           {"titles.txt", kListTitle},
                                                           {"org_words.txt", kListOrgWord},
                                                           {"orgs.txt", kListOrg},
                                                           {"place_words.txt", kListPlaceWord},
                                                           {"other_words.txt", kListOtherWord},
                                                           {"demonyms.txt", kListDemonym},
                                                           {"not_names.txt", kListNotName},
                                                           {"abbreviations.txt", kListAbbreviation},
                                                           {"first_names.txt", kListFirstName},
                                                           {"name_particles.txt", kListParticle},
                                                           {"company_forms.txt", kListCompanyForm}};
    for (const auto& [file, list] : lists) {
        // A copy: Clang 14 (the fuzz build) cannot capture a structured binding.
        const std::uint32_t flags = list;
        read_list(paths.lists / file, [&](const std::string& entry) { add(entry, flags); });
    }
    read_list(paths.lists / "canonical.tsv", [&](const std::string& line) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos) canonical_.emplace(line.substr(0, tab), line.substr(tab + 1));
    });
}

void Gazetteer::add(const std::string& name, std::uint32_t list) {
    if (name.empty()) return;
    lists_[name] |= list;
    if (list == kListPlace || list == kListCity) {
        if (list == kListPlace) places_.insert(name);
        const std::size_t end = name.find_first_of(" -");
        if (end != std::string::npos) place_starts_.insert(name.substr(0, end));
        longest_place_words_ =
            std::max(longest_place_words_, std::min<std::size_t>(word_count(name), 6));
    }
}

std::uint32_t Gazetteer::lists_of(const std::string& name) const {
    const auto found = lists_.find(name);
    return found == lists_.end() ? 0 : found->second;
}

const std::string& Gazetteer::canonical_of(const std::string& name) const {
    static const std::string none;
    const auto found = canonical_.find(name);
    return found == canonical_.end() ? none : found->second;
}

}  // namespace newsindex::entities
