// Remote shards: how a failed shard is named, how stubs that list remote shards are read (a
// stub naming an unreachable port, without a server to reach), and how the documents of
// remote shards served by xapian-progsrv are fetched.
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "collapse.h"
#include "database.h"
#include "errors.h"
#include "schema.h"
#include "test_support.h"
#include "text/near_duplicate.h"

using namespace newsindex;
using std::chrono::milliseconds;

TEST_CASE("a network error names its remote shard and the problem", "[remote]") {
    auto [timed_out, context, timeout, message,
          name] = GENERATE(table<bool, std::string, long, std::string, std::string>({
        {true, "remote:tcp(127.0.0.1:47123)", 5000,
         "remote 127.0.0.1:47123 did not answer within 5 s", "remote 127.0.0.1:47123"},
        {true, "remote:tcp(news1:33333)", 1500, "remote news1:33333 did not answer within 1.5 s",
         "remote news1:33333"},
        {false, "remote:tcp(10.0.0.12:33333)", 1000,
         "remote 10.0.0.12:33333 could not be reached: Couldn't connect", "remote 10.0.0.12:33333"},
        {true, "remote:prog(xapian-progsrv /srv/db)", 2000,
         "remote :xapian-progsrv /srv/db did not answer within 2 s",
         "remote :xapian-progsrv /srv/db"},
        // A context of another form is kept as it is.
        {true, "", 1000, "remote  did not answer within 1 s", "remote "},
    }));
    std::string got_name;
    if (timed_out) {
        const Xapian::NetworkTimeoutError error("Timeout expired", context);
        CHECK(describe_network_error(error, milliseconds(timeout), &got_name) == message);
    } else {
        const Xapian::NetworkError error("Couldn't connect", context);
        CHECK(describe_network_error(error, milliseconds(timeout), &got_name) == message);
    }
    CHECK(got_name == name);
}

TEST_CASE("a stub's remote shard that cannot be reached is named, or left out", "[remote]") {
    TempDir dir;
    const std::string stub = (dir.path() / "news.stub").string();
    // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
    std::ofstream(stub) << "# two shards\nremote 127.0.0.1:1\n\nremote [::1]:1\n";
    RemoteOptions remote;
    remote.timeout = milliseconds(2000);
    try {
        open_readable({stub}, remote);
        FAIL("opened a stub whose shard does not answer");
    } catch (const DatabaseError& e) {
        CHECK(std::string(e.what()).find("database " + stub +
                                         ": remote 127.0.0.1:1 could not be reached") == 0);
    }
    remote.partial = true;
    try {
        open_readable({stub}, remote);
        FAIL("opened a stub none of whose shards answers");
    } catch (const DatabaseError& e) {
        CHECK(std::string(e.what()).find("no shard answered (remote 127.0.0.1:1 could not") !=
              std::string::npos);
    }
}

TEST_CASE("a stub line without a valid port is an error naming the stub", "[remote]") {
    const std::string line = GENERATE("remote 127.0.0.1", "remote 127.0.0.1:", "remote host:0",
                                      "remote host:65536", "remote host:99999999999", "remote");
    TempDir dir;
    const std::string stub = (dir.path() / "bad.stub").string();
    std::ofstream(stub) << line << '\n';
    CHECK_THROWS_WITH(open_readable({stub}, RemoteOptions()),
                      Catch::Contains("database " + stub + ": its stub line '") &&
                          Catch::Contains("' has no valid port"));
}

// Remote shards served by xapian-progsrv (a stub line "remote :PROGRAM ARGS"): each shard a
// process of its own, reached through a pipe, as xapian-tcpsrv serves one over TCP.
constexpr const char* kProgsrv = "/usr/bin/xapian-progsrv";

// Writes shard-0... under dir, shard i holding the documents make(i) gives, and a stub
// remote.stub listing them as progsrv shards; returns the stub's path.
template <typename Make>
std::string make_progsrv_shards(const std::filesystem::path& dir, std::size_t shards, Make make) {
    std::ofstream stub(dir / "remote.stub");
    for (std::size_t shard = 0; shard < shards; ++shard) {
        const std::string path = (dir / ("shard-" + std::to_string(shard))).string();
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
        db.set_metadata(std::string(schema::kSchemaVersionKey),
                        std::to_string(schema::kSchemaVersion));
        for (const Xapian::Document& doc : make(shard)) db.add_document(doc);
        db.commit();
        stub << "remote :" << kProgsrv << ' ' << path << '\n';
    }
    return (dir / "remote.stub").string();
}

// Whether kProgsrv is installed; when not, says that the test is skipped.
bool have_progsrv() {
    if (std::filesystem::exists(kProgsrv)) return true;
    WARN("skipped: " << kProgsrv << " is not installed (Debian package xapian-tools)");
    return false;
}

TEST_CASE(
    "the documents of remote shards are fetched side by side, as the combined database "
    "gives them",
    "[remote]") {
    if (!have_progsrv()) return;
    TempDir dir;
    // Shards of unequal sizes, so that the interleaved numbering has holes at the end.
    const std::vector<int> sizes{4, 2, 3};
    const std::string stub_path =
        make_progsrv_shards(dir.path(), sizes.size(), [&](std::size_t shard) {
            std::vector<Xapian::Document> docs(sizes[shard]);
            for (int i = 0; i < sizes[shard]; ++i)
                docs[i].set_data("shard " + std::to_string(shard) + " document " +
                                 std::to_string(i + 1));
            return docs;
        });
    const ReadableDatabases remote = open_readable({stub_path}, RemoteOptions());
    REQUIRE(remote.parts.size() == sizes.size());
    CHECK(remote.parts[1].remote);
    CHECK(remote.parts[2].name ==
          "remote :" + std::string(kProgsrv) + ' ' + (dir.path() / "shard-2").string());

    // Every document, in an order that is not the docids', as the combined database gives it.
    std::vector<Xapian::docid> docids;
    for (auto it = remote.combined.postlist_begin(""); it != remote.combined.postlist_end(""); ++it)
        docids.push_back(*it);
    REQUIRE(docids.size() == 9);
    std::reverse(docids.begin(), docids.end());
    std::swap(docids[1], docids[5]);
    const std::vector<Xapian::Document> fetched = fetch_documents(remote, docids);
    REQUIRE(fetched.size() == docids.size());
    for (std::size_t i = 0; i < docids.size(); ++i)
        CHECK(fetched[i].get_data() == remote.combined.get_document(docids[i]).get_data());
    CHECK(fetched.back().get_data() == "shard 0 document 1");

    // A docid no shard holds fails as Xapian's get_document() does, once the others are in.
    CHECK_THROWS_AS(fetch_documents(remote, {1, 2, 11}), Xapian::DocNotFoundError);
    // The same shards read locally (no thread needed) give the same.
    const ReadableDatabases local =
        open_readable({(dir.path() / "shard-0").string(), (dir.path() / "shard-1").string(),
                       (dir.path() / "shard-2").string()},
                      RemoteOptions());
    CHECK_FALSE(local.parts[0].remote);
    const std::vector<Xapian::Document> read_locally = fetch_documents(local, docids);
    for (std::size_t i = 0; i < docids.size(); ++i)
        CHECK(read_locally[i].get_data() == fetched[i].get_data());
}

TEST_CASE(
    "folding near-duplicates over remote shards, a document per match, gives what one "
    "database gives",
    "[remote]") {
    if (!have_progsrv()) return;
    TempDir dir;
    // 3 shards of 200 articles; every tenth article is a copy of the one before (the same
    // text, a day later).
    const auto article = [](std::size_t shard, int i) {
        const int story = i % 10 == 9 ? i - 1 : i;
        Xapian::Document doc;
        doc.add_term("w");
        const std::string text = "shard " + std::to_string(shard) + " story " +
                                 std::to_string(story) + " about the pipeline and the talks";
        doc.add_value(schema::kNearDuplicateSlot, text::near_duplicate_signature("", text));
        doc.add_value(schema::kDateSlot, i % 10 == 9 ? "20220102" : "20220101");
        return doc;
    };
    const std::string stub = make_progsrv_shards(dir.path(), 3, [&](std::size_t shard) {
        std::vector<Xapian::Document> docs;
        for (int i = 0; i < 200; ++i) docs.push_back(article(shard, i));
        return docs;
    });
    const auto folded = [](const ReadableDatabases& opened) {
        Xapian::Enquire enquire(opened.combined);
        enquire.set_query(Xapian::Query("w"));
        const Xapian::MSet mset = enquire.get_mset(0, opened.combined.get_doccount());
        const searcher::FoldedPage page = searcher::fold_near_duplicates(
            opened, mset, schema::kNearDuplicateSlot, schema::kDateSlot, 0, mset.size());
        std::vector<std::pair<Xapian::docid, Xapian::doccount>> hits;
        for (const searcher::FoldedHit& hit : page.hits) hits.emplace_back(*hit.at, hit.collapsed);
        return std::make_pair(page.kept, hits);
    };
    const auto over_remote = folded(open_readable({stub}, RemoteOptions()));
    const auto read_locally =
        folded(open_readable({(dir.path() / "shard-0").string(), (dir.path() / "shard-1").string(),
                              (dir.path() / "shard-2").string()},
                             RemoteOptions()));
    CHECK(over_remote.first == 540);
    CHECK(over_remote == read_locally);
}
