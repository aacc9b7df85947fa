#!/usr/bin/env bash
# GPU check of the learned evaluators (issue 4, section 5).
#
#   bash tests/device/run-device-check.sh build   # here (has .NET): build, check on CPU, pack into tests/device/out/
#   bash tests/device/run-device-check.sh run     # on the NVIDIA machine (no .NET): unpack, run CPU and CUDA, report
#
# build: publishes tests/AvEval.Learned.Benchmarks trimmed and self-contained
#   (dotnet publish -r linux-x64 --self-contained -p:PublishTrimmed=true), dumps the feature rows of every vehicle drive
#   of the in-repo NGSIM logs (copied to >= 65,536 rows) and the hard-braking model, runs the trimmed binary HERE on
#   CPU (so a broken trim shows before any GPU time is spent), and packs bench.tar.xz (about 16 MB, STACK.md).
#
# How the CUDA provider travels: ONNX Runtime's libonnxruntime_providers_cuda.so (284 MB; 185.6 MB with xz -9) is
#   the only large part. It is left out of bench.tar.xz, compressed with xz -9 and split into parts of 48 MiB under
#   tests/device/out/parts/ with SHA256SUMS. out/ holds a .gitignore of '*': nothing of it (about 200 MB) is ever
#   committed. The device tool sends at most 64 MiB per call (the working tree, about 5 MB, plus the ignored paths
#   named in 'carry' together), so the whole of out/ can never go in one call, and a 60 MiB part plus the tree is
#   already over. What it does allow: ignored files sent earlier stay on the machine while it is warm (it goes back
#   after 30 s idle). So send the parts in consecutive calls, one each, carrying
#   tests/device/out/parts/libonnxruntime_providers_cuda.so.xz.part-0N (command: 'true'), and with the last, smallest
#   part also tests/device/out/parts/SHA256SUMS, tests/device/out/parts/provider.sha256 and tests/device/out/bench.tar.xz
#   (command: 'bash tests/device/run-device-check.sh run'). The calls go from the checkout the session started in.
#   `run` checks every part's sha256, joins them, decompresses
#   the library next to the binary and checks its sha256 against the one recorded at build time.
#   The provider needs the CUDA 13 user libraries (libcublasLt.so.13, libcublas.so.13, libcudart.so.13,
#   libcurand.so.10) and the driver's libcuda.so.1 (readelf -d); on the device machine the former are in
#   /usr/local/cuda-13.0/targets/x86_64-linux/lib, which `run` puts on LD_LIBRARY_PATH.
#
# run prints rows/s for raw ONNX Runtime and for the framework's OnnxModel on CPU and CUDA at batch sizes 1, 16,
#   256, 4,096 and 65,536, and the largest CPU/CUDA difference of the outputs over all rows (batch 4,096). Output
#   lands in tests/device/out/device-report.md (and in $OUT when the device tool sets it).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
model_id=hard_braking_detector
model_version=1.0.0

build() {
  rm -rf "$out" && mkdir -p "$out/bench" "$out/parts"
  echo '*' > "$out/.gitignore"
  dotnet publish "$root/tests/AvEval.Learned.Benchmarks" -c Release -r linux-x64 --self-contained -p:PublishTrimmed=true -o "$out/publish"
  local cuda="$out/publish/libonnxruntime_providers_cuda.so"
  test -f "$cuda" || { echo "error: $cuda is missing from the publish folder; is Microsoft.ML.OnnxRuntime.Gpu.Linux referenced?" >&2; exit 1; }
  sha256sum "$cuda" | awk '{print $1}' > "$out/parts/provider.sha256"
  xz -9 -T0 -c "$cuda" | split -b 48M -d - "$out/parts/libonnxruntime_providers_cuda.so.xz.part-"
  (cd "$out/parts" && sha256sum libonnxruntime_providers_cuda.so.xz.part-* > SHA256SUMS)
  rm -f "$cuda" "$out/publish/libonnxruntime_providers_tensorrt.so"
  cp -r "$out/publish/." "$out/bench/"
  mkdir -p "$out/bench/model"
  cp "$root/scenarios/models/$model_id/$model_version/model.onnx" "$root/scenarios/models/$model_id/$model_version/model-card.json" "$out/bench/model/"
  # Feature rows come from the framework build (scene reading is not part of the trimmed binary's job).
  dotnet run --project "$root/tests/AvEval.Learned.Benchmarks" -c Release -- scenes "$root" "$model_id" --dump "$out/bench/rows.f32" > "$out/cpu-scenes.txt"
  echo "== trimmed self-contained binary, here, CPU only =="
  AVEVAL_DEVICE=auto "$out/bench/aveval-learned-bench" rows "$out/bench/model" "$out/bench/rows.f32" | tee "$out/cpu-trimmed.txt"
  tar -C "$out" -cJf "$out/bench.tar.xz" bench
  rm -rf "$out/bench" "$out/publish"
  ls -l "$out/bench.tar.xz" "$out/parts"
}

run() {
  local work; work="$(mktemp -d)"
  tar -C "$work" -xJf "$out/bench.tar.xz"
  (cd "$out/parts" && sha256sum -c SHA256SUMS)
  cat "$out/parts"/libonnxruntime_providers_cuda.so.xz.part-* | xz -d > "$work/bench/libonnxruntime_providers_cuda.so"
  echo "$(cat "$out/parts/provider.sha256")  $work/bench/libonnxruntime_providers_cuda.so" | sha256sum -c -
  export LD_LIBRARY_PATH="/usr/local/cuda-13.0/targets/x86_64-linux/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  local report="$out/device-report.md"
  {
    echo "# Learned-evaluator device check"
    echo
    echo "machine: $(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null || echo 'no nvidia-smi'), $(nproc) CPU cores, $(uname -r)"
    echo
    AVEVAL_DEVICE=auto "$work/bench/aveval-learned-bench" rows "$work/bench/model" "$work/bench/rows.f32"
  } | tee "$report"
  if [ -n "${OUT:-}" ]; then cp "$report" "$OUT/"; fi
  rm -rf "$work"
}

case "${1:-}" in
  build) build ;;
  run) run ;;
  *) echo "usage: $0 build | run" >&2; exit 1 ;;
esac
