#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "errors.h"
#include "formats/gzip.h"
#include "formats/reader.h"
#include "test_support.h"
#include "text/utf8.h"

using newsindex::Article;
using newsindex::detect_format;
using newsindex::Format;
using newsindex::format_name;
using newsindex::InputError;
using newsindex::parse_format_name;
using newsindex::read_article_file;
using newsindex::ReadOptions;
using Names = std::vector<std::string>;

namespace {

struct ReaderResult {
    Format format = Format::PlainText;
    std::vector<Article> articles;
    Names problems;
};

ReaderResult read_file(const std::string& path, const ReadOptions& options = {}) {
    ReaderResult result;
    result.format = read_article_file(
        path, options, [&](Article&& a) { result.articles.push_back(std::move(a)); },
        [&](const InputError& e) { result.problems.push_back(e.what()); });
    return result;
}

std::string fixture_path(const std::string& relative) {
    return (test_data_dir() / "formats" / relative).string();
}

}  // namespace

TEST_CASE("format names read back as the formats they name", "[reader]") {
    for (Format format : {Format::PlainText, Format::Markdown, Format::Html, Format::Json,
                          Format::JsonLines, Format::Rfc822}) {
        CAPTURE(format_name(format));
        CHECK(parse_format_name(format_name(format)) == format);
    }
    auto [name, format] = GENERATE(table<std::string, Format>({
        {"text", Format::PlainText},
        {"markdown", Format::Markdown},
        {"html", Format::Html},
        {"json", Format::Json},
        {"jsonl", Format::JsonLines},
        {"email", Format::Rfc822},
        {"MD", Format::Markdown},
        {"ndjson", Format::JsonLines},
        {"mbox", Format::Rfc822},
    }));
    CHECK(parse_format_name(name) == format);
    CHECK_FALSE(parse_format_name("pdf"));
    CHECK_FALSE(parse_format_name(""));
}

TEST_CASE("formats are detected by extension, then by content", "[reader]") {
    auto [path, bytes, format] = GENERATE(table<std::string, std::string, Format>({
        {"a.txt", "{\"title\": \"looks like JSON\"}", Format::PlainText},
        {"a.TXT.gz", "x", Format::PlainText},
        {"a.md", "x", Format::Markdown},
        {"a.markdown.gz", "x", Format::Markdown},
        {"a.htm", "x", Format::Html},
        {"a.json", "{\n  \"title\": \"pretty\"\n}\n", Format::Json},
        {"a.json", "[{\"title\": \"a\"}]", Format::Json},
        // A ".json" file that is really JSON Lines, as some exports are named.
        {"a.json", "{\"title\": \"a\"}\n{\"title\": \"b\"}\n", Format::JsonLines},
        {"a.jsonl", "x", Format::JsonLines},
        {"a.eml", "x", Format::Rfc822},
        {"digest.mbox.gz", "x", Format::Rfc822},
        {"59497", "Xref: a b\nNewsgroups: sci.space\nFrom: x@y (X)\n\nbody\n", Format::Rfc822},
        {"msg", "From someone Mon Jan  2 10:00:00 2023\nSubject: x\n\n", Format::Rfc822},
        {"page", "  <!DOCTYPE html><html><body>x</body></html>", Format::Html},
        {"page", "<div>x</div>", Format::Html},
        {"note", "---\ntitle: x\n---\nbody", Format::Markdown},
        {"data", "\xEF\xBB\xBF[1]", Format::Json},
        {"data", "{\"a\": 1}\n{\"a\": 2}", Format::JsonLines},
        // One "header" and no blank line: a title, not a message.
        {"story", "Breaking: markets fall\nBy Jane Doe\n", Format::PlainText},
        {"story", "Breaking: markets fall\n\nBy Jane Doe\n", Format::PlainText},
        {"story", "<3 this story\n", Format::PlainText},
        {"README", "", Format::PlainText},
    }));
    CAPTURE(path, bytes);
    CHECK(detect_format(path, bytes) == format);
}

TEST_CASE("every format reads through the one entry point", "[reader]") {
    auto [fixture, format, count, problems] =
        GENERATE(table<std::string, Format, std::size_t, std::size_t>({
            {"plaintext/two-authors.txt", Format::PlainText, 1, 0},
            {"markdown/front-matter-lists.md", Format::Markdown, 1, 0},
            {"html/jsonld-article.html", Format::Html, 1, 0},
            {"json/array.json", Format::Json, 3, 2},
            {"jsonl/feed.jsonl", Format::JsonLines, 3, 3},
            {"email/usenet-post", Format::Rfc822, 1, 0},
            {"email/wire.mbox", Format::Rfc822, 2, 1},
            {"gzip/article.txt.gz", Format::PlainText, 1, 0},
            {"gzip/feed.jsonl.gz", Format::JsonLines, 3, 3},
            {"gzip/two-members.txt.gz", Format::PlainText, 1, 0},
        }));
    CAPTURE(fixture);
    const std::string path = fixture_path(fixture);
    ReaderResult result = read_file(path);
    CHECK(result.format == format);
    CHECK(result.articles.size() == count);
    CHECK(result.problems.size() == problems);
    for (const Article& article : result.articles) {
        CHECK(article.source_path == path);
        CHECK_FALSE(article.title.empty());
    }
}

TEST_CASE("gzip: members, content without the extension, and forced formats", "[reader][gzip]") {
    ReaderResult members = read_file(fixture_path("gzip/two-members.txt.gz"));
    REQUIRE(members.articles.size() == 1);
    CHECK(members.articles[0].title == "Part One Title");
    CHECK(members.articles[0].body == "First half of the body.\n\nSecond half of the body.");

    // The gzip magic number decides, not the name.
    TempDir dir;
    const auto renamed = dir.path() / "article.txt";
    std::filesystem::copy_file(fixture_path("gzip/article.txt.gz"), renamed);
    ReaderResult by_content = read_file(renamed.string());
    REQUIRE(by_content.articles.size() == 1);
    CHECK(by_content.articles[0].title == "Night Market Moves to the Harbour");
    CHECK(by_content.articles[0].authors == Names{"Sofia Lind"});

    ReadOptions forced;
    forced.forced_format = Format::Markdown;
    CHECK(read_file(fixture_path("gzip/article.txt.gz"), forced).format == Format::Markdown);
}

TEST_CASE("gunzip refuses what it cannot finish", "[gzip]") {
    const std::string whole = read_fixture("formats/gzip/article.txt.gz");
    CHECK(newsindex::is_gzip(whole));
    CHECK(newsindex::gunzip(whole, "a.gz", 1000).size() == 166);
    for (std::size_t cut : {std::size_t{2}, std::size_t{10}, std::size_t{60}, whole.size() - 1}) {
        CAPTURE(cut);
        REQUIRE_THROWS_WITH(newsindex::gunzip(whole.substr(0, cut), "a.gz", 1000),
                            "a.gz: truncated gzip");
    }
    REQUIRE_THROWS_WITH(newsindex::gunzip(whole, "a.gz", 100),
                        "a.gz: larger than the limit of 100 bytes when decompressed");
    // Zero padding after the last member is allowed (as gzip does); other bytes are damage.
    CHECK(newsindex::gunzip(whole + std::string(512, '\0'), "a.gz", 1000).size() == 166);
    REQUIRE_THROWS_WITH(newsindex::gunzip(whole + "trailing junk", "a.gz", 1000),
                        Catch::Contains("13 bytes of trailing data"));
}

TEST_CASE("files that cannot be read give one clear error naming them", "[reader][bad-input]") {
    TempDir dir;
    const auto& d = dir.path();
    write_file(d / "empty.txt", "");
    write_file(d / "blank.txt", " \n\t\n");
    write_file(d / "nul.txt", std::string("text\0more", 9));
    write_file(d / "controls.txt", std::string(100, '\x01'));
    write_file(d / "empty.json", "[]");
    write_file(d / "empty-lines.jsonl", "\n\n");
    write_file(d / "plain.txt", "Title\n\nBody\n");
    std::filesystem::create_symlink(d / "missing-target.txt", d / "broken-link.txt");
    std::filesystem::create_directory(d / "folder.txt");
    REQUIRE(::mkfifo((d / "fifo.txt").c_str(), 0600) == 0);

    auto [name, problem] = GENERATE(table<std::string, std::string>({
        {"missing.txt", "no such file"},
        {"broken-link.txt", "broken symbolic link"},
        {"folder.txt", "is a directory"},
        // Opening a FIFO neither blocks nor reads it.
        {"fifo.txt", "not a regular file (a pipe, device or socket)"},
        {"plain.txt/child.txt", "cannot open for reading: Not a directory"},
        {"empty.txt", "empty file"},
        {"blank.txt", "empty file: no text"},
        {"nul.txt", "looks binary (contains a NUL byte), not a text article"},
        {"controls.txt", "looks binary (control characters), not a text article"},
        {"empty.json", "no article found"},
        {"empty-lines.jsonl", "empty file: no text"},
        {"../../no/such/dir/x.txt", "no such file"},
    }));
    const std::string path = (d / name).string();
    CAPTURE(path);
    REQUIRE_THROWS_AS(read_file(path), InputError);
    REQUIRE_THROWS_WITH(read_file(path), path + ": " + problem);
}

TEST_CASE("truncated and corrupt gzip files are refused", "[reader][bad-input][gzip]") {
    auto [fixture, problem] = GENERATE(table<std::string, std::string>({
        {"gzip/truncated.txt.gz", "truncated gzip"},
        {"gzip/corrupt.txt.gz", "corrupt gzip: invalid bit length repeat"},
    }));
    const std::string path = fixture_path(fixture);
    REQUIRE_THROWS_WITH(read_file(path), path + ": " + problem);
}

TEST_CASE("an unreadable file is refused", "[reader][bad-input]") {
    if (::geteuid() == 0) return;  // root reads everything; nothing to test
    TempDir dir;
    const auto path = dir.path() / "secret.txt";
    write_file(path, "Title\n\nBody\n");
    std::filesystem::permissions(path, std::filesystem::perms::none);
    REQUIRE_THROWS_WITH(read_file(path.string()),
                        path.string() + ": cannot open for reading: Permission denied");
}

TEST_CASE("files over the size limit are refused before they are read", "[reader][bad-input]") {
    TempDir dir;
    // A sparse file: 300 MB long, no disk blocks, not worth reading.
    const auto big = dir.path() / "big.txt";
    {
        const int fd = ::open(big.c_str(), O_WRONLY | O_CREAT, 0600);
        REQUIRE(fd >= 0);
        REQUIRE(::ftruncate(fd, 300LL << 20) == 0);
        ::close(fd);
    }
    REQUIRE_THROWS_WITH(read_file(big.string()),
                        big.string() + ": larger than the limit of 256 MiB (314572800 bytes)");

    ReadOptions small;
    small.max_file_bytes = 100;
    const std::string plain = fixture_path("plaintext/two-authors.txt");
    REQUIRE_THROWS_WITH(read_file(plain, small),
                        plain + ": larger than the limit of 100 bytes (235 bytes)");
    // The limit holds after gunzip too, so a small file cannot expand without bound.
    small.max_file_bytes = 150;
    const std::string gz = fixture_path("gzip/article.txt.gz");
    REQUIRE_THROWS_WITH(read_file(gz, small),
                        gz + ": larger than the limit of 150 bytes when decompressed");
}
