#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and local runs: loopback only, its own port and folder, a role whose
# password is generated at run time (nothing secret lives in the repository).
#
#   .ci/postgres.sh start   # installs postgresql if missing, starts (or reuses) the cluster, writes the env file
#   .ci/postgres.sh stop    # stops the cluster and deletes its folder
#   .ci/postgres.sh env     # prints the env file's path
#
# Or source it and call postgres_start / postgres_stop. After start, "$KOMDIR_PG_DIR/env" holds:
#   KOMDIR_TEST_POSTGRES=<admin connection string>    (role with CREATEDB: each test factory makes its own database)
#   ConnectionStrings__Komdir=<connection string to the komdir database>
#   Database__Provider=PostgreSQL
# so `set -a; . "$KOMDIR_PG_DIR/env"; set +a` prepares either the tests or the site.

KOMDIR_PG_PORT="${KOMDIR_PG_PORT:-5433}"
KOMDIR_PG_DIR="${KOMDIR_PG_DIR:-${TMPDIR:-/tmp}/komdir-pg-$KOMDIR_PG_PORT}"

postgres_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

# Runs a command as the postgres system user when we are root (initdb refuses to run as root).
as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

postgres_install() {
  if ! postgres_bin >/dev/null; then
    echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null 2>&1 \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
}

postgres_start() {
  postgres_install
  local bin data sock
  bin="$(postgres_bin)"
  data="$KOMDIR_PG_DIR/data"
  sock="$KOMDIR_PG_DIR/socket"

  if [ -f "$KOMDIR_PG_DIR/env" ] && as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "$KOMDIR_PG_DIR/env"
    return 0
  fi

  mkdir -p "$KOMDIR_PG_DIR"
  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$data" "$sock"
    mkdir -p "$data" "$sock"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$KOMDIR_PG_DIR"
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$KOMDIR_PG_DIR" "$sock"

  as_postgres "$bin/pg_ctl" -D "$data" -l "$KOMDIR_PG_DIR/server.log" -w -t 60 \
    -o "-p $KOMDIR_PG_PORT -k $sock -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null

  # A new password on every start: the env file is the only place it is written.
  local password
  password="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  as_postgres "$bin/psql" -h "$sock" -p "$KOMDIR_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'komdir') THEN CREATE ROLE komdir LOGIN CREATEDB; END IF;
END \$\$;
ALTER ROLE komdir WITH LOGIN CREATEDB PASSWORD '$password';
-- DROP DATABASE … WITH (FORCE) must be able to end an autovacuum worker still busy in a test database.
GRANT pg_signal_backend TO komdir;
SELECT 'CREATE DATABASE komdir OWNER komdir' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'komdir') \gexec
SQL

  local base="Host=127.0.0.1;Port=$KOMDIR_PG_PORT;Username=komdir;Password=$password"
  umask 077
  cat > "$KOMDIR_PG_DIR/env" <<ENV
KOMDIR_TEST_POSTGRES="$base;Database=postgres"
ConnectionStrings__Komdir="$base;Database=komdir"
Database__Provider=PostgreSQL
ENV
  echo "$KOMDIR_PG_DIR/env"
}

postgres_stop() {
  local bin
  if bin="$(postgres_bin)" && [ -f "$KOMDIR_PG_DIR/data/PG_VERSION" ]; then
    as_postgres "$bin/pg_ctl" -D "$KOMDIR_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$KOMDIR_PG_DIR"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start) postgres_start ;;
    stop) postgres_stop ;;
    env) echo "$KOMDIR_PG_DIR/env" ;;
    *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
  esac
fi
