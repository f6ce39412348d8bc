# Sourced (not run) by the bench scripts whose Java side is a main of the mdb-bench module
# (bench/src/main/java/dev/mdb/bench, built by the reactor like every module: javac -Xlint:all, Error Prone, Spotless).
#
#   bench_classpath WORK CLASS    e.g. bench_classpath "$work" dev.mdb.bench.RoutingOverheadBench
#
# Needs the module built: bench/target/classes and bench/target/classpath.txt (its runtime classpath, written by the
# build; after a reactor build its mdb-* entries are the modules' target/ jars, not ~/.m2). Copies the module's classes
# and every classpath entry inside the checkout into WORK/cp, so that a concurrent build in the checkout cannot change
# them mid-run, prints when the main class was built, and sets BENCH_CP to the classpath to run CLASS with. Exits 2,
# with the build command, when the module is not built.

BENCH_BUILD="mvn -B -q -o package -DskipTests -pl bench -am"

bench_classpath() {
    local work=$1 class=$2
    local root
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
    local target="$root/bench/target"
    local class_file="${class//.//}.class"
    if [ ! -f "$target/classes/$class_file" ] || [ ! -f "$target/classpath.txt" ]; then
        echo "build first: $BENCH_BUILD" >&2
        exit 2
    fi
    mkdir -p "$work/cp"
    cp -r "$target/classes" "$work/cp/bench-classes"
    if [ ! -f "$work/cp/bench-classes/$class_file" ]; then
        echo "bench/target/classes is incomplete (a build running?); build again and rerun: $BENCH_BUILD" >&2
        exit 2
    fi
    local cp="$work/cp/bench-classes" entry copy i=0 from=""
    local entries
    IFS=: read -r -a entries <"$target/classpath.txt" || true # no newline at its end
    for entry in "${entries[@]}"; do
        if [ ! -e "$entry" ]; then
            echo "$entry (in bench/target/classpath.txt) is missing; build again and rerun: $BENCH_BUILD" >&2
            exit 2
        fi
        case $entry in
            "$root"/*)
                i=$((i + 1))
                copy="$work/cp/$i-$(basename "$entry")"
                cp -r "$entry" "$copy"
                cp="$cp:$copy"
                from="$from ${entry#"$root"/}"
                ;;
            *) cp="$cp:$entry" ;;
        esac
    done
    echo "$class: built $(date -r "$target/classes/$class_file" '+%F %T'); from the checkout:${from:- nothing}"
    BENCH_CP=$cp
}
