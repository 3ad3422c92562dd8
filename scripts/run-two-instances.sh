#!/usr/bin/env bash
# Two hub instances on one PostgreSQL database, behind no load balancer, on shared platform sandboxes — all local,
# all loopback, all in one temp directory that Ctrl+C removes again. See README "Running several instances".
#
#   scripts/run-two-instances.sh            # builds, starts, prints the addresses, waits for Ctrl+C
#
# Ports (override with the environment): PostgreSQL 55432, sandboxes 7101-7103, hubs 5081 and 5082.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

pg_port=${PG_PORT:-55432}
pdnd_port=${PDND_PORT:-7101}
anpr_port=${ANPR_PORT:-7102}
pagopa_port=${PAGOPA_PORT:-7103}
hub_ports=("${HUB_A_PORT:-5081}" "${HUB_B_PORT:-5082}")
work=$(mktemp -d "${TMPDIR:-/tmp}/interophub-cluster.XXXXXX")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

pids=()
as_postgres() {
  # initdb refuses to run as root: the cluster then belongs to the postgres user.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  trap - EXIT INT TERM
  echo
  echo "Stopping the hubs, the sandboxes and PostgreSQL…"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  as_postgres pg_ctl -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT INT TERM

wait_for() { # url, what, log file
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "$2 did not come up; its log, $3:" >&2
  tail -n 30 "$3" >&2
  exit 1
}

echo "Building (Release)…"
for project in src/InteropHub.Host/InteropHub.Host.csproj mocks/InteropHub.Sandbox/InteropHub.Sandbox.csproj; do
  dotnet build -c Release -v quiet -nologo "$project" >"$work/build.log" 2>&1 || { tail -n 30 "$work/build.log" >&2; exit 1; }
done

echo "PostgreSQL on 127.0.0.1:$pg_port ($work/pg)…"
mkdir -p "$work/pg" "$work/socket"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$work" "$work/pg" "$work/socket"; fi
as_postgres initdb -D "$work/pg" -U postgres -A trust -E UTF8 >"$work/initdb.log" 2>&1
as_postgres pg_ctl -D "$work/pg" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -k $work/socket -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
connection="Host=127.0.0.1;Port=$pg_port;Database=interophub;Username=postgres"

echo "Sandboxes on ports $pdnd_port (PDND), $anpr_port (ANPR), $pagopa_port (pagoPA)…"
dotnet "$repo/mocks/InteropHub.Sandbox/bin/Release/net10.0/InteropHub.Sandbox.dll" \
  --pdnd-port "$pdnd_port" --anpr-port "$anpr_port" --pagopa-port "$pagopa_port" >"$work/sandbox.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$pagopa_port/__sandbox/health" "The sandboxes" "$work/sandbox.log"

# One working directory for both: it holds data/ (the demo tenants' keys and the audit key), which
# instances of one hub share; each claims its own audit checkpoint file in data/audit-checkpoints/.
mkdir -p "$work/hub"
for i in 0 1; do
  name=$([ "$i" -eq 0 ] && echo a || echo b)
  (cd "$work/hub" && exec dotnet "$repo/src/InteropHub.Host/bin/Release/net10.0/interophub.dll" \
    --urls "http://127.0.0.1:${hub_ports[$i]}" \
    --Hub:Database:Provider=PostgreSQL "--ConnectionStrings:Hub=$connection" \
    --Hub:Sandbox:Enabled=true \
    "--Hub:Sandbox:Platforms:PdndUrl=http://127.0.0.1:$pdnd_port/" \
    "--Hub:Sandbox:Platforms:AnprUrl=http://127.0.0.1:$anpr_port/" \
    "--Hub:Sandbox:Platforms:PagoPaUrl=http://127.0.0.1:$pagopa_port/") >"$work/hub-$name.log" 2>&1 &
  pids+=($!)
  # The first instance creates the database and the shared keys before the second starts.
  wait_for "http://127.0.0.1:${hub_ports[$i]}/health/ready" "Hub $name" "$work/hub-$name.log"
done

cat <<EOF

Two InteropHub instances on one PostgreSQL database:
  hub a     http://127.0.0.1:${hub_ports[0]}   (log $work/hub-a.log)
  hub b     http://127.0.0.1:${hub_ports[1]}   (log $work/hub-b.log)
  database  $connection
  sandboxes PDND http://127.0.0.1:$pdnd_port  ANPR http://127.0.0.1:$anpr_port  pagoPA http://127.0.0.1:$pagopa_port
  demo tenants: demo-a (X-Api-Key: sandbox-key-a), demo-b (X-Api-Key: sandbox-key-b)
Ctrl+C stops everything and removes $work.
EOF
wait "${pids[@]}"
