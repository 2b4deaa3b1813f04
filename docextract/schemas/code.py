"""The built-in ``code`` schema."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Code(BaseModel):
    """Source code from a screenshot."""

    model_config = ConfigDict(extra="ignore")

    language: str | None = Field(None, description="programming language, lower case, e.g. python")
    code: str = Field("", description="the code, with its indentation and line breaks")
