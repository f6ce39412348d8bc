#!/usr/bin/env bash
# Times mdb's PostgreSQL schema dump (schema_format: sql, by introspection) against `pg_dump --schema-only` on a
# generated schema of 1,000 tables, in the same run, and prints medians and the ratio (goal: mdb no slower).
#
#   bench/schema-dump-vs-pg_dump.sh            # after: mvn -B -q -o package -DskipTests -pl bench -am
#   RUNS=9 TABLES=2000 bench/schema-dump-vs-pg_dump.sh
#   RUNS=1 TABLES=50 bench/schema-dump-vs-pg_dump.sh    # a quick check that it runs
#
# The Java side, dev.mdb.bench.SchemaDumpBench (bench/src/main/java/dev/mdb/bench/SchemaDumpBench.java), is in the
# mdb-bench module (bench/pom.xml); the build command above compiles it and the modules it uses, and this script runs
# a copy of that build (bench/lib/classpath.sh).
#
# Server: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD if needed. A uniquely named database
# mdb_bench_<hex> is created and dropped on exit.
#
# mdb is timed three ways:
#   cli:  `mdb db:schema:dump` itself, the built distribution (a copy of dist/target/mdb, with its class-data-sharing
#         archive) on a project whose database.yml names the database: what a user runs; compared with pg_dump's
#         wall clock, which also includes its process start and connection (goal: cli <= 1.0x pg_dump);
#   cold: the dumper's own main in a fresh JVM with the launcher's flags but no archive (start-up, class loading,
#         connect, dump, write the file), split into phases;
#   warm: in one JVM after warm-up runs (connect + dump), i.e. the dumper itself.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
runs=${RUNS:-5}
tables=${TABLES:-1000}
jvm_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)
db="mdb_bench_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
work=$(mktemp -d)

cleanup() {
    psql -q -X -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The mdb-bench module's classes and runtime classpath (copied; see bench/lib/classpath.sh).
# shellcheck source=bench/lib/classpath.sh
. "$root/bench/lib/classpath.sh"
main=dev.mdb.bench.SchemaDumpBench
bench_classpath "$work" "$main"
cp=$BENCH_CP

echo "server: $(psql -X -At -d postgres -c 'SHOW server_version'), pg_dump: $(pg_dump --version), java: $(java -version 2>&1 | head -1)"
echo "machine: $(nproc) CPUs, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
psql -q -X -d postgres -c "CREATE DATABASE $db"
start=$(now_ms)
psql -q -X -d "$db" -v tables="$tables" -f "$root/bench/schema-dump-generate.sql" >/dev/null
echo "generated $tables tables in $(( $(now_ms) - start )) ms: $(psql -X -At -d "$db" -c "SELECT
    (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('app', 'audit') AND c.relkind = 'r') || ' tables, ' ||
    (SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('app', 'audit')) || ' indexes, ' ||
    (SELECT count(*) FROM pg_constraint WHERE contype = 'f') || ' foreign keys, ' ||
    (SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n
        ON n.oid = c.relnamespace WHERE n.nspname IN ('app', 'audit') AND c.relkind = 'r' AND a.attnum > 0)
        || ' columns'")"

# The CLI: a copy of the distribution and a project naming the database.
if [ -f "$root/dist/target/mdb/bin/mdb" ]; then
    cp -r "$root/dist/target/mdb" "$work/dist"
    mkdir -p "$work/project/config"
    {
        echo "development:"
        echo "  primary:"
        echo "    adapter: postgresql"
        echo "    host: \"$PGHOST\""
        echo "    port: $PGPORT"
        echo "    username: \"$PGUSER\""
        if [ -n "${PGPASSWORD:-}" ]; then echo "    password: \"$PGPASSWORD\""; fi
        echo "    database: $db"
        echo "    schema_dump: $work/cli.sql"
    } >"$work/project/config/database.yml"
    cli=(sh "$work/dist/bin/mdb" -C "$work/project" db:schema:dump)
    "${cli[@]}" >/dev/null 2>&1 || { echo "mdb db:schema:dump failed" >&2; "${cli[@]}"; exit 1; }
else
    echo "no dist/target/mdb (mvn -B -q -o install -DskipTests): the cli variant is skipped" >&2
    cli=()
fi
: >"$work/cli.ms"

# Interleave the tools so that server caches and machine load treat them alike; one untimed run of each first.
pg_dump --schema-only "$db" >"$work/pg_dump.sql"
java "${jvm_flags[@]}" -cp "$cp" "$main" cold "$PGHOST" "$PGPORT" "$PGUSER" "$db" "$work/mdb.sql"
: >"$work/pg_dump.ms"
: >"$work/mdb.ms"
: >"$work/mdb.phases"
for i in $(seq "$runs"); do
    start=$(now_ms)
    pg_dump --schema-only "$db" >"$work/pg_dump.sql"
    echo $(( $(now_ms) - start )) >>"$work/pg_dump.ms"
    start=$(now_ms)
    java "${jvm_flags[@]}" -cp "$cp" "$main" cold "$PGHOST" "$PGPORT" "$PGUSER" "$db" "$work/mdb.sql" \
        "$work/mdb.phases"
    echo $(( $(now_ms) - start )) >>"$work/mdb.ms"
    if [ ${#cli[@]} -gt 0 ]; then
        start=$(now_ms)
        "${cli[@]}" >/dev/null
        echo $(( $(now_ms) - start )) >>"$work/cli.ms"
    fi
done
java "${jvm_flags[@]}" -cp "$cp" "$main" warm "$PGHOST" "$PGPORT" "$PGUSER" "$db" 5 "$runs" \
    | awk '{ print $1 }' >"$work/mdb-warm.ms"

pg=$(median <"$work/pg_dump.ms")
cold=$(median <"$work/mdb.ms")
warm=$(median <"$work/mdb-warm.ms")
echo "output: pg_dump $(wc -c <"$work/pg_dump.sql") bytes, mdb $(wc -c <"$work/mdb.sql") bytes"
echo "pg_dump --schema-only  runs (ms): $(paste -sd ' ' "$work/pg_dump.ms")  median $pg ms"
if [ -s "$work/cli.ms" ]; then
    clim=$(median <"$work/cli.ms")
    echo "mdb db:schema:dump CLI runs (ms): $(paste -sd ' ' "$work/cli.ms")  median $clim ms" \
        "($(wc -c <"$work/cli.sql") bytes)"
fi
echo "mdb cold JVM           runs (ms): $(paste -sd ' ' "$work/mdb.ms")  median $cold ms"
echo "  of which (medians): JVM start + setup $(awk '{ print $1 }' "$work/mdb.phases" | median) ms," \
    "connect $(awk '{ print $2 }' "$work/mdb.phases" | median) ms, dump $(awk '{ print $3 }' "$work/mdb.phases" | median) ms"
echo "mdb warm in-process    runs (ms): $(paste -sd ' ' "$work/mdb-warm.ms")  median $warm ms"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews both tools)"
awk -v pg="$pg" -v cold="$cold" -v warm="$warm" -v cli="${clim:-0}" 'BEGIN {
    if (cli > 0) printf "ratio mdb/pg_dump: CLI %.2f, ", cli / pg
    printf "cold %.2f, warm %.2f (below 1.00: mdb is faster)\n", cold / pg, warm / pg }'
