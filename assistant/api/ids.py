"""Record ids in paths and bodies: positive and within a 64-bit database integer, so an absurd id
is a 422, not an overflow inside the database driver."""

from typing import Annotated

from fastapi import Path
from pydantic import Field

MAX_ID = 2**63 - 1

PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
BodyId = Annotated[int, Field(ge=1, le=MAX_ID)]
