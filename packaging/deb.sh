#!/bin/sh
# Builds Hanji's Debian package; `make deb` runs it once the program and its manual page are built.
# The package holds what `make install PREFIX=/usr` installs, the program stripped of its symbols;
# its Depends are the packages of the libraries the program links (dpkg-shlibdeps) and the fonts
# and HEIC loader it uses at run time (packaging/control).
# usage: packaging/deb.sh VERSION ARCH OUTPUT.deb
set -eu
version=$1 arch=$2 deb=$3
# dpkg-shlibdeps wants the tree where a source package puts it: debian/PACKAGE beside debian/control.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
root=$scratch/debian/hanji
mkdir -p "$root/DEBIAN"
printf 'Source: hanji\n\nPackage: hanji\nArchitecture: any\n' > "$scratch/debian/control"

make --no-print-directory install-files DESTDIR="$root" PREFIX=/usr
strip --strip-unneeded "$root/usr/bin/hanji"
gzip -9n "$root/usr/share/man/man1/hanji.1"
install -d "$root/usr/share/doc/hanji"
gzip -9nc README.md > "$root/usr/share/doc/hanji/README.md.gz"

shlibs=$(cd "$scratch" && dpkg-shlibdeps -O -e ./debian/hanji/usr/bin/hanji | sed 's/^shlibs:Depends=//')
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" -e "s/@SHLIBS@/$shlibs/" \
    packaging/control > "$root/DEBIAN/control"
mkdir -p "$(dirname "$deb")"
dpkg-deb --root-owner-group --build "$root" "$deb"
