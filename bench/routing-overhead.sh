#!/usr/bin/env bash
# Time per operation of mdb's routing layer (connectedTo(reading).with + RoutingDataSource + logical connection +
# guarded statement) against raw HikariCP on the SAME pool, in the same JVM and run; prints medians and ratios
# (goal: routed SELECT 1 at most 1.2x the time per op of the raw one).
#
#   bench/routing-overhead.sh        # after: mvn -B -q -o install -DskipTests -pl config,runtime
#   ROUNDS=31 ITERATIONS=2000 WARMUP=30000 bench/routing-overhead.sh
#
# Server: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD if needed. A uniquely named database
# mdb_bench_<hex> is created and dropped on exit; database.yml has `primary` and `primary_replica` (replica: true),
# both pointing to it, so the reading role borrows from the primary_replica pool, which the raw variants use too.
#
# Each round runs the two variants of every compared pair back to back (which first alternates), ITERATIONS
# operations each; a ratio is the median over rounds of those adjacent measurements, so machine noise (2 busy cores)
# hits both sides alike. Also printed: ratio of the per-variant medians and of the best blocks.
#
# Variants (single thread, one operation = one borrow; see RoutingOverheadBench.java):
#   raw-stmt / routed-reading-stmt     getConnection, SELECT 1 (read the row), close: the fair comparison;
#   raw-stmt+ro-session                raw, plus the two SET SESSION ... READ ONLY/READ WRITE statements that
#                                      routing sends around a replica borrow (splits protocol cost from Java cost);
#   raw-primary-stmt / routed-writing-stmt   the same on the writing role (no read-only session);
#   raw-bare / routed-reading-bare     getConnection + close only. NOT comparable: the routed connection is lazy and
#                                      borrows nothing until a statement needs it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
rounds=${ROUNDS:-21}
iterations=${ITERATIONS:-1000}
warmup=${WARMUP:-20000}
# A server JVM as an application would run it (full JIT), fixed heap so GC sizing doesn't drift between rounds.
jvm_flags=(-Xms256m -Xmx256m -Dslf4j.internal.verbosity=ERROR)
db="mdb_bench_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
work=$(mktemp -d)

cleanup() {
    psql -q -X -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

jar=$(ls "$root"/runtime/target/mdb-runtime-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 || true)
if [ -z "$jar" ]; then
    echo "build first: mvn -B -q -o install -DskipTests -pl config,runtime" >&2
    exit 2
fi
if ! (cd "$root" && mvn -B -q -o -Dstyle.color=never dependency:build-classpath -pl runtime \
        -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/cp.txt" >"$work/mvn.log" 2>&1); then
    cat "$work/mvn.log" >&2
    exit 2
fi
# The runtime jar of the last install (a copy, so that a concurrent build in the checkout cannot change it mid-run;
# target/classes may be half-written by one).
cp "$jar" "$work/mdb-runtime.jar"
echo "runtime: $jar, built $(date -r "$jar" '+%F %T')"
cp="$work/mdb-runtime.jar:$(cat "$work/cp.txt")"
javac -d "$work/classes" -cp "$cp" "$root/bench/RoutingOverheadBench.java"
cp="$work/classes:$cp"

echo "server: $(psql -X -At -d postgres -c 'SHOW server_version'), java: $(java -version 2>&1 | head -1)," \
    "cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
psql -q -X -d postgres -c "CREATE DATABASE $db"
java "${jvm_flags[@]}" -cp "$cp" RoutingOverheadBench "$PGHOST" "$PGPORT" "$PGUSER" "$db" \
    "$warmup" "$rounds" "$iterations"
