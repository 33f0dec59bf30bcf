// indexer --delete: the deletion records (schema::DeletedArticle) as stored and as matched
// against files and articles from standard input, and what a --delete argument is taken as.
#include <catch2/catch.hpp>
#include <fstream>
#include <tuple>

#include "delete.h"
#include "deletions.h"
#include "index_support.h"
#include "schema.h"
#include "test_support.h"

using newsindex::indexer::Deletions;
using newsindex::indexer::ReferenceKind;
using newsindex::indexer::same_as_deleted;
using newsindex::indexer::same_stdin_article;
using newsindex::schema::DeletedArticle;
using newsindex::schema::FileState;

namespace {

FileState file(std::string path, std::uint64_t size, std::int64_t mtime, std::string hash) {
    FileState state;
    state.path = std::move(path);
    state.size = size;
    state.mtime_ns = mtime;
    state.content_hash = std::move(hash);
    return state;
}

DeletedArticle deleted(std::string id, std::vector<std::string> hashes,
                       std::vector<FileState> files) {
    DeletedArticle record;
    record.id = std::move(id);
    record.content_hashes = std::move(hashes);
    record.files = std::move(files);
    return record;
}

}  // namespace

TEST_CASE("deletion records round-trip through their metadata value", "[deletions]") {
    const std::string nul_id = std::string("odd\0id", 6);
    auto [record] = GENERATE_REF(table<DeletedArticle>({
        {deleted("https://a.example/x", {"00ff00ff00ff00ff"},
                 {file("/news/a.txt", 120, 1700000000123456789, "0123456789abcdef")})},
        // Several files, paths with spaces, several content hashes.
        {deleted("/news/two words.jsonl#3", {"1111111111111111", "2222222222222222"},
                 {file("/news/two words.jsonl", 9, -5, "aaaaaaaaaaaaaaaa"),
                  file("/copy/two words.jsonl", 9, 7, "aaaaaaaaaaaaaaaa")})},
        // From standard input: no file.
        {deleted("stdin#abcdef0123456789", {"abcdef0123456789"}, {})},
        // An id with spaces, a NUL byte and a trailing space: the id is the rest of the value.
        {deleted(nul_id + " x ", {}, {file("/n", 0, 0, "0000000000000000")})},
    }));
    DeletedArticle back;
    REQUIRE(newsindex::schema::decode_deleted_article(
        newsindex::schema::encode_deleted_article(record), back));
    CHECK(back.id == record.id);
    CHECK(back.content_hashes == record.content_hashes);
    REQUIRE(back.files.size() == record.files.size());
    for (std::size_t i = 0; i < back.files.size(); ++i) {
        CHECK(back.files[i].path == record.files[i].path);
        CHECK(back.files[i].size == record.files[i].size);
        CHECK(back.files[i].mtime_ns == record.files[i].mtime_ns);
        CHECK(back.files[i].content_hash == record.files[i].content_hash);
    }
}

TEST_CASE("values that are no deletion record are refused", "[deletions]") {
    auto [value] = GENERATE(table<std::string>({
        {""},
        {"1 abc"},                                                          // no NUL: no id
        {std::string("x\0id", 4)},                                          // no file count
        {std::string("2\0") + "1 2 h 0 /a" + std::string(1, '\0') + "id"},  // one file of two
        {std::string("1\0not a state\0id", 17)},
        {std::string("0\0", 2)},  // an empty id
    }));
    DeletedArticle back;
    CHECK_FALSE(newsindex::schema::decode_deleted_article(value, back));
}

TEST_CASE("deletion keys stay within Xapian's limit and apart", "[deletions]") {
    CHECK(newsindex::schema::deleted_key("https://a.example/x") == "deleted:https://a.example/x");
    const std::string long_a(400, 'a'), long_b = std::string(399, 'a') + "b";
    CHECK(newsindex::schema::deleted_key(long_a).size() <= 245);
    CHECK(newsindex::schema::deleted_key(long_a) != newsindex::schema::deleted_key(long_b));
}

TEST_CASE("a file matches its deletion record until it changes", "[deletions]") {
    const DeletedArticle record =
        deleted("/d/a.jsonl#2", {"c1"}, {file("/d/a.jsonl", 100, 5000, "hash-a")});
    auto [path, size, mtime, hash, matches] =
        GENERATE(table<std::string, std::uint64_t, std::int64_t, std::string, bool>({
            {"/d/a.jsonl", 100, 5000, "hash-a", true},   // as it was
            {"/d/a.jsonl", 100, 5000, "", true},         // by size and time, not yet read
            {"/d/a.jsonl", 100, 5001, "hash-a", false},  // touched
            {"/d/a.jsonl", 101, 5000, "hash-a", false},  // grew
            {"/d/a.jsonl", 100, 5000, "hash-b", false},  // edited, same size and time
            {"/d/b.jsonl", 100, 5000, "hash-a", false},  // another file
        }));
    CHECK(same_as_deleted(record, file(path, size, mtime, hash)) == matches);
}

TEST_CASE("an article from standard input stays out while its text is the same", "[deletions]") {
    auto [files, hash, left_out] = GENERATE(table<std::size_t, std::string, bool>({
        {0, "c1", true},   // the same text again
        {0, "c2", true},   // the text of another article folded into the deleted document
        {0, "c3", false},  // changed
        {1, "c1", false},  // the deleted one came from a file: standard input is new
    }));
    DeletedArticle record = deleted("https://s.example/1", {"c1", "c2"}, {});
    for (std::size_t i = 0; i < files; ++i) record.files.push_back(file("/f", 1, 1, "h"));
    CHECK(same_stdin_article(record, hash) == left_out);
}

TEST_CASE("Deletions finds records by id and by file", "[deletions]") {
    Deletions deletions;
    deletions.add(deleted("a", {}, {file("/x", 1, 1, "h"), file("/y", 1, 1, "h")}));
    deletions.add(deleted("b", {}, {file("/x", 1, 1, "h")}));
    CHECK(deletions.of_file("/x") == std::vector<std::string>{"a", "b"});
    CHECK(deletions.of_file("/y") == std::vector<std::string>{"a"});
    // Replaced: the record of a names /z only now.
    deletions.add(deleted("a", {}, {file("/z", 1, 1, "h")}));
    CHECK(deletions.of_file("/x") == std::vector<std::string>{"b"});
    CHECK(deletions.of_file("/y").empty());
    deletions.erase("b");
    CHECK(deletions.find("b") == nullptr);
    CHECK(deletions.of_file("/x").empty());
    REQUIRE(deletions.find("a") != nullptr);
    CHECK(deletions.find("a")->files.front().path == "/z");
}

namespace {

// A database of a JSON Lines file of three articles and a plain-text file, made once for the
// table below ("@" in a reference stands for its directory).
struct SmallIndex {
    TempDir dir;
    std::string db;
    SmallIndex() {
        std::ofstream(dir.path() / "feed.jsonl")
            << R"({"url": "https://one.example/a", "title": "Tram Opens", "date": "2019-05-01", "body": "The tram line opens."})"
               "\n"
            << R"({"url": "https://one.example/b", "title": "Heat Record", "date": "2021-07-02", "body": "A record heat."})"
               "\n"
            << R"({"url": "https://two.example/c", "title": "Ferry Late", "date": "2018-01-03", "body": "The ferry was late."})"
               "\n";
        std::ofstream(dir.path() / "note.txt")
            << "Quay Closed\n\nThe quay is closed for repairs today.\n";
        db = (dir.path() / "db").string();
        index_quietly(db, {dir.path().string()}, 1);
    }
};

}  // namespace

TEST_CASE("a --delete argument is a path, an id or a query", "[deletions]") {
    static const SmallIndex index;
    auto [written, kind, count] = GENERATE(table<std::string, ReferenceKind, std::size_t>({
        {"@/feed.jsonl", ReferenceKind::Path, 3},
        {"@/note.txt", ReferenceKind::Path, 1},
        {"https://one.example/b", ReferenceKind::Id, 1},
        {"@/note.txt#1", ReferenceKind::Id, 0},  // written as a path: not a query
        {"site:one.example", ReferenceKind::Query, 2},
        {"site:one.example date:..2019", ReferenceKind::Query, 1},
        {"ferry OR tram", ReferenceKind::Query, 2},
        {"*", ReferenceKind::Query, 4},
        {"zeppelin", ReferenceKind::Query, 0},
        // Written as paths or ids: not found, never searched for as words.
        {"https://one.example/none", ReferenceKind::Id, 0},
        {"@/none.txt", ReferenceKind::Id, 0},
        {"<nobody@example.org>", ReferenceKind::Id, 0},
        // A query that does not parse is not guessed at.
        {"date:2019-13-45", ReferenceKind::Query, 0},
    }));
    std::string reference = written;
    if (reference[0] == '@') reference = index.dir.path().string() + reference.substr(1);
    const Xapian::Database database(index.db);
    const newsindex::indexer::Resolved resolved =
        newsindex::indexer::resolve_reference(database, reference);
    INFO(reference << ": " << resolved.problem);
    CHECK(resolved.docids.size() == count);
    CHECK(resolved.problem.empty() == (count > 0));
    CHECK(resolved.kind == kind);
}
