#!/usr/bin/env bash
# The postgres image runs this once, when it initialises an empty data directory (mounted at
# /docker-entrypoint-initdb.d by docker-compose.yml): one login role per service, owning only
# its own schema in database $POSTGRES_DB. The superuser ($POSTGRES_USER) is for this and for
# administration only; no service connects as it.
# build/lib/infra.sh runs it again at every start (docker compose exec), so a data volume made
# before the roles existed, or a password changed in .env, catches up. Passwords come from the
# container's environment: INTAKE_DB_PASSWORD, COUNSELLING_DB_PASSWORD, TRAINING_DB_PASSWORD,
# REPORTING_DB_PASSWORD (docker-compose.yml takes them from .env).
set -euo pipefail

here=$(dirname "${BASH_SOURCE[0]}")
for service in intake counselling training reporting; do
	variable=${service^^}_DB_PASSWORD
	[[ -n ${!variable:-} ]] || {
		echo "10-service-roles.sh: $variable is not set (docker-compose.yml passes it from .env)" >&2
		exit 1
	}
	REINTEGRATION_ROLE_PASSWORD=${!variable} psql -X -q -v ON_ERROR_STOP=1 \
		-U "${POSTGRES_USER:-postgres}" -d "${POSTGRES_DB:-reintegration}" \
		-v role="$service" -f "$here/service-roles.psql"
	echo "10-service-roles.sh: role and schema $service ready"
done
