# Liaison. `make run` serves the default timeline at http://localhost:8080;
# `make test` runs every test, browser tests included.

GO       ?= go
ADDR     ?= localhost:8080
WASM     := web/app.wasm
BIN      := bin/liaison
CHROMIUM ?= $(shell command -v chromium chromium-browser google-chrome 2>/dev/null | head -n 1)

.PHONY: all build wasm server run test vet browser js wordpress screenshots clean

all: build

build: wasm server

# The WebAssembly the browser runs: cmd/liaison-wasm, built for js/wasm.
# Then its brotli and gzip copies, which the server sends to browsers that
# accept them; they are made again only when the WebAssembly changed
# (cmd/precompress says what quality 11 costs).
BROTLI_QUALITY ?= 11

# Inlining is off except in the runtime, time and net: every reader then
# downloads 7 % less WebAssembly (1.49 MB of brotli instead of 1.61), for
# a lane layout about 25 % slower (10 ms at 10,000 relationships; zoom
# and pan move a layout and are not slower). The page's updates need the
# runtime's inlining (without it the "as of" cursor lost a quarter of its
# frames), the layout's date arithmetic needs time's, and net's code grows
# without it. docs/benchmarks.md has the measurements.
GOAPP := github.com/maxence-charriere/go-app/v10/pkg/app

WASM_GCFLAGS := -gcflags=all=-l -gcflags=runtime= -gcflags=time= -gcflags=net/...=

wasm:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" $(WASM_GCFLAGS) -o $(WASM) ./cmd/liaison-wasm
	$(GO) run ./cmd/precompress -brotli-quality $(BROTLI_QUALITY) $(WASM)

# The server embeds web/, so it is built after the WebAssembly.
server: wasm
	$(GO) build -trimpath -o $(BIN) ./cmd/liaison

run: build
	./$(BIN) serve -addr $(ADDR)

# Every package builds for both targets: the first command checks the CLI
# and the server, with every test (see test), the second the browser's
# program (cmd/liaison-wasm).
vet:
	$(GO) vet -tags built ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...

# Browser tests drive Debian's Chromium. Install it when it is missing
# (needs root or sudo); the tests fail, never skip, when CI=true.
browser:
	@if [ -z "$(CHROMIUM)" ]; then \
		echo "Chromium is missing: installing Debian's chromium package"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; \
	fi

# The JavaScript the browser tests load into pages (Pym.js, axe-core),
# pinned in package-lock.json. Installs npm with apt when it is missing.
js: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "npm is missing: installing Debian's npm package"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq npm; \
	fi
	npm ci --no-audit --no-fund --ignore-scripts

# WordPress's own wp-embed.js and embed.php (whose wp_filter_oembed_result
# makes the markup of a pasted URL), from Debian's wordpress package, for
# the test of a pasted URL (TestBrowserWordPressPaste): the files of the
# WordPress that Debian ships, fetched once into bin/wordpress (7.9 MB of
# package, two files kept). apt's lists are refreshed only when they lack
# the package; nothing is installed.
WORDPRESS := bin/wordpress
wordpress: $(WORDPRESS)/wp-embed.js

$(WORDPRESS)/wp-embed.js:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; cd "$$tmp"; \
	if ! apt-get download wordpress >/dev/null 2>&1; then \
		echo "apt's lists lack wordpress: updating them"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && apt-get download wordpress; \
	fi; \
	dpkg-deb -x wordpress_*_all.deb x; \
	mkdir -p "$(CURDIR)/$(WORDPRESS)"; \
	dpkg-deb -f wordpress_*_all.deb Version > "$(CURDIR)/$(WORDPRESS)/VERSION"; \
	cp x/usr/share/wordpress/wp-includes/embed.php "$(CURDIR)/$(WORDPRESS)/embed.php"; \
	cp x/usr/share/wordpress/wp-includes/js/wp-embed.js "$(CURDIR)/$(WORDPRESS)/wp-embed.js"; \
	echo "WordPress $$(cat "$(CURDIR)/$(WORDPRESS)/VERSION"): $(WORDPRESS)/wp-embed.js, $(WORDPRESS)/embed.php"

# The tests that need what make builds (the WebAssembly, bin/liaison, the
# npm packages, WordPress's files, Chromium) are built with the tag
# "built": go test ./... alone needs nothing built, and make test runs
# every test.
#
# Packages are tested one at a time: the browser tests wait on real time,
# and the data package's scale tests (100,000 relationships) take both
# cores for seconds, which made browser tests time out when run alongside.
# The person search folds names with the browser's Unicode tables in the
# WebAssembly (app/fold_wasm.go), so its tests run again as WebAssembly, in
# Node, which holds the same tables as the browser.
#
# The vendored go-app is a module of its own (third_party/go-app), which
# ./... leaves out: its package is named, for the tests Liaison added.
#
# The server's browser tests take 5-6 minutes on two quiet cores and went
# past go test's default 10-minute limit at a load average of 15-20: the
# limit is a hung test's, not a slow machine's.
test: build vet browser js wordpress
	$(GO) test -p 1 -timeout 25m -tags built ./... $(GOAPP)
	PATH="$$PATH:$$($(GO) env GOROOT)/lib/wasm" GOOS=js GOARCH=wasm $(GO) test ./app -run '^(TestFoldForSearch|TestPeopleSearch.*|TestFindPerson)$$' -count=1

# Refreshes the screenshots under docs/ from the browser tests.
screenshots: build browser js wordpress
	LIAISON_SCREENSHOTS=$(CURDIR)/docs $(GO) test -tags built ./cmd/liaison/internal/server -run 'TestBrowser|TestPicturesOfDocs' -count=1

# Fuzzes the date parser, the whole-file parser and the JSON reader
# (against encoding/json), then the HTTP surface (method, path, Host,
# query and a header, sent to the server on 127.0.0.1), for FUZZTIME each,
# one after the other (go test fuzzes one target at a time). go test's own
# 10-minute timeout applies to each run. Inputs that fail are saved under
# the package's testdata/fuzz/, where every later go test runs them.
FUZZTIME ?= 30s
.PHONY: fuzz
fuzz:
	$(GO) test ./data -run '^$$' -fuzz '^FuzzParseDate$$' -fuzztime $(FUZZTIME)
	$(GO) test ./data -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./data -run '^$$' -fuzz '^FuzzScanTree$$' -fuzztime $(FUZZTIME)
	$(GO) test -tags built ./cmd/liaison/internal/server -run '^$$' -fuzz '^FuzzHTTP$$' -fuzztime $(FUZZTIME)

# The benchmarks of issue 6, results in docs/benchmarks.md: parse, filter
# and layout at 50 to 100,000 relationships, with allocations; layout again
# as the browser runs it, built like the WebAssembly and run by Node (which
# npm brings); the server's requests a second against a static file's;
# then, in headless Chromium, first paint, the WebAssembly's takeover, DOM
# size, memory and input latency at 50, 1,000 and 10,000 relationships,
# and the WebAssembly's sizes; then at 100,000 relationships, the takeover
# and the bytes fetched before and after scrolling to the last lane. BENCH_RUNS loads of each size (after a
# first one with the server's page cache empty) give the medians. Packages
# run one at a time, so that no benchmark shares the cores with another.
# Last, the peers harness (bench-peers).
BENCH_RUNS ?= 3
.PHONY: bench
bench: build browser js
	$(GO) test -p 1 ./data ./app/... ./cmd/liaison/internal/picture -run '^$$' -bench . -count 1 -timeout 30m
	PATH="$$PATH:$$($(GO) env GOROOT)/lib/wasm" GOOS=js GOARCH=wasm $(GO) test ./app/plot $(WASM_GCFLAGS) \
		-run '^$$' -bench '^(BenchmarkLaneLayout|BenchmarkRescale)$$/relationships=(1000|10000)$$' -count 1
	$(GO) test -tags built ./cmd/liaison/internal/server -run '^$$' -bench . -benchtime 3s -count 1
	LIAISON_BENCH=1 LIAISON_BENCH_RUNS=$(BENCH_RUNS) $(GO) test -tags built ./cmd/liaison/internal/server -run '^TestBenchBrowser$$' -count 1 -v -timeout 30m
	LIAISON_BENCH=1 LIAISON_BENCH_RUNS=$(BENCH_RUNS) $(GO) test -tags built ./cmd/liaison/internal/server -run '^TestBenchBrowserLarge$$' -count 1 -v -timeout 30m
	$(MAKE) bench-peers

# Issue 16's side-by-side run (about 10 minutes on 2 cores): vis-timeline,
# TimelineJS and this checkout's Liaison in one headless Chromium, by the
# peers harness, which lives beside the repository (PEERS; read-only where
# it is shared, so it runs from a copy). Its tables go to standard output,
# and its results (peers.json, screenshots) to PEERS_OUT. PEERS_ARGS are
# the harness's options, e.g. --runs=3 --sizes=50,1000 --only='liaison
# (interactive)'; the recorded run (docs/benchmarks.md) takes the defaults
# and --ratio=vis-timeline.
PEERS      ?= ../shared/bench/peers
PEERS_OUT  ?= $(CURDIR)/bin/peers
PEERS_ARGS ?= --runs=5 --ratio=vis-timeline
.PHONY: bench-peers
bench-peers: build
	@test -f "$(PEERS)/run.mjs" || { echo "the peers harness is not at $(PEERS): set PEERS=DIR"; exit 1; }
	@copy=$$(mktemp -d) && trap 'rm -rf "$$copy"' EXIT && \
		cp -r "$(PEERS)" "$$copy/peers" && cd "$$copy/peers" && \
		npm ci --no-audit --no-fund --ignore-scripts && \
		LIAISON_DIR="$(CURDIR)" node run.mjs --out="$(PEERS_OUT)" $(PEERS_ARGS)

# The long load test: 64 clients for 30 s against a server on 127.0.0.1,
# with latency percentiles in its log. make test runs a short one.
.PHONY: soak
soak: build
	LIAISON_SOAK=1 $(GO) test -tags built ./cmd/liaison/internal/server -run '^TestLoad$$' -count=1 -v -timeout 5m

clean:
	rm -rf bin $(WASM) $(WASM).br $(WASM).gz node_modules
