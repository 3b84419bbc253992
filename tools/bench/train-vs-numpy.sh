#!/usr/bin/env bash
# Chapter 6's trainer against the same mini-batch training in NumPy, in one run on this machine:
# 64-30-10 on the digits, batch 10, eta 3, seeded; ROUNDS rounds, Java and NumPy in turn, each
# printing its JSON line; then the medians over all epochs of all rounds and their ratio.
# Needs: ./mvnw -pl trainer -am package -DskipTests (trainer/target/backprop-train.jar), python3-numpy.
# NumPy runs on one thread (OPENBLAS_NUM_THREADS=1) like the Java trainer; if OPENBLAS_CORETYPE is
# set on this machine it is left as it is unless UNSET_OPENBLAS_CORETYPE=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-3}
EPOCHS=${EPOCHS:-10}
PYTHON=${PYTHON:-/usr/bin/python3}
OUT=${OUT:-trainer/target/train-vs-numpy}
mkdir -p "$OUT"
: > "$OUT/java.jsonl"
: > "$OUT/numpy.jsonl"
envs=(OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1)
if [ "${UNSET_OPENBLAS_CORETYPE:-0}" = 1 ]; then
  envs=(-u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "${envs[@]}")
fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$ROUNDS"); do
  java -jar trainer/target/backprop-train.jar train --data digits --hidden 30 --batch 10 --eta 3 \
    --epochs "$EPOCHS" --seed "$r" --warmup 150 --peak --no-progress | tee -a "$OUT/java.jsonl"
  env "${envs[@]}" "$PYTHON" tools/bench/numpy_train.py --data digits --hidden 30 --batch 10 --eta 3 \
    --epochs "$EPOCHS" --seed "$r" | tee -a "$OUT/numpy.jsonl"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
"$PYTHON" - "$OUT" <<'PY'
import json, statistics, sys
out = sys.argv[1]
java = [json.loads(l) for l in open(out + "/java.jsonl")]
numpy = [json.loads(l) for l in open(out + "/numpy.jsonl")]
jw = statistics.median(r["median_epoch_s"] for r in java)
jc = statistics.median(r["median_epoch_cpu_s"] for r in java)
nw = statistics.median(r["median_epoch_s"] for r in numpy)
nc = statistics.median(r["median_epoch_cpu_s"] for r in numpy)
bound = statistics.median(r["bound_epoch_s"] for r in java)
summary = {
    "rounds": len(java),
    "java_median_epoch_ms": round(jw * 1e3, 3), "java_median_epoch_cpu_ms": round(jc * 1e3, 3),
    "numpy_median_epoch_ms": round(nw * 1e3, 3), "numpy_median_epoch_cpu_ms": round(nc * 1e3, 3),
    "java_examples_per_s": round(1500 / jw), "numpy_examples_per_s": round(1500 / nw),
    "java_examples_per_cpu_s": round(1500 / jc), "numpy_examples_per_cpu_s": round(1500 / nc),
    "speedup_wall": round(nw / jw, 2), "speedup_cpu": round(nc / jc, 2),
    "java_test_accuracy": [r["test_accuracy"] for r in java],
    "numpy_test_accuracy": [r["test_accuracy"] for r in numpy],
    "peak_gflops": statistics.median(r["peak_gflops"] for r in java),
    "bound_epoch_ms": round(bound * 1e3, 3), "java_cpu_over_bound": round(jc / bound, 2),
}
print(json.dumps(summary))
json.dump(summary, open(out + "/summary.json", "w"))
PY
