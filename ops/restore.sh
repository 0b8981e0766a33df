#!/usr/bin/env bash
# Restores a backup made by ops/backup.sh into an EMPTY database (create it first, owned by the portal's
# user; see the README's "Backup and restore"). Stop every portal instance before restoring.
#
#   ops/restore.sh [-d CONNINFO] BACKUP_FILE
#
# CONNINFO and the PG* variables as for backup.sh; the objects are owned by the user that connects.
# The key-ring certificate, its password and the other secrets are not in the backup: restore them to the
# instances from their own backup (see backup.sh), or the stored ID numbers cannot be decrypted.
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
source_file="$1"
[ -r "$source_file" ] || { echo "备份文件不存在或不可读：$source_file" >&2; exit 1; }

bin="${PG_BIN:+$PG_BIN/}"
# pg_restore without a database would only print SQL: name one, from -d or PGDATABASE.
conninfo="${conninfo:-${PGDATABASE:-}}"
[ -n "$conninfo" ] || { echo "请用 -d 指定目标数据库，或设置 PGDATABASE。" >&2; exit 2; }
dbname_args=(--dbname="$conninfo")

# Refuse a database that already has the portal's tables: restoring over them would mix two states.
tables="$("${bin}psql" "${dbname_args[@]}" --no-psqlrc --tuples-only --no-align \
  --command="SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")"
if [ "$tables" != "0" ]; then
  echo "目标数据库不是空的（public 中有 $tables 个表）。请先新建一个空数据库再恢复。" >&2
  exit 1
fi

# One transaction: either the whole backup is restored or nothing is.
"${bin}pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction "${dbname_args[@]}" "$source_file"
echo "恢复完成：$source_file"
