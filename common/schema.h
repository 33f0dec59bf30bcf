// THE on-disk schema of a newsindex database, in one place: the field table that drives both
// the indexer's term generation and the searcher's query parser, the other term prefixes, the
// value slots, the document data format and the metadata keys. docs/schema.md describes the
// same things for people; change both together, and bump kSchemaVersion when a database
// written by the old code can no longer be read correctly by the new.
//
// Everything here is immutable after static initialisation and safe to use from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "article.h"

namespace newsindex::schema {

inline constexpr int kSchemaVersion = 11;
// Metadata key holding kSchemaVersion as decimal text.
inline constexpr std::string_view kSchemaVersionKey = "newsindex.schema_version";
// The Snowball language of the stemmed (Z) terms; queries must be stemmed the same way.
inline constexpr std::string_view kStemLanguage = "english";
// Free text is indexed as stems only, with positions, under this prefix (before any field
// prefix: "Zpipelin", "ZSpipelin" for a title word); there are no unstemmed word terms.
inline constexpr std::string_view kStemPrefix = "Z";

enum class FieldKind {
    FreeText,  // words indexed under the prefix (with positions unless Field::positions is false)
    Boolean,   // one exact term per value; used as a filter, never weighted
    Date,      // day, month and year terms plus the date value slot (see below)
};

// How a Boolean field's values are made canonical, at index and query time alike.
enum class ValueNormalisation {
    Exact,     // as written
    HostName,  // lower case, without a leading "www."
    Language,  // the primary language subtag, lower case ("de" for "de-AT"; text/language.h)
};

struct Field {
    std::string_view name;    // as typed in queries: "title:"
    std::string_view prefix;  // term prefix in the index
    FieldKind kind;
    // The values an article gives this field, as the indexer should index them.
    std::vector<std::string> (*values_of)(const Article&);
    std::string_view description;  // one line, for --help and docs
    // FreeText only: also index each whole value, case kept, as one boolean term under this
    // prefix (for facets and exact filters); empty for none.
    std::string_view exact_prefix = {};
    // FreeText only: in queries the field filters (repeats are ORed, like boolean fields)
    // instead of adding to the weight.
    bool query_as_filter = false;
    // With exact_prefix: the values to index as exact terms, when they are not the same as
    // the free-text values (an entity's words include its other surface forms, its exact
    // term only its canonical name).
    std::vector<std::string> (*exact_values_of)(const Article&) = nullptr;
    // A field with no terms of its own (values_of is nullptr): a query on it matches the value
    // under any of these fields' prefixes ("entity:" is person:, org:, place: or other:).
    std::vector<std::string_view> query_prefixes = {};
    // FreeText only: the words keep their positions, so that a quoted value is a phrase
    // within the field. Without them a quoted value matches when the field holds all its
    // words: the entity fields, whose values are short names (a name's words rarely come
    // from two different names of one article), save a seventh of the position table.
    bool positions = true;
    ValueNormalisation normalisation = ValueNormalisation::Exact;  // Boolean fields only
    std::string_view example = {};  // a typical use in a query, for --help and docs; may be empty
};

// What a facet's values are: names, shown most frequent first, or periods, shown in time order
// (year facet values are "YYYY"; year-month values are stored "YYYYMM" and shown "YYYY-MM").
enum class FacetValues { Names, Years, YearMonths };

// A facet: what searcher --facet NAME counts over all matches, from the terms under prefix.
struct Facet {
    std::string_view name;
    std::string_view prefix;
    // The counted terms hold a type letter before the name (kEntityExactPrefix): the facet
    // of all named entities, whatever their type.
    bool typed_entities = false;
    // For a facet with one value per article: the value slot that holds it, counted instead
    // of the terms; -1 for none.
    int slot = -1;
    FacetValues values = FacetValues::Names;
};
const std::vector<Facet>& facets();
const Facet* find_facet(std::string_view name);

// The field table. Order is the order fields are documented in.
const std::vector<Field>& fields();

// The field with this query name, or nullptr.
const Field* find_field(std::string_view name);

// Prefixes of terms the table does not list directly.
inline constexpr std::string_view kIdPrefix = "Q";     // unique id: one per document
inline constexpr std::string_view kDayPrefix = "D";    // D20220129
inline constexpr std::string_view kMonthPrefix = "M";  // M202201
inline constexpr std::string_view kYearPrefix = "Y";   // Y2022
// Source file of the document: one term per file holding the article (a duplicate file adds
// its own). Made with boolean_term(), so long paths are cut and hashed.
inline constexpr std::string_view kPathPrefix = "P";
// Hash of the article's normalised title and body (content_hash()): finds the same article
// under another URL or path.
inline constexpr std::string_view kContentPrefix = "C";

// Exact canonical names of named entities: kEntityExactPrefix, a type letter (P person,
// O org, L place, X other), the name with its case: "XNPMark Milley", "XNONATO".
inline constexpr std::string_view kEntityExactPrefix = "XN";
// The type letter of a type in these terms and in metadata keys.
char entity_type_letter(EntityType type);
// The type of a letter, or nullopt when the letter is no type's.
std::optional<EntityType> entity_type_of_letter(char letter);

// Metadata keys of the collection's entity aliases (indexer/entity_aliases.h): the prefix, a
// type letter, a short name ("alias:PMilley"); the value is the full name it stands for, or
// a tab when several full names claim it.
inline constexpr std::string_view kAliasKeyPrefix = "alias:";
// The metadata key of the alias of short_name among entities of type: the
// prefix, the type letter and the name, a long name cut and hashed as boolean_term() does,
// so that no name, however long, makes a key Xapian refuses (its keys hold 253 bytes at most).
std::string alias_key(EntityType type, std::string_view short_name);

// Words longer than this (in bytes, before any prefix) are not indexed, neither as terms nor
// in the spelling table: no one searches for them, and with a prefix they could pass Xapian's
// limit on a term (245 bytes). Xapian's TermGenerator has the same default.
inline constexpr unsigned kMaxWordBytes = 64;
// The longest term Xapian stores (its glass backend refuses longer ones when the document is
// written, and then cancels every change not yet committed).
inline constexpr std::size_t kXapianMaxTermBytes = 245;

// Value slots.
inline constexpr unsigned kDateSlot = 0;  // "YYYYMMDD"; absent when the article has no date
// text::near_duplicate_signature() of the title and body (256 bytes; absent when the article
// has no word): searcher --collapse folds hits whose signatures say they are near-duplicates.
// Until version 5 the slot held a hash of the title alone, which folded different days'
// stories under one headline and missed copies whose headlines differed by a letter.
inline constexpr unsigned kNearDuplicateSlot = 1;
// Single-valued facets, also kept as values: a facet counts a value slot much faster than it
// walks each match's term list. "YYYY", "YYYYMM" and the site, as the Y, M and H terms hold.
inline constexpr unsigned kYearSlot = 2;
inline constexpr unsigned kMonthSlot = 3;
inline constexpr unsigned kSiteSlot = 4;

// How many times a title word counts, compared with a body word, in the unprefixed text.
inline constexpr unsigned kTitleWeight = 3;

// The state of one indexed source file, kept in the database's metadata under file_key(path)
// so that a later run can tell an unchanged file without reading it. Written in the same
// commit as the file's documents, so the two never disagree after a crash.
struct FileState {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::string content_hash;     // content_hash() of the file's bytes
    std::uint64_t documents = 0;  // documents holding the file's path term when recorded
    std::string path;             // the whole path, even when the key had to be shortened
};
inline constexpr std::string_view kFileKeyPrefix = "file:";
// Metadata key for path: "file:" + path, or for a long path its first 180 bytes, "#" and a
// hash, so keys stay within Xapian's limit and the keys of a directory share its prefix.
std::string file_key(std::string_view path);
std::string encode_file_state(const FileState& state);
// Returns false when value is not an encoded FileState.
bool decode_file_state(std::string_view value, FileState& state);

// A file that could not be read or parsed, kept under failed_key(path) so that later runs
// pass over it without reading or reporting it again until it changes: its size, its mtime,
// or its ctime (which chmod, chown and rename change too, so fixing a file's permissions
// counts). Removed when the file is read well, or is gone. --retry-failed and --full ignore it.
struct FailedState {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::string path;  // the whole path, even when the key had to be shortened
};
inline constexpr std::string_view kFailedKeyPrefix = "failed:";
// Metadata key for a failed path, shortened as file_key() does.
std::string failed_key(std::string_view path);
std::string encode_failed_state(const FailedState& state);
// Returns false when value is not an encoded FailedState.
bool decode_failed_state(std::string_view value, FailedState& state);

// An article removed with `indexer --delete`, kept under deleted_key(id) in the first shard's
// metadata so that no later run (--full and --rebuild included) indexes it again while the
// files that held it are as they were when it was deleted. A run that reads one of those
// files changed (size, mtime or content hash) indexes the article again and drops the record.
// An article from standard input has no file: it stays out while it comes again with the
// same text (one of content_hashes), and comes back when its text changed.
struct DeletedArticle {
    std::string id;  // as its id term holds it, without the prefix (article_id(), cut if long)
    std::vector<std::string> content_hashes;  // of the document's content terms (kContentPrefix)
    // The files that held it, each as found when it was deleted (documents is not used).
    std::vector<FileState> files;
};
inline constexpr std::string_view kDeletedKeyPrefix = "deleted:";
// Metadata key for a deleted article's id, shortened as file_key() does.
std::string deleted_key(std::string_view id);
// "FILES HASH...", then NUL and encode_file_state() of each file, then NUL and the id: the id
// last, as the rest of the value, so that it may hold any byte.
std::string encode_deleted_article(const DeletedArticle& deleted);
// Returns false when value is not an encoded DeletedArticle.
bool decode_deleted_article(std::string_view value, DeletedArticle& deleted);

// 64-bit FNV-1a of bytes as 16 lowercase hex digits. Not cryptographic: it tells changed
// files and duplicate articles apart, where a collision costs one missed update.
std::string content_hash(std::string_view bytes);

// Returns prefix + value, keeping the term within Xapian's length limit: a value too long is
// cut and followed by a hash of the whole value, so different long values stay different.
std::string boolean_term(std::string_view prefix, std::string_view value);

// Canonical form of a value of a Boolean field, used at both index and query time (site names
// are lowercased and lose a leading "www."; language tags become their primary subtag, and
// a value that is no language tag stays as written, lower case, so that it matches nothing).
std::string normalise_boolean_value(const Field& field, std::string_view value);

// The Boolean term of articles in a language (a primary subtag, "de"): what `lang:de` matches.
// The searcher uses it to give each language's articles the stems of their own language.
std::string language_term(std::string_view primary_language);
// The prefix every language term starts with: the searcher lists the languages a database holds
// by walking the terms under it.
std::string_view language_prefix();

// The article's unique id: its URL when it has one; else its Message-ID in angle brackets;
// else its source path, followed by "#" and its record key when the file holds many articles.
std::string article_id(const Article& article);

// Host name of an http(s) URL without a leading "www.", lowercased; empty when none.
std::string site_of_url(std::string_view url);

// The document data: what the searcher prints without reading the source file again.
// encode_record() writes "key=value" lines; decode_record() reads them back, ignoring keys it
// does not know so that newer writers stay readable. Round-trips every field of Article.
std::string encode_record(const Article& article);
Article decode_record(std::string_view data);

}  // namespace newsindex::schema
