#!/usr/bin/env bash
# Runs the property-based fuzzing of partner ingestion (tests/Reintegration.IntegrationTests/Fuzzing)
# with many more cases than build/test.sh does, against real PostgreSQL and RabbitMQ.
#
#   build/fuzz.sh                       every property, FUZZ_CASES cases each (default 2000)
#   build/fuzz.sh TEST_NAME             one property (a substring of the test's name)
#   FUZZ_CASES=20000 build/fuzz.sh      more cases
#   CsCheck_Seed=SEED build/fuzz.sh TEST_NAME
#                                       replays a failure: the failing test prints this line
#   build/fuzz.sh --no-build ...        reuse the last Release build
#
# The figures property posts a whole programme per case and runs one per 50 cases asked for.
# Infrastructure comes from build/lib/infra.sh, as for build/test.sh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

build=1
filter="FullyQualifiedName~Reintegration.IntegrationTests.Fuzzing"
for arg in "$@"; do
	case $arg in
	--no-build) build="" ;;
	-h | --help)
		sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
		exit 0
		;;
	-*)
		echo "unknown option: $arg (see --help)" >&2
		exit 2
		;;
	*) filter="FullyQualifiedName~Reintegration.IntegrationTests.Fuzzing&FullyQualifiedName~$arg" ;;
	esac
done

export FUZZ_CASES=${FUZZ_CASES:-2000}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en MSBUILDTERMINALLOGGER=off
export Logging__LogLevel__Marten="${Logging__LogLevel__Marten:-Warning}"
export MASSTRANSIT_USAGE_TELEMETRY=${MASSTRANSIT_USAGE_TELEMETRY:-false}

# shellcheck source=build/lib/infra.sh
source "$ROOT/build/lib/infra.sh"
infra_up

if [[ -n $build ]]; then
	echo "== build (Reintegration.slnx, Release)"
	dotnet build Reintegration.slnx -c Release -nologo -v quiet
fi

echo "== fuzzing: $FUZZ_CASES cases per property${CsCheck_Seed:+, replaying seed $CsCheck_Seed}"
# Detailed console output: each property prints its iterations and how often each answer came back.
exec dotnet test tests/Reintegration.IntegrationTests --no-build -c Release --nologo \
	--filter "$filter" --logger "console;verbosity=detailed" </dev/null
