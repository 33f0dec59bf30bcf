#include "index_run.h"

#include <chrono>
#include <fstream>
#include <sstream>

#include "database.h"
#include "document_builder.h"
#include "errors.h"
#include "formats/plaintext.h"
#include "scan.h"

namespace newsindex::indexer {

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string(), 0, "cannot open for reading");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) throw InputError(path.string(), 0, "read error");
    return bytes.str();
}

}  // namespace

IndexSummary run_index(const IndexOptions& options, const ProblemReporter& report) {
    const auto start = std::chrono::steady_clock::now();
    Xapian::WritableDatabase db = open_writable(options.database_path);
    DocumentBuilder builder;
    IndexSummary summary;
    std::size_t uncommitted = 0;

    auto commit = [&]() {
        try {
            db.commit();
        } catch (const Xapian::Error& e) {
            throw DatabaseError(DatabaseError::Kind::Other, options.database_path,
                                "commit failed: " + e.get_description());
        }
        uncommitted = 0;
    };

    scan_inputs(
        options.inputs,
        [&](const std::filesystem::path& path) {
            try {
                Article article = read_plaintext_article(read_file(path), path.string());
                const std::string id_term = DocumentBuilder::id_term(article);
                Xapian::Document doc = builder.build(article);
                const bool existed = db.term_exists(id_term);
                db.replace_document(id_term, doc);
                ++(existed ? summary.updated : summary.added);
            } catch (const InputError& e) {
                report(e.what());
                ++summary.failed;
                return;
            } catch (const Xapian::Error& e) {
                throw DatabaseError(DatabaseError::Kind::Other, options.database_path,
                                    "while indexing " + path.string() + ": " + e.get_description());
            }
            if (++uncommitted >= options.batch_size) commit();
        },
        [&](const std::string& path, const std::string& problem) {
            report(path + ": " + problem);
            ++summary.failed;
        });
    commit();
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

}  // namespace newsindex::indexer
