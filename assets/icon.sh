#!/usr/bin/env bash
# Draws the application icon with ImageMagick: a partnership board (gold) over three linked
# partnerships (white) on the council blue. Makes icon.png (256 px, for the window) and icon.ico
# (256 to 16 px, embedded in the Windows .exe by build.rs). Run from anywhere; needs `convert`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
convert -size 1024x1024 xc:none \
  -fill '#1d4f6e' -draw "roundrectangle 24,24 1000,1000 190,190" \
  -stroke '#bfe0f0' -strokewidth 44 -fill none \
  -draw "line 512,360 512,520" -draw "line 222,520 802,520" \
  -draw "line 222,498 222,650" -draw "line 512,520 512,650" -draw "line 802,498 802,650" \
  -stroke none -fill '#f4b942' -draw "roundrectangle 332,150 692,380 56,56" \
  -fill '#ffffff' -draw "roundrectangle 92,630 352,860 48,48" \
  -draw "roundrectangle 382,630 642,860 48,48" -draw "roundrectangle 672,630 932,860 48,48" \
  -depth 8 "$work/icon-1024.png"
convert "$work/icon-1024.png" -resize 256x256 -depth 8 -strip "PNG32:$here/icon.png"
convert "$work/icon-1024.png" -depth 8 -strip \
  -define icon:auto-resize=256,128,64,48,32,24,16 "$here/icon.ico"
