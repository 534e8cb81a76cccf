#!/usr/bin/env bash
# Nightly backup of a production installation: the database (pg_dump, custom format) and the
# data folder's stored files. Keep 30 days. Run from cron on a host that can reach both.
set -euo pipefail
: "${XIETONG_HOME:?set XIETONG_HOME to the shared data folder}"
: "${BACKUP_DIR:=/var/backups/xietong}"
: "${PGDATABASE:=xietong}"
stamp=$(date +%Y%m%d-%H%M%S)
mkdir -p "$BACKUP_DIR/$stamp"
pg_dump --format=custom --file="$BACKUP_DIR/$stamp/xietong.dump" "$PGDATABASE"
# Stored files are content-addressed and never rewritten: a hard-linked copy keeps each version once.
latest=$(ls -1d "$BACKUP_DIR"/*/files 2>/dev/null | tail -n 1 || true)
rsync -a ${latest:+--link-dest="$latest"} "$XIETONG_HOME/" "$BACKUP_DIR/$stamp/files/" --exclude db/
find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -mtime +30 -exec rm -rf {} +
echo "backup written to $BACKUP_DIR/$stamp"
