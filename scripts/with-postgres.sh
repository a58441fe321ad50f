#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster on loopback, with
# HUB_TEST_POSTGRES set to its URL; the cluster and its files are gone after.
# Uses Debian's PostgreSQL (apt-get install postgresql), or the server in PG_BIN.
set -euo pipefail

bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "No PostgreSQL server found: apt-get install postgresql, or set PG_BIN to its bin folder." >&2
  exit 1
fi

dir=$(mktemp -d -t lapor-pg-XXXXXX)
port=${PG_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
as_owner() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[[ $(id -u) == 0 ]] && chown postgres "$dir"

cleanup() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

as_owner "$bin/initdb" -D "$dir/data" -U lapor --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
# Durability is not what these tests measure: fsync off makes the throwaway cluster fast.
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null

export HUB_TEST_POSTGRES="postgres://lapor@127.0.0.1:$port/postgres"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
