#!/usr/bin/env bash
# Runs every test against real PostgreSQL and RabbitMQ, and ends with one line:
#   N passed, N failed[, N skipped]
#
#   build/test.sh              bootstrap infrastructure, build once, run both stages
#   build/test.sh --no-build   reuse the last Release build
#   build/test.sh --no-fault   stage 1 only
#   build/test.sh --fault-only stage 2 only
#
# Stage 1: every test project in Reintegration.slnx, --filter "Category!=Fault".
# Stage 2: tests/Reintegration.IntegrationTests, --filter "Category=Fault", alone, on a
#          PostgreSQL and a RabbitMQ node of its own (build/lib/fault-infra.sh: ports 5442 and
#          5682, started fresh and removed afterwards), because it restarts the one and stops the
#          other: the fault drill (Fault/Drill: kill -9 of services under load, a PostgreSQL
#          restart, a broker outage of FAULT_BROKER_OUTAGE_SECONDS (30), two replicas of every
#          service) and the broker outage test. Times to exact figures: TestResults/faults/.
# Infrastructure comes from build/lib/infra.sh (environment, Docker, or Debian packages) and is
# left running afterwards, so the next run starts in seconds.
# TEST_HANG_TIMEOUT (default 5m): a test running longer is aborted and counted as failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

build=1
stages=(1 2)
for arg in "$@"; do
	case $arg in
	--no-build) build="" ;;
	--no-fault) stages=(1) ;;
	--fault-only) stages=(2) ;;
	-h | --help)
		sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "unknown argument: $arg (see --help)" >&2
		exit 2
		;;
	esac
done

SOLUTION=Reintegration.slnx
FAULT_PROJECT=tests/Reintegration.IntegrationTests/Reintegration.IntegrationTests.csproj
RESULTS=$ROOT/TestResults/build-test

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en MSBUILDTERMINALLOGGER=off
# Marten logs its DDL at Information.
export Logging__LogLevel__Marten="${Logging__LogLevel__Marten:-Warning}"
export MASSTRANSIT_USAGE_TELEMETRY=${MASSTRANSIT_USAGE_TELEMETRY:-false}

# shellcheck source=build/lib/infra.sh
source "$ROOT/build/lib/infra.sh"
infra_up

if [[ -n $build ]]; then
	echo "== build ($SOLUTION, Release)"
	if ! dotnet build "$SOLUTION" -c Release -nologo -v quiet; then
		echo "BUILD FAILED" >&2
		exit 1
	fi
fi

# The CloudEvents SDK interop test posts with the JavaScript SDK from this folder's lock file.
INTEROP=tests/Reintegration.IntegrationTests/Interop
if [[ ! -f $INTEROP/node_modules/.package-lock.json || $INTEROP/package-lock.json -nt $INTEROP/node_modules/.package-lock.json ]]; then
	# A fresh Debian machine may have no Node.js: Debian's own packages are enough for npm ci.
	command -v npm >/dev/null 2>&1 || _infra_apt_install nodejs npm
	if command -v npm >/dev/null 2>&1; then
		echo "== npm ci ($INTEROP)"
		npm ci --prefix "$INTEROP" --no-audit --no-fund >/dev/null ||
			echo "npm ci failed in $INTEROP: the interop test will try once more itself" >&2
	else
		echo "== npm not found: the CloudEvents SDK interop test ($INTEROP) cannot run" >&2
	fi
fi

# The dashboard's browser tests drive Debian's chromium with Playwright, which must never
# download a browser of its own (nothing but the package registries is reachable).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [[ ! -x /usr/bin/chromium ]]; then
	(_infra_apt_install chromium) || echo "== chromium could not be installed: the dashboard's browser tests will fail" >&2
fi

rm -rf "$RESULTS"
errored=()

# Lines of VSTest's console output that say nothing when a run goes well.
quiet_filter() {
	grep -v -E "^(Test run for |A total of [0-9]+ test files? matched|Data collector 'Blame' message: All tests finished running|Results File: |\s*$)" || true
}

# run_stage NAME TARGET FILTER
run_stage() {
	local name=$1 target=$2 filter=$3 rc
	echo "== $name: dotnet test $target --filter \"$filter\""
	set +e
	dotnet test "$target" --no-build -c Release --nologo \
		--filter "$filter" \
		--logger trx --results-directory "$RESULTS/$name" \
		--blame-hang-timeout "${TEST_HANG_TIMEOUT:-5m}" --blame-hang-dump-type none \
		</dev/null 2>&1 | quiet_filter
	rc=${PIPESTATUS[0]}
	set -e
	if [[ $rc -ne 0 ]]; then
		echo "== $name: dotnet test exited with $rc"
		errored+=("$name")
	fi
}

# Stage 2 on the private instances: the shared ones' settings are put back afterwards, and the
# private ones are stopped and removed whatever happens.
fault_stage() {
	local saved
	saved=$(export -p | grep -E ' (ConnectionStrings__Postgres|ConnectionStrings__RabbitMq|RabbitMq__ManagementUrl|RABBITMQCTL)=' || true)
	# shellcheck source=build/lib/fault-infra.sh
	source "$ROOT/build/lib/fault-infra.sh"
	trap 'fault_infra_down' EXIT
	if fault_infra_up; then
		rm -rf "$ROOT/TestResults/faults"
		run_stage stage2-fault "$FAULT_PROJECT" "Category=Fault"
		[[ -f $ROOT/TestResults/faults/time-to-exact.md ]] && cat "$ROOT/TestResults/faults/time-to-exact.md"
	else
		echo "== stage2-fault: the fault stage's own PostgreSQL and RabbitMQ did not start (see above)"
		errored+=(stage2-fault)
	fi
	fault_infra_down
	trap - EXIT
	eval "$saved"
}

for stage in "${stages[@]}"; do
	case $stage in
	1) run_stage stage1 "$SOLUTION" "Category!=Fault" ;;
	2)
		if [[ -f $FAULT_PROJECT ]]; then
			fault_stage
		else
			echo "== stage2-fault: $FAULT_PROJECT does not exist, skipped"
		fi
		;;
	esac
done

# Sum the counters of every TRX file: failed includes errors, timeouts and aborts; skipped is
# what was discovered but not executed.
attr() { # attr NAME COUNTERS-ELEMENT -> the number, 0 when absent
	local v
	v=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2")
	echo "${v:-0}"
}
passed=0 failed=0 skipped=0
while IFS= read -r -d '' trx; do
	counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1 || true)
	[[ -n $counters ]] || continue
	passed=$((passed + $(attr passed "$counters")))
	failed=$((failed + $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters")))
	skipped=$((skipped + $(attr total "$counters") - $(attr executed "$counters")))
	# A test host that crashed or was aborted leaves a failed run with no failed test in it:
	# count the run itself as one failure, so the summary never reads "0 failed" for it.
	if [[ $(attr failed "$counters") -eq 0 ]] && grep -q '<ResultSummary outcome="\(Failed\|Aborted\|Error\|Timeout\)"' "$trx"; then
		echo "aborted test run counted as 1 failed: $trx"
		failed=$((failed + 1))
	fi
done < <(find "$RESULTS" -name '*.trx' -print0 2>/dev/null)

if [[ ${#errored[@]} -gt 0 && $failed -eq 0 ]]; then
	echo "test run error in: ${errored[*]} (a test host crashed or a project failed to run; see above)"
fi
summary="$passed passed, $failed failed"
[[ $skipped -gt 0 ]] && summary+=", $skipped skipped"
echo "$summary"

[[ $failed -eq 0 && ${#errored[@]} -eq 0 ]]
