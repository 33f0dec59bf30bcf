// Word lists of the entity recogniser: place names from Debian's iso-codes (countries, their
// common names, subdivisions), tzdata (city names) and libgweather's list of some 4,000 cities
// of the world, and the project's own lists kept as data
// files in common/entities/data/ (titles, organisation words, demonyms, ...; docs/entities.md). The
// paths are injectable so that tests do not depend on the machine.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace newsindex::entities {

// Where the lists come from. A missing file or directory leaves its part of the lists empty.
struct GazetteerPaths {
    std::filesystem::path iso_codes;  // directory of iso_3166-1.json and iso_3166-2.json
    std::filesystem::path zoneinfo;   // the time-zone database (its Area/City file names)
    std::filesystem::path locations;  // libgweather's Locations.xml (its <city> names)
    std::filesystem::path lists;      // the project's data directory (common/entities/data)
};

// The machine's iso-codes, tzdata and libgweather, and entity_data_dir() for the project's
// lists.
GazetteerPaths system_gazetteer_paths();

// The directory of the entity model and lists: $NEWSINDEX_ENTITY_DATA if set, else
// share/newsindex/entities beside the running program's bin/ (an installed program), else the
// source tree's common/entities/data when it exists (a build tree), else the install path
// configured at build time.
std::filesystem::path entity_data_dir();

// Lists a word can belong to (bit flags). Membership is by exact spelling.
enum GazetteerList : std::uint32_t {
    kListPlace = 1u << 0,         // a place name (or, for a word, the first word of one)
    kListTitle = 1u << 1,         // titles.txt
    kListOrgWord = 1u << 2,       // org_words.txt
    kListOrg = 1u << 3,           // orgs.txt
    kListPlaceWord = 1u << 4,     // place_words.txt
    kListOtherWord = 1u << 5,     // other_words.txt
    kListDemonym = 1u << 6,       // demonyms.txt
    kListNotName = 1u << 7,       // not_names.txt
    kListAbbreviation = 1u << 8,  // abbreviations.txt (without the final dot)
    kListFirstName = 1u << 9,     // first_names.txt
    kListParticle = 1u << 10,     // name_particles.txt ("von", "van", "bin")
    kListCity = 1u << 11,         // libgweather's cities (not is_place(): below)
    kListCompanyForm = 1u << 12   // company_forms.txt ("Corp", "Inc", "AG"); not a feature
};

// Loaded once; safe to share between threads after construction (all members are const).
class Gazetteer {
  public:
    Gazetteer();  // system_gazetteer_paths()
    explicit Gazetteer(const GazetteerPaths& paths);

    // A place of iso-codes, tzdata or places.txt. libgweather's cities are only a list of the
    // model's features (kListCity): among them are "Prince George", "Saint John" and "The
    // Valley", and words of other languages ("Hof", "Split"), which the steps that trust
    // is_place() (a title before a place name joins it; a German article keeps only places)
    // must not take for places.
    bool is_place(const std::string& name) const { return places_.count(name) > 0; }
    // The lists a single word or a whole name belongs to (GazetteerList flags), 0 if none.
    std::uint32_t lists_of(const std::string& name) const;
    bool is_abbreviation(const std::string& word) const {
        return (lists_of(word) & kListAbbreviation) != 0;
    }
    // The full name canonical.tsv gives a short form ("U.S." -> "United States"), or "".
    const std::string& canonical_of(const std::string& name) const;
    // Whether a place or city name of several words begins with this word (as written, or
    // in title case for a word in capitals): only then is a longer stretch worth looking up.
    bool starts_place_name(const std::string& word) const { return place_starts_.count(word) > 0; }
    // The longest place or city name, in words: the longest stretch worth looking up.
    std::size_t longest_place_words() const { return longest_place_words_; }
    std::size_t size() const { return places_.size(); }

  private:
    void add(const std::string& name, std::uint32_t list);

    std::unordered_set<std::string> places_;
    std::unordered_set<std::string> place_starts_;
    std::unordered_map<std::string, std::uint32_t> lists_;
    std::unordered_map<std::string, std::string> canonical_;
    std::size_t longest_place_words_ = 1;
};

}  // namespace newsindex::entities
