// Carrying the collection's names into documents already written (indexer/entity_renames.h):
// which files an alias that no longer stands may have named.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "entity_renames.h"
#include "schema.h"
#include "test_support.h"

using namespace newsindex;
using newsindex::indexer::EntityAlias;
using newsindex::indexer::files_named_after;

TEST_CASE(
    "a withdrawn alias names the files whose documents hold its full name and write the "
    "short one",
    "[entities][names]") {
    // The entity exact terms the indexer writes (schema.h), one document per article.
    auto add = [](Xapian::WritableDatabase& db, const std::string& path, const std::string& body,
                  EntityType type, const std::string& name) {
        Article article;
        article.title = "Title";
        article.body = body;
        article.source_path = path;
        article.entities.push_back({name, type, 1, {name}});
        Xapian::Document doc;
        doc.set_data(schema::encode_record(article));
        doc.add_boolean_term(schema::boolean_term(
            std::string(schema::kEntityExactPrefix) + schema::entity_type_letter(type), name));
        db.add_document(doc);
    };
    TempDir dir;
    const std::string path = (dir.path() / "db").string();
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
        // Writes the short name: the alias may have named it.
        add(db, "/news/a.txt", "Milley testified.", EntityType::Person, "Mark Milley");
        // Never writes the short name: the name came from the article itself.
        add(db, "/news/b.txt", "The general testified.", EntityType::Person, "Mark Milley");
        // The short name, but the full name as another type: not this alias's.
        add(db, "/news/c.txt", "Milley testified.", EntityType::Org, "Mark Milley");
        // Another full name.
        add(db, "/news/d.txt", "Milley testified.", EntityType::Person, "Anne Milley");
        // The short name in capitals, as a headline writes it.
        add(db, "/news/e.txt", "MILLEY TESTIFIED.", EntityType::Person, "Mark Milley");
        db.commit();
    }
    const Xapian::Database db(path);
    const EntityAlias withdrawn{EntityType::Person, "Milley", "Mark Milley"};
    CHECK(files_named_after(db, {withdrawn}) ==
          std::set<std::string>{"/news/a.txt", "/news/e.txt"});
    CHECK(files_named_after(db, {}).empty());
}
