#!/usr/bin/env bash
# Installs the Debian packages cardsim needs, if any are missing:
#   libopenblas-dev, liblapacke-dev, pkg-config  linear algebra (OpenBLAS, LAPACKE)
#   gnuplot-nox, libgnuplot-iostream-dev         charts (gnuplot driven over a pipe)
# Needs root or sudo when something is missing; does nothing otherwise.
set -euo pipefail
packages=(libopenblas-dev liblapacke-dev pkg-config gnuplot-nox libgnuplot-iostream-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "cardsim: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
