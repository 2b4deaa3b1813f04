"""``docextract doctor``: what this machine can run, which model fits, and known traps.

:func:`diagnose` gathers facts (CPU features, RAM, GPUs, the llama.cpp build) and returns a plain,
JSON-ready dict; nothing is printed. Every probe can be injected, so the logic is testable with
made-up machines.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docextract.catalog.models import recommend

CPU_FEATURES = (
    "sse3",
    "ssse3",
    "avx",
    "avx2",
    "fma",
    "f16c",
    "avx512f",
    "avx512bw",
    "avx512vl",
    "avx512_vnni",
    "avx512_bf16",
    "avx_vnni",
    "amx_tile",
    "amx_int8",
    "amx_bf16",
)
"""The /proc/cpuinfo flags that matter to llama.cpp."""

_FLAG_ALIASES = {"sse3": "pni"}  # /proc/cpuinfo calls SSE3 "pni"

SLOW_CPU_CORES = 4
"""With fewer usable cores and no GPU build, recommend small models at their default quantization."""
SLOW_CPU_MAX_PARAMS_B = 4.5

THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "LLAMA_THREADS", "DOCEXTRACT_THREADS")
"""Environment variables that set thread counts of the native libraries docextract loads."""

AMX_REBUILD = (
    'CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF" '
    "FORCE_CMAKE=1 pip install --force-reinstall --no-cache-dir llama-cpp-python (or run scripts/setup.sh --llama)"
)


# ---------------------------------------------------------------------------------------------
# probes (each takes its raw input so tests can inject it)


def cpu_info(cpuinfo: str | None = None, *, cpu_count: int | None = None, usable: int | None = None) -> dict[str, Any]:
    """CPU model, logical cores, cores usable by this process and the llama.cpp-relevant flags."""
    text = cpuinfo if cpuinfo is not None else _read("/proc/cpuinfo")
    flags: set[str] = set()
    model = ""
    for line in text.splitlines():
        key, _, value = line.partition(":")
        key = key.strip().lower()
        if key in ("flags", "features") and not flags:
            flags = set(value.split())
        elif key == "model name" and not model:
            model = value.strip()
    logical = cpu_count if cpu_count is not None else (os.cpu_count() or 1)
    if usable is None:
        usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else logical
    return {
        "model": model or None,
        "logical_cores": logical,
        "usable_cores": usable,
        "features": {name: name in flags or _FLAG_ALIASES.get(name) in flags for name in CPU_FEATURES},
        "amx": any(f.startswith("amx") for f in flags),
        "avx512": "avx512f" in flags,
        "flags_known": bool(flags),
    }


def memory_info(meminfo: str | None = None) -> dict[str, float | None]:
    """Total and available RAM in GB (from /proc/meminfo; ``None`` when unknown)."""
    text = meminfo if meminfo is not None else _read("/proc/meminfo")
    values: dict[str, float] = {}
    for line in text.splitlines():
        m = re.match(r"(\w+):\s+(\d+)\s*kB", line)
        if m:
            values[m.group(1)] = int(m.group(2)) / 1024**2
    total = values.get("MemTotal")
    if total is None:
        total = _sysconf_gb("SC_PHYS_PAGES")
    available = values.get("MemAvailable", values.get("MemFree"))
    if available is None:
        available = _sysconf_gb("SC_AVPHYS_PAGES")
    return {"total_gb": _round(total), "available_gb": _round(available)}


def gpu_info(nvidia_smi_output: str | None = None) -> list[dict[str, Any]]:
    """NVIDIA GPUs with their memory in GB, via ``nvidia-smi`` when it is on PATH (else ``[]``)."""
    text = nvidia_smi_output if nvidia_smi_output is not None else _nvidia_smi()
    gpus = []
    for line in text.splitlines():
        parts = [p.strip() for p in line.split(",")]
        if len(parts) < 3 or not parts[1].replace(".", "").isdigit():
            continue
        gpus.append(
            {
                "name": parts[0],
                "memory_total_gb": _round(float(parts[1]) / 1024),
                "memory_free_gb": _round(float(parts[2]) / 1024) if parts[2].replace(".", "").isdigit() else None,
                "driver": parts[3] if len(parts) > 3 else None,
            }
        )
    return gpus


def llama_info(system_info: str | None = None) -> dict[str, Any]:
    """The llama.cpp build behind llama-cpp-python: version, backends and compiled-in CPU features.

    ``system_info`` is the text of ``llama_print_system_info()``; by default it is taken from the
    installed ``llama_cpp`` (captured, never printed). ``installed`` is False when it is missing.
    """
    version = None
    gpu_offload = None
    if system_info is None:
        try:
            import llama_cpp
        except Exception as exc:  # ImportError, or a native library that fails to load
            return {
                "installed": False,
                "error": f"{type(exc).__name__}: {exc}",
                "version": None,
                "backends": {},
                "features": {},
            }
        version = getattr(llama_cpp, "__version__", None)
        raw = llama_cpp.llama_print_system_info()
        system_info = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        try:
            gpu_offload = bool(llama_cpp.llama_supports_gpu_offload())
        except Exception:  # older bindings
            gpu_offload = None
    backends = parse_system_info(system_info)
    features: dict[str, str] = {}
    for values in backends.values():
        features.update(values)
    return {
        "installed": True,
        "version": version,
        "system_info": system_info.strip(),
        "backends": backends,
        "features": features,
        "gpu_offload": gpu_offload,
    }


def parse_system_info(text: str) -> dict[str, dict[str, str]]:
    """Parse ``CPU : SSE3 = 1 | AVX2 = 1 | AMX_INT8 = 1 | ... | CUDA : ARCHS = 890 |`` into
    ``{"CPU": {"SSE3": "1", ...}, "CUDA": {"ARCHS": "890"}}`` (older builds have no backend names:
    their flags land under ``""``)."""
    backends: dict[str, dict[str, str]] = {}
    current = ""
    for chunk in text.replace("\n", "|").split("|"):
        chunk = chunk.strip()
        if not chunk:
            continue
        m = re.match(r"^([A-Za-z0-9_.\- ]+?)\s*:\s*(.*)$", chunk)
        if m and "=" not in m.group(1):
            current = m.group(1).strip()
            backends.setdefault(current, {})
            chunk = m.group(2).strip()
            if not chunk:
                continue
        key, sep, value = chunk.partition("=")
        if sep:
            backends.setdefault(current, {})[key.strip()] = value.strip()
    return backends


def thread_env(env: Mapping[str, str] | None = None) -> dict[str, int | str]:
    """The thread-count variables that are set (values as ints where they parse)."""
    env = os.environ if env is None else env
    out: dict[str, int | str] = {}
    for name in THREAD_ENV:
        if name in env:
            value = env[name].strip()
            out[name] = int(value) if value.isdigit() else value
    return out


def free_cores(usable: int, loadavg: float | None = None) -> int:
    """Cores not busy with other work: usable cores minus the 1-minute load average (at least 1)."""
    if loadavg is None:
        try:
            loadavg = os.getloadavg()[0]
        except OSError:
            loadavg = 0.0
    return max(1, usable - round(loadavg))


# ---------------------------------------------------------------------------------------------
# the diagnosis


def diagnose(
    *,
    cpuinfo: str | None = None,
    meminfo: str | None = None,
    nvidia_smi_output: str | None = None,
    llama_system_info: str | None = None,
    env: Mapping[str, str] | None = None,
    cpu_count: int | None = None,
    usable_cores: int | None = None,
    loadavg: float | None = None,
) -> dict[str, Any]:
    """Inspect the machine and return a JSON-ready report.

    Keys: ``cpu``, ``memory``, ``gpus``, ``llama``, ``threads`` (env thread settings, usable and
    free cores, a suggested ``n_threads``), ``recommendation`` (catalog model + quant that fits, or
    ``None``) and ``warnings`` (list of ``{"code", "message"}``, most severe first). Every argument
    injects one probe's raw input; by default the real machine is read.
    """
    cpu = cpu_info(cpuinfo, cpu_count=cpu_count, usable=usable_cores)
    memory = memory_info(meminfo)
    gpus = gpu_info(nvidia_smi_output)
    llama = llama_info(llama_system_info)
    threads_env = thread_env(env)
    free = free_cores(cpu["usable_cores"], loadavg)
    threads = {
        "env": threads_env,
        "usable_cores": cpu["usable_cores"],
        "free_cores": free,
        "suggested_n_threads": max(1, min(free, cpu["usable_cores"])),
    }
    report: dict[str, Any] = {
        "cpu": cpu,
        "memory": memory,
        "gpus": gpus,
        "llama": llama,
        "threads": threads,
        "recommendation": _recommendation(memory, gpus, llama, cpu["usable_cores"]),
    }
    report["warnings"] = _warnings(cpu, memory, llama, threads_env, report["recommendation"])
    return report


def _recommendation(
    memory: Mapping[str, Any], gpus: list[dict[str, Any]], llama: Mapping[str, Any], cores: int
) -> dict[str, Any] | None:
    ram = memory.get("total_gb") or 0.0
    has_gpu_build = any(name not in ("", "CPU") for name in llama.get("backends", {})) or bool(llama.get("gpu_offload"))
    vram = max((g["memory_total_gb"] or 0.0 for g in gpus), default=0.0) if has_gpu_build else 0.0
    slow_cpu = vram == 0.0 and cores < SLOW_CPU_CORES
    picked = recommend(
        ram,
        vram_gb=vram,
        max_params_b=SLOW_CPU_MAX_PARAMS_B if slow_cpu else None,
        upgrade_quant=not slow_cpu,
    )
    if picked is None:
        return None
    entry, quant = picked
    budget = "GPU memory" if vram > ram else "RAM"
    reason = f"best-ranked catalog model for documents that fits {max(ram, vram):.0f} GB of {budget}"
    if slow_cpu:
        reason += f"; only {cores} CPU core(s) and no GPU, so a small model at its default quantization"
    return {
        "model": entry.name,
        "quant": quant.name,
        "ram_needed_gb": entry.ram_needed_gb(quant.name),
        "min_ram_gb": entry.min_ram_gb,
        "recommended_ram_gb": entry.recommended_ram_gb,
        "hf_repo": entry.hf_repo,
        "pull": f"docextract models pull {entry.name}:{quant.name}",
        "reason": reason,
    }


def _warnings(
    cpu: Mapping[str, Any],
    memory: Mapping[str, Any],
    llama: Mapping[str, Any],
    threads_env: Mapping[str, int | str],
    recommendation: Mapping[str, Any] | None,
) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []

    def warn(code: str, message: str) -> None:
        out.append({"code": code, "message": message})

    feats = {k.upper(): v for k, v in llama.get("features", {}).items()}
    built_amx = [k for k, v in feats.items() if k.startswith("AMX") and v not in ("0", "")]
    if cpu["amx"] and built_amx:
        warn(
            "amx-build",
            f"this CPU reports AMX and llama.cpp was built with {', '.join(sorted(built_amx))}; AMX kernels crash "
            f"(SIGSEGV on quantized models) on many VMs — rebuild without them: {AMX_REBUILD}",
        )
    if cpu["flags_known"] and not cpu["features"]["avx2"] and feats.get("AVX2") == "1":
        warn(
            "avx2-missing",
            "llama.cpp was built with AVX2 but this CPU lacks it (illegal instruction); rebuild with -DGGML_AVX2=OFF",
        )
    elif cpu["features"]["avx2"] and feats and feats.get("AVX2", "0") == "0" and "AVX" in feats:
        warn(
            "avx2-unused",
            "this CPU has AVX2 but llama.cpp was built without it; rebuild with -DGGML_AVX2=ON for 2-4x speed",
        )
    if not llama.get("installed"):
        from docextract.engines.llama import INSTALL_HINT

        warn("llama-missing", f"llama-cpp-python is not installed (only vision models need it); install it: {INSTALL_HINT}")
    usable = cpu["usable_cores"]
    over = {k: v for k, v in threads_env.items() if isinstance(v, int) and v > usable}
    if over:
        names = ", ".join(f"{k}={v}" for k, v in over.items())
        warn(
            "thread-oversubscription",
            f"{names} exceeds the {usable} usable cores; threads will fight — set it to {usable} or less",
        )
    total = memory.get("total_gb")
    available = memory.get("available_gb")
    if recommendation is None:
        warn(
            "low-memory", f"no catalog model fits {total} GB of RAM; use --engine reader (OCR only) or a remote server"
        )
    elif available is not None and available < recommendation["ram_needed_gb"]:
        warn(
            "memory-busy",
            f"only {available} GB of RAM is free now; {recommendation['model']} {recommendation['quant']} needs about "
            f"{recommendation['ram_needed_gb']} GB — close other programs or pick a smaller quantization",
        )
    return out


# ---------------------------------------------------------------------------------------------
# helpers


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _sysconf_gb(name: str) -> float | None:
    try:
        return os.sysconf(name) * os.sysconf("SC_PAGE_SIZE") / 1024**3
    except (ValueError, OSError, AttributeError):
        return None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _nvidia_smi() -> str:
    exe = shutil.which("nvidia-smi")
    if exe is None:
        return ""
    try:
        done = subprocess.run(
            [exe, "--query-gpu=name,memory.total,memory.free,driver_version", "--format=csv,noheader,nounits"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout if done.returncode == 0 else ""


__all__ = [
    "CPU_FEATURES",
    "THREAD_ENV",
    "cpu_info",
    "diagnose",
    "free_cores",
    "gpu_info",
    "llama_info",
    "memory_info",
    "parse_system_info",
    "thread_env",
]
