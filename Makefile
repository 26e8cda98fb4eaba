# Hanji: `make demo` renders every example into out/; `make test` runs the whole test suite.
# Both install the Debian packages they need when missing (as root, or through sudo).

DEBS := libcairo2-dev libpango1.0-dev libpng-dev libfontconfig-dev libgdk-pixbuf-2.0-dev fonts-nanum fonts-dejavu-core poppler-utils qpdf locales
# The PDF finishing pass (PDF/A-2): libqpdf, and the sRGB profile of its output intent.
DEBS += libqpdf-dev icc-profiles-free
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
HANJI := .build/release/hanji
EXAMPLES := $(wildcard examples/*/minutes-*.yaml)
# Records printed by a layout of their own kind (`layout:` summary, council-plenary, committee):
# minutes in both editions, no sign-in sheet.
KINDS := $(wildcard examples/*/summary-*.yaml examples/*/plenary-*.yaml examples/*/committee-*.yaml)
YEARS := $(wildcard examples/*/year.yaml)
# iPhone HEIC photos: gdk-pixbuf's loader for them, and heif-enc, with which the tests make one.
DEBS += heif-gdk-pixbuf libheif-examples
# Noto Serif and Sans CJK KR: what Nanum lacks in real minutes (｢｣, Hanja in 명조 text, 李 U+F9E1).
DEBS += fonts-noto-cjk
# The archival checks (Tests/tools/pdfcheck.py, issue 18): pikepdf for Debian's /usr/bin/python3.
DEBS += python3-pikepdf
# The browser test of `hanji serve` (Tests/browser/test_serve.py): Chromium, its WebDriver, Selenium.
DEBS += chromium chromium-driver python3-selenium

.PHONY: deps build demo test test-browser fuzz tsan bench man install install-files uninstall deb deb-check clean

deps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# The Swift runtime and Foundation are linked in (--static-swift-stdlib): the program starts in
# about 15 ms instead of 25, as the dynamic loader has far fewer libraries to bind.
build: deps
	swift build -c release --product hanji --static-swift-stdlib

demo: build
	@mkdir -p out/png
	@for record in $(EXAMPLES); do \
	  name=$$(basename $$record .yaml); \
	  $(HANJI) minutes $$record -o out/$$name.pdf --png out/png || exit 1; \
	  $(HANJI) minutes $$record --public -o out/$$name-public.pdf --png out/png || exit 1; \
	  $(HANJI) signin $$record -o out/$$name-signin.pdf --png out/png || exit 1; \
	done
	@for record in $(KINDS); do \
	  name=$$(basename $$record .yaml); \
	  $(HANJI) minutes $$record -o out/$$name.pdf --png out/png || exit 1; \
	  $(HANJI) minutes $$record --public -o out/$$name-public.pdf --png out/png || exit 1; \
	done
	@for year in $(YEARS); do \
	  dir=$$(basename $$(dirname $$year)); \
	  $(HANJI) program $$year -o out/$$dir-program.pdf --png out/png || exit 1; \
	  $(HANJI) certificates $$year -o out/$$dir-certificates.pdf --png out/png || exit 1; \
	  $(HANJI) certificates $$year --roster $$(dirname $$year)/roster.csv -o out/$$dir-certificates-roster.pdf || exit 1; \
	  $(HANJI) booklet $$year -o out/$$dir-booklet.pdf --png out/png || exit 1; \
	  $(HANJI) booklet $$year --impose a5-booklet -o out/$$dir-booklet-print.pdf || exit 1; \
	done
	@echo "PDFs in out/, page previews in out/png/"

test: deps
	swift build --build-tests
	swift test --skip-build

# The page of `hanji serve` in headless Chromium against the debug program, screenshots in
# out/browser/ (run the script itself with HANJI=path to test another build).
test-browser: deps
	swift build --product hanji
	HANJI=.build/debug/hanji /usr/bin/python3 Tests/browser/test_serve.py

# The fuzzer (libFuzzer, fuzz/) over the record, year, spec and roster readers, each input also
# bound and laid out: FUZZ_SECONDS in all (a quarter each), seeded from examples/, templates/ and
# layouts/. A trap, hang or unlocated error stops it with the input in .build-fuzz/crash-*.
FUZZ_SECONDS ?= 60
FUZZ_SCRATCH := $(CURDIR)/.build-fuzz
FUZZER := $(FUZZ_SCRATCH)/release/hanji-fuzz
CORPUS := $(FUZZ_SCRATCH)/corpus
FUZZ_FLAGS := -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 -dict=fuzz/hanji.dict

# (lld: gold stops with an internal error on the libFuzzer runtime's objects. Swift's own crash
# reporter is off, so libFuzzer's signal handler saves the input.)
fuzz: deps
	swift build --package-path fuzz --scratch-path $(FUZZ_SCRATCH) -c release \
	  -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld --product hanji-fuzz
	@mkdir -p $(CORPUS)/record $(CORPUS)/year $(CORPUS)/spec $(CORPUS)/roster
	@cp examples/*/minutes-*.yaml $(KINDS) templates/new-year/minutes-01.yaml $(CORPUS)/record/
	@cp examples/*/year.yaml $(CORPUS)/year/ && cp templates/new-year/year.yaml $(CORPUS)/year/new-year.yaml
	@cp layouts/*.yaml $(CORPUS)/spec/
	@cp examples/*/roster.csv $(CORPUS)/roster/ && cp templates/new-year/roster.csv $(CORPUS)/roster/new-year.csv
	@each=$$(( $(FUZZ_SECONDS) / 4 )); [ $$each -ge 1 ] || each=1; \
	for kind in record year spec roster; do \
	  echo "fuzz $$kind: $$each s"; \
	  HANJI_FUZZ=$$kind SWIFT_BACKTRACE=enable=no $(FUZZER) -max_total_time=$$each $(FUZZ_FLAGS) \
	    -artifact_prefix=$(FUZZ_SCRATCH)/crash-$$kind- $(CORPUS)/$$kind 2>$(FUZZ_SCRATCH)/$$kind.log \
	    || { tail -40 $(FUZZ_SCRATCH)/$$kind.log; exit 1; }; \
	  grep -E "stat::number_of_executed_units|stat::new_units_added" $(FUZZ_SCRATCH)/$$kind.log | tr '\n' ' '; echo; \
	done

# The test suite under ThreadSanitizer, in its own build folder; tsan-suppressions.txt names
# the library-internal reports it leaves out, each with its reason.
# (The end-to-end tests run the plain .build/debug/hanji, built first.)
tsan: deps
	swift build --product hanji
	swift build --build-tests --sanitize=thread --scratch-path .build-tsan
	# GLib 2.74 hands freed Pango blocks from thread to thread in its own slice allocator, which
	# ThreadSanitizer cannot see: always-malloc makes that reuse visible, not a false race.
	G_SLICE=always-malloc TSAN_OPTIONS="second_deadlock_stack=1 suppressions=$(CURDIR)/tsan-suppressions.txt" \
	  swift test --skip-build --sanitize=thread --scratch-path .build-tsan

bench: build
	@python3 -c "import typst, yaml" 2>/dev/null || python3 -m pip install --quiet typst pyyaml
	python3 bench/bench.py
	python3 bench/serve_bench.py

# The manual page, from the same definitions as --help (swift-argument-parser's plugin), dated
# by the last commit. The plugin builds every product; in debug, so that it never relinks the
# release program `make build` links with the static Swift runtime.
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null)
man: deps
	@mkdir -p out
	swift package --allow-writing-to-directory out generate-manual --configuration debug \
	  --output-directory $(CURDIR)/out $(if $(MAN_DATE),--date $(MAN_DATE))
	@echo "man -l out/hanji.1"

# `make install` puts the program in PREFIX/bin, its layouts, templates, fonts/ and web/ (the page
# of `hanji serve`) in PREFIX/share/hanji (where the program looks for them: beside its own bin/)
# and the manual page in PREFIX/share/man/man1; DESTDIR stages the tree elsewhere. `make
# uninstall` removes them.
PREFIX ?= /usr/local
SHARE = $(DESTDIR)$(PREFIX)/share/hanji
MAN1 = $(DESTDIR)$(PREFIX)/share/man/man1

# The program and the manual page are built again only when a source changed since, so that
# `sudo make install` after `make build man` needs no Swift on root's PATH.
SOURCES := Package.swift $(shell find Sources -name '*.swift')
$(HANJI): $(SOURCES)
	@$(MAKE) --no-print-directory build
MANPAGE := out/hanji.1
$(MANPAGE): $(SOURCES)
	@$(MAKE) --no-print-directory man

install: $(HANJI) $(MANPAGE)
	@$(MAKE) --no-print-directory install-files

# The copying alone, once the program and the manual page are built (packaging/deb.sh uses it).
install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/layouts $(SHARE)/templates/new-year $(SHARE)/fonts $(SHARE)/web $(MAN1)
	install -m 755 $(HANJI) $(DESTDIR)$(PREFIX)/bin/hanji
	install -m 644 layouts/*.yaml $(SHARE)/layouts
	install -m 644 templates/new-year/* $(SHARE)/templates/new-year
	install -m 644 fonts/* $(SHARE)/fonts
	install -m 644 web/* $(SHARE)/web
	install -m 644 $(MANPAGE) $(MAN1)/hanji.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/hanji $(MAN1)/hanji.1
	rm -rf $(SHARE)

# The Debian package, out/hanji_VERSION_ARCH.deb (VERSION from Sources/hanji/Version.swift), and
# its check: `make deb-check` installs it on this machine (root, or through sudo), prints an
# example from elsewhere with the installed program, and removes it again.
VERSION := $(shell sed -n 's/.*static let number = "\(.*\)"/\1/p' Sources/hanji/Version.swift)
ARCH := $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
DEB := out/hanji_$(VERSION)_$(ARCH).deb

deb: $(HANJI) $(MANPAGE)
	packaging/deb.sh $(VERSION) $(ARCH) $(DEB)

deb-check: deb
	packaging/deb-check.sh $(DEB)

clean:
	rm -rf .build .build-fuzz .build-tsan out
