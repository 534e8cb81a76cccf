#!/usr/bin/env bash
# Walks the README's production steps on this machine, a Debian 12 with its own packages, as root, and proves a
# backup -> restore round trip for both databases: the external PostgreSQL 15 of step 1 and the embedded one.
#   deploy/try-on-debian.sh      (about 10 minutes; output in deploy/last-try.txt)
# What it does, in the README's order: installs Debian's packages; creates the database and its user as postgres;
# creates the system user, the folders, the jar and /etc/xietong/xietong.env from deploy/xietong.env.example;
# checks the systemd unit (systemd-analyze verify) and starts the unit's own ExecStart as its User with its
# EnvironmentFile (no systemd runs in a container); puts nginx with deploy/nginx/xietong.conf and a self-signed
# certificate in front; makes data (an enterprise registered with a document, a university); runs deploy/backup.sh
# as root's cron would; stops, empties, runs deploy/restore.sh, starts again; compares every table's row count and
# every stored file's checksum, and verifies the audit chain. Then the same round trip on the embedded database.
# It changes this machine (packages, the user xietong, /opt/xietong, /srv/xietong*, /etc/xietong, nginx): run it on a
# throw-away machine or CI, never on a production host.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${TRY_WORK:-/tmp/xietong-deploy}
DB_PASSWORD='Xt-db-2026!'
ADMIN_PASSWORD='Install#2026'
AUDITOR_PASSWORD='Audit#2026-first'
AUDITOR_CHANGED='Audit#2026-own'
BASE=http://localhost:8080
exec > >(tee "$ROOT/deploy/last-try.txt") 2>&1
rm -rf "$WORK" && mkdir -p "$WORK"

step() { echo; echo "== $*"; }
as_postgres() { env -u PGHOST -u PGPORT -u PGUSER -u PGDATABASE -u PGPASSWORD runuser -u postgres -- "$@"; }
fail() { echo "FAILED: $*"; exit 1; }

step "Packages: PostgreSQL 15, its client, rsync, nginx, Java 17 (Debian 12's own)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends postgresql postgresql-client rsync nginx openssl curl \
	openjdk-17-jre-headless systemd >/dev/null
nginx -v 2>&1
psql --version

step "PostgreSQL (README step 1), as the postgres user"
pg_lsclusters -h | grep -q '^15 *main' || pg_createcluster 15 main >/dev/null
pg_ctlcluster 15 main start 2>/dev/null || true # on a host: systemctl enable --now postgresql
as_postgres dropdb --if-exists xietong
as_postgres dropuser --if-exists xietong
as_postgres createuser xietong
as_postgres psql -q -c "ALTER ROLE xietong PASSWORD '$DB_PASSWORD'" # README: createuser -P xietong
as_postgres createdb -O xietong xietong

step "The jar, the user, the folders and the settings (README steps 2 and 3)"
[ -n "${TRY_SKIP_BUILD:-}" ] || ./mvnw -q -B -ntp -DskipTests package
id xietong >/dev/null 2>&1 || useradd --system --home-dir /opt/xietong --shell /usr/sbin/nologin xietong
rm -rf /srv/xietong /srv/xietong-embedded /etc/xietong
install -d -o root -g root -m 755 /opt/xietong
install -d -o xietong -g xietong -m 750 /srv/xietong /srv/xietong-embedded
install -d -o root -g xietong -m 750 /etc/xietong
install -m 644 "$(ls target/xietong-*.jar | grep -v original | head -n 1)" /opt/xietong/xietong.jar
install -m 755 deploy/backup.sh deploy/restore.sh deploy/settings.sh /opt/xietong/
install -m 640 -o root -g xietong deploy/xietong.env.example /etc/xietong/xietong.env
sed -i -e "s|^SPRING_DATASOURCE_PASSWORD=.*|SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD|" \
	-e "s|^XIETONG_BOOTSTRAP_ADMIN_PASSWORD=.*|XIETONG_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD|" \
	-e "s|^XIETONG_BOOTSTRAP_AUDITOR_PASSWORD=.*|XIETONG_BOOTSTRAP_AUDITOR_PASSWORD=$AUDITOR_PASSWORD|" \
	-e "s|^XIETONG_BASE_URL=.*|XIETONG_BASE_URL=https://xietong.example.edu.cn|" \
	-e "s|^XIETONG_MAIL_HOST=.*|XIETONG_MAIL_HOST=localhost|" /etc/xietong/xietong.env
install -m 644 deploy/systemd/xietong.service /etc/systemd/system/xietong.service
systemd-analyze verify /etc/systemd/system/xietong.service 2>&1 | grep -v -i 'network-online\|postgresql.service' || true
echo "systemd-analyze verify: checked"

# The unit's own command, user and environment file, as systemd would start it.
EXEC=$(sed -n 's/^ExecStart=//p' deploy/systemd/xietong.service)
UNIT_USER=$(sed -n 's/^User=//p' deploy/systemd/xietong.service)
UNIT_ENV=$(sed -n 's/^EnvironmentFile=//p' deploy/systemd/xietong.service)
start_service() {
	local log=$WORK/service-$1.log
	(
		set -a
		# shellcheck disable=SC1090
		. "$UNIT_ENV"
		set +a
		[ -z "${2:-}" ] || export XIETONG_HOME="$2"
		if [ -n "${3:-}" ]; then unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD; fi
		cd /opt/xietong
		# shellcheck disable=SC2086
		exec runuser -u "$UNIT_USER" --preserve-environment -- $EXEC
	) >"$log" 2>&1 &
	SERVICE_PID=$!
	for _ in $(seq 1 400); do curl -sf "$BASE/actuator/health" >/dev/null && return; sleep 0.5; done
	tail -40 "$log"
	fail "the service did not start"
}
stop_service() {
	pkill -TERM -f '/opt/xietong/xietong.jar' || true
	for _ in $(seq 1 180); do pgrep -f '/opt/xietong/xietong.jar' >/dev/null || return 0; sleep 0.5; done
	fail "the service did not stop on SIGTERM"
}
token() {
	curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
		-d "{\"username\":\"$1\",\"password\":\"$2\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

step "Start (README step 3): the unit's ExecStart as $UNIT_USER with $UNIT_ENV, on the external database"
start_service external
echo "health: $(curl -s $BASE/actuator/health)"

step "nginx in front (README step 4): deploy/nginx/xietong.conf with a self-signed certificate"
install -d -m 755 /etc/nginx/tls
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=xietong.example.edu.cn" \
	-keyout /etc/nginx/tls/xietong.key -out /etc/nginx/tls/xietong.crt 2>/dev/null
install -m 644 deploy/nginx/xietong.conf /etc/nginx/sites-available/xietong.conf
ln -sf ../sites-available/xietong.conf /etc/nginx/sites-enabled/xietong.conf
rm -f /etc/nginx/sites-enabled/default
nginx -t
nginx -s quit 2>/dev/null || true
sleep 1
nginx # on a host: systemctl reload nginx
NGINX="curl -sk --resolve xietong.example.edu.cn:443:127.0.0.1 https://xietong.example.edu.cn"
[ "$($NGINX/actuator/health)" != "" ] || fail "nginx does not reach Xietong"
echo "through nginx: $($NGINX/actuator/health)"
[ "$(curl -s -o /dev/null -w '%{http_code}' --resolve xietong.example.edu.cn:80:127.0.0.1 http://xietong.example.edu.cn/)" = 301 ] ||
	fail "port 80 does not redirect to https"

make_data() {
	local base=$1 code=$2
	curl -sf -X POST "$base/api/v1/enterprises" -H 'Content-Type: application/json' -d "{
	  \"name\":\"部署测试科技有限公司$code\",\"creditCode\":\"$code\",\"legalRepresentative\":\"张三\",\"foundedOn\":\"2015-03-01\",
	  \"registeredCapital\":\"5000000.00\",\"industry\":\"人工智能\",\"address\":\"长春市\",\"description\":\"部署测试。\",
	  \"contact\":{\"name\":\"李四\",\"phone\":\"0431-88905350\",\"email\":\"deploy@example.com\"},
	  \"username\":\"deploy-$code\",\"password\":\"Secret#2024\"}" >"$WORK/enterprise.json"
	local id contact
	id=$(sed -E 's/.*"id":"([^"]+)".*/\1/' "$WORK/enterprise.json")
	contact=$(token "deploy-$code" 'Secret#2024')
	printf '%%PDF-1.4\n%% deploy %s\n1 0 obj << >> endobj\ntrailer << >>\n%%%%EOF\n' "$code" >"$WORK/license.pdf"
	curl -sf -X POST "$base/api/v1/enterprises/$id/documents" -H "Authorization: Bearer $contact" \
		-F kind=BUSINESS_LICENSE -F "file=@$WORK/license.pdf;type=application/pdf" >/dev/null
	echo "registered enterprise $id with its business licence"
}
snapshot() { # every table's row count, every stored file's checksum
	local home=$1
	psql -qtAX -c "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
	  AND table_name NOT IN ('spring_session', 'spring_session_attributes', 'event_publication', 'event_publication_archive')
	  ORDER BY 1" | while read -r t; do echo "$t $(psql -qtAX -c "SELECT count(*) FROM \"$t\"")"; done
	(cd "$home" && find files -type f ! -path 'files/tmp/*' -exec sha256sum {} + | sort -k2)
}
audit_verify() { # the bootstrap auditor changes its initial password once, then verifies the chain
	local auditor
	auditor=$(token auditor "$AUDITOR_CHANGED")
	if [ -z "$auditor" ]; then
		auditor=$(token auditor "$AUDITOR_PASSWORD")
		curl -sf -X POST "$BASE/api/v1/me/password" -H "Authorization: Bearer $auditor" -H 'Content-Type: application/json' \
			-d "{\"currentPassword\":\"$AUDITOR_PASSWORD\",\"newPassword\":\"$AUDITOR_CHANGED\"}" >/dev/null
	fi
	local answer
	answer=$(curl -s "$BASE/api/v1/audit/verify" -H "Authorization: Bearer $auditor")
	echo "$answer" | grep -q '"intact":true' || fail "the audit chain does not verify: $answer"
	echo "$answer"
}

step "Data: an enterprise registers and uploads its licence; the auditor verifies the chain"
make_data "$BASE" 91220101MA00000013
verified=$(audit_verify) || fail "the audit chain"
echo "audit verify before the backup: $verified"
export PGHOST=localhost PGPORT=5432 PGUSER=xietong PGDATABASE=xietong PGPASSWORD=$DB_PASSWORD

step "Backup (README step 6): deploy/backup.sh as root, reading /etc/xietong/xietong.env"
BACKUP=$(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root BACKUP_DIR="$WORK/backups" /opt/xietong/backup.sh | tail -n 1)
cat "$BACKUP/manifest.txt"
[ -s "$BACKUP/xietong.dump" ] || fail "the dump is empty"
snapshot /srv/xietong >"$WORK/before-external.txt"

step "Restore: stop, an empty database and data folder, deploy/restore.sh, start"
stop_service
as_postgres dropdb xietong
as_postgres createdb -O xietong xietong
mv /srv/xietong "$WORK/srv-xietong-old" && install -d -o xietong -g xietong -m 750 /srv/xietong
env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root /opt/xietong/restore.sh "$BACKUP"
if env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root /opt/xietong/restore.sh "$BACKUP" >/dev/null 2>&1; then
	fail "a second restore into the restored database was not refused"
fi
echo "a second restore into the now non-empty database: refused"
snapshot /srv/xietong >"$WORK/after-external.txt"
diff "$WORK/before-external.txt" "$WORK/after-external.txt" || fail "row counts or files differ after the restore"
echo "row counts of $(grep -vc ' files/' "$WORK/after-external.txt") tables and $(grep -c ' files/' "$WORK/after-external.txt") files: identical"
start_service external-restored
verified=$(audit_verify) || fail "the audit chain"
echo "audit verify after the restore: $verified"

step "The embedded database: the same service without SPRING_DATASOURCE_*, its data in /srv/xietong-embedded"
stop_service
start_service embedded /srv/xietong-embedded without-datasource
make_data "$BASE" 91220101MA00000026
verified=$(audit_verify) || fail "the audit chain"
echo "audit verify before the backup: $verified"
export PGPORT
PGPORT=$(sed -n 4p /srv/xietong-embedded/postgres/postmaster.pid)
export PGUSER=postgres PGDATABASE=xietong
unset PGPASSWORD
BACKUP=$(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root XIETONG_ENV=/nonexistent XIETONG_HOME=/srv/xietong-embedded \
	BACKUP_DIR="$WORK/backups-embedded" /opt/xietong/backup.sh | tail -n 1)
cat "$BACKUP/manifest.txt"
snapshot /srv/xietong-embedded >"$WORK/before-embedded.txt"
stop_service
mv /srv/xietong-embedded "$WORK/srv-embedded-old" && install -d -o xietong -g xietong -m 750 /srv/xietong-embedded
env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root XIETONG_ENV=/nonexistent XIETONG_HOME=/srv/xietong-embedded \
	/opt/xietong/restore.sh "$BACKUP"
start_service embedded-restored /srv/xietong-embedded without-datasource
PGPORT=$(sed -n 4p /srv/xietong-embedded/postgres/postmaster.pid)
snapshot /srv/xietong-embedded >"$WORK/after-embedded.txt"
diff "$WORK/before-embedded.txt" "$WORK/after-embedded.txt" || fail "row counts or files differ after the embedded restore"
echo "row counts of $(grep -vc ' files/' "$WORK/after-embedded.txt") tables and $(grep -c ' files/' "$WORK/after-embedded.txt") files: identical"
ls /srv/xietong-embedded | grep -q 'restore.dump.restored-' || fail "the restored dump was not set aside"
verified=$(audit_verify) || fail "the audit chain"
echo "audit verify after the restore: $verified"
stop_service
nginx -s quit || true
echo
echo "DEPLOYMENT AS WRITTEN: works (packages, database, user, unit, nginx, backup and restore of both databases)"
