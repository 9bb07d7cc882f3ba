// Building image sets from manifests, folder scans and plate maps.
#include "hcs/core/image_set.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <tuple>

#include <spdlog/spdlog.h>

#include "hcs/core/csv_table.hpp"
#include "hcs/core/errors.hpp"

namespace hcs {
namespace {

std::string replace_placeholder(std::string text, const std::string& placeholder,
                                const std::string& value) {
    const auto at = text.find(placeholder);
    if (at != std::string::npos) text.replace(at, placeholder.size(), value);
    return text;
}

// The names that a {placeholder} template matches among the header's columns, in header order.
std::vector<std::string> names_in_header(const std::vector<std::string>& header,
                                         const std::string& pattern,
                                         const std::string& placeholder) {
    const auto at = pattern.find(placeholder);
    if (at == std::string::npos) return {};
    const std::string prefix = pattern.substr(0, at);
    const std::string suffix = pattern.substr(at + placeholder.size());
    std::vector<std::string> names;
    for (const auto& column : header) {
        if (column.size() > prefix.size() + suffix.size() && column.rfind(prefix, 0) == 0 &&
            column.compare(column.size() - suffix.size(), suffix.size(), suffix) == 0) {
            names.push_back(
                column.substr(prefix.size(), column.size() - prefix.size() - suffix.size()));
        }
    }
    return names;
}

std::filesystem::path resolve(const std::string& folder, const std::string& file,
                              const std::filesystem::path& base) {
    std::filesystem::path path = std::filesystem::path(folder) / file;
    if (path.is_relative()) path = base / path;
    return path.lexically_normal();
}

std::string cell(const CsvTable& table, std::size_t row, const std::optional<std::size_t>& at) {
    return at ? table.rows[row][*at] : std::string();
}

// Translates (?<name>...) groups, which std::regex does not know, into plain groups and
// returns each capture group's name ("" for unnamed ones).
std::vector<std::string> strip_group_names(std::string& pattern) {
    std::vector<std::string> names;
    std::string plain;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            plain += pattern.substr(i++, 2);
        } else if (c == '(' && pattern.compare(i, 3, "(?<") == 0 && i + 3 < pattern.size() &&
                   pattern[i + 3] != '=' && pattern[i + 3] != '!') {
            const auto close = pattern.find('>', i);
            names.push_back(pattern.substr(i + 3, close - i - 3));
            plain += '(';
            i = close;
        } else {
            if (c == '(' && (i + 1 >= pattern.size() || pattern[i + 1] != '?')) {
                names.emplace_back();
            }
            plain += c;
        }
    }
    pattern = plain;
    return names;
}

// A path column without its file column is almost always a misspelt file column; reading on
// would drop that channel without a word.
void require_file_for_every_path(const std::filesystem::path& manifest,
                                 const std::vector<std::string>& header,
                                 const std::string& path_name, const std::string& file_name,
                                 const std::string& placeholder) {
    const auto files = names_in_header(header, file_name, placeholder);
    for (const std::string& name : names_in_header(header, path_name, placeholder)) {
        if (std::find(files.begin(), files.end(), name) == files.end()) {
            throw InputError(manifest.string() + ": column " +
                             replace_placeholder(path_name, placeholder, name) + " has no " +
                             replace_placeholder(file_name, placeholder, name) + " beside it");
        }
    }
}

// Image sets without a plate name share this one, so that output files never start with "_".
std::string plate_or_default(const std::string& plate) {
    return plate.empty() ? "plate" : plate;
}

// Two manifest rows for the same plate, well and site would write one output over the other.
void refuse_repeated_image_sets(const std::filesystem::path& manifest,
                                const std::vector<ImageSet>& image_sets) {
    std::map<std::string, std::size_t> first_row;
    for (std::size_t row = 0; row < image_sets.size(); ++row) {
        const auto [seen, added] = first_row.emplace(image_sets[row].name(), row);
        if (!added) {
            throw InputError(manifest.string() + ": lines " + std::to_string(seen->second + 2) +
                             " and " + std::to_string(row + 2) + " are both image set " +
                             image_sets[row].name());
        }
    }
}

// A metadata column's index: absent is allowed under its default name, not under a name the
// config's column_map gave (a misspelt name would otherwise put every row on plate "plate", or
// every row in well A01).
std::optional<std::size_t> named_column(const CsvTable& table, const std::string& column,
                                        bool named_by_config, const std::string& key) {
    const auto at = table.find_column(column);
    if (!at && named_by_config) {
        throw InputError(table.path.string() + ": no column " + column + " (config /column_map/" +
                         key + ")");
    }
    return at;
}

}  // namespace

std::string ImageSet::name() const {
    return plate + "_" + well + "_" + site;
}

ColumnMap ColumnMap::from_json(const nlohmann::json& config) {
    ColumnMap map;
    if (!config.contains("column_map")) return map;
    const auto& columns = config.at("column_map");
    const std::set<std::string> known = {
        "file_name", "path_name", "objects_file_name", "objects_path_name", "plate",
        "well",      "site",      "channels"};
    for (const auto& [key, value] : columns.items()) {
        if (!known.count(key)) throw UsageError("unknown config key /column_map/" + key);
    }
    auto take = [&](const char* key, std::string& target) {
        if (!columns.contains(key)) return false;
        target = columns.at(key).get<std::string>();
        return true;
    };
    take("file_name", map.file_name);
    take("path_name", map.path_name);
    take("objects_file_name", map.objects_file_name);
    take("objects_path_name", map.objects_path_name);
    map.plate_named = take("plate", map.plate);
    map.well_named = take("well", map.well);
    map.site_named = take("site", map.site);
    if (columns.contains("channels")) {
        map.channels = columns.at("channels").get<std::vector<std::string>>();
    }
    return map;
}

std::string normalise_well(const std::string& well) {
    std::string trimmed;
    for (char c : well) {
        if (!std::isspace(static_cast<unsigned char>(c))) trimmed += c;
    }
    const bool letter = !trimmed.empty() && std::isalpha(static_cast<unsigned char>(trimmed[0]));
    const bool digits =
        trimmed.size() >= 2 && std::all_of(trimmed.begin() + 1, trimmed.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        });
    if (!letter || !digits || trimmed.size() > 5) {
        throw InputError("well '" + well + "' is not a row letter followed by a column number");
    }
    const int column = std::stoi(trimmed.substr(1));
    char text[8];
    std::snprintf(text, sizeof(text), "%c%02d",
                  std::toupper(static_cast<unsigned char>(trimmed[0])), column);
    return text;
}

std::vector<ImageSet> read_manifest(const std::filesystem::path& manifest, const ColumnMap& map,
                                    const std::filesystem::path& data_root) {
    const CsvTable table = read_csv(manifest);
    if (table.rows.empty()) throw InputError(manifest.string() + ": manifest has no image sets");
    const std::filesystem::path base = data_root.empty() ? manifest.parent_path() : data_root;

    std::vector<std::string> channels = map.channels;
    if (channels.empty()) channels = names_in_header(table.header, map.file_name, "{channel}");
    if (channels.empty()) {
        throw InputError(manifest.string() + ": no column matches '" + map.file_name + "'");
    }
    require_file_for_every_path(manifest, table.header, map.path_name, map.file_name, "{channel}");
    const auto objects = names_in_header(table.header, map.objects_file_name, "{object}");
    require_file_for_every_path(manifest, table.header, map.objects_path_name,
                                map.objects_file_name, "{object}");
    const auto plate_at = named_column(table, map.plate, map.plate_named, "plate");
    const auto well_at = named_column(table, map.well, map.well_named, "well");
    const auto site_at = named_column(table, map.site, map.site_named, "site");

    std::vector<ImageSet> image_sets;
    std::map<std::string, int> sites_seen;
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        ImageSet image_set;
        for (std::size_t i = 0; i < table.header.size(); ++i) {
            if (table.header[i].rfind("Metadata_", 0) == 0) {
                image_set.metadata[table.header[i]] = table.rows[row][i];
            }
        }
        // The file named by one FileName-style column of this row, under its PathName column.
        auto file_of = [&](const std::string& file_column, const std::string& path_column) {
            const std::string& file = table.rows[row][table.column(file_column)];
            if (file.empty()) {
                throw InputError(manifest.string() + ": line " + std::to_string(row + 2) + ": " +
                                 file_column + " is empty");
            }
            return resolve(cell(table, row, table.find_column(path_column)), file, base);
        };
        for (const auto& channel : channels) {
            image_set.channel_files[channel] =
                file_of(replace_placeholder(map.file_name, "{channel}", channel),
                        replace_placeholder(map.path_name, "{channel}", channel));
        }
        for (const auto& object : objects) {
            image_set.object_files[object] =
                file_of(replace_placeholder(map.objects_file_name, "{object}", object),
                        replace_placeholder(map.objects_path_name, "{object}", object));
        }
        image_set.plate = plate_or_default(cell(table, row, plate_at));
        const std::string well = cell(table, row, well_at);
        image_set.well = well.empty() ? "A01" : normalise_well(well);
        // Without a site column, the rows of one well are its sites 1, 2, ... in file order.
        image_set.site = site_at ? table.rows[row][*site_at]
                                 : std::to_string(++sites_seen[image_set.plate + image_set.well]);
        image_set.metadata["Metadata_Plate"] = image_set.plate;
        image_set.metadata["Metadata_Well"] = image_set.well;
        image_set.metadata["Metadata_Site"] = image_set.site;
        image_sets.push_back(std::move(image_set));
    }
    refuse_repeated_image_sets(manifest, image_sets);
    order_image_sets(image_sets);
    return image_sets;
}

std::vector<ImageSet> scan_folder(const std::filesystem::path& folder, const std::string& pattern,
                                  const std::string& default_plate,
                                  const std::map<std::string, std::string>& channel_names) {
    if (!std::filesystem::is_directory(folder)) {
        throw InputError(folder.string() + ": not a folder");
    }
    std::string plain = pattern;
    const std::vector<std::string> groups = strip_group_names(plain);
    auto has_group = [&](const char* name) {
        return std::find(groups.begin(), groups.end(), name) != groups.end();
    };
    if (!has_group("channel") ||
        !(has_group("well") || (has_group("row") && has_group("column")))) {
        throw UsageError("file-name pattern '" + pattern +
                         "' needs a (?<channel>...) group and (?<well>...) or (?<row>...) with "
                         "(?<column>...)");
    }
    std::regex expression;
    try {
        expression = std::regex(plain);
    } catch (const std::regex_error& error) {
        throw UsageError("file-name pattern '" + pattern + "' is not a valid regular expression (" +
                         error.what() + ")");
    }

    std::map<std::tuple<std::string, std::string, std::string>, ImageSet> by_field;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const std::string file = entry.path().filename().string();
        std::smatch match;
        if (!entry.is_regular_file() || !std::regex_match(file, match, expression)) continue;
        std::map<std::string, std::string> values;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (!groups[g].empty()) values[groups[g]] = match[g + 1].str();
        }
        const std::string plate =
            plate_or_default(values.count("plate") ? values["plate"] : default_plate);
        const std::string well = normalise_well(
            values.count("well") ? values["well"] : values["row"] + values["column"]);
        const auto renamed = channel_names.find(values["channel"]);
        const std::string channel =
            renamed == channel_names.end() ? values["channel"] : renamed->second;
        const std::string site = values.count("site") ? values["site"] : "1";
        ImageSet& image_set = by_field[{plate, well, site}];
        image_set.plate = plate;
        image_set.well = well;
        image_set.site = site;
        const auto [taken, added] = image_set.channel_files.emplace(channel, entry.path());
        if (!added) {
            throw InputError(folder.string() + ": " + taken->second.filename().string() + " and " +
                             file + " are both channel " + channel + " of " + image_set.name());
        }
        for (const auto& [group, value] : values) {
            if (group == "plate" || group == "well" || group == "site" || group == "channel" ||
                group == "row" || group == "column") {
                continue;
            }
            image_set.metadata["Metadata_" + group] = value;
        }
        image_set.metadata["Metadata_Plate"] = plate;
        image_set.metadata["Metadata_Well"] = well;
        image_set.metadata["Metadata_Site"] = site;
    }
    std::vector<ImageSet> image_sets;
    for (auto& [key, image_set] : by_field) image_sets.push_back(std::move(image_set));
    if (image_sets.empty()) {
        throw InputError(folder.string() + ": no file matches '" + pattern + "'");
    }
    order_image_sets(image_sets);
    return image_sets;
}

void join_plate_map(std::vector<ImageSet>& image_sets, const std::filesystem::path& plate_map,
                    const std::string& plate_column, const std::string& well_column) {
    const CsvTable table = read_csv(plate_map);
    auto pick = [&](const std::string& configured, const char* plain,
                    const char* prefixed) -> std::optional<std::size_t> {
        if (!configured.empty()) return table.column(configured);
        if (auto at = table.find_column(plain)) return at;
        return table.find_column(prefixed);
    };
    const auto plate_at = pick(plate_column, "Plate", "Metadata_Plate");
    const auto well_at = pick(well_column, "Well", "Metadata_Well");
    if (!well_at) throw InputError(plate_map.string() + ": no column 'Well' or 'Metadata_Well'");
    std::vector<std::string> wells;
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        try {
            wells.push_back(normalise_well(table.rows[row][*well_at]));
        } catch (const InputError& error) {
            throw InputError(plate_map.string() + ": line " + std::to_string(row + 2) + ": " +
                             error.what());
        }
    }

    std::vector<std::string> unmapped;
    for (auto& image_set : image_sets) {
        bool mapped = false;
        for (std::size_t row_index = 0; row_index < table.rows.size(); ++row_index) {
            const auto& row = table.rows[row_index];
            if (wells[row_index] != image_set.well) continue;
            if (plate_at && row[*plate_at] != image_set.plate) continue;
            mapped = true;
            for (std::size_t i = 0; i < table.header.size(); ++i) {
                if (i == well_at || (plate_at && i == *plate_at)) continue;
                const std::string& name = table.header[i];
                const std::string key = name.rfind("Metadata_", 0) == 0 ? name : "Metadata_" + name;
                image_set.metadata[key] = row[i];
            }
        }
        if (!mapped) unmapped.push_back(image_set.name());
    }

    // A well the map lacks is legitimate (an empty well, a map of treated wells only) but an
    // easy mistake (another plate name), so it is said once, not refused.
    if (!unmapped.empty()) {
        spdlog::warn(
            "{}: no row for {} of {} image sets (first {}); they get no plate-map metadata",
            plate_map.string(), unmapped.size(), image_sets.size(), unmapped.front());
    }
}

void order_image_sets(std::vector<ImageSet>& image_sets) {
    auto site_key = [](const std::string& site) {
        const bool numeric = !site.empty() && std::all_of(site.begin(), site.end(), ::isdigit);
        return std::make_pair(numeric ? std::stol(site) : 0L, site);
    };
    std::stable_sort(image_sets.begin(), image_sets.end(),
                     [&](const ImageSet& a, const ImageSet& b) {
                         return std::make_tuple(a.plate, a.well, site_key(a.site)) <
                                std::make_tuple(b.plate, b.well, site_key(b.site));
                     });
    for (std::size_t i = 0; i < image_sets.size(); ++i) {
        image_sets[i].image_number = static_cast<int>(i + 1);
    }
}

Shard Shard::parse(const std::string& text) {
    const auto slash = text.find('/');
    Shard shard;
    try {
        if (slash == std::string::npos) throw std::invalid_argument(text);
        std::size_t used = 0;
        shard.index = std::stoi(text.substr(0, slash), &used);
        if (used != slash) throw std::invalid_argument(text);
        shard.count = std::stoi(text.substr(slash + 1), &used);
        if (used != text.size() - slash - 1) throw std::invalid_argument(text);
    } catch (const std::logic_error&) {
        throw UsageError("--shard '" + text + "' is not of the form K/N");
    }
    if (shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
        throw UsageError("--shard '" + text + "' is out of range: need 1 <= K <= N");
    }
    return shard;
}

std::vector<ImageSet> take_shard(const std::vector<ImageSet>& image_sets, const Shard& shard) {
    std::vector<ImageSet> taken;
    for (std::size_t i = 0; i < image_sets.size(); ++i) {
        if (static_cast<int>(i % shard.count) == shard.index - 1) taken.push_back(image_sets[i]);
    }
    return taken;
}

}  // namespace hcs
