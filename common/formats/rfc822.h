// Reader for RFC 822 / RFC 5322 messages: newsgroup posts and wire dumps, one message per
// file or many in an mbox (see docs/formats.md). Thread-safe; no state.
#pragma once

#include <string>
#include <string_view>

#include "formats/sinks.h"

namespace newsindex {

// Reads the message in bytes, or each message of an mbox (bytes starting with a "From "
// line; record_key "message N", 1-based). Headers: Subject -> title, From (or Sender) ->
// the one author, Date -> date, Message-ID -> message_id, Newsgroups and Keywords -> tags;
// folded header lines are unfolded and MIME encoded-words decoded. The body is the first
// text/plain part (else text/html, converted; else the first part), with its
// Content-Transfer-Encoding (quoted-printable, base64) and charset (UTF-8, ISO-8859-1,
// Windows-1252; others as text::decode_text guesses) applied, cut at a "-- " signature line.
// url stays empty. A message without title or text goes to on_problem (mbox) or is thrown as
// InputError naming source (a single message).
void read_rfc822_articles(std::string_view bytes, const std::string& source,
                          const ArticleSink& on_article, const ProblemSink& on_problem);

// Returns a header value as UTF-8 with its MIME encoded-words (RFC 2047,
// "=?UTF-8?Q?Caf=C3=A9?=", "=?ISO-8859-1?B?Q2Fm6Q==?=") decoded; white space between two
// encoded-words is dropped. Charsets UTF-8, US-ASCII, ISO-8859-1 and Windows-1252 are
// decoded exactly, others as text::decode_text guesses; bytes outside encoded-words too.
std::string decode_mime_header(std::string_view raw);

// Returns the author named by a From header value: the display name of "Jane Doe
// <jd@example.org>" or "jd@example.org (Jane Doe)", unquoted; the address itself when there
// is no name. Empty for an empty header.
std::string author_from_header(std::string_view decoded_from);

}  // namespace newsindex
