"""Set-based reads and writes for tens of thousands of rows: one ``INSERT ... SELECT FROM
json_to_recordset(...)`` per table instead of one model instance (and one query parameter) per
row and field.

The rows travel as one JSON text (encoded in C by the standard library; Saleor's connection
binds parameters on the client, which quotes a Python list element by element). Tables and
columns are named by the models' ``_meta`` (Django's model API); a column the caller gives no
values for gets its field's default, exactly as ``bulk_create`` would store it (no ``save()`` is
called, as with ``bulk_create``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date

from django.db import connection


def id_array(ids: Iterable[int]) -> str:
    """A PostgreSQL array literal of integers, for ``= ANY(%s::bigint[])``."""
    return "{" + ",".join(str(int(item)) for item in ids) + "}"


def _encode(value: object) -> str:
    if isinstance(value, date):  # date and datetime (aware): ISO 8601, read back exactly by PostgreSQL
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__} for a bulk write")


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def insert_rows(
    model,
    columns: dict[str, Sequence],
    *,
    conflict: Sequence[str] = (),
    update: Sequence[str] = (),
    returning: Sequence[str] = (),
) -> list[tuple]:
    """Insert one row per position of ``columns`` (field attname -> values, all of one length).

    ``conflict`` (attnames of a unique constraint): ``ON CONFLICT (...) DO UPDATE SET`` the
    ``update`` columns, or ``DO NOTHING`` when ``update`` is empty. Returns the ``returning``
    columns of the rows written (in no particular order).
    """
    lengths = {len(values) for values in columns.values()}
    if len(lengths) != 1:
        raise ValueError(f"columns of different lengths: {sorted(lengths)}")
    if not lengths.pop():
        return []
    meta = model._meta
    unknown = set(columns) - {field.attname for field in meta.concrete_fields}
    if unknown:
        raise ValueError(f"{meta.label} has no columns {sorted(unknown)}")
    names, selected, params, given, aliases = [], [], [], [], []
    for field in meta.concrete_fields:
        if field.primary_key and field.attname not in columns:
            continue
        db_type = field.db_type(connection)
        names.append(_quote(field.column))
        if field.attname in columns:
            alias = f"c{len(aliases)}"
            aliases.append(f"{alias} {db_type}")
            given.append(columns[field.attname])
            selected.append(alias)
        else:
            selected.append(f"%s::{db_type}")
            params.append(field.get_db_prep_save(field.get_default(), connection))
    keys = [alias.split(" ", 1)[0] for alias in aliases]
    rows = json.dumps([dict(zip(keys, row, strict=True)) for row in zip(*given, strict=True)],
                      default=_encode, ensure_ascii=False, separators=(",", ":"))
    params.append(rows)
    sql = (
        f"INSERT INTO {_quote(meta.db_table)} ({', '.join(names)}) "  # noqa: S608  (names from the models)
        f"SELECT {', '.join(selected)} FROM json_to_recordset(%s::json) AS u({', '.join(aliases)})"
    )
    if conflict:
        target = ", ".join(_quote(meta.get_field(name).column) for name in conflict)
        if update:
            sets = ", ".join(
                f"{_quote(meta.get_field(name).column)} = EXCLUDED.{_quote(meta.get_field(name).column)}"
                for name in update
            )
            sql += f" ON CONFLICT ({target}) DO UPDATE SET {sets}"
        else:
            sql += f" ON CONFLICT ({target}) DO NOTHING"
    if returning:
        sql += " RETURNING " + ", ".join(_quote(meta.get_field(name).column) for name in returning)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if returning else []


def update_rows(model, key: str, columns: dict[str, Sequence]) -> int:
    """``UPDATE`` the rows whose ``key`` (attname) is ``columns[key][i]`` to the other columns'
    ``i``-th values, in one statement. Returns the number of rows updated."""
    lengths = {len(values) for values in columns.values()}
    if len(lengths) != 1:
        raise ValueError(f"columns of different lengths: {sorted(lengths)}")
    if not lengths.pop():
        return 0
    meta = model._meta
    fields = {name: meta.get_field(name) for name in columns}
    aliases = {name: f"c{index}" for index, name in enumerate(columns)}
    keys = list(aliases.values())
    rows = json.dumps([dict(zip(keys, row, strict=True)) for row in zip(*columns.values(), strict=True)],
                      default=_encode, ensure_ascii=False, separators=(",", ":"))
    sets = ", ".join(f"{_quote(fields[name].column)} = u.{aliases[name]}" for name in columns if name != key)
    types = ", ".join(f"{aliases[name]} {fields[name].db_type(connection)}" for name in columns)
    sql = (
        f"UPDATE {_quote(meta.db_table)} AS t SET {sets} "  # noqa: S608  (names from the models)
        f"FROM json_to_recordset(%s::json) AS u({types}) WHERE t.{_quote(fields[key].column)} = u.{aliases[key]}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [rows])
        return cursor.rowcount
