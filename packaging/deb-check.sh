#!/bin/sh
# Checks Hanji's Debian package on this machine; `make deb-check` runs it after `make deb`.
# It installs the package with apt-get (as root, or through sudo), prints an example record copied
# elsewhere and a new year with the installed /usr/bin/hanji from another folder, compares the
# minutes with those the checkout's program prints, and removes the package again whatever
# happened. It changes the system, so it is no unit test.
# usage: packaging/deb-check.sh out/hanji_VERSION_ARCH.deb
set -eu
deb=$(realpath "$1")
repo=$PWD
sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
if dpkg -s hanji >/dev/null 2>&1; then
  echo "deb-check: the hanji package is installed already; remove it first (apt-get remove hanji)" >&2
  exit 1
fi
scratch=$(mktemp -d)
remove() {
  DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq hanji >/dev/null || true
  rm -rf "$scratch"
}
trap remove EXIT

echo "Depends: $(dpkg-deb -f "$deb" Depends)"
if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$deb" >"$scratch/apt.log" 2>&1; then
  cat "$scratch/apt.log" >&2; exit 1
fi
echo "installed: $(dpkg-query -W -f '${Package} ${Version}' hanji)"
[ "$(command -v hanji)" = /usr/bin/hanji ] || { echo "deb-check: hanji is not /usr/bin/hanji" >&2; exit 1; }
if ldd /usr/bin/hanji | grep "not found"; then echo "deb-check: a library is missing" >&2; exit 1; fi
man -w hanji

mkdir -p "$scratch/records" "$scratch/elsewhere"
cp "$repo/examples/yeongdeungpo-2018/minutes-14.yaml" "$scratch/records/"
cp -R "$repo/examples/yeongdeungpo-2018/photos" "$scratch/records/"
cd "$scratch/elsewhere"
hanji --version
hanji minutes "$scratch/records/minutes-14.yaml" -o minutes-14.pdf
hanji init 2027
hanji minutes 2027/minutes-01.yaml -o minutes-01.pdf
pdfinfo minutes-14.pdf | grep -E "^(Title|Pages):"
# The installed program prints what the checkout's prints, byte for byte.
"$repo/.build/release/hanji" minutes "$scratch/records/minutes-14.yaml" -o checkout.pdf \
  --layout "$repo/layouts/minutes.yaml" >/dev/null
cmp minutes-14.pdf checkout.pdf
echo "deb-check: $(basename "$deb") installs, prints and is removed again"
