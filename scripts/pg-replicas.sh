#!/usr/bin/env bash
# A throwaway PostgreSQL primary with two streaming hot standbys on loopback, for integration tests.
#
#   scripts/pg-replicas.sh start [DIR]            # build and start (or re-check) the cluster; prints DIR/cluster.env
#   scripts/pg-replicas.sh stop [DIR]             # stop all three servers and remove DIR
#   scripts/pg-replicas.sh stop-standby N [DIR]   # stop standby N (1 or 2), fast shutdown
#   scripts/pg-replicas.sh start-standby N [DIR]  # start standby N and wait until it streams again
#   scripts/pg-replicas.sh delay N MS [DIR]       # recovery_min_apply_delay on standby N, in ms (0 removes it)
#   scripts/pg-replicas.sh status [DIR]           # each node: port, running or not, replay LSN and lag
#
# DIR defaults to ${TMPDIR:-/tmp}/mdb-pg-replicas and must be reachable by the postgres OS user. It holds the data
# directories DIR/primary, DIR/standby1 and DIR/standby2, their logs DIR/<node>.log (log_statement=all, every line
# prefixed with "port=<port>"), their unix sockets, and DIR/cluster.env:
#
#   PRIMARY_PORT=25432  STANDBY1_PORT=25433  STANDBY2_PORT=25434  PG_BIN=/usr/lib/postgresql/15/bin  DIR=...
#
# Every node accepts TCP connections on 127.0.0.1 as user postgres without a password (trust), replication included.
# The standbys come from pg_basebackup -R and stream asynchronously (application_name standby1/standby2 in
# pg_stat_replication). fsync is off: the data does not survive a machine crash, which is fine for tests.
#
# `start` on a DIR whose primary runs only starts missing standbys and re-checks streaming; on a stale DIR (primary
# not running) it stops whatever still runs there, wipes DIR and builds a new cluster. `stop` and the rebuild only
# remove a DIR that holds a cluster.env or a primary/ data directory.
#
# Settings (environment): PG_BIN (newest /usr/lib/postgresql/*/bin, else `pg_config --bindir`);
# PG_REPLICAS_BASE_PORT (25432, below the kernel's ephemeral port range, so client sockets opened meanwhile
# cannot take a port between the check and the server's start): the three ports are the first free ones from there up.
# As root, the servers run as the postgres OS user (runuser); otherwise as the calling user.
set -euo pipefail

readonly NODES=(primary standby1 standby2)
readonly WAIT_SECONDS=60

usage() {
    sed -n '4,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

die() {
    echo "pg-replicas.sh: $*" >&2
    exit 1
}

find_pg_bin() {
    if [ -n "${PG_BIN:-}" ]; then
        [ -x "$PG_BIN/initdb" ] || die "PG_BIN=$PG_BIN has no initdb"
        return
    fi
    local candidate
    candidate=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ]; then
        PG_BIN=$candidate
    elif command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
        PG_BIN=$(pg_config --bindir)
    else
        die "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found; install them (e.g. apt-get install postgresql) or set PG_BIN"
    fi
}

# Runs a command as the OS user that owns the clusters: postgres when we are root, else ourselves. Closes fd 9 (the
# start lock) so the servers don't inherit it and hold the lock for their lifetime.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@" 9>&-
    else
        "$@" 9>&-
    fi
}

pg_ctl() {
    as_pg "$PG_BIN/pg_ctl" "$@"
}

# psql PORT SQL: one query as postgres over TCP, unaligned tuples only.
psql_at() {
    "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d postgres -c "$2"
}

port_in_use() {
    (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

is_running() {
    [ -f "$DIR/$1/PG_VERSION" ] && pg_ctl status -D "$DIR/$1" >/dev/null 2>&1
}

node_port() {
    case $1 in
        primary) echo "$PRIMARY_PORT" ;;
        standby1) echo "$STANDBY1_PORT" ;;
        standby2) echo "$STANDBY2_PORT" ;;
    esac
}

set_dir() {
    DIR=${1:-${TMPDIR:-/tmp}/mdb-pg-replicas}
    case $DIR in
        /*) ;;
        *) DIR=$PWD/$DIR ;;
    esac
    DIR=${DIR%/}
}

looks_like_ours() {
    [ -f "$DIR/cluster.env" ] || [ -f "$DIR/primary/PG_VERSION" ]
}

load_env() {
    [ -f "$DIR/cluster.env" ] || die "no cluster in $DIR ($DIR/cluster.env is missing); run: $0 start $DIR"
    # shellcheck source=/dev/null
    . "$DIR/cluster.env"
}

standby_name() {
    case ${1:-} in
        1 | 2) echo "standby$1" ;;
        *) die "standby number must be 1 or 2, got '${1:-}'" ;;
    esac
}

log_tails() {
    local node
    for node in "${NODES[@]}"; do
        if [ -f "$DIR/$node.log" ]; then
            echo "--- last lines of $DIR/$node.log" >&2
            tail -n 15 "$DIR/$node.log" >&2
        fi
    done
}

# wait_streaming COUNT [APPLICATION_NAME]: until the primary shows COUNT streaming standbys (of that name).
wait_streaming() {
    local want=$1 filter="" got="" deadline=$((SECONDS + WAIT_SECONDS))
    [ -n "${2:-}" ] && filter=" AND application_name = '$2'"
    while [ "$SECONDS" -lt "$deadline" ]; do
        got=$(psql_at "$PRIMARY_PORT" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'$filter" \
            2>/dev/null || true)
        [ "$got" = "$want" ] && return 0
        sleep 0.1
    done
    log_tails
    die "timed out after ${WAIT_SECONDS} s waiting for ${want} streaming standby(s)${2:+ named $2} on the primary (port $PRIMARY_PORT, saw '${got}'); logs above, in $DIR"
}

start_node() {
    local node=$1
    if ! pg_ctl start -D "$DIR/$node" -l "$DIR/$node.log" -w -t "$WAIT_SECONDS" >/dev/null; then
        log_tails
        die "couldn't start $node (port $(node_port "$node")); log: $DIR/$node.log"
    fi
}

stop_node() {
    local node=$1 mode=${2:-fast}
    if is_running "$node"; then
        pg_ctl stop -D "$DIR/$node" -m "$mode" -w -t "$WAIT_SECONDS" >/dev/null
    fi
}

pick_ports() {
    local port=${PG_REPLICAS_BASE_PORT:-25432} picked=()
    [[ "$port" =~ ^[0-9]+$ ]] || die "PG_REPLICAS_BASE_PORT must be a number, got '$port'"
    while [ "${#picked[@]}" -lt 3 ]; do
        [ "$port" -le 65535 ] || die "no three free ports from ${PG_REPLICAS_BASE_PORT:-25432} up"
        port_in_use "$port" || picked+=("$port")
        port=$((port + 1))
    done
    PRIMARY_PORT=${picked[0]} STANDBY1_PORT=${picked[1]} STANDBY2_PORT=${picked[2]}
}

write_primary_config() {
    local conf="$DIR/primary/postgresql.conf"
    as_pg tee -a "$conf" >/dev/null <<EOF

# scripts/pg-replicas.sh (test cluster; fsync off)
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$DIR'
cluster_name = 'primary'
max_connections = 50
shared_buffers = 16MB
fsync = off
wal_level = replica
max_wal_senders = 10
wal_keep_size = 128MB
wal_sender_timeout = 10s
hot_standby = on
hot_standby_feedback = on
wal_receiver_status_interval = 1s
wal_retrieve_retry_interval = 500ms
logging_collector = off
log_destination = 'stderr'
log_statement = 'all'
log_line_prefix = '%m [%p] port=$PRIMARY_PORT %u@%d '
EOF
    as_pg tee "$DIR/primary/pg_hba.conf" >/dev/null <<EOF
# scripts/pg-replicas.sh: trust on loopback, replication included
local all all trust
host all all 127.0.0.1/32 trust
local replication all trust
host replication all 127.0.0.1/32 trust
EOF
}

# Copies the primary into DIR/<node> and gives the copy its own port, name and log prefix.
make_standby() {
    local node=$1 port
    port=$(node_port "$node")
    as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DIR/$node" \
        -R -X stream -c fast --no-sync >/dev/null
    as_pg tee -a "$DIR/$node/postgresql.conf" >/dev/null <<EOF
port = $port
cluster_name = '$node'
log_line_prefix = '%m [%p] port=$port %u@%d '
EOF
}

write_env() {
    cat >"$DIR/cluster.env" <<EOF
PRIMARY_PORT=$PRIMARY_PORT
STANDBY1_PORT=$STANDBY1_PORT
STANDBY2_PORT=$STANDBY2_PORT
PG_BIN=$PG_BIN
DIR=$DIR
EOF
}

prepare_dir() {
    mkdir -p "$DIR"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$DIR"
    fi
    chmod 755 "$DIR"
    as_pg test -w "$DIR" -a -x "$DIR" ||
        die "the postgres OS user cannot write to $DIR (is a parent directory private?); choose a DIR under /tmp"
}

build() {
    pick_ports
    prepare_dir
    as_pg "$PG_BIN/initdb" -D "$DIR/primary" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$DIR/initdb.log" 2>&1 ||
        { cat "$DIR/initdb.log" >&2; die "initdb failed in $DIR/primary"; }
    write_primary_config
    start_node primary
    local first second
    make_standby standby1 &
    first=$!
    make_standby standby2 &
    second=$!
    wait "$first" || die "pg_basebackup for standby1 failed"
    wait "$second" || die "pg_basebackup for standby2 failed"
    start_node standby1
    start_node standby2
    write_env
}

cmd_start() {
    set_dir "${1:-}"
    find_pg_bin
    # One start at a time per machine, so concurrent runs don't pick the same free ports.
    local lock="${TMPDIR:-/tmp}/mdb-pg-replicas.lock"
    if { exec 9>>"$lock"; } 2>/dev/null; then
        flock -w 120 9 || die "another pg-replicas.sh start holds $lock for over 120 s"
    fi
    if [ -f "$DIR/cluster.env" ] && is_running primary; then
        load_env
        is_running standby1 || start_node standby1
        is_running standby2 || start_node standby2
    else
        if [ -d "$DIR" ] && [ -n "$(ls -A "$DIR")" ]; then
            looks_like_ours || die "$DIR is not empty and holds no pg-replicas cluster; choose another DIR"
            local node
            for node in "${NODES[@]}"; do
                stop_node "$node" immediate
            done
            rm -rf "$DIR"
        fi
        build
    fi
    wait_streaming 2
    cat "$DIR/cluster.env"
}

cmd_stop() {
    set_dir "${1:-}"
    find_pg_bin
    if [ ! -d "$DIR" ]; then
        echo "pg-replicas.sh: nothing to stop ($DIR does not exist)" >&2
        return 0
    fi
    looks_like_ours || die "$DIR holds no pg-replicas cluster; not touching it"
    if [ -f "$DIR/cluster.env" ]; then
        load_env
    fi
    local first second
    stop_node standby1 &
    first=$!
    stop_node standby2 &
    second=$!
    wait "$first" || true
    wait "$second" || true
    stop_node primary
    rm -rf "$DIR"
}

cmd_stop_standby() {
    local node
    node=$(standby_name "${1:-}")
    set_dir "${2:-}"
    load_env
    stop_node "$node"
}

cmd_start_standby() {
    local node
    node=$(standby_name "${1:-}")
    set_dir "${2:-}"
    load_env
    is_running "$node" || start_node "$node"
    wait_streaming 1 "$node"
}

cmd_delay() {
    local node ms=${2:-} port
    node=$(standby_name "${1:-}")
    [[ "$ms" =~ ^[0-9]+$ ]] || die "MS must be a whole number of milliseconds, got '${ms}'"
    set_dir "${3:-}"
    load_env
    port=$(node_port "$node")
    is_running "$node" || die "$node is not running; start it with: $0 start-standby ${1} $DIR"
    if [ "$ms" = 0 ]; then
        psql_at "$port" "ALTER SYSTEM RESET recovery_min_apply_delay" >/dev/null
    else
        psql_at "$port" "ALTER SYSTEM SET recovery_min_apply_delay = '${ms}ms'" >/dev/null
    fi
    psql_at "$port" "SELECT pg_reload_conf()" >/dev/null
    echo "$node: recovery_min_apply_delay = ${ms}ms"
}

cmd_status() {
    set_dir "${1:-}"
    load_env
    local node port
    for node in "${NODES[@]}"; do
        port=$(node_port "$node")
        if ! is_running "$node"; then
            printf '%-9s port=%-5s stopped\n' "$node" "$port"
        elif [ "$node" = primary ]; then
            printf '%-9s port=%-5s running  wal_lsn=%s streaming=%s\n' "$node" "$port" \
                "$(psql_at "$port" "SELECT pg_current_wal_lsn()")" \
                "$(psql_at "$port" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")"
        else
            printf '%-9s port=%-5s running  %s %s\n' "$node" "$port" "$(psql_at "$port" "SELECT
                'replay_lsn=' || coalesce(pg_last_wal_replay_lsn()::text, '-')
                || ' apply_delay=' || current_setting('recovery_min_apply_delay')")" \
                "$(standby_lag "$node")"
        fi
    done
}

# What the primary knows about standby NODE: its state, bytes not yet replayed and the last measured replay lag.
standby_lag() {
    is_running primary || { echo "(primary stopped)"; return 0; }
    local row
    row=$(psql_at "$PRIMARY_PORT" "SELECT state || ' lag_bytes=' || pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)
        || ' replay_lag=' || coalesce(replay_lag::text, '0')
        FROM pg_stat_replication WHERE application_name = '$1'")
    echo "${row:-not streaming}"
}

main() {
    local command=${1:-}
    [ $# -gt 0 ] && shift
    case $command in
        start) cmd_start "$@" ;;
        stop) cmd_stop "$@" ;;
        stop-standby) cmd_stop_standby "$@" ;;
        start-standby) cmd_start_standby "$@" ;;
        delay) cmd_delay "$@" ;;
        status) cmd_status "$@" ;;
        *) usage ;;
    esac
}

main "$@"
