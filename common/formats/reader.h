// The one entry point for reading article files in any supported format: plain-text exports,
// Markdown, HTML, JSON, JSON Lines and RFC 822 messages, each possibly gzipped. Detects the
// format, applies the limits, and turns everything that can go wrong into InputError naming
// the file (and line). docs/formats.md describes the formats and the rules. All functions
// are thread-safe and keep no state; the callbacks run on the calling thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "formats/json.h"
#include "formats/sinks.h"

namespace newsindex {

enum class Format { PlainText, Markdown, Html, Json, JsonLines, Rfc822 };

// "text", "markdown", "html", "json", "jsonl", "email".
std::string_view format_name(Format format);

// The inverse of format_name, for --format; also accepts "txt", "plaintext", "md", "htm",
// "ndjson", "rfc822", "eml" and "mbox". Case-insensitive. nullopt for anything else.
std::optional<Format> parse_format_name(std::string_view name);

// The format of a file, from its name and content. The extension decides, after a final
// ".gz" is removed: .txt .text; .md .markdown .mdown .mkd; .html .htm .xhtml .shtml; .json
// (JSON Lines when first_bytes hold one whole object on the first line and another line
// starting with "{" follows); .jsonl .ndjson; .eml .mbox .mail .news. Any other name is
// decided by first_bytes: "{" or "[" -> JSON or JSON Lines as above; an HTML tag among the
// first 1 KiB -> HTML; a first line "---" -> Markdown; a "From " line or a block of mail
// headers (From:, Subject:, Newsgroups:, ...) ended by a blank line -> email; anything else
// -> plain text. Pass at least the first 16 KiB, and the whole first line for JSON; more is
// harmless.
Format detect_format(const std::string& path, std::string_view first_bytes);

// True when first_bytes, the start of a file whose name tells nothing (no extension: a
// 20 Newsgroups article "59497", a Maildir message), look like text an article could be in:
// not blank (UTF-16 and UTF-32 with a byte-order mark are decoded first), no magic number of a
// common binary format (PDF, PNG, JPEG, GIF, ZIP, gzip is not one: gunzip first and ask again), and
// not binary as text::looks_binary() judges (a NUL byte, many control characters). Pass at least
// the first 8 KiB when the file is that long. detect_format() then tells which text format it is.
bool looks_like_text_file(std::string_view first_bytes);

struct ReadOptions {
    std::optional<Format> forced_format;  // --format; nullopt: detect_format
    JsonFieldMap json_fields;             // --field mappings for JSON and JSON Lines
    // Files larger than this, before or after gunzip, are refused whole.
    std::size_t max_file_bytes = 256u << 20;
    // The language (a primary subtag) of articles whose source declares none and whose text
    // the detector cannot tell: the database's default (indexer --language). Empty: none.
    std::string default_language;
};

// The one loader of article files, used by indexing and --inspect alike, so that both treat
// and name a bad file the same way. Returns the bytes of the regular file at path, or with
// prefix_bytes > 0 at most its first prefix_bytes bytes (to look at a file before reading it
// whole). Opens without blocking and checks the type on the opened descriptor, so a FIFO or
// device (even one swapped in after a directory scan) is refused at once instead of hanging.
// Throws InputError naming path: missing, a broken symbolic link, unreadable (with the
// system's reason, "Permission denied"), a directory or special file, larger than max_bytes.
std::string read_file_bytes(const std::string& path, std::size_t max_bytes,
                            std::size_t prefix_bytes = 0);

// The problem named for a FIFO, device or socket, by the loader and by the indexer's scan.
inline constexpr const char* kNotRegularFile = "not a regular file (a pipe, device or socket)";

// The text of a file's bytes: gunzipped when they start with the gzip magic number. Throws
// InputError naming path for an empty file (before or after gunzip) and a corrupt, truncated
// or oversized gzip stream.
std::string file_text(std::string bytes, const std::string& path, std::size_t max_bytes);

// How much of a file that is one article (plain text, Markdown, HTML) is read: twice the body
// an article may have (article.h, kMaxBodyBytes) for text, whose markup is light, and eight
// times for HTML, whose pages may carry megabytes of inline images and scripts. What lies past
// it is left out, as Article::body_bytes_left_out says.
inline constexpr std::size_t kMaxTextInputBytes = 2 * kMaxBodyBytes;
inline constexpr std::size_t kMaxHtmlInputBytes = 8 * kMaxBodyBytes;

// How many bad records a many-record file may hold before its first article: after that many
// it is taken for something other than articles and given up.
inline constexpr std::size_t kMaxProblemsBeforeAnArticle = 1000;

// Reads every article of the file at path. Reads it whole (refusing special files such as
// FIFOs and devices, so that nothing blocks), gunzips it when it starts with the gzip magic
// number, detects or applies the format, and calls on_article for each article, whose
// source_path is path and whose text is valid UTF-8. An article with no language (declared or
// detected) gets options.default_language; a numeric date only the language can order is then
// read by it, or left out with Article::date_note saying why (formats::settle_date). For a bad
// record inside a many-record file (a malformed JSON Lines line, a bad element of a JSON array, an
// empty mbox message) it calls on_problem with an InputError naming the file and line, and goes on.
// Returns the format used. Throws InputError naming path when the whole file is unusable: missing,
// a broken symbolic link, unreadable, a directory or special file, empty, binary, larger than
// options.max_file_bytes (before or after gunzip), a truncated or corrupt gzip stream,
// malformed JSON (one document), or no article found in it (the message then quotes the first
// problem). A file whose first kMaxProblemsBeforeAnArticle records are all bad is given up
// with an InputError at that point. Exceptions from the callbacks propagate.
Format read_article_file(const std::string& path, const ReadOptions& options,
                         const ArticleSink& on_article, const ProblemSink& on_problem);

// Reads every article in bytes already in memory (and already decompressed) as format,
// naming source in errors and Article::source_path; options.forced_format is not used.
// Otherwise as read_article_file, including its errors for empty, binary, oversized input
// and for no article found. For tests and fuzzers.
void read_articles(std::string_view bytes, const std::string& source, Format format,
                   const ReadOptions& options, const ArticleSink& on_article,
                   const ProblemSink& on_problem);

}  // namespace newsindex
