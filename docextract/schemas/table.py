"""The built-in ``table`` schema."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Table(BaseModel):
    """One table: header cells and body rows, all as text."""

    model_config = ConfigDict(extra="ignore")

    columns: list[str] = Field(default_factory=list, description="header cells, left to right")
    rows: list[list[str]] = Field(default_factory=list, description="body rows, each a list of cell texts")
    page: int | None = Field(None, description="1-based page the table starts on")


class Tables(BaseModel):
    """All tables of a document."""

    model_config = ConfigDict(extra="ignore")

    tables: list[Table] = Field(default_factory=list)
