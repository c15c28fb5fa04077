# shellcheck shell=bash
# The local development signing key: an RSA key pair whose public half the services trust
# (Auth__SigningKeysFile) and whose private half build/token.sh signs access tokens with.
# Only openssl and coreutils (and perl-base for hex to bytes): no python, no dotnet, so it works
# before anything is built.
#
#   .run/dev-signing-key.pem   RSA 2048 private key, PKCS#8 PEM, mode 600
#   .run/dev-jwks.json         {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"development-…",
#                              "n":…,"e":…}]}, the public key as an identity provider publishes it
#
# Sourced by build/run.sh and build/token.sh:   source build/lib/devkey.sh; devkey_ensure
# Rotating it: delete .run/dev-* and restart build/run.sh (tokens signed with the old key are then
# refused). The kid starts with "development-": a service outside Development refuses such a key.

DEVKEY_DIR=${DEVKEY_DIR:-"$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.run"}
DEVKEY_PEM=$DEVKEY_DIR/dev-signing-key.pem
DEVKEY_JWKS=$DEVKEY_DIR/dev-jwks.json
# What the services check and the tokens carry; build/run.sh exports them as Auth__Issuer and
# Auth__Audience, build/token.sh writes them into iss and aud. Overridable, but both must agree.
# shellcheck disable=SC2034 # both read by the scripts that source this file
DEVKEY_ISSUER=${Auth__Issuer:-urn:reintegration:development}
# shellcheck disable=SC2034
DEVKEY_AUDIENCE=${Auth__Audience:-reintegration}

_devkey_die() {
	printf '[devkey] ERROR: %s\n' "$*" >&2
	exit 1
}

# stdin bytes -> base64url without padding (RFC 7515 section 2).
devkey_b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# base64url (stdin) -> bytes: the padding comes back first.
_devkey_b64url_decode() {
	local s
	s=$(tr -- '-_' '+/')
	while ((${#s} % 4)); do s+='='; done
	printf '%s' "$s" | base64 -d
}

# Hex digits (stdin) -> bytes. perl-base is part of every Debian install; xxd is not.
_devkey_hex_to_bytes() { perl -e 'local $/; my $h = <STDIN>; $h =~ s/\s+//g; print pack("H*", $h);'; }

# JSON string literal of $1: quotes, backslashes and control characters escaped (RFC 8259).
devkey_json_string() {
	local s=$1 out="" ch i code
	s=${s//\\/\\\\}
	s=${s//\"/\\\"}
	for ((i = 0; i < ${#s}; i++)); do
		ch=${s:i:1}
		printf -v code '%d' "'$ch" 2>/dev/null || code=32
		if ((code >= 0 && code < 32)) || ((code == 127)); then
			case $ch in
			$'\n') out+='\n' ;;
			$'\r') out+='\r' ;;
			$'\t') out+='\t' ;;
			*) printf -v ch '\\u%04x' "$code" && out+=$ch ;;
			esac
		else
			out+=$ch
		fi
	done
	printf '"%s"' "$out"
}

# The kid of the JWKS file (the first key's). Our file is one line we wrote ourselves, so a
# pattern is enough; jq is not on a fresh machine.
devkey_kid() {
	[[ -f $DEVKEY_JWKS ]] || _devkey_die "$DEVKEY_JWKS not found"
	local kid
	kid=$(grep -o '"kid" *: *"[^"]*"' "$DEVKEY_JWKS" | head -n1 | sed 's/.*: *"\(.*\)"/\1/')
	[[ -n $kid ]] || _devkey_die "no kid in $DEVKEY_JWKS: delete .run/dev-* and run build/run.sh again"
	printf '%s' "$kid"
}

# devkey_sign_jwt HEADER_JSON PAYLOAD_JSON -> header.payload.signature (RS256).
devkey_sign_jwt() {
	local input signature
	input="$(printf '%s' "$1" | devkey_b64url).$(printf '%s' "$2" | devkey_b64url)"
	signature=$(printf '%s' "$input" | openssl dgst -sha256 -sign "$DEVKEY_PEM" -binary | devkey_b64url) ||
		_devkey_die "openssl could not sign with $DEVKEY_PEM"
	[[ -n $signature ]] || _devkey_die "empty signature from $DEVKEY_PEM"
	printf '%s.%s' "$input" "$signature"
}

# The JWKS's key rebuilt from its n and e alone (DER RSAPublicKey via asn1parse -genconf), as
# PEM SubjectPublicKeyInfo on stdout: what a service that reads the JWKS will verify with.
_devkey_public_key_from_jwks() {
	local n e conf der
	n=$(grep -o '"n" *: *"[^"]*"' "$DEVKEY_JWKS" | sed 's/.*: *"\(.*\)"/\1/' | _devkey_b64url_decode | od -An -v -tx1 | tr -d ' \n')
	e=$(grep -o '"e" *: *"[^"]*"' "$DEVKEY_JWKS" | sed 's/.*: *"\(.*\)"/\1/' | _devkey_b64url_decode | od -An -v -tx1 | tr -d ' \n')
	[[ -n $n && -n $e ]] || return 1
	conf=$(mktemp) der=$(mktemp)
	printf 'asn1=SEQUENCE:rsa\n[rsa]\nn=INTEGER:0x%s\ne=INTEGER:0x%s\n' "$n" "$e" >"$conf"
	openssl asn1parse -genconf "$conf" -out "$der" -noout &&
		openssl rsa -RSAPublicKey_in -inform DER -in "$der" -pubout 2>/dev/null
	local rc=$?
	rm -f "$conf" "$der"
	return $rc
}

# Checks the pair: a JWT signed with the PEM verifies against the key rebuilt from the JWKS's n
# and e. Catches a wrong base64url, a stray leading zero or padding, a JWKS of another key.
devkey_verify() {
	local pub jwt input signature rc=0
	pub=$(mktemp)
	_devkey_public_key_from_jwks >"$pub" || rc=1
	if ((rc == 0)); then
		jwt=$(devkey_sign_jwt '{"alg":"RS256","typ":"JWT"}' '{"check":true}')
		input=${jwt%.*} signature=${jwt##*.}
		printf '%s' "$input" | openssl dgst -sha256 -verify "$pub" \
			-signature <(printf '%s' "$signature" | _devkey_b64url_decode) >/dev/null 2>&1 || rc=1
	fi
	rm -f "$pub"
	return $rc
}

# Creates the key and its JWKS unless both exist, then checks them. Idempotent.
devkey_ensure() {
	if [[ -f $DEVKEY_PEM && -f $DEVKEY_JWKS ]]; then
		devkey_verify || _devkey_die "$DEVKEY_JWKS does not match $DEVKEY_PEM: delete .run/dev-* and run build/run.sh again"
		return 0
	fi
	command -v openssl >/dev/null 2>&1 || _devkey_die "openssl not found (apt-get install openssl)"
	mkdir -p "$DEVKEY_DIR"
	# Two first uses at once (build/run.sh and build/token.sh): one generates, the other waits
	# and then finds the pair.
	local lock
	exec {lock}>"$DEVKEY_DIR/.dev-key.lock"
	flock "$lock"
	if [[ -f $DEVKEY_PEM && -f $DEVKEY_JWKS ]]; then
		exec {lock}>&-
		devkey_ensure
		return
	fi
	rm -f "$DEVKEY_PEM" "$DEVKEY_JWKS"
	# umask in a subshell: the private key is never readable by others, not even for a moment.
	(umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$DEVKEY_PEM" 2>/dev/null) ||
		_devkey_die "openssl genpkey failed"
	chmod 600 "$DEVKEY_PEM"

	local modulus exponent n e kid
	# "Modulus=C0FFEE…": the minimal big-endian hex, never with a leading zero byte.
	modulus=$(openssl rsa -in "$DEVKEY_PEM" -noout -modulus 2>/dev/null | sed -n 's/^Modulus=//p')
	# "publicExponent: 65537 (0x10001)" -> 010001 (whole bytes).
	exponent=$(openssl rsa -in "$DEVKEY_PEM" -noout -text 2>/dev/null | sed -n 's/^publicExponent: [0-9]* (0x\([0-9a-fA-F]*\)).*/\1/p')
	[[ -n $modulus && -n $exponent ]] || _devkey_die "could not read the modulus and exponent of $DEVKEY_PEM"
	((${#exponent} % 2 == 0)) || exponent=0$exponent
	n=$(printf '%s' "$modulus" | _devkey_hex_to_bytes | devkey_b64url)
	e=$(printf '%s' "$exponent" | _devkey_hex_to_bytes | devkey_b64url)
	# A thumbprint of the public key: the kid changes when the key does, so a service's log
	# says which key it trusts.
	kid=development-$(openssl rsa -in "$DEVKEY_PEM" -pubout -outform DER 2>/dev/null | openssl dgst -sha256 -r | cut -c1-16)
	[[ $kid =~ ^development-[0-9a-f]{16}$ ]] || _devkey_die "could not derive the key id"

	printf '{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}\n' \
		"$kid" "$n" "$e" >"$DEVKEY_JWKS"
	devkey_verify || {
		rm -f "$DEVKEY_PEM" "$DEVKEY_JWKS"
		_devkey_die "the generated JWKS does not verify a signature of its key (openssl output changed?)"
	}
	exec {lock}>&-
	printf '[devkey] created the development signing key %s (.run/dev-signing-key.pem, .run/dev-jwks.json)\n' "$kid" >&2
}
