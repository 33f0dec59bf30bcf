// Named entities in news text: people, organisations, places and other names (nationalities,
// events, products, projects), found with rules and gazetteers, no model. A second version:
// its precision and recall on the gold set are printed by bench_entities (docs/entities.md).
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

namespace newsindex::entities {

enum class EntityType { Person, Org, Place, Other };

// "person", "org", "place", "other".
const char* type_name(EntityType type);

struct Mention {
    std::string surface;  // as written, without titles, honorifics, a leading "the" or "'s"
    EntityType type;
    std::string canonical;  // the full name within the article ("Milley" -> "Mark Milley")
};

// Place names from the iso-codes package (countries, their common names, subdivisions) and
// city names from the time-zone database, loaded once. Safe to share between threads after
// construction. Files that are missing leave their part of the list empty.
class Gazetteer {
  public:
    Gazetteer();
    bool is_place(const std::string& name) const { return places_.count(name) > 0; }
    std::size_t size() const { return places_.size(); }

  private:
    std::unordered_set<std::string> places_;
};

// The mentions in an article, in text order: title first, then body. Thread-safe.
std::vector<Mention> extract(const std::string& title, const std::string& body,
                             const Gazetteer& gazetteer);

}  // namespace newsindex::entities
