#!/usr/bin/env bash
# Runs the whole system locally: PostgreSQL and RabbitMQ (build/lib/infra.sh), a Release build,
# and the four services, each answering /health/ready before their URLs are printed.
# Ctrl-C stops the services and whatever infrastructure this run started.
#
#   build/run.sh                    run until Ctrl-C
#   build/run.sh --demo [-- ARGS]   also run the partner simulator against Intake, Counselling
#                                   and Training (ARGS, or DEMO_ARGS, go to the simulator, e.g.
#                                   -- --returnees 500 --seed 7) and show GET /indicators fill up
#   build/run.sh --fresh            start from an empty database: drops and recreates database
#                                   "reintegration" (only one this script provides; with --demo,
#                                   the figures then match the simulator's expected ones)
#   build/run.sh --no-build         start what the last Release build produced
#
# Environment: INTAKE_PORT (5101), COUNSELLING_PORT (5102), TRAINING_PORT (5103),
# REPORTING_PORT (5104), BIND_HOST (127.0.0.1), ASPNETCORE_ENVIRONMENT (Development),
# READY_TIMEOUT seconds (180), KEEP_INFRA=1 to leave PostgreSQL and RabbitMQ running on exit,
# plus what build/lib/infra.sh reads (ConnectionStrings__Postgres, ConnectionStrings__RabbitMq,
# REINTEGRATION_INFRA). Service logs go to .run/<service>.log.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

demo="" build=1 fresh="" sim_args=()
while [[ $# -gt 0 ]]; do
	case $1 in
	--demo) demo=1 ;;
	--no-build) build="" ;;
	--fresh) fresh=1 ;;
	--)
		shift
		sim_args=("$@")
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
if [[ ${#sim_args[@]} -eq 0 && -n ${DEMO_ARGS:-} ]]; then
	read -r -a sim_args <<<"$DEMO_ARGS"
fi

HOST=${BIND_HOST:-127.0.0.1}
SERVICES=(Intake Counselling Training Reporting)
declare -A PORT=(
	[Intake]=${INTAKE_PORT:-5101}
	[Counselling]=${COUNSELLING_PORT:-5102}
	[Training]=${TRAINING_PORT:-5103}
	[Reporting]=${REPORTING_PORT:-5104}
)
declare -A PID=()
RUN_DIR=$ROOT/.run
SIMULATOR_DLL=tests/PartnerSimulator/bin/Release/net10.0/Reintegration.PartnerSimulator.dll
sim_pid=""

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDTERMINALLOGGER=off
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# No phone-home from MassTransit (it logs a warning per service where there is no internet).
export MASSTRANSIT_USAGE_TELEMETRY=${MASSTRANSIT_USAGE_TELEMETRY:-false}

say() { printf '[run] %s\n' "$*"; }
die() {
	printf '[run] ERROR: %s\n' "$*" >&2
	exit 1
}
url() { printf 'http://%s:%s' "$HOST" "${PORT[$1]}"; }

# shellcheck source=build/lib/infra.sh
source "$ROOT/build/lib/infra.sh"

# shellcheck source=build/lib/services.sh
source "$ROOT/build/lib/services.sh"

cleanup() {
	trap - EXIT INT TERM
	set +e
	if [[ -n $sim_pid ]]; then stop_pid "$sim_pid" simulator; fi
	stop_services
	infra_stop
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for name in "${SERVICES[@]}"; do
	if _infra_port_open "$HOST" "${PORT[$name]}"; then
		die "port ${PORT[$name]} ($name) is already in use: is another build/run.sh running? (or set ${name^^}_PORT)"
	fi
done

infra_up
if [[ -n $fresh ]]; then
	[[ $INFRA_MODE != env ]] || die "--fresh drops the database: not done on one given in ConnectionStrings__Postgres"
	infra_reset_database
fi

if [[ -n $build ]]; then
	say "building Reintegration.slnx (Release)"
	dotnet build Reintegration.slnx -c Release -nologo -v quiet || die "build failed"
fi

deadline=$((SECONDS + ${READY_TIMEOUT:-180}))

# wait_for NAME PATH: until the service answers 200 on PATH; dies if it exits or time runs out.
wait_for() {
	local name=$1 path=$2
	until [[ $(_infra_http_status "$HOST" "${PORT[$name]}" "$path") == 200 ]]; do
		if ! kill -0 "${PID[$name]}" 2>/dev/null; then
			tail -n 30 "$RUN_DIR/${name,,}.log" >&2
			die "$name exited during start-up (log above, full log .run/${name,,}.log)"
		fi
		if ((SECONDS >= deadline)); then
			echo "--- $name: $path answers $(_infra_http_status "$HOST" "${PORT[$name]}" "$path"); last log lines:" >&2
			tail -n 15 "$RUN_DIR/${name,,}.log" >&2
			die "$name not answering $path after ${READY_TIMEOUT:-180} s"
		fi
		sleep 0.5
	done
}

mkdir -p "$RUN_DIR"
for name in "${SERVICES[@]}"; do
	dir=services/$name/bin/Release/net10.0
	dll=Reintegration.$name.dll
	[[ -f $dir/$dll ]] || die "$dir/$dll not found: build first (without --no-build)"
done
# One after another: each applies its schema changes at start-up (Kestrel listens only after
# that), and on an empty database four stores migrating at once contend for Marten's lock.
for name in "${SERVICES[@]}"; do
	log=$RUN_DIR/${name,,}.log
	# Started from its output folder so that appsettings*.json are found (content root = cwd).
	(
		cd "services/$name/bin/Release/net10.0"
		exec env OTEL_SERVICE_NAME="${OTEL_SERVICE_NAME_PREFIX:-}${name,,}" \
			dotnet "Reintegration.$name.dll" --urls "$(url "$name")"
	) >"$log" 2>&1 </dev/null &
	PID[$name]=$!
	say "started $name (pid ${PID[$name]}, log .run/${name,,}.log)"
	wait_for "$name" /health/live
done

# Then until every one is ready (database, broker and its projections and subscriptions).
for name in "${SERVICES[@]}"; do
	wait_for "$name" /health/ready
	say "$name ready"
done

echo
echo "The services are running:"
for name in "${SERVICES[@]}"; do
	printf '  %-12s %s\n' "$name" "$(url "$name")"
done
echo "  RabbitMQ management: ${RabbitMq__ManagementUrl} (guest/guest)"
echo "Indicators: curl $(url Reporting)/indicators"
echo "Logs: .run/*.log. Ctrl-C stops everything this script started."
echo

# GET /indicators as "code=value ..." for the codes the demo fills.
indicators() {
	local json
	if command -v curl >/dev/null 2>&1; then
		json=$(curl -fsS --max-time 5 "$(url Reporting)/indicators" 2>/dev/null) || return 1
	else
		# HTTP/1.0: no chunked encoding in the answer.
		# shellcheck disable=SC2016 # expanded by the inner bash
		json=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "GET /indicators HTTP/1.0\r\nHost: %s\r\n\r\n" "$0" >&3 && cat <&3' \
			"$HOST" "${PORT[Reporting]}" 2>/dev/null | sed '1,/^\r\{0,1\}$/d') || return 1
	fi
	local code value out=""
	for code in returnees-registered returnees-reached counselling-sessions awareness-events people-reached; do
		if command -v jq >/dev/null 2>&1; then
			value=$(jq -r --arg c "$code" '.indicators[]? | select(.code == $c) | .value' <<<"$json" 2>/dev/null | head -n1)
		else
			value=$(grep -o "\"code\": *\"$code\"[^{}]*\"value\": *[0-9.]*" <<<"$json" | head -n1 | grep -o '[0-9.]*$')
		fi
		out+="$code=${value:-?} "
	done
	printf '%s' "${out% }"
}

last_progress=""
progress() { # one line, rewritten in place on a terminal; elsewhere printed when it changes
	if [[ -t 1 ]]; then
		printf '\r\033[K%s' "$*"
	elif [[ $* != "$last_progress" ]]; then
		printf '%s\n' "$*"
	fi
	last_progress=$*
}

if [[ -n $demo ]]; then
	[[ -f $SIMULATOR_DLL ]] || die "$SIMULATOR_DLL not found: build first (without --no-build)"
	sim_log=$RUN_DIR/simulator.log
	say "demo: partner simulator ${sim_args[*]:-} (output in .run/simulator.log)"
	dotnet "$SIMULATOR_DLL" \
		--intake "$(url Intake)" --counselling "$(url Counselling)" --training "$(url Training)" \
		--reporting "$(url Reporting)" \
		"${sim_args[@]+"${sim_args[@]}"}" >"$sim_log" 2>&1 </dev/null &
	sim_pid=$!
	interval=1
	[[ -t 1 ]] || interval=5
	while kill -0 "$sim_pid" 2>/dev/null; do
		last=$(tail -c 4000 "$sim_log" 2>/dev/null | tr '\r' '\n' | grep -v '^\s*$' | tail -n1 | cut -c1-80 || true)
		progress "simulator: ${last:-starting} | $(indicators || echo 'indicators: not yet')"
		sleep "$interval"
	done
	sim_rc=0
	wait "$sim_pid" || sim_rc=$?
	sim_pid=""
	[[ -t 1 ]] && echo
	if [[ $sim_rc -ne 0 ]]; then
		tail -n 20 "$sim_log" >&2
		say "the simulator failed (exit $sim_rc, log .run/simulator.log); the services keep running"
	else
		tail -n 15 "$sim_log"
		# Reporting drains the integration events after the last post: follow it until the
		# figures stop moving (3 equal readings in a row, at most 120 s).
		previous="" same=0 drain_deadline=$((SECONDS + 120))
		while ((same < 3 && SECONDS < drain_deadline)); do
			now=$(indicators || true)
			progress "indicators: ${now:-not yet}"
			if [[ -n $now && $now == "$previous" ]]; then same=$((same + 1)); else same=0; fi
			previous=$now
			sleep 2
		done
		[[ -t 1 ]] && echo
		say "demo data is in: curl $(url Reporting)/indicators"
	fi
fi

say "running; Ctrl-C to stop"
while true; do
	for name in "${SERVICES[@]}"; do
		if ! kill -0 "${PID[$name]}" 2>/dev/null; then
			tail -n 30 "$RUN_DIR/${name,,}.log" >&2
			die "$name exited unexpectedly (log above, full log .run/${name,,}.log)"
		fi
	done
	sleep 1
done
