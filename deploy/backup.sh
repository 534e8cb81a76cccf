#!/usr/bin/env bash
# Backup of an installation: the database (pg_dump, custom format) and then the data folder's files (stored files
# and the server's signing key). Files are written once and never changed or removed, so copying them after the
# dump gives every row of the dump its file; hard links against the previous backup keep each file once.
# Keeps KEEP_DAYS (30) days. Needs pg_dump of the server's major version and rsync:
#   apt-get install postgresql-client-15 rsync
# It reads the service's own settings (XIETONG_ENV, default /etc/xietong/xietong.env) for the data folder and the
# database, so it runs as it is from root's crontab:
#   15 2 * * * /opt/xietong/backup.sh >>/var/log/xietong-backup.log 2>&1
# External PostgreSQL: it connects as SPRING_DATASOURCE_USERNAME with SPRING_DATASOURCE_PASSWORD to the host, port
# and database of SPRING_DATASOURCE_URL. Embedded database: the running instance's server, found through
# $XIETONG_HOME/postgres/postmaster.pid (the instance must be running; a backup never stops it).
# Writes BACKUP_DIR/<yyyymmdd-hhmmss>/{xietong.dump,home/,manifest.txt} and prints the folder.
set -euo pipefail
# shellcheck source=deploy/settings.sh
. "$(dirname "$0")/settings.sh"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/xietong}
KEEP_DAYS=${KEEP_DAYS:-30}
xietong_require pg_dump pg_restore rsync

if ! xietong_external; then
	pidfile="$XIETONG_HOME/postgres/postmaster.pid"
	[ -r "$pidfile" ] || { echo "backup.sh: no running embedded database in $XIETONG_HOME (is Xietong running?)" >&2; exit 2; }
	PGPORT=$(sed -n 4p "$pidfile")
	export PGHOST=localhost PGPORT PGUSER=postgres PGDATABASE=xietong
fi

stamp=$(date +%Y%m%d-%H%M%S)
target="$BACKUP_DIR/$stamp"
mkdir -p "$target"
chmod 700 "$BACKUP_DIR"
pg_dump --format=custom --file="$target/xietong.dump.part" --no-owner --no-privileges
pg_restore --list "$target/xietong.dump.part" >/dev/null
mv "$target/xietong.dump.part" "$target/xietong.dump"

latest=$(find "$BACKUP_DIR" -mindepth 2 -maxdepth 2 -type d -name home ! -path "$target/*" | sort | tail -n 1)
rsync -a ${latest:+--link-dest="$latest"} --exclude /postgres/ --exclude /postgres.lock --exclude /files/tmp/ \
	--exclude /restore.dump* "$XIETONG_HOME/" "$target/home/"
{
	echo "backup of $XIETONG_HOME at $stamp, database $PGDATABASE on $PGHOST:$PGPORT"
	echo "dump sha256 $(sha256sum "$target/xietong.dump" | cut -d' ' -f1)"
	echo "files $(find "$target/home" -type f | wc -l)"
} >"$target/manifest.txt"
find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -mtime +"$KEEP_DAYS" -exec rm -rf {} +
echo "$target"
