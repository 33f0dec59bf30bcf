// Converts the Reuters-21578 SGML distribution into one plain-text article per story, in the
// format of docs/formats.md: the fixed reference corpus of the benchmarks. Files go to
// OUT/NNN/NEWID.txt (a folder per thousand). The collection itself stays outside the project.
//
//   bench_reuters_convert --from ../shared/data/reuters21578 --to /tmp/reuters
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

// The text between <tag> and </tag> after position from, or empty.
std::string element(const std::string& story, const std::string& tag) {
    const std::string open = "<" + tag + ">", close = "</" + tag + ">";
    const std::size_t start = story.find(open);
    if (start == std::string::npos) return {};
    const std::size_t end = story.find(close, start);
    if (end == std::string::npos) return {};
    return story.substr(start + open.size(), end - start - open.size());
}

// SGML character references: the named three, and numeric ones, which in this collection are
// control characters of the wire format (dropped).
std::string decode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '&') {
            const std::size_t semi = text.find(';', i);
            if (semi != std::string::npos && semi - i <= 6) {
                const std::string name = text.substr(i + 1, semi - i - 1);
                if (name == "lt")
                    out += '<';
                else if (name == "gt")
                    out += '>';
                else if (name == "amp")
                    out += '&';
                else if (name.empty() || name[0] != '#')
                    out += text.substr(i, semi - i + 1);
                i = semi;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// Reuters marks a new paragraph by indenting its first line; the article format by a blank
// line.
std::string paragraphs(const std::string& body) {
    std::istringstream lines(body);
    std::string line, out;
    while (std::getline(lines, line)) {
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !out.empty()) out += "\n";
        const std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string::npos) out += line.substr(first) + "\n";
    }
    return out;
}

std::string one_line(std::string text) {
    for (char& c : text) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    const std::size_t first = text.find_first_not_of(' ');
    return first == std::string::npos ? std::string()
                                      : text.substr(first, text.find_last_not_of(' ') - first + 1);
}

}  // namespace

int main(int argc, char** argv) {
    fs::path from, to;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--from")
            from = argv[i + 1];
        else if (arg == "--to")
            to = argv[i + 1];
    }
    if (from.empty() || to.empty()) {
        std::cerr << "usage: bench_reuters_convert --from REUTERS21578_DIR --to OUT_DIR\n";
        return 2;
    }
    std::size_t written = 0, bytes = 0;
    for (int part = 0; part <= 21; ++part) {
        char name[32];
        std::snprintf(name, sizeof name, "reut2-%03d.sgm", part);
        std::ifstream in(from / name, std::ios::binary);
        if (!in) {
            std::cerr << "bench_reuters_convert: cannot read " << (from / name) << '\n';
            return 1;
        }
        std::stringstream whole;
        whole << in.rdbuf();
        const std::string sgml = whole.str();
        for (std::size_t pos = sgml.find("<REUTERS"); pos != std::string::npos;) {
            const std::size_t end = sgml.find("</REUTERS>", pos);
            if (end == std::string::npos) break;
            const std::string story = sgml.substr(pos, end - pos);
            pos = sgml.find("<REUTERS", end);
            const std::size_t id_at = story.find("NEWID=\"");
            if (id_at == std::string::npos) continue;
            const std::string id = story.substr(id_at + 7, story.find('"', id_at + 7) - id_at - 7);
            std::string title = one_line(decode(element(story, "TITLE")));
            std::string body = paragraphs(decode(element(story, "BODY")));
            if (body.empty())
                body = paragraphs(decode(element(story, "TEXT")));  // unprocessed stories
            if (title.empty()) title = "Reuters story " + id;
            // Some DATE elements end in control codes and a desk code ("27-MAR-1987
            // 00:02:59.13&#5;&#5;&#5;RM"): cut there, or the line is no date for the reader and
            // stays in the body.
            std::string date = element(story, "DATE");
            date = date.substr(0, date.find("&#"));
            const fs::path folder = to / std::to_string(std::stoi(id) / 1000);
            fs::create_directories(folder);
            std::ofstream out(folder / (id + ".txt"), std::ios::binary);
            const std::string article = title + "\n\nBy [Reuters](#)\n\n" +
                                        one_line(date) + "\n\n" +
                                        one_line(decode(element(story, "DATELINE"))) + " " + body;
            out << article;
            bytes += article.size();
            ++written;
        }
    }
    std::cout << "bench_reuters_convert: " << written << " articles, " << bytes / (1024 * 1024)
              << " MiB, in " << to << '\n';
    return 0;
}
