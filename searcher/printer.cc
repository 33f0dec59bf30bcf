#include "printer.h"

namespace newsindex::searcher {

// Each defined in the file of its format.
std::unique_ptr<ResultPrinter> make_text_printer(std::ostream& out, const PrintOptions& options);
std::unique_ptr<ResultPrinter> make_json_printer(std::ostream& out, const PrintOptions& options);
std::unique_ptr<ResultPrinter> make_json_lines_printer(std::ostream& out,
                                                       const PrintOptions& options);
std::unique_ptr<ResultPrinter> make_tsv_printer(std::ostream& out, const PrintOptions& options);
std::unique_ptr<ResultPrinter> make_paths_printer(std::ostream& out, const PrintOptions& options);
std::unique_ptr<ResultPrinter> make_ids_printer(std::ostream& out, const PrintOptions& options);
std::unique_ptr<ResultPrinter> make_count_printer(std::ostream& out, const PrintOptions& options);

namespace {
struct FormatEntry {
    const char* name;
    OutputFormat format;
    std::unique_ptr<ResultPrinter> (*make)(std::ostream&, const PrintOptions&);
};
const FormatEntry kFormats[] = {
    {"text", OutputFormat::Text, make_text_printer},
    {"json", OutputFormat::Json, make_json_printer},
    {"jsonl", OutputFormat::JsonLines, make_json_lines_printer},
    {"tsv", OutputFormat::Tsv, make_tsv_printer},
    {"paths", OutputFormat::Paths, make_paths_printer},
    {"ids", OutputFormat::Ids, make_ids_printer},
    {"count", OutputFormat::Count, make_count_printer},
};
}  // namespace

void ResultPrinter::begin_query(std::size_t, const std::string&) {}

void ResultPrinter::print_failure(std::size_t, const std::string&, const std::string&) {}

std::unique_ptr<ResultPrinter> make_printer(OutputFormat format, std::ostream& out,
                                            const PrintOptions& options) {
    for (const FormatEntry& entry : kFormats) {
        if (entry.format == format) return entry.make(out, options);
    }
    return nullptr;
}

bool parse_output_format(const std::string& name, OutputFormat& format) {
    for (const FormatEntry& entry : kFormats) {
        if (name == entry.name) {
            format = entry.format;
            return true;
        }
    }
    return false;
}

bool shows_snippets(OutputFormat format, const PrintOptions& options) {
    auto names_snippet = [](const std::vector<const HitField*>& fields) {
        for (const HitField* field : fields)
            if (field->name == "snippet" || field->name == "snippet_html") return true;
        return false;
    };
    switch (format) {
        case OutputFormat::Text:
            return true;
        case OutputFormat::Json:
        case OutputFormat::JsonLines:
            return options.fields.empty() || names_snippet(options.fields);
        case OutputFormat::Tsv:
            return names_snippet(options.fields.empty() ? default_tsv_fields() : options.fields);
        case OutputFormat::Paths:
        case OutputFormat::Ids:
        case OutputFormat::Count:
            return false;
    }
    return true;
}

}  // namespace newsindex::searcher
