#!/usr/bin/env bash
# Timed runs of the course's figures of speed, each the median of 3 runs on this machine.
# Run from the repository root after `./mvnw -B install -DskipTests` (everything runs offline):
#
#   bash tools/bench.sh [student] [root] [book] [pdf] [kernel] [notebooks] [grader] [mvn-baseline]
#
# With no argument it runs all of them (grader includes mvn-baseline). Timings are wall-clock seconds (the grader and the
# baseline also give the machine's CPU-seconds per submission); nothing here is a test,
# because a shared machine is too noisy for a timed assertion. The grader's set of 50 submissions
# is built under target/bench/ from the reference code, the stubs and the mistake fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/bench
PY=/usr/bin/python3
mkdir -p "$WORK"
sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=(student root book pdf kernel notebooks grader)

# median of the numbers given
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# seconds one command takes (its output goes to $WORK/last.log; its exit code is ignored)
seconds() {
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >"$WORK/last.log" 2>&1 || true
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}'
}

# "WALL CPU" seconds of one command, CPU being what the whole machine was busy meanwhile (from
# /proc/stat, so on a quiet machine): a grader's compiler JVMs are killed, never waited for, and
# the time(1) of the grader would leave them out (its output goes to $WORK/last.log; its exit code is ignored)
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
wall_and_cpu() {
    local t0 t1 b0 b1
    b0=$(busy_ticks); t0=$(date +%s.%N)
    "$@" >"$WORK/last.log" 2>&1 || true
    b1=$(busy_ticks); t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" -v c="$((b1 - b0))" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f %.1f", b - a, c / hz}'
}

# median of RUNS (default 3) runs of one command, wall and CPU seconds per submission ($2 submissions), with a label
per_submission() {
    local label=$1 n=$2; shift 2
    local walls=() cpus=() w c
    for _ in $(seq "${RUNS:-3}"); do
        read -r w c <<<"$(wall_and_cpu "$@")"
        walls+=("$w"); cpus+=("$c")
    done
    printf '%-48s median %6.1f s = %5.2f s/submission, %6.1f CPU-s = %5.2f CPU-s/submission   (wall: %s; CPU: %s)\n' "$label" \
        "$(median "${walls[@]}")" "$(awk -v t="$(median "${walls[@]}")" -v n="$n" 'BEGIN {print t / n}')" \
        "$(median "${cpus[@]}")" "$(awk -v t="$(median "${cpus[@]}")" -v n="$n" 'BEGIN {print t / n}')" "${walls[*]}" "${cpus[*]}"
}

# median of 3 runs of one command, printed with a label
timed() {
    local label=$1; shift
    local runs=()
    for _ in 1 2 3; do runs+=("$(seconds "$@")"); done
    printf '%-48s median %6.1f s   (runs: %s)\n' "$label" "$(median "${runs[@]}")" "${runs[*]}"
}

classpath() { echo "$ROOT/solutions/target/classes:$(ls "$ROOT"/figures/target/backprop-figures-*-with-xchart.jar)"; }

for s in "${sections[@]}"; do
    case $s in
    student)
        (cd exercises && mvn -o -q test >/dev/null 2>&1 || true)   # warm the local repository
        timed "student: cd exercises && mvn -o -q test" bash -c 'cd exercises && mvn -o -q test'
        ;;
    root)
        timed "root: ./mvnw -o -B verify" ./mvnw -o -B verify
        ;;
    book)
        timed "book, HTML (both editions)" ./mvnw -o -q -B package -pl docs -DskipTests
        ;;
    pdf)
        timed "book, HTML + PDF (both editions)" ./mvnw -o -q -B package -pl docs -DskipTests -Ppdf
        ;;
    kernel | notebooks)
        export JUPYTER_PATH=$WORK/jupyter JUPYTER_DATA_DIR=$WORK/jupyter IJAVA_CLASSPATH
        IJAVA_CLASSPATH=$(classpath)
        java -jar kernel/target/backprop-kernel.jar install --dir "$WORK/jupyter/kernels/java" >/dev/null
        if [ "$s" = kernel ]; then
            rm -f "$WORK/kernel.txt"
            for _ in 1 2 3; do
                # the kernel inherits stdout: the timings go straight to the file
                "$PY" - "$WORK/kernel.txt" >/dev/null 2>&1 <<'EOF'
import sys
import time
from jupyter_client.manager import start_new_kernel
t0 = time.monotonic()
km, kc = start_new_kernel(kernel_name="java")
ready = time.monotonic() - t0
t1 = time.monotonic()
kc.execute_interactive("1 + 1", timeout=60)
first = time.monotonic() - t1
kc.stop_channels(); km.shutdown_kernel(now=True)
with open(sys.argv[1], "a") as out:
    out.write(f"{ready:.2f} {first:.2f}\n")
EOF
            done
            printf '%-48s median %6.2f s   (runs: %s)\n' "kernel: start until kernel_info is answered" \
                "$(median $(cut -d' ' -f1 "$WORK/kernel.txt"))" "$(cut -d' ' -f1 "$WORK/kernel.txt" | tr '\n' ' ')"
            printf '%-48s median %6.2f s   (runs: %s)\n' "kernel: then the first cell, 1 + 1" \
                "$(median $(cut -d' ' -f2 "$WORK/kernel.txt"))" "$(cut -d' ' -f2 "$WORK/kernel.txt" | tr '\n' ' ')"
        else
            for nb in notebooks/*.ipynb; do
                timed "notebook $(basename "$nb")" "$PY" -m nbconvert --to notebook --execute \
                    --ExecutePreprocessor.kernel_name=java --ExecutePreprocessor.timeout=600 \
                    --output-dir "$WORK/executed" "$nb"
            done
        fi
        ;;
    grader)
        subs=$WORK/submissions
        rm -rf "$subs" && mkdir -p "$subs"
        packages=(intuition singlelayer logistic network loss)
        fixtures=(grader/src/test/resources/fixtures/*/mutation.txt)
        make_sub() { # id, chapters done (0-5), mutation file or ""
            local d=$subs/$1
            mkdir -p "$d/src/main"
            cp exercises/pom.xml "$d/"
            cp -r exercises/src/main/java "$d/src/main/"
            for ((c = 0; c < $2; c++)); do
                cp solutions/src/main/java/backprop/"${packages[c]}"/*.java "$d/src/main/java/backprop/${packages[c]}/"
            done
            [ -z "$3" ] || "$PY" - "$3" "$d/src/main/java" <<'EOF'
# the format of grader/src/test/resources/fixtures/*/mutation.txt, as Corpus.mutate reads it
import sys, pathlib
f = find = None
for line in open(sys.argv[1]).read().splitlines():
    key, _, value = line.partition(": ")
    if key == "file":
        f = pathlib.Path(sys.argv[2], value.strip())
    elif key == "find":
        find = value.replace("\\n", "\n")
    elif key == "replace":
        text = f.read_text()
        if find in text:  # a chapter still a stub has nothing to change
            f.write_text(text.replace(find, value.replace("\\n", "\n")))
EOF
        }
        make_sub reference 5 ""
        make_sub stubs 0 ""
        for fx in "${fixtures[@]}"; do make_sub "$(basename "$(dirname "$fx")")" 5 "$fx"; done
        for ((i = 0; i < 50 - 2 - ${#fixtures[@]}; i++)); do
            m=""
            [ $((i % 3)) -ne 0 ] || m=${fixtures[i % ${#fixtures[@]}]}
            make_sub "$(printf 'student-%02d' "$i")" $((1 + i % 5)) "$m"
        done
        n=$(ls "$subs" | wc -l)
        echo "grader: $n submissions in $subs"
        for jobs in 1 2; do
            per_submission "grader, --jobs $jobs" "$n" java -jar grader/target/backprop-grader.jar grade "$subs" \
                --out "$WORK/out-$jobs" --jobs "$jobs" --force --no-progress
            grep -h '^Reused' "$WORK/last.log" || true
        done
        # every method in a test JVM, even where an earlier submission had the same code
        RUNS=1 per_submission "grader, --jobs 2 --no-reuse (one run)" "$n" java -jar grader/target/backprop-grader.jar grade "$subs" \
            --out "$WORK/out-no-reuse" --jobs 2 --force --no-progress --no-reuse
        cmp -s "$WORK/out-no-reuse/gradebook.csv" "$WORK/out-2/gradebook.csv" && echo "grader: the same gradebook with and without reuse" \
            || echo "grader: the gradebooks with and without reuse DIFFER"
        grep -c ',graded,' "$WORK/out-1/gradebook.csv" | xargs echo "grader: rows with status graded:"
        ;&
    mvn-baseline)
        # the same submissions graded the plain way: each copy with the visible and the hidden
        # tests, `mvn -o -q test` in each (run `grader` first: it builds the submissions)
        subs=$WORK/submissions
        copies=$WORK/mvn-copies
        rm -rf "$copies" && cp -r "$subs" "$copies"
        for d in "$copies"/*/; do
            # the student's Maven settings too (tests in Maven's JVM, its JIT options, no recap)
            cp -r exercises/.mvn "$d/"
            cp -r exercises/src/test "$d/src/"
            cp -r solutions/src/test/java/. "$d/src/test/java/"
        done
        n=$(ls "$copies" | wc -l)
        # each time from a fresh copy, as the grader gets it: no target/ left from the run before
        per_submission "mvn -o -q test in each submission" "$n" bash -c \
            'for d in "$0"/*/; do (cd "$d" && rm -rf target && mvn -o -q test >/dev/null 2>&1 || true); done' "$copies"
        ;;
    *)
        echo "unknown section: $s" >&2
        exit 2
        ;;
    esac
done
