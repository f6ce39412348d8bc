#!/usr/bin/env bash
# A deploy where most databases have nothing to do: `mdb db:migrate` with nothing pending against
# `mdb db:migrate:status` over the same N databases, alternating in the same run, for PostgreSQL shards
# (scripts/shards.sh) and SQLite shards (ADAPTER=sqlite3). Also the first migrate from empty, and the peak RSS
# (/usr/bin/time %M) of every command.
#
#   bench/noop-migrate.sh           # after: mvn -B -q -o install -DskipTests (dist/target/mdb is used)
#   SETS="pg:17 pg:256 sqlite:1000" ROUNDS=5 bench/noop-migrate.sh     # the default
#   SETS="sqlite:50" ROUNDS=1 bench/noop-migrate.sh                    # a quick check that it runs
#
# Goals: no-op migrate <= 1.2x status over the same databases; peak RSS <= 256 MB at 1,000 databases.
#
# Each set is a fresh shards project with MIGRATIONS (3) files in db/shards_migrate (a CREATE TABLE and an index
# each); it is migrated once from empty (timed), then ROUNDS pairs of (no-op migrate, status) run, the order
# alternating per round. After the no-op runs every database must still list exactly MIGRATIONS applied versions.
# Server: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD if needed; databases are dropped on exit.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
rounds=${ROUNDS:-5}
sets=${SETS:-pg:17 pg:256 sqlite:1000}
migrations=${MIGRATIONS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/mdb-bench-noop.XXXXXX")
shards_sh="$root/scripts/shards.sh"

cleanup() {
    local dir
    for dir in "$work"/set-*; do
        [ -d "$dir" ] && "$shards_sh" drop "$dir" >/dev/null 2>&1 || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

if [ ! -f "$root/dist/target/mdb/bin/mdb" ]; then
    echo "build first: mvn -B -q -o install -DskipTests" >&2
    exit 2
fi
# A copy of the distribution, so that a concurrent build in the checkout cannot change it mid-run.
cp -r "$root/dist/target/mdb" "$work/dist"
mdb=(sh "$work/dist/bin/mdb")
"${mdb[@]}" --version >/dev/null 2>&1 # records the class-data-sharing archive of the copy

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# timed NAME ARGS...: runs mdb, appends "seconds kilobytes" to $work/NAME.t; a failure stops the benchmark.
timed() {
    local name=$1
    shift
    if ! /usr/bin/time -f "%e %M" -o "$work/last.t" "${mdb[@]}" "$@" >"$work/last.out" 2>"$work/last.err"; then
        echo "mdb $* failed:" >&2
        cat "$work/last.err" >&2
        exit 1
    fi
    cat "$work/last.t" >>"$work/$name.t"
}

write_migrations() {
    local dir=$1 i v
    for (( i = 1; i <= migrations; i++ )); do
        v=$(printf "2026010100%04d" "$i")
        printf 'CREATE TABLE items_%d (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);\nCREATE INDEX index_items_%d_on_name ON items_%d (name);\n' \
            "$i" "$i" "$i" >"$dir/db/shards_migrate/V${v}__create_items_${i}.sql"
    done
}

check_applied() {
    local dir=$1 kind=$2 n=$3 bad
    if [ "$kind" = sqlite ]; then
        bad=0
        for f in "$dir"/storage/shard_*.sqlite3; do
            [ "$(sqlite3 "$f" "SELECT count(*) FROM flyway_schema_history WHERE success")" = "$migrations" ] || bad=$((bad + 1))
        done
    else
        bad=0
        while IFS= read -r db; do
            [ "$(psql -X -At -d "$db" -c "SELECT count(*) FROM flyway_schema_history WHERE success")" = "$migrations" ] \
                || bad=$((bad + 1))
        done <"$dir/.shards-databases"
    fi
    if [ "$bad" != 0 ]; then
        echo "$bad of $n databases do not list $migrations applied migrations" >&2
        exit 1
    fi
}

echo "machine: $(nproc) CPUs, load average before: $(cut -d' ' -f1-3 /proc/loadavg); java: $(java -version 2>&1 | head -1)"
printf "%-12s %10s %10s %10s %8s %10s %10s\n" set "from-empty" "no-op" status ratio "rss no-op" "rss empty"
for set in $sets; do
    kind=${set%%:*}
    n=${set##*:}
    dir="$work/set-$kind-$n"
    mkdir -p "$dir"
    if [ "$kind" = sqlite ]; then
        ADAPTER=sqlite3 "$shards_sh" create "$n" "$dir" >/dev/null
    else
        REPLICAS=0 "$shards_sh" create "$n" "$dir" >/dev/null
    fi
    write_migrations "$dir"
    rm -f "$work"/*.t
    [ "$kind" = sqlite ] && "${mdb[@]}" -C "$dir" db:create -q >/dev/null
    timed empty -C "$dir" db:migrate
    for (( r = 1; r <= rounds; r++ )); do
        if (( r % 2 )); then
            timed noop -C "$dir" db:migrate
            timed status -C "$dir" db:migrate:status
        else
            timed status -C "$dir" db:migrate:status
            timed noop -C "$dir" db:migrate
        fi
    done
    check_applied "$dir" "$kind" "$n"
    empty=$(awk '{ print $1 }' "$work/empty.t")
    noop=$(awk '{ print $1 }' "$work/noop.t" | median)
    status=$(awk '{ print $1 }' "$work/status.t" | median)
    rss_noop=$(awk '{ print $2 }' "$work/noop.t" | sort -n | tail -1)
    rss_empty=$(awk '{ print $2 }' "$work/empty.t")
    printf "%-12s %9.2fs %9.2fs %9.2fs %7.2fx %8d MB %8d MB\n" "$kind:$n" "$empty" "$noop" "$status" \
        "$(echo "$noop / $status" | bc -l)" $(( rss_noop / 1024 )) $(( rss_empty / 1024 ))
    "$shards_sh" drop "$dir" >/dev/null
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
