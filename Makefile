# Two commands for a fresh machine:
#   make run    the whole product on http://127.0.0.1:8000: web server, task worker and schedule clock (honcho,
#               Procfile), SQLite, database search, demo content
#   make test   installs what is missing, starts PostgreSQL, Elasticsearch and stripe-mock, runs every check and the tests
# Both are idempotent; re-runs skip what is already in place.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_BIN ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
REQUIREMENTS_STAMP := $(VENV)/.requirements-installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help run test venv messages migrate seed es-start es-stop postgres system-packages css

help:
	@echo "make run    start web server, task worker and schedule clock on http://$(HOST):$(PORT) with demo content"
	@echo "make test   install what is missing, start PostgreSQL, Elasticsearch and stripe-mock, run checks, lint and pytest"
	@echo "make css    rebuild portal/static/css/portal.css from portal/static/scss (needs Node and npm)"

$(PY):
	$(PYTHON_BIN) -m venv $(VENV)

# Reinstall only when requirements.txt is newer than the stamp.
$(REQUIREMENTS_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

venv: $(REQUIREMENTS_STAMP)

# No-op while portal/locale has no .po files.
messages: venv
	@if find portal/locale -name '*.po' -print -quit 2>/dev/null | grep -q .; then \
		$(PY) manage.py compilemessages --ignore=.venv --ignore=.cache --ignore=.services -v 0; \
	else \
		echo "messages: no .po files in portal/locale, nothing to compile"; \
	fi

# Task and page-publishing logs are kept out of the way while preparing; the server itself logs at INFO.
migrate: venv
	DJANGO_LOG_LEVEL=WARNING $(PY) manage.py migrate --no-input -v 0

# The demo is seeded with the immediate backend (its e-mails and index updates run at once); afterwards the
# worker of `make run` runs what the site queues.
seed: migrate
	DJANGO_LOG_LEVEL=WARNING TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend $(PY) manage.py seed_demo

run: messages seed
	@echo
	@echo "Portal:   http://$(HOST):$(PORT)/"
	@echo "Admin:    http://$(HOST):$(PORT)/admin/"
	@echo "Logins:   staff@demo.taipei / demo-staff-2026   (bureau staff)"
	@echo "          sme@demo.taipei / demo-sme-2026       (SME owner)"
	@echo "Processes: web (runserver), worker (db_worker: queued e-mails, index updates), clock (schedule run)"
	@echo
	HOST=$(HOST) $(VENV)/bin/honcho start --procfile Procfile --port $(PORT)

test:
	scripts/test.sh

# Rebuild the committed stylesheet from portal/static/scss with the Sass and GOV.UK Frontend versions in
# package-lock.json. Only needed after editing the SCSS; `make run` uses the committed CSS. NPM_PREFIX lets
# the build use a node_modules other than ./node_modules.
NPM_PREFIX ?= .
css:
	npm ci --prefix $(NPM_PREFIX) --no-audit --no-fund --ignore-scripts
	$(NPM_PREFIX)/node_modules/.bin/sass --no-source-map --style=compressed --quiet-deps \
		--load-path=$(NPM_PREFIX)/node_modules portal/static/scss/portal.scss portal/static/css/portal.css

system-packages:
	scripts/system-packages.sh

postgres: system-packages
	scripts/postgres.sh

es-start:
	scripts/es-node.sh start

es-stop:
	scripts/es-node.sh stop
