#include "rerank.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/strings.h"

namespace newsindex::searcher {
namespace {

// A database's own docids of the window, by the database's UUID.
using WindowDocids = std::map<std::string, std::vector<Xapian::docid>>;

// The UUIDs of the databases of a combined search, in Xapian's order: joined with ':'.
std::vector<std::string> database_uuids(const Xapian::Database& combined) {
    const std::string joined = combined.get_uuid();
    std::vector<std::string> uuids;
    for (std::string_view uuid : text::split(joined, ":")) uuids.emplace_back(uuid);
    return uuids;
}

// Matches the documents of the window. Xapian clones a posting source for each database of a
// combined search and gives it that database alone, whose docids are its own: the source
// finds its list by the database's UUID.
class WindowSource : public Xapian::PostingSource {
  public:
    explicit WindowSource(std::shared_ptr<const WindowDocids> docids)
        : by_database_(std::move(docids)) {}

    Xapian::PostingSource* clone() const override { return new WindowSource(by_database_); }

    void init(const Xapian::Database& db) override {
        auto found = by_database_->find(db.get_uuid());
        docids_ = found == by_database_->end() ? &none_ : &found->second;
        at_ = 0;
        started_ = false;
    }

    Xapian::doccount get_termfreq_min() const override { return size(); }
    Xapian::doccount get_termfreq_est() const override { return size(); }
    Xapian::doccount get_termfreq_max() const override { return size(); }

    void next(double) override {
        if (started_)
            ++at_;
        else
            started_ = true;
    }

    void skip_to(Xapian::docid wanted, double) override {
        started_ = true;
        if (at_end() || (*docids_)[at_] >= wanted) return;
        at_ = static_cast<std::size_t>(
            std::lower_bound(docids_->begin() + at_, docids_->end(), wanted) - docids_->begin());
    }

    bool at_end() const override { return started_ && at_ >= docids_->size(); }
    Xapian::docid get_docid() const override { return (*docids_)[at_]; }

  private:
    Xapian::doccount size() const { return static_cast<Xapian::doccount>(docids_->size()); }

    std::shared_ptr<const WindowDocids> by_database_;
    const std::vector<Xapian::docid> none_;
    const std::vector<Xapian::docid>* docids_ = &none_;
    std::size_t at_ = 0;
    bool started_ = false;
};

}  // namespace

bool can_rerank(const ReadableDatabases& opened) {
    for (const OpenShard& part : opened.parts)
        if (part.remote) return false;
    const std::vector<std::string> uuids = database_uuids(opened.combined);
    const std::set<std::string> distinct(uuids.begin(), uuids.end());
    return distinct.size() == uuids.size() && !distinct.count("");
}

std::vector<WindowHit> rerank_window(const ReadableDatabases& opened,
                                     const Xapian::Weight& weighting,
                                     const Xapian::Query& proximity,
                                     const Xapian::MSet& unboosted) {
    const Xapian::doccount window = std::min(kProximityWindow, unboosted.size());
    std::vector<WindowHit> hits;
    std::map<Xapian::docid, std::size_t> hit_of;  // combined docid -> index in hits
    for (Xapian::doccount i = 0; i < window; ++i) {
        hits.push_back({i, unboosted[i].get_weight()});
        hit_of[*unboosted[i]] = i;
    }
    if (hits.empty()) return hits;
    // Docid d of a combined search of n databases is docid (d - 1) / n + 1 of database
    // (d - 1) % n (Xapian interleaves them).
    const std::vector<std::string> uuids = database_uuids(opened.combined);
    const Xapian::docid databases = static_cast<Xapian::docid>(uuids.size());
    auto docids = std::make_shared<WindowDocids>();
    for (const auto& [combined, index] : hit_of)
        (*docids)[uuids[(combined - 1) % databases]].push_back((combined - 1) / databases + 1);
    for (auto& [uuid, list] : *docids) std::sort(list.begin(), list.end());
    // The source only filters: OP_FILTER gives it no weight, so each document weighs what
    // proximity alone gives it.
    Xapian::Enquire enquire(opened.combined);
    enquire.set_weighting_scheme(weighting);
    Xapian::Query in_window((new WindowSource(docids))->release());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, proximity, in_window));
    const Xapian::MSet boosts = enquire.get_mset(0, window);
    for (auto it = boosts.begin(); it != boosts.end(); ++it)
        hits[hit_of.at(*it)].weight += it.get_weight();
    std::stable_sort(hits.begin(), hits.end(),
                     [](const WindowHit& a, const WindowHit& b) { return a.weight > b.weight; });
    return hits;
}

}  // namespace newsindex::searcher
