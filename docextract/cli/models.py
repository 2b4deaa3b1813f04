"""``docextract models`` (the catalog), ``docextract models pull NAME`` and ``docextract doctor``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape
from rich.table import Table

from docextract.cli.common import err_console, handle_errors, setup_logging, write_text
from docextract.cli.options import JsonOpt

models_app = typer.Typer(
    help="Known local vision models: list them (default), download one with `models pull NAME`.",
    invoke_without_command=True,
    no_args_is_help=False,
)


# --- models (list) -------------------------------------------------------------------------------


def catalog_rows() -> list[dict[str, Any]]:
    """The catalog as JSON-ready dicts, smallest model first."""
    from docextract.catalog.models import list_catalog

    rows = []
    for e in list_catalog():
        rows.append(
            {
                "name": e.name,
                "family": e.family,
                "params_b": e.params_b,
                "handler": e.handler,
                "chat_format": e.chat_format,
                "quants": [
                    {"name": q.name, "file": q.filename, "size_gb": q.size_gb, "default": q.name == (e.default_quant or e.quants[0].name)}
                    for q in e.quants
                ],
                "mmproj": e.mmproj,
                "mmproj_size_gb": e.mmproj_size_gb,
                "min_ram_gb": e.min_ram_gb,
                "recommended_ram_gb": e.recommended_ram_gb,
                "tile_size": e.tile_size,
                "hf_repo": e.hf_repo,
                "ollama": e.ollama,
                "downloadable": e.downloadable,
                "aliases": list(e.aliases),
                "notes": e.notes,
            }
        )
    return rows


def _catalog_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title="Known vision models", title_justify="left", show_lines=False)
    for name, style in (("name", "bold"), ("family", ""), ("handler", ""), ("quantizations (GB)", ""),
                        ("RAM min / rec. (GB)", ""), ("source", "")):
        table.add_column(name, style=style or None, overflow="fold")
    for r in rows:
        quants = ", ".join(f"{q['name']}{'*' if q['default'] else ''} {q['size_gb']:g}" for q in r["quants"]) or "-"
        sources = [s for s in (f"hf:{r['hf_repo']}" if r["hf_repo"] else "", f"ollama:{r['ollama']}" if r["ollama"] else "") if s]
        table.add_row(
            escape(r["name"]),
            escape(r["family"]),
            escape(r["handler"] or r["chat_format"] or "mtmd"),
            escape(quants),
            f"{r['min_ram_gb']:g} / {r['recommended_ram_gb']:g}",
            escape(" ".join(sources) or "-"),
        )
    return table


@models_app.callback()
def models_command(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List the known vision models: family, chat handler, quantizations, RAM and where to get them."""
    if ctx.invoked_subcommand is not None:
        return
    rows = catalog_rows()
    with handle_errors():
        if as_json:
            write_text(json.dumps(rows, indent=2), None)
            return
        from rich.console import Console

        console = Console()
        if not console.is_terminal:
            console = Console(width=200)  # a pipe or file: one line per model
        console.print(_catalog_table(rows))
    err_console.print("* default quantization. Download one with: docextract models pull NAME[:QUANT]", highlight=False)


# --- models pull ---------------------------------------------------------------------------------


@models_app.command("pull")
def pull_command(
    name: Annotated[str, typer.Argument(help="A catalog name, optionally with :QUANT (qwen2.5-vl-3b:Q8_0).")],
    quant: Annotated[Optional[str], typer.Option("--quant", help="Quantization (default: the catalog's).")] = None,
    dest: Annotated[Optional[Path], typer.Option("--dir", help="Put plain copies here instead of the Hugging Face cache.")] = None,
    as_json: JsonOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="-vv: tracebacks.")] = 0,
) -> None:
    """Download a model and its vision projector (progress on stderr); print the file paths."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn

    from docextract.catalog.hub import pull

    setup_logging(verbose, quiet)
    bar = Progress(
        TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn(),
        console=err_console, transient=False, disable=quiet,
    )
    tasks: dict[str, Any] = {}

    def progress(filename: str, done: int, total: int | None) -> None:
        if filename not in tasks:
            tasks[filename] = bar.add_task(escape(filename), total=total)
        bar.update(tasks[filename], completed=done, total=total)

    with handle_errors(verbose):
        with bar:
            result = pull(name, dest, progress=progress, quant=quant)
    paths = {"model": str(result.model_path), "mmproj": str(result.mmproj_path) if result.mmproj_path else None}
    if as_json:
        write_text(json.dumps({**paths, "repo": result.repo, "quant": result.quant, "verified": list(result.verified)}, indent=2), None)
    else:
        write_text("\n".join(p for p in paths.values() if p), None)
    if not quiet:
        use = f"--model {result.model_path}" + (f" --mmproj {result.mmproj_path}" if result.mmproj_path else "")
        err_console.print(f"use it with: docextract describe IMAGE {escape(use)}", highlight=False, soft_wrap=True)


# --- doctor --------------------------------------------------------------------------------------


def doctor_command(as_json: JsonOpt = False) -> None:
    """What this machine can run: CPU features, RAM, GPUs, the llama.cpp build, a model that fits, and known traps."""
    from docextract.catalog.doctor import diagnose

    report = diagnose()
    if as_json:
        write_text(json.dumps(report, indent=2, default=str), None)
        return
    write_text(format_report(report), None)
    for w in report.get("warnings", []):
        err_console.print(f"[yellow]warning[/] ({escape(w['code'])}): {escape(w['message'])}", highlight=False)


def format_report(report: dict[str, Any]) -> str:
    """The doctor report as readable lines (the warnings are printed separately, on stderr)."""
    cpu, mem, llama, threads = report["cpu"], report["memory"], report["llama"], report["threads"]
    features = [k.upper() for k, on in cpu.get("features", {}).items() if on]
    lines = [
        f"CPU:      {cpu.get('model') or 'unknown'} ({cpu['usable_cores']} of {cpu['logical_cores']} cores usable)",
        f"          {' '.join(features) or 'no feature flags readable'}",
        f"RAM:      {_gb(mem.get('total_gb'))} total, {_gb(mem.get('available_gb'))} available",
    ]
    gpus = report.get("gpus") or []
    lines += [f"GPU:      {g['name']} ({_gb(g.get('memory_total_gb'))})" for g in gpus] or ["GPU:      none found"]
    if llama.get("installed"):
        built = [k for k, v in llama.get("features", {}).items() if v not in ("0", "")]
        lines.append(f"llama.cpp: llama-cpp-python {llama.get('version') or '?'}; built with {' '.join(built) or '?'}")
        lines.append(f"          GPU offload: {'yes' if llama.get('gpu_offload') else 'no'}")
    else:
        lines.append("llama.cpp: not installed (pip install 'docextract[llama]')")
    lines.append(f"threads:  {threads['free_cores']} cores free now; suggested n_threads {threads['suggested_n_threads']}")
    if threads.get("env"):
        lines.append("          " + " ".join(f"{k}={v}" for k, v in threads["env"].items()))
    rec = report.get("recommendation")
    if rec:
        lines.append(f"model:    {rec['model']} {rec['quant']} (needs about {rec['ram_needed_gb']:g} GB): {rec['reason']}")
        lines.append(f"          get it: docextract models pull {rec['model']}:{rec['quant']}")
    else:
        lines.append("model:    no catalog model fits this machine; use the offline reader or a server (--base-url)")
    if not report.get("warnings"):
        lines.append("no problems found")
    return "\n".join(lines)


def _gb(value: float | None) -> str:
    return f"{value:g} GB" if value is not None else "unknown"


__all__ = ["catalog_rows", "doctor_command", "format_report", "models_app", "pull_command"]
