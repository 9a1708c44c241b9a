#!/usr/bin/env bash
# Install the Debian packages that `make test` needs, only those missing (apt-get update once, only then).
set -euo pipefail

PACKAGES=(postgresql redis-server nginx-light chromium fonts-noto-cjk fonts-thai-tlwg gettext curl wrk)

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "system packages: all present (${PACKAGES[*]})"
    exit 0
fi

SUDO=()
if [[ "$(id -u)" != 0 ]]; then
    SUDO=(sudo)
fi
echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system packages: installed ${missing[*]}"
