# Sourced by backup.sh and restore.sh (install it beside them): reads the service's settings
# (XIETONG_ENV, default /etc/xietong/xietong.env) and, with xietong_external, says whether they name an external
# PostgreSQL, exporting PGHOST, PGPORT, PGDATABASE, PGUSER and PGPASSWORD for it.
ENV_FILE=${XIETONG_ENV:-/etc/xietong/xietong.env}
if [ -r "$ENV_FILE" ]; then
	set -a
	# shellcheck disable=SC1090
	. "$ENV_FILE"
	set +a
fi
: "${XIETONG_HOME:?set XIETONG_HOME (or keep it in $ENV_FILE)}"

xietong_require() { # tools...
	local tool
	for tool in "$@"; do
		command -v "$tool" >/dev/null || { echo "$(basename "$0"): $tool is missing (apt-get install postgresql-client-15 rsync)" >&2; exit 2; }
	done
}

xietong_external() {
	[ -n "${SPRING_DATASOURCE_URL:-}" ] || return 1
	# jdbc:postgresql://host[:port]/database[?...]
	local url=${SPRING_DATASOURCE_URL#jdbc:postgresql://}
	local hostport=${url%%/*} database=${url#*/}
	export PGHOST=${hostport%%:*} PGDATABASE=${database%%\?*}
	if [ "$hostport" != "${hostport#*:}" ]; then export PGPORT=${hostport#*:}; else export PGPORT=5432; fi
	export PGUSER=${SPRING_DATASOURCE_USERNAME:?set SPRING_DATASOURCE_USERNAME} PGPASSWORD=${SPRING_DATASOURCE_PASSWORD:-}
}
