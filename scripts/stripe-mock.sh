#!/usr/bin/env bash
# The official stripe-mock (Stripe's API served from its OpenAPI spec), built with the Go toolchain.
#   scripts/stripe-mock.sh install   go install github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION into .cache/bin (only when missing)
#   scripts/stripe-mock.sh start     start it in the background, wait until it answers
#   scripts/stripe-mock.sh stop      stop the process started by `start`
#   scripts/stripe-mock.sh status    exit 0 when stripe-mock answers on STRIPE_MOCK_PORT
# HTTP on 127.0.0.1:${STRIPE_MOCK_PORT:-12111} (HTTPS on the next port, also loopback only);
# pid and log under .services/stripe-mock/ (git-ignored). Tests set STRIPE_API_BASE to the HTTP URL.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VERSION="${STRIPE_MOCK_VERSION:-v0.203.0}"
BIN_DIR="$ROOT/.cache/bin"
BIN="$BIN_DIR/stripe-mock"
STAMP="$BIN_DIR/stripe-mock.version"
STATE=".services/stripe-mock"
PIDFILE="$STATE/stripe-mock.pid"
LOGFILE="$STATE/stripe-mock.log"
PORT="${STRIPE_MOCK_PORT:-12111}"
URL="http://127.0.0.1:${PORT}"
WAIT_SECONDS="${STRIPE_MOCK_WAIT_SECONDS:-30}"

# Plain bash (no curl: `make test` starts stripe-mock before it installs Debian packages).
answers() {
    timeout 3 bash -c '
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf "GET /v1/balance HTTP/1.0\r\nAuthorization: Bearer sk_test_123\r\n\r\n" >&3
        IFS= read -r status <&3
        [[ "$status" == *" 200 "* ]]
    ' _ "$PORT" 2>/dev/null
}

go_binary() {
    if command -v go >/dev/null 2>&1; then
        command -v go
    elif [[ -x /usr/local/go/bin/go ]]; then
        echo /usr/local/go/bin/go
    else
        echo "stripe-mock: the Go toolchain is needed to build stripe-mock and was not found" >&2
        return 1
    fi
}

install() {
    if [[ -x "$BIN" && -f "$STAMP" && "$(cat "$STAMP")" == "$VERSION" ]]; then
        return
    fi
    local go
    go="$(go_binary)"
    echo "stripe-mock: building github.com/stripe/stripe-mock@$VERSION with $("$go" version | cut -d' ' -f3)"
    mkdir -p "$BIN_DIR"
    rm -f "$STAMP"
    GOBIN="$BIN_DIR" GOFLAGS="${GOFLAGS:-} -buildvcs=false" "$go" install "github.com/stripe/stripe-mock@$VERSION"
    echo "$VERSION" >"$STAMP"
    echo "stripe-mock: installed $BIN"
}

start() {
    if answers; then
        echo "stripe-mock: already answering on $URL"
        return
    fi
    install
    if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
        echo "stripe-mock: pid $(cat "$PIDFILE") is running but not answering; stopping it first"
        stop
    fi
    mkdir -p "$STATE"
    nohup "$BIN" -http-addr "127.0.0.1:${PORT}" -https-addr "127.0.0.1:$((PORT + 1))" </dev/null >"$LOGFILE" 2>&1 &
    echo $! >"$PIDFILE"
    local deadline=$((SECONDS + WAIT_SECONDS))
    until answers; do
        if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
            echo "stripe-mock: exited during start-up; last lines of $LOGFILE:" >&2
            tail -n 20 "$LOGFILE" >&2
            rm -f "$PIDFILE"
            return 1
        fi
        if ((SECONDS >= deadline)); then
            echo "stripe-mock: no answer on $URL after ${WAIT_SECONDS}s; last lines of $LOGFILE:" >&2
            tail -n 20 "$LOGFILE" >&2
            stop
            return 1
        fi
        sleep 0.5
    done
    echo "stripe-mock: answering on $URL (pid $(cat "$PIDFILE"), log $LOGFILE)"
}

stop() {
    if [[ ! -f "$PIDFILE" ]]; then
        echo "stripe-mock: not started by this script (no $PIDFILE)"
        return
    fi
    local pid
    pid="$(cat "$PIDFILE")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 20); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.25
        done
        if kill -0 "$pid" 2>/dev/null; then
            kill -9 "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$PIDFILE"
    echo "stripe-mock: stopped (pid $pid)"
}

status() {
    answers
}

case "${1:-}" in
    install) install ;;
    start) start ;;
    stop) stop ;;
    status) status ;;
    *)
        echo "usage: $0 install|start|stop|status" >&2
        exit 2
        ;;
esac
