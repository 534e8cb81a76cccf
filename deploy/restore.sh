#!/usr/bin/env bash
# Restores a backup written by deploy/backup.sh into an installation that is stopped and new:
#   deploy/restore.sh /var/backups/xietong/<yyyymmdd-hhmmss>
# It reads the same settings as the service (XIETONG_ENV, default /etc/xietong/xietong.env).
# External PostgreSQL: the database must exist and be empty (as README step 1 creates it: createdb -O xietong xietong);
# the dump is restored in one transaction as the platform's user, then the files are copied back.
# Embedded database: XIETONG_HOME must not hold a database yet (move the old folder aside); the files are copied back
# and the dump is left as $XIETONG_HOME/restore.dump, which the embedded database restores on the next start.
# A restore never overwrites: anything already there stops it before it changes anything.
# Then start the service, sign in as the audit administrator and verify the audit chain.
set -euo pipefail
backup=${1:?usage: restore.sh <backup folder written by backup.sh>}
ENV_FILE=${XIETONG_ENV:-/etc/xietong/xietong.env}
if [ -r "$ENV_FILE" ]; then
	set -a
	# shellcheck disable=SC1090
	. "$ENV_FILE"
	set +a
fi
: "${XIETONG_HOME:?set XIETONG_HOME (or keep it in $ENV_FILE)}"
[ -r "$backup/xietong.dump" ] && [ -d "$backup/home" ] || { echo "restore.sh: $backup is not a backup of backup.sh" >&2; exit 2; }
for tool in pg_restore rsync; do
	command -v "$tool" >/dev/null || { echo "restore.sh: $tool is missing (apt-get install postgresql-client-15 rsync)" >&2; exit 2; }
done

if [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
	url=${SPRING_DATASOURCE_URL#jdbc:postgresql://}
	hostport=${url%%/*}
	database=${url#*/}
	export PGHOST=${hostport%%:*} PGDATABASE=${database%%\?*}
	if [ "$hostport" != "${hostport#*:}" ]; then export PGPORT=${hostport#*:}; else export PGPORT=5432; fi
	export PGUSER=${SPRING_DATASOURCE_USERNAME:?set SPRING_DATASOURCE_USERNAME} PGPASSWORD=${SPRING_DATASOURCE_PASSWORD:-}
	tables=$(psql -qtAX -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
	if [ "$tables" != 0 ]; then
		echo "restore.sh: the database $PGDATABASE on $PGHOST:$PGPORT holds $tables tables; restore only into an empty one" >&2
		echo "  (as postgres: dropdb $PGDATABASE && createdb -O $PGUSER $PGDATABASE, with every instance stopped)" >&2
		exit 3
	fi
	pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$PGDATABASE" "$backup/xietong.dump"
	echo "database restored into $PGDATABASE on $PGHOST:$PGPORT"
else
	if [ -e "$XIETONG_HOME/postgres" ]; then
		echo "restore.sh: $XIETONG_HOME already holds an embedded database; move the folder aside and run again" >&2
		exit 3
	fi
	mkdir -p "$XIETONG_HOME"
	cp "$backup/xietong.dump" "$XIETONG_HOME/restore.dump"
	echo "the embedded database restores $XIETONG_HOME/restore.dump on the next start"
fi
rsync -a "$backup/home/" "$XIETONG_HOME/"
if id xietong >/dev/null 2>&1; then chown -R xietong:xietong "$XIETONG_HOME"; fi
echo "files restored into $XIETONG_HOME: $(find "$backup/home" -type f | wc -l) files"
