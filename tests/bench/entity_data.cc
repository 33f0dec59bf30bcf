#include "entity_data.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "formats/plaintext.h"

namespace newsindex::bench {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t at = 0;
    while (true) {
        const std::size_t tab = line.find('\t', at);
        fields.push_back(line.substr(at, tab == std::string::npos ? std::string::npos : tab - at));
        if (tab == std::string::npos) break;
        at = tab + 1;
    }
    return fields;
}

// The type's position in kEntityTypes (the model's type numbers), or -1 for no type.
int type_number(const std::string& type) {
    const std::optional<EntityType> known = entity_type_from_name(type);
    return known ? static_cast<int>(*known) : -1;
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void append_utf8(std::string* out, unsigned long cp) {
    if (cp < 0x80) {
        *out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        *out += static_cast<char>(0xC0 | (cp >> 6));
        *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *out += static_cast<char>(0xE0 | (cp >> 12));
        *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        *out += static_cast<char>(0xF0 | (cp >> 18));
        *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Reuters SGML text: &lt; &gt; &amp; and &#N; as their characters.
std::string decode_sgml(const std::string& raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '&') {
            const std::size_t semi = raw.find(';', i);
            if (semi != std::string::npos && semi - i <= 8) {
                const std::string name = raw.substr(i + 1, semi - i - 1);
                if (name == "lt" || name == "gt" || name == "amp") {
                    out += name == "lt" ? '<' : name == "gt" ? '>' : '&';
                    i = semi;
                    continue;
                }
                if (name.size() > 1 && name[0] == '#' &&
                    std::all_of(name.begin() + 1, name.end(), ::isdigit)) {
                    append_utf8(&out, std::stoul(name.substr(1)));
                    i = semi;
                    continue;
                }
            }
        }
        out += raw[i];
    }
    return out;
}

std::string to_lower_ascii(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// The text of the <DATELINE> element just before a Reuters-21578 body starting at `start`
// ("NEW YORK, Feb 26 -"), trimmed; "" when there is none.
std::string reuters_dateline(const std::string& bytes, std::size_t start) {
    static const std::string kClose = "</DATELINE><BODY>", kOpen = "<DATELINE>";
    if (start < kClose.size() || bytes.compare(start - kClose.size(), kClose.size(), kClose) != 0)
        return "";
    const std::size_t end = start - kClose.size();
    const std::size_t open = bytes.rfind(kOpen, end);
    if (open == std::string::npos || end - open > 200) return "";
    std::string text = decode_sgml(bytes.substr(open + kOpen.size(), end - open - kOpen.size()));
    const auto first = text.find_first_not_of(" \t\n");
    const auto last = text.find_last_not_of(" \t\n");
    return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

// The sign-off after a Reuters-21578 body annotated up to `end` ("Reuter", "REUTER"), the
// only word between there and the element's end; "" when there is none.
std::string reuters_signoff(const std::string& bytes, std::size_t end) {
    const std::size_t close = bytes.find("</BODY>", end);
    if (close == std::string::npos || close - end > 40) return "";
    std::string tail = bytes.substr(end, close - end);
    const std::size_t codes = tail.find("&#");
    if (codes != std::string::npos) tail.erase(codes);
    const auto first = tail.find_first_not_of(" \t\n");
    if (first == std::string::npos) return "";
    const auto last = tail.find_last_not_of(" \t\n");
    const std::string word = tail.substr(first, last - first + 1);
    return to_lower_ascii(word).rfind("reuter", 0) == 0 && word.find(' ') == std::string::npos
               ? word
               : "";
}

// Puts the dateline before the body, the spans after it, and its places as places, as the
// guidelines have them: each part before the date, between commas ("NEW YORK", "SANTA
// MONICA", "Calif.", "HAILEY", "Idaho").
void add_dateline(const std::string& dateline, entities::TrainingDocument* document) {
    const std::string prefix = dateline + " ";
    document->body = prefix + document->body;
    for (entities::Span& span : document->spans[1]) {
        span.begin += prefix.size();
        span.end += prefix.size();
    }
    std::vector<entities::Span> places;
    std::size_t at = 0;
    for (std::size_t comma = dateline.find(','); comma != std::string::npos;
         comma = dateline.find(',', at)) {
        // The part [at, comma), without the spaces around it.
        std::size_t begin = at, end = comma;
        while (begin < end && dateline[begin] == ' ') ++begin;
        while (end > begin && dateline[end - 1] == ' ') --end;
        bool name = begin < end && dateline[begin] >= 'A' && dateline[begin] <= 'Z';
        for (std::size_t k = begin; k < end && name; ++k) {
            const char c = dateline[k];
            name = std::isalpha(static_cast<unsigned char>(c)) || c == ' ' || c == '.' ||
                   c == '-' || c == '\'';
        }
        if (!name) break;  // the date, or something else: no more places
        entities::Span place;
        place.begin = begin;
        place.end = end;
        place.type = 2;  // place
        places.push_back(place);
        at = comma + 1;
    }
    document->spans[1].insert(document->spans[1].begin(), places.begin(), places.end());
}

}  // namespace

std::vector<AnnotatedArticle> load_news(const fs::path& annotations, const fs::path& data) {
    std::vector<AnnotatedArticle> articles;
    std::unordered_map<std::string, std::size_t> by_id;
    std::unordered_map<std::string, std::string> files;  // path -> contents, read once
    const fs::path documents_file = annotations / "documents.tsv";
    std::ifstream documents(documents_file);
    if (!documents) {
        std::cerr << documents_file.string() << ": cannot open\n";
        return articles;
    }
    std::string line;
    std::size_t number = 0;
    std::set<std::string> broken;
    // Article -> the Reuters dateline and sign-off around its annotated body.
    std::unordered_map<std::size_t, std::string> datelines, signoffs;
    while (std::getline(documents, line)) {
        ++number;
        const auto f = split_tabs(line);
        auto bad = [&](const std::string& why) {
            std::cerr << documents_file.string() << ":" << number << ": " << why << "\n";
            broken.insert(f[0]);
        };
        if (f.size() != 7 || (f[2] != "title" && f[2] != "body")) {
            bad("expected doc_id path title|body start end decode split");
            continue;
        }
        auto [slot, inserted] = by_id.emplace(f[0], articles.size());
        if (inserted) {
            articles.emplace_back();
            articles.back().document.id = f[0];
            articles.back().split = f[6];
        }
        auto found = files.find(f[1]);
        if (found == files.end()) {
            const fs::path file = data / f[1];
            std::error_code error;
            if (!fs::is_regular_file(file, error)) {
                bad(file.string() + ": missing");
                continue;
            }
            found = files.emplace(f[1], read_file(file)).first;
        }
        const std::string& bytes = found->second;
        std::size_t start = 0, end = 0;
        try {
            start = std::stoul(f[3]);
            end = std::stoul(f[4]);
        } catch (const std::exception&) {
            bad("bad offsets");
            continue;
        }
        if (start > end || end > bytes.size()) {
            bad("offsets outside " + f[1]);
            continue;
        }
        std::string text = bytes.substr(start, end - start);
        if (f[5] == "sgml") {
            text = decode_sgml(text);
        } else if (f[5] == "json") {
            const auto value = nlohmann::json::parse(text, nullptr, false);
            if (!value.is_string()) {
                bad("not a JSON string");
                continue;
            }
            text = value.get<std::string>();
        } else if (f[5] != "raw") {
            bad("unknown decode " + f[5]);
            continue;
        }
        (f[2] == "title" ? articles[slot->second].document.title
                         : articles[slot->second].document.body) = text;
        if (f[2] == "body" && f[5] == "sgml") {
            datelines[slot->second] = reuters_dateline(bytes, start);
            signoffs[slot->second] = reuters_signoff(bytes, end);
        }
    }
    const fs::path mentions_file = annotations / "mentions.tsv";
    std::ifstream mentions(mentions_file);
    number = 0;
    while (std::getline(mentions, line)) {
        ++number;
        const auto f = split_tabs(line);
        const auto slot = f.size() == 5 ? by_id.find(f[0]) : by_id.end();
        const int type = f.size() == 5 ? type_number(f[4]) : -1;
        if (slot == by_id.end() || type < 0 || (f[1] != "title" && f[1] != "body")) {
            std::cerr << mentions_file.string() << ":" << number
                      << ": expected doc_id title|body start end type of a listed document\n";
            continue;
        }
        auto& document = articles[slot->second].document;
        const int s = f[1] == "title" ? 0 : 1;
        entities::Span span;
        span.begin = std::stoul(f[2]);
        span.end = std::stoul(f[3]);
        span.type = type;
        const std::string& text = s == 0 ? document.title : document.body;
        if (span.begin >= span.end || span.end > text.size()) {
            std::cerr << mentions_file.string() << ":" << number << ": offsets outside the text\n";
            continue;
        }
        document.spans[s].push_back(span);
    }
    // The training articles' datelines and sign-offs, as the indexer reads Reuters (a
    // converted story's body starts "NEW YORK, Feb 26 - " and ends with a line "Reuter"):
    // without them the model never sees one, and takes "BOSTON" of "BOSTON, March 2 - Oper
    // shr" for an organisation and the sign-off for a person. The test split is left as
    // annotated, so that its figures compare with earlier ones.
    for (const auto& [index, dateline] : datelines) {
        AnnotatedArticle& a = articles[index];
        if (a.split != "train") continue;
        if (!dateline.empty()) add_dateline(dateline, &a.document);
        if (const std::string& signoff = signoffs[index]; !signoff.empty())
            a.document.body += "\n\n" + signoff + "\n";
    }
    articles.erase(
        std::remove_if(articles.begin(), articles.end(),
                       [&](const AnnotatedArticle& a) { return broken.count(a.document.id) > 0; }),
        articles.end());
    return articles;
}

std::vector<AnnotatedArticle> load_gold(const fs::path& directory, std::size_t* unplaced) {
    std::vector<fs::path> files;
    std::error_code error;
    for (fs::directory_iterator it(directory, error), end; !error && it != end;
         it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (it->path().extension() == ".txt" && name.find('.') == name.size() - 4)
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    std::vector<AnnotatedArticle> articles;
    for (const fs::path& file : files) {
        const Article article = read_plaintext_article(read_file(file), file.string());
        AnnotatedArticle a;
        a.split = "gold";
        a.document.id = file.stem().string();
        a.document.title = article.title;
        a.document.body = article.body;
        std::ifstream tsv(fs::path(file).replace_extension(".entities.tsv"));
        std::string line;
        std::size_t from[2] = {0, 0};
        int segment = 0;
        while (std::getline(tsv, line)) {
            const auto f = split_tabs(line);
            if (f.size() < 2 || type_number(f[1]) < 0) continue;
            bool placed = false;
            for (int s = segment; s < 2 && !placed; ++s) {
                const std::string& text = s == 0 ? a.document.title : a.document.body;
                for (std::size_t at = text.find(f[0], from[s]); at != std::string::npos;
                     at = text.find(f[0], at + 1)) {
                    auto word = [&](std::size_t k) {
                        return k < text.size() &&
                               (std::isalnum(static_cast<unsigned char>(text[k])) ||
                                (text[k] & 0x80));
                    };
                    if ((at > 0 && word(at - 1)) || word(at + f[0].size())) continue;
                    a.document.spans[s].push_back({at, at + f[0].size(), type_number(f[1])});
                    from[s] = at + f[0].size();
                    segment = s;
                    placed = true;
                    break;
                }
            }
            if (!placed && unplaced) ++*unplaced;
        }
        articles.push_back(std::move(a));
    }
    return articles;
}

void add_to_score(const entities::TrainingDocument& gold,
                  const std::vector<entities::Mention>& found, bool errors, Score* score) {
    static const char* const kTypes[] = {"person", "org", "place", "other"};
    std::set<std::pair<std::string, std::string>> expected, got;
    auto collapse = [](const std::string& text) {
        std::string out;
        bool space = false;
        for (const char c : text) {
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                space = !out.empty();
                continue;
            }
            if (space) out += ' ';
            space = false;
            out += c;
        }
        return out;
    };
    for (int s = 0; s < 2; ++s) {
        const std::string& text = s == 0 ? gold.title : gold.body;
        for (const auto& span : gold.spans[s])
            expected.insert(
                {kTypes[span.type], collapse(text.substr(span.begin, span.end - span.begin))});
    }
    for (const auto& m : found) got.insert({entity_type_name(m.type), m.surface});
    for (const auto& item : got) {
        const bool hit = expected.count(item) > 0;
        Counts& c = score->per_type[item.first];
        (hit ? c.tp : c.fp) += 1;
        if (item.first != "other") (hit ? score->typed.tp : score->typed.fp) += 1;
        if (!hit && errors)
            std::printf("FP\t%s\t%s\t%s\n", gold.id.c_str(), item.second.c_str(),
                        item.first.c_str());
    }
    for (const auto& item : expected) {
        if (got.count(item)) continue;
        score->per_type[item.first].fn += 1;
        if (item.first != "other") score->typed.fn += 1;
        if (errors)
            std::printf("FN\t%s\t%s\t%s\n", gold.id.c_str(), item.second.c_str(),
                        item.first.c_str());
    }
}

void print_score(const std::string& heading, const Score& score) {
    std::printf("%s\n%-7s %9s %9s %9s %6s %6s %6s\n", heading.c_str(), "type", "precision",
                "recall", "F1", "tp", "fp", "fn");
    auto row = [](const char* name, const Counts& c) {
        std::printf("%-7s %9.3f %9.3f %9.3f %6.0f %6.0f %6.0f\n", name, c.precision(), c.recall(),
                    c.f1(), c.tp, c.fp, c.fn);
    };
    for (const auto& [type, c] : score.per_type) row(type.c_str(), c);
    row("typed", score.typed);
}

}  // namespace newsindex::bench
