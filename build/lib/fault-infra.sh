# shellcheck shell=bash
# A PostgreSQL server and a RabbitMQ node of the fault stage's own, which it may restart and stop
# at will: never the shared ones of build/lib/infra.sh (5432, 5672), which other people's tests
# and a developer's build/run.sh use at the same time. The right design for CI too: a fault drill
# never restarts anybody else's database.
#
#   source build/lib/fault-infra.sh; fault_infra_up     start both (fresh), export what tests read
#   fault_infra_down                                      stop both, remove their data
#   bash build/lib/fault-infra.sh postgres-stop | postgres-start | postgres-restart
#   bash build/lib/fault-infra.sh rabbitmq-stop | rabbitmq-start
#   bash build/lib/fault-infra.sh up | down               the same as the functions
#
# PostgreSQL 15 from Debian's packages: a cluster made with initdb in FAULT_INFRA_DIR (no
# /etc/postgresql entry, so pg_lsclusters and build/lib/infra.sh never see it), on
# FAULT_PG_PORT (5442), loopback only, password postgres. RabbitMQ from Debian's package: node
# faults@localhost on FAULT_RABBITMQ_PORT (5682), distribution port FAULT_RABBITMQ_DIST_PORT
# (25682), management on FAULT_RABBITMQ_MANAGEMENT_PORT (15682), its own mnesia and log folders.
# The same Erlang cookie as the shared node (the rabbitmq user's), so rabbitmqctl -n reaches it.
#
# Exports, like build/lib/infra.sh: ConnectionStrings__Postgres (database "faults"),
# ConnectionStrings__RabbitMq, RabbitMq__ManagementUrl, RABBITMQCTL (rabbitmqctl -n
# faults@localhost), INFRA_MODE=packages, plus FAULT_INFRA_SCRIPT (this file, for the drill's
# faults) and FAULT_PG_PORT.

FAULT_INFRA_SCRIPT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/fault-infra.sh"
FAULT_INFRA_DIR=${FAULT_INFRA_DIR:-/tmp/reintegration-faults}
FAULT_PG_PORT=${FAULT_PG_PORT:-5442}
FAULT_RABBITMQ_PORT=${FAULT_RABBITMQ_PORT:-5682}
FAULT_RABBITMQ_DIST_PORT=${FAULT_RABBITMQ_DIST_PORT:-25682}
FAULT_RABBITMQ_MANAGEMENT_PORT=${FAULT_RABBITMQ_MANAGEMENT_PORT:-15682}
FAULT_RABBITMQ_NODE=${FAULT_RABBITMQ_NODE:-faults@localhost}
FAULT_DB=faults

_fault_log() { printf '[fault-infra] %s\n' "$*" >&2; }
_fault_die() {
	printf '[fault-infra] ERROR: %s\n' "$*" >&2
	return 1
}

_fault_pg_bin() {
	local version
	version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n1)
	[[ -n $version ]] || return 1
	printf '/usr/lib/postgresql/%s/bin' "$version"
}

_fault_as() { # _fault_as USER command...: as that system user (we may already be it)
	local user=$1
	shift
	if [[ $(id -un) == "$user" ]]; then "$@"; elif [[ $EUID -eq 0 ]]; then runuser -u "$user" -- "$@"; else sudo -n -u "$user" -- "$@"; fi
}

_fault_port_open() { timeout 2 bash -c ": </dev/tcp/127.0.0.1/$1" 2>/dev/null; }

_fault_wait() { # _fault_wait SECONDS command...
	local deadline=$((SECONDS + $1))
	shift
	until "$@"; do
		((SECONDS < deadline)) || return 1
		sleep 0.5
	done
}

# --- PostgreSQL -----------------------------------------------------------------------------

_fault_pg_ctl() { # _fault_pg_ctl ARGS...: pg_ctl on the private cluster, as postgres
	local bin
	bin=$(_fault_pg_bin) || return 1
	_fault_as postgres "$bin/pg_ctl" -D "$FAULT_INFRA_DIR/postgres" -l "$FAULT_INFRA_DIR/postgres.log" -w -t 60 "$@"
}

_fault_pg_accepts() { PGPASSWORD=postgres psql -h 127.0.0.1 -p "$FAULT_PG_PORT" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; }

fault_postgres_up() {
	local bin
	bin=$(_fault_pg_bin) || _fault_die "no PostgreSQL server under /usr/lib/postgresql (build/lib/infra.sh installs it)" || return 1
	if _fault_port_open "$FAULT_PG_PORT" && ! _fault_pg_accepts; then
		_fault_die "port $FAULT_PG_PORT is taken by something that is not the fault stage's PostgreSQL (set FAULT_PG_PORT)" || return 1
	fi
	if [[ ! -f $FAULT_INFRA_DIR/postgres/PG_VERSION ]]; then
		_fault_log "initdb $FAULT_INFRA_DIR/postgres (port $FAULT_PG_PORT)"
		install -d -o postgres -g postgres -m 700 "$FAULT_INFRA_DIR/postgres"
		chown postgres:postgres "$FAULT_INFRA_DIR"
		local pwfile="$FAULT_INFRA_DIR/pwfile"
		printf 'postgres\n' >"$pwfile" && chown postgres "$pwfile"
		_fault_as postgres "$bin/initdb" -D "$FAULT_INFRA_DIR/postgres" -U postgres --pwfile="$pwfile" -A scram-sha-256 >/dev/null ||
			_fault_die "initdb failed" || return 1
		rm -f "$pwfile"
		cat >>"$FAULT_INFRA_DIR/postgres/postgresql.conf" <<-EOF
			# The fault stage's own server (build/lib/fault-infra.sh).
			port = $FAULT_PG_PORT
			listen_addresses = '127.0.0.1'
			unix_socket_directories = '$FAULT_INFRA_DIR'
			max_connections = 300
			fsync = off
		EOF
	fi
	if ! _fault_pg_accepts; then
		_fault_log "starting PostgreSQL on 127.0.0.1:$FAULT_PG_PORT"
		_fault_pg_ctl start >/dev/null || { tail -n 20 "$FAULT_INFRA_DIR/postgres.log" >&2; _fault_die "pg_ctl start failed"; } || return 1
	fi
	_fault_wait 60 _fault_pg_accepts || _fault_die "PostgreSQL on $FAULT_PG_PORT does not accept logins" || return 1
	# A fresh database for every run: the drill's figures are those of what it posts.
	PGPASSWORD=postgres psql -h 127.0.0.1 -p "$FAULT_PG_PORT" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $FAULT_DB WITH (FORCE)" >/dev/null &&
		PGPASSWORD=postgres psql -h 127.0.0.1 -p "$FAULT_PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE $FAULT_DB" >/dev/null ||
		_fault_die "could not recreate database $FAULT_DB" || return 1
	export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$FAULT_PG_PORT;Username=postgres;Password=postgres;Database=$FAULT_DB;SSL Mode=Disable;Gss Encryption Mode=Disable"
	export FAULT_PG_PORT
}

# A fast shutdown (every connection dropped, as in a failover), then a start: the fault itself.
fault_postgres_restart() {
	_fault_log "restarting PostgreSQL on $FAULT_PG_PORT"
	_fault_pg_ctl restart -m fast >/dev/null || { tail -n 20 "$FAULT_INFRA_DIR/postgres.log" >&2; _fault_die "pg_ctl restart failed"; } || return 1
	_fault_wait 60 _fault_pg_accepts || _fault_die "PostgreSQL on $FAULT_PG_PORT does not accept logins after its restart"
}

# The restart in two halves, for a database that stays away a while (maintenance, a failover).
fault_postgres_stop() {
	_fault_log "stopping PostgreSQL on $FAULT_PG_PORT"
	_fault_pg_ctl stop -m fast >/dev/null || _fault_die "pg_ctl stop failed"
}

fault_postgres_start() {
	_fault_log "starting PostgreSQL on $FAULT_PG_PORT"
	_fault_pg_ctl start >/dev/null || { tail -n 20 "$FAULT_INFRA_DIR/postgres.log" >&2; _fault_die "pg_ctl start failed"; } || return 1
	_fault_wait 60 _fault_pg_accepts || _fault_die "PostgreSQL on $FAULT_PG_PORT does not accept logins after its start"
}

fault_postgres_down() {
	[[ -f $FAULT_INFRA_DIR/postgres/postmaster.pid ]] || return 0
	_fault_log "stopping PostgreSQL on $FAULT_PG_PORT"
	_fault_pg_ctl stop -m fast >/dev/null 2>&1 || true
}

# --- RabbitMQ -------------------------------------------------------------------------------

_fault_rabbitmqctl() { timeout 60 rabbitmqctl -q -n "$FAULT_RABBITMQ_NODE" "$@"; }

# The HTTP status of the management API's overview as guest, in pure bash (no curl needed).
_fault_management_status() {
	local request="GET /api/overview HTTP/1.1"$'\r\n'"Host: 127.0.0.1"$'\r\n'"Authorization: Basic Z3Vlc3Q6Z3Vlc3Q="$'\r\n'"Connection: close"$'\r\n\r\n'
	# shellcheck disable=SC2016 # expanded by the inner bash
	timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" && printf "%s" "$1" >&3 && read -r _ code _ <&3 && printf "%s" "$code"' \
		"$FAULT_RABBITMQ_MANAGEMENT_PORT" "$request" 2>/dev/null || printf '000'
}

_fault_rabbit_listening() { _fault_port_open "$FAULT_RABBITMQ_PORT" && [[ $(_fault_management_status) == 200 ]]; }

fault_rabbitmq_up() {
	if ! _fault_rabbitmqctl ping >/dev/null 2>&1; then
		for port in "$FAULT_RABBITMQ_PORT" "$FAULT_RABBITMQ_DIST_PORT" "$FAULT_RABBITMQ_MANAGEMENT_PORT"; do
			_fault_port_open "$port" && { _fault_die "port $port is in use: set the FAULT_RABBITMQ_*_PORT variables" || return 1; }
		done
		local dir=$FAULT_INFRA_DIR/rabbitmq
		rm -rf "$dir"
		install -d -o rabbitmq -g rabbitmq "$dir" "$dir/mnesia" "$dir/log"
		printf '[rabbitmq_management].\n' >"$dir/enabled_plugins"
		cat >"$dir/rabbitmq.conf" <<-EOF
			# The fault stage's own node (build/lib/fault-infra.sh): loopback only.
			listeners.tcp.default = 127.0.0.1:$FAULT_RABBITMQ_PORT
			management.tcp.port = $FAULT_RABBITMQ_MANAGEMENT_PORT
			management.tcp.ip = 127.0.0.1
		EOF
		chown rabbitmq:rabbitmq "$dir/enabled_plugins" "$dir/rabbitmq.conf"
		_fault_log "starting RabbitMQ node $FAULT_RABBITMQ_NODE on 127.0.0.1:$FAULT_RABBITMQ_PORT"
		(
			cd /var/lib/rabbitmq &&
				_fault_as rabbitmq env HOME=/var/lib/rabbitmq \
					RABBITMQ_NODENAME="$FAULT_RABBITMQ_NODE" RABBITMQ_NODE_PORT="$FAULT_RABBITMQ_PORT" \
					RABBITMQ_DIST_PORT="$FAULT_RABBITMQ_DIST_PORT" RABBITMQ_MNESIA_BASE="$dir/mnesia" \
					RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
					RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" RABBITMQ_PID_FILE="$dir/node.pid" \
					/usr/lib/rabbitmq/bin/rabbitmq-server -detached
		) >"$FAULT_INFRA_DIR/rabbitmq-start.log" 2>&1 ||
			{ cat "$FAULT_INFRA_DIR/rabbitmq-start.log" >&2; _fault_die "rabbitmq-server -detached failed"; } || return 1
	fi
	_fault_wait 120 _fault_rabbit_listening ||
		_fault_die "RabbitMQ node $FAULT_RABBITMQ_NODE does not answer on :$FAULT_RABBITMQ_PORT and :$FAULT_RABBITMQ_MANAGEMENT_PORT (logs: $FAULT_INFRA_DIR/rabbitmq/log)" || return 1
	export ConnectionStrings__RabbitMq="amqp://guest:guest@127.0.0.1:$FAULT_RABBITMQ_PORT/"
	export RabbitMq__ManagementUrl="http://127.0.0.1:$FAULT_RABBITMQ_MANAGEMENT_PORT"
	export RABBITMQCTL="rabbitmqctl -n $FAULT_RABBITMQ_NODE"
}

# The broker's application stops (every connection closed, the port shut); the node stays, so
# start_app brings it back in seconds with its durable queues and their messages.
fault_rabbitmq_stop() {
	_fault_log "stopping the RabbitMQ application on $FAULT_RABBITMQ_NODE"
	_fault_rabbitmqctl stop_app >/dev/null
}

fault_rabbitmq_start() {
	_fault_log "starting the RabbitMQ application on $FAULT_RABBITMQ_NODE"
	if ! _fault_rabbitmqctl start_app >/dev/null || ! _fault_wait 60 _fault_rabbit_listening; then
		_fault_die "RabbitMQ on :$FAULT_RABBITMQ_PORT did not come back"
	fi
}

fault_rabbitmq_down() {
	_fault_rabbitmqctl ping >/dev/null 2>&1 || return 0
	_fault_log "stopping RabbitMQ node $FAULT_RABBITMQ_NODE"
	_fault_rabbitmqctl stop >/dev/null 2>&1 || true
}

# --------------------------------------------------------------------------------------------

fault_infra_up() {
	mkdir -p "$FAULT_INFRA_DIR"
	fault_postgres_up && fault_rabbitmq_up || return 1
	export INFRA_MODE=packages FAULT_INFRA_SCRIPT
}

# Stops both and removes their data: nothing of a drill outlives it.
fault_infra_down() {
	fault_rabbitmq_down
	fault_postgres_down
	rm -rf "$FAULT_INFRA_DIR"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
	set -euo pipefail
	case ${1:-} in
	up)
		fault_infra_up
		for var in ConnectionStrings__Postgres ConnectionStrings__RabbitMq RabbitMq__ManagementUrl RABBITMQCTL INFRA_MODE FAULT_INFRA_SCRIPT; do
			printf 'export %s=%q\n' "$var" "${!var}"
		done
		;;
	down) fault_infra_down ;;
	postgres-restart) fault_postgres_restart ;;
	postgres-stop) fault_postgres_stop ;;
	postgres-start) fault_postgres_start ;;
	rabbitmq-stop) fault_rabbitmq_stop ;;
	rabbitmq-start) fault_rabbitmq_start ;;
	*)
		echo "usage: $0 up | down | postgres-restart | postgres-stop | postgres-start | rabbitmq-stop | rabbitmq-start" >&2
		exit 2
		;;
	esac
fi
