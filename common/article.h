// The Article value: what every input format is read into and what the indexer stores.
// Plain data, no invariants beyond those stated per field; cheap to move.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "entity_type.h"

namespace newsindex {

// A named entity of one article: every mention of one person, organisation, place or other
// name, under the name the article resolves them to.
// The most of an article's body that is indexed and stored: about 700,000 words, far past any
// news article, and what bounds the memory one article costs (a document's terms and
// positions take some 20 bytes per byte of text). Readers cut a longer body at a paragraph
// break and say in Article::body_bytes_left_out how much went. Titles are cut likewise.
inline constexpr std::size_t kMaxBodyBytes = std::size_t{4} << 20;
inline constexpr std::size_t kMaxTitleBytes = 4096;

struct ArticleEntity {
    std::string name;  // canonical: the fullest form ("Mark Milley" for "Gen. Milley")
    EntityType type = EntityType::Other;
    unsigned count = 0;                 // mentions in title and body
    std::vector<std::string> mentions;  // distinct surface forms, in order of first appearance
};

struct Article {
    std::string title;                 // one line, no markup; never empty for a parsed article
    std::vector<std::string> authors;  // clean names in byline order, e.g. {"Jane Doe", "AFP"}
    std::string date;                  // ISO 8601: "YYYY-MM-DD", optionally "THH:MM[:SS][offset]"
    // A date the source gives whose numeric day and month only the article's language can
    // order ("03/04/2022"), as the source writes it; read into date once the language is known
    // (formats::settle_date). Not stored.
    std::string date_unordered;
    // Why a date the source gives was left out ("03/04/2022: day and month order unknown for
    // language en"); --inspect shows it. Not stored.
    std::string date_note;
    std::string url;                   // original URL as given, empty when the source has none
    std::string body;                  // paragraphs separated by "\n\n"; no captions (below)
    std::vector<std::string> related;  // titles from "Related article:" lines (metadata only)
    // Photo captions without their credits, in page order, unique ("Troops board a plane at
    // Fort Bragg."); kept out of body so that snippets never show them.
    std::vector<std::string> captions;
    std::vector<std::string> photo_credits;  // e.g. "AP / TASS", from the captions
    // The publication as it names itself ("The Guardian": og:site_name, JSON-LD publisher);
    // empty when the source does not say.
    std::string site_name;
    // The site's section the article appears in ("Politics": article:section, JSON-LD
    // articleSection); empty when not given.
    std::string section;
    // The article's language as its lower-case primary subtag ("de", "pt"; see
    // text/language.h): the one the source declares, else the one detected from its text
    // (text/detect_language.h), else the database's default (ReadOptions::default_language);
    // empty when none is known.
    std::string language;
    // Where language came from; not stored: --inspect shows it.
    enum class LanguageOrigin { none, declared, detected, database_default };
    LanguageOrigin language_origin = LanguageOrigin::none;
    std::string source_path;        // absolute path of the file it came from
    std::vector<std::string> tags;  // keywords, categories or newsgroups, in source order, unique
    // Which record of a many-article file this is, stable while the file is unchanged:
    // "line 12" (JSON Lines, 1-based line), "record 3" (JSON array, 1-based), "message 2"
    // (mbox, 1-based). Empty when the file holds one article. With source_path it tells
    // articles apart that have no URL. For an article the indexer reads from standard input
    // (no file), the indexer sets it to a hash of the title and body instead.
    std::string record_key;
    // The RFC 822 Message-ID without its angle brackets ("C4M8E5.AuD@csn.org"); empty for
    // other formats. Unique per message by design, so usable as an id when url is empty.
    std::string message_id;
    // The character encoding the text was read in, as iconv names it ("utf-8", "koi8-r"), and
    // how it was chosen ("byte-order mark", "declared", "utf-8", "detected", "guessed"); the
    // bytes that could not be decoded (each now U+FFFD). Set by the decoding stage
    // (formats/decode.h) or, for e-mail, from the body part's charset. Shown by --inspect,
    // not stored.
    std::string charset;
    std::string charset_chosen_by;
    std::size_t replaced_bytes = 0;
    // Bytes of body text past kMaxBodyBytes, left out of the index and the stored
    // record (a note says so). Not stored.
    std::size_t body_bytes_left_out = 0;
    // Named entities, most mentioned first; filled by the indexer's analysis step
    // (entities::annotate), never by a format reader.
    std::vector<ArticleEntity> entities;
};

}  // namespace newsindex
