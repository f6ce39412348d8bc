#!/usr/bin/env bash
# `mdb db:migrate` from empty on SHARDS (64) PostgreSQL shards x MIGRATIONS (10) migrations: `--jobs 1` against the
# default (--jobs 8), and against a shell loop of the Flyway command line (FLYWAY_VERSION 12.4.0) running `migrate` on
# each database; every ratio comes from the same run. Also the peak RSS of the default mdb run (/usr/bin/time %M).
#
#   bench/parallel-migrate.sh       # after: mvn -B -q -o install -DskipTests (dist/target/mdb is used)
#   ROUNDS=5 SHARDS=32 bench/parallel-migrate.sh
#   VARIANTS="jobs1 default" bench/parallel-migrate.sh      # a subset (then no ratios are printed)
#
# Goals (issue 12): default at least 2x faster than --jobs 1, at least 25x faster than the Flyway loop, peak RSS <= 256 MB.
#
# Server: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD if needed. Each timed run gets a fresh set
# of SHARDS empty databases (scripts/shards.sh create: primary_shard_NN + primary_shard_NN_replica entries, databases
# mdb_shard_<runid>_NN) that is dropped right after it; everything is dropped on exit too.
#
# The migrations: MIGRATIONS files in the project's db/shards_migrate, each a CREATE TABLE with an index. mdb runs as
#   mdb -C PROJECT db:migrate --jobs 1      and      mdb -C PROJECT db:migrate
# (the schema file, shared by the shards, is written once at the end, as db:migrate does by default); Flyway as
#   java -cp CLASSPATH org.flywaydb.commandline.Main -skipCheckForUpdate -url=jdbc:postgresql://HOST:PORT/DB
#        -user=USER -locations=filesystem:PROJECT/db/shards_migrate migrate
# once per database, one after another (a JVM each, as a deploy script looping over shards would). The Flyway
# classpath is resolved with Maven (org.flywaydb:flyway-commandline + flyway-database-postgresql, PostgreSQL JDBC
# 42.7.14, com.fasterxml.jackson.core:jackson-annotations pinned to 2.21; needs Maven Central or a filled ~/.m2).
# After every run each database must list the MIGRATIONS versions as applied in flyway_schema_history.
# Rounds rotate the order of the three variants; reported: per-run times, medians, the ratio of the medians and the
# median of the per-round ratios.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
rounds=${ROUNDS:-3}
shards=${SHARDS:-64}
migrations=${MIGRATIONS:-10}
flyway_version=${FLYWAY_VERSION:-12.4.0}
work=$(mktemp -d "${TMPDIR:-/tmp}/mdb-bench-parallel.XXXXXX")
shards_sh="$root/scripts/shards.sh"

cleanup() {
    local dir
    for dir in "$work"/run-*; do
        if [ -f "$dir/.shards-databases" ]; then "$shards_sh" drop "$dir" >/dev/null 2>&1 || true; fi
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
if ! "${mdb[@]}" --help 2>/dev/null | grep -q -- '--jobs'; then
    echo "the built CLI ($root/dist/target/mdb) has no --jobs option; rebuild: mvn -B -q -o install -DskipTests" >&2
    exit 3
fi

# The Flyway command line's classpath, from Maven.
mkdir -p "$work/flyway"
cat >"$work/flyway/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>flyway-commandline-classpath</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>com.fasterxml.jackson.core</groupId>
        <artifactId>jackson-annotations</artifactId>
        <version>2.21</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>org.flywaydb</groupId>
      <artifactId>flyway-commandline</artifactId>
      <version>$flyway_version</version>
    </dependency>
    <dependency>
      <groupId>org.flywaydb</groupId>
      <artifactId>flyway-database-postgresql</artifactId>
      <version>$flyway_version</version>
    </dependency>
    <dependency>
      <groupId>org.postgresql</groupId>
      <artifactId>postgresql</artifactId>
      <version>42.7.14</version>
    </dependency>
  </dependencies>
</project>
EOF
if ! (cd "$work/flyway" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/flyway/classpath.txt" \
        >"$work/flyway/mvn.log" 2>&1); then
    echo "could not resolve org.flywaydb:flyway-commandline:$flyway_version with Maven:" >&2
    tail -20 "$work/flyway/mvn.log" | sed 's/^/    /' >&2
    exit 1
fi
flyway_cp=$(cat "$work/flyway/classpath.txt")
flyway=(java -cp "$flyway_cp" org.flywaydb.commandline.Main -skipCheckForUpdate)
flyway_login=(-user="$PGUSER")
if [ -n "${PGPASSWORD:-}" ]; then flyway_login+=(-password="$PGPASSWORD"); fi
if ! "${flyway[@]}" version >"$work/flyway/version.txt" 2>&1; then
    echo "the Flyway command line does not start:" >&2
    head -20 "$work/flyway/version.txt" | sed 's/^/    /' >&2
    exit 1
fi

# The migrations, copied into each run's project.
mkdir -p "$work/migrations"
for (( i = 1; i <= migrations; i++ )); do
    printf -v version "202611220900%02d" "$i"
    cat >"$work/migrations/V${version}__create_items_$i.sql" <<EOF
-- CreateItems$i: one of $migrations small migrations of the parallel-migrate benchmark.
CREATE TABLE items_$i (
    id BIGINT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    created_at TIMESTAMP
);
CREATE INDEX index_items_${i}_on_name ON items_$i (name);
EOF
done

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# fresh NAME: a new project with SHARDS empty databases and the migrations; prints its directory.
fresh() {
    local dir="$work/run-$1"
    "$shards_sh" create "$shards" "$dir" >/dev/null
    cp "$work"/migrations/*.sql "$dir/db/shards_migrate/"
    echo "$dir"
}

# verify DIR VARIANT: every database of DIR has all MIGRATIONS applied.
verify() {
    local dir=$1 variant=$2 db applied
    while IFS= read -r db; do
        applied=$(psql -X -At -d "$db" -c \
            "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL AND type <> 'BASELINE'")
        if [ "$applied" != "$migrations" ]; then
            echo "$variant: $db has $applied of $migrations migrations applied" >&2
            exit 1
        fi
    done <"$dir/.shards-databases"
}

# timed VARIANT: one run on a fresh set of shards; appends the wall ms to $work/VARIANT.ms.
timed() {
    local variant=$1 dir start end rc=0 db
    dir=$(fresh "$variant-$round")
    case "$variant" in
        jobs1)
            start=$(now_ms)
            "${mdb[@]}" -C "$dir" db:migrate --jobs 1 >"$dir/out.txt" 2>"$dir/err.txt" || rc=$?
            end=$(now_ms)
            ;;
        default)
            start=$(now_ms)
            /usr/bin/time -f %M -o "$dir/rss.txt" "${mdb[@]}" -C "$dir" db:migrate >"$dir/out.txt" 2>"$dir/err.txt" \
                || rc=$?
            end=$(now_ms)
            tail -1 "$dir/rss.txt" >>"$work/default.rss"
            ;;
        flyway)
            start=$(now_ms)
            while IFS= read -r db; do
                "${flyway[@]}" -url="jdbc:postgresql://$PGHOST:$PGPORT/$db" "${flyway_login[@]}" \
                    -locations="filesystem:$dir/db/shards_migrate" migrate \
                    >>"$dir/out.txt" 2>>"$dir/err.txt" || { rc=$?; break; }
            done <"$dir/.shards-databases"
            end=$(now_ms)
            ;;
    esac
    if [ "$rc" -ne 0 ]; then
        echo "$variant exited with status $rc; its stderr:" >&2
        head -20 "$dir/err.txt" | sed 's/^/    /' >&2
        exit 1
    fi
    verify "$dir" "$variant"
    echo $(( end - start )) >>"$work/$variant.ms"
    "$shards_sh" drop "$dir"
}

echo "server: $(psql -X -At -d postgres -c 'SHOW server_version'), java: $(java -version 2>&1 | head -1)," \
    "cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "flyway: $(grep -m1 -o 'Flyway .* Edition [0-9.]*' "$work/flyway/version.txt" || echo "$flyway_version")," \
    "$(tr ':' '\n' <<<"$flyway_cp" | wc -l) jars on its classpath"
echo "mdb: dist built $(date -r "$root/dist/target/mdb/bin/mdb" '+%F %T'), launcher flags:" \
    "$(grep -o -- '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' "$work/dist/bin/mdb" | head -1 || true)," \
    "class-data-sharing archive: $(if [ -f "$work/dist/lib/mdb.jsa" ]; then echo yes; else echo no; fi)"
echo "$shards shards (+ replica entries) x $migrations migrations, $rounds rounds; mdb --jobs default: 8"

read -r -a variants <<<"${VARIANTS:-jobs1 default flyway}"
for v in jobs1 default flyway; do : >"$work/$v.ms"; done
: >"$work/default.rss"
for (( round = 1; round <= rounds; round++ )); do
    for (( k = 0; k < ${#variants[@]}; k++ )); do
        timed "${variants[$(( (k + round - 1) % ${#variants[@]} ))]}"
    done
    echo "round $round: jobs1 $(tail -1 "$work/jobs1.ms") ms, default $(tail -1 "$work/default.ms") ms," \
        "flyway loop $(tail -1 "$work/flyway.ms") ms, default peak RSS $(tail -1 "$work/default.rss") KB" \
        "(load $(cut -d' ' -f1-3 /proc/loadavg))"
done
if [ "${#variants[@]}" -ne 3 ]; then
    exit 0 # a partial run (VARIANTS): no ratios
fi

j=$(median <"$work/jobs1.ms")
d=$(median <"$work/default.ms")
f=$(median <"$work/flyway.ms")
paste -d ' ' "$work/jobs1.ms" "$work/default.ms" | awk '{ print $1 / $2 }' | median >"$work/r1"
paste -d ' ' "$work/flyway.ms" "$work/default.ms" | awk '{ print $1 / $2 }' | median >"$work/r2"
rss=$(sort -n "$work/default.rss" | tail -1)
echo "mdb db:migrate --jobs 1   runs (ms): $(paste -sd ' ' "$work/jobs1.ms")  median $j ms"
echo "mdb db:migrate (default)  runs (ms): $(paste -sd ' ' "$work/default.ms")  median $d ms"
echo "flyway migrate x $shards loop runs (ms): $(paste -sd ' ' "$work/flyway.ms")  median $f ms"
awk -v j="$j" -v d="$d" -v f="$f" -v r1="$(cat "$work/r1")" -v r2="$(cat "$work/r2")" -v rss="$rss" \
    -v all="$(paste -sd ' ' "$work/default.rss")" 'BEGIN {
    printf "speed-up default vs --jobs 1:    %.2fx (ratio of medians), %.2fx (median of per-round ratios)  [goal >= 2]\n",
        j / d, r1
    printf "speed-up default vs flyway loop: %.2fx (ratio of medians), %.2fx (median of per-round ratios)  [goal >= 25]\n",
        f / d, r2
    printf "peak RSS of the default run: %.1f MiB max (runs, KB: %s)  [goal <= 256 MB]\n", rss / 1024, all }'
