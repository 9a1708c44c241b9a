#!/usr/bin/env bash
# An Elasticsearch 7.10.2 node (or a cluster of ES_NODES nodes) for tests and benchmarks, from Maven Central jars.
#   scripts/es-node.sh install   copy the jars to .cache/es-node/lib (only when missing)
#   scripts/es-node.sh start     start the node in the background, wait until it answers (yellow or green)
#   scripts/es-node.sh stop      stop the node started by `start`
#   scripts/es-node.sh status    exit 0 when a node answers on ES_HTTP_PORT
# HTTP on 127.0.0.1:${ES_HTTP_PORT:-9200} (cluster name portal-test-<port>, so nodes on other ports stay
# apart); data and log under .services/es/ (git-ignored), .services/es-<port>/ for another port.
# ES_NODES=3 starts a cluster of three nodes, each its own JVM (-Xmx512m): HTTP on ES_HTTP_PORT (default 9250
# then), +1 and +2, transport on ES_HTTP_PORT+100, +101, +102; `start` waits until all have joined and it is
# green, `stop` stops them all. For drills, one node of that cluster alone:
#   ES_NODES=3 scripts/es-node.sh stop-node 2    stop node 2 (its data stays, so it rejoins with it)
#   ES_NODES=3 scripts/es-node.sh start-node 2   start node 2 again and wait until the cluster has all nodes
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

POM="search/es-node/pom.xml"
LIB=".cache/es-node/lib"
NODES="${ES_NODES:-1}"
if ((NODES > 1)); then
    ES_HTTP_PORT="${ES_HTTP_PORT:-9250}"
fi
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
    # The stamp holds the checksum of the pom the jars came from and is written last: an interrupted
    # download is retried, a changed pom downloads again, and checkouts sharing .cache (worktrees, whose
    # pom.xml is newer than the stamp) reuse the jars of an identical pom.
    local want
    want="$(sha256sum "$POM" | cut -d' ' -f1)"
    if [[ -f "$LIB/.complete" && "$(cat "$LIB/.complete")" == "$want" ]]; then
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
    echo "$want" >"$LIB/.complete"
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
    nohup java -Xms512m -Xmx1024m -cp "$LIB/*" org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner \
        -basePath "$STATE/node" -numOfNode 1 -baseHttpPort $((HTTP_PORT - 1)) -clusterName "portal-test-${HTTP_PORT}" \
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

# The cluster: one runner process per node (-numOfNode 1, which names every node "Node 1"); its
# node_1/config/elasticsearch.yml, written before the start, sets the transport port and the seed hosts, and
# node 1 alone bootstraps the cluster (cluster.initial_master_nodes).
node_dir() { echo "$STATE/node-$1"; }

node_pid() { cat "$(node_dir "$1")/node.pid" 2>/dev/null || true; }

node_running() {
    local pid
    pid="$(node_pid "$1")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

launch_node() {
    local n=$1 dir seeds="" i
    dir="$(node_dir "$n")"
    for ((i = 0; i < NODES; i++)); do
        seeds+="${seeds:+, }\"127.0.0.1:$((HTTP_PORT + 100 + i))\""
    done
    mkdir -p "$dir/node_1/config"
    {
        echo "transport.port: $((HTTP_PORT + 99 + n))"
        echo "discovery.seed_hosts: [$seeds]"
        if ((n == 1)); then
            echo 'cluster.initial_master_nodes: ["Node 1"]'
        fi
    } >"$dir/node_1/config/elasticsearch.yml"
    nohup java -Xms256m -Xmx512m -cp "$LIB/*" org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner \
        -basePath "$dir" -numOfNode 1 -baseHttpPort $((HTTP_PORT + n - 2)) -clusterName "portal-test-${HTTP_PORT}" \
        -pluginTypes org.elasticsearch.plugin.analysis.icu.AnalysisICUPlugin -disableESLogger \
        </dev/null >"$dir/node.log" 2>&1 &
    echo $! >"$dir/node.pid"
}

wait_cluster() {
    local wanted=$1 deadline=$((SECONDS + WAIT_SECONDS)) n
    until curl -fsS --max-time 3 "$URL/_cluster/health?wait_for_status=${2:-green}&wait_for_nodes=${wanted}&timeout=2s" >/dev/null 2>&1; do
        for ((n = 1; n <= NODES; n++)); do
            if [[ -f "$(node_dir "$n")/node.pid" ]] && ! node_running "$n"; then
                echo "es-node: node $n exited; last lines of $(node_dir "$n")/node.log:" >&2
                tail -n 40 "$(node_dir "$n")/node.log" >&2
                return 1
            fi
        done
        if ((SECONDS >= deadline)); then
            echo "es-node: the cluster on $URL has not $wanted nodes and ${2:-green} after ${WAIT_SECONDS}s" >&2
            return 1
        fi
        sleep 1
    done
}

start_cluster() {
    if answers; then
        echo "es-node: a cluster of $NODES nodes already answers on $URL"
        return
    fi
    install
    stop_cluster
    rm -rf "$STATE"
    mkdir -p "$STATE"
    local n
    for ((n = 1; n <= NODES; n++)); do
        launch_node "$n"
    done
    if ! wait_cluster "$NODES"; then
        stop_cluster
        return 1
    fi
    echo "es-node: $NODES nodes answering on 127.0.0.1:${HTTP_PORT}-$((HTTP_PORT + NODES - 1)), state in $STATE"
}

stop_node() {
    local n=$1 pid
    pid="$(node_pid "$n")"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        if kill -0 "$pid" 2>/dev/null; then
            kill -9 "$pid"
        fi
        echo "es-node: stopped node $n (pid $pid)"
    fi
    rm -f "$(node_dir "$n")/node.pid"
}

stop_cluster() {
    local n
    for ((n = 1; n <= NODES; n++)); do
        stop_node "$n"
    done
}

one_node() {
    local n=${1:-}
    if ! [[ "$n" =~ ^[0-9]+$ ]] || ((NODES < 2 || n < 1 || n > NODES)); then
        echo "usage: ES_NODES=<nodes> $0 stop-node|start-node <1..nodes>" >&2
        exit 2
    fi
}

start_node() {
    local n=$1
    if node_running "$n"; then
        echo "es-node: node $n is running (pid $(node_pid "$n"))"
        return
    fi
    launch_node "$n"
    wait_cluster "$NODES" yellow
    echo "es-node: node $n rejoined on 127.0.0.1:$((HTTP_PORT + n - 1))"
}

if ((NODES > 1)); then
    case "${1:-}" in
        install) install ;;
        start) start_cluster ;;
        stop) stop_cluster ;;
        status) answers ;;
        stop-node) one_node "${2:-}" && stop_node "$2" ;;
        start-node) one_node "${2:-}" && start_node "$2" ;;
        *)
            echo "usage: ES_NODES=$NODES $0 install|start|stop|status|stop-node <n>|start-node <n>" >&2
            exit 2
            ;;
    esac
    exit
fi

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
