#!/bin/sh
# Makes game-assets/fonts/vds-sans.ttf: DejaVu Sans Bold cut down to the characters
# the game shows (ASCII, Latin-1 and a few punctuation marks), so Dutch accents render.
# Needs fontTools (`pip install fonttools`) and the DejaVu fonts (Debian: fonts-dejavu-core).
set -eu
here=$(dirname "$0")
pyftsubset /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf \
  --unicodes='U+0020-007E,U+00A0-00FF,U+2013-2014,U+2018-201E,U+2026,U+20AC,U+25B6,U+2190-2193' \
  --layout-features='kern' --no-hinting --desubroutinize \
  --output-file="$here/../fonts/vds-sans.ttf"
