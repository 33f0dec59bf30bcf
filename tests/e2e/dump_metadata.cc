// dump_metadata DB [KEY-REGEX]: every user metadata key of a Xapian database with its value,
// one "KEY=VALUE" line per key in key order, for the end-to-end tests that compare two
// databases' metadata (tests/e2e/lib.sh). With KEY-REGEX (POSIX extended, searched anywhere in
// the key), the keys it matches are printed without their values; an empty KEY-REGEX is none.
//
// Why not xapian-metadata: it prints one value per process, and the tests compare thousands of
// keys; the process per key was a sixth of the whole suite's CPU time.
//
// Values are written with C escapes (\\, \n, \xHH for other bytes outside printable ASCII), so
// that a value's every byte counts, trailing newlines and NULs included, and a line is a key.
// The record of the last run that changed the database (keys starting "run:") is left out: two
// runs that converge to the same database differ there by nature.
//
// Exit status: 0, or 1 with a message on stderr when the database cannot be read or the
// arguments are wrong.
#include <xapian.h>

#include <cstdio>
#include <iostream>
#include <regex>
#include <string>

namespace {

std::string escaped(const std::string& value) {
    std::string out;
    out.reserve(value.size());
    for (const unsigned char byte : value) {
        if (byte == '\\') {
            out += "\\\\";
        } else if (byte == '\n') {
            out += "\\n";
        } else if (byte < 0x20 || byte >= 0x7f) {
            char hex[5];
            std::snprintf(hex, sizeof hex, "\\x%02x", byte);
            out += hex;
        } else {
            out += static_cast<char>(byte);
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: dump_metadata DB [KEY-REGEX]\n";
        return 1;
    }
    try {
        const Xapian::Database db(argv[1]);
        const bool keys_only = argc == 3 && argv[2][0] != '\0';  // an empty pattern is none
        const std::regex pattern(keys_only ? argv[2] : "", std::regex::extended);
        for (auto key = db.metadata_keys_begin(); key != db.metadata_keys_end(); ++key) {
            const std::string name = *key;
            if (name.compare(0, 4, "run:") == 0) continue;
            if (keys_only && std::regex_search(name, pattern)) {
                std::cout << escaped(name) << '\n';
            } else {
                std::cout << escaped(name) << '=' << escaped(db.get_metadata(name)) << '\n';
            }
        }
        return 0;
    } catch (const Xapian::Error& e) {
        std::cerr << "dump_metadata: " << argv[1] << ": " << e.get_description() << '\n';
    } catch (const std::regex_error& e) {
        std::cerr << "dump_metadata: bad pattern " << argv[2] << ": " << e.what() << '\n';
    }
    return 1;
}
