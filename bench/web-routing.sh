#!/usr/bin/env bash
# The web filter + routing on a read-heavy loop against two hot standbys, against the same app with a plain HikariCP
# DataSource to the primary, in the same run (issue 6's benchmark). Prints requests per second, p50/p99 latency per
# round, the medians of the per-round ratios mdb/plain, and how the reads spread over the two replicas (goal: within
# 10 % of even for round robin; p99 overhead ≤ 5 %).
#
#   mvn -B -q -o package -DskipTests -pl bench -am
#   bench/web-routing.sh                       # REQUESTS=6000 ROUNDS=7 CONCURRENCY=4
#   PLAIN_ENTRY=primary_replica_1 bench/web-routing.sh   # plain app on one standby: mdb's own cost only
#
# It builds a PostgreSQL primary with two hot standbys on free loopback ports (scripts/pg-replicas.sh, as the postgres
# OS user when run as root), creates database `bench` with a `trips` table of 10 rows, and removes the cluster on exit.
# Both apps are embedded Jettys in one JVM (dev.mdb.bench.WebRoutingBench) answering GET /api/trips with the same
# servlet: two short queries (the trips, the server's port). The mdb app registers DatabaseSelectorFilter (signed-cookie
# context, causal consistency) and reads through Mdb's RoutingDataSource (reading role: two replicas, round robin); the
# plain app reads from a HikariCP pool on the primary. Rounds alternate plain/mdb after a warm-up. The client runs in
# the same JVM on the same 2 cores, so absolute numbers are low; compare the ratios.
#
# The Java side, dev.mdb.bench.WebRoutingBench (bench/src/main/java/dev/mdb/bench/WebRoutingBench.java), is in the
# mdb-bench module (bench/pom.xml); the build command above compiles it and the modules it uses (runtime, web; Jetty
# and the servlet API come with the module), and this script runs a copy of that build (bench/lib/classpath.sh).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
requests=${REQUESTS:-6000}
rounds=${ROUNDS:-7}
concurrency=${CONCURRENCY:-4}
plain_entry=${PLAIN_ENTRY:-primary}
work=$(mktemp -d)
# The cluster directory must be reachable by the postgres OS user: not inside the private mktemp directory.
cluster="${TMPDIR:-/tmp}/mdb-bench-cluster.$$"

cleanup() {
    bash "$root/scripts/pg-replicas.sh" stop "$cluster" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

# The mdb-bench module's classes and runtime classpath (copied; see bench/lib/classpath.sh): the runtime, the web
# module, the servlet API and Jetty.
# shellcheck source=bench/lib/classpath.sh
. "$root/bench/lib/classpath.sh"
bench_classpath "$work" dev.mdb.bench.WebRoutingBench
cp=$BENCH_CP

bash "$root/scripts/pg-replicas.sh" start "$cluster" >/dev/null
# shellcheck disable=SC1091
. "$cluster/cluster.env"
psql -q -X -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -c "CREATE DATABASE bench"
psql -q -X -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d bench \
    -c "CREATE TABLE trips (id bigserial PRIMARY KEY, name text NOT NULL)" \
    -c "INSERT INTO trips (name) SELECT 'trip ' || i FROM generate_series(1, 10) i"
# Wait until both standbys have the table.
for port in "$STANDBY1_PORT" "$STANDBY2_PORT"; do
    for _ in $(seq 1 100); do
        if psql -X -At -h 127.0.0.1 -p "$port" -U postgres -d bench -c "SELECT count(*) FROM trips" 2>/dev/null \
                | grep -qx 10; then
            break
        fi
        sleep 0.1
    done
done
cat >"$work/database.yml" <<YML
bench:
  primary:
    adapter: postgresql
    host: 127.0.0.1
    port: $PRIMARY_PORT
    username: postgres
    database: bench
  primary_replica_1:
    adapter: postgresql
    host: 127.0.0.1
    port: $STANDBY1_PORT
    username: postgres
    database: bench
    replica: true
  primary_replica_2:
    adapter: postgresql
    host: 127.0.0.1
    port: $STANDBY2_PORT
    username: postgres
    database: bench
    replica: true
YML

echo "primary :$PRIMARY_PORT, standbys :$STANDBY1_PORT and :$STANDBY2_PORT;" \
    "java: $(java -version 2>&1 | head -1), cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
java ${BENCH_JAVA_OPTS:-} -Xms512m -Xmx512m -Dslf4j.internal.verbosity=ERROR -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
    dev.mdb.bench.WebRoutingBench "$work/database.yml" bench "$requests" "$rounds" "$concurrency" "$plain_entry"
