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
#
# Access: every request needs a bearer token. The services trust the development key that this
# script creates on first start (.run/dev-signing-key.pem, its public half .run/dev-jwks.json;
# build/lib/devkey.sh) through Auth__Issuer, Auth__Audience and Auth__SigningKeysFile; mint a
# token with build/token.sh. In Development it also prints a dashboard link that carries one.
# Each service connects to PostgreSQL as its own role (ConnectionStrings__<service>,
# build/lib/infra.sh infra_service_roles), not as the superuser.
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

# shellcheck source=build/lib/devkey.sh
source "$ROOT/build/lib/devkey.sh"

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
# After the reset: the schemas live in the database, the roles in the server.
infra_service_roles

# The development signing key (created on first start; delete .run/dev-* to rotate it) and what
# the services check tokens against. Absolute path: each service starts in its bin folder.
devkey_ensure
export Auth__Issuer=$DEVKEY_ISSUER Auth__Audience=$DEVKEY_AUDIENCE Auth__SigningKeysFile=$DEVKEY_JWKS
# No identity provider locally: an Authority from the caller's environment would win over the key.
unset Auth__Authority

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
	# A service sees only its own role's connection string: not the other services' and, when it
	# has its own, not the superuser's.
	own=ConnectionStrings__${name,,}
	not_its_own=()
	for other in "${SERVICES[@]}"; do
		[[ $other == "$name" ]] || not_its_own+=(-u "ConnectionStrings__${other,,}")
	done
	[[ -n ${!own:-} ]] && not_its_own+=(-u ConnectionStrings__Postgres)
	(
		cd "services/$name/bin/Release/net10.0"
		exec env "${not_its_own[@]}" OTEL_SERVICE_NAME="${OTEL_SERVICE_NAME_PREFIX:-}${name,,}" \
			dotnet "Reintegration.$name.dll" --urls "$(url "$name")"
	) >"$log" 2>&1 </dev/null &
	PID[$name]=$!
	say "started $name (pid ${PID[$name]}, log .run/${name,,}.log)"
	wait_for "$name" /health/live
done

# Then until everything of every one works (/health/detail: database, broker, projections and
# subscriptions), not only what a load balancer routes on (/health/ready: its database).
for name in "${SERVICES[@]}"; do
	wait_for "$name" /health/detail
	say "$name ready"
done

echo
echo "The services are running:"
for name in "${SERVICES[@]}"; do
	printf '  %-12s %s\n' "$name" "$(url "$name")"
done
if [[ $ConnectionStrings__RabbitMq == amqp://guest:guest@* ]]; then
	echo "  RabbitMQ management: ${RabbitMq__ManagementUrl} (guest/guest, from this machine only)"
else
	echo "  RabbitMQ management: ${RabbitMq__ManagementUrl} (the user of ConnectionStrings__RabbitMq)"
fi
echo "Every request needs a bearer token (build/token.sh --help for scopes and sources):"
echo "  TOKEN=\$(build/token.sh --scopes \"reports:read\" --sources urn:partner:ngo-field-app)"
echo "  curl -H \"Authorization: Bearer \$TOKEN\" $(url Reporting)/indicators"
# The dashboard's development link: the token rides in the fragment, which the browser never
# sends to a server; the page keeps it in the tab's sessionStorage and clears it from the address.
if [[ $ASPNETCORE_ENVIRONMENT == Development ]]; then
	dashboard_token=$("$ROOT/build/token.sh" --scopes reports:read --subject dashboard --minutes 480) || die "build/token.sh failed"
	echo "Dashboard (signed in with reports:read for 8 hours; open in a browser):"
	echo "  $(url Reporting)/dashboard#access_token=$dashboard_token"
fi
echo "Logs: .run/*.log. Ctrl-C stops everything this script started."
echo

# The token indicators() sends (reports:read). Renewed before it runs out, by the loops below
# (in this shell: indicators runs in a subshell, $(...), where a renewal would be lost).
indicators_token="" indicators_token_until=0
renew_reports_token() {
	((SECONDS < indicators_token_until)) && return 0
	indicators_token=$("$ROOT/build/token.sh" --scopes reports:read --subject run.sh --minutes 60) ||
		die "build/token.sh failed"
	indicators_token_until=$((SECONDS + 50 * 60))
}

# GET /indicators as "code=value ..." for the codes the demo fills.
indicators() {
	local json token=$indicators_token
	if command -v curl >/dev/null 2>&1; then
		# The header from stdin (-H @-), not the command line: ps shows command lines to all users.
		json=$(printf 'Authorization: Bearer %s\n' "$token" |
			curl -fsS --max-time 5 -H @- "$(url Reporting)/indicators" 2>/dev/null) || return 1
	else
		# HTTP/1.0: no chunked encoding in the answer.
		# shellcheck disable=SC2016 # expanded by the inner bash
		json=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "GET /indicators HTTP/1.0\r\nHost: %s\r\nAuthorization: Bearer %s\r\n\r\n" "$0" "$2" >&3 && cat <&3' \
			"$HOST" "${PORT[Reporting]}" "$token" 2>/dev/null | sed '1,/^\r\{0,1\}$/d') || return 1
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
	# The simulator posts as the two partner systems it plays (tests/PartnerSimulator,
	# CloudEvents/Catalogue.cs PartnerSources) and polls the indicators: one token for both,
	# long enough for a large demo. Its --token option sends it as the bearer token.
	sim_token=$("$ROOT/build/token.sh" --scopes "events:write reports:read" \
		--sources urn:partner:ngo-field-app,urn:partner:un-agency-training \
		--subject partner-simulator --minutes 240) || die "build/token.sh failed"
	dotnet "$SIMULATOR_DLL" \
		--intake "$(url Intake)" --counselling "$(url Counselling)" --training "$(url Training)" \
		--reporting "$(url Reporting)" --token "$sim_token" \
		"${sim_args[@]+"${sim_args[@]}"}" >"$sim_log" 2>&1 </dev/null &
	sim_pid=$!
	interval=1
	[[ -t 1 ]] || interval=5
	while kill -0 "$sim_pid" 2>/dev/null; do
		renew_reports_token
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
			renew_reports_token
			now=$(indicators || true)
			progress "indicators: ${now:-not yet}"
			if [[ -n $now && $now == "$previous" ]]; then same=$((same + 1)); else same=0; fi
			previous=$now
			sleep 2
		done
		[[ -t 1 ]] && echo
		say "demo data is in: curl -H \"Authorization: Bearer \$TOKEN\" $(url Reporting)/indicators (TOKEN from build/token.sh --scopes reports:read)"
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
