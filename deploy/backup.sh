#!/usr/bin/env bash
# Back up the dashboard's PostgreSQL database: one pg_dump in custom format (-Fc) into
# BACKUP_DIR, then remove dumps older than BACKUP_KEEP_DAYS. Run daily by
# ddn-dashboard-backup.timer with the app's DATABASE_URL; restore steps are in docs/deploy.md.
set -euo pipefail
umask 077

: "${DATABASE_URL:?DATABASE_URL is not set}"
dir="${BACKUP_DIR:-/var/backups/ddn-dashboard}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
case "$keep_days" in
    '' | *[!0-9]*) echo "error: BACKUP_KEEP_DAYS must be a whole number of days" >&2; exit 2 ;;
esac

# libpq reads postgresql:// URLs but not SQLAlchemy's driver suffix.
url="${DATABASE_URL/#postgresql+psycopg:/postgresql:}"
case "$url" in
    postgresql://* | postgres://*) ;;
    *)
        echo "error: DATABASE_URL is not a PostgreSQL URL (a SQLite file is backed up with" \
            "sqlite3 FILE \".backup COPY\")" >&2
        exit 2
        ;;
esac

mkdir -p "$dir"
file="$dir/ddn-$(date -u +%Y%m%dT%H%M%SZ).dump"
# Written under a temporary name and renamed when complete: a dump cut short by a crash or a
# full disk never looks like a backup, and never counts towards the retention below.
partial="$file.partial"
trap 'rm -f "$partial"' EXIT
pg_dump --format=custom --file="$partial" --dbname="$url"
pg_restore --list "$partial" >/dev/null
mv "$partial" "$file"
echo "backup written: $file ($(du -h "$file" | cut -f1))"

# Only after a good dump: old dumps go, the one just written always stays.
find "$dir" -maxdepth 1 -type f -name 'ddn-*.dump' -mmin "+$((keep_days * 24 * 60))" \
    -print -delete | sed 's/^/removed old backup: /'
