"""A batch's results file as pandas DataFrames: ``docextract.read_results("out.jsonl")``."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from docextract.errors import ExportError, InputError
from docextract.output.export import sheet_dataframe, sheets

if TYPE_CHECKING:
    import pandas as pd

    from docextract.schemas import SchemaSpec


class Results(NamedTuple):
    """A batch's results as DataFrames: one row per document, one per line item (the columns of
    the ``documents`` and ``items`` sheets, see :mod:`docextract.output.export`)."""

    documents: pd.DataFrame
    items: pd.DataFrame


def read_results(path: str | os.PathLike[str], spec: SchemaSpec | None = None, *, corrections: bool = True) -> Results:
    """A batch's JSONL file as DataFrames ``(documents, items)``, typed (numbers, dates, booleans).

        >>> documents, items = docextract.read_results("receipts.jsonl")
        >>> documents[documents.needs_review][["source", "total", "issues"]]

    The latest record of each document counts (see :func:`docextract.batch.read_results`), with a
    review's corrections applied where ``docextract review`` saved some (as ``docextract export``
    writes them; ``corrections=False``: as read). ``spec`` is the kit to read a user schema's
    records with.
    """
    from docextract.batch import RESULTS_SUFFIXES, no_results
    from docextract.batch import read_results as read_records

    if not isinstance(path, (str, os.PathLike)):
        raise ExportError(f"read_results takes the path of the JSONL file a batch wrote, not {type(path).__name__}")
    if not Path(path).is_file():
        raise ExportError(f"{os.fspath(path)} does not exist or is not a file; pass the JSONL file a batch wrote")
    if not os.fsdecode(path).lower().endswith(RESULTS_SUFFIXES):
        raise ExportError(no_results(path))
    from docextract.review.store import ReviewStore, corrections_path

    results: Iterable[Any]
    if corrections and corrections_path(path).is_file():  # the store reads the results with them
        try:
            results = ReviewStore(path).results_for_export()
        except InputError as exc:  # it holds no results
            raise ExportError(str(exc)) from None
    else:
        records = read_records(path)
        if not records and Path(path).stat().st_size:
            raise ExportError(no_results(path))
        results = records.values()
    documents, items = sheets(results, spec)
    return Results(sheet_dataframe(documents), sheet_dataframe(items))
