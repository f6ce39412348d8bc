#!/usr/bin/env bash
# Time per operation of mdb's routing layer (connectedTo(reading).with + RoutingDataSource + logical connection +
# guarded statement) against raw HikariCP on the SAME pool, in the same JVM and run; prints medians and ratios
# (goal: routed SELECT 1 at most 1.2x the time per op of the raw one).
#
#   bench/routing-overhead.sh        # after: mvn -B -q -o package -DskipTests -pl bench -am
#   ROUNDS=31 ITERATIONS=2000 WARMUP=30000 bench/routing-overhead.sh
#   BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/ro.jfr" bench/routing-overhead.sh   # profile it
#
# The Java side, dev.mdb.bench.RoutingOverheadBench, is in the mdb-bench module (bench/pom.xml); the build command
# above compiles it and the modules it uses, and this script runs a copy of that build (bench/lib/classpath.sh).
#
# Server: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD if needed. A uniquely named database
# mdb_bench_<hex> is created and dropped on exit; database.yml has `primary` and `primary_replica` (replica: true),
# both pointing to it, so the reading role borrows from the primary_replica pool, which the raw variants use too.
#
# Each round runs the two variants of every compared pair back to back (which first alternates), ITERATIONS
# operations each; a ratio is the median over rounds of those adjacent measurements, so machine noise (2 busy cores)
# hits both sides alike. Also printed: ratio of the per-variant medians and of the best blocks.
#
# Variants (single thread, one operation = one borrow; see bench/src/main/java/dev/mdb/bench/RoutingOverheadBench.java):
#   raw-stmt / routed-reading-stmt     getConnection, SELECT 1 (read the row), close: the fair comparison;
#   raw-stmt+ro-session                raw, plus the two SET SESSION ... READ ONLY/READ WRITE statements that
#                                      routing sends around a replica borrow (splits protocol cost from Java cost);
#   raw-primary-stmt / routed-writing-stmt   the same on the writing role (no read-only session);
#   raw-bare / routed-reading-bare     getConnection + close only. NOT comparable: the routed connection is lazy and
#                                      borrows nothing until a statement needs it.
#   raw-jdbctemplate / routed-reading-jdbctemplate   Spring's JdbcTemplate.queryForObject("SELECT 1") on the raw
#                                      replica pool and on mdb's DataSource in a reading frame (issue 13: <= 1.10);
#   routed-reading-metrics             routed-reading-stmt through an Mdb with MdbMetrics (issue 13: <= 1.05).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
rounds=${ROUNDS:-21}
iterations=${ITERATIONS:-1000}
warmup=${WARMUP:-20000}
# A server JVM as an application would run it (full JIT), fixed heap so GC sizing doesn't drift between rounds.
jvm_flags=(-Xms256m -Xmx256m -Dslf4j.internal.verbosity=ERROR ${BENCH_JAVA_OPTS:-})
db="mdb_bench_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
work=$(mktemp -d)

cleanup() {
    psql -q -X -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# The mdb-bench module's classes and runtime classpath (copied; see bench/lib/classpath.sh).
# shellcheck source=bench/lib/classpath.sh
. "$root/bench/lib/classpath.sh"
bench_classpath "$work" dev.mdb.bench.RoutingOverheadBench
cp=$BENCH_CP

echo "server: $(psql -X -At -d postgres -c 'SHOW server_version'), java: $(java -version 2>&1 | head -1)," \
    "cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
psql -q -X -d postgres -c "CREATE DATABASE $db"
java "${jvm_flags[@]}" -cp "$cp" dev.mdb.bench.RoutingOverheadBench "$PGHOST" "$PGPORT" "$PGUSER" "$db" \
    "$warmup" "$rounds" "$iterations"
