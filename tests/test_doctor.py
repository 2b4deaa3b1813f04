"""doctor: structure of the report and the recommendation/warning logic on made-up machines."""

from __future__ import annotations

import json

import pytest

from docextract.catalog import doctor

AMX_CPU = "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Platinum 8480+\nflags\t\t: fpu sse3 avx avx2 fma f16c avx512f amx_tile amx_int8 amx_bf16\n"
AVX2_CPU = "processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t\t: fpu sse3 ssse3 avx avx2 fma f16c\n"
OLD_CPU = "processor\t: 0\nmodel name\t: Old\nflags\t\t: fpu sse3 ssse3 avx\n"


def meminfo(total_gb: float, available_gb: float) -> str:
    kb = lambda gb: int(gb * 1024**2)  # noqa: E731
    return f"MemTotal:       {kb(total_gb)} kB\nMemFree:         1000 kB\nMemAvailable:   {kb(available_gb)} kB\n"


PORTABLE = (
    "CPU : SSE3 = 1 | SSSE3 = 1 | AVX = 1 | AVX2 = 1 | F16C = 1 | FMA = 1 | LLAMAFILE = 1 | OPENMP = 1 | REPACK = 1 | "
)
NATIVE_AMX = "CPU : SSE3 = 1 | AVX = 1 | AVX2 = 1 | AVX512 = 1 | AMX_INT8 = 1 | LLAMAFILE = 1 | OPENMP = 1 | "
CUDA_BUILD = "CUDA : ARCHS = 890 | USE_GRAPHS = 1 | PEER_MAX_BATCH_SIZE = 128 | CPU : SSE3 = 1 | AVX = 1 | AVX2 = 1 | "


def run(**kw: object) -> dict:
    base: dict[str, object] = {
        "cpuinfo": AVX2_CPU,
        "meminfo": meminfo(16, 12),
        "nvidia_smi_output": "",
        "llama_system_info": PORTABLE,
        "env": {},
        "cpu_count": 8,
        "usable_cores": 8,
        "loadavg": 0.0,
    }
    base.update(kw)
    return doctor.diagnose(**base)  # type: ignore[arg-type]


def codes(report: dict) -> list[str]:
    return [w["code"] for w in report["warnings"]]


def test_structure_is_json_ready() -> None:
    report = run()
    assert set(report) == {"cpu", "memory", "gpus", "llama", "threads", "recommendation", "warnings"}
    json.dumps(report)
    assert report["cpu"]["model"] == "AMD EPYC 7B13"
    assert report["cpu"]["features"]["avx2"] and not report["cpu"]["features"]["avx512f"]
    assert report["memory"] == {"total_gb": 16.0, "available_gb": 12.0}
    assert report["llama"]["backends"]["CPU"]["AVX2"] == "1"
    assert report["threads"] == {"env": {}, "usable_cores": 8, "free_cores": 8, "suggested_n_threads": 8}
    assert report["warnings"] == []


def test_recommendation_follows_ram() -> None:
    big = run(meminfo=meminfo(32, 30))["recommendation"]
    assert big["model"] == "qwen2.5-vl-7b" and big["pull"] == "docextract models pull qwen2.5-vl-7b:Q8_0"
    mid = run(meminfo=meminfo(8, 7))["recommendation"]
    assert mid["model"] == "qwen2.5-vl-3b"
    small = run(meminfo=meminfo(4, 3.5))["recommendation"]
    assert small["model"] == "moondream2" and small["quant"] == "F16"
    none = run(meminfo=meminfo(0.5, 0.3))
    assert none["recommendation"] is None and "low-memory" in codes(none)


def test_few_cores_without_gpu_get_a_small_model() -> None:
    slow = run(meminfo=meminfo(32, 30), usable_cores=2, cpu_count=2)["recommendation"]
    assert (slow["model"], slow["quant"]) == ("qwen2.5-vl-3b", "Q4_K_M")
    assert "2 CPU core(s)" in slow["reason"]


def test_sse3_is_read_from_pni() -> None:
    report = run(cpuinfo="flags\t\t: fpu pni ssse3 avx avx2\n")
    assert report["cpu"]["features"]["sse3"] and report["cpu"]["features"]["ssse3"]


def test_busy_memory_warns() -> None:
    report = run(meminfo=meminfo(16, 2))
    assert "memory-busy" in codes(report)


def test_gpu_memory_counts_only_with_a_gpu_build() -> None:
    smi = "NVIDIA GeForce RTX 4090, 24564, 23000, 550.54\n"
    cpu_build = run(meminfo=meminfo(4, 3.5), nvidia_smi_output=smi)
    assert cpu_build["gpus"][0] == {
        "name": "NVIDIA GeForce RTX 4090",
        "memory_total_gb": 24.0,
        "memory_free_gb": 22.5,
        "driver": "550.54",
    }
    assert cpu_build["recommendation"]["model"] == "moondream2"
    gpu_build = run(meminfo=meminfo(4, 3.5), nvidia_smi_output=smi, llama_system_info=CUDA_BUILD)
    assert gpu_build["llama"]["backends"]["CUDA"]["ARCHS"] == "890"
    assert gpu_build["recommendation"]["model"] == "qwen2.5-vl-7b"
    assert "GPU memory" in gpu_build["recommendation"]["reason"]


def test_amx_trap() -> None:
    report = run(cpuinfo=AMX_CPU, llama_system_info=NATIVE_AMX)
    assert report["cpu"]["amx"] and report["cpu"]["avx512"]
    [msg] = [w["message"] for w in report["warnings"] if w["code"] == "amx-build"]
    assert "-DGGML_AMX_INT8=OFF" in msg and "AMX_INT8" in msg
    # the same build on a CPU without AMX, or a portable build on an AMX CPU, is fine
    assert "amx-build" not in codes(run(cpuinfo=AVX2_CPU, llama_system_info=NATIVE_AMX))
    assert "amx-build" not in codes(run(cpuinfo=AMX_CPU, llama_system_info=PORTABLE))


def test_avx2_mismatches() -> None:
    assert "avx2-missing" in codes(run(cpuinfo=OLD_CPU))
    no_avx2_build = "CPU : SSE3 = 1 | AVX = 1 | F16C = 1 | "
    assert "avx2-unused" in codes(run(llama_system_info=no_avx2_build))


@pytest.mark.parametrize(
    ("env", "flagged"),
    [({"OMP_NUM_THREADS": "16"}, True), ({"OMP_NUM_THREADS": "4"}, False), ({"OMP_NUM_THREADS": "x"}, False)],
)
def test_thread_oversubscription(env: dict[str, str], flagged: bool) -> None:
    report = run(env=env, usable_cores=8)
    assert ("thread-oversubscription" in codes(report)) is flagged
    if flagged:
        assert "OMP_NUM_THREADS=16" in report["warnings"][0]["message"]


def test_free_cores_and_threads() -> None:
    report = run(usable_cores=4, loadavg=2.6)
    assert report["threads"]["free_cores"] == 1
    assert report["threads"]["suggested_n_threads"] == 1
    assert doctor.free_cores(2, 9.0) == 1


def test_llama_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        doctor,
        "llama_info",
        lambda _info=None: {
            "installed": False,
            "error": "ImportError",
            "version": None,
            "backends": {},
            "features": {},
        },
    )
    report = run()
    assert report["llama"]["installed"] is False
    assert "llama-missing" in codes(report)


def test_parse_system_info_old_format() -> None:
    parsed = doctor.parse_system_info("AVX = 1 | AVX2 = 1 | AVX512 = 0 | AMX_INT8 = 0 | ")
    assert parsed == {"": {"AVX": "1", "AVX2": "1", "AVX512": "0", "AMX_INT8": "0"}}


def test_real_machine_probe_runs() -> None:
    report = doctor.diagnose()
    json.dumps(report)
    assert report["cpu"]["logical_cores"] >= 1
    assert report["memory"]["total_gb"] is None or report["memory"]["total_gb"] > 0
