// CSV parsing through libcsv's callback interface.
#include "hcs/core/csv_table.hpp"

#include <set>
#include <string>

#include <csv.h>

#include "hcs/core/errors.hpp"
#include "hcs/core/text_file.hpp"

namespace hcs {
namespace {

struct ParseState {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> current;
};

void on_field(void* data, size_t length, void* state) {
    static_cast<ParseState*>(state)->current.emplace_back(static_cast<char*>(data), length);
}

void on_record(int, void* state) {
    auto* parse = static_cast<ParseState*>(state);
    parse->records.push_back(std::move(parse->current));
    parse->current.clear();
}

}  // namespace

std::optional<std::size_t> CsvTable::find_column(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return i;
    }
    return std::nullopt;
}

std::size_t CsvTable::column(const std::string& name) const {
    if (auto index = find_column(name)) return *index;
    throw InputError(path.string() + ": no column '" + name + "'");
}

CsvTable parse_csv(const std::string& text, const std::filesystem::path& source) {
    csv_parser parser;
    if (csv_init(&parser, CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0) {
        throw InputError(source.string() + ": cannot start CSV parser");
    }
    csv_set_opts(&parser, CSV_APPEND_NULL);
    ParseState state;
    const std::size_t skip_bom = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    const bool parsed = csv_parse(&parser, text.data() + skip_bom, text.size() - skip_bom, on_field,
                                  on_record, &state) == text.size() - skip_bom &&
                        csv_fini(&parser, on_field, on_record, &state) == 0;
    const std::string parse_error = csv_strerror(csv_error(&parser));
    csv_free(&parser);
    if (!parsed) throw InputError(source.string() + ": malformed CSV (" + parse_error + ")");

    CsvTable table;
    table.path = source;
    if (state.records.empty()) return table;
    table.header = std::move(state.records.front());
    // A repeated name makes every lookup of that column ambiguous.
    std::set<std::string> names;
    for (const std::string& name : table.header) {
        if (!names.insert(name).second) {
            throw InputError(source.string() + ": column '" + name + "' appears twice");
        }
    }
    for (std::size_t i = 1; i < state.records.size(); ++i) {
        auto& record = state.records[i];
        if (record.size() == 1 && record[0].empty()) continue;
        if (record.size() != table.header.size()) {
            throw InputError(source.string() + ": line " + std::to_string(i + 1) + " has " +
                             std::to_string(record.size()) + " cells, the header has " +
                             std::to_string(table.header.size()));
        }
        table.rows.push_back(std::move(record));
    }
    return table;
}

CsvTable read_csv(const std::filesystem::path& path) {
    return parse_csv(read_text_file(path), path);
}

std::string csv_quote(const std::string& cell) {
    if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

}  // namespace hcs
