#!/usr/bin/env bash
# Cold start: `mdb db:version` and `mdb db:migrate:status` on the SQLite sample against the Flyway command line's
# `info` (FLYWAY_VERSION 12.4.0) on the sample's primary database, with `java -version` as the floor. Every command
# is a fresh JVM; RUNS (15) rounds, each running all four once (order rotating); reported: medians, minimums and the
# ratios of the medians.
#
#   bench/cold-start.sh                 # after: mvn -B -q -DskipTests install (uses dist/target/mdb-*.tar.gz)
#   RUNS=31 bench/cold-start.sh
#   MDB_JAVA_OPTS=-XX:TieredStopAtLevel=4 bench/cold-start.sh    # passed to bin/mdb, to try other JVM flags
#   MDB_CDS=off bench/cold-start.sh                               # mdb without its class-data-sharing archive
#
# Goals: each mdb median <= 0.3x the Flyway median, and under 250 ms.
#
# What runs: the distribution's tar.gz unpacked into a temp directory (what a user installs; its first run records the
# class-data-sharing archive, outside the timing), the sample's config/ and db/ copied next to it, `db:create
# db:migrate` once, then
#   bin/mdb db:version                  bin/mdb db:migrate:status             (in the project directory)
#   java -cp FLYWAY_CLASSPATH org.flywaydb.commandline.Main -skipCheckForUpdate
#        -url=jdbc:sqlite:storage/development.sqlite3 -locations=filesystem:db/migrate info
#   java -version
# mdb reads all four development databases of the sample (primary, animals, two shards); Flyway one. Flyway runs
# with the JVM's defaults, as its own `flyway` script starts it. The Flyway classpath (flyway-commandline and its
# dependencies, sqlite-jdbc among them, com.fasterxml.jackson.core:jackson-annotations pinned to 2.21) is resolved
# with Maven (Maven Central or a filled ~/.m2). Every run's exit status is checked. The machine's load average is
# printed: these are wall times, and a busy machine moves them.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-15}
flyway_version=${FLYWAY_VERSION:-12.4.0}
work=$(mktemp -d "${TMPDIR:-/tmp}/mdb-bench-cold-start.XXXXXX")
trap 'rm -rf "$work"' EXIT

tarball=$(ls "$root"/dist/target/mdb-*.tar.gz 2>/dev/null | head -n 1 || true)
if [ -z "$tarball" ]; then
    echo "build first: mvn -B -q -DskipTests install (makes dist/target/mdb-VERSION.tar.gz)" >&2
    exit 2
fi
tar xzf "$tarball" -C "$work"
mdb_home=$(echo "$work"/mdb-*/)
mdb_home=${mdb_home%/}
project="$work/project"
mkdir -p "$project"
cp -r "$root/migrations-sample/config" "$root/migrations-sample/db" "$project/"

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
  </dependencies>
</project>
EOF
echo "resolving the Flyway $flyway_version command line with Maven..." >&2
if ! mvn -B -q -f "$work/flyway/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.11.0:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$work/flyway/lib" >"$work/flyway/mvn.log" 2>&1; then
    cat "$work/flyway/mvn.log" >&2
    exit 3
fi
if ! ls "$work"/flyway/lib/sqlite-jdbc-*.jar >/dev/null 2>&1; then
    echo "the Flyway $flyway_version classpath has no sqlite-jdbc jar" >&2
    exit 3
fi

mdb() { (cd "$project" && "$mdb_home/bin/mdb" "$@"); }
flyway_info() {
    (cd "$project" && java -cp "$work/flyway/lib/*" org.flywaydb.commandline.Main -skipCheckForUpdate \
        -url=jdbc:sqlite:storage/development.sqlite3 -locations=filesystem:db/migrate info)
}

# Set-up, not timed: the archive recording (first run), the databases, one run of each command to check it works.
echo "setting up (mdb's first run records its class-data-sharing archive)..." >&2
mdb db:create db:migrate >/dev/null
mdb db:version | grep -q "Current version: " || { echo "mdb db:version printed no version" >&2; exit 4; }
mdb db:migrate:status | grep -q " up " || { echo "mdb db:migrate:status printed no 'up' migration" >&2; exit 4; }
flyway_info | grep -q "Success" || { echo "flyway info did not list the applied migrations" >&2; exit 4; }

labels=("java -version" "mdb db:version" "mdb db:migrate:status" "flyway info")
declare -A times
run_one() {
    local label=$1 start end
    start=$(date +%s%N)
    case $label in
        "java -version") java -version >/dev/null 2>&1 ;;
        "mdb db:version") mdb db:version >/dev/null ;;
        "mdb db:migrate:status") mdb db:migrate:status >/dev/null ;;
        "flyway info") flyway_info >/dev/null 2>&1 ;;
    esac
    end=$(date +%s%N)
    times[$label]+="$(( (end - start) / 1000000 )) "
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
for ((round = 0; round < runs; round++)); do
    for ((i = 0; i < ${#labels[@]}; i++)); do
        run_one "${labels[(i + round) % ${#labels[@]}]}"
    done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
minimum() { tr ' ' '\n' | grep . | sort -n | head -n 1; }
declare -A med
printf '\n%-24s %10s %8s   %s\n' "command ($runs runs)" "median ms" "min ms" "all (ms)"
for label in "${labels[@]}"; do
    med[$label]=$(echo "${times[$label]}" | median)
    printf '%-24s %10s %8s   %s\n' "$label" "${med[$label]}" "$(echo "${times[$label]}" | minimum)" "${times[$label]}"
done

echo
for label in "mdb db:version" "mdb db:migrate:status"; do
    ratio=$(awk -v a="${med[$label]}" -v b="${med[flyway info]}" 'BEGIN {printf "%.2f", a / b}')
    above_floor=$(awk -v a="${med[$label]}" -v b="${med[java -version]}" 'BEGIN {printf "%d", a - b}')
    verdict=ok
    if awk -v r="$ratio" -v m="${med[$label]}" 'BEGIN {exit !(r > 0.3 || m >= 250)}'; then verdict="MISSES the goal"; fi
    printf '%-24s %sx flyway info, %s ms above java -version: %s (goal: <= 0.30x and < 250 ms)\n' \
        "$label" "$ratio" "$above_floor" "$verdict"
done
