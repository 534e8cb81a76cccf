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
# shellcheck source=deploy/settings.sh
. "$(dirname "$0")/settings.sh"
[ -r "$backup/xietong.dump" ] && [ -d "$backup/home" ] || { echo "restore.sh: $backup is not a backup of backup.sh" >&2; exit 2; }
xietong_require pg_restore psql rsync

if xietong_external; then
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
