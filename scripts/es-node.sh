#!/usr/bin/env bash
# An Elasticsearch 7.10.2 node (or a cluster of ES_NODES nodes) for tests and benchmarks, from Maven Central jars.
#   scripts/es-node.sh install   copy the jars to .cache/es-node/lib (only when missing)
#   scripts/es-node.sh start     start the node in the background, wait until it answers (yellow or green)
#   scripts/es-node.sh stop      stop the node started by `start`
#   scripts/es-node.sh status    exit 0 when a node answers on ES_HTTP_PORT
# HTTP on 127.0.0.1:${ES_HTTP_PORT:-9200} (cluster name portal-test-<port>, so nodes on other ports stay
# apart); data and log under .services/es/ (git-ignored), .services/es-<port>/ for another port.
# ES_NODES=3 starts a cluster of three nodes in one JVM (the cluster runner's -numOfNode), HTTP on
# ES_HTTP_PORT, ES_HTTP_PORT+1 and ES_HTTP_PORT+2; `start` then waits for all three to have joined.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

POM="search/es-node/pom.xml"
LIB=".cache/es-node/lib"
NODES="${ES_NODES:-1}"
if [[ "${ES_HTTP_PORT:-9200}" == 9200 ]]; then
    STATE=".services/es"
else
    STATE=".services/es-${ES_HTTP_PORT}"
fi
PIDFILE="$STATE/node.pid"
LOGFILE="$STATE/node.log"
HTTP_PORT="${ES_HTTP_PORT:-9200}"
URL="http://127.0.0.1:${HTTP_PORT}"
WAIT_SECONDS="${ES_WAIT_SECONDS:-90}"

answers() {
    curl -fsS --max-time 2 "$URL/_cluster/health?wait_for_status=yellow&wait_for_nodes=>=${NODES}&timeout=1s" >/dev/null 2>&1
}

install() {
    # The stamp is written last, so an interrupted download is retried on the next run.
    if [[ -f "$LIB/.complete" && "$LIB/.complete" -nt "$POM" ]]; then
        return
    fi
    echo "es-node: downloading the Elasticsearch jars from Maven Central into $LIB"
    rm -rf "$LIB"
    mkdir -p "$(dirname "$LIB")"
    local log
    log="$(dirname "$LIB")/maven.log"
    if ! mvn -B -f "$POM" dependency:copy-dependencies -DoutputDirectory="$ROOT/$LIB" >"$log" 2>&1; then
        echo "es-node: Maven could not fetch the jars; the end of $log:" >&2
        tail -n 30 "$log" >&2
        return 1
    fi
    echo "es-node: $(find "$LIB" -name '*.jar' | wc -l) jars in $LIB"
    touch "$LIB/.complete"
}

start() {
    if answers; then
        echo "es-node: already answering on $URL"
        return
    fi
    install
    if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
        echo "es-node: pid $(cat "$PIDFILE") is running but not answering; stopping it first"
        stop
    fi
    # A fresh node every time: tests create their own indices.
    rm -rf "$STATE"
    mkdir -p "$STATE"
    local heap=$((NODES > 1 ? 1536 : 1024))
    nohup java -Xms512m -Xmx${heap}m -cp "$LIB/*" org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner \
        -basePath "$STATE/node" -numOfNode "$NODES" -baseHttpPort $((HTTP_PORT - 1)) -clusterName "portal-test-${HTTP_PORT}" \
        -pluginTypes org.elasticsearch.plugin.analysis.icu.AnalysisICUPlugin -disableESLogger </dev/null >"$LOGFILE" 2>&1 &
    echo $! >"$PIDFILE"
    local deadline=$((SECONDS + WAIT_SECONDS))
    until answers; do
        if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
            rm -f "$PIDFILE"
            if answers; then
                echo "es-node: another node took $URL while this one was starting; using that one"
                return
            fi
            echo "es-node: the node exited during start-up; last lines of $LOGFILE:" >&2
            tail -n 40 "$LOGFILE" >&2
            return 1
        fi
        if ((SECONDS >= deadline)); then
            echo "es-node: no answer on $URL after ${WAIT_SECONDS}s; last lines of $LOGFILE:" >&2
            tail -n 40 "$LOGFILE" >&2
            stop
            return 1
        fi
        sleep 1
    done
    echo "es-node: answering on $URL (pid $(cat "$PIDFILE"), log $LOGFILE)"
}

stop() {
    [[ -f "$PIDFILE" ]] || return 0
    local pid
    pid="$(cat "$PIDFILE")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        if kill -0 "$pid" 2>/dev/null; then
            kill -9 "$pid"
        fi
        echo "es-node: stopped pid $pid"
    fi
    rm -f "$PIDFILE"
}

case "${1:-}" in
    install) install ;;
    start) start ;;
    stop) stop ;;
    status) answers ;;
    *)
        echo "usage: $0 install|start|stop|status" >&2
        exit 2
        ;;
esac
