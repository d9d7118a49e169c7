#!/bin/sh
# Renders the tray PNGs from the SVG sources: 16 px (Windows, macOS) and 32 px (Linux panels),
# each with an @2x twin that Electron's nativeImage picks on HiDPI screens.
set -e
cd "$(dirname "$0")"
for state in normal attention offline; do
  for size in 16 32; do
    rsvg-convert -w "$size" -h "$size" "tray-$state.svg" -o "tray-$state-$size.png"
    rsvg-convert -w $((size * 2)) -h $((size * 2)) "tray-$state.svg" -o "tray-$state-$size@2x.png"
  done
done
