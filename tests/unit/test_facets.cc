// Facet counting (searcher/facets.h): every facet of the schema counts the same values locally
// and over Xapian's remote backend, and the value-slot facets are counted by a spy that the
// remote server runs itself (xapian-progsrv here: the same protocol as xapian-tcpsrv, over a
// pipe), so that no matching document has to travel to be counted.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "facets.h"
#include "schema.h"
#include "test_support.h"

using namespace newsindex;
using newsindex::searcher::FacetCount;
using newsindex::searcher::FacetCounter;

namespace {

// Three articles with two values of facet, the first value in two articles. Each has the word
// "news"; the third also "other", so that a query can leave it out. One facet per database:
// the entity facet's prefix begins those of the person, org, place and other facets.
void write_articles(const std::string& path, const schema::Facet& facet) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    const std::vector<std::string> values = {"201901", "201901", "202002"};
    for (std::size_t i = 0; i < values.size(); ++i) {
        Xapian::Document doc;
        doc.add_term("news");
        if (i == 2) doc.add_term("other");
        // An entity facet's values hold a type letter first.
        const std::string value = (facet.typed_entities ? "P" : "") + values[i];
        doc.add_boolean_term(std::string(facet.prefix) + value);
        if (facet.slot >= 0) doc.add_value(static_cast<Xapian::valueno>(facet.slot), value);
        db.add_document(doc);
    }
    db.commit();
}

std::vector<std::pair<std::string, Xapian::doccount>> pairs(const std::vector<FacetCount>& counts) {
    std::vector<std::pair<std::string, Xapian::doccount>> out;
    for (const FacetCount& c : counts) out.emplace_back(c.value, c.count);
    return out;
}

bool progsrv_installed() {
    return std::system("xapian-progsrv --version >/dev/null 2>&1") == 0;
}

}  // namespace

TEST_CASE("only the facets with a value slot are counted by Xapian's own spy", "[facets]") {
    for (const schema::Facet& facet : schema::facets()) {
        INFO("facet " << facet.name);
        CHECK(FacetCounter(facet).runs_remotely() == (facet.slot >= 0));
    }
}

TEST_CASE("every facet counts the same values locally and over a remote shard", "[facets]") {
    TempDir dir;
    const bool remote = progsrv_installed();
    if (!remote) WARN("xapian-progsrv (xapian-tools) is not installed: the remote half is skipped");
    for (const schema::Facet& facet : schema::facets()) {
        INFO("facet " << facet.name);
        const std::string path = (dir.path() / std::string(facet.name)).string();
        write_articles(path, facet);
        const std::string letter = facet.typed_entities ? "P" : "";
        const std::vector<std::pair<std::string, Xapian::doccount>> all = {{letter + "201901", 2},
                                                                           {letter + "202002", 1}};
        const std::vector<std::pair<std::string, Xapian::doccount>> without_other = {
            {letter + "201901", 2}};
        Xapian::Database local(path);
        FacetCounter counter(facet);
        Xapian::Enquire enquire(local);
        enquire.add_matchspy(&counter.spy());
        enquire.set_query(Xapian::Query("news"));
        enquire.get_mset(0, 10, local.get_doccount());
        CHECK(pairs(counter.counts()) == all);
        // reset() forgets the counts; the new spy is added again.
        counter.reset();
        enquire.clear_matchspies();
        enquire.add_matchspy(&counter.spy());
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query("news"),
                                        Xapian::Query("other")));
        enquire.get_mset(0, 10, local.get_doccount());
        CHECK(pairs(counter.counts()) == without_other);
        if (!remote) continue;

        Xapian::Database shard = Xapian::Remote::open("xapian-progsrv", path);
        FacetCounter remote_counter(facet);
        Xapian::Enquire remote_enquire(shard);
        remote_enquire.add_matchspy(&remote_counter.spy());
        remote_enquire.set_query(Xapian::Query("news"));
        if (remote_counter.runs_remotely()) {
            remote_enquire.get_mset(0, 10, shard.get_doccount());
            CHECK(pairs(remote_counter.counts()) == all);
        } else {
            // The premise of counting these by hand: the server refuses a spy it does not know.
            CHECK_THROWS_AS(remote_enquire.get_mset(0, 10, shard.get_doccount()),
                            Xapian::InvalidArgumentError);
            remote_enquire.clear_matchspies();
            const Xapian::MSet all_matches = remote_enquire.get_mset(0, shard.get_doccount());
            // Counted by a clone, as each shard's thread does, and merged.
            std::unique_ptr<Xapian::MatchSpy> by_hand(remote_counter.spy().clone());
            for (auto it = all_matches.begin(); it != all_matches.end(); ++it)
                (*by_hand)(it.get_document(), 0);
            remote_counter.merge(*by_hand);
            CHECK(pairs(remote_counter.counts()) == all);
        }
    }
}
