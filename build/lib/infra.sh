# shellcheck shell=bash
# Makes PostgreSQL and RabbitMQ reachable and exports what the services and tests read:
#
#   ConnectionStrings__Postgres    Npgsql connection string (database "reintegration")
#   ConnectionStrings__RabbitMq    amqp:// URI
#   RabbitMq__ManagementUrl        RabbitMQ management API base URL (the AMQP URI's user)
#   RABBITMQCTL                    command prefix that runs rabbitmqctl against that broker
#                                  (empty when the broker came from the environment)
#   INFRA_MODE                     env | docker | packages (how they were provided)
#
# Sourced by build/run.sh, build/test.sh and build/bench.sh:   source build/lib/infra.sh; infra_up
# Run directly (bash build/lib/infra.sh) it brings both up, leaves them running and prints
# `export ...` lines, so `eval "$(bash build/lib/infra.sh)"` works in a shell.
#
# Order of preference, per component:
#   1. ConnectionStrings__Postgres / ConnectionStrings__RabbitMq already set: used as they are.
#   2. A working Docker engine with `docker compose`: the postgres and rabbitmq services of
#      docker-compose.yml (project "reintegration").
#   3. Debian packages: installed with apt-get when missing, then started directly (no systemd).
# REINTEGRATION_INFRA=docker|packages forces 2 or 3 (default: auto). REINTEGRATION_DATABASE names
# the database (default reintegration).
#
# infra_stop stops only what infra_up started (unless KEEP_INFRA=1). A second infra_up on a
# machine where both already run takes well under a few seconds.
#
# infra_service_roles (build/run.sh, after infra_up): one PostgreSQL login role per service
# (intake, counselling, training, reporting) owning only its schema, and
# ConnectionStrings__<service> for each, so that no service runs as the superuser. The tests keep
# the superuser connection: they create a database per test.

INFRA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
INFRA_PROJECT=reintegration
# REINTEGRATION_DATABASE: another database name (packages mode: created when missing), for a
# second checkout on the same machine: the services of two checkouts in one database would run
# each other's migrations. Give that checkout its own RabbitMQ virtual host too
# (ConnectionStrings__RabbitMq), or the two compete for the same queues.
INFRA_DB=${REINTEGRATION_DATABASE:-reintegration}
INFRA_STARTED_POSTGRES=""   # "<version> <cluster>" when we started a Debian cluster
INFRA_STARTED_RABBITMQ=""   # "node" when we started the Debian node
INFRA_STARTED_COMPOSE=""    # compose services we started
INFRA_APT_UPDATED=""
INFRA_PG_PORT=""           # set when infra_up provided PostgreSQL (docker or packages mode)
INFRA_SERVICES=(intake counselling training reporting)
# The local superuser's password (packages: set by _infra_pg_packages; docker: POSTGRES_PASSWORD
# given to compose). Local, loopback-only infrastructure: a deployment sets its own secrets.
INFRA_PG_SUPERUSER_PASSWORD=postgres

_infra_log() { printf '[infra] %s\n' "$*" >&2; }
_infra_die() {
	printf '[infra] ERROR: %s\n' "$*" >&2
	exit 1
}

# Runs a command as root (directly, or through sudo when we are not root).
_infra_root() {
	if [[ $EUID -eq 0 ]]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo -n "$@"
	else
		_infra_die "need root (or sudo) to run: $*"
	fi
}

# Runs a command as another system user.
_infra_as() {
	local user=$1
	shift
	if [[ $EUID -eq 0 ]]; then
		runuser -u "$user" -- "$@"
	else
		sudo -n -u "$user" -- "$@"
	fi
}

_infra_port_open() { timeout 2 bash -c ": </dev/tcp/$1/$2" 2>/dev/null; }

# Prints the HTTP status code of GET http://host:port/path (000 when nothing answers).
# Pure bash, so it needs neither curl nor wget. Optional 4th argument: basic-auth token.
_infra_http_status() {
	local host=$1 port=$2 path=$3 auth=${4:-} request
	request="GET $path HTTP/1.1"$'\r\n'"Host: $host:$port"$'\r\n'"Connection: close"$'\r\n'
	[[ -n $auth ]] && request+="Authorization: Basic $auth"$'\r\n'
	request+=$'\r\n'
	# shellcheck disable=SC2016 # expanded by the inner bash
	timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "%s" "$2" >&3 && read -r _ code _ <&3 && printf "%s" "$code"' \
		"$host" "$port" "$request" 2>/dev/null || printf '000'
}

# _infra_wait SECONDS "what" command...   Polls the command once a second until it succeeds.
_infra_wait() {
	local seconds=$1 what=$2
	shift 2
	local deadline=$((SECONDS + seconds))
	until "$@"; do
		if ((SECONDS >= deadline)); then
			return 1
		fi
		sleep 1
	done
	_infra_log "$what: ready"
}

# A local password for NAME (a service's PostgreSQL role, the compose broker user), derived from
# the local superuser's password rather than generated: stable across checkouts that share one
# PostgreSQL (a second checkout's run does not change the password under the first's services),
# and no weaker than the superuser credentials it derives from. Loopback-only infrastructure;
# deployments set their own secrets (docs/operations.md).
_infra_local_secret() {
	printf 'reintegration-local:%s:%s' "$INFRA_PG_SUPERUSER_PASSWORD" "$1" | sha256sum | cut -c1-32
}

_infra_apt_install() {
	command -v apt-get >/dev/null 2>&1 || _infra_die "apt-get not found: install $* yourself, or set ConnectionStrings__Postgres and ConnectionStrings__RabbitMq"
	export DEBIAN_FRONTEND=noninteractive
	if [[ -z $INFRA_APT_UPDATED ]]; then
		_infra_log "apt-get update"
		_infra_root apt-get update -qq </dev/null >/dev/null || _infra_die "apt-get update failed"
		INFRA_APT_UPDATED=1
	fi
	_infra_log "apt-get install $* (this takes a minute or two the first time)"
	_infra_root env DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 apt-get install -y -qq \
		-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" </dev/null >/dev/null ||
		_infra_die "apt-get install $* failed"
}

# ---------------------------------------------------------------------------------------------
# Docker compose
# ---------------------------------------------------------------------------------------------

INFRA_COMPOSE=()

_infra_docker_usable() {
	command -v docker >/dev/null 2>&1 || return 1
	timeout 15 docker info >/dev/null 2>&1 || return 1
	if timeout 15 docker compose version >/dev/null 2>&1; then
		INFRA_COMPOSE=(docker compose)
	elif command -v docker-compose >/dev/null 2>&1 && timeout 15 docker-compose version >/dev/null 2>&1; then
		INFRA_COMPOSE=(docker-compose)
	else
		return 1
	fi
	# docker-compose.yml requires its secrets (${VAR:?}) for every command, even when only the
	# infrastructure is started: give it this script's local values. The environment wins over a
	# .env the user wrote for `docker compose up`, and project "reintegration" has its own volumes.
	INFRA_COMPOSE=(env "POSTGRES_PASSWORD=$INFRA_PG_SUPERUSER_PASSWORD"
		"RABBITMQ_USER=$INFRA_RABBIT_USER" "RABBITMQ_PASSWORD=$(_infra_local_secret rabbitmq)"
		"INTAKE_DB_PASSWORD=$(_infra_local_secret intake)" "COUNSELLING_DB_PASSWORD=$(_infra_local_secret counselling)"
		"TRAINING_DB_PASSWORD=$(_infra_local_secret training)" "REPORTING_DB_PASSWORD=$(_infra_local_secret reporting)"
		"GRAFANA_ADMIN_PASSWORD=$(_infra_local_secret grafana)"
		"${INFRA_COMPOSE[@]}" -f "$INFRA_ROOT/docker-compose.yml" -p "$INFRA_PROJECT")
}

_infra_compose_healthy() {
	local id status
	id=$("${INFRA_COMPOSE[@]}" ps -q "$1" 2>/dev/null) || return 1
	[[ -n $id ]] || return 1
	status=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id" 2>/dev/null) || return 1
	[[ $status == healthy ]]
}

_infra_compose_up() {
	local services=("$@") running svc
	running=$("${INFRA_COMPOSE[@]}" ps --services --filter status=running 2>/dev/null || true)
	for svc in "${services[@]}"; do
		grep -qx "$svc" <<<"$running" || INFRA_STARTED_COMPOSE+=" $svc"
	done
	_infra_log "docker compose up -d ${services[*]}"
	"${INFRA_COMPOSE[@]}" up -d "${services[@]}" >&2 || _infra_die "docker compose up failed"
	for svc in "${services[@]}"; do
		_infra_wait 180 "$svc container" _infra_compose_healthy "$svc" ||
			_infra_die "$svc container not healthy after 180 s (see: ${INFRA_COMPOSE[*]} logs $svc)"
	done
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL from Debian packages
# ---------------------------------------------------------------------------------------------

_infra_pg_password_ok() {
	PGPASSWORD=postgres PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -p "$1" -U postgres -d postgres \
		-Atqc 'select 1' >/dev/null 2>&1
}

_infra_pg_local_ok() {
	_infra_as postgres psql -p "$1" -d postgres -Atqc 'select 1' >/dev/null 2>&1
}

_infra_pg_packages() {
	if ! command -v pg_lsclusters >/dev/null 2>&1 || ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
		_infra_apt_install postgresql
	fi

	local version cluster port status
	# Prefer the newest cluster named "main", else the newest cluster.
	read -r version cluster port status _ < <(pg_lsclusters -h 2>/dev/null | sort -k1,1Vr -k2,2 |
		awk '$2 == "main" {print; exit}' || true)
	if [[ -z ${version:-} ]]; then
		read -r version cluster port status _ < <(pg_lsclusters -h 2>/dev/null | sort -k1,1Vr | head -n1 || true)
	fi
	if [[ -z ${version:-} ]]; then
		version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n1)
		[[ -n $version ]] || _infra_die "PostgreSQL is installed but no server version found under /usr/lib/postgresql"
		_infra_log "creating PostgreSQL $version cluster main"
		_infra_root pg_createcluster "$version" main >/dev/null || _infra_die "pg_createcluster $version main failed"
		read -r version cluster port status _ < <(pg_lsclusters -h "$version" main)
	fi

	# Several services, each with its own connection pool and async daemon, share one server in
	# the tests: 100 connections is tight. Applies at the next start of the cluster.
	local conf="/etc/postgresql/$version/$cluster/conf.d/50-reintegration.conf"
	if [[ -d $(dirname "$conf") && ! -f $conf ]]; then
		_infra_root tee "$conf" >/dev/null <<-'EOF'
			# Written by build/lib/infra.sh for local development and tests.
			max_connections = 300
		EOF
	fi

	if [[ $status != online* ]]; then
		_infra_log "starting PostgreSQL $version/$cluster on port $port"
		local rc=0
		_infra_root pg_ctlcluster "$version" "$cluster" start || rc=$?
		# 2: the cluster is already running (started concurrently, or status was stale).
		if [[ $rc -ne 0 && $rc -ne 2 ]]; then
			tail -n 20 "/var/log/postgresql/postgresql-$version-$cluster.log" >&2 2>/dev/null || true
			_infra_die "pg_ctlcluster $version $cluster start failed (exit $rc)"
		fi
		[[ $rc -eq 0 ]] && INFRA_STARTED_POSTGRES="$version $cluster"
	fi

	_infra_wait 60 "PostgreSQL on 127.0.0.1:$port" _infra_port_open 127.0.0.1 "$port" ||
		_infra_die "PostgreSQL does not accept connections on 127.0.0.1:$port after 60 s (log: /var/log/postgresql/postgresql-$version-$cluster.log)"

	if ! _infra_pg_password_ok "$port"; then
		_infra_wait 30 "PostgreSQL local login" _infra_pg_local_ok "$port" ||
			_infra_die "cannot log in to PostgreSQL as the postgres OS user"
		_infra_log "setting the password of role postgres to 'postgres'"
		_infra_as postgres psql -p "$port" -d postgres -qc "ALTER ROLE postgres WITH PASSWORD 'postgres'" >/dev/null ||
			_infra_die "could not set the postgres role's password"
		_infra_pg_password_ok "$port" ||
			_infra_die "password login over TCP (127.0.0.1:$port) still fails: check pg_hba.conf of $version/$cluster"
	fi

	if [[ -z $(PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atqc \
		"select 1 from pg_database where datname = '$INFRA_DB'") ]]; then
		_infra_log "creating database $INFRA_DB"
		PGPASSWORD=postgres psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE $INFRA_DB" >/dev/null ||
			_infra_die "CREATE DATABASE $INFRA_DB failed"
	fi

	# Loopback only: no TLS or GSS negotiation, which made every new pooled connection cost a
	# handshake and wrecked latency under bursts (see docs/benchmarks.md). A deployment that
	# crosses a network sets its own connection string, with TLS.
	export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=$INFRA_DB;SSL Mode=Disable;Gss Encryption Mode=Disable"
	INFRA_PG_PORT=$port
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ from Debian packages
# ---------------------------------------------------------------------------------------------

# Debian's broker keeps its guest user, which RabbitMQ accepts from loopback only. The compose
# broker has no guest: its user comes from RABBITMQ_USER / RABBITMQ_PASSWORD.
INFRA_RABBIT_AUTH=Z3Vlc3Q6Z3Vlc3Q= # guest:guest
INFRA_RABBIT_USER=reintegration

_infra_rabbit_ready() { # [amqp port] [management port] [basic-auth token]
	_infra_port_open 127.0.0.1 "${1:-5672}" &&
		[[ $(_infra_http_status 127.0.0.1 "${2:-15672}" /api/overview "${3:-$INFRA_RABBIT_AUTH}") == 200 ]]
}

_infra_rabbit_node_up() { timeout 30 rabbitmqctl -q ping >/dev/null 2>&1; }

_infra_rabbit_await() { timeout 60 rabbitmqctl -q await_startup --timeout 50 >/dev/null 2>&1; }

_infra_rabbit_packages() {
	if ! command -v rabbitmqctl >/dev/null 2>&1 || ! command -v rabbitmq-server >/dev/null 2>&1; then
		_infra_apt_install rabbitmq-server
	fi

	# Loopback only, like Debian's PostgreSQL: AMQP and the management API need not face the
	# network (guest is refused from elsewhere anyway, the login page is not). Read when the node
	# starts, so a broker already running keeps its listeners until its next start.
	local conf=/etc/rabbitmq/rabbitmq.conf
	if [[ -d $(dirname "$conf") && ! -f $conf ]]; then
		_infra_root tee "$conf" >/dev/null <<-'EOF'
			# Written by build/lib/infra.sh for local development and tests: loopback only.
			listeners.tcp.default = 127.0.0.1:5672
			management.tcp.port = 15672
			management.tcp.ip = 127.0.0.1
		EOF
	fi

	if _infra_rabbit_ready 5672 15672; then
		_infra_log "RabbitMQ already running"
	else
		local mgmt_enabled=""
		grep -q 'rabbitmq_management[],. ]' /etc/rabbitmq/enabled_plugins 2>/dev/null && mgmt_enabled=1

		if ! _infra_rabbit_node_up; then
			if [[ -z $mgmt_enabled ]]; then
				_infra_log "enabling rabbitmq_management (offline)"
				_infra_as rabbitmq rabbitmq-plugins -q enable --offline rabbitmq_management >/dev/null ||
					_infra_die "rabbitmq-plugins enable --offline rabbitmq_management failed"
				mgmt_enabled=1
			fi
			_infra_log "starting RabbitMQ"
			_infra_root rabbitmq-server -detached >/dev/null 2>&1 ||
				_infra_die "rabbitmq-server -detached failed (see /var/log/rabbitmq/)"
			INFRA_STARTED_RABBITMQ=node
		elif ! _infra_port_open 127.0.0.1 5672; then
			# The node runs but its application may be stopped (an interrupted fault test, say);
			# start_app returns at once when it is already starting or running.
			_infra_log "RabbitMQ node is up but not listening on 5672: start_app"
			timeout 60 rabbitmqctl -q start_app >/dev/null 2>&1 || true
		fi

		# await_startup fails straight after -detached, before the node has registered: retry.
		_infra_wait 180 "RabbitMQ node" _infra_rabbit_await ||
			_infra_die "RabbitMQ did not start within 180 s (see /var/log/rabbitmq/)"

		if [[ -z $mgmt_enabled ]]; then
			_infra_log "enabling rabbitmq_management"
			_infra_as rabbitmq rabbitmq-plugins -q enable rabbitmq_management >/dev/null ||
				_infra_die "rabbitmq-plugins enable rabbitmq_management failed"
		fi
		_infra_wait 120 "RabbitMQ on 127.0.0.1:5672 and management on :15672" _infra_rabbit_ready 5672 15672 ||
			_infra_die "RabbitMQ does not answer on 127.0.0.1:5672 and http://127.0.0.1:15672/api/overview after 120 s (see /var/log/rabbitmq/)"
	fi

	export ConnectionStrings__RabbitMq="amqp://guest:guest@127.0.0.1:5672/"
	export RabbitMq__ManagementUrl="${RabbitMq__ManagementUrl:-http://127.0.0.1:15672}"
	export RABBITMQCTL="${RABBITMQCTL:-rabbitmqctl}"
}

# ---------------------------------------------------------------------------------------------

infra_up() {
	local need_pg="" need_rabbit=""
	[[ -n ${ConnectionStrings__Postgres:-} ]] || need_pg=1
	[[ -n ${ConnectionStrings__RabbitMq:-} ]] || need_rabbit=1
	local mode=${REINTEGRATION_INFRA:-auto}

	if [[ -z $need_pg && -z $need_rabbit ]]; then
		INFRA_MODE="env"
		_infra_log "using ConnectionStrings__Postgres and ConnectionStrings__RabbitMq from the environment"
	elif [[ $mode == docker ]] || { [[ $mode == auto ]] && _infra_docker_usable; }; then
		[[ ${#INFRA_COMPOSE[@]} -gt 0 ]] || _infra_docker_usable ||
			_infra_die "REINTEGRATION_INFRA=docker but no working Docker engine with docker compose"
		INFRA_MODE=docker
		local services=()
		[[ -n $need_pg ]] && services+=(postgres)
		[[ -n $need_rabbit ]] && services+=(rabbitmq)
		_infra_compose_up "${services[@]}"
		# The containers' health checks pass a little early (postgres's init server, RabbitMQ
		# before its management listener): wait for what the services and tests use.
		if [[ -n $need_pg ]]; then
			_infra_wait 60 "PostgreSQL on 127.0.0.1:${POSTGRES_PORT:-5432}" _infra_port_open 127.0.0.1 "${POSTGRES_PORT:-5432}" ||
				_infra_die "PostgreSQL container does not accept connections on 127.0.0.1:${POSTGRES_PORT:-5432}"
		fi
		local rabbit_password
		rabbit_password=$(_infra_local_secret rabbitmq)
		if [[ -n $need_rabbit ]]; then
			_infra_wait 120 "RabbitMQ management on 127.0.0.1:${RABBITMQ_MANAGEMENT_PORT:-15672}" _infra_rabbit_ready \
				"${RABBITMQ_PORT:-5672}" "${RABBITMQ_MANAGEMENT_PORT:-15672}" \
				"$(printf '%s:%s' "$INFRA_RABBIT_USER" "$rabbit_password" | base64 -w0)" ||
				_infra_die "RabbitMQ container does not answer on :${RABBITMQ_PORT:-5672} and :${RABBITMQ_MANAGEMENT_PORT:-15672}/api/overview as user $INFRA_RABBIT_USER (a rabbitmq-data volume made before the compose broker had its own user knows only guest: docker volume rm reintegration_rabbitmq-data)"
		fi
		if [[ -n $need_pg ]]; then
			export ConnectionStrings__Postgres="Host=127.0.0.1;Port=${POSTGRES_PORT:-5432};Username=postgres;Password=$INFRA_PG_SUPERUSER_PASSWORD;Database=$INFRA_DB;SSL Mode=Disable;Gss Encryption Mode=Disable"
			INFRA_PG_PORT=${POSTGRES_PORT:-5432}
		fi
		if [[ -n $need_rabbit ]]; then
			export ConnectionStrings__RabbitMq="amqp://$INFRA_RABBIT_USER:$rabbit_password@127.0.0.1:${RABBITMQ_PORT:-5672}/"
			export RabbitMq__ManagementUrl="${RabbitMq__ManagementUrl:-http://127.0.0.1:${RABBITMQ_MANAGEMENT_PORT:-15672}}"
			export RABBITMQCTL="${RABBITMQCTL:-${INFRA_COMPOSE[*]} exec -T rabbitmq rabbitmqctl}"
		fi
	elif [[ $mode == auto || $mode == packages ]]; then
		INFRA_MODE=packages
		[[ -n $need_pg ]] && _infra_pg_packages
		[[ -n $need_rabbit ]] && _infra_rabbit_packages
	else
		_infra_die "REINTEGRATION_INFRA must be auto, docker or packages (is '$mode')"
	fi

	export RabbitMq__ManagementUrl="${RabbitMq__ManagementUrl:-http://127.0.0.1:15672}"
	export RABBITMQCTL="${RABBITMQCTL:-}"
	export INFRA_MODE
	if [[ -z $need_pg || -z $need_rabbit ]] && [[ $INFRA_MODE != env ]]; then
		_infra_log "some connection strings came from the environment and were used as they are"
	fi
	return 0
}

# Drops and recreates the database "reintegration" (every service's schema in it), for a demo
# that starts empty. Only on the PostgreSQL that infra_up provided, never on one from the
# environment. Run it before the services start.
infra_reset_database() {
	[[ ${INFRA_MODE:-} == docker || ${INFRA_MODE:-} == packages ]] ||
		_infra_die "infra_reset_database: only on a PostgreSQL this script provides (not one from ConnectionStrings__Postgres)"
	[[ $ConnectionStrings__Postgres == *"Database=$INFRA_DB"* ]] ||
		_infra_die "infra_reset_database: ConnectionStrings__Postgres does not name database $INFRA_DB"
	local sql=("DROP DATABASE IF EXISTS $INFRA_DB WITH (FORCE)" "CREATE DATABASE $INFRA_DB") statement
	_infra_log "dropping and recreating database $INFRA_DB"
	for statement in "${sql[@]}"; do
		if [[ $INFRA_MODE == docker ]]; then
			"${INFRA_COMPOSE[@]}" exec -T postgres psql -U postgres -d postgres -qc "$statement" >/dev/null
		else
			local port
			port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$ConnectionStrings__Postgres")
			PGPASSWORD=postgres psql -h 127.0.0.1 -p "${port:-5432}" -U postgres -d postgres -qc "$statement" >/dev/null
		fi || _infra_die "could not run: $statement"
	done
	# Messages left in the consumers' queues by an earlier run belong to the dropped database's
	# events: a fresh start purges them too (the queues of contracts/Subscriptions.cs).
	local queue
	for queue in counselling reporting; do
		# shellcheck disable=SC2086 # RABBITMQCTL may be a command with arguments (docker mode)
		$RABBITMQCTL -q purge_queue "$queue" >/dev/null 2>&1 || true
	done
}

# One login role per service owning only its schema (deploy/postgres/service-roles.psql, the
# same script the compose postgres runs at its first start), and ConnectionStrings__<service>
# for each with that role. Only on the PostgreSQL that infra_up provided; with one from
# ConnectionStrings__Postgres, set ConnectionStrings__<service> yourself (docs/operations.md).
# Run it after infra_reset_database: roles belong to the server, schemas to the database.
infra_service_roles() {
	if [[ -z $INFRA_PG_PORT ]]; then
		_infra_log "PostgreSQL from ConnectionStrings__Postgres: services use ConnectionStrings__<service> if set, else that one"
		return 0
	fi
	local service password rc
	for service in "${INFRA_SERVICES[@]}"; do
		password=$(_infra_local_secret "$service")
		rc=0
		if [[ $INFRA_MODE == docker ]]; then
			"${INFRA_COMPOSE[@]}" exec -T -e "REINTEGRATION_ROLE_PASSWORD=$password" postgres \
				psql -X -q -U postgres -d "$INFRA_DB" -v role="$service" \
				-f /docker-entrypoint-initdb.d/service-roles.psql >/dev/null || rc=$?
		else
			REINTEGRATION_ROLE_PASSWORD=$password PGPASSWORD=$INFRA_PG_SUPERUSER_PASSWORD \
				psql -X -q -h 127.0.0.1 -p "$INFRA_PG_PORT" -U postgres -d "$INFRA_DB" -v role="$service" \
				-f "$INFRA_ROOT/deploy/postgres/service-roles.psql" >/dev/null || rc=$?
		fi
		[[ $rc -eq 0 ]] || _infra_die "could not create PostgreSQL role and schema $service (deploy/postgres/service-roles.psql, exit $rc)"
		export "ConnectionStrings__$service=Host=127.0.0.1;Port=$INFRA_PG_PORT;Username=$service;Password=$password;Database=$INFRA_DB;SSL Mode=Disable;Gss Encryption Mode=Disable"
	done
	_infra_log "PostgreSQL roles and schemas: ${INFRA_SERVICES[*]} (ConnectionStrings__<service>)"
}

# Stops what infra_up started, and nothing else. KEEP_INFRA=1 keeps everything running.
infra_stop() {
	if [[ ${KEEP_INFRA:-0} == 1 ]]; then
		[[ -n $INFRA_STARTED_POSTGRES$INFRA_STARTED_RABBITMQ$INFRA_STARTED_COMPOSE ]] &&
			_infra_log "KEEP_INFRA=1: leaving PostgreSQL and RabbitMQ running"
		return 0
	fi
	if [[ -n $INFRA_STARTED_COMPOSE ]]; then
		_infra_log "stopping compose services:$INFRA_STARTED_COMPOSE"
		# shellcheck disable=SC2086
		"${INFRA_COMPOSE[@]}" stop $INFRA_STARTED_COMPOSE >/dev/null 2>&1 || true
		INFRA_STARTED_COMPOSE=""
	fi
	if [[ -n $INFRA_STARTED_RABBITMQ ]]; then
		_infra_log "stopping RabbitMQ"
		timeout 60 rabbitmqctl -q stop >/dev/null 2>&1 || _infra_log "rabbitmqctl stop failed"
		INFRA_STARTED_RABBITMQ=""
	fi
	if [[ -n $INFRA_STARTED_POSTGRES ]]; then
		_infra_log "stopping PostgreSQL $INFRA_STARTED_POSTGRES"
		# shellcheck disable=SC2086
		_infra_root pg_ctlcluster $INFRA_STARTED_POSTGRES stop >/dev/null 2>&1 || _infra_log "pg_ctlcluster stop failed"
		INFRA_STARTED_POSTGRES=""
	fi
	return 0
}

# Executed rather than sourced: bring everything up, leave it running, print the exports.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
	set -euo pipefail
	infra_up
	for var in ConnectionStrings__Postgres ConnectionStrings__RabbitMq RabbitMq__ManagementUrl RABBITMQCTL INFRA_MODE; do
		printf 'export %s=%q\n' "$var" "${!var}"
	done
fi
