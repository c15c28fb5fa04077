#!/usr/bin/env bash
# Measures the system in one run and writes docs/benchmarks.md (overwritten): raw baselines
# (PostgreSQL COPY, Marten appends, MassTransit over RabbitMQ, Marten appends of registrations
# sealed and plain), then batch ingestion at Intake after an unmeasured round of each batch phase, each phase
# set against Marten's batched rate measured again just before it (the median of the rounds), and
# once more with the other services paused to show Intake's own cost (and of group sessions at
# Counselling and of trainings at Training, after the single-event posts),
# the end-to-end drain to Reporting, single-event latency, what token validation costs them, and
# each service's resident memory. Then Reporting at scale (appended to the report): a database of
# its own whose log the seeding command writes by COPY (1,000,000 returnees, 10 activities each),
# Reporting alone on it, its read models rebuilt through POST /operations/rebuilds, GET
# /indicators timed cold and warm against one SQL aggregate over a flat table, and the line list
# exported while its memory is sampled (about 20 minutes at that size).
# Between the two, two replicas against one (appended to the report; about two minutes): on the
# main run's database and vhost, the end-to-end drain of a new programme with the one replica of
# each service that ran, then a second replica of each of the four started on ports of its own
# (same environment) and the drain of another programme of the same size, its batches round robin
# over both; events/s each way, their ratio, CPU by process and whether the figures were exact.
# Last, the time from a fault's end to exact figures, per fault (appended; about five minutes): the
# fault drill of build/test.sh --fault-only, run the same way on PostgreSQL and RabbitMQ instances
# of its own (build/lib/fault-infra.sh), its table (time-to-exact.md) appended to the report.
#
#   build/bench.sh                  build (Release), measure, write docs/benchmarks.md
#   build/bench.sh --no-build       measure what the last Release build produced
#   build/bench.sh --no-scale       leave out Reporting at scale (its own report, docs/benchmarks-scale.md, is left as it is)
#   build/bench.sh --no-replicas    leave out two replicas against one
#   build/bench.sh --no-faults      leave out the fault drill's times to exact figures
#   build/bench.sh --scale-only     only Reporting at scale (docs/benchmarks.md is left as it is), e.g. to
#                                   measure a rebuild on a smaller set: BENCH_SCALE_RETURNEES=100000
#   build/bench.sh -- ARGS          pass ARGS to the benchmark console, e.g. -- --single-seconds 5
#                                   (see: dotnet tests/Benchmarks/bin/Release/net10.0/Reintegration.Benchmarks.dll --help)
#
# Others may use the "reintegration" database and the "/" vhost at the same time (a dev run, the
# tests), so the run gets a database and a RabbitMQ vhost of its own (bench_<time>_<pid>) and its
# own ports, and drops both at the end, whatever happens.
#
# The services run as Production, which refuses the development key of build/run.sh: the run
# writes a signing key of its own (.run/bench/bench-signing-key.pem, its public half in
# .run/bench/bench-jwks.json, issuer urn:reintegration:benchmark) before starting them, they
# trust that JWKS (Auth__SigningKeysFile), and every benchmark request carries a token it signs.
# Per-caller rate limits stay on but are set high: the benchmark is one caller sending what many
# field apps would.
#
# Environment: BENCH_PORT_BASE (5300: services on 5301-5304, their second replicas on 5311-5314),
# READY_TIMEOUT seconds (180), BENCH_REPLICA_RETURNEES (3000 per programme of the replica stage),
# BENCH_SCALE_RETURNEES (1000000; 0 leaves the stage out), BENCH_SCALE_ACTIVITIES (10 per returnee),
# BENCH_OUTPUT (docs/benchmarks.md), BENCH_SCALE_OUTPUT (docs/benchmarks-scale.md), KEEP_INFRA=1, TEST_HANG_TIMEOUT (5m, as build/test.sh: a
# drill scenario running longer fails), plus what build/lib/infra.sh and build/lib/fault-infra.sh read.
# Service logs (UTC timestamps; their warnings and errors are summarised in the report):
# .run/bench/<service>.log (second replicas: <service>-2.log); the fault drill's log, the drill's
# services' logs and its test results: .run/bench/fault-drill.log, .run/bench/faults/. Exit code: 0
# measured and right; 1 something was functionally wrong (a rejection, a wrong figure, a service
# that died, a failed fault drill); 2 set-up failed.
# A missed performance target never fails the run.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

build=1 main=1 replicas=1 faults=1 bench_args=()
while [[ $# -gt 0 ]]; do
	case $1 in
	--no-build) build="" ;;
	--no-scale) BENCH_SCALE_RETURNEES=0 ;;
	--no-replicas) replicas="" ;;
	--no-faults) faults="" ;;
	--scale-only) main="" replicas="" faults="" ;;
	--)
		shift
		bench_args=("$@")
		break
		;;
	-h | --help)
		sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "unknown argument: $1 (see --help)" >&2
		exit 2
		;;
	esac
	shift
done

HOST=127.0.0.1
SERVICES=(Intake Counselling Training Reporting)
port_base=${BENCH_PORT_BASE:-5300}
declare -A PORT=([Intake]=$((port_base + 1)) [Counselling]=$((port_base + 2)) [Training]=$((port_base + 3)) [Reporting]=$((port_base + 4)))
# The replica stage's second replicas: NAME-2, ten ports above the first.
REPLICAS=()
for name in "${SERVICES[@]}"; do
	PORT[$name-2]=$((PORT[$name] + 10))
	REPLICAS+=("$name-2")
done
declare -A PID=()
LOG_DIR=$ROOT/.run/bench
OUTPUT=${BENCH_OUTPUT:-docs/benchmarks.md}
# Reporting at scale has a report of its own: its 20 minutes need not be run again with every
# measurement of the services, and its figures have their own baselines (raw COPY, one SQL aggregate).
SCALE_OUTPUT=${BENCH_SCALE_OUTPUT:-docs/benchmarks-scale.md}
BENCH_DLL=tests/Benchmarks/bin/Release/net10.0/Reintegration.Benchmarks.dll
BACKEND=bench_$(date -u +%Y%m%d%H%M%S)_$$
backend_created=""
SEED_DLL=tests/Reintegration.ReportingSeed/bin/Release/net10.0/Reintegration.ReportingSeed.dll
SCALE_DB=${BACKEND}_scale
scale_created=""
scale_returnees=${BENCH_SCALE_RETURNEES:-1000000}
replica_returnees=${BENCH_REPLICA_RETURNEES:-3000}
FAULT_PROJECT=tests/Reintegration.IntegrationTests/Reintegration.IntegrationTests.csproj
# The drill's scenarios, the tests that write time-to-exact.md (not the broker outage test).
FAULT_FILTER="Category=Fault&FullyQualifiedName~Reintegration.IntegrationTests.Fault.Drill.FaultDrillTests"
FAULT_RESULTS_DIR=$LOG_DIR/faults

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDTERMINALLOGGER=off
export MASSTRANSIT_USAGE_TELEMETRY=false

say() { printf '[bench] %s\n' "$*"; }
die() {
	printf '[bench] ERROR: %s\n' "$*" >&2
	exit "${2:-2}"
}
url() { printf 'http://%s:%s' "$HOST" "${PORT[$1]}"; }

# shellcheck source=build/lib/infra.sh
source "$ROOT/build/lib/infra.sh"

# shellcheck source=build/lib/services.sh
source "$ROOT/build/lib/services.sh"

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	set +e
	stop_services
	if [[ -n $scale_created ]]; then
		say "dropping database and vhost $SCALE_DB"
		dotnet "$BENCH_DLL" backend drop "$SCALE_DB" || say "could not drop $SCALE_DB: drop it by hand"
	fi
	if [[ -n $backend_created ]]; then
		say "dropping database and vhost $BACKEND"
		dotnet "$BENCH_DLL" backend drop "$BACKEND" || say "could not drop $BACKEND: drop it by hand"
	fi
	infra_stop
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for name in "${SERVICES[@]}" ${replicas:+"${REPLICAS[@]}"}; do
	if _infra_port_open "$HOST" "${PORT[$name]}"; then
		die "port ${PORT[$name]} ($name) is in use: is another build/bench.sh running? (or set BENCH_PORT_BASE)"
	fi
done

started=$SECONDS
infra_up

if [[ -n $build ]]; then
	say "building Reintegration.slnx (Release)"
	dotnet build Reintegration.slnx -c Release -nologo -v quiet || die "build failed"
fi
[[ -f $BENCH_DLL ]] || die "$BENCH_DLL not found: build first (without --no-build)"

# The commit measured; uncommitted changes to tracked files other than the report are flagged.
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
# (A report outside the checkout, BENCH_OUTPUT=/tmp/..., is no pathspec git accepts: nothing to exclude.)
unflagged=()
[[ $(realpath -m "$OUTPUT") == "$ROOT"/* ]] && unflagged=(":(exclude)$OUTPUT")
if ! git diff --quiet HEAD -- . "${unflagged[@]+"${unflagged[@]}"}" 2>/dev/null; then commit+=" (with uncommitted changes)"; fi

if [[ -n $main ]]; then
	say "creating database and vhost $BACKEND"
	backend_env=$(dotnet "$BENCH_DLL" backend create "$BACKEND") || die "could not create the database and vhost $BACKEND"
	backend_created=1
	eval "$backend_env" # BENCH_POSTGRES, BENCH_RABBITMQ
fi

rm -rf "$LOG_DIR"
mkdir -p "$LOG_DIR"
auth_env=$(dotnet "$BENCH_DLL" keys "$LOG_DIR") || die "could not write the benchmark's signing key to $LOG_DIR"
eval "$auth_env" # BENCH_AUTH_ISSUER, BENCH_AUTH_AUDIENCE, BENCH_AUTH_JWKS
say "services trust the run's own key ($BENCH_AUTH_JWKS, issuer $BENCH_AUTH_ISSUER)"
# start_service NAME POSTGRES [VAR=VALUE...]: the Release build, as Production, on its port.
# NAME is a service (Intake) or its second replica (Intake-2: same build and environment, its own
# port, log and pid).
start_service() {
	local key=$1 name=${1%%-*} postgres=$2
	local dir=services/$name/bin/Release/net10.0 dll=Reintegration.$name.dll
	shift 2
	[[ -f $dir/$dll ]] || die "$dir/$dll not found: build first (without --no-build)"
	# From its output folder so that appsettings*.json are found (content root = cwd). A
	# per-service connection string in the environment would bypass the run's own database, an
	# identity provider (Auth__Authority) the run's own key.
	(
		cd "$dir"
		exec env -u "ConnectionStrings__$name" -u Auth__Authority \
			ConnectionStrings__Postgres="$postgres" ConnectionStrings__RabbitMq="${BENCH_RABBITMQ:-}" \
			Auth__Issuer="$BENCH_AUTH_ISSUER" Auth__Audience="$BENCH_AUTH_AUDIENCE" Auth__SigningKeysFile="$BENCH_AUTH_JWKS" \
			Limits__BurstRequests=1000000 Limits__RequestsPerMinute=1000000 \
			ASPNETCORE_ENVIRONMENT=Production OTEL_SERVICE_NAME="bench-${name,,}" \
			Logging__Console__FormatterName=simple Logging__Console__FormatterOptions__UseUtcTimestamp=true \
			Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss " \
			"$@" dotnet "$dll" --urls "$(url "$key")"
	) >>"$LOG_DIR/${key,,}.log" 2>&1 </dev/null &
	PID[$key]=$!
	say "started $key on $(url "$key") (pid ${PID[$key]})"
}

# wait_ready NAME...: until each answers /health/ready, or dies, or READY_TIMEOUT passes.
wait_ready() {
	local deadline=$((SECONDS + ${READY_TIMEOUT:-180})) pending=("$@") still name
	while [[ ${#pending[@]} -gt 0 ]]; do
		still=()
		for name in "${pending[@]}"; do
			if ! kill -0 "${PID[$name]}" 2>/dev/null; then
				tail -n 30 "$LOG_DIR/${name,,}.log" >&2
				die "$name exited during start-up (log above, full log .run/bench/${name,,}.log)"
			fi
			if [[ $(_infra_http_status "$HOST" "${PORT[$name]}" /health/ready) == 200 ]]; then
				say "$name ready"
			else
				still+=("$name")
			fi
		done
		pending=("${still[@]+"${still[@]}"}")
		[[ ${#pending[@]} -eq 0 ]] && break
		if ((SECONDS >= deadline)); then
			for name in "${pending[@]}"; do tail -n 15 "$LOG_DIR/${name,,}.log" >&2; done
			die "not ready after ${READY_TIMEOUT:-180} s: ${pending[*]}"
		fi
		sleep 0.5
	done
}

bench_rc=0
if [[ -n $main ]]; then
	for name in "${SERVICES[@]}"; do start_service "$name" "$BENCH_POSTGRES"; done
	wait_ready "${SERVICES[@]}"
	pid_args=()
	for name in "${SERVICES[@]}"; do pid_args+=(--pid "$name=${PID[$name]}"); done

	say "measuring (about three minutes)"
	ConnectionStrings__Postgres="$BENCH_POSTGRES" ConnectionStrings__RabbitMq="$BENCH_RABBITMQ" \
		dotnet "$BENCH_DLL" run \
		--intake "$(url Intake)" --counselling "$(url Counselling)" --training "$(url Training)" --reporting "$(url Reporting)" \
		"${pid_args[@]}" --logs "$LOG_DIR" --keys "$LOG_DIR" --output "$OUTPUT" --commit "$commit" --backend "$BACKEND" \
		"${bench_args[@]+"${bench_args[@]}"}" || bench_rc=$?

	printf '\n## Reporting at scale\n\nA million returnees, rebuilds, indicators and exports: its own stage and report, [benchmarks-scale.md](benchmarks-scale.md) (%s).\n' \
		"$([[ $scale_returnees -gt 0 ]] && echo "measured in this run, after the stages below" || echo "not measured in this run (--no-scale): that file says which commit it measured")" >>"$OUTPUT"

	# A service that died during the run is wrong whatever the figures say.
	for name in "${SERVICES[@]}"; do
		if ! kill -0 "${PID[$name]}" 2>/dev/null; then
			tail -n 30 "$LOG_DIR/${name,,}.log" >&2
			say "$name died during the run (log above)"
			bench_rc=1
		fi
	done
fi

# Two replicas against one, on the main run's database and vhost: the drain with the one replica
# of each service that ran, then the second replicas started and the drain again, round robin.
if [[ -n $replicas && $bench_rc -eq 0 ]]; then
	replica_args=(--reporting "$(url Reporting)" --keys "$LOG_DIR" --output "$OUTPUT" --state "$LOG_DIR/replicas-one.json" --returnees "$replica_returnees")
	say "two replicas against one: the drain with one replica of each service"
	ConnectionStrings__Postgres="$BENCH_POSTGRES" ConnectionStrings__RabbitMq="$BENCH_RABBITMQ" \
		dotnet "$BENCH_DLL" replicas one --intake "$(url Intake)" --counselling "$(url Counselling)" --training "$(url Training)" \
		"${pid_args[@]}" --seed 6001 "${replica_args[@]}" || bench_rc=1
	for name in "${REPLICAS[@]}"; do start_service "$name" "$BENCH_POSTGRES"; done
	wait_ready "${REPLICAS[@]}"
	replica_pids=("${pid_args[@]}")
	for name in "${REPLICAS[@]}"; do replica_pids+=(--pid "$name=${PID[$name]}"); done
	say "two replicas against one: the drain with two replicas of each service, batches round robin"
	ConnectionStrings__Postgres="$BENCH_POSTGRES" ConnectionStrings__RabbitMq="$BENCH_RABBITMQ" \
		dotnet "$BENCH_DLL" replicas two --intake "$(url Intake),$(url Intake-2)" --counselling "$(url Counselling),$(url Counselling-2)" \
		--training "$(url Training),$(url Training-2)" "${replica_pids[@]}" --seed 6002 "${replica_args[@]}" || bench_rc=1
	for name in "${SERVICES[@]}" "${REPLICAS[@]}"; do
		if ! kill -0 "${PID[$name]}" 2>/dev/null; then
			tail -n 30 "$LOG_DIR/${name,,}.log" >&2
			say "$name died during the replica stage (log above)"
			bench_rc=1
		fi
	done
fi

# Reporting at scale: its own database, its log seeded by COPY, its read models rebuilt through
# the service, the indicators asked and the line list exported; appended to the report.
if [[ $scale_returnees -gt 0 && $bench_rc -eq 0 ]]; then
	stop_services
	PID=()
	say "Reporting at scale: seeding $scale_returnees returnees × ${BENCH_SCALE_ACTIVITIES:-10} activities into $SCALE_DB"
	# A database and a vhost of its own: nothing left in the main run's queues reaches this log.
	scale_env=$(dotnet "$BENCH_DLL" backend create "$SCALE_DB") || die "could not create the database and vhost $SCALE_DB"
	scale_created=1
	eval "${scale_env//BENCH_/SCALE_}" # SCALE_POSTGRES, SCALE_RABBITMQ
	seed_out=$(dotnet "$SEED_DLL" --returnees "$scale_returnees" --activities "${BENCH_SCALE_ACTIVITIES:-10}" --database "$SCALE_DB") ||
		die "seeding $SCALE_DB failed"
	read -r seeded_events seed_seconds < <(sed -nE 's/^seeded ([0-9]+) events in ([0-9.]+) s$/\1 \2/p' <<<"$seed_out")
	say "seeded $seeded_events events in $seed_seconds s"
	scale_postgres=$SCALE_POSTGRES
	{
		echo "# Benchmarks: Reporting at scale"
		echo
		echo "Written by the scale stage of \`build/bench.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC from commit \`$commit\`. Every figure below comes from that one stage; run \`build/bench.sh\` to measure again (it overwrites this file; \`--no-scale\` leaves it as it is). $(
			if [[ -n $main ]]; then
				echo "The machine and software are those of [benchmarks.md](benchmarks.md)'s run of the same commit."
			else
				echo "It ran alone (\`--scale-only\`) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }')."
			fi
		)"
		echo
	} >"$SCALE_OUTPUT"
	start_service Reporting "$scale_postgres" ConnectionStrings__RabbitMq="$SCALE_RABBITMQ" Indicators__CacheAnswers=false
	wait_ready Reporting
	say "measuring Reporting at scale (rebuilds, indicators, exports)"
	dotnet "$BENCH_DLL" scale --reporting "$(url Reporting)" --pid "${PID[Reporting]}" --postgres "$scale_postgres" \
		--seeded-events "$seeded_events" --seed-seconds "$seed_seconds" --returnees "$scale_returnees" --keys "$LOG_DIR" --output "$SCALE_OUTPUT" ||
		bench_rc=$?
	if ! kill -0 "${PID[Reporting]}" 2>/dev/null; then
		tail -n 30 "$LOG_DIR/reporting.log" >&2
		say "Reporting died during the scale stage (log above)"
		bench_rc=1
	fi
fi

# The fault drill, run as build/test.sh --fault-only runs it: PostgreSQL and RabbitMQ of its own
# (it restarts the one and stops the other), stopped and removed when it ends, whatever happens
# (a subshell, so their settings never reach the rest of the run). It refuses to start beside a
# drill that is already running (the same ports): that one's instances are not ours to remove.
run_fault_drill() (
	# shellcheck source=build/lib/fault-infra.sh
	source "$ROOT/build/lib/fault-infra.sh"
	for port in "$FAULT_PG_PORT" "$FAULT_RABBITMQ_PORT" "$FAULT_RABBITMQ_MANAGEMENT_PORT" 5461 5462 5463 5464; do
		if _fault_port_open "$port"; then
			echo "port $port is in use: is a fault drill (build/test.sh --fault-only) already running? Not starting another." >&2
			exit 2
		fi
	done
	trap 'fault_infra_down' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	fault_infra_up || exit 2
	FAULT_RESULTS=$FAULT_RESULTS_DIR dotnet test "$FAULT_PROJECT" --no-build -c Release --nologo --filter "$FAULT_FILTER" \
		--logger trx --results-directory "$FAULT_RESULTS_DIR/trx" \
		--blame-hang-timeout "${TEST_HANG_TIMEOUT:-5m}" --blame-hang-dump-type none </dev/null
)

if [[ -n $faults ]]; then
	stop_services
	PID=()
	rm -rf "$FAULT_RESULTS_DIR"
	mkdir -p "$FAULT_RESULTS_DIR"
	say "fault drill: time from a fault's end to exact figures (a few minutes; log .run/bench/fault-drill.log)"
	fault_rc=0
	run_fault_drill 2>&1 | tee "$LOG_DIR/fault-drill.log" || fault_rc=$?
	dotnet "$BENCH_DLL" faults --table "$FAULT_RESULTS_DIR/time-to-exact.md" --output "$OUTPUT" --exit "$fault_rc" --results .run/bench/faults --log "$LOG_DIR/fault-drill.log" ||
		say "could not append the fault drill's section to $OUTPUT"
	if [[ $fault_rc -ne 0 ]]; then
		say "the fault drill FAILED (exit $fault_rc): see .run/bench/fault-drill.log and .run/bench/faults/"
		bench_rc=1
	fi
fi

if [[ $bench_rc -eq 0 ]]; then
	say "done in $((SECONDS - started)) s: $([[ -n $main ]] && echo "$OUTPUT" || echo "$SCALE_OUTPUT")"
else
	say "finished in $((SECONDS - started)) s with problems (exit $bench_rc): see $([[ -n $main ]] && echo "$OUTPUT" || echo "$SCALE_OUTPUT") and .run/bench/"
fi
exit "$bench_rc"
