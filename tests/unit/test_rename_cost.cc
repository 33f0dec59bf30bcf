// Renaming an article's entities after the collection's full names must cost one pass over
// the article, however many names it renames (issue 20, item 9: each rename re-encoded the
// whole stored record, so a long article with many short names took time quadratic in its
// size). Counted, not timed: the number of stored records the builders encode.
#include <catch2/catch.hpp>
#include <fstream>

#include "document_builder.h"
#include "index_run.h"
#include "schema.h"
#include "search.h"
#include "test_support.h"

using namespace newsindex;

namespace {

// Distinct capitalised surnames of letters only: "Kalo", "Lolo", ...
std::vector<std::string> surnames(std::size_t count) {
    static const char* const kSyllables[] = {"ka", "lo", "ve", "ri", "mu", "sa", "te", "no"};
    std::vector<std::string> names;
    for (std::size_t i = 0; i < count; ++i) {
        std::string name;
        for (std::size_t n = i, k = 0; k < 3 || n > 0; ++k, n /= 8) name += kSyllables[n % 8];
        name[0] = static_cast<char>(name[0] - 'a' + 'A');
        names.push_back(name);
    }
    return names;
}

indexer::IndexSummary index_file(const std::string& db, const std::filesystem::path& file) {
    indexer::IndexOptions options;
    options.database_path = db;
    options.inputs = {file.string()};
    options.jobs = 1;
    indexer::RunCallbacks callbacks;
    callbacks.messages.problem = [](const std::string& m) { FAIL("unexpected problem: " << m); };
    callbacks.messages.note = [](const std::string&) {};
    return indexer::run_index(options, callbacks);
}

}  // namespace

TEST_CASE("an article's many renamed names cost one encoding of its record",
          "[entities][aliases][regression]") {
    // Whether the article naming the people by surname comes in the same run as the one
    // giving their full names (renamed as it is written), or in an earlier run (renamed in
    // the database when the full names are learned).
    const bool story_first = GENERATE(false, true);
    INFO((story_first ? "story in an earlier run" : "story and full names in one run"));
    constexpr std::size_t kNames = 150;
    TempDir dir;
    const std::string db = (dir.path() / "db").string();
    std::string who = "Who is who\n\n", story = "A long story\n\n";
    for (const std::string& name : surnames(kNames)) {
        who += "Minister Anna " + name + " said on Monday that the talks went well.\n";
        story += "Later Minister " + name + " said that the committee met on Tuesday.\n";
    }
    write_file(dir.path() / "who.txt", who);
    write_file(dir.path() / "story.txt", story);

    const std::size_t before = indexer::DocumentBuilder::records_encoded();
    if (story_first) {
        index_file(db, dir.path() / "story.txt");
        index_file(db, dir.path() / "who.txt");
    } else {
        indexer::IndexOptions options;
        options.database_path = db;
        options.inputs = {(dir.path() / "who.txt").string(), (dir.path() / "story.txt").string()};
        options.jobs = 1;
        indexer::RunCallbacks callbacks;
        callbacks.messages.problem = [](const std::string& m) { FAIL("problem: " << m); };
        callbacks.messages.note = [](const std::string&) {};
        indexer::run_index(options, callbacks);
    }
    // Two builds and one renaming of the story, however many names it renames.
    CHECK(indexer::DocumentBuilder::records_encoded() - before == 3);

    // Every short name was renamed: the story answers to each full name, not to the surname.
    const Xapian::Database index(db);
    for (const std::string& name : surnames(kNames)) {
        INFO(name);
        CHECK(index.get_termfreq(schema::boolean_term("XNP", "Anna " + name)) == 2);
        CHECK(index.get_termfreq(schema::boolean_term("XNP", name)) == 0);
        CHECK(index.get_termfreq(schema::boolean_term("XNO", name)) == 0);
    }
}
