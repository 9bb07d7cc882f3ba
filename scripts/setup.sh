#!/usr/bin/env bash
# Installs the Debian 12 packages hcs-profiler builds against, when any is missing.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    libopencv-dev libeigen3-dev libtorch-dev liblinear-dev libhdf5-dev libtiff-dev
    libsqlite3-dev libcli11-dev libspdlog-dev nlohmann-json3-dev libgtest-dev
    libcsv-dev zlib1g-dev liblzma-dev libplplot-dev plplot-driver-cairo
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#packages[@]} packages present" >&2
    exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo_command=()
[ "$(id -u)" -ne 0 ] && sudo_command=(sudo)
"${sudo_command[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_command[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >&2
