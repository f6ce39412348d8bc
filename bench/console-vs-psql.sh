#!/usr/bin/env bash
# Wall time of `mdb console` against `psql` running the same STATEMENTS (10,000) short statements piped into stdin,
# on the same database, in the same run; prints medians and the ratio (goal: mdb at most 1.5x psql).
#
#   bench/console-vs-psql.sh      # after: mvn -B -q -o install -DskipTests -pl config,runtime,tasks,cli,dist
#   RUNS=7 STATEMENTS=20000 bench/console-vs-psql.sh
#
# Server: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD if needed. A uniquely named database
# mdb_bench_<hex> is created and dropped on exit, with t (1,000 rows, primary key id) and w (insert target).
#
# The statements cycle through: SELECT 1; SELECT id FROM t WHERE id = N; ... and every 20th is
# INSERT INTO w (n) VALUES (N); -- so the console runs on its default route (primary, writing role). Each tool reads
# them from stdin (a file redirected, i.e. piped input: no terminal, stop at the first error) and writes its result
# tables to a file. Runs alternate between the tools (which goes first alternates too), one untimed run of each
# first; each run's exit status and the rows it inserted into w are checked.
#
# Timed from the shell, so mdb's time includes its JVM start (the launcher's flags: C1 only, serial GC), which psql
# does not pay; a one-statement run of each tool (same interleaving) is timed too, to separate that fixed cost from
# the per-statement cost: per statement = (time(STATEMENTS) - time(1)) / (STATEMENTS - 1).
#
# The console is invoked as: mdb console -C PROJECT -e development  < statements.sql
#                  psql as: psql -X -q -v ON_ERROR_STOP=1 -h PGHOST -p PGPORT -U PGUSER -d DB  < statements.sql
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
runs=${RUNS:-5}
statements=${STATEMENTS:-10000}
insert_every=20
db="mdb_bench_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
work=$(mktemp -d)
mdb=(sh "$root/dist/target/mdb/bin/mdb")

cleanup() {
    psql -q -X -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if [ ! -f "$root/dist/target/mdb/bin/mdb" ]; then
    echo "build first: mvn -B -q -o install -DskipTests -pl config,runtime,tasks,cli,dist" >&2
    exit 2
fi
# A copy of the distribution, so that a concurrent build in the checkout cannot change it mid-run.
cp -r "$root/dist/target/mdb" "$work/dist"
mdb=(sh "$work/dist/bin/mdb")
# (an older CLI answers `console --help` with its own usage and status 0, so look for the console's usage line)
if ! "${mdb[@]}" console --help >"$work/console-help.txt" 2>&1 \
        || ! grep -q '^Usage: mdb console' "$work/console-help.txt"; then
    echo "mdb console is not available in the built CLI ($root/dist/target/mdb, built" \
        "$(date -r "$root/dist/target/mdb/bin/mdb" '+%F %T')): 'mdb console --help' says:" >&2
    head -3 "$work/console-help.txt" | sed 's/^/    /' >&2
    echo "rebuild once ConsoleCommand is in: mvn -B -q -o install -DskipTests -pl config,runtime,tasks,cli,dist" >&2
    exit 3
fi

# The project: database.yml with primary and its replica on the bench database (the console uses primary/writing).
mkdir -p "$work/project/config"
{
    echo "development:"
    for entry in primary primary_replica; do
        echo "  $entry:"
        echo "    adapter: postgresql"
        echo "    host: $PGHOST"
        echo "    port: $PGPORT"
        echo "    username: $PGUSER"
        if [ -n "${PGPASSWORD:-}" ]; then echo "    password: \"$PGPASSWORD\""; fi
        echo "    database: $db"
        if [ "$entry" = primary_replica ]; then echo "    replica: true"; fi
    done
} >"$work/project/config/database.yml"

# The statements.
awk -v n="$statements" -v every="$insert_every" 'BEGIN {
    for (i = 1; i <= n; i++) {
        if (i % every == 0) printf "INSERT INTO w (n) VALUES (%d);\n", i
        else if (i % 2) print "SELECT 1;"
        else printf "SELECT id FROM t WHERE id = %d;\n", (i * 7919) % 1000 + 1
    }
}' >"$work/statements.sql"
echo "SELECT 1;" >"$work/one.sql"
inserts=$(grep -c '^INSERT' "$work/statements.sql" || true)

echo "server: $(psql -X -At -d postgres -c 'SHOW server_version'), $(psql --version)," \
    "java: $(java -version 2>&1 | head -1), cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
psql -q -X -d postgres -c "CREATE DATABASE $db"
psql -q -X -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<'SQL'
CREATE TABLE t (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO t SELECT g, 'row ' || g FROM generate_series(1, 1000) g;
CREATE TABLE w (id bigserial PRIMARY KEY, n integer NOT NULL);
ANALYZE t;
SQL
echo "statements: $(wc -l <"$work/statements.sql") ($inserts INSERTs, the rest SELECT 1 / SELECT id FROM t WHERE id = N)"

rows_in_w() { psql -X -At -d "$db" -c "SELECT count(*) FROM w"; }

# run TOOL INPUT OUT: one run of a tool on INPUT, output to OUT; prints the wall time in ms. Fails on a non-zero
# exit or when the INSERTs of the input did not all land.
run() {
    local tool=$1 input=$2 out=$3 before after start end expected rc=0
    expected=$(grep -c '^INSERT' "$input" || true)
    before=$(rows_in_w)
    start=$(date +%s%N)
    if [ "$tool" = mdb ]; then
        (cd "$work/project" && "${mdb[@]}" console -C "$work/project" -e development) <"$input" >"$out" 2>"$out.err" \
            || rc=$?
    else
        psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$db" <"$input" >"$out" 2>"$out.err" \
            || rc=$?
    fi
    end=$(date +%s%N)
    if [ "$rc" -ne 0 ]; then
        echo "$tool exited with status $rc on $(basename "$input"); its stderr:" >&2
        head -20 "$out.err" | sed 's/^/    /' >&2
        exit 1
    fi
    after=$(rows_in_w)
    if [ $(( after - before )) -ne "$expected" ]; then
        echo "$tool: expected $expected rows inserted, got $(( after - before ))" >&2
        exit 1
    fi
    echo $(( (end - start) / 1000000 ))
}

for tool in mdb psql; do # untimed, and shows that both run everything
    run "$tool" "$work/statements.sql" "$work/$tool.out" >/dev/null
done
echo "output: mdb $(wc -l <"$work/mdb.out") lines / $(wc -c <"$work/mdb.out") bytes," \
    "psql $(wc -l <"$work/psql.out") lines / $(wc -c <"$work/psql.out") bytes"

for f in mdb psql mdb1 psql1; do : >"$work/$f.ms"; done
for i in $(seq "$runs"); do
    if [ $(( i % 2 )) -eq 1 ]; then order="mdb psql"; else order="psql mdb"; fi
    for tool in $order; do
        run "$tool" "$work/statements.sql" "$work/$tool.out" >>"$work/$tool.ms"
        run "$tool" "$work/one.sql" "$work/$tool.one.out" >>"$work/${tool}1.ms"
    done
done

m=$(median <"$work/mdb.ms")
p=$(median <"$work/psql.ms")
m1=$(median <"$work/mdb1.ms")
p1=$(median <"$work/psql1.ms")
echo "mdb console, $statements statements  runs (ms): $(paste -sd ' ' "$work/mdb.ms")  median $m ms"
echo "psql,        $statements statements  runs (ms): $(paste -sd ' ' "$work/psql.ms")  median $p ms"
echo "mdb console, 1 statement        runs (ms): $(paste -sd ' ' "$work/mdb1.ms")  median $m1 ms"
echo "psql,        1 statement        runs (ms): $(paste -sd ' ' "$work/psql1.ms")  median $p1 ms"
paste -d ' ' "$work/mdb.ms" "$work/psql.ms" | awk '{ print $1 / $2 }' >"$work/ratios"
awk -v m="$m" -v p="$p" -v m1="$m1" -v p1="$p1" -v n="$statements" -v r="$(median <"$work/ratios")" 'BEGIN {
    printf "ratio mdb/psql, %d statements: %.2f (ratio of medians), %.2f (median of per-run ratios)  [goal <= 1.50]\n",
        n, m / p, r
    printf "per statement (from the 1-statement runs): mdb %.1f us, psql %.1f us, ratio %.2f;" \
        " fixed cost: mdb %d ms, psql %d ms\n", (m - m1) * 1000 / (n - 1), (p - p1) * 1000 / (n - 1),
        (m - m1) / (p - p1), m1, p1 }'
