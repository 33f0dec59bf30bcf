// Writes a deterministic synthetic news collection for the scaling benchmarks: any number of
// articles (a million and more), streamed to disk one at a time, so memory stays flat.
//
//   bench_synth_generate --count N --to DIR [--seed S] [--format text|jsonl|mixed]
//
// What makes it look like news to an indexer:
//  - article length: log-normal, median ~400 words, clamped to 80..2,000;
//  - words: a generated vocabulary of ~60,000 pseudo-English words of varied length, drawn with
//    Zipf's law (exponent 1.0) under English function words and a list of common news words
//    (oil, prices, interest rates, ... : the words tests/bench/queries.cc searches for); each
//    article also repeats a few topic words of its own, as real stories do;
//  - entities: a few hundred people ("President Firstname Lastname", later "Lastname",
//    "Lastname's"), organisations ("the Xyz Abc Council (XAC)", later "XAC") and places, the
//    popular ones recurring across many articles;
//  - titles, dates from 2015 to 2024 in several written forms, hundreds of bylines (one or two
//    reporters, an agency, a reporter and an agency), URLs on some articles, the odd photo
//    caption, related-article line and agency dateline.
//
// Output (docs/formats.md): with --format text (the default) the plain-text export, one file per
// article, DIR/0000/000000.txt .. DIR/0999/999999.txt (1,000 files a folder); with jsonl, JSON
// Lines files of 1,000 articles, DIR/jsonl-0000/000000.jsonl (article 0..999), 000001.jsonl, ...;
// mixed alternates the two per block of 1,000 articles (even blocks text, odd blocks JSON Lines).
//
// Determinism: the same seed gives byte-identical output on every platform. The generator is
// xoshiro256** seeded by splitmix64, written here, never the standard library's distributions,
// whose output differs between library versions; the only floating point is IEEE arithmetic,
// plus exp/log/pow when the word lists and the length table are set up (glibc rounds these
// correctly). Article i depends only on the seed and i, so a collection of 10,000 is the first
// 10,000 articles of a collection of 100,000.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

namespace {

// ---- Random numbers ------------------------------------------------------------------------

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

inline std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

// xoshiro256**: fast, small state, good enough statistics for text generation.
class Rng {
  public:
    explicit Rng(std::uint64_t seed) {
        for (std::uint64_t& word : s_) word = splitmix64(seed);
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    // 0 <= result < n, by multiplying the top 32 bits (the bias, below 1e-5 for our n, is
    // irrelevant here).
    std::uint32_t below(std::uint32_t n) {
        return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
    }
    int between(int low, int high) {  // inclusive
        return low + static_cast<int>(below(static_cast<std::uint32_t>(high - low + 1)));
    }
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    template <typename T, std::size_t N>
    const T& pick(const T (&items)[N]) {
        return items[below(static_cast<std::uint32_t>(N))];
    }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[below(static_cast<std::uint32_t>(items.size()))];
    }

  private:
    std::uint64_t s_[4];
};

// Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^exponent in constant time
// (Walker's alias method: one table column and one coin per draw).
class Zipf {
  public:
    Zipf(std::size_t n, double exponent) : prob_(n), alias_(n) {
        std::vector<double> weight(n);
        double total = 0;
        for (std::size_t r = 0; r < n; ++r) total += weight[r] = 1.0 / std::pow(r + 1.0, exponent);
        std::vector<std::uint32_t> small, large;
        for (std::size_t r = 0; r < n; ++r) {
            weight[r] *= static_cast<double>(n) / total;  // mean 1
            (weight[r] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(r));
        }
        while (!small.empty() && !large.empty()) {
            const std::uint32_t s = small.back(), l = large.back();
            small.pop_back();
            prob_[s] = weight[s];
            alias_[s] = l;
            weight[l] -= 1.0 - weight[s];
            if (weight[l] < 1.0) {
                large.pop_back();
                small.push_back(l);
            }
        }
        for (std::uint32_t r : small) prob_[r] = 1.0, alias_[r] = r;  // rounding leftovers
        for (std::uint32_t r : large) prob_[r] = 1.0, alias_[r] = r;
    }
    std::uint32_t operator()(Rng& rng) const {
        const std::uint32_t column = rng.below(static_cast<std::uint32_t>(prob_.size()));
        return rng.unit() < prob_[column] ? column : alias_[column];
    }

  private:
    std::vector<double> prob_;
    std::vector<std::uint32_t> alias_;
};

// ---- Word material -------------------------------------------------------------------------

// Function words, most frequent first: the top of every English frequency list.
const char* const kFunctionWords[] = {
    "the",   "of",     "and",    "to",    "a",     "in",    "that",  "is",      "for",   "on",
    "it",    "was",    "with",   "he",    "as",    "at",    "by",    "said",    "be",    "from",
    "this",  "have",   "are",    "an",    "has",   "his",   "but",   "not",     "they",  "had",
    "which", "or",     "were",   "their", "been",  "will",  "its",   "who",     "she",   "after",
    "we",    "would",  "her",    "more",  "also",  "one",   "there", "about",   "than",  "up",
    "all",   "out",    "when",   "new",   "can",   "two",   "into",  "over",    "last",  "if",
    "some",  "year",   "could",  "so",    "what",  "no",    "other", "them",    "first", "told",
    "our",   "years",  "people", "him",   "time",  "do",    "while", "only",    "most",  "because",
    "since", "before", "many",   "those", "where", "under", "still", "against", "such",  "between",
    "any",   "now",    "may",    "these", "then",  "how",   "did",   "week",    "three", "through"};

// Real news words, spread over ranks ~120..2,000 of the vocabulary, so that queries written for
// Reuters-21578 (tests/bench/queries.cc) find something here too.
const char* const kNewsWords[] = {
    "government", "percent",    "market",     "president",    "officials",    "minister",
    "million",    "billion",    "oil",        "prices",       "company",      "bank",
    "state",      "police",     "country",    "economy",      "talks",        "report",
    "city",       "election",   "court",      "trade",        "rates",        "interest",
    "growth",     "workers",    "plan",       "vote",         "spokesman",    "security",
    "crude",      "rise",       "shares",     "sales",        "deal",         "agreement",
    "inflation",  "budget",     "energy",     "health",       "war",          "military",
    "foreign",    "national",   "public",     "quarter",      "investors",    "exports",
    "imports",    "coffee",     "wheat",      "gold",         "dollar",       "tax",
    "law",        "parliament", "opposition", "party",        "leader",       "region",
    "border",     "troops",     "attack",     "hospital",     "school",       "students",
    "climate",    "weather",    "storm",      "flood",        "fire",         "water",
    "power",      "gas",        "pipeline",   "production",   "output",       "supply",
    "demand",     "profit",     "loss",       "debt",         "loan",         "strike",
    "union",      "wages",      "jobs",       "unemployment", "housing",      "rent",
    "transport",  "airport",    "railway",    "ferry",        "harbour",      "bridge",
    "road",       "council",    "mayor",      "judge",        "trial",        "sentence",
    "prison",     "protest",    "campaign",   "candidate",    "poll",         "survey",
    "study",      "research",   "scientists", "vaccine",      "virus",        "doctors",
    "patients",   "team",       "match",      "season",       "championship", "coach",
    "players",    "fans",       "music",      "festival",     "film",         "museum",
    "technology", "software",   "internet",   "data",         "phone",        "network",
    "sanctions",  "ministry",   "agency",     "summit",       "treaty",       "ceasefire",
    "refugees",   "aid",        "rescue",     "earthquake",   "drought",      "harvest",
    "farmers",    "exchange",   "stocks",     "index",        "futures",      "analysts",
    "forecast",   "record",     "decline"};

// Words that tend to follow another one: "interest rates", "crude oil", ...
struct Collocation {
    const char* first;
    const char* second;
    double p;
};
const Collocation kCollocations[] = {
    {"interest", "rates", 0.6}, {"crude", "oil", 0.7},      {"oil", "prices", 0.3},
    {"prices", "rise", 0.1},    {"prime", "minister", 0.8}, {"stock", "exchange", 0.5},
    {"police", "said", 0.2},    {"trade", "deal", 0.2},     {"health", "ministry", 0.2}};

// Syllables: mostly one consonant and one vowel, now and then a cluster or a digraph, so that
// words come out at English-like lengths (types 2..14 letters, tokens ~5 on average).
const char* const kConsonants[] = {"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p",
                                   "r", "s", "t", "v", "w", "l", "n", "r", "s", "t", "m"};
const char* const kClusters[] = {"br", "cr", "dr", "fl", "gr", "pl", "pr", "st", "th", "sh", "ch",
                                 "tr", "sl", "sp", "bl", "cl", "gl", "fr", "sk", "sw", "wh", "qu"};
const char* const kVowels[] = {"a", "e", "i", "o", "u", "a", "e", "i", "o", "e", "a", "y"};
const char* const kDigraphs[] = {"ai", "ea", "ee", "ie", "oa", "ou", "oo", "au", "ei", "ue"};
const char* const kCodas[] = {"n",  "r",  "s",  "t",  "l",  "m", "d",  "nd", "nt", "st", "ck",
                              "ng", "rt", "rs", "ll", "ss", "x", "th", "sh", "rk", "ld", "mp"};
const char* const kSuffixes[] = {"ing", "ed",  "er",  "ion", "ly",  "ment", "ness", "al",
                                 "ity", "ous", "ive", "es",  "ers", "able", "ist",  "ure"};
const char* const kLastEndings[] = {"son", "er",  "ova", "ez",  "ini",  "berg", "ton", "ski",
                                    "ard", "sen", "ian", "ett", "ley",  "ich",  "ado", "uk",
                                    "man", "ley", "ing", "ers", "stad", "elli", "aki", "ou"};
const char* const kFirstEndings[] = {"a",  "o",  "en", "el", "ia",   "us", "ine", "an",
                                     "ie", "ar", "is", "on", "ette", "im", "ara", "as"};
const char* const kPersonTitles[] = {"President",
                                     "Prime Minister",
                                     "Finance Minister",
                                     "Foreign Minister",
                                     "Senator",
                                     "Governor",
                                     "Mayor",
                                     "Gen.",
                                     "Dr.",
                                     "Judge",
                                     "Chief Executive",
                                     "Chairwoman",
                                     "Chairman",
                                     "Ambassador",
                                     "Professor",
                                     "Coach",
                                     "Representative",
                                     "Defense Secretary",
                                     "Police Chief",
                                     "Economy Minister"};
const char* const kOrgKinds[] = {
    "Council",     "Authority", "Agency",       "Commission", "Bank",       "Group",    "Institute",
    "Federation",  "Union",     "Corporation",  "Party",      "Foundation", "Alliance", "Board",
    "Association", "Ministry",  "Organisation", "Fund",       "League",     "Company"};
const char* const kPlacePatterns[] = {"%s",         "%s",       "%s",      "%s",
                                      "Port %s",    "New %s",   "%s City", "Saint %s",
                                      "%s Springs", "North %s", "Lake %s", "%s Bay"};
const char* const kAgencies[] = {"AFP", "Reuters", "Associated Press", "dpa", "Bloomberg", "AP"};
const char* const kHeadlineVerbs[] = {"Backs",  "Rejects",   "Warns of", "Plans",   "Wins",
                                      "Faces",  "Calls for", "Says",     "Blocks",  "Approves",
                                      "Delays", "Expands",   "Cuts",     "Defends", "Signs",
                                      "Opens",  "Probes",    "Weighs"};
const char* const kSmallWords[] = {"of", "in", "to", "for", "and", "the", "a", "on", "at", "by"};
const char* const kMonths[] = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};
const char* const kMonthAbbr[] = {"Jan.", "Feb.", "March", "April", "May",  "June",
                                  "July", "Aug.", "Sept.", "Oct.",  "Nov.", "Dec."};
const char* const kWeekdays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                 "Thursday", "Friday", "Saturday"};
const char* const kZones[] = {"GMT", "EST", "CET", "UTC", "PST", "JST"};
const char* const kTags[] = {"politics", "business", "world",   "sport",   "science",
                             "health",   "culture",  "economy", "climate", "technology"};
const char* const kPhotoCredits[] = {"AP", "AFP", "Reuters", "AP / TASS", "EPA", "Getty Images"};

// ---- The world every article draws on -------------------------------------------------------

struct Person {
    std::string first, last, title;
};
struct Org {
    std::string name, acronym, kind;
};

void capitalize(std::string& word) {
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z')
        word[0] = static_cast<char>(word[0] - 32);
}

std::string syllables(Rng& rng, int count) {
    std::string word;
    for (int i = 0; i < count; ++i) {
        const double onset = rng.unit();
        if (onset < 0.65)
            word += rng.pick(kConsonants);
        else if (onset < 0.8)
            word += rng.pick(kClusters);
        word += rng.chance(0.85) ? rng.pick(kVowels) : rng.pick(kDigraphs);
        if (rng.chance(i + 1 == count ? 0.6 : 0.12))
            word += i + 1 == count ? rng.pick(kCodas) : rng.pick(kConsonants);
    }
    return word;
}

// A capitalised pseudo-word that reads like a name, with the odd accented letter.
std::string name_word(Rng& rng, const char* const* endings, std::size_t ending_count) {
    // One draw per statement: the order in which operands of + are evaluated is unspecified,
    // and the output must not depend on the compiler.
    std::string word = syllables(rng, rng.between(1, 2));
    word += endings[rng.below(static_cast<std::uint32_t>(ending_count))];
    capitalize(word);
    if (rng.chance(0.04)) {
        const std::size_t e = word.find('e', 1);
        if (e != std::string::npos) word.replace(e, 1, "\xC3\xA9");  // é
    }
    return word;
}

struct World {
    std::vector<std::string> vocabulary;  // by rank
    std::vector<std::int32_t> follower;   // collocation: index into kCollocations, or -1
    std::vector<Person> people;
    std::vector<Org> orgs;
    std::vector<std::string> places;
    std::vector<std::string> authors;
    std::vector<std::string> sites;
    std::vector<std::uint16_t> lengths;  // article length in words by percentile (1/4096 steps)
    Zipf words{1, 1.0}, popular_people{1, 1.0}, popular_orgs{1, 1.0}, popular_places{1, 1.0},
        prolific_authors{1, 1.0};

    explicit World(std::uint64_t seed) {
        Rng rng(seed ^ 0x5EED5EED5EED5EEDULL);
        std::unordered_set<std::string> taken;
        for (const char* w : kFunctionWords) {
            if (taken.insert(w).second) vocabulary.push_back(w);
        }
        for (const char* w : kNewsWords) taken.insert(w);
        for (const Collocation& c : kCollocations) taken.insert(c.first), taken.insert(c.second);
        // Generated words, short ones more frequent (lower rank), as in every language; the news
        // words slot in every 12 ranks from rank 120.
        const std::size_t generated = 60000, news = sizeof kNewsWords / sizeof *kNewsWords;
        std::size_t next_news = 0;
        for (std::size_t made = 0; made < generated;) {
            const std::size_t rank = vocabulary.size();
            if (next_news < news && rank >= 120 + next_news * 12) {
                vocabulary.push_back(kNewsWords[next_news++]);
                continue;
            }
            const double longer = rng.unit();
            const int count = rank < 1000    ? (longer < 0.6 ? 1 : 2)
                              : rank < 10000 ? (longer < 0.3    ? 1
                                                : longer < 0.85 ? 2
                                                                : 3)
                                             : (longer < 0.1    ? 1
                                                : longer < 0.6  ? 2
                                                : longer < 0.93 ? 3
                                                                : 4);
            std::string word = syllables(rng, count);
            if (rank > 1000 && rng.chance(0.2)) word += rng.pick(kSuffixes);
            if (word.size() < 2 || !taken.insert(word).second) continue;
            vocabulary.push_back(word);
            ++made;
        }
        // Collocation partners that are not news words ("prime", "stock", ...) take ranks too.
        for (const Collocation& c : kCollocations) {
            for (const char* w : {c.first, c.second}) {
                if (std::find(vocabulary.begin(), vocabulary.end(), w) == vocabulary.end())
                    vocabulary.insert(vocabulary.begin() + 300 + vocabulary.size() % 700, w);
            }
        }
        follower.assign(vocabulary.size(), -1);
        for (std::size_t r = 0; r < vocabulary.size(); ++r) {
            for (std::size_t c = 0; c < sizeof kCollocations / sizeof *kCollocations; ++c) {
                if (vocabulary[r] == kCollocations[c].first)
                    follower[r] = static_cast<std::int32_t>(c);
            }
        }
        words = Zipf(vocabulary.size(), 1.0);

        std::vector<std::string> firsts, lasts;
        std::unordered_set<std::string> names;
        while (firsts.size() < 220) {
            std::string w =
                name_word(rng, kFirstEndings, sizeof kFirstEndings / sizeof *kFirstEndings);
            if (names.insert(w).second) firsts.push_back(w);
        }
        while (lasts.size() < 900) {
            std::string w =
                name_word(rng, kLastEndings, sizeof kLastEndings / sizeof *kLastEndings);
            if (names.insert(w).second) lasts.push_back(w);
        }
        // People in the news: 400, each with one last name of their own so that "Lastname"
        // alone names them within an article.
        for (std::size_t i = 0; i < 400; ++i) {
            people.push_back(
                {rng.pick(firsts), lasts[i], rng.chance(0.6) ? rng.pick(kPersonTitles) : ""});
        }
        popular_people = Zipf(people.size(), 0.9);
        // Reporters: 700 names from the remaining last names, some with a middle initial.
        std::unordered_set<std::string> author_names;
        while (authors.size() < 700) {
            std::string name = rng.pick(firsts) + " ";
            if (rng.chance(0.1))
                name += std::string(1, static_cast<char>('A' + rng.below(26))) + ". ";
            name += lasts[400 + rng.below(500)];
            if (author_names.insert(name).second) authors.push_back(name);
        }
        prolific_authors = Zipf(authors.size(), 0.7);
        std::unordered_set<std::string> acronyms;
        while (orgs.size() < 250) {
            Org org;
            org.kind = rng.pick(kOrgKinds);
            const int words_before = rng.between(1, 3);
            for (int i = 0; i < words_before; ++i) {
                std::string w = syllables(rng, rng.between(1, 3));
                capitalize(w);
                org.name += w + " ";
                org.acronym += w[0];
            }
            org.name += org.kind;
            org.acronym += org.kind[0];
            if (!acronyms.insert(org.acronym).second) continue;  // the acronym must name one
            orgs.push_back(std::move(org));
        }
        popular_orgs = Zipf(orgs.size(), 0.9);
        std::unordered_set<std::string> place_names;
        while (places.size() < 300) {
            std::string base = syllables(rng, rng.between(2, 3));
            capitalize(base);
            std::string place = rng.pick(kPlacePatterns);
            place.replace(place.find("%s"), 2, base);
            if (place_names.insert(place).second) places.push_back(place);
        }
        popular_places = Zipf(places.size(), 0.9);
        for (int i = 0; i < 40; ++i) {
            std::string site = rng.chance(0.5) ? "www." : "news.";
            site += syllables(rng, rng.between(2, 3));
            site += rng.chance(0.5) ? "times.example" : "post.example";
            sites.push_back(site);
        }
        // Log-normal lengths: median 400 words, sigma 0.6, clamped to 80..2,000. Tabulated by
        // percentile once (inverse normal by bisection on erfc), so a draw is one table look-up.
        for (int i = 0; i < 4096; ++i) {
            const double p = (i + 0.5) / 4096.0;
            double low = -8, high = 8;
            for (int step = 0; step < 60; ++step) {
                const double mid = (low + high) / 2;
                (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? low : high) = mid;
            }
            const double words_here = 400.0 * std::exp(0.6 * low);
            lengths.push_back(static_cast<std::uint16_t>(words_here < 80     ? 80
                                                         : words_here > 2000 ? 2000
                                                                             : words_here));
        }
    }
};

// ---- One article ------------------------------------------------------------------------

struct Date {
    int year, month, day, hour, minute;
};

bool leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}
int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap(year) ? 29 : days[month - 1];
}
long days_since_1970(const Date& d) {
    long days = 0;
    for (int y = 1970; y < d.year; ++y) days += leap(y) ? 366 : 365;
    for (int m = 1; m < d.month; ++m) days += days_in_month(d.year, m);
    return days + d.day - 1;
}

void append_number(std::string& out, long value) {
    out += std::to_string(value);
}
void append_two(std::string& out, int value) {
    out += static_cast<char>('0' + value / 10);
    out += static_cast<char>('0' + value % 10);
}

std::string iso_date(const Date& d) {
    std::string out;
    append_number(out, d.year);
    out += '-';
    append_two(out, d.month);
    out += '-';
    append_two(out, d.day);
    return out;
}

// A date as news pages write it, in one of the forms the date reader accepts.
std::string written_date(Rng& rng, const Date& d) {
    std::string out;
    const std::uint32_t form = rng.below(100);
    if (form < 40) {
        out = std::string(kMonths[d.month - 1]) + " " + std::to_string(d.day) + ", " +
              std::to_string(d.year);
    } else if (form < 60) {
        out = iso_date(d);
    } else if (form < 75) {
        out = std::to_string(d.day) + " " + kMonths[d.month - 1] + " " + std::to_string(d.year);
    } else if (form < 88) {
        out = std::string(kMonthAbbr[d.month - 1]) + " " + std::to_string(d.day) + ", " +
              std::to_string(d.year);
    } else {
        out = std::string(kWeekdays[(days_since_1970(d) + 4) % 7]) + ", " + kMonths[d.month - 1] +
              " " + std::to_string(d.day) + ", " + std::to_string(d.year) + " ";
        append_two(out, d.hour);
        out += ':';
        append_two(out, d.minute);
        out += ' ';
        out += rng.pick(kZones);
    }
    return out;
}

struct Article {
    std::string title, byline, date_line, url, caption, caption_credit;
    std::vector<std::string> authors;  // as the JSON record lists them
    std::vector<std::string> paragraphs;
    std::vector<std::string> related;  // titles, placed between paragraphs
    const char* tag = "";
    Date date{};
    bool dateline_agency = false;
};

class ArticleMaker {
  public:
    ArticleMaker(const World& world, std::uint64_t seed) : world_(world), seed_(seed) {}

    void make(std::uint64_t index, Article& a) {
        std::uint64_t mix = seed_ * 0x9E3779B97F4A7C15ULL + index;
        Rng rng(splitmix64(mix));
        a.paragraphs.clear();
        a.related.clear();
        a.authors.clear();
        a.byline.clear();
        a.url.clear();
        a.caption.clear();
        a.dateline_agency = false;

        // The cast and the topic words of this story.
        cast_people_.clear();
        cast_orgs_.clear();
        cast_places_.clear();
        const int people = rng.between(1, 4), orgs = rng.between(0, 2), places = rng.between(1, 3);
        for (int i = 0; i < people; ++i) cast_people_.push_back(world_.popular_people(rng));
        for (int i = 0; i < orgs; ++i) cast_orgs_.push_back(world_.popular_orgs(rng));
        for (int i = 0; i < places; ++i) cast_places_.push_back(world_.popular_places(rng));
        introduced_people_.assign(cast_people_.size(), false);
        introduced_orgs_.assign(cast_orgs_.size(), false);
        topics_.clear();
        while (topics_.size() < 6) {
            const std::uint32_t rank = world_.words(rng);
            if (rank >= 150) topics_.push_back(rank);
        }
        a.tag = rng.pick(kTags);

        a.date = {2015 + rng.between(0, 9), rng.between(1, 12), 1, rng.between(5, 22),
                  rng.between(0, 59)};
        a.date.day = rng.between(1, days_in_month(a.date.year, a.date.month));
        a.date_line = written_date(rng, a.date);

        make_byline(rng, a);
        a.title = headline(rng);
        if (rng.chance(0.4)) {
            a.url = "https://" + rng.pick(world_.sites) + "/" + std::to_string(a.date.year) + "/";
            append_two(a.url, a.date.month);
            a.url += '/';
            append_two(a.url, a.date.day);
            a.url += '/';
            for (char c : a.title) {
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                    a.url += c;
                else if (c >= 'A' && c <= 'Z')
                    a.url += static_cast<char>(c + 32);
                else if (c == ' ')
                    a.url += '-';
            }
            a.url += "-a" + std::to_string(index);  // unique: the URL is the article's id
        }
        if (rng.chance(0.05)) {
            a.caption = sentence(rng, rng.between(8, 16), false);
            a.caption_credit = rng.pick(kPhotoCredits);
        }

        const int target = world_.lengths[rng.below(4096)];
        int words = 0;
        while (words < target) {
            std::string paragraph;
            if (a.paragraphs.size() > 3 && rng.chance(0.04)) {  // a subheading
                paragraph = sentence(rng, rng.between(2, 4), false);
                paragraph.pop_back();  // no full stop
                a.paragraphs.push_back(std::move(paragraph));
                continue;
            }
            const int sentences = rng.between(1, 4);
            for (int s = 0; s < sentences && words < target; ++s) {
                const int length = rng.between(7, 30);
                if (!paragraph.empty()) paragraph += ' ';
                if (rng.chance(0.15)) {
                    std::string quoted = sentence(rng, length, true);
                    quoted.back() = ',';
                    paragraph += '"' + quoted + "\" " + speaker(rng) + " said.";
                } else {
                    paragraph += sentence(rng, length, true);
                }
                words += length;
            }
            if (a.paragraphs.empty() && a.dateline_agency) {
                std::string place = world_.places[cast_places_[0]];
                for (char& c : place) {
                    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
                }
                paragraph = place + " (" + a.authors[0] + ") - " + paragraph;
            }
            a.paragraphs.push_back(std::move(paragraph));
            if (rng.chance(0.03)) a.related.push_back(headline(rng));
        }
    }

  private:
    void make_byline(Rng& rng, Article& a) {
        const std::uint32_t form = rng.below(100);
        const std::string& one = world_.authors[world_.prolific_authors(rng)];
        if (form < 55) {
            a.authors = {one};
            a.byline = "By " + one;
        } else if (form < 70) {
            const std::string& two = world_.authors[world_.prolific_authors(rng)];
            a.authors = {one, two};
            a.byline = "By " + one + " and " + two;
        } else if (form < 85) {
            const std::string agency = rng.pick(kAgencies);
            a.authors = {agency};
            a.byline = "By [" + agency + "](#)";
        } else if (form < 95) {
            const std::string agency = rng.pick(kAgencies);
            a.authors = {one, agency};
            a.byline = "By " + one + ", " + agency;
        } else {  // no byline: the agency stands in the dateline
            a.authors = {rng.chance(0.5) ? "Reuters" : "dpa"};
            a.dateline_agency = true;
        }
    }

    std::string headline(Rng& rng) {
        std::string title;
        const Person& who =
            world_.people[cast_people_[rng.below(static_cast<std::uint32_t>(cast_people_.size()))]];
        if (rng.chance(0.6))
            title = who.last + " " + rng.pick(kHeadlineVerbs) + " ";
        else
            title = world_.places[cast_places_[0]] + " " + rng.pick(kHeadlineVerbs) + " ";
        // Content words (topic words mostly, never function words), title-cased, with the odd
        // "of", "for", ... between two of them.
        const int words = rng.between(2, 5);
        std::uint32_t previous = 0;
        for (int i = 0; i < words; ++i) {
            std::uint32_t rank = rng.chance(0.6) ? topics_[rng.below(6)] : world_.words(rng);
            while (rank < 100 || rank == previous) rank = world_.words(rng);
            previous = rank;
            std::string w = world_.vocabulary[rank];
            capitalize(w);
            title += w;
            title += ' ';
            if (i + 1 < words && rng.chance(0.2)) {
                title += rng.pick(kSmallWords);
                title += ' ';
            }
        }
        if (rng.chance(0.25)) title += "in " + world_.places[cast_places_.back()] + " ";
        title.pop_back();
        return title;
    }

    std::string speaker(Rng& rng) {
        const std::size_t i = rng.below(static_cast<std::uint32_t>(cast_people_.size()));
        return person_mention(rng, i, false);
    }

    std::string person_mention(Rng& rng, std::size_t i, bool possessive_allowed) {
        const Person& p = world_.people[cast_people_[i]];
        if (!introduced_people_[i]) {
            introduced_people_[i] = true;
            return (p.title.empty() ? "" : p.title + " ") + p.first + " " + p.last;
        }
        const std::uint32_t form = rng.below(10);
        if (form < 7) return p.last;
        if (form < 9 && possessive_allowed) return p.last + "'s";
        return p.first + " " + p.last;
    }

    std::string entity_mention(Rng& rng) {
        const std::uint32_t kind = rng.below(4);
        if (kind == 0 && !cast_orgs_.empty()) {
            const std::size_t i = rng.below(static_cast<std::uint32_t>(cast_orgs_.size()));
            const Org& o = world_.orgs[cast_orgs_[i]];
            if (!introduced_orgs_[i]) {
                introduced_orgs_[i] = true;
                return "the " + o.name + " (" + o.acronym + ")";
            }
            const std::uint32_t form = rng.below(10);
            if (form < 6) return o.acronym;
            if (form < 8) return "the " + o.name;
            std::string kind_word = "the " + o.kind;
            kind_word[4] = static_cast<char>(kind_word[4] + 32);
            return kind_word;
        }
        if (kind == 1)
            return world_
                .places[cast_places_[rng.below(static_cast<std::uint32_t>(cast_places_.size()))]];
        return person_mention(rng, rng.below(static_cast<std::uint32_t>(cast_people_.size())),
                              true);
    }

    // A sentence of about `words` words ending in a full stop.
    std::string sentence(Rng& rng, int words, bool entities) {
        std::string out;
        std::int32_t pending = -1;  // a collocation whose second word comes next
        for (int i = 0; i < words; ++i) {
            const std::size_t start = out.size();
            if (pending >= 0) {
                out += kCollocations[pending].second;
                pending = -1;
            } else if (entities && rng.chance(0.035)) {
                out += entity_mention(rng);
            } else if (rng.chance(0.012)) {
                const std::uint32_t form = rng.below(3);
                if (form == 0) out += '$';
                append_number(out, rng.between(2, 999));
                if (form == 1) out += " percent";
                if (form == 0) out += rng.chance(0.5) ? " million" : " billion";
            } else {
                const std::uint32_t rank =
                    rng.chance(0.08) ? topics_[rng.below(6)] : world_.words(rng);
                out += world_.vocabulary[rank];
                const std::int32_t c = world_.follower[rank];
                if (c >= 0 && rng.chance(kCollocations[c].p)) pending = c;
            }
            if (i == 0) {
                if (out[start] >= 'a' && out[start] <= 'z')
                    out[start] = static_cast<char>(out[start] - 32);
            }
            if (i + 1 < words) out += (pending < 0 && rng.chance(0.05)) ? ", " : " ";
        }
        out += '.';
        return out;
    }

    const World& world_;
    std::uint64_t seed_;
    std::vector<std::uint32_t> cast_people_, cast_orgs_, cast_places_, topics_;
    std::vector<bool> introduced_people_, introduced_orgs_;
};

// ---- Output formats -----------------------------------------------------------------------

void write_text(const Article& a, std::string& out) {
    out += a.title;
    out += "\n\n";
    if (!a.byline.empty()) {
        out += a.byline;
        out += "\n\n";
    }
    out += a.date_line;
    out += "\n\n";
    if (!a.caption.empty()) out += a.caption + " **" + a.caption_credit + "**\n\n";
    std::size_t related = 0;
    for (std::size_t i = 0; i < a.paragraphs.size(); ++i) {
        out += a.paragraphs[i];
        out += "\n\n";
        // Related-article lines stand between paragraphs, as on news pages.
        if (related < a.related.size() && i + 1 < a.paragraphs.size() && i % 3 == 2)
            out += "Related article: [" + a.related[related++] + "](#)\n\n";
    }
    if (!a.url.empty()) out += "Original url:\n\n<" + a.url + ">\n";
}

void json_string(std::string& out, const std::string& text) {
    out += '"';
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += c == '\n' ? "\\n" : " ";
        } else {
            out += c;
        }
    }
    out += '"';
}

// One JSON Lines record. Key names vary as they do between real exports, within the names the
// JSON reader takes by default (docs/formats.md).
void write_json(const Article& a, Rng& rng, std::string& out) {
    out += '{';
    out += rng.chance(0.8) ? "\"title\":" : "\"headline\":";
    json_string(out, a.title);
    if (rng.chance(0.7)) {
        out += ",\"authors\":[";
        for (std::size_t i = 0; i < a.authors.size(); ++i) {
            if (i) out += ',';
            json_string(out, a.authors[i]);
        }
        out += ']';
    } else {
        out += ",\"author\":";
        std::string joined;
        for (std::size_t i = 0; i < a.authors.size(); ++i)
            joined += (i ? " and " : "") + a.authors[i];
        json_string(out, joined);
    }
    const std::uint32_t date_form = rng.below(10);
    if (date_form < 6) {
        out += ",\"date\":";
        json_string(out, iso_date(a.date));
    } else if (date_form < 9) {
        std::string when = iso_date(a.date) + "T";
        append_two(when, a.date.hour);
        when += ':';
        append_two(when, a.date.minute);
        when += ":00Z";
        out += ",\"published_at\":";
        json_string(out, when);
    } else {
        out += ",\"date\":";
        append_number(out,
                      (days_since_1970(a.date) * 24 + a.date.hour) * 3600 + a.date.minute * 60);
    }
    if (!a.url.empty()) {
        out += ",\"url\":";
        json_string(out, a.url);
    }
    out += ",\"category\":";
    json_string(out, a.tag);
    out += ",\"body\":[";
    for (std::size_t i = 0; i < a.paragraphs.size(); ++i) {
        if (i) out += ',';
        json_string(out, a.paragraphs[i]);
    }
    out += "]}\n";
}

// ---- Files ------------------------------------------------------------------------------------

bool make_dir(const std::string& path) {
    if (::mkdir(path.c_str(), 0777) == 0 || errno == EEXIST) return true;
    std::fprintf(stderr, "bench_synth_generate: cannot create %s: %s\n", path.c_str(),
                 std::strerror(errno));
    return false;
}

bool write_file(const std::string& path, const std::string& data) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f || std::fwrite(data.data(), 1, data.size(), f) != data.size() || std::fclose(f) != 0) {
        std::fprintf(stderr, "bench_synth_generate: cannot write %s: %s\n", path.c_str(),
                     std::strerror(errno));
        return false;
    }
    return true;
}

std::string numbered(long value, int width) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%0*ld", width, value);
    return buffer;
}

int usage() {
    std::fprintf(stderr,
                 "usage: bench_synth_generate --count N --to DIR [--seed S] "
                 "[--format text|jsonl|mixed]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    long long count = -1;
    std::uint64_t seed = 1;
    std::string to, format = "text";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) return usage();
        const char* value = argv[++i];
        char* end = nullptr;
        if (arg == "--count") {
            count = std::strtoll(value, &end, 10);
            if (*end || count < 0) return usage();
        } else if (arg == "--seed") {
            seed = std::strtoull(value, &end, 10);
            if (*end) return usage();
        } else if (arg == "--to") {
            to = value;
        } else if (arg == "--format") {
            format = value;
        } else {
            return usage();
        }
    }
    if (count < 0 || to.empty() || (format != "text" && format != "jsonl" && format != "mixed"))
        return usage();

    const auto start = std::chrono::steady_clock::now();
    const World world(seed);
    ArticleMaker maker(world, seed);
    Article article;
    std::string buffer;
    constexpr long kBlock = 1000;  // articles per folder of text files, and per JSON Lines file
    const long blocks = static_cast<long>((count + kBlock - 1) / kBlock);
    const int file_width =
        std::max<int>(6, static_cast<int>(std::to_string(std::max(count - 1, 0LL)).size()));
    const int folder_width =
        std::max<int>(4, static_cast<int>(std::to_string(std::max(blocks - 1, 0L)).size()));
    if (!make_dir(to)) return 1;
    unsigned long long bytes = 0, files = 0;
    for (long block = 0; block < blocks; ++block) {
        const bool json = format == "jsonl" || (format == "mixed" && block % 2 == 1);
        const long first = block * kBlock, last = std::min<long long>(count, first + kBlock);
        if (json) {
            // JSON Lines files of 1,000 articles, themselves 1,000 to a folder.
            const std::string folder = to + "/jsonl-" + numbered(block / kBlock, folder_width);
            if (!make_dir(folder)) return 1;
            buffer.clear();
            for (long i = first; i < last; ++i) {
                maker.make(static_cast<std::uint64_t>(i), article);
                std::uint64_t mix = seed ^ (static_cast<std::uint64_t>(i) << 20);
                Rng keys(splitmix64(mix));
                write_json(article, keys, buffer);
            }
            if (!write_file(folder + "/" + numbered(block, file_width) + ".jsonl", buffer))
                return 1;
            bytes += buffer.size();
            ++files;
        } else {
            const std::string folder = to + "/" + numbered(block, folder_width);
            if (!make_dir(folder)) return 1;
            for (long i = first; i < last; ++i) {
                maker.make(static_cast<std::uint64_t>(i), article);
                buffer.clear();
                write_text(article, buffer);
                if (!write_file(folder + "/" + numbered(i, file_width) + ".txt", buffer)) return 1;
                bytes += buffer.size();
                ++files;
            }
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr,
                 "bench_synth_generate: %lld articles, %llu bytes (%.1f MiB) in %llu files, "
                 "%.2f s, %.1f MB/s, in %s\n",
                 count, bytes, bytes / 1048576.0, files, seconds,
                 seconds > 0 ? bytes / 1e6 / seconds : 0.0, to.c_str());
    return 0;
}
