# shellcheck shell=bash
# Stopping the service processes that build/run.sh and build/bench.sh started. Sourced; expects
# a `say` function and the associative array PID (service name -> process id).

stop_pid() { # stop_pid PID NAME: SIGTERM, up to 30 s for a graceful stop (the services give themselves 25: Hosting:ShutdownTimeoutSeconds), then SIGKILL
	local pid=$1 name=$2 deadline=$((SECONDS + 30))
	kill -0 "$pid" 2>/dev/null || return 0
	kill -TERM "$pid" 2>/dev/null || true
	while kill -0 "$pid" 2>/dev/null; do
		if ((SECONDS >= deadline)); then
			say "$name did not stop within 30 s: killing it"
			kill -KILL "$pid" 2>/dev/null || true
			break
		fi
		sleep 0.2
	done
	wait "$pid" 2>/dev/null || true
}

stop_services() { # all at once (SIGTERM to each), then wait for each
	[[ ${#PID[@]} -gt 0 ]] || return 0
	say "stopping services"
	local name
	# SIGCONT first: a service the benchmark paused for its Intake-alone phase stays stopped if the
	# benchmark was killed meanwhile, and a stopped process acts on SIGTERM only once continued.
	for name in "${!PID[@]}"; do kill -CONT "${PID[$name]}" 2>/dev/null; kill -TERM "${PID[$name]}" 2>/dev/null; done
	for name in "${!PID[@]}"; do stop_pid "${PID[$name]}" "$name"; done
}
