#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, with Debian's PostgreSQL binaries on this machine.
#   scripts/pg-throwaway.sh start DIR   → initdb + pg_ctl start; prints the DATABASE_URL
#   scripts/pg-throwaway.sh stop DIR    → pg_ctl stop, DIR removed
# PostgreSQL refuses to run as root: as root, the cluster belongs to the unprivileged `nobody`.
set -euo pipefail
action=${1:?start|stop}
dir=${2:?a directory for the cluster}
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$bin/initdb" ] || { echo "pg-throwaway: no PostgreSQL binaries (set PG_BIN)" >&2; exit 3; }
as() { if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }

case "$action" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown nobody "$dir"
  port=${PG_PORT:-$((20000 + RANDOM % 20000))}
  as "$bin/initdb" -D "$dir/data" -U musalaha --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  echo "postgres://musalaha@127.0.0.1:$port/postgres"
  ;;
stop)
  [ -d "$dir/data" ] && as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*) echo "pg-throwaway: start or stop" >&2; exit 2 ;;
esac
