#!/usr/bin/env bash
# Install the test-only Node packages pinned in package-lock.json (axe-core, vnu-jar, lighthouse) into ./node_modules with `npm ci`,
# only when the lock file is newer than the stamp. `make run` never needs Node.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

STAMP=node_modules/.npm-ci-installed

if [[ -f "$STAMP" && "$STAMP" -nt package-lock.json && "$STAMP" -nt package.json ]]; then
    echo "node packages: node_modules has package-lock.json"
    exit 0
fi

if ! command -v npm >/dev/null; then
    SUDO=()
    if [[ "$(id -u)" != 0 ]]; then
        SUDO=(sudo)
    fi
    echo "node packages: npm is missing; installing Debian's nodejs and npm"
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

npm ci --no-audit --no-fund --loglevel=error
touch "$STAMP"
echo "node packages: installed axe-core $(node -p 'require("./node_modules/axe-core/package.json").version'), vnu-jar $(node -p 'require("./node_modules/vnu-jar/package.json").version'), lighthouse $(node -p 'require("./node_modules/lighthouse/package.json").version')"
