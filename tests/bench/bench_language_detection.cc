// Language detection (text::detect_language) against the languages web pages declare: for every
// page of a set in the layout of ../shared/data/web-pages (evaldata.json naming the files in
// pages/) whose <html lang> names a language, the main text is extracted as the indexer does
// (title, then body) and detected, whole and cut to its first 200 characters (short articles
// exist). A page counts as agreeing when the detected primary subtag is the declared one; a
// detection of "" (unsure) counts against. Prints the agreement overall and per declared
// language (agree%, unsure%; agree200 and unsure for the first 200 characters), and the speed
// of detection on one core.
//
//   bench_language_detection --pages DIR [--errors N]
//
// --errors N lists the first N pages whose whole text disagrees: file, declared, detected.
// Exit status 77 (ctest's skip) when DIR holds no evaldata.json, 2 on a bad command line.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "errors.h"
#include "formats/gzip.h"
#include "formats/reader.h"
#include "text/detect_language.h"
#include "text/language.h"

namespace fs = std::filesystem;
using namespace newsindex;

namespace {

constexpr std::size_t kShortChars = 200;

struct Tally {
    std::size_t pages = 0, agree = 0, unsure = 0, agree_short = 0, unsure_short = 0;
    void add(const Tally& other) {
        pages += other.pages;
        agree += other.agree;
        unsure += other.unsure;
        agree_short += other.agree_short;
        unsure_short += other.unsure_short;
    }
};

// The value of the lang attribute of <html ...> among the first 64 KiB, as its primary
// subtag (text::primary_language); "" when the page declares none.
std::string declared_language(const std::string& html) {
    std::string head = html.substr(0, 65536);
    std::transform(head.begin(), head.end(), head.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::size_t tag = head.find("<html");
    if (tag == std::string::npos) return "";
    const std::size_t end = head.find('>', tag);
    std::string attributes = head.substr(tag, end == std::string::npos ? 0 : end - tag);
    std::replace_if(
        attributes.begin(), attributes.end(), [](unsigned char c) { return std::isspace(c); }, ' ');
    std::size_t at = attributes.find(" lang=");
    if (at == std::string::npos) return "";
    at += 6;
    char quote = ' ';
    if (at < attributes.size() && (attributes[at] == '"' || attributes[at] == '\''))
        quote = attributes[at++];
    const std::size_t stop = attributes.find(quote, at);
    return text::primary_language(
        attributes.substr(at, stop == std::string::npos ? std::string::npos : stop - at));
}

// The first n characters of valid UTF-8 text.
std::string first_characters(const std::string& text, std::size_t n) {
    std::size_t at = 0;
    for (std::size_t count = 0; at < text.size() && count < n; ++count) {
        ++at;
        while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    }
    return text.substr(0, at);
}

double percent(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

void print_row(const std::string& name, const Tally& t) {
    std::printf("%-8s %5zu  %9.1f %7.1f   %9.1f %7.1f\n", name.c_str(), t.pages,
                percent(t.agree, t.pages), percent(t.unsure, t.pages),
                percent(t.agree_short, t.pages), percent(t.unsure_short, t.pages));
}

}  // namespace

int main(int argc, char** argv) {
    fs::path pages;
    std::size_t show_errors = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--pages" && i + 1 < argc)
            pages = argv[++i];
        else if (arg == "--errors" && i + 1 < argc)
            show_errors = std::stoul(argv[++i]);
        else {
            std::cerr << "usage: bench_language_detection --pages DIR [--errors N]\n";
            return 2;
        }
    }
    if (pages.empty() || !fs::exists(pages / "evaldata.json")) {
        std::cerr << "bench_language_detection: skipped: no evaldata.json in '" << pages.string()
                  << "' (the web-pages set is in ../shared/data/web-pages)\n";
        return 77;
    }
    nlohmann::json evaldata;
    try {
        std::ifstream in(pages / "evaldata.json");
        in >> evaldata;
    } catch (const std::exception& e) {
        std::cerr << "bench_language_detection: " << (pages / "evaldata.json").string() << ": "
                  << e.what() << '\n';
        return 2;
    }
    std::map<std::string, Tally> by_language;
    std::size_t undeclared = 0, errors_shown = 0;
    double cpu_seconds = 0, bytes_given = 0, bytes_read = 0;
    for (const auto& [url, entry] : evaldata.items()) {
        const std::string name = entry.value("file", "");
        fs::path file = pages / "pages" / (name + ".gz");
        if (!fs::exists(file)) file = pages / "pages" / name;
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::cerr << "bench_language_detection: missing page " << file.string() << '\n';
            continue;
        }
        std::stringstream raw;
        raw << in.rdbuf();
        std::string html = raw.str();
        try {
            if (is_gzip(html)) html = gunzip(html, file.string(), 256u << 20);
        } catch (const InputError& e) {
            std::cerr << "bench_language_detection: " << e.what() << '\n';
            continue;
        }
        const std::string declared = declared_language(html);
        if (declared.empty()) {
            ++undeclared;
            continue;
        }
        std::string text;  // of the first article; a page without one has none to detect
        try {
            read_articles(
                html, file.string(), Format::Html, {},
                [&](Article&& article) {
                    if (text.empty()) text = article.title + "\n" + article.body;
                },
                [](const InputError&) {});
        } catch (const InputError&) {
        }
        const std::clock_t start = std::clock();
        const std::string detected = text::detect_language(text);
        cpu_seconds += static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
        bytes_given += static_cast<double>(text.size());
        bytes_read += static_cast<double>(std::min(text.size(), text::kDetectLanguagePrefixBytes));
        const std::string detected_short =
            text::detect_language(first_characters(text, kShortChars));
        Tally& t = by_language[declared];
        ++t.pages;
        if (detected == declared) ++t.agree;
        if (detected.empty()) ++t.unsure;
        if (detected_short == declared) ++t.agree_short;
        if (detected_short.empty()) ++t.unsure_short;
        if (detected != declared && errors_shown < show_errors) {
            std::printf("DISAGREES %s\tdeclared %s\tdetected %s\n", name.c_str(), declared.c_str(),
                        detected.empty() ? "(unsure)" : detected.c_str());
            ++errors_shown;
        }
    }
    std::printf("%-8s %5s  %9s %7s   %9s %7s\n", "declared", "pages", "agree%", "unsure%",
                "agree200", "unsure");
    Tally all, others;
    for (const auto& [language, tally] : by_language) {
        if (tally.pages >= 5)
            print_row(language, tally);
        else
            others.add(tally);
        all.add(tally);
    }
    if (others.pages > 0) print_row("(others)", others);
    print_row("all", all);
    // CPU time is the measure per core: on a shared machine the elapsed time also counts the
    // time other programs held the core. Only the first kDetectLanguagePrefixBytes of a text
    // are read, so both rates are given.
    std::printf(
        "%zu pages declare no language; detection of the whole texts: %.2f MB given (%.2f MB "
        "read) in %.3f s of CPU: %.1f MB/s given, %.1f MB/s read, per core\n",
        undeclared, bytes_given / 1e6, bytes_read / 1e6, cpu_seconds,
        cpu_seconds > 0 ? bytes_given / 1e6 / cpu_seconds : 0.0,
        cpu_seconds > 0 ? bytes_read / 1e6 / cpu_seconds : 0.0);
    return 0;
}
