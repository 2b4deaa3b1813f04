"""``docextract pull``: download a catalog model and its vision projector from the Hugging Face hub.

Downloads go through :func:`huggingface_hub.hf_hub_download` (resumable, size-checked, cached in the
standard Hugging Face cache that :func:`docextract.models.resolve_model` searches) and are then
verified against the hub's SHA-256 ETag when the hub gives one. ``HF_ENDPOINT`` (a mirror) is
honoured at call time; nothing is printed — progress goes to an optional callback.
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from docextract.catalog.models import CatalogEntry, Quant, find_catalog, hf_cache_dir
from docextract.errors import MissingDependency, ModelError, ModelNotFound

DEFAULT_ENDPOINT = "https://huggingface.co"

ProgressCallback = Callable[[str, int, "int | None"], None]
"""``progress(filename, bytes_done, bytes_total_or_None)``, called as chunks arrive."""

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class PullResult:
    """What :func:`pull` fetched and where it lies."""

    model_path: Path
    mmproj_path: Path | None
    repo: str
    model_file: str
    mmproj_file: str | None
    entry: CatalogEntry | None
    quant: str | None
    verified: tuple[str, ...]  # file names whose SHA-256 matched the hub's ETag


def plan(name: str, quant: str | None = None) -> tuple[str, str, str | None, CatalogEntry | None, Quant | None]:
    """``(repo, model_file, mmproj_file, entry, quant)`` for a catalog name (``qwen2.5-vl-3b``,
    ``qwen2.5-vl-3b:Q8_0``) or a catalog repo id. Raises :class:`ModelError` for unknown names."""
    base, _, suffix = name.partition(":")
    entry = find_catalog(name) or find_catalog(base)
    if entry is None:
        known = ", ".join(sorted(e.name for e in _downloadable()))
        raise ModelNotFound(
            f"unknown model {name!r}; `pull` knows: {known} (for another Hugging Face repo, pass "
            "repo='org/name', model_file='x.gguf' and mmproj_file='mmproj-x.gguf')"
        )
    if not entry.downloadable:
        raise ModelError(f"the catalog has no download files for {entry.name}; download it yourself and pass its path")
    if entry is find_catalog(name) and ":" in name and not find_catalog(base):
        suffix = ""  # the whole name was an Ollama-style alias such as qwen2.5vl:3b
    q = entry.quant(quant or suffix or None)
    assert entry.hf_repo is not None
    return entry.hf_repo, q.filename, entry.mmproj, entry, q


def pull(
    name: str | None = None,
    dest: str | os.PathLike[str] | None = None,
    endpoint: str | None = None,
    progress: ProgressCallback | None = None,
    *,
    quant: str | None = None,
    repo: str | None = None,
    model_file: str | None = None,
    mmproj_file: str | None = None,
    revision: str = "main",
    token: str | bool | None = None,
    verify: bool = True,
    preflight_timeout: float = 5.0,
) -> PullResult:
    """Download a model and its projector; return where they are.

    Args:
        name: a catalog name, optionally ``:QUANT`` (``qwen2.5-vl-3b:Q8_0``). Or leave it out and
            give ``repo`` + ``model_file`` (+ ``mmproj_file``) for any repo on the hub.
        dest: a folder to put plain copies in; by default files go into the Hugging Face cache
            (``$HF_HUB_CACHE`` …), where :func:`docextract.models.resolve_model` finds them by name.
        endpoint: the hub URL; default ``$HF_ENDPOINT`` or https://huggingface.co.
        progress: ``progress(filename, done_bytes, total_bytes)`` callback.
        verify: re-hash each file and compare with the hub's SHA-256 ETag (LFS files).

    Raises:
        ModelError: unknown model, repo or file; offline with nothing cached; checksum mismatch.
        MissingDependency: ``huggingface_hub`` is not installed.
    """
    entry: CatalogEntry | None = None
    q: Quant | None = None
    if name is not None:  # an unknown name is a usage error whatever is installed
        repo, model_file, planned_mmproj, entry, q = plan(name, quant)
        mmproj_file = mmproj_file or planned_mmproj
    try:
        import huggingface_hub  # noqa: F401
    except ImportError:
        raise MissingDependency("`pull` needs huggingface_hub: pip install 'docextract[hub]'") from None
    if not repo or not model_file:
        raise ModelError("pull needs a catalog model name, or repo= and model_file=")
    endpoint = (endpoint or os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT).rstrip("/")
    files = [f for f in (model_file, mmproj_file) if f]
    target = _Target(Path(dest).expanduser() if dest is not None else None)

    if not _reachable(endpoint, preflight_timeout):
        cached = [_cached(repo, f, revision, target) for f in files]
        if all(cached):
            paths = [p for p in cached if p is not None]
            return _result(paths, repo, files, entry, q, verified=())
        raise ModelError(
            f"cannot reach {endpoint} to download {repo} and it is not in {target.describe()}; "
            "check the network (or set HF_ENDPOINT to a mirror) and run pull again"
        )

    paths: list[Path] = []
    verified: list[str] = []
    for filename in files:
        path = _download(repo, filename, revision, endpoint, token, target, progress)
        if verify and _verify(path, filename, target, repo):
            verified.append(filename)
        paths.append(path)
    return _result(paths, repo, files, entry, q, verified=tuple(verified))


# ---------------------------------------------------------------------------------------------
# internals


@dataclass(frozen=True)
class _Target:
    local_dir: Path | None

    @property
    def cache_dir(self) -> Path:
        return hf_cache_dir()

    def describe(self) -> str:
        return str(self.local_dir) if self.local_dir is not None else f"the Hugging Face cache {self.cache_dir}"

    def kwargs(self) -> dict[str, Any]:
        if self.local_dir is not None:
            return {"local_dir": str(self.local_dir)}
        return {"cache_dir": str(self.cache_dir)}


def _downloadable() -> list[CatalogEntry]:
    from docextract.catalog.models import CATALOG

    return [e for e in CATALOG if e.downloadable]


def _result(
    paths: list[Path],
    repo: str,
    files: list[str],
    entry: CatalogEntry | None,
    q: Quant | None,
    *,
    verified: tuple[str, ...],
) -> PullResult:
    return PullResult(
        model_path=paths[0],
        mmproj_path=paths[1] if len(paths) > 1 else None,
        repo=repo,
        model_file=files[0],
        mmproj_file=files[1] if len(files) > 1 else None,
        entry=entry,
        quant=q.name if q is not None else None,
        verified=verified,
    )


def _reachable(endpoint: str, timeout: float) -> bool:
    """A quick TCP connect to the hub, so that being offline fails in seconds instead of after the
    library's retries. Skipped (assumed reachable) when a proxy is configured."""
    if any(
        os.environ.get(v) for v in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")
    ):
        return True
    if os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on"):
        return False
    parts = urlsplit(endpoint)
    host = parts.hostname
    if not host:
        raise ModelError(f"hub endpoint {endpoint!r} is not a URL")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _cached(repo: str, filename: str, revision: str, target: _Target) -> Path | None:
    from huggingface_hub import hf_hub_download

    try:
        return Path(hf_hub_download(repo, filename, revision=revision, local_files_only=True, **target.kwargs()))
    except Exception:  # any miss: not cached, partial, unreadable
        return None


def _download(
    repo: str,
    filename: str,
    revision: str,
    endpoint: str,
    token: str | bool | None,
    target: _Target,
    progress: ProgressCallback | None,
) -> Path:
    from huggingface_hub import hf_hub_download

    try:
        path = hf_hub_download(
            repo,
            filename,
            revision=revision,
            endpoint=endpoint,
            token=token,
            tqdm_class=_progress_class(filename, progress),
            **target.kwargs(),
        )
    except Exception as exc:
        raise _download_error(exc, repo, filename, endpoint, target) from None
    return Path(path)


def _download_error(exc: Exception, repo: str, filename: str, endpoint: str, target: _Target) -> ModelError:
    from huggingface_hub import errors

    kind = type(exc).__name__
    where = f"{endpoint}/{repo}"
    if isinstance(exc, getattr(errors, "GatedRepoError", ())):
        return ModelError(
            f"{where} is gated: accept its licence on the hub and log in (`hf auth login`), then pull again"
        )
    if isinstance(exc, getattr(errors, "RepositoryNotFoundError", ())):
        return ModelError(f"repository {repo} not found at {endpoint} (private repos need a token)")
    if isinstance(exc, getattr(errors, "RevisionNotFoundError", ())):
        return ModelError(f"{where} has no revision named in the request")
    local_miss = getattr(errors, "LocalEntryNotFoundError", ())
    remote_miss = getattr(errors, "RemoteEntryNotFoundError", None) or getattr(errors, "EntryNotFoundError", ())
    if isinstance(exc, local_miss):
        return ModelError(
            f"cannot download {filename} from {where} (offline or the hub is down) and it is not in {target.describe()}"
        )
    if isinstance(exc, remote_miss):
        return ModelError(
            f"{where} has no file {filename}; the catalog may be out of date — pass model_file= explicitly"
        )
    if isinstance(exc, getattr(errors, "HfHubHTTPError", ())):
        status = getattr(getattr(exc, "response", None), "status_code", "?")
        return ModelError(f"downloading {filename} from {where} failed (HTTP {status}): {_first_line(exc)}")
    if isinstance(exc, OSError):
        return ModelError(f"downloading {filename} from {where} failed: {_first_line(exc)}")
    return ModelError(f"downloading {filename} from {where} failed: {kind}: {_first_line(exc)}")


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _progress_class(filename: str, callback: ProgressCallback | None) -> type:
    """A silent tqdm class that forwards byte counts to ``callback`` (the library never draws bars)."""
    from tqdm.auto import tqdm

    class _Progress(tqdm):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self._dx_done = int(kwargs.get("initial") or 0)
            self._dx_total = kwargs.get("total")
            kwargs["disable"] = True
            super().__init__(*args, **kwargs)
            if callback is not None:
                callback(filename, self._dx_done, self._dx_total)

        def update(self, n: float | None = 1) -> bool | None:
            self._dx_done += int(n or 0)
            if callback is not None:
                callback(filename, self._dx_done, self._dx_total)
            return super().update(n)

    return _Progress


def _expected_sha256(path: Path, filename: str, target: _Target) -> str | None:
    """The hub's ETag for the file when it is a SHA-256 (LFS files); ``None`` otherwise."""
    etag: str | None = None
    if target.local_dir is None:
        etag = path.resolve().name  # the cache stores blobs under their ETag
    else:
        try:
            from huggingface_hub._local_folder import read_download_metadata

            meta = read_download_metadata(target.local_dir, filename)
            etag = meta.etag if meta is not None else None
        except Exception:  # private API moved: skip verification rather than fail the pull
            etag = None
    etag = (etag or "").strip('"').lower()
    return etag if _SHA256.match(etag) else None


def _verify(path: Path, filename: str, target: _Target, repo: str) -> bool:
    """True when the file's SHA-256 equals the hub's; raises (and removes the file) on a mismatch."""
    expected = _expected_sha256(path, filename, target)
    if expected is None:
        return False
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    if digest.hexdigest() == expected:
        return True
    real = path.resolve()
    for p in {path, real}:
        try:
            p.unlink()
        except OSError:
            pass
    raise ModelError(
        f"{filename} from {repo} is corrupt (SHA-256 differs from the hub's); it was removed — run pull again"
    )


__all__ = ["DEFAULT_ENDPOINT", "ProgressCallback", "PullResult", "plan", "pull"]
