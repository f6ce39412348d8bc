#!/usr/bin/env bash
# Scale fixtures: an N-shard mdb project on a local PostgreSQL, for tests and benchmarks.
#
#   scripts/shards.sh create N [DIR]   # DIR defaults to a new temporary directory; prints DIR on stdout
#   scripts/shards.sh drop DIR         # drops the databases that `create` made for DIR
#
# `create` writes DIR/config/database.yml with, under ENV (development):
#
#   primary_shard_01:            adapter postgresql on PGHOST:PGPORT as PGUSER, database mdb_shard_<runid>_01,
#     ...                        migrations_paths: MIGRATIONS_PATH, schema_dump: SCHEMA_DUMP
#   primary_shard_01_replica:    the same database, replica: true
#   ...
#   primary_shard_NN(_replica)
#
# NN is zero-padded to at least 2 digits (3 from 100 shards on). <runid> is 8 random hex digits, so several fixtures
# (and concurrent runs) never share a database. The databases are created empty (CREATE DATABASE, one psql session)
# and their names are listed, one a line, in DIR/.shards-databases, which `drop` reads (DROP DATABASE ... WITH
# (FORCE), so open sessions don't keep them alive); `drop` removes that list, not the directory.
# DIR/db/MIGRATIONS_PATH is created empty, for the caller's migration files.
#
# With ADAPTER=sqlite3 the shards are SQLite files instead, DIR/storage/shard_NN.sqlite3 (timeout 5000), created by
# `mdb db:create` (or on first connect); no server is needed, no list is written, and `drop` deletes those files.
#
# Settings (environment): ADAPTER (postgresql, or sqlite3); PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD (written to the yml when
# set); ENV (development); MIGRATIONS_PATH (db/shards_migrate); SCHEMA_DUMP (shards_schema.sql; "false" disables
# the schema file); REPLICAS (1; 0 writes no replica entries); CREATE (1; 0 writes the files without creating the
# databases, e.g. to test db:create).
set -euo pipefail

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
env_name=${ENV:-development}
migrations_path=${MIGRATIONS_PATH:-db/shards_migrate}
schema_dump=${SCHEMA_DUMP:-shards_schema.sql}
replicas=${REPLICAS:-1}
create_databases=${CREATE:-1}
adapter=${ADAPTER:-postgresql}

usage() {
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

psql_admin() {
    psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"
}

create() {
    local n=${1:-} dir=${2:-}
    if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" -lt 1 ]; then
        echo "shards.sh: N must be a positive number, got '${n}'" >&2
        exit 2
    fi
    if [ -z "$dir" ]; then
        dir=$(mktemp -d "${TMPDIR:-/tmp}/mdb-shards.XXXXXX")
    fi
    mkdir -p "$dir/config" "$dir/$migrations_path"
    dir=$(cd "$dir" && pwd)
    if [ -s "$dir/.shards-databases" ]; then
        echo "shards.sh: $dir already has shards ($dir/.shards-databases); run: $0 drop $dir" >&2
        exit 2
    fi
    local runid width i nn db
    runid=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
    width=$(( ${#n} < 2 ? 2 : ${#n} ))
    local yml="$dir/config/database.yml" list="$dir/.shards-databases" sql
    if [ "$adapter" = sqlite3 ]; then
        mkdir -p "$dir/storage"
        {
            echo "# $n SQLite shards written by scripts/shards.sh; drop with: scripts/shards.sh drop DIR"
            echo "$env_name:"
            for (( i = 1; i <= n; i++ )); do
                printf -v nn "%0${width}d" "$i"
                echo "  primary_shard_${nn}:"
                echo "    adapter: sqlite3"
                echo "    database: storage/shard_${nn}.sqlite3"
                echo "    timeout: 5000"
                echo "    migrations_paths: $migrations_path"
                echo "    schema_dump: $schema_dump"
            done
        } >"$yml"
        touch "$dir/.shards-sqlite"
        echo "$dir"
        return 0
    elif [ "$adapter" != postgresql ]; then
        echo "shards.sh: ADAPTER must be postgresql or sqlite3, got '$adapter'" >&2
        exit 2
    fi
    sql="$dir/.shards-create.sql"
    : >"$list"
    : >"$sql"
    {
        echo "# $n PostgreSQL shards written by scripts/shards.sh (run $runid); drop with: scripts/shards.sh drop DIR"
        echo "$env_name:"
        for (( i = 1; i <= n; i++ )); do
            printf -v nn "%0${width}d" "$i"
            db="mdb_shard_${runid}_${nn}"
            echo "$db" >>"$list"
            echo "CREATE DATABASE \"$db\";" >>"$sql"
            local suffix
            for suffix in "" "_replica"; do
                if [ -n "$suffix" ] && [ "$replicas" = 0 ]; then continue; fi
                echo "  primary_shard_${nn}${suffix}:"
                echo "    adapter: postgresql"
                echo "    host: \"$PGHOST\""
                echo "    port: $PGPORT"
                echo "    username: \"$PGUSER\""
                if [ -n "${PGPASSWORD:-}" ]; then echo "    password: \"$PGPASSWORD\""; fi
                echo "    database: \"$db\""
                echo "    migrations_paths: $migrations_path"
                echo "    schema_dump: $schema_dump"
                if [ -n "$suffix" ]; then echo "    replica: true"; fi
            done
        done
    } >"$yml"
    if [ "$create_databases" != 0 ]; then
        # Each statement on its own line of a script: psql runs them one by one, outside a transaction block.
        if ! psql_admin -f "$sql" >/dev/null; then
            rm -f "$sql"
            echo "shards.sh: creating the databases failed; dropping those that were made" >&2
            drop "$dir" || true
            exit 1
        fi
    fi
    rm -f "$sql"
    echo "$dir"
}

drop() {
    local dir=${1:-}
    if [ -z "$dir" ] || [ ! -d "$dir" ]; then
        echo "shards.sh: drop needs the directory given to create, got '${dir}'" >&2
        exit 2
    fi
    local list="$dir/.shards-databases" db sql
    if [ -f "$dir/.shards-sqlite" ]; then
        rm -f "$dir"/storage/shard_*.sqlite3 "$dir"/storage/shard_*.sqlite3-* "$dir"/storage/shard_*.mdb-lock \
            "$dir/.shards-sqlite"
        return 0
    fi
    if [ ! -f "$list" ]; then
        echo "shards.sh: $dir has no $list (nothing created there, or already dropped)" >&2
        return 0
    fi
    sql="$dir/.shards-drop.sql"
    : >"$sql"
    while IFS= read -r db; do
        # Only names this script makes: a hand-edited list must not drop anything else.
        if [[ "$db" =~ ^mdb_shard_[0-9a-f]{8}_[0-9]+$ ]]; then
            echo "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE);" >>"$sql"
        elif [ -n "$db" ]; then
            echo "shards.sh: skipping '$db' in $list: not a shards.sh database name" >&2
        fi
    done <"$list"
    psql_admin -f "$sql" >/dev/null
    rm -f "$sql" "$list"
}

case "${1:-}" in
    create) shift; create "$@" ;;
    drop) shift; drop "$@" ;;
    *) usage ;;
esac
