#!/usr/bin/env bash
# The README's main command: set up, build, segment the 48-well BBBC013 plate into
# out/bbbc013/seg, then print each well's Count_Nuclei beside CellProfiler 5's (fixture
# bbbc013-plate-percell/Image.csv.gz) and the worst relative difference.
#
#   scripts/segment-bbbc013.sh          (HCS_BUILD_DIR: build folder, default build;
#                                        HCS_DATA_ROOT: data root when ../shared is absent)
set -euo pipefail
cd "$(dirname "$0")/.."

build="${HCS_BUILD_DIR:-build}"
shared="../shared"
output="out/bbbc013/seg"

bash scripts/setup.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$build" --target hcs-segment compare_segment_counts >&2

# Images: ../shared/data when present, else $HCS_DATA_ROOT, else download them.
data_root="${HCS_DATA_ROOT:-}"
if [ -z "$data_root" ]; then
    if [ -d "$shared/data/bbbc013/images" ]; then
        data_root="$shared/data"
    else
        data_root="data-download"
        bash scripts/fetch-bbbc013.sh "$data_root"
    fi
fi

start=$(date +%s%N)
"$build/bin/hcs-segment" --config configs/bbbc013.json --data-root "$data_root" \
    --output "$output" --threads "$(nproc)"
end=$(date +%s%N)
echo "segment-bbbc013: $(ls "$output"/*.h5 | wc -l) segmentation files in $output," \
     "$(( (end - start) / 1000000 )) ms wall on $(nproc) threads" >&2

fixture="$shared/fixtures/cellprofiler/bbbc013-plate-percell/Image.csv.gz"
if [ -f "$fixture" ]; then
    "$build/bench/compare_segment_counts" "$output" "$fixture" 0.02
else
    echo "segment-bbbc013: $fixture not found; CellProfiler comparison skipped" >&2
fi
