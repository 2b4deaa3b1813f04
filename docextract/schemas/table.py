"""Built-in ``table`` and ``code`` schemas."""

from __future__ import annotations

from typing import ClassVar

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
    docextract_merge: ClassVar[str] = "tables"

    tables: list[Table] = Field(default_factory=list)


class Code(BaseModel):
    """Source code from a screenshot."""

    model_config = ConfigDict(extra="ignore")
    docextract_merge: ClassVar[str] = "code"

    language: str | None = Field(None, description="programming language, lower case, e.g. python")
    code: str = Field("", description="the code, with its indentation and line breaks")
