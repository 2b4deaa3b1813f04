"""Pipeline overhead on the tiny vision model, and image encodes per page.

    python benchmarks/bench_pipeline.py [--image-size 336] [--repeat 3]

1. Overhead: ``docextract.extract()`` on a generated invoice page versus bare llama-cpp-python
   ``create_chat_completion`` calls on the very same tiles (same grammar, same settings), in the same
   run. The ratio is pipeline time / bare time; the goal is <= 1.05. The tiny model answers in tens
   of milliseconds, so this is the worst case: with a real 7B model each call takes seconds and the
   fixed costs (rasterizing, tiling, PNG-encoding the tiles, parsing, merging) shrink further.
2. Encodes: image encodes per tile, counted from the engine, for a normal run and for a run where
   every answer fails validation (a schema whose validator rejects everything), so that the re-ask
   path is exercised.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel, field_validator

from docextract import extract
from docextract.engines.llama.engine import LlamaEngine
from docextract.pipeline.prompts import extraction_prompt, tile_part
from docextract.pipeline.tiling import TileSpec, tile_page
from docextract.schemas import resolve_schema
from docextract.sources import open_document
from docextract.testing.documents import invoice_pdf
from docextract.testing.tiny_vlm import write_tiny_vlm


class Rejecting(BaseModel):
    """Valid JSON never passes: forces a re-ask on every tile."""

    total: float | None = None

    @field_validator("total")
    @classmethod
    def _never(cls, v: float | None) -> float | None:
        raise ValueError("rejected on purpose")


def bare_calls(engine: LlamaEngine, pdf: Path, dpi: float, max_tokens: int) -> tuple[float, int]:
    """Time plain create_chat_completion on the tiles the pipeline would make (tiles cut beforehand)."""
    spec = resolve_schema("invoice")
    with open_document(pdf) as doc:
        page = next(doc.pages(dpi=dpi))
        tiles = tile_page(page, TileSpec(engine.tile_size))
    grammar = engine._grammar_for(spec)
    llama = engine._llama
    start = time.perf_counter()
    for tile in tiles:
        from docextract.engines.llama.engine import _data_uri

        prompt = extraction_prompt(spec.name, spec.json_schema, part=tile_part(tile.index, len(tiles), 1, 1))
        content = [{"type": "image_url", "image_url": {"url": _data_uri(tile.image)}}, {"type": "text", "text": prompt}]
        llama.create_chat_completion(
            messages=[{"role": "user", "content": content}], grammar=grammar, max_tokens=max_tokens,
            temperature=0.0, seed=0, repeat_penalty=1.0,
        )
    return time.perf_counter() - start, len(tiles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--image-size", type=int, default=336)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dpi", type=float, default=100)
    parser.add_argument("--max-tokens", type=int, default=400)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    model, mmproj = write_tiny_vlm(tmp, image_size=args.image_size)
    pdf = tmp / "invoice.pdf"
    invoice_pdf(pdf)
    engine = LlamaEngine(model, mmproj, n_threads=1)
    engine.load()
    bare_calls(engine, pdf, args.dpi, args.max_tokens)  # warm-up
    pipe, bare = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        result = extract(pdf, "invoice", engine=engine, dpi=args.dpi, max_tokens=args.max_tokens)
        pipe.append(time.perf_counter() - t0)
        seconds, n_tiles = bare_calls(engine, pdf, args.dpi, args.max_tokens)
        bare.append(seconds)
    p, b = statistics.median(pipe), statistics.median(bare)
    print(f"tiny model {args.image_size}px, 1 thread, invoice page at {args.dpi:.0f} dpi: {n_tiles} tiles")
    print("| measure | value |\n|---|---|")
    print(f"| pipeline (median of {args.repeat}) | {p:.3f} s |")
    print(f"| bare llama-cpp-python calls, same tiles | {b:.3f} s |")
    print(f"| overhead ratio | {p / b:.3f} |")
    encodes = sum(t.image_encodes for t in result.tiles)
    print(f"| image encodes per page (normal) | {encodes} for {len(result.tiles)} tiles |")
    rejected = extract(pdf, resolve_schema(Rejecting), engine=engine, dpi=args.dpi, max_tokens=args.max_tokens, reasks=1)
    attempts = sum(t.attempts for t in rejected.tiles)
    encodes = sum(t.image_encodes for t in rejected.tiles)
    print(f"| image encodes per page (every tile re-asked) | {encodes} for {len(rejected.tiles)} tiles, {attempts} calls |")
    engine.close()


if __name__ == "__main__":
    main()
