#!/bin/sh
# The example's seal (직인), drawn here: a red square seal reading 영등포/협치회/의장인 on a
# transparent background. It is a made-up stand-in, not any real office's seal.
set -e
cd "$(dirname "$0")"
FONT=/usr/share/fonts/truetype/nanum/NanumMyeongjoBold.ttf
convert -size 600x600 xc:none \
  -fill none -stroke '#c8102e' -strokewidth 34 -draw 'roundrectangle 30,30 570,570 24,24' \
  -stroke none -fill '#c8102e' -font "$FONT" -pointsize 150 \
  -annotate +68+215 '영등포' -annotate +68+375 '협치회' -annotate +68+535 '의장인' \
  -channel A -evaluate multiply 0.88 +channel \
  -depth 8 seal.png
