#!/usr/bin/env python3
"""The HRM language model of hrm-trainer written directly in PyTorch, as a throughput reference.

This is the training loop a user would write in Python instead of using hrm-trainer. It mirrors
trainer-gpu's model package (HrmModel, ReasoningModule, TransformerBlock, CausalSelfAttention,
SwiGlu, RmsNorm, LanguageModelLoss) and optim package (AdamW, GradientClipping,
LearningRateSchedule, TrainingStep) with the same sizes, the same defaults and the same batches:

- byte tokens (256 bytes, PAD 256, EOS 257), rows of seq_len tokens: bytes, EOS, then PAD;
- a token embedding scaled by sqrt(hidden); H and L modules of post-norm blocks
  x = RMSNorm(x + Attn(x)); x = RMSNorm(x + SwiGLU(x)), causal multi-head attention with rotary
  position encoding on queries and keys (pairs: first half, second half of each head);
- h_cycles outer steps of l_cycles inner steps zL = L(zL + zH + x), then zH = H(zH + zL), both
  states starting at zero; only the last L and the last H step record gradients (one-step
  gradient), the others run under no_grad;
- an LM head without bias on zH; the mean next-token cross-entropy over targets that are not PAD;
- AdamW (betas 0.9 and 0.95, eps 1e-8, decoupled weight decay 0.01 on parameters of rank 2 or
  more whose name does not contain "embedding"), global-norm gradient clipping at 1.0, linear
  warm-up for 20 steps and cosine decay over 10,000 steps to 0.1 of the peak rate 1e-3.

Usage: hrm_reference.py [--preset tiny|small] [--threads 2] [--batch-size 16] [--seq-len 64]
[--warmup-steps 30] [--steps 50] [--repeats 7] [--dataset samples/tinyshakespeare.txt]
[--param-count] (print the parameter count and exit).
"""

import argparse
import math
import random
import sys
import time

import torch
from torch import nn
import torch.nn.functional as F

PAD = 256
EOS = 257
VOCAB_SIZE = 258
ROPE_BASE = 10000.0
MASKED = -1e9
CHUNK_SAMPLES = 1000

# hidden, heads, h_layers, l_layers, h_cycles, l_cycles, expansion: as core's ModelPreset.
PRESETS = {
    "tiny": (64, 4, 1, 1, 2, 2, 2.0),
    "small": (256, 4, 2, 2, 2, 2, 4.0),
    "base": (512, 8, 4, 4, 2, 2, 4.0),
}


class RmsNorm(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.gain = nn.Parameter(torch.ones(hidden))

    def forward(self, x):
        return x / torch.sqrt(x.square().mean(-1, keepdim=True) + 1e-5) * self.gain


class CausalSelfAttention(nn.Module):
    def __init__(self, hidden, heads):
        super().__init__()
        self.heads = heads
        self.head_dim = hidden // heads
        self.qkv = nn.Linear(hidden, 3 * hidden, bias=False)
        self.output = nn.Linear(hidden, hidden, bias=False)

    def forward(self, x, cos, sin, mask):
        b, t, _ = x.shape
        projected = self.qkv(x).reshape(b, t, 3, self.heads, self.head_dim).permute(2, 0, 3, 1, 4)
        q = rotate(projected[0], cos, sin)
        k = rotate(projected[1], cos, sin)
        v = projected[2]
        scores = q @ k.transpose(2, 3) * (1.0 / math.sqrt(self.head_dim)) + mask
        mixed = (scores.softmax(3) @ v).transpose(1, 2).reshape(b, t, self.heads * self.head_dim)
        return self.output(mixed)


def rotate(x, cos, sin):
    first, second = x.chunk(2, dim=3)
    return torch.cat((first * cos - second * sin, first * sin + second * cos), dim=3)


class SwiGlu(nn.Module):
    def __init__(self, hidden, expansion):
        super().__init__()
        inner = max(1, round(expansion * hidden))
        self.gate_up = nn.Linear(hidden, 2 * inner, bias=False)
        self.down = nn.Linear(inner, hidden, bias=False)

    def forward(self, x):
        gate, up = self.gate_up(x).chunk(2, dim=-1)
        return self.down(gate * torch.sigmoid(gate) * up)


class TransformerBlock(nn.Module):
    def __init__(self, hidden, heads, expansion):
        super().__init__()
        self.attention = CausalSelfAttention(hidden, heads)
        self.attention_norm = RmsNorm(hidden)
        self.mlp = SwiGlu(hidden, expansion)
        self.mlp_norm = RmsNorm(hidden)

    def forward(self, x, cos, sin, mask):
        x = self.attention_norm(x + self.attention(x, cos, sin, mask))
        return self.mlp_norm(x + self.mlp(x))


class ReasoningModule(nn.Module):
    def __init__(self, layers, hidden, heads, expansion):
        super().__init__()
        self.layers = nn.ModuleList(
            TransformerBlock(hidden, heads, expansion) for _ in range(layers))

    def forward(self, x, cos, sin, mask):
        for layer in self.layers:
            x = layer(x, cos, sin, mask)
        return x


class HrmModel(nn.Module):
    def __init__(self, preset):
        super().__init__()
        hidden, heads, h_layers, l_layers, h_cycles, l_cycles, expansion = PRESETS[preset]
        self.hidden = hidden
        self.heads = heads
        self.h_cycles = h_cycles
        self.l_cycles = l_cycles
        self.token_embedding = nn.Parameter(torch.empty(VOCAB_SIZE, hidden))
        self.h_module = ReasoningModule(h_layers, hidden, heads, expansion)
        self.l_module = ReasoningModule(l_layers, hidden, heads, expansion)
        self.lm_head = nn.Linear(hidden, VOCAB_SIZE, bias=False)
        for name, parameter in self.named_parameters():
            if parameter.dim() >= 2:
                # As HrmModel: normal truncated at two standard deviations, std 1/sqrt(fan_in).
                std = 1.0 / math.sqrt(parameter.shape[-1])
                nn.init.trunc_normal_(parameter, std=std, a=-2 * std, b=2 * std)

    def position_context(self, seq):
        half = self.hidden // self.heads // 2
        positions = torch.arange(seq, dtype=torch.float64).unsqueeze(1)
        frequencies = ROPE_BASE ** (-torch.arange(half, dtype=torch.float64) / half)
        angles = positions * frequencies
        mask = torch.full((seq, seq), MASKED).triu(1)
        return angles.cos().float(), angles.sin().float(), mask

    def forward(self, ids):
        x = self.token_embedding[ids] * math.sqrt(self.hidden)
        cos, sin, mask = self.position_context(ids.shape[1])
        z_h = torch.zeros_like(x)
        z_l = torch.zeros_like(x)
        for h in range(self.h_cycles):
            last_h = h == self.h_cycles - 1
            for step in range(self.l_cycles):
                tracked = last_h and step == self.l_cycles - 1
                with torch.set_grad_enabled(tracked):
                    z_l = self.l_module(z_l + z_h + x, cos, sin, mask)
                if not tracked:
                    z_l = z_l.detach()
            with torch.set_grad_enabled(last_h):
                z_h = self.h_module(z_h + z_l, cos, sin, mask)
            if not last_h:
                z_h = z_h.detach()
        return self.lm_head(z_h)


def next_token_loss(logits, tokens):
    targets = tokens[:, 1:]
    log_probs = logits[:, :-1].log_softmax(2)
    picked = log_probs.gather(2, targets.unsqueeze(2)).squeeze(2)
    mask = (targets != PAD).float()
    return -(picked * mask).sum() / mask.sum().clamp(min=1.0)


def learning_rate(step, peak=1e-3, warmup=20, decay=10000, min_ratio=0.1):
    floor = min_ratio * peak
    if step < warmup:
        return peak * (step + 1) / warmup
    into = step - warmup
    if into >= decay:
        return floor
    return floor + (peak - floor) * 0.5 * (1 + math.cos(math.pi * into / decay))


def new_optimizer(model):
    decayed = [p for n, p in model.named_parameters() if p.dim() >= 2 and "embedding" not in n]
    plain = [p for n, p in model.named_parameters() if not (p.dim() >= 2 and "embedding" not in n)]
    return torch.optim.AdamW(
        [{"params": decayed, "weight_decay": 0.01}, {"params": plain, "weight_decay": 0.0}],
        lr=1e-3, betas=(0.9, 0.95), eps=1e-8)


def encode(sample, seq_len):
    data = sample.encode("utf-8")[:seq_len]
    row = list(data)
    if len(row) < seq_len:
        row.append(EOS)
    row.extend([PAD] * (seq_len - len(row)))
    return row


def batches(samples, batch_size, seq_len, seed=42):
    """Endless full batches: chunks of 1000 samples, each shuffled, as hrm-trainer cuts them."""
    chunks = (len(samples) + CHUNK_SAMPLES - 1) // CHUNK_SAMPLES
    chunk = 0
    while True:
        start = (chunk % chunks) * CHUNK_SAMPLES
        order = samples[start:start + CHUNK_SAMPLES]
        random.Random(seed * 1000003 + chunk).shuffle(order)
        for i in range(0, len(order) - batch_size + 1, batch_size):
            rows = [encode(s, seq_len) for s in order[i:i + batch_size]]
            yield torch.tensor(rows, dtype=torch.long)
        chunk += 1


def train_step(model, optimizer, ids, step):
    for group in optimizer.param_groups:
        group["lr"] = learning_rate(step)
    loss = next_token_loss(model(ids), ids)
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    # As hrm-trainer: skip the update when the loss or the norm is not finite.
    value = loss.item()
    if math.isfinite(value) and math.isfinite(norm.item()):
        optimizer.step()
    optimizer.zero_grad(set_to_none=True)
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="tiny", choices=sorted(PRESETS))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--seq-len", type=int, default=64)
    parser.add_argument("--warmup-steps", type=int, default=30)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--dataset", default="samples/tinyshakespeare.txt")
    parser.add_argument("--param-count", action="store_true")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(42)
    model = HrmModel(args.preset)
    count = sum(p.numel() for p in model.parameters())
    if args.param_count:
        print(count)
        return
    print(f"engine: PyTorch {torch.__version__}, intra-op threads {torch.get_num_threads()},"
          f" python {sys.version.split()[0]}")
    print(f"preset {args.preset}: {PRESETS[args.preset]}")
    print(f"parameters: {count}")

    with open(args.dataset, encoding="utf-8") as f:
        samples = [line.rstrip("\n") for line in f if line.strip()]
    optimizer = new_optimizer(model)
    data = batches(samples, args.batch_size, args.seq_len)
    step = 0
    loss = float("nan")
    for _ in range(args.warmup_steps):
        loss = train_step(model, optimizer, next(data), step)
        step += 1
    print(f"warm-up: {args.warmup_steps} steps, loss {loss:.4f}")

    tokens_per_step = args.batch_size * args.seq_len
    seconds = []
    for repeat in range(args.repeats):
        start = time.perf_counter()
        for _ in range(args.steps):
            loss = train_step(model, optimizer, next(data), step)
            step += 1
        elapsed = time.perf_counter() - start
        seconds.append(elapsed)
        print(f"repeat {repeat + 1}: {args.steps} steps in {elapsed:.3f} s:"
              f" {tokens_per_step * args.steps / elapsed:.0f} tokens/s,"
              f" {args.batch_size * args.steps / elapsed:.1f} samples/s,"
              f" {elapsed * 1000 / args.steps:.2f} ms/step, loss {loss:.4f}")

    ordered = sorted(seconds)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    tokens = tokens_per_step * args.steps
    samples_per_repeat = args.batch_size * args.steps
    print(f"RESULT pytorch preset={args.preset} threads={args.threads} batch={args.batch_size}"
          f" seq={args.seq_len}: tokens/s median {tokens / median:.0f} min {tokens / ordered[-1]:.0f}"
          f" max {tokens / ordered[0]:.0f}; samples/s median {samples_per_repeat / median:.1f}"
          f" min {samples_per_repeat / ordered[-1]:.1f} max {samples_per_repeat / ordered[0]:.1f};"
          f" ms/step median {median * 1000 / args.steps:.2f} (n={len(seconds)})")


if __name__ == "__main__":
    main()
