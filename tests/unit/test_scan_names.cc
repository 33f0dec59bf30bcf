// Which files a directory scan reads: by name (known extensions), by content (no extension,
// Maildir names) or not at all; and which first bytes pass for text.
#include <catch2/catch.hpp>
#include <string>

#include "formats/reader.h"
#include "scan.h"

using newsindex::looks_like_text_file;
using newsindex::indexer::classify_file_name;
using newsindex::indexer::NameKind;

TEST_CASE("classify_file_name: by extension, by content, other, ignored", "[scan]") {
    auto [name, kind] = GENERATE(table<std::string, NameKind>({
        {"story.txt", NameKind::Article},
        {"story.TXT.gz", NameKind::Article},
        {"feed.jsonl", NameKind::Article},
        {"post.eml", NameKind::Article},
        {"59497", NameKind::ByContent},  // 20 Newsgroups
        {"59497.gz", NameKind::ByContent},
        {"lighthouse-story", NameKind::ByContent},
        {"1700000000.M12P34.mail.example.org", NameKind::ByContent},      // Maildir new/
        {"1700000000.M12P34.mail.example.org:2,S", NameKind::ByContent},  // Maildir cur/
        {"host.example.org:2,RS", NameKind::ByContent},
        {"photo.jpg", NameKind::Other},
        {"report.pdf", NameKind::Other},
        {"2022.03.report", NameKind::Other},  // digits then a dot, but too few for a time
        {"archive.tar.gz", NameKind::Other},
        {"README", NameKind::Ignored},
        {"readme.txt", NameKind::Ignored},
        {"LICENSE", NameKind::Ignored},
    }));
    CAPTURE(name);
    CHECK(classify_file_name(name) == kind);
}

TEST_CASE("looks_like_text_file: text formats pass, binary and blank do not", "[scan]") {
    using namespace std::string_literals;
    auto [what, bytes, text] = GENERATE(table<std::string, std::string, bool>({
        {"plain text", "A harbour story.\n\nBy Ann Lee\n", true},
        {"mail headers", "From: a@example.org\nSubject: Tides\n\nBody.\n", true},
        {"Latin-1 text", "Caf\xe9 au port.\n", true},
        {"UTF-8 with BOM", "\xEF\xBB\xBFHarbour\n", true},
        {"empty", "", false},
        {"blank", " \n\t\n", false},
        {"NUL byte", "text\0more"s, false},
        {"controls", "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f", false},
        {"UTF-16 with a byte-order mark (decoded first)", "\xFF\xFEh\0i\0"s, true},
        {"UTF-16 of control characters", "\xFF\xFE\x01\0\x02\0\x03\0\x04\0"s, false},
        {"PDF", "%PDF-1.7\n%text-like header\n", false},
        {"PNG", "\x89PNG\r\n\x1a\n", false},
        {"JPEG", "\xFF\xD8\xFF\xE0", false},
        {"GIF", "GIF89a harbour", false},
        {"ZIP", "PK\x03\x04", false},
    }));
    CAPTURE(what);
    CHECK(looks_like_text_file(bytes) == text);
}
