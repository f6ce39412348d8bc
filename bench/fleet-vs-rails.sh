#!/usr/bin/env bash
# mdb against Rails 6.1 on the same database.yml files, side by side in one run, alternating per round: the peer apps
# of ../shared/peers (Rails from Debian's packages) and their mdb twins.
#
#   bench/fleet-vs-rails.sh [ROUNDS]        # default 5; after: mvn -B -q -o install -DskipTests
#
# Needs the peers built once (a few minutes the first time):
#   bash ../shared/peers/rails-peer.sh install && bash ../shared/peers/rails-peer.sh pg &&
#   bash ../shared/peers/rails-peer.sh build && bash ../shared/peers/mdb-twins.sh
# RAILSPEER_ROOT (/tmp/railspeer) and MDBPEER (/tmp/mdbpeer) say where they are.
#
# Figures (goals from issue 12), each a median over ROUNDS with the ratio of the medians and the median of the
# per-round ratios:
#   pg16-migrate   db:migrate from empty, PostgreSQL primary + 16 shards x 3 migrations    <= 0.4x Rails
#   pg16-status    db:migrate:status, the same 17 databases                                <= 0.25x Rails
#   pg16-noop      db:migrate with nothing pending, the same 17 databases                  <= 0.25x Rails
#   sqlite-version db:version, SQLite, 4 databases                                         kept (about 0.2x)
#   sqlite-status  db:migrate:status, SQLite, 4 databases                                  kept (about 0.25x)
# Both tools re-dump their schema files after migrating, as each does by default. Peak RSS (/usr/bin/time %M) too.
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-5}
rp=${RAILSPEER_ROOT:-/tmp/railspeer}
mp=${MDBPEER:-/tmp/mdbpeer}
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=root PGPASSWORD=railspeer DISABLE_SPRING=1
for dir in "$rp/app" "$rp/app_pg16" "$mp/app" "$mp/app_pg16"; do
    if [ ! -d "$dir" ]; then
        echo "missing $dir: build the peers first (see the head of $0)" >&2
        exit 2
    fi
done
if [ ! -f "$root/dist/target/mdb/bin/mdb" ]; then
    echo "build first: mvn -B -q -o install -DskipTests" >&2
    exit 2
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/mdb-bench-rails.XXXXXX")
trap 'rm -rf "$work"' EXIT
# A copy of the distribution, so that a concurrent build in the checkout cannot change it mid-run.
cp -r "$root/dist/target/mdb" "$work/dist"
mdb="sh $work/dist/bin/mdb"
$mdb --version >/dev/null 2>&1 # records the class-data-sharing archive of the copy
out=$work/times.tsv
: >"$out"

# t TOOL FIGURE DIR COMMAND...: one timed run appended to the table; a failure is reported and not counted.
t() {
    local tool=$1 figure=$2 dir=$3
    shift 3
    if (cd "$dir" && /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>"$work/err"); then
        echo "$tool $figure $(tail -1 "$work/t")" >>"$out"
    else
        echo "WARN failed ($tool $figure): $*" >&2
        tail -3 "$work/err" >&2
    fi
}

rails_pg16() { (cd "$rp/app_pg16" && bin/rails "$@" >/dev/null 2>&1); }
mdb_pg16() { $mdb -C "$mp/app_pg16" "$@" -q >/dev/null 2>&1; }

(cd "$rp/app" && bin/rails db:create db:migrate >/dev/null 2>&1)
$mdb -C "$mp/app" db:create db:migrate -q >/dev/null 2>&1
echo "machine: $(nproc) CPUs, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$rounds"); do
    # Alternate which tool goes first in each round.
    if (( i % 2 )); then order="rails mdb"; else order="mdb rails"; fi
    for tool in $order; do
        if [ "$tool" = rails ]; then
            t rails sqlite-version "$rp/app" bin/rails db:version
            t rails sqlite-status "$rp/app" bin/rails db:migrate:status
            rails_pg16 db:drop
            rails_pg16 db:create
            t rails pg16-migrate "$rp/app_pg16" bin/rails db:migrate
            t rails pg16-noop "$rp/app_pg16" bin/rails db:migrate
            t rails pg16-status "$rp/app_pg16" bin/rails db:migrate:status
        else
            t mdb sqlite-version "$mp/app" $mdb db:version
            t mdb sqlite-status "$mp/app" $mdb db:migrate:status
            mdb_pg16 db:drop
            mdb_pg16 db:create
            t mdb pg16-migrate "$mp/app_pg16" $mdb db:migrate
            t mdb pg16-noop "$mp/app_pg16" $mdb db:migrate
            t mdb pg16-status "$mp/app_pg16" $mdb db:migrate:status
        fi
    done
done
rails_pg16 db:drop
mdb_pg16 db:drop
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" <<'PY'
import sys, statistics as st, collections
d = collections.defaultdict(list); m = collections.defaultdict(list)
for line in open(sys.argv[1]):
    tool, what, s, kb = line.split()
    d[(tool, what)].append(float(s)); m[(tool, what)].append(int(kb))
goals = {"pg16-migrate": 0.4, "pg16-status": 0.25, "pg16-noop": 0.25}
print(f"{'figure':15s} {'rails':>8s} {'mdb':>8s} {'ratio':>6s} {'pairs':>6s} {'goal':>6s} {'rss rails':>10s} {'rss mdb':>8s}")
for what in ["pg16-migrate", "pg16-status", "pg16-noop", "sqlite-version", "sqlite-status"]:
    r, k = d[("rails", what)], d[("mdb", what)]
    if not r or not k:
        print(f"{what:15s} (missing runs)"); continue
    pairs = sorted(a / b for a, b in zip(k, r))
    goal = goals.get(what)
    print(f"{what:15s} {st.median(r):7.2f}s {st.median(k):7.2f}s {st.median(k)/st.median(r):6.2f} {st.median(pairs):6.2f}"
          f" {('<=' + str(goal)) if goal else 'kept':>6s} {max(m[('rails', what)])//1024:8d}MB {max(m[('mdb', what)])//1024:6d}MB")
PY
