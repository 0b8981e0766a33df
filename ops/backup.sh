#!/usr/bin/env bash
# Backs up the portal's PostgreSQL database — every table, uploaded files included (they are stored in the
# database) — to one file in pg_dump's custom format.
#
#   ops/backup.sh [-d CONNINFO] BACKUP_FILE
#
# CONNINFO is a libpq connection string or URI, e.g. postgresql://portal@db.example:5432/research_portal
# (keep the password in PGPASSWORD or ~/.pgpass, not on the command line). Without -d, the standard PG*
# variables are used (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE). PG_BIN may name the folder of
# pg_dump/pg_restore; use a pg_dump at least as new as the server.
#
# NOT in this file, back them up separately (without them a restored database is of little use):
#   - the data-protection key-ring certificate (DataProtection:CertificatePath, the .pfx) and its password
#     (DataProtection:CertificatePassword), plus every certificate still listed in
#     DataProtection:PreviousCertificatePaths: the key ring in the database is encrypted with them, and the
#     ID numbers and the ID-number hash key (table PortalSecrets) are encrypted with the key ring;
#   - the other secrets of the deployment: connection-string password, Mail:SmtpPassword.
# Keep those apart from the database backups, so that a stolen backup alone decrypts nothing.
set -euo pipefail

usage() { echo "用法：$0 [-d 连接串] 备份文件" >&2; exit 2; }

conninfo=""
while getopts "d:" option; do
  case "$option" in
    d) conninfo="$OPTARG" ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ "$#" -eq 1 ] || usage
target="$1"

bin="${PG_BIN:+$PG_BIN/}"
dbname_args=()
[ -n "$conninfo" ] && dbname_args=(--dbname="$conninfo")

# Written next to the target and renamed when complete, so a failed run never leaves a file that looks whole.
partial="$target.partial"
trap 'rm -f -- "$partial"' EXIT
"${bin}pg_dump" --format=custom --compress=6 --no-owner --no-privileges "${dbname_args[@]}" --file="$partial"
"${bin}pg_restore" --list "$partial" >/dev/null # readable from end to end
mv -- "$partial" "$target"
trap - EXIT
echo "备份完成：$target（$(du -h -- "$target" | cut -f1)）"
