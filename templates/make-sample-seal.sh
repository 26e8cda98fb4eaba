#!/bin/sh
# The sample seal (견본 직인) `hanji init` puts into a new year: a red square seal reading
# 새마을/협치회/의장인, crossed by a grey diagonal 견본 (SAMPLE) so that no one prints a real
# certificate with it. Hanji recognises it by its bytes (Sources/Hanji/SampleSeal.swift holds
# their fingerprint): after running this script, put the new fingerprint there (the test
# sampleSealFingerprintIsTheTemplates, in Tests/HanjiTests/SmallThingsTests.swift, prints it).
set -e
cd "$(dirname "$0")/new-year"
FONT=/usr/share/fonts/truetype/nanum/NanumMyeongjoBold.ttf
MARK=/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf
"${CONVERT:-convert}" -size 600x600 xc:none \
  -fill none -stroke '#c8102e' -strokewidth 34 -draw 'roundrectangle 30,30 570,570 24,24' \
  -stroke none -fill '#c8102e' -font "$FONT" -pointsize 150 \
  -annotate +68+215 '새마을' -annotate +68+375 '협치회' -annotate +68+535 '의장인' \
  -channel A -evaluate multiply 0.88 +channel \
  -font "$MARK" -pointsize 200 -gravity center \
  -stroke '#ffffff' -strokewidth 14 -fill '#ffffff' -annotate -35x-35+0+0 '견본' \
  -stroke none -fill '#5a5a5a' -annotate -35x-35+0+0 '견본' \
  -strip -define png:exclude-chunks=date,time -depth 8 seal.png
