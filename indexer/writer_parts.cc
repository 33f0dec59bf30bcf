// IndexWriter's side of a build in parts (parallel_build.h): what makes the merged database
// equal to the one a single run gives.
#include "writer.h"

namespace newsindex::indexer {

std::set<std::string> IndexWriter::files_of_unfolded_duplicates() const {
    std::set<std::string> paths;
    const auto note_holders = [&](const std::string& term) {
        for (auto it = reader_.postlist_begin(term); it != reader_.postlist_end(term); ++it)
            for (const std::string& holder : holders_of(*it))
                if (!holder.empty()) paths.insert(holder);  // empty: a shortened path term
    };
    // One run folds every article into the document of the same id or text, so that each id
    // and text term stands in one document only; after a merge, two.
    for (std::string_view prefix : {schema::kIdPrefix, schema::kContentPrefix}) {
        const std::string start(prefix);
        for (auto it = reader_.allterms_begin(start); it != reader_.allterms_end(start); ++it)
            if (it.get_termfreq() > 1) note_holders(*it);
    }
    // An id folded into a document in one part and the id of a document in another.
    const std::string others(kOtherIdPrefix);
    for (auto it = reader_.allterms_begin(others); it != reader_.allterms_end(others); ++it) {
        const std::string own = std::string(schema::kIdPrefix) + (*it).substr(others.size());
        if (reader_.term_exists(own)) {
            note_holders(own);
            note_holders(*it);
        }
    }
    return paths;
}

void IndexWriter::name_from(const EntityAliases::ClaimCounts& counted) {
    names_.name_from(sink_.shards()->front(), counted);
    end_batch();
}

void IndexWriter::settle_merged_parts() {
    const IndexCounts counted = counts_;
    // The parts counted an article that two of them hold twice; the merge kept one record of
    // its claims. Counted again, a name may change, and the documents with it.
    names_.recount(sink_.shards()->front());
    end_batch();
    // The files of an article that two parts hold are applied again in path order: the first
    // finds the other part's document and folds into it, as one run would have.
    for (const std::string& path : files_of_unfolded_duplicates())
        apply_file(path, read_again(path), false, nullptr, false);
    end_batch();
    counts_ = counted;
}

}  // namespace newsindex::indexer
