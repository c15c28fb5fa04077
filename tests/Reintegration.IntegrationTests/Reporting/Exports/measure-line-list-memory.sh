#!/usr/bin/env bash
# Measures the line-list export's memory: Reporting (the Release build) runs as a process of its
# own against a database of its own, whose line-list table is seeded directly with SQL
# (generate_series), and each export is streamed to /dev/null while the process's resident set
# is sampled every 50 ms. One fresh process per size and format, so each peak is that export's.
#
#   source /tmp/infra.env   # ConnectionStrings__Postgres / __RabbitMq / RabbitMq__ManagementUrl
#   tests/Reintegration.IntegrationTests/Reporting/Exports/measure-line-list-memory.sh [ROWS ...]
#
# Default sizes 10000 and 1000000. MEASURE_HEAP_LIMIT_MIB caps the service's managed heap
# (DOTNET_GCHeapHardLimit): an export that kept its rows in memory would fail under a cap far
# below their size. Besides the peak, each run prints the peak of each quarter of the download:
# flat memory shows as four similar figures. MEASURE_DLL runs another build of Reporting.
# Drops its database and virtual host at the end. Never stops PostgreSQL or RabbitMQ.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
DLL=${MEASURE_DLL:-$ROOT/services/Reporting/bin/Release/net10.0/Reintegration.Reporting.dll}
PORT=${MEASURE_PORT:-5199}
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(10000 1000000)
[[ -f $DLL ]] || { echo "build first: dotnet build services/Reporting -c Release" >&2; exit 2; }
: "${ConnectionStrings__Postgres:?source the infra env first}" "${ConnectionStrings__RabbitMq:?}" "${RabbitMq__ManagementUrl:?}"

# Npgsql connection string -> libpq environment.
while IFS='=' read -r key value; do
	case ${key,,} in
	host) export PGHOST=$value ;; port) export PGPORT=$value ;; username) export PGUSER=$value ;; password) export PGPASSWORD=$value ;;
	esac
done < <(tr ';' '\n' <<<"${ConnectionStrings__Postgres//\\/}")
NAME=measure_$(date +%s)_$$
RABBIT_USER=$(sed -E 's#amqp://([^:]+):([^@]+)@.*#\1:\2#' <<<"$ConnectionStrings__RabbitMq")
export DEVKEY_DIR=$(mktemp -d)
source "$ROOT/build/lib/devkey.sh"
devkey_ensure >/dev/null
TOKEN=$(DEVKEY_DIR=$DEVKEY_DIR "$ROOT/build/token.sh" --scopes "reports:export" --minutes 120)

SERVICE_PID=""
cleanup() {
	[[ -n $SERVICE_PID ]] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
	psql -q -d postgres -c "drop database if exists $NAME with (force)" >/dev/null 2>&1 || true
	curl -fsS -u "$RABBIT_USER" -X DELETE "$RabbitMq__ManagementUrl/api/vhosts/$NAME" >/dev/null 2>&1 || true
	rm -rf "$DEVKEY_DIR"
}
trap cleanup EXIT

psql -q -d postgres -c "create database $NAME" >/dev/null
curl -fsS -u "$RABBIT_USER" -X PUT "$RabbitMq__ManagementUrl/api/vhosts/$NAME" >/dev/null
curl -fsS -u "$RABBIT_USER" -X PUT -H 'content-type: application/json' -d '{"configure":".*","write":".*","read":".*"}' \
	"$RabbitMq__ManagementUrl/api/permissions/$NAME/${RABBIT_USER%%:*}" >/dev/null

start_service() {
	local settings=(
		ASPNETCORE_ENVIRONMENT=Development
		"ConnectionStrings__Postgres=$(sed -E "s/Database=[^;]*/Database=$NAME/" <<<"$ConnectionStrings__Postgres")"
		"ConnectionStrings__RabbitMq=${ConnectionStrings__RabbitMq%/}/$NAME"
		"Auth__Issuer=$DEVKEY_ISSUER" "Auth__Audience=$DEVKEY_AUDIENCE" "Auth__SigningKeysFile=$DEVKEY_JWKS"
		Logging__LogLevel__Default=Warning
	)
	[[ -z ${MEASURE_HEAP_LIMIT_MIB:-} ]] || settings+=("DOTNET_GCHeapHardLimit=$(printf '0x%x' $((MEASURE_HEAP_LIMIT_MIB * 1048576)))")
	env "${settings[@]}" dotnet "$DLL" --urls "http://127.0.0.1:$PORT" >"$DEVKEY_DIR/service.log" 2>&1 &
	SERVICE_PID=$!
	for _ in $(seq 1 300); do
		curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && return 0
		sleep 0.2
	done
	echo "Reporting did not become ready:" >&2
	tail -20 "$DEVKEY_DIR/service.log" >&2
	exit 1
}

stop_service() {
	kill "$SERVICE_PID"
	wait "$SERVICE_PID" 2>/dev/null || true
	SERVICE_PID=""
}

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$SERVICE_PID/status"; }

# Rows as the projection writes them: a registered returnee with a screening, activities and scores.
seed() {
	psql -q -v ON_ERROR_STOP=1 -d "$NAME" <<SQL
truncate reporting.mt_doc_returneeline;
insert into reporting.mt_doc_returneeline (id, data, mt_last_modified, mt_version, mt_dotnet_type)
select id, jsonb_build_object(
	'id', id, 'registered', true, 'sex', case when n % 2 = 0 then 'female' else 'male' end, 'ageGroup', '25-59',
	'region', (array['bamako','kayes','kita','nioro','segou'])[1 + n % 5], 'returnedFrom', 'LY', 'arrivalMonth', '2026-03',
	'erased', false, 'vulnerabilities', jsonb_build_array('survivor-of-violence', 'disability'), 'screenedAt', '2026-03-04T09:00:00+00:00',
	'sessions', jsonb_build_array(gen_random_uuid(), gen_random_uuid(), gen_random_uuid()), 'groupSessions', jsonb_build_array(gen_random_uuid()),
	'workshops', '[]'::jsonb, 'referrals', jsonb_build_array(gen_random_uuid()),
	'assessments', jsonb_build_object('who-5', jsonb_build_object('firstAt', '2026-03-05T09:00:00+00:00', 'first', 32, 'latestAt', '2026-06-05T09:00:00+00:00', 'latest', 56)),
	'lastClosedAt', null, 'lastReopenedAt', null), now(), 1, 'Reintegration.Reporting.LineList.ReturneeLine'
from (select n, gen_random_uuid() as id from generate_series(1, $1) as n) as rows;
analyze reporting.mt_doc_returneeline;
SQL
}

measure() {
	local rows=$1 format=$2 peak baseline start end bytes sampler
	start_service
	baseline=$(rss_kib)
	: >"$DEVKEY_DIR/samples"
	(while kill -0 "$SERVICE_PID" 2>/dev/null; do rss_kib >>"$DEVKEY_DIR/samples" 2>/dev/null || true; sleep 0.05; done) &
	sampler=$!
	start=$(date +%s.%N)
	# The CSV's lines are counted on the way (header + one per row), to know the whole list came.
	bytes=$(curl -fsS -H "Authorization: Bearer $TOKEN" -o >(wc -l >"$DEVKEY_DIR/lines") -w '%{size_download}' "http://127.0.0.1:$PORT/exports/returnees.$format")
	end=$(date +%s.%N)
	kill "$sampler"; wait "$sampler" 2>/dev/null || true
	peak=$(sort -n "$DEVKEY_DIR/samples" | tail -1)
	quarters=$(awk '{ s[NR] = $1 } END { for (q = 0; q < 4; q++) { m = 0; for (i = int(q * NR / 4) + 1; i <= int((q + 1) * NR / 4); i++) if (s[i] > m) m = s[i]; printf "%s%.0f", (q ? " / " : ""), m / 1024 } }' "$DEVKEY_DIR/samples")
	sleep 0.5 # the line count finishes after curl
	[[ $format != csv ]] || [[ $(cat "$DEVKEY_DIR/lines") -eq $((rows + 1)) ]] || { echo "csv has $(cat "$DEVKEY_DIR/lines") lines, not $((rows + 1))" >&2; exit 1; }
	awk -v q="$quarters" -v r="$rows" -v f="$format" -v b="$baseline" -v p="$peak" -v s="$bytes" -v t0="$start" -v t1="$end" 'BEGIN {
		printf "| %d | %s | %.1f MiB | %.1f MiB | %+.1f MiB | %s MiB | %.1f MiB | %.1f s |\n", r, f, b / 1024, p / 1024, (p - b) / 1024, q, s / 1048576, t1 - t0 }'
	stop_service
}

start_service # creates the schema
stop_service
echo "| rows | file | RSS before | peak RSS during | peak − before | peak per quarter | file size | time |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for rows in "${SIZES[@]}"; do
	seed "$rows"
	measure "$rows" csv
	measure "$rows" xlsx
done
