#!/usr/bin/env bash
# What `make test` runs after the virtualenv is ready: services, checks, lint, pytest. Prints a timing summary.
# PostgreSQL is left running; the Elasticsearch node and stripe-mock are stopped at the end if this run
# started them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PY=.venv/bin/python
export PG_USER="${PG_USER:-portal}"
export PG_PASSWORD="${PG_PASSWORD:-portal-test-only}"
export PG_DATABASE="${PG_DATABASE:-portal}"
export DATABASE_URL="postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:5432/${PG_DATABASE}"
export ES_HTTP_PORT="${ES_HTTP_PORT:-9200}"
export ELASTICSEARCH_URL="http://127.0.0.1:${ES_HTTP_PORT}"
# A three-node cluster (three JVMs) beside the single node, for the replica and drill tests
# (tests/integration/search/test_cluster.py, test_cluster_drill.py); ES_CLUSTER_URL lists its three nodes.
ES_CLUSTER_PORT="${ES_CLUSTER_PORT:-9250}"
export ES_CLUSTER_URL="http://127.0.0.1:${ES_CLUSTER_PORT},http://127.0.0.1:$((ES_CLUSTER_PORT + 1)),http://127.0.0.1:$((ES_CLUSTER_PORT + 2))"
# The shared cache of CI, as in production (CACHE_URL); each pytest-xdist worker uses its own Redis database.
export REDIS_PORT="${REDIS_PORT:-6379}"
export CACHE_URL="redis://127.0.0.1:${REDIS_PORT}/0"
# Only pytest talks to stripe-mock; the deploy check sees production's empty STRIPE_API_BASE.
STRIPE_MOCK_URL="http://127.0.0.1:${STRIPE_MOCK_PORT:-12111}"

TIMINGS=()
CURRENT=""
phase() {
    CURRENT="$1"
    shift
    printf '\n==> %s\n' "$CURRENT"
    local start=$SECONDS
    "$@"
    TIMINGS+=("$(printf '%-28s %4ds' "$CURRENT" $((SECONDS - start)))")
    CURRENT=""
}

PYTEST_LOG=test-results/pytest.log
rm -f "$PYTEST_LOG"
started_es=0
started_stripe_mock=0
started_redis=0
started_es_cluster=0
finish() {
    local rc=$?
    if ((started_es_cluster)); then
        ES_HTTP_PORT="$ES_CLUSTER_PORT" ES_NODES=3 scripts/es-node.sh stop
    fi
    if ((started_redis)); then
        scripts/redis.sh stop
    fi
    if ((started_es)); then
        scripts/es-node.sh stop
    fi
    if ((started_stripe_mock)); then
        scripts/stripe-mock.sh stop
    fi
    printf '\n==> timings\n'
    if ((${#TIMINGS[@]})); then
        printf '    %s\n' "${TIMINGS[@]}"
    fi
    if ((rc != 0)); then
        printf '\nmake test FAILED%s (exit %d)\n' "${CURRENT:+ in phase: $CURRENT}" "$rc"
    fi
    # pytest's closing line last, so whoever reads the end of the log sees what ran.
    if [[ -s "$PYTEST_LOG" ]]; then
        tail -n 1 "$PYTEST_LOG"
    fi
    return "$rc"
}
trap finish EXIT

python_packages() {
    make -s --no-print-directory venv
    echo "python packages: .venv has requirements.txt"
}

start_es() {
    if scripts/es-node.sh status; then
        echo "es-node: a node already answers on $ELASTICSEARCH_URL; using it and leaving it running"
    else
        started_es=1
        scripts/es-node.sh start
    fi
}

start_es_cluster() {
    if ES_HTTP_PORT="$ES_CLUSTER_PORT" ES_NODES=3 scripts/es-node.sh status; then
        echo "es-node: a three-node cluster already answers on $ES_CLUSTER_URL; using it and leaving it running"
    else
        started_es_cluster=1
        ES_HTTP_PORT="$ES_CLUSTER_PORT" ES_NODES=3 scripts/es-node.sh start
    fi
}

start_redis() {
    if scripts/redis.sh status; then
        echo "redis: already answers on 127.0.0.1:$REDIS_PORT; using it and leaving it running"
    else
        started_redis=1
        scripts/redis.sh start
    fi
}

start_stripe_mock() {
    if scripts/stripe-mock.sh status; then
        echo "stripe-mock: already answers on $STRIPE_MOCK_URL; using it and leaving it running"
    else
        started_stripe_mock=1
        scripts/stripe-mock.sh start
    fi
}

deploy_check() {
    # Production settings with every secret set to a throw-away value and the shared cache: must be free of warnings.
    local secret
    secret="$($PY -c 'import secrets; print(secrets.token_urlsafe(64))')"
    DJANGO_SETTINGS_MODULE=portal.settings.production DJANGO_SECRET_KEY="$secret" \
        STRIPE_SECRET_KEY=sk_test_deploy_check STRIPE_PUBLISHABLE_KEY=pk_test_deploy_check \
        STRIPE_WEBHOOK_SECRET=whsec_deploy_check \
        $PY manage.py check --deploy --fail-level WARNING
}

run_pytest() {
    local rc=0
    # pytest-xdist: one worker per core, each with its own test database and Elasticsearch indexes
    # (portal/settings/test.py); `scripts/test.sh -n 0` runs in one process.
    local args=(-p no:cacheprovider --durations=10 -n auto --dist worksteal)
    # Developers keep the test databases between runs (`--create-db` rebuilds them); CI builds them afresh.
    local ci="${CI:-}"
    if [[ "${ci,,}" != true ]]; then
        args+=(--reuse-db)
    fi
    mkdir -p test-results
    STRIPE_API_BASE="$STRIPE_MOCK_URL" $PY -m pytest "${args[@]}" "$@" 2>&1 | tee "$PYTEST_LOG" || rc=${PIPESTATUS[0]}
    if ((rc == 5)); then
        echo "pytest collected no tests: that is a failure" >&2
        return 1
    fi
    return "$rc"
}

run_pytest_sqlite() {
    # The embedded default database once more (SQLite, database search): Wagtail's SQLite full-text backend
    # (FTS5), substring matching, quoting and NUL bytes behave differently from PostgreSQL. The database search
    # backend, site search and the fuzz test run there; Elasticsearch tests are left out. Skipped when pytest
    # got arguments.
    if (($#)); then
        return 0
    fi
    local sqlite_dir
    sqlite_dir="$(mktemp -d)"
    DATABASE_URL="sqlite:///$sqlite_dir/search.sqlite3" ELASTICSEARCH_URL="" STRIPE_API_BASE="$STRIPE_MOCK_URL" \
        $PY -m pytest -p no:cacheprovider -n auto --dist worksteal tests/unit/search tests/integration/search \
        tests/integration/portal/test_fuzz.py -k "not elasticsearch" 2>&1 | tee test-results/pytest-sqlite.log
    local rc=${PIPESTATUS[0]}
    rm -rf "$sqlite_dir"
    return "$rc"
}

phase "system packages" scripts/system-packages.sh
phase "python packages" python_packages
phase "node packages (axe-core, vnu-jar, lighthouse)" scripts/node-packages.sh
phase "translations" make -s --no-print-directory messages
phase "postgresql" scripts/postgres.sh
phase "redis" start_redis
phase "elasticsearch node" start_es
phase "elasticsearch cluster (3 nodes)" start_es_cluster
phase "stripe-mock" start_stripe_mock
phase "django check" $PY manage.py check
phase "migrations up to date" $PY manage.py makemigrations --check --dry-run
phase "deploy check (production)" deploy_check
phase "ruff check" .venv/bin/ruff check .
phase "ruff format --check" .venv/bin/ruff format --check .
phase "import contracts" .venv/bin/lint-imports --no-cache
phase "pytest" run_pytest "$@"
phase "pytest on SQLite (search, fuzz)" run_pytest_sqlite "$@"
