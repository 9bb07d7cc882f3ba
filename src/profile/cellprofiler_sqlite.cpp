// Reading a CellProfiler ExportToDatabase SQLite file through the sqlite3 C API. A .gz file is
// decompressed into memory and handed to SQLite with sqlite3_deserialize, so no temporary file
// is written.
#include "hcs/profile/cellprofiler_sqlite.hpp"

#include <cstring>
#include <limits>
#include <memory>

#include <sqlite3.h>

#include "hcs/core/errors.hpp"
#include "hcs/core/text_file.hpp"

namespace hcs::profile {
namespace {

using Database = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;
using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Database open_database(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file)) throw InputError(file.string() + ": file not found");
    sqlite3* raw = nullptr;
    const bool compressed = ends_with(file.string(), ".gz");
    const std::string name = compressed ? ":memory:" : file.string();
    const int flags = compressed ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(name.c_str(), &raw, flags, nullptr) != SQLITE_OK) {
        sqlite3_close(raw);
        throw InputError(file.string() + ": cannot open as SQLite");
    }
    Database database(raw, &sqlite3_close);
    if (!compressed) return database;

    const std::string bytes = read_text_file(file);
    auto* buffer = static_cast<unsigned char*>(sqlite3_malloc64(bytes.size()));
    if (!buffer) throw InputError(file.string() + ": out of memory decompressing");
    std::memcpy(buffer, bytes.data(), bytes.size());
    const int result =
        sqlite3_deserialize(database.get(), "main", buffer, bytes.size(), bytes.size(),
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
    if (result != SQLITE_OK) throw InputError(file.string() + ": not an SQLite database");
    return database;
}

Statement select_all(sqlite3* database, const std::filesystem::path& file,
                     const std::string& table) {
    sqlite3_stmt* raw = nullptr;
    const std::string query = "SELECT * FROM \"" + table + "\"";
    if (sqlite3_prepare_v2(database, query.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
        throw InputError(file.string() + ": no table '" + table + "' (" + sqlite3_errmsg(database) +
                         ")");
    }
    return Statement(raw, &sqlite3_finalize);
}

std::string text_of(sqlite3_stmt* statement, int column) {
    const unsigned char* text = sqlite3_column_text(statement, column);
    return text ? reinterpret_cast<const char*>(text) : "";
}

double number_of(sqlite3_stmt* statement, int column, const std::filesystem::path& file) {
    switch (sqlite3_column_type(statement, column)) {
        case SQLITE_NULL:
            return std::numeric_limits<double>::quiet_NaN();
        case SQLITE_INTEGER:
        case SQLITE_FLOAT:
            return sqlite3_column_double(statement, column);
        default: {
            const std::string text = text_of(statement, column);
            char* end = nullptr;
            const double value = std::strtod(text.c_str(), &end);
            if (text.empty() || *end != '\0') {
                throw InputError(file.string() + ": column '" +
                                 sqlite3_column_name(statement, column) + "' holds '" + text +
                                 "', not a number");
            }
            return value;
        }
    }
}

FeatureTable read_images(sqlite3* database, const std::filesystem::path& file,
                         const std::string& table) {
    Statement statement = select_all(database, file, table);
    const int columns = sqlite3_column_count(statement.get());
    FeatureTable images;
    std::vector<int> kept;
    for (int column = 0; column < columns; ++column) {
        const std::string name = sqlite3_column_name(statement.get(), column);
        if (name == "ImageNumber") {
            kept.insert(kept.begin(), column);
            images.metadata_names.insert(images.metadata_names.begin(), name);
        } else if (name.rfind("Image_Metadata_", 0) == 0) {
            kept.push_back(column);
            images.metadata_names.push_back(name.substr(std::strlen("Image_")));
        }
    }
    if (images.metadata_index("ImageNumber") == FeatureTable::npos) {
        throw InputError(file.string() + ": table '" + table + "' has no ImageNumber column");
    }
    while (sqlite3_step(statement.get()) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int column : kept) row.push_back(text_of(statement.get(), column));
        images.metadata.push_back(std::move(row));
    }
    images.features.resize(images.rows(), 0);
    return images;
}

ObjectTable read_object(sqlite3* database, const std::filesystem::path& file,
                        const std::string& table, const std::string& object) {
    Statement statement = select_all(database, file, table);
    const int columns = sqlite3_column_count(statement.get());
    const std::string number_column = object + "_Number_Object_Number";
    int image = -1, number = -1;
    ObjectTable result{object, {}};
    std::vector<int> feature_columns;
    for (int column = 0; column < columns; ++column) {
        const std::string name = sqlite3_column_name(statement.get(), column);
        if (name == "ImageNumber") {
            image = column;
        } else if (name == number_column) {
            number = column;
        } else {
            feature_columns.push_back(column);
            result.table.feature_names.push_back(prefixed_column(object, name));
        }
    }
    if (image < 0 || number < 0) {
        throw InputError(file.string() + ": table '" + table + "' lacks ImageNumber or " +
                         number_column);
    }

    result.table.metadata_names = {"ImageNumber", "ObjectNumber"};
    std::vector<double> values;
    while (sqlite3_step(statement.get()) == SQLITE_ROW) {
        result.table.metadata.push_back(
            {text_of(statement.get(), image), text_of(statement.get(), number)});
        for (int column : feature_columns)
            values.push_back(number_of(statement.get(), column, file));
    }
    result.table.features =
        Eigen::Map<FeatureMatrix>(values.data(), result.table.rows(), feature_columns.size());
    return result;
}

}  // namespace

SqliteExport read_cellprofiler_sqlite(const std::filesystem::path& file,
                                      const std::vector<std::string>& objects,
                                      const std::string& table_prefix) {
    Database database = open_database(file);
    SqliteExport result;
    result.images = read_images(database.get(), file, table_prefix + "Image");
    for (const auto& object : objects) {
        result.objects.push_back(read_object(database.get(), file, table_prefix + object, object));
    }
    return result;
}

}  // namespace hcs::profile
