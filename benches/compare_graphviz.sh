#!/usr/bin/env bash
# Compares our layouts with Graphviz dot on the same synthetic graphs (same box sizes, same
# spacing): median time (ours: layout; dot: dot -Tsvg) and edge crossings (straight segments
# between box centres), with the ratios ours/dot. Needs Graphviz: installed with apt-get if
# missing. Crossings are counted the same way for both: every shown line as the straight segment
# between the two box centres (ours from the layout, dot's from `dot -Tplain`), pairs that share
# a node never count (src/layout/crossings.rs). Times: ours is layout (+ SVG in the diagram
# table) in-process, dot is `dot -Tsvg` as a process, both in the same run.
#
#   benches/compare_graphviz.sh            # 5 runs each (dot: 3, or 1 above 1,000 nodes)
#   LAYOUT_RUNS=9 DIAGRAM_RUNS=9 benches/compare_graphviz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dot >/dev/null 2>&1; then
    # Debian's Graphviz, as the issue asks; needs root (or sudo) and the network.
    echo "Graphviz 'dot' not found: installing it (apt-get install -y graphviz)" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
    if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq graphviz; } >&2; then
        echo "Could not install Graphviz: apt-get install graphviz, then run this again" >&2
        exit 1
    fi
fi
dot -V
LAYOUT_COMPARE=1 cargo bench --bench layout
# The whole diagram on synthetic registers (what `partnership-atlas sample --partnerships N`
# writes): our layout + SVG against `dot -Tsvg` on the DOT that `export graph` writes.
DIAGRAM_COMPARE=1 cargo bench --bench diagram
