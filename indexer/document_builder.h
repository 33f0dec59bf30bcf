// Turning an Article into a Xapian document as docs/schema.md describes, driven by the field
// table in common/schema.h. Not thread-safe: give each thread its own builder.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "article.h"
#include "schema.h"

namespace newsindex::indexer {

// Words for Xapian's spelling table, with how often the article used each.
using SpellingWords = std::vector<std::pair<std::string, Xapian::termcount>>;

class DocumentBuilder {
  public:
    // collect_spelling: whether spelling_words() gives anything.
    explicit DocumentBuilder(bool collect_spelling = false);

    // Returns the document for article: free-text words as English stems (Z terms) with
    // positions (entity words: as written, without; docs/schema.md),
    // Boolean and date terms, the date value, the stored record, its unique id term
    // (id_term()), its content term (content_term()) and the path term of its source file.
    // Every term fits Xapian's limits, however long the article's words, names or fields:
    // words over schema::kMaxWordBytes are left out, whole values (names, URLs, paths) are
    // cut and hashed (schema::boolean_term()). Throws Xapian::InvalidArgumentError (from
    // check_terms()) only if that promise is broken; the caller skips the article then.
    Xapian::Document build(const Article& article);

    // Throws Xapian::InvalidArgumentError naming the first term of doc longer than Xapian
    // stores (schema::kXapianMaxTermBytes). Checked before the document reaches a database:
    // there such a term makes Xapian cancel every uncommitted change, other articles' too.
    static void check_terms(const Xapian::Document& doc);

    // One entity to rename: (old_type, short_name) becomes (new_type, full_name).
    struct EntityRename {
        EntityType old_type;
        std::string short_name;
        EntityType new_type;
        std::string full_name;
    };

    // Changes a document in place, as build() would have made it had each entity of renames
    // been named as renamed names it from the start: its exact term and its words under the
    // type's prefix (at positions of their own, after the others), and the stored record,
    // which becomes renamed (the article with every rename applied). Words of a short name
    // stay when another entity of its old type in renamed still uses them. One pass however
    // many renames: the record is encoded once, the document's terms listed once, the words
    // the old types still use tokenised once per type (cost linear in the document and the
    // renames). Nothing else is tokenised again. No-op for no renames.
    void rename_entities(Xapian::Document& doc, const Article& renamed,
                         const std::vector<EntityRename>& renames);

    // The words of article's title and body as written (lower case) that are worth offering
    // as spelling corrections: three bytes or more, no digits. The index holds only stems,
    // so these come from a second, cheaper pass over the text (no stems, no positions).
    // Empty unless the builder collects spelling.
    SpellingWords spelling_words(const Article& article);

    // The unique id term of article ("Q" + its id).
    static std::string id_term(const Article& article);
    // "C" + content_hash() of the title and body with white space collapsed.
    static std::string content_term(const Article& article);

    // How many stored records (schema::encode_record()) all builders of the process have
    // made so far: one per build(), one per renaming. The record holds the whole article, so
    // this is what renaming costs; tests check it stays one per document. Thread-safe.
    static std::size_t records_encoded();

  private:
    // The terms build() makes of names under field's prefix, variants included, positions
    // (when the field has them) from first.
    Xapian::Document words_of(const std::vector<std::string>& names, const schema::Field& field,
                              Xapian::termpos first);

    // The stemmer of an article's language (stemmer.h), one per Snowball language met, each
    // remembering its stems across articles.
    const Xapian::Stem& stemmer_for(const std::string& primary_language);

    // Text as the index reads it in the language of the article being built: folded
    // (text::fold_for_search), elisions set apart (text::split_elisions: "l'élection").
    std::string analysed(std::string_view text) const;

    Xapian::TermGenerator term_generator_;
    std::map<std::string, Xapian::Stem> stemmers_;  // by stemmer_language()
    std::string language_;  // of the article being built or read for spelling
    bool collect_spelling_;
};

}  // namespace newsindex::indexer
