// Image sets: one field of view (plate, well, site) with one image file per channel, and where
// they come from (DESIGN.md §3): LoadData-style manifests, column maps, folder scans, plate maps.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hcs {

struct ImageSet {
    int image_number = 0;  // 1-based, in plate, well, site order
    std::string plate, well, site;
    std::map<std::string, std::filesystem::path> channel_files;  // channel name -> file
    std::map<std::string, std::filesystem::path> object_files;   // object name -> label file
    std::map<std::string, std::string> metadata;                 // Metadata_* -> value

    // "<plate>_<well>_<site>", the stem of every per-image-set output.
    std::string name() const;
};

// How a manifest's columns are named. The defaults are CellProfiler's LoadData convention;
// a config's "column_map" overrides them (BBBC021: "Image_FileName_{channel}" ...).
struct ColumnMap {
    std::string file_name = "FileName_{channel}";
    std::string path_name = "PathName_{channel}";
    std::string objects_file_name = "ObjectsFileName_{object}";
    std::string objects_path_name = "ObjectsPathName_{object}";
    std::string plate = "Metadata_Plate";
    std::string well = "Metadata_Well";
    std::string site = "Metadata_Site";
    // Channel names to read; empty means every {channel} a FileName column names.
    std::vector<std::string> channels;
    // The plate, well and site columns are optional under their default names; one the config
    // names must be in the manifest.
    bool plate_named = false, well_named = false, site_named = false;

    // UsageError naming a "column_map" key other than file_name, path_name, objects_file_name,
    // objects_path_name, plate, well, site and channels.
    static ColumnMap from_json(const nlohmann::json& config);
};

// Normalises a well name: "a1", "A1", "A001" -> "A01". InputError for anything else.
std::string normalise_well(const std::string& well);

// Reads a LoadData-style manifest. Relative paths are taken relative to `data_root` when given,
// else to the manifest's folder. An empty manifest or a missing column is an InputError.
std::vector<ImageSet> read_manifest(const std::filesystem::path& manifest, const ColumnMap& map,
                                    const std::filesystem::path& data_root = {});

// Scans a folder for files whose name matches `pattern`, an ECMAScript regular expression with
// named groups written (?<name>...). channel and well are required (or row and column in place
// of well, for names such as "A-01"); plate and site are optional; any other group becomes
// Metadata_<name>. Files of one plate, well and site form one image set. `channel_names` renames
// the captured channel ("2" -> "DNA").
std::vector<ImageSet> scan_folder(const std::filesystem::path& folder, const std::string& pattern,
                                  const std::string& default_plate = "",
                                  const std::map<std::string, std::string>& channel_names = {});

// Joins a plate map CSV on plate and well, adding its columns as Metadata_<name>.
void join_plate_map(std::vector<ImageSet>& image_sets, const std::filesystem::path& plate_map,
                    const std::string& plate_column = "", const std::string& well_column = "");

// Orders image sets by plate, well, site and numbers them 1..N.
void order_image_sets(std::vector<ImageSet>& image_sets);

// A shard K/N of a plate: every image set whose 0-based index modulo N is K-1.
struct Shard {
    int index = 1;
    int count = 1;
    static Shard parse(const std::string& text);  // UsageError unless 1 <= K <= N
};
std::vector<ImageSet> take_shard(const std::vector<ImageSet>& image_sets, const Shard& shard);

}  // namespace hcs
