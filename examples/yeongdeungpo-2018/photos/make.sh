#!/bin/sh
# The example's 회의 사진 are drawn here, not photographed or downloaded: ImageMagick paints a
# meeting room (1600×1200 JPEG), a presentation screen (1600×900 JPEG) and a seating plan (PNG).
# Run it again only to change the pictures; the committed files are what the example uses.
set -e
cd "$(dirname "$0")"
FONT=/usr/share/fonts/truetype/nanum/NanumGothic.ttf
BOLD=/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf

# 1. The meeting room: a long table, twelve seated figures, a window wall.
mvg=""
for i in 0 1 2 3 4 5; do
  x=$((250 + i * 200))
  mvg="$mvg fill #3d4a5c circle $x,560 $x,515 fill #5a6b82 roundrectangle $((x-60)),600 $((x+60)),760 30,30"
  mvg="$mvg fill #2f3a48 circle $x,1010 $x,955 fill #46566b roundrectangle $((x-70)),1050 $((x+70)),1200 30,30"
done
convert -size 1600x1200 gradient:'#e9e4d8-#cfc7b4' \
  -fill '#b9d3e6' -draw 'rectangle 80,60 1520,380' \
  -stroke '#8a8270' -strokewidth 8 -draw 'line 560,60 560,380' -draw 'line 1040,60 1040,380' -stroke none \
  -draw "$mvg" \
  -fill '#8b5a2b' -draw 'roundrectangle 120,720 1480,960 40,40' \
  -fill '#f4f1ea' -draw 'rectangle 300,800 420,860' -draw 'rectangle 700,790 820,850' -draw 'rectangle 1100,805 1220,865' \
  -attenuate 0.35 +noise Gaussian -quality 88 meeting.jpg

# 2. The screen: the showcase plan on a projector.
convert -size 1600x900 xc:'#20262e' \
  -fill '#fafafa' -draw 'rectangle 160,90 1440,760' \
  -fill '#1f4e79' -draw 'rectangle 160,90 1440,210' \
  -font "$BOLD" -pointsize 64 -fill white -annotate +220+175 '2018 협치분과 성과공유회 준비' \
  -font "$FONT" -pointsize 46 -fill '#222222' \
  -annotate +240+320 '○ 일시: 2018. 12. 13.(목) 18:00' \
  -annotate +240+410 '○ 장소: 플로렌스 오목교' \
  -annotate +240+500 '○ 대상: 분과위원 및 협치위원' \
  -annotate +240+590 '○ 내용: 협치사업 대표사례 공유 발표' \
  -fill '#3a3f47' -draw 'rectangle 720,760 880,900' \
  -attenuate 0.25 +noise Gaussian -quality 88 screen.jpg

# 3. The seating plan, drawn as a diagram (PNG with transparency around the table).
convert -size 1200x800 xc:none \
  -fill '#ffffff' -stroke '#333333' -strokewidth 4 -draw 'roundrectangle 20,20 1180,780 30,30' \
  -fill '#d9c3a5' -draw 'roundrectangle 250,300 950,500 30,30' -stroke none \
  -font "$FONT" -pointsize 40 -fill '#333333' -annotate +470+415 '회의 탁자' \
  -fill '#1f4e79' -draw 'circle 300,230 300,190' -draw 'circle 480,230 480,190' -draw 'circle 660,230 660,190' -draw 'circle 840,230 840,190' \
  -draw 'circle 300,570 300,530' -draw 'circle 480,570 480,530' -draw 'circle 660,570 660,530' -draw 'circle 840,570 840,530' \
  -fill '#b03a2e' -draw 'circle 1030,400 1030,360' \
  -fill '#333333' -pointsize 34 -annotate +960+480 '위원장' -annotate +60+110 '좌석 배치' \
  -depth 8 seating.png
