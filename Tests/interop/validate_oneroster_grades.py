"""Validates OneRoster 1.2 gradebook CSV files (categories.csv, lineItems.csv, results.csv) against 1EdTech's
Gradebook service schema (the OpenAPI 3 file in ../shared/data/interop/oneroster/schema): each row becomes the
REST binding's JSON object — columns named as the data model's fields, a `…SourcedId` column as a reference to
that field's object — and must validate against CategoryDType, LineItemDType or ResultDType (which allow no
other fields). Dates and date-times must parse; every line item and result must point at rows that exist.

    python validate_oneroster_grades.py FOLDER SCHEMA.json
"""
from __future__ import annotations

import csv
import datetime
import json
import sys
from pathlib import Path

import jsonschema

FILES = {"categories.csv": "CategoryDType", "lineItems.csv": "LineItemDType", "results.csv": "ResultDType"}


def row_object(row: dict, dtype: dict, schemas: dict, where: str) -> dict:
    obj = {}
    for column, value in row.items():
        if value == "":
            continue
        name = column[: -len("SourcedId")] if column.endswith("SourcedId") and column != "sourcedId" else column
        field = dtype["properties"].get(name)
        if field is None:
            raise SystemExit(f"{where}: column {column} is not a field of the data model")
        if name != column:
            reference = schemas[field["$ref"].rsplit("/", 1)[1]]
            kind = reference["properties"]["type"]["enum"][0]
            obj[name] = {"href": f"https://sis.example.org/{kind}s/{value}", "sourcedId": value, "type": kind}
        elif field.get("type") == "number":
            obj[name] = float(value)
        else:
            obj[name] = value
        if field.get("format") == "date-time":
            datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        elif field.get("format") == "date":
            datetime.date.fromisoformat(value)
    return obj


def main(folder: Path, schema_path: Path) -> None:
    document = json.loads(schema_path.read_text())
    schemas = document["components"]["schemas"]
    ids: dict[str, set[str]] = {}
    rows_of: dict[str, list[dict]] = {}
    for name, dtype_name in FILES.items():
        rows = list(csv.DictReader(open(folder / name, newline="", encoding="utf-8")))
        if not rows:
            raise SystemExit(f"{name}: no rows")
        validator = jsonschema.Draft7Validator(
            {"$ref": f"#/components/schemas/{dtype_name}", "components": document["components"]})
        for number, row in enumerate(rows, start=2):
            where = f"{name} line {number}"
            obj = row_object(row, schemas[dtype_name], schemas, where)
            errors = sorted(validator.iter_errors(obj), key=lambda e: list(e.path))
            if errors:
                raise SystemExit(f"{where}: {errors[0].message} at {list(errors[0].path)}")
        ids[name] = {row["sourcedId"] for row in rows}
        rows_of[name] = rows
    for row in rows_of["lineItems.csv"]:
        assert row["categorySourcedId"] in ids["categories.csv"], f"unknown category {row['categorySourcedId']}"
    for row in rows_of["results.csv"]:
        assert row["lineItemSourcedId"] in ids["lineItems.csv"], f"unknown line item {row['lineItemSourcedId']}"
    print(f"valid: {', '.join(f'{len(rows_of[n])} {n}' for n in FILES)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
