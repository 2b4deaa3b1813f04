"""A catalog of known local vision models and the resolution of a model name to files on disk.

:func:`resolve_model` turns what a user typed (a path, a catalog name, a Hugging Face repo id or an
Ollama name) into ``(model_path, mmproj_path)``, looking, in order, at:

1. explicit paths;
2. the docextract models folder (``$DOCEXTRACT_HOME/models``, default ``~/.cache/docextract/models``);
3. the Hugging Face cache (``$HF_HUB_CACHE``, ``$HF_HOME/hub`` or ``~/.cache/huggingface/hub``);
4. Ollama's local store (``$OLLAMA_MODELS`` or ``~/.ollama/models``).

Nothing here loads a model or opens a socket; resolution only looks at file names.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from docextract.errors import ModelError, ModelNotFound

PROJECTOR_HINTS = ("mmproj", "projector", "clip")
"""A ``.gguf`` file whose name contains one of these is a vision projector, not a language model."""

OLLAMA_MODEL_MEDIA = "application/vnd.ollama.image.model"
OLLAMA_PROJECTOR_MEDIA = "application/vnd.ollama.image.projector"
OLLAMA_REGISTRY = "registry.ollama.ai"


@dataclass(frozen=True)
class Quant:
    """One downloadable quantization of a catalog model."""

    name: str  # "Q4_K_M", "q5_k", "F16"
    filename: str  # file name in the Hugging Face repo
    size_gb: float  # approximate size of the language-model file


@dataclass(frozen=True)
class CatalogEntry:
    """A known vision model: what runs it, how much memory it needs and where to download it.

    ``min_ram_gb`` / ``recommended_ram_gb`` are for the default quantization with a modest context;
    ``handler`` is the llama-cpp-python chat handler class and ``chat_format`` the matching
    ``llama_cpp.server --chat_format`` value (``None`` when llama-cpp-python has no dedicated handler:
    use llama-server or the generic ``mtmd`` handler).
    """

    name: str
    family: str
    params_b: float
    min_ram_gb: float
    recommended_ram_gb: float
    handler: str | None = None
    chat_format: str | None = None
    hf_repo: str | None = None
    quants: tuple[Quant, ...] = ()
    default_quant: str | None = None
    mmproj: str | None = None  # projector file name in ``hf_repo``
    mmproj_size_gb: float = 0.0
    tile_size: int = 448  # the square side the image encoder sees natively
    ollama: str | None = None  # the Ollama library name of the same weights, if there is one
    aliases: tuple[str, ...] = ()
    notes: str = ""
    rank: int = 50  # document-extraction quality preference for recommendations; lower is better

    @property
    def downloadable(self) -> bool:
        """True when the catalog knows the repo and file names to download."""
        return bool(self.hf_repo and self.quants and self.mmproj)

    def quant(self, name: str | None = None) -> Quant:
        """The quantization called ``name`` (case-insensitive) or the default one."""
        if not self.quants:
            raise ModelError(f"the catalog has no downloadable files for {self.name}")
        wanted = (name or self.default_quant or self.quants[0].name).lower()
        for q in self.quants:
            if q.name.lower() == wanted:
                return q
        known = ", ".join(q.name for q in self.quants)
        raise ModelNotFound(f"{self.name} has no quantization {name!r}; known: {known}")

    def ram_needed_gb(self, quant: str | None = None) -> float:
        """Approximate RAM to run ``quant``: weights + projector + ~1.5 GB for context and buffers."""
        q = self.quant(quant) if self.quants else None
        if q is None:
            return self.min_ram_gb
        return round(q.size_gb + self.mmproj_size_gb + 1.5, 1)

    def names(self) -> tuple[str, ...]:
        """Every name that selects this entry (lower case)."""
        extra = tuple(x for x in (self.hf_repo, self.ollama) if x)
        return tuple(dict.fromkeys(n.lower() for n in (self.name, *self.aliases, *extra)))


def _q(name: str, filename: str, size_gb: float) -> Quant:
    return Quant(name, filename, size_gb)


_LLAVA15 = ("ggml-model-q4_k.gguf", "ggml-model-q5_k.gguf", "ggml-model-f16.gguf")

CATALOG: tuple[CatalogEntry, ...] = (
    CatalogEntry(
        name="smolvlm-500m",
        family="smolvlm",
        params_b=0.5,
        min_ram_gb=1.0,
        recommended_ram_gb=2.0,
        handler=None,
        chat_format="mtmd",
        hf_repo="ggml-org/SmolVLM-500M-Instruct-GGUF",
        quants=(_q("Q8_0", "SmolVLM-500M-Instruct-Q8_0.gguf", 0.44),),
        default_quant="Q8_0",
        mmproj="mmproj-SmolVLM-500M-Instruct-Q8_0.gguf",
        mmproj_size_gb=0.11,
        tile_size=512,
        aliases=("smolvlm", "smolvlm-500m-instruct"),
        notes="tiny and fast; weak on dense documents; needs a recent llama.cpp (mtmd)",
        rank=90,
    ),
    CatalogEntry(
        name="moondream2",
        family="moondream",
        params_b=1.9,
        min_ram_gb=2.0,
        recommended_ram_gb=4.0,
        handler="MoondreamChatHandler",
        chat_format="moondream",
        hf_repo="vikhyatk/moondream2",
        quants=(_q("F16", "moondream2-text-model-f16.gguf", 2.8),),
        default_quant="F16",
        mmproj="moondream2-mmproj-f16.gguf",
        mmproj_size_gb=0.9,
        tile_size=378,
        ollama="moondream",
        aliases=("moondream", "moondream-2"),
        notes="small captioning/Q&A model; fine for screenshots, weak on long receipts",
        rank=70,
    ),
    CatalogEntry(
        name="qwen2.5-vl-3b",
        family="qwen2.5-vl",
        params_b=3.8,
        min_ram_gb=4.0,
        recommended_ram_gb=6.0,
        handler="Qwen25VLChatHandler",
        chat_format="qwen2.5-vl",
        hf_repo="ggml-org/Qwen2.5-VL-3B-Instruct-GGUF",
        quants=(
            _q("Q4_K_M", "Qwen2.5-VL-3B-Instruct-Q4_K_M.gguf", 1.93),
            _q("Q8_0", "Qwen2.5-VL-3B-Instruct-Q8_0.gguf", 3.29),
            _q("F16", "Qwen2.5-VL-3B-Instruct-f16.gguf", 6.18),
        ),
        default_quant="Q4_K_M",
        mmproj="mmproj-Qwen2.5-VL-3B-Instruct-f16.gguf",
        mmproj_size_gb=1.34,
        tile_size=448,
        ollama="qwen2.5vl:3b",
        aliases=("qwen2.5-vl-3b-instruct", "qwen25vl-3b"),
        notes="strong OCR and document understanding for its size",
        rank=20,
    ),
    CatalogEntry(
        name="gemma-3-4b",
        family="gemma3",
        params_b=4.3,
        min_ram_gb=4.0,
        recommended_ram_gb=6.0,
        handler=None,
        chat_format="mtmd",
        hf_repo="ggml-org/gemma-3-4b-it-GGUF",
        quants=(
            _q("Q4_K_M", "gemma-3-4b-it-Q4_K_M.gguf", 2.49),
            _q("Q8_0", "gemma-3-4b-it-Q8_0.gguf", 4.13),
            _q("F16", "gemma-3-4b-it-f16.gguf", 7.77),
        ),
        default_quant="Q4_K_M",
        mmproj="mmproj-model-f16.gguf",
        mmproj_size_gb=0.85,
        tile_size=896,
        ollama="gemma3:4b",
        aliases=("gemma3-4b", "gemma-3-4b-it"),
        notes="good general vision model; 896 px tiles",
        rank=30,
    ),
    CatalogEntry(
        name="llava-1.5-7b",
        family="llava",
        params_b=7.0,
        min_ram_gb=6.0,
        recommended_ram_gb=8.0,
        handler="Llava15ChatHandler",
        chat_format="llava-1-5",
        hf_repo="mys/ggml_llava-v1.5-7b",
        quants=(_q("q4_k", _LLAVA15[0], 4.08), _q("q5_k", _LLAVA15[1], 4.78), _q("f16", _LLAVA15[2], 13.5)),
        default_quant="q4_k",
        mmproj="mmproj-model-f16.gguf",
        mmproj_size_gb=0.62,
        tile_size=336,
        aliases=("llava-7b", "llava-v1.5-7b"),
        notes="the classic; 336 px encoder, so tile dense pages",
        rank=60,
    ),
    CatalogEntry(
        name="llava-1.5-13b",
        family="llava",
        params_b=13.0,
        min_ram_gb=10.0,
        recommended_ram_gb=16.0,
        handler="Llava15ChatHandler",
        chat_format="llava-1-5",
        hf_repo="mys/ggml_llava-v1.5-13b",
        quants=(_q("q4_k", _LLAVA15[0], 7.87), _q("q5_k", _LLAVA15[1], 9.21), _q("f16", _LLAVA15[2], 26.0)),
        default_quant="q4_k",
        mmproj="mmproj-model-f16.gguf",
        mmproj_size_gb=0.65,
        tile_size=336,
        aliases=("llava-13b", "llava-v1.5-13b"),
        rank=55,
    ),
    CatalogEntry(
        name="llava-1.6-mistral-7b",
        family="llava-next",
        params_b=7.2,
        min_ram_gb=6.0,
        recommended_ram_gb=10.0,
        handler="Llava16ChatHandler",
        chat_format="llava-1-6",
        hf_repo="cjpais/llava-1.6-mistral-7b-gguf",
        quants=(
            _q("Q4_K_M", "llava-v1.6-mistral-7b.Q4_K_M.gguf", 4.37),
            _q("Q5_K_M", "llava-v1.6-mistral-7b.Q5_K_M.gguf", 5.13),
            _q("Q8_0", "llava-v1.6-mistral-7b.Q8_0.gguf", 7.7),
        ),
        default_quant="Q4_K_M",
        mmproj="mmproj-model-f16.gguf",
        mmproj_size_gb=0.62,
        tile_size=336,
        aliases=("llava-next-7b", "llava-1.6-7b", "llava-v1.6-mistral-7b"),
        notes="any-resolution LLaVA (up to 672 px), uses more image tokens",
        rank=50,
    ),
    CatalogEntry(
        name="bakllava-1",
        family="llava",
        params_b=7.2,
        min_ram_gb=6.0,
        recommended_ram_gb=8.0,
        handler="Llava15ChatHandler",
        chat_format="llava-1-5",
        hf_repo="mys/ggml_bakllava-1",
        quants=(_q("q4_k", _LLAVA15[0], 4.37), _q("q5_k", _LLAVA15[1], 5.13)),
        default_quant="q4_k",
        mmproj="mmproj-model-f16.gguf",
        mmproj_size_gb=0.62,
        tile_size=336,
        ollama="bakllava",
        aliases=("bakllava",),
        notes="Mistral 7B base with the LLaVA 1.5 recipe",
        rank=65,
    ),
    CatalogEntry(
        name="minicpm-v-2.6",
        family="minicpm-v",
        params_b=8.1,
        min_ram_gb=6.0,
        recommended_ram_gb=10.0,
        handler="MiniCPMv26ChatHandler",
        chat_format="minicpm-v-2.6",
        hf_repo="openbmb/MiniCPM-V-2_6-gguf",
        quants=(
            _q("Q4_K_M", "ggml-model-Q4_K_M.gguf", 4.68),
            _q("Q4_0", "ggml-model-Q4_0.gguf", 4.43),
            _q("F16", "ggml-model-f16.gguf", 15.2),
        ),
        default_quant="Q4_K_M",
        mmproj="mmproj-model-f16.gguf",
        mmproj_size_gb=1.04,
        tile_size=448,
        ollama="minicpm-v",
        aliases=("minicpm-v", "minicpm-v2.6", "minicpm-v-2_6"),
        notes="very good OCR; slices large images itself",
        rank=15,
    ),
    CatalogEntry(
        name="qwen2.5-vl-7b",
        family="qwen2.5-vl",
        params_b=8.3,
        min_ram_gb=6.0,
        recommended_ram_gb=10.0,
        handler="Qwen25VLChatHandler",
        chat_format="qwen2.5-vl",
        hf_repo="ggml-org/Qwen2.5-VL-7B-Instruct-GGUF",
        quants=(
            _q("Q4_K_M", "Qwen2.5-VL-7B-Instruct-Q4_K_M.gguf", 4.68),
            _q("Q8_0", "Qwen2.5-VL-7B-Instruct-Q8_0.gguf", 8.1),
        ),
        default_quant="Q4_K_M",
        mmproj="mmproj-Qwen2.5-VL-7B-Instruct-f16.gguf",
        mmproj_size_gb=1.35,
        tile_size=448,
        ollama="qwen2.5vl:7b",
        aliases=("qwen2.5-vl-7b-instruct", "qwen25vl-7b"),
        notes="best document extraction in the catalog when RAM allows",
        rank=10,
    ),
)


# ---------------------------------------------------------------------------------------------
# catalog look-ups


def list_catalog() -> list[CatalogEntry]:
    """All catalog entries, smallest first."""
    return sorted(CATALOG, key=lambda e: (e.min_ram_gb, e.params_b, e.name))


def find_catalog(name: str) -> CatalogEntry | None:
    """The catalog entry for a name, alias, Hugging Face repo id or Ollama name (case-insensitive)."""
    key = name.strip().lower()
    for entry in CATALOG:
        if key in entry.names():
            return entry
    return None


def get_catalog(name: str) -> CatalogEntry:
    """Like :func:`find_catalog` but raises :class:`ModelError` listing the known names."""
    entry = find_catalog(name)
    if entry is None:
        known = ", ".join(e.name for e in list_catalog())
        raise ModelNotFound(f"unknown model {name!r}; known models: {known}")
    return entry


def recommend(
    ram_gb: float,
    *,
    vram_gb: float = 0.0,
    max_params_b: float | None = None,
    upgrade_quant: bool = True,
) -> tuple[CatalogEntry, Quant] | None:
    """The best downloadable model and quantization for a machine with ``max(ram_gb, vram_gb)`` GB.

    Models whose *recommended* RAM fits are preferred; failing that, models whose *minimum* fits.
    Within a tier the best-ranked model for documents wins. ``max_params_b`` leaves out bigger
    models (a CPU with few cores runs them too slowly). The default quantization is chosen and, with
    ``upgrade_quant``, upgraded to the largest one whose estimated need
    (:meth:`CatalogEntry.ram_needed_gb`) still fits. ``None`` when not even the smallest model fits.
    """
    budget = max(ram_gb, vram_gb)
    ranked = sorted(
        (e for e in CATALOG if e.downloadable and (max_params_b is None or e.params_b <= max_params_b)),
        key=lambda e: (e.rank, e.name),
    )
    for fits in (lambda e: e.recommended_ram_gb <= budget, lambda e: e.min_ram_gb <= budget):
        for entry in ranked:
            if fits(entry):
                return entry, _best_quant(entry, budget) if upgrade_quant else entry.quant()
    return None


def _best_quant(entry: CatalogEntry, budget: float) -> Quant:
    default = entry.quant()
    bigger = [q for q in entry.quants if q.size_gb > default.size_gb and entry.ram_needed_gb(q.name) <= budget]
    return max(bigger, key=lambda q: q.size_gb) if bigger else default


# ---------------------------------------------------------------------------------------------
# where models live


def docextract_home() -> Path:
    """``$DOCEXTRACT_HOME`` or ``~/.cache/docextract``."""
    env = os.environ.get("DOCEXTRACT_HOME")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "docextract"


def models_dir() -> Path:
    """The docextract models folder: ``$DOCEXTRACT_HOME/models``."""
    return docextract_home() / "models"


def hf_cache_dir() -> Path:
    """The Hugging Face hub cache: ``$HF_HUB_CACHE``, ``$HF_HOME/hub`` or ``~/.cache/huggingface/hub``."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    if os.environ.get("HUGGINGFACE_HUB_CACHE"):
        return Path(os.environ["HUGGINGFACE_HUB_CACHE"]).expanduser()
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]).expanduser() / "hub"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "huggingface" / "hub"


def ollama_models_dir() -> Path:
    """Ollama's model store: ``$OLLAMA_MODELS`` or ``~/.ollama/models``."""
    env = os.environ.get("OLLAMA_MODELS")
    return Path(env).expanduser() if env else Path.home() / ".ollama" / "models"


# ---------------------------------------------------------------------------------------------
# resolution


@dataclass
class ResolvedModel:
    """The result of :func:`find_model`: files plus where they were found."""

    model_path: Path
    mmproj_path: Path | None
    source: str  # "path", "docextract", "huggingface", "ollama"
    entry: CatalogEntry | None = None
    looked: list[str] = field(default_factory=list)


def is_projector(path: str | Path) -> bool:
    """True when a file name looks like a vision projector (``mmproj``, ``projector``, ``clip``)."""
    name = Path(path).name.lower()
    return any(hint in name for hint in PROJECTOR_HINTS)


def resolve_model(
    name_or_path: str | os.PathLike[str], mmproj: str | os.PathLike[str] | None = None
) -> tuple[Path, Path | None]:
    """Find the model file and its vision projector for a path or a model name.

    ``name_or_path`` is a ``.gguf`` path, a folder holding one, a catalog name (``qwen2.5-vl-3b``,
    optionally ``:QUANT``), a Hugging Face repo id (``org/name``, optionally ``:QUANT`` or
    ``:file.gguf``) or an Ollama name (``llava:13b``). ``mmproj`` overrides the projector.

    Returns ``(model_path, mmproj_path)``; ``mmproj_path`` is ``None`` only when no projector was
    found (text-only models, or Ollama models that bundle the projector in the model blob).

    Raises:
        ModelError: nothing matched; the message lists every place that was searched.
    """
    found = find_model(name_or_path, mmproj)
    return found.model_path, found.mmproj_path


def find_model(name_or_path: str | os.PathLike[str], mmproj: str | os.PathLike[str] | None = None) -> ResolvedModel:
    """Like :func:`resolve_model` but also says where the files were found and which entry matched."""
    explicit_mmproj = _explicit_mmproj(mmproj)
    query = os.fspath(name_or_path).strip()
    if not query:
        raise ModelError("no model given; pass a .gguf path or a model name (see `docextract models`)")
    looked: list[str] = []
    found = _search(query, looked)
    if found is None:
        raise ModelError(_not_found_message(query, looked))
    if explicit_mmproj is not None:
        found.mmproj_path = explicit_mmproj
    found.looked = looked
    return found


def _explicit_mmproj(mmproj: str | os.PathLike[str] | None) -> Path | None:
    if mmproj is None:
        return None
    path = Path(mmproj).expanduser()
    if not path.is_file():
        raise ModelError(f"projector file {path} does not exist; pass the mmproj .gguf that belongs to the model")
    return path


def _search(query: str, looked: list[str]) -> ResolvedModel | None:
    path = Path(query).expanduser()
    looks_like_path = path.suffix.lower() == ".gguf" or query.startswith((".", "~", os.sep))
    if looks_like_path or path.exists():
        looked.append(f"path {path}")
        hit = _from_path(path)
        if hit is not None or looks_like_path:
            return hit
    base, quant = _split_quant(query)
    entry = find_catalog(base) or find_catalog(query)
    if entry is not None and find_catalog(query) is entry:
        base, quant = query, None  # the whole query is a name (e.g. an Ollama "name:tag")
    for finder in (_from_docextract, _from_hf_cache, _from_ollama):
        hit = finder(query, base, quant, entry, looked)
        if hit is not None:
            hit.entry = hit.entry or entry
            return hit
    return None


def _split_quant(query: str) -> tuple[str, str | None]:
    """``name:Q4_K_M`` → (``name``, ``Q4_K_M``); a path-free query with no colon has no quant."""
    if ":" in query:
        base, _, suffix = query.rpartition(":")
        if base and suffix:
            return base, suffix
    return query, None


def _from_path(path: Path) -> ResolvedModel | None:
    if path.is_file():
        return ResolvedModel(path, _projector_beside(path), "path")
    if path.is_dir():
        model = _pick_model(path.glob("*.gguf"), None, None)
        if model is not None:
            return ResolvedModel(model, _projector_beside(model), "path")
    return None


def _projector_beside(model: Path) -> Path | None:
    """The projector in the same folder as ``model`` (a single one, or the best-named one)."""
    candidates = sorted(p for p in model.parent.glob("*.gguf") if p != model and is_projector(p))
    if not candidates:
        return None
    stem = _family_stem(model.name)
    for p in candidates:
        if stem and stem in p.name.lower():
            return p
    return candidates[0]


def _family_stem(filename: str) -> str:
    """``Qwen2.5-VL-3B-Instruct-Q4_K_M.gguf`` → ``qwen2.5-vl-3b-instruct`` (drops the quant)."""
    stem = filename.lower().removesuffix(".gguf")
    return re.sub(r"[-._](q\d\w*|f16|f32|bf16|iq\d\w*)$", "", stem)


def _pick_model(files: Iterable[Path], entry: CatalogEntry | None, quant: str | None) -> Path | None:
    """Choose the language-model file among ``files``: the requested quant, the catalog default,
    then any catalog quant, then the only / first non-projector ``.gguf``."""
    models = sorted(p for p in files if p.suffix.lower() == ".gguf" and not is_projector(p) and p.is_file())
    if not models:
        return None
    by_name = {p.name.lower(): p for p in models}
    if quant:
        if quant.lower() in by_name:
            return by_name[quant.lower()]
        if entry is not None:
            try:
                return by_name.get(entry.quant(quant).filename.lower())
            except ModelError:
                return None
        hits = [p for p in models if quant.lower() in p.name.lower()]
        return hits[0] if hits else None
    if entry is not None and entry.quants:
        order = [entry.quant(), *entry.quants]
        for q in order:
            if q.filename.lower() in by_name:
                return by_name[q.filename.lower()]
    for pref in ("q4_k_m", "q4_k", "q5_k_m", "q8_0"):
        hits = [p for p in models if pref in p.name.lower()]
        if hits:
            return hits[0]
    return models[0]


def _pick_projector(files: Iterable[Path], entry: CatalogEntry | None, model: Path) -> Path | None:
    projectors = sorted(p for p in files if p.suffix.lower() == ".gguf" and is_projector(p) and p.is_file())
    if entry is not None and entry.mmproj:
        for p in projectors:
            if p.name.lower() == entry.mmproj.lower():
                return p
    return _projector_beside(model) if projectors else None


def _from_docextract(
    query: str, base: str, quant: str | None, entry: CatalogEntry | None, looked: list[str]
) -> ResolvedModel | None:
    root = models_dir()
    looked.append(f"docextract models folder {root}")
    if not root.is_dir():
        return None
    names = [base, query, base.replace("/", "--")]
    if entry is not None:
        names.append(entry.name)
        if entry.hf_repo:
            names.append(entry.hf_repo.replace("/", "--"))
    for name in dict.fromkeys(names):
        folder = root / name
        if folder.is_dir():
            files = list(folder.rglob("*.gguf"))
            model = _pick_model(files, entry, quant)
            if model is not None:
                return ResolvedModel(model, _pick_projector(files, entry, model), "docextract")
        for candidate in (root / name, root / f"{name}.gguf"):
            if candidate.is_file() and candidate.suffix.lower() == ".gguf":
                return ResolvedModel(candidate, _projector_beside(candidate), "docextract")
    if entry is not None and entry.quants:
        files = list(root.glob("*.gguf"))
        model = _pick_model(files, entry, quant)
        if model is not None and model.name.lower() in {q.filename.lower() for q in entry.quants}:
            return ResolvedModel(model, _pick_projector(files, entry, model), "docextract")
    return None


def _hf_snapshot(repo_dir: Path) -> Path | None:
    """The snapshot ``refs/main`` points at, else the most recently modified one."""
    snapshots = repo_dir / "snapshots"
    if not snapshots.is_dir():
        return None
    ref = repo_dir / "refs" / "main"
    if ref.is_file():
        rev = ref.read_text(encoding="utf-8").strip()
        if (snapshots / rev).is_dir():
            return snapshots / rev
    revs = [p for p in snapshots.iterdir() if p.is_dir()]
    return max(revs, key=lambda p: p.stat().st_mtime) if revs else None


def _from_hf_cache(
    query: str, base: str, quant: str | None, entry: CatalogEntry | None, looked: list[str]
) -> ResolvedModel | None:
    root = hf_cache_dir()
    repos = [
        r
        for r in (base if "/" in base else None, query if "/" in query else None, entry.hf_repo if entry else None)
        if r
    ]
    if not repos:
        looked.append(f"Hugging Face cache {root} (no repo id for {query!r})")
        return None
    for repo in dict.fromkeys(repos):
        repo_dir = root / ("models--" + repo.replace("/", "--"))
        looked.append(f"Hugging Face cache {repo_dir}")
        snap = _hf_snapshot(repo_dir)
        if snap is None:
            continue
        files = list(snap.rglob("*.gguf"))
        model = _pick_model(files, entry, quant)
        if model is not None:
            return ResolvedModel(model, _pick_projector(files, entry, model), "huggingface")
    return None


def _ollama_manifest_path(root: Path, name: str) -> Path:
    """``llava:13b`` → ``manifests/registry.ollama.ai/library/llava/13b``."""
    ref, _, tag = name.partition(":") if ":" in name.split("/")[-1] else (name, "", "latest")
    parts = ref.split("/")
    if len(parts) == 1:
        parts = [OLLAMA_REGISTRY, "library", *parts]
    elif len(parts) == 2:
        parts = [OLLAMA_REGISTRY, *parts]
    return root / "manifests" / Path(*parts) / (tag or "latest")


def _ollama_blob(root: Path, digest: str) -> Path:
    return root / "blobs" / digest.replace(":", "-")


def _from_ollama(
    query: str, base: str, quant: str | None, entry: CatalogEntry | None, looked: list[str]
) -> ResolvedModel | None:
    root = ollama_models_dir()
    names = [query] + ([entry.ollama] if entry is not None and entry.ollama else [])
    for name in dict.fromkeys(names):
        if "/" in name and name.count("/") > 2:
            continue
        manifest = _ollama_manifest_path(root, name)
        looked.append(f"Ollama store {manifest}")
        if not manifest.is_file():
            continue
        try:
            layers = json.loads(manifest.read_text(encoding="utf-8")).get("layers", [])
        except (OSError, ValueError, AttributeError) as exc:
            raise ModelError(
                f"Ollama manifest {manifest} is unreadable ({exc}); run `ollama pull {name}` again"
            ) from None
        digests = {layer.get("mediaType"): layer.get("digest") for layer in layers if isinstance(layer, dict)}
        model_digest = digests.get(OLLAMA_MODEL_MEDIA)
        if not model_digest:
            continue
        model = _ollama_blob(root, model_digest)
        if not model.is_file():
            raise ModelError(
                f"Ollama manifest {manifest} names blob {model} which is missing; run `ollama pull {name}` again"
            )
        proj_digest = digests.get(OLLAMA_PROJECTOR_MEDIA)
        projector = _ollama_blob(root, proj_digest) if proj_digest else None
        if projector is not None and not projector.is_file():
            projector = None
        return ResolvedModel(model, projector, "ollama")
    return None


def _not_found_message(query: str, looked: list[str]) -> str:
    where = "; ".join(looked) if looked else "nowhere"
    hint = ""
    entry = find_catalog(_split_quant(query)[0]) or find_catalog(query)
    if entry is not None and entry.downloadable:
        hint = f" Download it with `docextract models pull {entry.name}`."
    elif entry is None:
        hint = " Pass a .gguf path, a Hugging Face repo id (org/name) or a catalog name (`docextract models`)."
    return f"model {query!r} not found; looked in: {where}.{hint}"


__all__ = [
    "CATALOG",
    "CatalogEntry",
    "Quant",
    "ResolvedModel",
    "docextract_home",
    "find_catalog",
    "find_model",
    "get_catalog",
    "hf_cache_dir",
    "is_projector",
    "list_catalog",
    "models_dir",
    "ollama_models_dir",
    "recommend",
    "resolve_model",
]
