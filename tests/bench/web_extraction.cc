// Main-text extraction quality on saved web pages, by the measure of the web-pages set
// (../shared/data/web-pages/SOURCES.md): for every page, snippets that belong to the main text
// ("with") and boilerplate snippets ("without"), looked for in the extracted text after white
// space is collapsed. Counted over all pages: a "with" snippet found is a true positive, one
// missed a false negative, a "without" snippet found a false positive, one absent a true
// negative. Prints precision, recall, F1 and accuracy overall and per page language (<html
// lang>, its primary subtag), and the speed of decoding plus extraction in MB/s on one core.
//
//   bench_web_extraction --pages DIR [--with-title] [--errors N] [--half even|odd] [--worst N]
//
// --half keeps the pages whose index in evaldata.json's key order is even (or odd): tune on
// one half, check that the other moves the same way. --worst N lists the N pages with the
// most wrong snippets (missed plus boilerplate found), with their counts.
// DIR holds evaldata.json and pages/ (gzipped or plain HTML files named in evaldata.json).
// The extracted text is the stored body (with --with-title: the title, then the body).
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "errors.h"
#include "formats/gzip.h"
#include "formats/reader.h"

namespace fs = std::filesystem;
using namespace newsindex;

namespace {

struct Counts {
    double tp = 0, fn = 0, fp = 0, tn = 0;
    std::size_t pages = 0;
    void add(const Counts& other) {
        tp += other.tp;
        fn += other.fn;
        fp += other.fp;
        tn += other.tn;
        pages += other.pages;
    }
    double precision() const { return tp + fp == 0 ? 0 : tp / (tp + fp); }
    double recall() const { return tp + fn == 0 ? 0 : tp / (tp + fn); }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
    double accuracy() const {
        const double all = tp + fn + fp + tn;
        return all == 0 ? 0 : (tp + tn) / all;
    }
};

// Runs of white space as one space, trimmed.
std::string collapse_space(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// The primary language subtag of <html lang="..."> among the first 64 KiB, lower case;
// "?" when the page gives none.
std::string page_language(const std::string& html) {
    std::string head = html.substr(0, 65536);
    std::transform(head.begin(), head.end(), head.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::size_t tag = head.find("<html");
    if (tag == std::string::npos) return "?";
    const std::size_t end = head.find('>', tag);
    const std::string attributes = head.substr(tag, end == std::string::npos ? 0 : end - tag);
    std::size_t at = attributes.find(" lang=");
    if (at == std::string::npos) at = attributes.find("\nlang=");
    if (at == std::string::npos) return "?";
    at += 6;
    if (at < attributes.size() && (attributes[at] == '"' || attributes[at] == '\'')) ++at;
    std::string language;
    while (at < attributes.size() && std::isalpha(static_cast<unsigned char>(attributes[at])))
        language += attributes[at++];
    return language.empty() ? "?" : language;
}

void print_row(const std::string& name, const Counts& c) {
    std::printf("%-8s %5zu  %9.3f %6.3f %6.3f %8.3f\n", name.c_str(), c.pages, c.precision(),
                c.recall(), c.f1(), c.accuracy());
}

}  // namespace

int main(int argc, char** argv) {
    fs::path pages;
    bool with_title = false;
    std::size_t show_errors = 0, worst = 0;
    int half = -1;  // 0: even pages only, 1: odd pages only
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--pages" && i + 1 < argc)
            pages = argv[++i];
        else if (arg == "--with-title")
            with_title = true;
        else if (arg == "--errors" && i + 1 < argc)
            show_errors = std::stoul(argv[++i]);
        else if (arg == "--worst" && i + 1 < argc)
            worst = std::stoul(argv[++i]);
        else if (arg == "--half" && i + 1 < argc &&
                 (std::string(argv[i + 1]) == "even" || std::string(argv[i + 1]) == "odd"))
            half = std::string(argv[++i]) == "even" ? 0 : 1;
        else {
            std::cerr << "usage: bench_web_extraction --pages DIR [--with-title] [--errors N] "
                         "[--half even|odd] [--worst N]\n";
            return 2;
        }
    }
    if (pages.empty() || !fs::exists(pages / "evaldata.json")) {
        std::cerr << "bench_web_extraction: no evaldata.json in '" << pages.string()
                  << "' (the web-pages set is in ../shared/data/web-pages)\n";
        return 2;
    }
    nlohmann::json evaldata;
    try {
        std::ifstream in(pages / "evaldata.json");
        in >> evaldata;
    } catch (const std::exception& e) {
        std::cerr << "bench_web_extraction: " << (pages / "evaldata.json").string() << ": "
                  << e.what() << '\n';
        return 2;
    }
    std::map<std::string, Counts> by_language;
    Counts total;
    double seconds = 0, cpu_seconds = 0, bytes = 0;
    std::size_t failed = 0, errors_shown = 0, index = 0;
    std::vector<std::pair<double, std::string>> wrong;  // (wrong snippets, page) for --worst
    for (const auto& [url, entry] : evaldata.items()) {
        if (half >= 0 && static_cast<int>(index++ % 2) != half) continue;
        const std::string name = entry.value("file", "");
        fs::path file = pages / "pages" / (name + ".gz");
        if (!fs::exists(file)) file = pages / "pages" / name;
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::cerr << "bench_web_extraction: missing page " << file.string() << '\n';
            ++failed;
            continue;
        }
        std::stringstream raw;
        raw << in.rdbuf();
        std::string html = raw.str();
        if (is_gzip(html)) html = gunzip(html, file.string(), 256u << 20);
        std::string extracted;
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpu_start = std::clock();
        try {
            read_articles(
                html, file.string(), Format::Html, {},
                [&](Article&& article) {
                    extracted = with_title ? article.title + "\n" + article.body : article.body;
                },
                [](const InputError&) {});
        } catch (const InputError&) {
            ++failed;  // nothing extracted: every "with" snippet is missed
        }
        cpu_seconds += static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        bytes += static_cast<double>(html.size());
        const std::string text = collapse_space(extracted);
        Counts page;
        page.pages = 1;
        for (const auto& snippet : entry.value("with", nlohmann::json::array())) {
            if (!snippet.is_string()) continue;
            const bool found =
                text.find(collapse_space(snippet.get<std::string>())) != std::string::npos;
            (found ? page.tp : page.fn) += 1;
            if (!found && errors_shown < show_errors) {
                std::printf("MISSED %s\t%s\n", name.c_str(), snippet.get<std::string>().c_str());
                ++errors_shown;
            }
        }
        for (const auto& snippet : entry.value("without", nlohmann::json::array())) {
            if (!snippet.is_string()) continue;
            const bool found =
                text.find(collapse_space(snippet.get<std::string>())) != std::string::npos;
            (found ? page.fp : page.tn) += 1;
            if (found && errors_shown < show_errors) {
                std::printf("BOILERPLATE %s\t%s\n", name.c_str(),
                            snippet.get<std::string>().c_str());
                ++errors_shown;
            }
        }
        if (page.fn + page.fp > 0)
            wrong.emplace_back(page.fn + page.fp,
                               name + "\tmissed " + std::to_string(int(page.fn)) + "/" +
                                   std::to_string(int(page.tp + page.fn)) + "\tboilerplate " +
                                   std::to_string(int(page.fp)) + "/" +
                                   std::to_string(int(page.fp + page.tn)));
        by_language[page_language(html)].add(page);
        total.add(page);
    }
    std::stable_sort(wrong.begin(), wrong.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; i < worst && i < wrong.size(); ++i)
        std::printf("WORST %s\n", wrong[i].second.c_str());
    std::printf("%-8s %5s  %9s %6s %6s %8s\n", "language", "pages", "precision", "recall", "F1",
                "accuracy");
    for (const auto& [language, counts] : by_language)
        if (counts.pages >= 5) print_row(language, counts);
    Counts others;
    for (const auto& [language, counts] : by_language)
        if (counts.pages < 5) others.add(counts);
    if (others.pages > 0) print_row("(others)", others);
    print_row("all", total);
    // CPU time is the measure per core: on a shared machine the elapsed time also counts
    // the time other programs held the core.
    std::printf(
        "%zu pages without an extracted article; %.1f MB of HTML in %.2f s of CPU "
        "(%.2f s elapsed): %.1f MB/s per core (decoding and extraction)\n",
        failed, bytes / 1e6, cpu_seconds, seconds,
        cpu_seconds > 0 ? bytes / 1e6 / cpu_seconds : 0.0);
    return 0;
}
