"""Metadata of GGUF model and mmproj files, read with the ``gguf`` package (no llama.cpp needed).

Used to pick a chat handler, to size the context from the image encoder's token count and to
refuse an mmproj that does not fit its text model before llama.cpp fails with a vaguer message.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docextract.errors import MissingDependency, ModelError

# Where each projector type writes its output (= text embedding) size: (tensor, ggml dim index).
# Mirrors clip_n_mmproj_embd() in llama.cpp's tools/mtmd/clip.cpp for the common families.
_PROJECTOR_OUTPUT: dict[str, tuple[tuple[str, int], ...]] = {
    "mlp": (("mm.3.bias", 0), ("mm.2.weight", 1), ("mm.0.weight", 1)),
    "ldp": (("mm.model.mb_block.1.block.2.1.bias", 0),),
    "ldpv2": (("mm.model.peg.0.bias", 0),),
    "resampler": (("resampler.proj.weight", 0),),
    "qwen2vl_merger": (("mm.2.bias", 0),),
    "qwen2.5vl_merger": (("mm.2.bias", 0),),
    "qwen2.5o": (("mm.2.bias", 0),),
    "gemma3": (("mm.input_projection.weight", 0),),
    "idefics3": (("mm.model.fc.weight", 1),),
}


@dataclass(frozen=True)
class GGUFInfo:
    """What docextract needs to know about one GGUF file.

    ``kind`` is ``"mmproj"`` for a vision projector (``general.architecture == "clip"``) and
    ``"model"`` otherwise. Sizes are ``None`` when the file does not say.
    """

    path: Path
    kind: str
    architecture: str
    name: str | None = None
    # text model
    hidden_size: int | None = None  # <arch>.embedding_length
    context_length: int | None = None  # <arch>.context_length (training context)
    has_chat_template: bool = False
    # mmproj
    projector_type: str | None = None
    image_size: int | None = None  # clip.vision.image_size: the encoder's native square side
    patch_size: int | None = None
    projection_dim: int | None = None  # what the projector outputs (must equal the model's hidden size)
    merge: int = 1  # spatial merge / scale factor (tokens shrink by merge²)
    query_num: int | None = None  # fixed token count (MiniCPM-V resampler)
    grid_pinpoints: tuple[int, ...] = field(default=(), repr=False)  # LLaVA-1.6 "anyres" sizes

    @property
    def image_tokens(self) -> int | None:
        """Tokens one ``image_size`` square costs in the prompt (an estimate for dynamic encoders).

        LLaVA-1.5 at 336 px / patch 14 → 576; at 448 px → 1024. "anyres" encoders (LLaVA-1.6) add
        one native-size view per grid cell, so the worst case is counted.
        """
        if self.kind != "mmproj" or not self.image_size or not self.patch_size:
            return None
        if self.query_num:
            per_view = self.query_num
        else:
            side = self.image_size // self.patch_size
            ptype = self.projector_type or ""
            if ptype.startswith(("qwen2", "qwen3")):
                per_view = math.ceil(side / 2) ** 2  # 2×2 patch merger
            elif ptype in ("ldp", "ldpv2", "adapter"):
                per_view = side * side // 4
            else:
                per_view = side * side // (self.merge * self.merge)
        return per_view * (1 + self._max_grid_cells())

    def _max_grid_cells(self) -> int:
        if not self.grid_pinpoints or not self.image_size:
            return 0
        pairs = zip(self.grid_pinpoints[::2], self.grid_pinpoints[1::2], strict=False)
        return max((w // self.image_size) * (h // self.image_size) for w, h in pairs)


def read_gguf_info(path: str | Path) -> GGUFInfo:
    """Read a GGUF file's metadata; :class:`ModelError` if it is missing, not GGUF or corrupt."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise ModelError(f"model file {path} does not exist; check the path (or DOCEXTRACT_MODEL / DOCEXTRACT_MMPROJ)")
    with path.open("rb") as fh:
        magic = fh.read(4)
    if magic != b"GGUF":
        raise ModelError(f"{path} is not a GGUF file (it starts with {magic!r}); pass a .gguf model or mmproj")
    reader = _open_reader(path)
    fields = {name: _field_value(f) for name, f in reader.fields.items() if not name.startswith("tokenizer.ggml.")}
    fields["tokenizer.chat_template.present"] = "tokenizer.chat_template" in reader.fields
    tensors = {t.name: tuple(int(x) for x in t.shape) for t in reader.tensors}
    arch = str(fields.get("general.architecture") or "")
    if not arch:
        raise ModelError(f"{path} has no general.architecture key; the GGUF file is incomplete or corrupt")
    if arch == "clip":
        return _mmproj_info(path, fields, tensors)
    return GGUFInfo(
        path=path,
        kind="model",
        architecture=arch,
        name=_opt_str(fields.get("general.name")),
        hidden_size=_opt_int(fields.get(f"{arch}.embedding_length")),
        context_length=_opt_int(fields.get(f"{arch}.context_length")),
        has_chat_template=bool(fields["tokenizer.chat_template.present"]),
    )


def check_pair(model: GGUFInfo, mmproj: GGUFInfo) -> None:
    """Raise :class:`ModelError` when ``mmproj`` cannot feed ``model``."""
    if model.kind != "model":
        raise ModelError(f"{model.path} is a vision projector (mmproj), not a text model; swap the two paths")
    if mmproj.kind != "mmproj":
        raise ModelError(f"{mmproj.path} is a {mmproj.architecture} text model, not a vision projector (mmproj)")
    if mmproj.projection_dim and model.hidden_size and mmproj.projection_dim != model.hidden_size:
        raise ModelError(
            f"mmproj {mmproj.path} does not fit model {model.path}: projector outputs "
            f"{mmproj.projection_dim}, model expects {model.hidden_size}; use the mmproj released with this model"
        )


def _open_reader(path: Path) -> Any:
    try:
        from gguf import GGUFReader
    except ImportError as exc:  # pragma: no cover - gguf is a core dependency
        raise MissingDependency(
            f"reading GGUF metadata needs the gguf package ({exc}); install it with: pip install gguf"
        ) from None
    try:
        return GGUFReader(path, "r")
    except (ValueError, IndexError, KeyError, OSError, OverflowError, TypeError) as exc:
        # gguf raises ValueError for bad headers and IndexError/ValueError when the file is cut short.
        raise ModelError(
            f"{path} is a corrupt or truncated GGUF file ({type(exc).__name__}: {exc}); download it again"
        ) from None


def _mmproj_info(path: Path, fields: dict[str, Any], tensors: dict[str, tuple[int, ...]]) -> GGUFInfo:
    if fields.get("clip.has_vision_encoder") is False:
        raise ModelError(f"{path} has no vision encoder (audio-only mmproj); use an mmproj made for images")
    ptype = _opt_str(fields.get("clip.projector_type")) or _opt_str(fields.get("clip.vision.projector_type"))
    merge = _opt_int(fields.get("clip.vision.projector.scale_factor")) or _opt_int(
        fields.get("clip.vision.spatial_merge_size")
    )
    pinpoints = fields.get("clip.vision.image_grid_pinpoints") or ()
    return GGUFInfo(
        path=path,
        kind="mmproj",
        architecture="clip",
        name=_opt_str(fields.get("general.name")),
        projector_type=ptype,
        image_size=_opt_int(fields.get("clip.vision.image_size")),
        patch_size=_opt_int(fields.get("clip.vision.patch_size")),
        projection_dim=_projector_output(ptype, tensors) or _opt_int(fields.get("clip.vision.projection_dim")),
        merge=merge or 1,
        query_num=_opt_int(fields.get("clip.minicpmv_query_num")),
        grid_pinpoints=tuple(int(x) for x in pinpoints) if isinstance(pinpoints, (list, tuple)) else (),
    )


def _projector_output(ptype: str | None, tensors: dict[str, tuple[int, ...]]) -> int | None:
    # The clip.vision.projection_dim key is unreliable (LLaVA converters write CLIP's own 768
    # there), so read the size off the projector's last tensor like llama.cpp does.
    for name, dim in _PROJECTOR_OUTPUT.get(ptype or "", ()):
        shape = tensors.get(name)
        if shape is not None and len(shape) > dim:
            return shape[dim]
    return None


def _field_value(f: Any) -> Any:
    """A ReaderField's value as a Python scalar, str or list (works on gguf 0.10 and later)."""
    from gguf import GGUFValueType

    if not f.types:
        return None
    main = f.types[0]

    def to_str(part: Any) -> str:
        return bytes(part).decode("utf-8", errors="replace")

    if main == GGUFValueType.ARRAY:
        if f.types[-1] == GGUFValueType.STRING:
            return [to_str(f.parts[i]) for i in f.data]
        return [v for i in f.data for v in f.parts[i].tolist()]
    if main == GGUFValueType.STRING:
        return to_str(f.parts[-1])
    return f.parts[-1].tolist()[0]


def _opt_int(v: Any) -> int | None:
    return int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _opt_str(v: Any) -> str | None:
    return v if isinstance(v, str) and v else None


__all__ = ["GGUFInfo", "check_pair", "read_gguf_info"]
