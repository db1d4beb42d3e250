#!/usr/bin/env python3
"""PyTorch CPU peer of vaekit's bench: the same VAE, data, batch sizes and timing rules.

Reads the training images (gray levels in [0, 1], float32 [n, d]) from a .npy file, then for each
batch size measures the median samples/s of `runs` epochs after one warm-up epoch (the first batch size
trains for `warmup` seconds before that, as the Java subjects do) of:
  pipeline   shuffle, slice and binarize (torch.bernoulli) each minibatch
  training   pipeline + forward + backward + Adam
  inference  the full forward pass to the reconstruction means (encode, sample z, decode)
Prints one JSON object per line: {"name": ..., "batch": ..., "samples_per_second": ...}, and last the
process's peak resident set: {"name": "memory", "resident_bytes": ...}.
Exits with status 3 and a message on stderr when PyTorch is not installed.
"""
import argparse
import json
import os
import resource
import statistics
import sys
import time

try:
    import numpy as np
    import torch
    from torch import nn
    import torch.nn.functional as F
except ImportError as e:
    print(f"pytorch_vae.py: {e}", file=sys.stderr)
    sys.exit(3)


class Vae(nn.Module):
    def __init__(self, d, hidden, latent):
        super().__init__()
        self.enc = nn.Linear(d, hidden)
        self.mu = nn.Linear(hidden, latent)
        self.logvar = nn.Linear(hidden, latent)
        self.dec = nn.Linear(latent, hidden)
        self.out = nn.Linear(hidden, d)

    def forward(self, x):
        h = torch.tanh(self.enc(x))
        mu, logvar = self.mu(h), self.logvar(h)
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
        return self.out(torch.tanh(self.dec(z))), mu, logvar


def cost(model, x):
    logits, mu, logvar = model(x)
    rec = F.binary_cross_entropy_with_logits(logits, x, reduction="sum")
    kl = -0.5 * torch.sum(1 + logvar - mu * mu - torch.exp(logvar))
    return (rec + kl) / x.shape[0]


def batches(data, batch):
    perm = torch.randperm(data.shape[0])
    for i in range(0, data.shape[0], batch):
        yield torch.bernoulli(data[perm[i:i + batch]])


def blas_library():
    """The BLAS library the process loaded (Debian picks it through alternatives: the reference BLAS is many
    times slower than OpenBLAS), as its folder and file name."""
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.split()[-1].lower()}
    return ", ".join(sorted(os.path.join(os.path.basename(os.path.dirname(p)), os.path.basename(p))
                            for p in paths)) or "none found"


def median_rate(epoch, n, runs):
    epoch()  # warm-up
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        epoch()
        rates.append(n / (time.perf_counter() - start))
    return statistics.median(rates)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", required=True, help=".npy file of gray levels, float32 [n, d]")
    p.add_argument("--batch", default="50,500", help="comma-separated batch sizes")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--warmup", type=float, default=0, help="seconds of training before the first figure")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--hidden", type=int, default=500)
    p.add_argument("--latent", type=int, default=2)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=12345)
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    data = torch.from_numpy(np.load(a.data).astype(np.float32))
    n = data.shape[0]
    print(json.dumps({"name": "version", "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "blas": blas_library()}), flush=True)

    warmup = a.warmup
    for batch in [int(b) for b in a.batch.split(",")]:
        def pipeline():
            for _ in batches(data, batch):
                pass

        model = Vae(data.shape[1], a.hidden, a.latent)
        opt = torch.optim.Adam(model.parameters(), lr=a.lr)

        def training():
            for x in batches(data, batch):
                opt.zero_grad()
                cost(model, x).backward()
                opt.step()

        start = time.perf_counter()
        while time.perf_counter() - start < warmup:
            training()
        warmup = 0

        binary = torch.bernoulli(data)

        def inference():
            with torch.no_grad():
                for i in range(0, n, batch):
                    torch.sigmoid(model(binary[i:i + batch])[0])

        for name, fn in (("pipeline", pipeline), ("training", training), ("inference", inference)):
            rate = median_rate(fn, n, a.runs)
            print(json.dumps({"name": name, "batch": batch, "samples_per_second": rate}), flush=True)
    # ru_maxrss is in KiB on Linux
    print(json.dumps({"name": "memory", "resident_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))


if __name__ == "__main__":
    main()
