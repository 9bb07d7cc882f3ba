#!/usr/bin/env bash
# End to end on the 48-well BBBC013 plate: hcs-segment (configs/bbbc013.json, no illumination
# correction) into out/e2e/seg, hcs-measure on those files into out/e2e/cells, then every
# per-cell feature's per-well median against CellProfiler 5's per-object tables (fixture
# bbbc013-plate-percell) with bench/compare_well_medians.
#
#   scripts/measure-bbbc013.sh          (HCS_BUILD_DIR: build folder, default build;
#                                        HCS_THREADS: worker threads, default all cores)
set -euo pipefail
cd "$(dirname "$0")/.."

build="${HCS_BUILD_DIR:-build}"
threads="${HCS_THREADS:-$(nproc)}"
shared="../shared"
fixture="$shared/fixtures/cellprofiler/bbbc013-plate-percell"
output="out/e2e"

if [ ! -d "$shared/data/bbbc013/images" ] || [ ! -d "$fixture" ]; then
    echo "measure-bbbc013: needs $shared/data/bbbc013 and $fixture" >&2
    exit 1
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$build" --target hcs-segment hcs-measure compare_well_medians >&2

milliseconds() { date +%s%3N; }

rm -rf "$output"
start=$(milliseconds)
"$build/bin/hcs-segment" --config configs/bbbc013.json --data-root "$shared/data" \
    --output "$output/seg" --threads "$threads"
segmented=$(milliseconds)
"$build/bin/hcs-measure" --config configs/bbbc013.json --data-root "$shared/data" \
    --labels "$output/seg" --output "$output" --threads "$threads"
measured=$(milliseconds)
echo "measure-bbbc013: hcs-segment $(( segmented - start )) ms, hcs-measure" \
     "$(( measured - segmented )) ms wall for $(ls "$output"/cells/*.h5 | wc -l) image sets" \
     "on $threads threads" >&2

"$build/bench/compare_well_medians" "$output/cells" "$fixture" 0.02
