#!/usr/bin/env bash
# Mints an access token for the services that build/run.sh runs, signed with the local
# development key (.run/dev-signing-key.pem; created here if build/run.sh has not yet). Prints the
# token alone on stdout, so that:
#
#   TOKEN=$(build/token.sh --scopes "reports:read" --sources urn:partner:ngo-field-app)
#   curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:5104/indicators
#
#   --scopes "A B"        space-separated (required): events:write returnees:write returnees:read
#                         journeys:read reports:read reports:detail reports:export operations
#   --sources U1,U2       CloudEvents sources the caller speaks for (comma- or space-separated;
#                         default none): events:write posts only events of these sources
#   --subject NAME        the sub claim (default local-user)
#   --minutes N           lifetime (default 60)
#
# Issuer and audience: Auth__Issuer (urn:reintegration:development) and Auth__Audience
# (reintegration), the values build/run.sh gives the services. Only reads the key files, so it
# works while build/run.sh runs and after. Tokens of this key are for local use only: a service
# outside Development refuses a development- key.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=build/lib/devkey.sh
source "$ROOT/build/lib/devkey.sh"

KNOWN_SCOPES=(events:write returnees:write returnees:read journeys:read reports:read reports:detail reports:export operations)

die() {
	printf 'token.sh: %s\n' "$*" >&2
	exit 2
}

scopes="" sources="" subject=local-user minutes=60 scopes_given=""
while [[ $# -gt 0 ]]; do
	case $1 in
	--scopes | --sources | --subject | --minutes)
		[[ $# -ge 2 ]] || die "$1 needs a value (see --help)"
		case $1 in
		--scopes) scopes=$2 scopes_given=1 ;;
		--sources) sources=$2 ;;
		--subject) subject=$2 ;;
		--minutes) minutes=$2 ;;
		esac
		shift
		;;
	--scopes=* | --sources=* | --subject=* | --minutes=*)
		value=${1#*=}
		case $1 in
		--scopes=*) scopes=$value scopes_given=1 ;;
		--sources=*) sources=$value ;;
		--subject=*) subject=$value ;;
		--minutes=*) minutes=$value ;;
		esac
		;;
	-h | --help)
		sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
		exit 0
		;;
	*) die "unknown argument: $1 (see --help)" ;;
	esac
	shift
done

[[ -n $scopes_given ]] || die "--scopes is required, e.g. --scopes \"reports:read\" (see --help)"
read -r -a scope_list <<<"$scopes"
[[ ${#scope_list[@]} -gt 0 ]] || die "--scopes is empty; known scopes: ${KNOWN_SCOPES[*]}"
for scope in "${scope_list[@]}"; do
	known=""
	for k in "${KNOWN_SCOPES[@]}"; do [[ $scope == "$k" ]] && known=1; done
	[[ -n $known ]] || die "unknown scope '$scope'; known scopes: ${KNOWN_SCOPES[*]}"
done
if ! [[ $minutes =~ ^[0-9]+$ ]] || ((10#$minutes < 1 || 10#$minutes > 100000)); then
	die "--minutes must be a whole number of minutes from 1 to 100000 (is '$minutes')"
fi
[[ -n $subject ]] || die "--subject is empty"

IFS=', ' read -r -a source_list <<<"$sources"
sources_json=""
for source in "${source_list[@]+"${source_list[@]}"}"; do
	[[ -n $source ]] || continue
	sources_json+=${sources_json:+,}$(devkey_json_string "$source")
done

# Creates the key if build/run.sh has not (a no-op otherwise). Services already running keep
# trusting the key they started with: after deleting .run/dev-*, restart build/run.sh.
devkey_ensure
kid=$(devkey_kid)

now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT","kid":%s}' "$(devkey_json_string "$kid")")
payload=$(printf '{"iss":%s,"aud":%s,"sub":%s,"iat":%d,"nbf":%d,"exp":%d,"scope":%s,"sources":[%s]}' \
	"$(devkey_json_string "$DEVKEY_ISSUER")" "$(devkey_json_string "$DEVKEY_AUDIENCE")" \
	"$(devkey_json_string "$subject")" "$now" "$now" "$((now + 10#$minutes * 60))" \
	"$(devkey_json_string "${scope_list[*]}")" "$sources_json")

devkey_sign_jwt "$header" "$payload"
echo
