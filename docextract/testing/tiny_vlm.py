"""A tiny LLaVA-style vision-language model with random weights, for tests and demos.

``python -m docextract.testing.tiny_vlm OUTDIR [--image-size N] [--projector P]`` writes
``OUTDIR/model.gguf`` (a 2-layer llama text model with a byte + ASCII SentencePiece-style
vocabulary) and ``OUTDIR/mmproj.gguf`` (a 2-layer vision encoder with projector family ``P``, one
of :data:`PROJECTORS`). Both load in llama-cpp-python in well under a second and exercise the real
multimodal code path: libmtmd encodes the image, the text model attends to it and decodes under a
grammar.

Projector families:

* ``mlp`` (default): a CLIP encoder (class embedding, pre-norm) with LLaVA-1.5's 2-layer MLP
  projector — ``(image_size / patch_size)²`` image tokens.
* ``gemma3``: a SigLIP-style encoder (no class embedding, post-norm) with Gemma 3's projector:
  4×4 average pooling of the patch grid (``clip.vision.projector.scale_factor``), an RMS norm
  (``mm.soft_emb_norm``) and a bias-free linear map (``mm.input_projection``) —
  ``(image_size / patch_size / 4)²`` image tokens. The text model is the same llama model (the
  projector, not the text architecture, decides how libmtmd encodes and wraps the image).

The model knows nothing, but its output layer is given fixed preferences (a logit bias through a
constant hidden dimension) so that tests are meaningful and terminate:

* raw control characters are its favourite tokens — a grammar that admits them inside JSON
  strings *will* produce them (that is what the safe string rule in :mod:`docextract.engines.llama.grammar`
  prevents);
* next come end-of-text and ``"`` (so strings close and greedy decoding ends once the grammar
  allows it), then digits (so numbers run to whatever bound the grammar sets), then ``}``/``]``.

Everything else is random but deterministic for a given ``seed``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

MODEL_NAME = "model.gguf"
MMPROJ_NAME = "mmproj.gguf"
PROJECTORS = ("mlp", "gemma3")
"""Projector families :func:`write_tiny_vlm` can write (``clip.projector_type`` values)."""
GEMMA3_POOL = 4  # Gemma 3's average-pooling kernel (llama.cpp's default n_merge for gemma3)

# Logit bias per token class (see the module docstring). The random part of a logit has a standard
# deviation of about 0.5, so these margins decide every choice the grammar leaves open to them.
BIAS_CONTROL = 6.0
BIAS_EOS = 5.5
BIAS_QUOTE = 5.0
BIAS_DIGIT = 3.5
BIAS_CLOSE = 2.5
BIAS_DIM_VALUE = 3.0  # the constant hidden dimension 0 carrying the bias

LLAVA_TEMPLATE = (
    "{% for message in messages %}"
    "{% if message['role'] == 'system' %}{{ message['content'] }}\n{% endif %}"
    "{% if message['role'] == 'user' %}USER: {{ message['content'] }}\n{% endif %}"
    "{% if message['role'] == 'assistant' %}ASSISTANT: {{ message['content'] }}</s>\n{% endif %}"
    "{% endfor %}"
    "{% if add_generation_prompt %}ASSISTANT: {% endif %}"
)


@dataclass(frozen=True)
class TinyConfig:
    """Sizes of the tiny model. ``vision_ff`` must differ from ``vision_hidden`` (llama.cpp guesses
    whether old LLaVA files have swapped FFN tensors by comparing them)."""

    image_size: int = 224
    patch_size: int = 14
    text_hidden: int = 64
    text_layers: int = 2
    text_heads: int = 4
    text_ff: int = 128
    context_length: int = 4096
    vision_hidden: int = 32
    vision_layers: int = 2
    vision_heads: int = 2
    vision_ff: int = 80
    projector_hidden: int = 96
    seed: int = 0


def write_tiny_vlm(
    outdir: str | Path,
    image_size: int = 224,
    *,
    patch_size: int = 14,
    seed: int = 0,
    projection_dim: int | None = None,
    projector: str = "mlp",
) -> tuple[Path, Path]:
    """Write ``model.gguf`` and ``mmproj.gguf`` into ``outdir``; returns their paths.

    ``projection_dim`` other than the text hidden size (64) writes an mmproj that does *not* fit
    the model, for testing the mismatch error. ``projector`` picks the family (:data:`PROJECTORS`);
    the text model is the same for all of them.
    """
    if projector not in PROJECTORS:
        raise ValueError(f"unknown projector {projector!r}; choose from {', '.join(PROJECTORS)}")
    if image_size % patch_size:
        raise ValueError(f"image_size {image_size} must be a multiple of patch_size {patch_size}")
    if projector == "gemma3" and (image_size // patch_size) % GEMMA3_POOL:
        raise ValueError(
            f"gemma3: image_size / patch_size ({image_size // patch_size}) must be a multiple of {GEMMA3_POOL}"
        )
    cfg = TinyConfig(image_size=image_size, patch_size=patch_size, seed=seed)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    model, mmproj = out / MODEL_NAME, out / MMPROJ_NAME
    write_text_model(model, cfg)
    if projector == "gemma3":
        write_gemma3_mmproj(mmproj, cfg, projection_dim=projection_dim or cfg.text_hidden)
    else:
        write_mmproj(mmproj, cfg, projection_dim=projection_dim or cfg.text_hidden)
    return model, mmproj


def _vocab() -> tuple[list[str], list[int]]:
    """<unk>, <s>, </s>, 256 byte tokens, then printable ASCII (space spelled ``▁`` as in SPM)."""
    from gguf import TokenType

    tokens = ["<unk>", "<s>", "</s>"]
    types = [TokenType.UNKNOWN, TokenType.CONTROL, TokenType.CONTROL]
    tokens += [f"<0x{b:02X}>" for b in range(256)]
    types += [TokenType.BYTE] * 256
    tokens += ["\u2581" if c == " " else c for c in map(chr, range(0x20, 0x7F))]
    types += [TokenType.NORMAL] * (0x7F - 0x20)
    return tokens, [int(t) for t in types]


def _token_bias(tokens: list[str]) -> np.ndarray:
    bias = np.zeros(len(tokens), dtype=np.float32)
    for i, tok in enumerate(tokens):
        if tok == "</s>":
            bias[i] = BIAS_EOS
        elif tok.startswith("<0x") and int(tok[3:5], 16) < 0x20:
            bias[i] = BIAS_CONTROL
        elif tok == '"':
            bias[i] = BIAS_QUOTE
        elif len(tok) == 1 and tok.isdigit():
            bias[i] = BIAS_DIGIT
        elif tok in ("}", "]"):
            bias[i] = BIAS_CLOSE
    return bias


def write_text_model(path: Path, cfg: TinyConfig) -> None:
    """A llama-architecture text model. Hidden dimension 0 is a constant that no layer touches,
    so ``output.weight[:, 0]`` acts as a per-token logit bias."""
    import gguf

    rng = np.random.default_rng(cfg.seed)
    tokens, types = _vocab()
    n_vocab, d, ff = len(tokens), cfg.text_hidden, cfg.text_ff
    head_dim = d // cfg.text_heads

    def rand(*shape: int, scale: float) -> np.ndarray:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    w = gguf.GGUFWriter(str(path), "llama")
    w.add_name("docextract tiny vlm (random weights)")
    w.add_context_length(cfg.context_length)
    w.add_embedding_length(d)
    w.add_block_count(cfg.text_layers)
    w.add_feed_forward_length(ff)
    w.add_head_count(cfg.text_heads)
    w.add_head_count_kv(cfg.text_heads)
    w.add_rope_dimension_count(head_dim)
    w.add_layer_norm_rms_eps(1e-5)
    w.add_file_type(0)  # all F32
    w.add_tokenizer_model("llama")
    w.add_token_list(tokens)
    w.add_token_scores([0.0] * n_vocab)
    w.add_token_types(types)
    w.add_bos_token_id(1)
    w.add_eos_token_id(2)
    w.add_unk_token_id(0)
    w.add_add_bos_token(True)
    w.add_add_eos_token(False)
    w.add_chat_template(LLAVA_TEMPLATE)

    embd = rand(n_vocab, d, scale=1.0)
    embd[:, 0] = BIAS_DIM_VALUE  # the constant "bias" dimension
    w.add_tensor("token_embd.weight", embd)
    w.add_tensor("output_norm.weight", np.ones(d, dtype=np.float32))
    out = rand(n_vocab, d, scale=0.06)
    # The layers grow the other dimensions to about BIAS_DIM_VALUE, so after the final RMS norm
    # dimension 0 is about 1 and this column adds the bias to the logits.
    out[:, 0] = _token_bias(tokens)
    w.add_tensor("output.weight", out)
    for i in range(cfg.text_layers):
        p = f"blk.{i}."
        w.add_tensor(p + "attn_norm.weight", np.ones(d, dtype=np.float32))
        w.add_tensor(p + "attn_q.weight", rand(d, d, scale=0.2))
        w.add_tensor(p + "attn_k.weight", rand(d, d, scale=0.2))
        w.add_tensor(p + "attn_v.weight", rand(d, d, scale=0.2))
        attn_out = rand(d, d, scale=0.1)
        attn_out[0, :] = 0.0  # keep the bias dimension constant
        w.add_tensor(p + "attn_output.weight", attn_out)
        w.add_tensor(p + "ffn_norm.weight", np.ones(d, dtype=np.float32))
        w.add_tensor(p + "ffn_gate.weight", rand(ff, d, scale=0.2))
        w.add_tensor(p + "ffn_up.weight", rand(ff, d, scale=0.2))
        down = rand(d, ff, scale=0.1)
        down[0, :] = 0.0
        w.add_tensor(p + "ffn_down.weight", down)
    _finish(w)


def write_mmproj(path: Path, cfg: TinyConfig, *, projection_dim: int) -> None:
    """A CLIP vision encoder with a 2-layer ``mlp`` projector (LLaVA-1.5 layout)."""
    rng = np.random.default_rng(cfg.seed + 1)
    d, p = cfg.vision_hidden, cfg.patch_size
    n_pos = (cfg.image_size // p) ** 2 + 1  # patches + class embedding

    def rand(*shape: int, scale: float = 0.1) -> np.ndarray:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    def zeros(n: int) -> np.ndarray:
        return np.zeros(n, dtype=np.float32)

    w = _clip_writer(path, cfg, "mlp", "docextract tiny vlm mmproj (random weights)", projection_dim, eps=1e-5)
    w.add_array("clip.vision.image_mean", [0.48145466, 0.4578275, 0.40821073])
    w.add_array("clip.vision.image_std", [0.26862954, 0.26130258, 0.27577711])

    w.add_tensor("v.patch_embd.weight", rand(d, 3, p, p, scale=0.05))
    w.add_tensor("v.class_embd", rand(d))
    w.add_tensor("v.position_embd.weight", rand(n_pos, d))
    w.add_tensor("v.pre_ln.weight", np.ones(d, dtype=np.float32))
    w.add_tensor("v.pre_ln.bias", zeros(d))
    _encoder_blocks(w, cfg, rand)
    w.add_tensor("mm.0.weight", rand(cfg.projector_hidden, d))
    w.add_tensor("mm.0.bias", zeros(cfg.projector_hidden))
    mm2_w = rand(projection_dim, cfg.projector_hidden)
    mm2_b = zeros(projection_dim)
    # Image embeddings carry the text model's constant bias dimension too.
    mm2_w[0, :] = 0.0
    mm2_b[0] = BIAS_DIM_VALUE
    w.add_tensor("mm.2.weight", mm2_w)
    w.add_tensor("mm.2.bias", mm2_b)
    _finish(w)


def write_gemma3_mmproj(path: Path, cfg: TinyConfig, *, projection_dim: int) -> None:
    """A SigLIP-style vision encoder with Gemma 3's projector (pool, RMS norm, linear; no bias).

    Image embeddings do not carry the text model's constant bias dimension (the projection has
    no bias to put it there); that does not matter for the output, because the text model reads
    its logits at text positions, whose dimension 0 no layer changes.
    """
    rng = np.random.default_rng(cfg.seed + 1)
    d, p = cfg.vision_hidden, cfg.patch_size
    n_pos = (cfg.image_size // p) ** 2  # patches only: SigLIP has no class embedding

    def rand(*shape: int, scale: float = 0.1) -> np.ndarray:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    def zeros(n: int) -> np.ndarray:
        return np.zeros(n, dtype=np.float32)

    w = _clip_writer(path, cfg, "gemma3", "docextract tiny vlm gemma3 mmproj (random weights)", projection_dim, eps=1e-6)
    w.add_uint32("clip.vision.projector.scale_factor", GEMMA3_POOL)
    w.add_array("clip.vision.image_mean", [0.5, 0.5, 0.5])
    w.add_array("clip.vision.image_std", [0.5, 0.5, 0.5])

    w.add_tensor("v.patch_embd.weight", rand(d, 3, p, p, scale=0.05))
    w.add_tensor("v.patch_embd.bias", zeros(d))
    w.add_tensor("v.position_embd.weight", rand(n_pos, d))
    _encoder_blocks(w, cfg, rand)
    w.add_tensor("v.post_ln.weight", np.ones(d, dtype=np.float32))
    w.add_tensor("v.post_ln.bias", zeros(d))
    w.add_tensor("mm.soft_emb_norm.weight", np.ones(d, dtype=np.float32))
    # numpy (vision, text) is ggml ne = (text, vision): llama.cpp transposes it before the matmul
    # and reads the text embedding size off ne[0].
    w.add_tensor("mm.input_projection.weight", rand(d, projection_dim, scale=0.3))
    _finish(w)


def _clip_writer(path: Path, cfg: TinyConfig, projector: str, name: str, projection_dim: int, *, eps: float) -> Any:
    """A GGUF writer with the ``clip.*`` keys both projector families share (in llama.cpp's order)."""
    import gguf

    w = gguf.GGUFWriter(str(path), "clip")
    w.add_name(name)
    w.add_file_type(0)
    w.add_bool("clip.has_vision_encoder", True)
    w.add_bool("clip.has_text_encoder", False)
    w.add_string("clip.projector_type", projector)
    w.add_bool("clip.use_gelu", True)
    w.add_uint32("clip.vision.image_size", cfg.image_size)
    w.add_uint32("clip.vision.patch_size", cfg.patch_size)
    w.add_uint32("clip.vision.embedding_length", cfg.vision_hidden)
    w.add_uint32("clip.vision.feed_forward_length", cfg.vision_ff)
    w.add_uint32("clip.vision.projection_dim", projection_dim)
    w.add_uint32("clip.vision.attention.head_count", cfg.vision_heads)
    w.add_float32("clip.vision.attention.layer_norm_epsilon", eps)
    w.add_uint32("clip.vision.block_count", cfg.vision_layers)
    return w


def _encoder_blocks(w: Any, cfg: TinyConfig, rand: Callable[..., np.ndarray]) -> None:
    """The transformer blocks of the vision encoder (same layout for CLIP and SigLIP)."""
    d, ff = cfg.vision_hidden, cfg.vision_ff
    for i in range(cfg.vision_layers):
        b = f"v.blk.{i}."
        for name in ("attn_q", "attn_k", "attn_v", "attn_out"):
            w.add_tensor(b + name + ".weight", rand(d, d))
            w.add_tensor(b + name + ".bias", np.zeros(d, dtype=np.float32))
        for name in ("ln1", "ln2"):
            w.add_tensor(b + name + ".weight", np.ones(d, dtype=np.float32))
            w.add_tensor(b + name + ".bias", np.zeros(d, dtype=np.float32))
        w.add_tensor(b + "ffn_up.weight", rand(ff, d))
        w.add_tensor(b + "ffn_up.bias", np.zeros(ff, dtype=np.float32))
        w.add_tensor(b + "ffn_down.weight", rand(d, ff))
        w.add_tensor(b + "ffn_down.bias", np.zeros(d, dtype=np.float32))


def _finish(w: object) -> None:
    w.write_header_to_file()  # type: ignore[attr-defined]
    w.write_kv_data_to_file()  # type: ignore[attr-defined]
    w.write_tensors_to_file()  # type: ignore[attr-defined]
    w.close()  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m docextract.testing.tiny_vlm", description=__doc__.split("\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--image-size", type=int, default=224, help="encoder's native square side (multiple of 14)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--projector", choices=PROJECTORS, default="mlp", help="projector family (default: mlp)")
    args = parser.parse_args(argv)
    try:
        model, mmproj = write_tiny_vlm(args.outdir, args.image_size, seed=args.seed, projector=args.projector)
    except ValueError as exc:
        parser.error(str(exc))
    sys.stdout.write(f"{model}\n{mmproj}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
