#include <catch2/catch.hpp>

#include "entities/extractor.h"

using namespace newsindex::entities;

namespace {
const Gazetteer& gazetteer() {
    static const Gazetteer loaded;
    return loaded;
}
}  // namespace

TEST_CASE("names are found without titles or possessives, and typed", "[entities]") {
    auto [sentence, surface, type] = GENERATE(table<std::string, std::string, EntityType>({
        {"On Friday President Joe Biden spoke.", "Joe Biden", EntityType::Person},
        {"The decision of the Bank of England surprised traders.", "Bank of England",
         EntityType::Org},
        {"Officials said Russia's troops had moved.", "Russia", EntityType::Place},
        {"Work on the Nord Stream 2 pipeline stopped.", "Nord Stream 2", EntityType::Other},
        {"Talks with NATO went on.", "NATO", EntityType::Org},
        {"Several Ukrainian soldiers were hurt.", "Ukrainian", EntityType::Other},
        {"Defense Secretary Lloyd Austin agreed.", "Lloyd Austin", EntityType::Person},
    }));
    CAPTURE(sentence);
    bool found = false;
    for (const Mention& m : extract("Untitled story", sentence, gazetteer())) {
        if (m.surface == surface) {
            found = true;
            CHECK(m.type == type);
        }
    }
    CHECK(found);
}

TEST_CASE("a later surname resolves to the full name", "[entities]") {
    auto mentions =
        extract("Milley speaks", "Gen. Mark Milley met envoys. Later, Milley said talks went well.",
                gazetteer());
    bool resolved = false;
    for (const Mention& m : mentions) {
        if (m.surface == "Milley" && m.type == EntityType::Person && m.canonical == "Mark Milley")
            resolved = true;
    }
    CHECK(resolved);
}

TEST_CASE("weekdays, months and sentence openers are not names", "[entities]") {
    for (const Mention& m :
         extract("Untitled story", "However, on Monday in March the talks ended. Thousands left.",
                 gazetteer())) {
        FAIL("unexpected mention: " << m.surface);
    }
}
