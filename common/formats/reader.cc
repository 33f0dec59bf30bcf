#include "formats/reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <system_error>

#include "formats/article_text.h"
#include "formats/decode.h"
#include "formats/gzip.h"
#include "formats/html.h"
#include "formats/markdown.h"
#include "formats/plaintext.h"
#include "formats/rfc822.h"
#include "text/strings.h"
#include "text/utf8.h"

namespace newsindex {

namespace {

struct NamedFormat {
    std::string_view name;
    Format format;
};

constexpr NamedFormat kFormatNames[] = {
    {"text", Format::PlainText}, {"markdown", Format::Markdown},   {"html", Format::Html},
    {"json", Format::Json},      {"jsonl", Format::JsonLines},     {"email", Format::Rfc822},
    {"txt", Format::PlainText},  {"plaintext", Format::PlainText}, {"md", Format::Markdown},
    {"htm", Format::Html},       {"ndjson", Format::JsonLines},    {"rfc822", Format::Rfc822},
    {"eml", Format::Rfc822},     {"mbox", Format::Rfc822},
};

struct Extension {
    std::string_view suffix;  // with the dot
    Format format;
};

constexpr Extension kExtensions[] = {
    {".txt", Format::PlainText},     {".text", Format::PlainText}, {".md", Format::Markdown},
    {".markdown", Format::Markdown}, {".mdown", Format::Markdown}, {".mkd", Format::Markdown},
    {".html", Format::Html},         {".htm", Format::Html},       {".xhtml", Format::Html},
    {".shtml", Format::Html},        {".json", Format::Json},      {".jsonl", Format::JsonLines},
    {".ndjson", Format::JsonLines},  {".eml", Format::Rfc822},     {".mbox", Format::Rfc822},
    {".mail", Format::Rfc822},       {".news", Format::Rfc822},
};

constexpr std::string_view kHtmlOpeners[] = {
    "<!doctype html", "<html", "<head", "<body", "<meta", "<title",
    "<article",       "<div",  "<p>",   "<p ",   "<!--"};

std::string_view skip_space(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    return text::trim(bytes);
}

// JSON Lines when the first line is one whole object and the next non-blank line starts
// another; JSON otherwise.
Format json_kind(std::string_view bytes) {
    bytes = skip_space(bytes);
    const std::size_t newline = bytes.find('\n');
    if (newline == std::string_view::npos) return Format::Json;
    const std::string_view first = text::trim(bytes.substr(0, newline));
    const std::string_view rest = text::trim(bytes.substr(newline + 1));
    if (first.size() >= 2 && first.front() == '{' && first.back() == '}' && !rest.empty() &&
        rest.front() == '{')
        return Format::JsonLines;
    return Format::Json;
}

// A block of at least two mail header lines, one of them a header every message or post
// has, ended by a blank line.
bool looks_like_mail_headers(std::string_view bytes) {
    constexpr std::string_view kKey[] = {
        "from:", "subject:", "newsgroups:", "message-id:", "date:", "path:"};
    bytes = bytes.substr(0, 16384);
    std::size_t headers = 0;
    bool key = false;
    for (std::string_view line : text::split(bytes, "\n")) {
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) return headers >= 2 && key;
        if (line[0] == ' ' || line[0] == '\t') {
            if (headers == 0) return false;
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == 0 || colon == std::string_view::npos || colon > 76) return false;
        for (char c : line.substr(0, colon)) {
            if (c <= ' ' || c > '~') return false;
        }
        ++headers;
        const std::string lowered = text::ascii_lower(line.substr(0, colon + 1));
        for (std::string_view name : kKey) key = key || lowered == name;
    }
    return false;  // no blank line in sight: not a header block
}

Format sniff(std::string_view bytes) {
    const std::string_view start = skip_space(bytes);
    if (start.empty()) return Format::PlainText;
    if (start.front() == '{' || start.front() == '[') return json_kind(start);
    if (start.front() == '<') {
        const std::string head = text::ascii_lower(start.substr(0, 1024));
        for (std::string_view opener : kHtmlOpeners) {
            if (head.find(opener) != std::string::npos) return Format::Html;
        }
    }
    std::string_view first_line = bytes.substr(0, bytes.find('\n'));
    if (first_line.substr(0, 3) == "\xEF\xBB\xBF") first_line.remove_prefix(3);
    if (!first_line.empty() && first_line.back() == '\r') first_line.remove_suffix(1);
    if (first_line == "---") return Format::Markdown;
    if (first_line.substr(0, 5) == "From ") return Format::Rfc822;
    if (looks_like_mail_headers(bytes)) return Format::Rfc822;
    return Format::PlainText;
}

std::string size_text(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

std::string error_text(int error) {
    return std::error_code(error, std::generic_category()).message();
}

// Owns a file descriptor.
class Descriptor {
  public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return fd_; }

  private:
    int fd_;
};

// Reads into bytes[filled..] once, retrying on EINTR; returns the count read (0 at the end).
std::size_t read_into(int fd, const std::string& path, std::string& bytes, std::size_t filled) {
    for (;;) {
        const ssize_t got = ::read(fd, &bytes[filled], bytes.size() - filled);
        if (got >= 0) return static_cast<std::size_t>(got);
        if (errno != EINTR) throw InputError(path, 0, "read error: " + error_text(errno));
    }
}

// Up to prefix_bytes bytes from the start of the open file fd (path names it in errors).
std::string read_prefix(int fd, const std::string& path, std::size_t prefix_bytes) {
    std::string bytes(prefix_bytes, '\0');
    std::size_t filled = 0;
    while (filled < bytes.size()) {
        const std::size_t got = read_into(fd, path, bytes, filled);
        if (got == 0) break;
        filled += got;
    }
    bytes.resize(filled);
    return bytes;
}

}  // namespace

std::string read_file_bytes(const std::string& path, std::size_t max_bytes,
                            std::size_t prefix_bytes) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below anyway.
    Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0) {
        const int error = errno;
        struct stat link;
        if (error == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
            throw InputError(path, 0, "broken symbolic link");
        if (error == ENOENT) throw InputError(path, 0, "no such file");
        throw InputError(path, 0, "cannot open for reading: " + error_text(error));
    }
    struct stat info;
    if (::fstat(fd.get(), &info) != 0)
        throw InputError(path, 0, "cannot read: " + error_text(errno));
    if (S_ISDIR(info.st_mode)) throw InputError(path, 0, "is a directory");
    if (!S_ISREG(info.st_mode)) throw InputError(path, 0, kNotRegularFile);
    if (prefix_bytes > 0) return read_prefix(fd.get(), path, prefix_bytes);
    if (static_cast<unsigned long long>(info.st_size) > max_bytes)
        throw InputError(path, 0,
                         "larger than the limit of " + size_text(max_bytes) + " (" +
                             std::to_string(info.st_size) + " bytes)");
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(info.st_size));
    std::size_t filled = 0;
    for (;;) {
        // The file may grow while we read: stop one byte past the limit.
        if (filled == bytes.size()) {
            if (bytes.size() > max_bytes) break;
            bytes.resize(std::min(max_bytes + 1, bytes.size() + 65536));
        }
        const std::size_t got = read_into(fd.get(), path, bytes, filled);
        if (got == 0) break;
        filled += got;
    }
    bytes.resize(filled);
    if (bytes.size() > max_bytes)
        throw InputError(path, 0, "larger than the limit of " + size_text(max_bytes));
    return bytes;
}

std::string lowered_name(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    std::string name =
        text::ascii_lower(slash == std::string::npos ? path : path.substr(slash + 1));
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".gz") == 0)
        name.resize(name.size() - 3);
    return name;
}

std::string_view format_name(Format format) {
    for (const NamedFormat& entry : kFormatNames) {
        if (entry.format == format) return entry.name;
    }
    return "text";
}

std::optional<Format> parse_format_name(std::string_view name) {
    const std::string lowered = text::ascii_lower(text::trim(name));
    for (const NamedFormat& entry : kFormatNames) {
        if (entry.name == lowered) return entry.format;
    }
    return std::nullopt;
}

namespace {

// The start of a file with a UTF-16 or UTF-32 byte-order mark, as UTF-8, so that its format
// can be told by content like any other file's; first_bytes itself otherwise.
std::string sniffable(std::string_view first_bytes) {
    const auto mark = byte_order_mark(first_bytes);
    if (!mark || mark->charset == "utf-8") return std::string(first_bytes);
    // Cut at a whole code unit; a character cut at the end becomes one U+FFFD.
    std::string_view units = first_bytes.substr(mark->length);
    const std::size_t unit = mark->charset.rfind("utf-32", 0) == 0 ? 4 : 2;
    units = units.substr(0, units.size() - units.size() % unit);
    return convert_to_utf8(units, mark->charset).value_or(std::string());
}

}  // namespace

Format detect_format(const std::string& path, std::string_view raw_first_bytes) {
    const std::string converted = sniffable(raw_first_bytes);
    const std::string_view first_bytes = converted;
    const std::string name = lowered_name(path);
    for (const Extension& extension : kExtensions) {
        const std::string_view suffix = extension.suffix;
        if (name.size() > suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            return extension.format == Format::Json ? json_kind(first_bytes) : extension.format;
        }
    }
    return sniff(first_bytes);
}

bool looks_like_text_file(std::string_view first_bytes) {
    // Formats whose first bytes may pass as text to looks_binary().
    constexpr std::string_view kBinaryMagic[] = {"%PDF-",  "\x89PNG", "\xFF\xD8\xFF",
                                                 "GIF87a", "GIF89a",  "PK\x03\x04"};
    for (std::string_view magic : kBinaryMagic) {
        if (first_bytes.substr(0, magic.size()) == magic) return false;
    }
    // UTF-16 and UTF-32 are text when they say so with a byte-order mark.
    const std::string converted = sniffable(first_bytes);
    return !text::trim(converted).empty() && !text::looks_binary(converted);
}

namespace {

// The first max_bytes of bytes or fewer, ending at a line break when there is one in the last
// half; left_out gets the bytes cut.
std::string_view single_article_input(std::string_view bytes, std::size_t max_bytes,
                                      std::size_t& left_out) {
    if (bytes.size() <= max_bytes) return bytes;
    std::string_view kept = text::truncate_utf8(bytes, max_bytes);
    const std::size_t line_end = kept.rfind('\n');
    if (line_end != std::string_view::npos && line_end >= kept.size() / 2)
        kept = kept.substr(0, line_end);
    left_out = bytes.size() - kept.size();
    return kept;
}

}  // namespace

void read_articles(std::string_view bytes, const std::string& source, Format format,
                   const ReadOptions& options, const ArticleSink& on_article,
                   const ProblemSink& on_problem) {
    if (bytes.size() > options.max_file_bytes)
        throw InputError(source, 0,
                         "larger than the limit of " + size_text(options.max_file_bytes));
    // The decoding stage (formats/decode.h): every reader but e-mail's, which decodes each
    // MIME part by its own charset, sees UTF-8.
    DecodedText decoded;
    if (format != Format::Rfc822) {
        decoded = decode_input(bytes, format);
        bytes = decoded.text;
    }
    if (text::trim(bytes).empty()) throw InputError(source, 0, "empty file: no text");
    if (bytes.find('\0') != std::string_view::npos)
        throw InputError(source, 0, "looks binary (contains a NUL byte), not a text article");
    if (text::looks_binary(bytes))
        throw InputError(source, 0, "looks binary (control characters), not a text article");

    std::size_t delivered = 0, problems = 0;
    std::string first_problem;
    // A file whose first records are all bad is not a file of articles (a JSON array of
    // numbers, a log file named .jsonl): it is given up rather than read to the end, which
    // for millions of records would take minutes to say nothing more.
    const ProblemSink bounded_problems = [&](const InputError& problem) {
        if (++problems == 1) first_problem = problem.problem();
        if (delivered == 0 && problems >= kMaxProblemsBeforeAnArticle)
            throw InputError(source, 0,
                             "no article in the first " + text::with_thousands(problems) +
                                 " records (the first: " + first_problem + "); not read further");
        on_problem(problem);
    };
    const ArticleSink counting = [&](Article&& article) {
        ++delivered;
        article.source_path = source;
        if (article.language.empty() && !options.default_language.empty()) {
            article.language = options.default_language;
            article.language_origin = Article::LanguageOrigin::database_default;
        }
        // Only now is the language final: a numeric date is ordered by it.
        formats::settle_date(article);
        if (!decoded.charset.empty()) {
            article.charset = decoded.charset;
            article.charset_chosen_by = decoded.chosen_by;
            article.replaced_bytes = decoded.replaced;
        }
        on_article(std::move(article));
    };
    // A file that is one article is read only as far as its body can go (article.h,
    // kMaxBodyBytes): the readers' work grows with their input, and what lies past it would be
    // cut anyway.
    std::size_t input_left_out = 0;
    const auto one_article = [&](Article&& article) {
        article.body_bytes_left_out += input_left_out;
        counting(std::move(article));
    };
    switch (format) {
        case Format::PlainText:
            one_article(read_plaintext_article(
                single_article_input(bytes, kMaxTextInputBytes, input_left_out), source));
            break;
        case Format::Markdown:
            one_article(read_markdown_article(
                single_article_input(bytes, kMaxTextInputBytes, input_left_out), source));
            break;
        case Format::Html:
            one_article(read_html_article(
                single_article_input(bytes, kMaxHtmlInputBytes, input_left_out), source));
            break;
        case Format::Json:
            read_json_articles(bytes, source, options.json_fields, counting, bounded_problems);
            break;
        case Format::JsonLines:
            read_json_lines_articles(bytes, source, options.json_fields, counting,
                                     bounded_problems);
            break;
        case Format::Rfc822:
            read_rfc822_articles(bytes, source, counting, bounded_problems);
            break;
    }
    if (delivered == 0) {
        // The problem that kept the only record out says more than "no article".
        if (problems == 1) throw InputError(source, 0, "no article found: " + first_problem);
        if (problems > 1)
            throw InputError(source, 0,
                             "no article found in " + text::with_thousands(problems) +
                                 " records (the first: " + first_problem + ")");
        throw InputError(source, 0, "no article found");
    }
}

std::string file_text(std::string bytes, const std::string& path, std::size_t max_bytes) {
    if (bytes.empty()) throw InputError(path, 0, "empty file");
    if (!is_gzip(bytes)) return bytes;
    std::string text = gunzip(bytes, path, max_bytes);
    if (text.empty()) throw InputError(path, 0, "empty file (after gunzip)");
    return text;
}

Format read_article_file(const std::string& path, const ReadOptions& options,
                         const ArticleSink& on_article, const ProblemSink& on_problem) {
    const std::string bytes =
        file_text(read_file_bytes(path, options.max_file_bytes), path, options.max_file_bytes);
    const Format format =
        options.forced_format ? *options.forced_format : detect_format(path, bytes);
    read_articles(bytes, path, format, options, on_article, on_problem);
    return format;
}

}  // namespace newsindex
