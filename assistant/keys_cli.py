"""``assistant keys``: create, list and revoke API keys from the shell (the first staff and advisor
keys, before anyone holds an admin key)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from assistant.access.keys import create_key, list_keys, revoke_key
from assistant.config import get_settings
from assistant.storage.database import Database, DatabaseUnavailableError
from tools.errors import LocalizedError

keys_app = typer.Typer(help="API keys for staff, advisors, admins and manufacturers.", no_args_is_help=True)


def _db() -> Database:
    try:
        db = Database.from_settings(get_settings())
        db.upgrade()
    except DatabaseUnavailableError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(2) from err
    return db


@keys_app.command("create")
def create(
    name: Annotated[str, typer.Option(help="Who holds the key (shown in records)")],
    role: Annotated[str, typer.Option(help="staff, advisor, admin or manufacturer")],
    manufacturer_id: Annotated[int | None, typer.Option(help="For a manufacturer key: which manufacturer")] = None,
) -> None:
    """Print a new key once; only its hash is stored."""
    try:
        row, plain = create_key(_db(), name, role, manufacturer_id)
    except LocalizedError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(2) from err
    typer.echo(json.dumps({"id": row.id, "name": row.name, "role": row.role, "key": plain}, ensure_ascii=False))


@keys_app.command("list")
def list_command() -> None:
    for k in list_keys(_db()):
        state = "revoked" if k.revoked_at else "active"
        typer.echo(f"{k.id}\t{k.role}\t{k.prefix}…\t{state}\t{k.name}")


@keys_app.command("revoke")
def revoke(key_id: int) -> None:
    if not revoke_key(_db(), key_id):
        typer.echo(f"no active key {key_id}", err=True)
        raise typer.Exit(2)
    typer.echo(f"revoked {key_id}")
