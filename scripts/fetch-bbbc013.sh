#!/usr/bin/env bash
# Downloads BBBC013 (Broad Bioimage Benchmark Collection, https://bbbc.broadinstitute.org/BBBC013)
# for users without ../shared: the 8-bit BMP images and the flat 96-value plate map, laid out as
# configs/bbbc013.json expects under a data root: <root>/bbbc013/images/Channel<c>-NN-R-CC.BMP and
# <root>/bbbc013/plate_map.csv. Run hcs-segment with --data-root <root> (or HCS_DATA_ROOT=<root>).
#
#   scripts/fetch-bbbc013.sh [data root]      (default: $HCS_DATA_ROOT, else ./data-download)
#
# Images provided by Ilya Ravkin; cite Ljosa et al., Nature Methods 9(7):637 (2012).
set -euo pipefail

root="${1:-${HCS_DATA_ROOT:-data-download}}"
base_url="${BBBC013_URL:-https://data.broadinstitute.org/bbbc/BBBC013}"
target="$root/bbbc013"
mkdir -p "$target/images"

download() {  # url file
    if [ -s "$2" ]; then
        echo "fetch-bbbc013: $2 already there" >&2
        return
    fi
    echo "fetch-bbbc013: downloading $1" >&2
    curl -fL --retry 3 -o "$2.part" "$1"
    mv "$2.part" "$2"
}

download "$base_url/BBBC013_v1_images_bmp.zip" "$target/BBBC013_v1_images_bmp.zip"
download "$base_url/BBBC013_v1_platemap_all.txt" "$target/BBBC013_v1_platemap_all.txt"

# The archive holds one folder of Channel<c>-NN-R-CC.BMP files; flatten it into images/.
unzip -o -j -q "$target/BBBC013_v1_images_bmp.zip" '*.BMP' '*.bmp' -d "$target/images" 2>/dev/null ||
    unzip -o -j -q "$target/BBBC013_v1_images_bmp.zip" -d "$target/images"
echo "fetch-bbbc013: $(ls "$target/images" | wc -l) images in $target/images" >&2

# The upstream plate map is 96 concentrations, one per line, wells in row-major order (A01, A02,
# ..., H12). Rows A-D hold Wortmannin and rows E-H LY294002 according to secondary records of
# the plate (see ../shared/data/bbbc013/README.md); upstream states no compound or unit.
awk 'BEGIN { print "Plate,Well,Concentration,Compound"; split("ABCDEFGH", rows, "") }
     NF > 0 {
         i = n++; row = rows[int(i / 12) + 1]; column = i % 12 + 1
         compound = (row <= "D") ? "Wortmannin" : "LY294002"
         gsub(/\r/, "", $1)
         printf "BBBC013,%s%02d,%s,%s\n", row, column, $1, compound
     }' "$target/BBBC013_v1_platemap_all.txt" > "$target/plate_map.csv"
echo "fetch-bbbc013: wrote $target/plate_map.csv; now use --data-root $root" >&2
