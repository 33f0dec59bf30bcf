// Turning an Article into a Xapian document as docs/schema.md describes, driven by the field
// table in common/schema.h. Not thread-safe: give each thread its own builder.
#pragma once

#include <xapian.h>

#include <string>

#include "article.h"

namespace newsindex::indexer {

class DocumentBuilder {
  public:
    DocumentBuilder();

    // Returns the document for article: free-text fields with positions and English stems,
    // Boolean and date terms, the date value, the stored record, its unique id term
    // (id_term()), its content term (content_term()) and the path term of its source file.
    // Does not throw for any Article.
    Xapian::Document build(const Article& article);

    // The unique id term of article ("Q" + its id).
    static std::string id_term(const Article& article);
    // "C" + content_hash() of the title and body with white space collapsed.
    static std::string content_term(const Article& article);

  private:
    Xapian::TermGenerator term_generator_;
};

}  // namespace newsindex::indexer
