#!/usr/bin/env bash
# Installs what cardsim needs, if anything is missing (quick no-op otherwise).
#
#   scripts/install-deps.sh          what running and charting need (make build, make run):
#     libopenblas-dev, liblapacke-dev, pkg-config  linear algebra (OpenBLAS, LAPACKE)
#     gnuplot-nox, libgnuplot-iostream-dev         charts (gnuplot driven over a pipe)
#     fonts-wqy-microhei                           a CJK font, so Chinese names render in charts
#   scripts/install-deps.sh --test   the above and what only the test suite needs (make test):
#     chromium                                     headless rendering test of the HTML report
#     slurmctld, slurmd, slurm-client, munge       the one-node cluster of the 'cardsim slurm' test
#     python3, python3-pip                         notebook and report tests
#     Python packages from PyPI (pip install --quiet):
#       nbformat, nbclient, ipykernel              notebook validation and execution
#       pandas, matplotlib                         what exported notebooks import
#       pillow                                     pixel checks of charts and screenshots
#       openpyxl                                   reading back 'cardsim export --xlsx' workbooks
# Debian packages are installed with --no-install-recommends. Needs root or sudo when a Debian
# package is missing.
set -euo pipefail
test_tools=false
case "${1:-}" in
  "") ;;
  --test) test_tools=true ;;
  *) echo "usage: scripts/install-deps.sh [--test]" >&2; exit 64 ;;
esac

packages=(libopenblas-dev liblapacke-dev pkg-config gnuplot-nox libgnuplot-iostream-dev fonts-wqy-microhei)
if $test_tools; then
  packages+=(chromium slurmctld slurmd slurm-client munge)
  command -v python3 >/dev/null || packages+=(python3)
  command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1 || packages+=(python3-pip)
fi
"$(dirname "$0")/apt-install-missing.sh" "${packages[@]}"
$test_tools || exit 0

# Looked up, not imported: importing pandas and matplotlib alone takes seconds.
python_check="import importlib.util as u, sys
sys.exit(any(u.find_spec(m) is None for m in ['nbformat', 'nbclient', 'ipykernel', 'pandas', 'matplotlib', 'PIL', 'openpyxl']))"
if ! python3 -c "$python_check" 2>/dev/null; then
  echo "cardsim: installing Python packages nbformat nbclient ipykernel pandas matplotlib pillow openpyxl" >&2
  # Debian's own python3 is "externally managed" (PEP 668): pip needs to be told it may install.
  PIP_BREAK_SYSTEM_PACKAGES=1 PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check \
    nbformat nbclient ipykernel pandas matplotlib pillow openpyxl
  python3 -c "$python_check"
fi
