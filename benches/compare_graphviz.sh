#!/usr/bin/env bash
# Compares our layouts with Graphviz dot on the same synthetic graphs (same box sizes, same
# spacing): median time (ours: layout; dot: dot -Tsvg) and edge crossings (straight segments
# between box centres), with the ratios ours/dot. Needs Graphviz (apt-get install graphviz).
#
#   benches/compare_graphviz.sh            # 5 runs each (dot: 3, or 1 above 1,000 nodes)
#   LAYOUT_RUNS=9 DIAGRAM_RUNS=9 benches/compare_graphviz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dot >/dev/null 2>&1; then
    echo "Graphviz 'dot' not found: apt-get install graphviz" >&2
    exit 1
fi
LAYOUT_COMPARE=1 cargo bench --bench layout
# The whole diagram on synthetic registers (what `partnership-atlas sample --partnerships N`
# writes): our layout + SVG against `dot -Tsvg` on the DOT that `export graph` writes.
DIAGRAM_COMPARE=1 cargo bench --bench diagram
