#!/usr/bin/env python3
"""The same mini-batch training as chapter 6's trainer, in NumPy, for the speed comparison.

Not part of the course: a benchmark tool. It trains a 64-30-10 logistic network with the half
squared error (or softmax with cross-entropy) on the course's digits files, with batches of 10,
the fan-in initialisation of Eq. (6.9), a fresh shuffle each epoch, and the batch-averaged
gradients of Eq. (6.6) and (6.7); it times each epoch (wall clock and this thread's CPU time) and
prints one JSON line like the Java trainer's.

    python3 tools/bench/numpy_train.py --data digits --hidden 30 --batch 10 --eta 3 --epochs 10 --seed 1
"""
import argparse
import json
import os
import statistics
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "exercises", "src", "main", "resources", "backprop", "training", "data")


def load(name, scale):
    raw = np.loadtxt(os.path.join(DATA, name + ".csv"), delimiter=",", skiprows=1)
    return raw[:, 1:] * scale, raw[:, 0].astype(int)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def forward(ws, bs, x, softmax):
    activations = [x]
    for l, (w, b) in enumerate(zip(ws, bs)):
        z = activations[-1] @ w + b
        if softmax and l == len(ws) - 1:
            e = np.exp(z - z.max(axis=1, keepdims=True))
            activations.append(e / e.sum(axis=1, keepdims=True))
        else:
            activations.append(sigmoid(z))
    return activations


def step(ws, bs, x, t, eta, softmax):
    a = forward(ws, bs, x, softmax)
    n = x.shape[0]
    out = a[-1]
    d = out - t if softmax else (out - t) * out * (1 - out)
    grads = []
    for l in range(len(ws) - 1, -1, -1):
        grads.append((a[l].T @ d / n, d.sum(axis=0) / n))
        if l > 0:
            d = (d @ ws[l].T) * a[l] * (1 - a[l])
    for l, (gw, gb) in enumerate(reversed(grads)):
        ws[l] -= eta * gw
        bs[l] -= eta * gb


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="digits")
    p.add_argument("--hidden", default="30")
    p.add_argument("--batch", type=int, default=10)
    p.add_argument("--eta", type=float, default=3.0)
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--output", default="sigmoid")
    args = p.parse_args()
    scale = 1 / 16 if args.data == "digits" else 1 / 8
    xtr, ytr = load(args.data + "_train", scale)
    xte, yte = load(args.data + "_test", scale)
    classes = 10 if args.data == "digits" else 3
    ttr = np.eye(classes)[ytr]
    sizes = [xtr.shape[1]] + [int(h) for h in args.hidden.split(",")] + [classes]
    rng = np.random.default_rng(args.seed)
    ws = [rng.standard_normal((sizes[l - 1], sizes[l])) / np.sqrt(sizes[l - 1]) for l in range(1, len(sizes))]
    bs = [np.zeros(sizes[l]) for l in range(1, len(sizes))]
    softmax = args.output == "softmax"
    wall, cpu, acc = [], [], []
    n = xtr.shape[0]
    for _ in range(args.epochs):
        t0, c0 = time.perf_counter(), time.thread_time()
        order = rng.permutation(n)
        for start in range(0, n, args.batch):
            idx = order[start:start + args.batch]
            step(ws, bs, xtr[idx], ttr[idx], args.eta, softmax)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
        pred = forward(ws, bs, xte, softmax)[-1].argmax(axis=1)
        acc.append(float((pred == yte).mean()))
    print(json.dumps({
        "impl": "numpy " + np.__version__,
        "data": args.data, "sizes": sizes, "output": args.output, "batch_size": args.batch, "eta": args.eta,
        "epochs": args.epochs, "seed": args.seed, "examples": n,
        "median_epoch_s": statistics.median(wall), "median_epoch_cpu_s": statistics.median(cpu),
        "examples_per_s": n / statistics.median(wall), "examples_per_cpu_s": n / statistics.median(cpu),
        "test_accuracy": acc[-1], "test_accuracy_per_epoch": acc,
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", ""),
    }, separators=(",", ":")))


if __name__ == "__main__":
    main()
