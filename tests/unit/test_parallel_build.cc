// A new database built in parts side by side (indexer/parallel_build.h) equals the one a
// single-threaded run makes of the same files: the same documents (data, terms with their
// frequencies and positions, values), metadata, spelling data and counts. Only the document
// numbers and the run's timing may differ.
#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <tuple>

#include "index_run.h"
#include "parallel_build.h"
#include "schema.h"
#include "summary.h"
#include "test_support.h"

using namespace newsindex;
namespace fs = std::filesystem;

namespace {

struct Fingerprint {
    std::map<std::string, std::string> documents;  // by id term
    std::map<std::string, std::string> metadata;
    std::map<std::string, Xapian::doccount> spelling;
};

std::string describe(const Xapian::Document& doc) {
    std::string out = doc.get_data() + "\n";
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        out += *term + " " + std::to_string(term.get_wdf()) + ":";
        for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos)
            out += " " + std::to_string(*pos);
        out += "\n";
    }
    for (auto value = doc.values_begin(); value != doc.values_end(); ++value)
        out += "value " + std::to_string(value.get_valueno()) + " " + *value + "\n";
    return out;
}

Fingerprint fingerprint_of(const std::string& path) {
    Fingerprint print;
    Xapian::Database db(path);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        auto id = doc.termlist_begin();
        id.skip_to(std::string(schema::kIdPrefix));
        REQUIRE(id != doc.termlist_end());
        print.documents[*id] = describe(doc);
    }
    // The record of the last run says how long it took and when it finished.
    const std::regex timing(R"re("(seconds|files_per_second|finished)":("[^"]*"|[0-9.e+-]+),?)re");
    for (auto key = db.metadata_keys_begin(); key != db.metadata_keys_end(); ++key) {
        std::string value = db.get_metadata(*key);
        if (*key == indexer::kLastRunKey) value = std::regex_replace(value, timing, "");
        print.metadata[*key] = value;
    }
    for (auto word = db.spellings_begin(); word != db.spellings_end(); ++word)
        print.spelling[*word] = word.get_termfreq();
    return print;
}

template <typename Map>
void check_same(const Map& single, const Map& parts, const std::string& what) {
    std::set<std::string> keys;
    for (const auto& entry : single) keys.insert(entry.first);
    for (const auto& entry : parts) keys.insert(entry.first);
    std::size_t differing = 0;
    for (const std::string& key : keys) {
        const auto a = single.find(key), b = parts.find(key);
        const bool same = a != single.end() && b != parts.end() && a->second == b->second;
        if (same) continue;
        // The first few differences in full; a broken build would list thousands.
        if (++differing <= 5) {
            INFO(what << " " << key);
            CHECK(a != single.end());
            CHECK(b != parts.end());
            if (a != single.end() && b != parts.end()) CHECK(a->second == b->second);
        }
    }
    INFO(what);
    CHECK(differing == 0);
}

// A collection built to cross parts: the same article in two files (same text, or the same
// URL with another text), names that only the whole collection resolves (a surname alone in
// some articles and in full in others, an acronym defined in one article and used alone in
// others), files of many records, and a file that cannot be read.
std::vector<std::string> write_collection(const fs::path& root) {
    static const char* const kPeople[] = {"Mark Milley", "Lloyd Austin", "Olaf Scholz",
                                          "Christine Lagarde", "Jens Stoltenberg"};
    static const char* const kOrgs[][2] = {{"European Central Bank", "ECB"},
                                           {"International Monetary Fund", "IMF"},
                                           {"World Health Organization", "WHO"}};
    static const char* const kTopics[] = {"pipeline", "budget", "tariffs",  "vaccines",
                                          "harvest",  "strike", "election", "drought"};
    std::mt19937 random(20261201);
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
    auto body = [&](std::size_t i) {
        const std::string person = kPeople[pick(5)];
        const std::string surname = person.substr(person.rfind(' ') + 1);
        const auto& org = kOrgs[pick(3)];
        const std::string topic = kTopics[pick(8)];
        std::string text = "Officials met on Monday to discuss the " + topic + " plan number " +
                           std::to_string(i) + ".\n\n";
        text += pick(2) ? person + " said the " + topic + " talks would go on. " + surname +
                              " added that more meetings were planned.\n\n"
                        : surname + " said the " + topic + " talks would go on.\n\n";
        text += pick(2) ? std::string("The ") + org[0] + " (" + org[1] + ") welcomed the step.\n"
                        : std::string("The ") + org[1] + " welcomed the step.\n";
        return text;
    };
    auto article = [&](std::size_t i, const std::string& text) {
        return "Talks on plan " + std::to_string(i) + "\n\nBy Staff Reporter\n\nMarch " +
               std::to_string(1 + i % 28) + ", 2022\n\n" + text;
    };
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < 60; ++i) {
        const std::string text = body(i);
        const fs::path path =
            root / ("desk" + std::to_string(i % 3)) / ("story-" + std::to_string(i) + ".txt");
        write_file(path, article(i, text));
        paths.push_back(path.string());
        // Every fourth story is also filed again elsewhere, word for word.
        if (i % 4 == 0) {
            const fs::path copy = root / "wire" / ("copy-" + std::to_string(i) + ".txt");
            write_file(copy, article(i, text));
            paths.push_back(copy.string());
        }
    }
    // Two feeds that share some links with other text: one document per link.
    for (int feed = 0; feed < 2; ++feed) {
        std::string lines;
        for (int i = 0; i < 25; ++i) {
            const int link = feed == 0 ? i : i + 18;  // 18 to 24 in both feeds
            lines += R"({"link": "https://news.example.com/item/)" + std::to_string(link) +
                     R"(", "headline": "Item )" + std::to_string(link) + " from feed " +
                     std::to_string(feed) + R"(", "short_description": ")" +
                     kPeople[(link + feed) % 5] + " spoke about the " + kTopics[link % 8] +
                     R"(.", "authors": "Desk )" + std::to_string(feed) +
                     R"(", "date": "2022-04-0)" + std::to_string(1 + link % 9) + "\"}\n";
        }
        const fs::path path = root / ("feed-" + std::to_string(feed) + ".jsonl");
        write_file(path, lines);
        paths.push_back(path.string());
    }
    write_file(root / "broken.json", "{\"headline\": ");
    paths.push_back((root / "broken.json").string());
    return paths;
}

indexer::IndexSummary index_with(const std::string& db, const std::vector<std::string>& inputs,
                                 unsigned jobs, bool rebuild, std::vector<std::string>* problems,
                                 std::size_t batch_size = 8, std::uint64_t part_bytes = 0,
                                 std::vector<std::string>* notes = nullptr) {
    indexer::IndexOptions options;
    if (part_bytes > 0) options.part_bytes = part_bytes;
    options.database_path = db;
    options.inputs = inputs;
    options.jobs = jobs;
    options.rebuild = rebuild;
    options.drop_sources = rebuild;
    // Small batches: names learned in one batch rename the documents of earlier ones, and the
    // feeds come in parts.
    options.batch_size = batch_size;
    indexer::RunCallbacks callbacks;
    callbacks.messages.problem = [problems](const std::string& m) { problems->push_back(m); };
    callbacks.messages.note = [notes](const std::string& m) {
        if (notes) notes->push_back(m);
    };
    return indexer::run_index(options, callbacks);
}

void check_same_counts(const indexer::IndexSummary& a, const indexer::IndexSummary& b) {
    CHECK(a.files == b.files);
    CHECK(a.counts.added == b.counts.added);
    CHECK(a.counts.updated == b.counts.updated);
    CHECK(a.counts.deleted == b.counts.deleted);
    CHECK(a.counts.duplicates == b.counts.duplicates);
    CHECK(a.counts.failed == b.counts.failed);
    CHECK(a.counts.unknown == b.counts.unknown);
}

fs::path corpus_dir() {
    return test_data_dir() / ".." / ".." / "corpus";
}

}  // namespace

// What a build in parts relies on: the database is a function of the set of files. Each
// check failed once: a document renamed in place counted a word its new name shares with
// another entity twice (one built after the rename, once); an article in two files counted
// its spelling words once or twice by the order they came in; and the names counted the
// article of the file applied last when two files gave one id with different texts.
TEST_CASE("one run's database does not depend on the order of its files or its batches",
          "[parallel_build]") {
    TempDir temp;
    const fs::path files = temp.path() / "files";
    std::vector<std::string> inputs = write_collection(files);
    inputs.push_back(corpus_dir().string());
    std::vector<std::string> problems;
    const std::string forward = (temp.path() / "forward").string();
    const indexer::IndexSummary one = index_with(forward, inputs, 1, false, &problems, 1000);
    std::reverse(inputs.begin(), inputs.end());
    const std::string backward = (temp.path() / "backward").string();
    const indexer::IndexSummary other = index_with(backward, inputs, 1, false, &problems, 3);
    check_same_counts(one, other);
    const Fingerprint a = fingerprint_of(forward), b = fingerprint_of(backward);
    REQUIRE(a.documents.size() > 100);
    check_same(a.documents, b.documents, "document");
    check_same(a.metadata, b.metadata, "metadata");
    check_same(a.spelling, b.spelling, "spelling");
}

TEST_CASE("a database built in parts equals the one a single-threaded run builds",
          "[parallel_build]") {
    TempDir temp;
    const fs::path files = temp.path() / "files";
    const std::vector<std::string> written = write_collection(files);
    const std::vector<std::string> inputs{files.string(), corpus_dir().string()};
    // The test means something only when copies of one article fall to different parts.
    std::size_t split = 0;
    for (const std::string& path : written)
        if (path.find("copy-") != std::string::npos) {
            const std::string number = path.substr(path.rfind('-') + 1);
            const fs::path original =
                files / ("desk" + std::to_string(std::stoi(number) % 3)) / ("story-" + number);
            split += indexer::part_of(path, 2) != indexer::part_of(original.string(), 2);
        }
    REQUIRE(split >= 3);
    indexer::IndexOptions probe;
    probe.inputs = inputs;
    probe.jobs = 2;
    REQUIRE(indexer::builds_in_parts(probe));

    const std::string single = (temp.path() / "single").string();
    std::vector<std::string> single_problems, parts_problems;
    const indexer::IndexSummary one = index_with(single, inputs, 1, false, &single_problems);
    const Fingerprint expected = fingerprint_of(single);
    REQUIRE(expected.documents.size() > 100);
    CHECK(one.counts.duplicates > 15);

    // Parts of the default size (as many as the writers), and parts so small that there are
    // many more than writers, each written when a writer is free.
    unsigned jobs;
    bool rebuild;
    std::uint64_t part_bytes;
    std::tie(jobs, rebuild, part_bytes) = GENERATE(table<unsigned, bool, std::uint64_t>({
        {2, false, 0},
        {3, false, 0},
        {5, false, 0},
        {2, true, 0},
        {3, true, 0},
        {5, true, 0},
        {2, false, 20'000},
        {3, true, 50'000},
    }));
    INFO("--jobs " << jobs << (rebuild ? " --rebuild" : " into a new database")
                   << (part_bytes ? ", small parts" : ""));
    const std::string target = (temp.path() / "built").string();
    std::error_code ignored;
    fs::remove_all(target, ignored);
    // A rebuild replaces a database that holds something else.
    if (rebuild)
        index_with(target, {(test_data_dir() / "aliases").string()}, 1, false, &parts_problems);
    parts_problems.clear();
    std::vector<std::string> notes;
    const indexer::IndexSummary many =
        index_with(target, inputs, jobs, rebuild, &parts_problems, 8, part_bytes, &notes);
    // How many parts were written: small parts mean more parts than writers.
    unsigned parts = 0;
    for (const std::string& note : notes)
        if (const std::string lead = "build in parts: ";
            note.rfind(lead, 0) == 0 && note.find(" parts, ") != std::string::npos)
            parts = static_cast<unsigned>(std::stoul(note.substr(lead.size())));
    if (part_bytes == 0)
        CHECK(parts == std::min(jobs, 4u));
    else
        CHECK(parts >= 2 * std::min(jobs, 4u));
    check_same_counts(one, many);
    CHECK(single_problems.size() == parts_problems.size());
    const Fingerprint got = fingerprint_of(target);
    check_same(expected.documents, got.documents, "document");
    check_same(expected.metadata, got.metadata, "metadata");
    check_same(expected.spelling, got.spelling, "spelling");
    for (unsigned i = 0; i < 64; ++i) CHECK_FALSE(fs::exists(target + ".part" + std::to_string(i)));
    CHECK_FALSE(fs::exists(target + ".rebuild"));
}

TEST_CASE("which runs into a new database are built in parts", "[parallel_build]") {
    using Row = std::tuple<const char*, unsigned, unsigned, bool, std::string, std::string, bool>;
    // what, jobs, shards, dry run, an input, --files-from ("<file>": a list in a regular file,
    // "<pipe>": one in a FIFO), built in parts
    const auto [what, jobs, shards, dry_run, input, files_from, expected] =
        GENERATE(table<const char*, unsigned, unsigned, bool, std::string, std::string, bool>({
            Row{"two jobs", 2, 0, false, "dir", "", true},
            Row{"one job", 1, 0, false, "dir", "", false},
            Row{"a sharded database", 2, 2, false, "dir", "", false},
            Row{"a dry run", 2, 0, true, "dir", "", false},
            Row{"standard input", 2, 0, false, "-", "", false},
            Row{"a list on standard input", 2, 0, false, "dir", "-", false},
            Row{"a list in a pipe", 2, 0, false, "dir", "<pipe>", false},
            Row{"a list in a file", 2, 0, false, "dir", "<file>", true},
            Row{"nothing to read", 2, 0, false, "", "", false},
        }));
    INFO(what);
    TempDir temp;
    indexer::IndexOptions options;
    options.jobs = jobs;
    options.shards = shards;
    options.dry_run = dry_run;
    if (!input.empty()) options.inputs = {input};
    options.files_from = files_from;
    if (files_from == "<file>") {
        options.files_from = (temp.path() / "list").string();
        write_file(options.files_from, "a.txt\n");
    } else if (files_from == "<pipe>") {
        options.files_from = (temp.path() / "pipe").string();
        REQUIRE(::mkfifo(options.files_from.c_str(), 0600) == 0);
    }
    CHECK(indexer::builds_in_parts(options) == expected);
}
