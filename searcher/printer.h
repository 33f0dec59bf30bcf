// Printing search results. One interface, one implementation per output format; the search
// code never looks at the format. docs/output.md documents every machine-readable format and
// its version: change that file together with the printers.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "search.h"

namespace newsindex::searcher {

enum class OutputFormat { Text, Json };

// Version of the machine-readable output (docs/output.md). Bump on any incompatible change.
inline constexpr int kOutputVersion = 1;

struct PrintOptions {
    bool color = false;  // ANSI highlighting in text output
};

class ResultPrinter {
  public:
    virtual ~ResultPrinter() = default;
    // Writes one result set to the stream the printer was made with.
    virtual void print(const SearchResults& results) = 0;
};

// Returns the printer for format writing to out; out must outlive the printer.
std::unique_ptr<ResultPrinter> make_printer(OutputFormat format, std::ostream& out,
                                            const PrintOptions& options);

// Parses a --format value ("text", "json"); returns false for an unknown name.
bool parse_output_format(const std::string& name, OutputFormat& format);

}  // namespace newsindex::searcher
