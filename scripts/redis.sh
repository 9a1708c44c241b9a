#!/usr/bin/env bash
# Redis from Debian (redis-server, scripts/system-packages.sh): the shared cache of CI and production.
#   scripts/redis.sh start    start it in the background on 127.0.0.1:$REDIS_PORT unless it answers already
#   scripts/redis.sh stop     stop the server started by `start`
#   scripts/redis.sh status   exit 0 when it answers
# REDIS_PORT defaults to 6379. Nothing is written to disk (no RDB, no AOF): it only holds caches and counters.
# pid and log under .services/redis-$REDIS_PORT/ (git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PORT="${REDIS_PORT:-6379}"
STATE="$ROOT/.services/redis-$PORT"
PIDFILE="$STATE/redis.pid"

answers() {
    [[ "$(redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null)" == PONG ]]
}

case "${1:-}" in
    start)
        if answers; then
            echo "redis: already answering on 127.0.0.1:$PORT"
            exit 0
        fi
        command -v redis-server >/dev/null || { echo "redis: redis-server not found; run scripts/system-packages.sh" >&2; exit 1; }
        mkdir -p "$STATE"
        redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes --dir "$STATE" --pidfile "$PIDFILE" \
            --logfile "$STATE/redis.log" --save "" --appendonly no --protected-mode yes
        for _ in $(seq 1 50); do
            answers && { echo "redis: started on 127.0.0.1:$PORT"; exit 0; }
            sleep 0.1
        done
        echo "redis: did not answer on 127.0.0.1:$PORT; see $STATE/redis.log" >&2
        exit 1
        ;;
    stop)
        if [[ -f "$PIDFILE" ]]; then
            kill "$(cat "$PIDFILE")" 2>/dev/null || true
            rm -f "$PIDFILE"
            echo "redis: stopped"
        else
            echo "redis: not started by this script"
        fi
        ;;
    status)
        answers
        ;;
    *)
        echo "usage: scripts/redis.sh start|stop|status" >&2
        exit 2
        ;;
esac
