#!/usr/bin/env python3
"""Trains a one-layer transformer on majority (accept iff the input has more 1s than 0s) at n = 16
with PyTorch, in exactly the architecture tc0 compiles (src/docs/transformer.md), and exports it:

    majority16.npz   the weights, one array per Haiku module/parameter name
                     (token_embed/embeddings, transformer/layer_0/attn/query/w, ...)
    majority16.json  the configuration (a tc0 model file without "params")

Run with Debian's PyTorch and NumPy (apt-get install python3-torch python3-numpy):

    /usr/bin/python3 src/examples/torch/train_majority.py

Then `./tc0 verify src/examples/torch/majority16.json --weights src/examples/torch/majority16.npz --n 16`
compiles the trained model into a threshold circuit and checks it against tc0's exact p-precision
forward pass on every one of the 2^16 inputs. The run is deterministic (seeded, one thread).
"""
import json
import math
import os

import numpy as np
import torch

N, D, KEY, VALUE, HIDDEN = 16, 4, 2, 2, 4
SCALE = 1 / math.sqrt(KEY)
HERE = os.path.dirname(os.path.abspath(__file__))

torch.manual_seed(1)
torch.set_num_threads(1)


class Model(torch.nn.Module):
    """tc0's forward pass in floats: embedding, one softmax head, output map + residual,
    ReLU MLP + residual, classifier on the last position (y[0] > 0)."""

    def __init__(self):
        super().__init__()
        self.tok = torch.nn.Parameter(torch.randn(2, D) * 0.5)
        self.pos = torch.nn.Parameter(torch.randn(N, D) * 0.1)
        self.query = torch.nn.Linear(D, KEY)
        self.key = torch.nn.Linear(D, KEY)
        self.value = torch.nn.Linear(D, VALUE)
        self.linear = torch.nn.Linear(VALUE, D)
        self.linear_1 = torch.nn.Linear(D, HIDDEN)
        self.linear_2 = torch.nn.Linear(HIDDEN, D)
        self.unembed = torch.nn.Linear(D, 1)

    def forward(self, w):
        h = self.tok[w] + self.pos[: w.shape[1]]
        q, k, v = self.query(h), self.key(h), self.value(h)
        att = torch.softmax(q @ k.transpose(1, 2) * SCALE, dim=-1)
        o = self.linear(att @ v) + h
        h = self.linear_2(torch.relu(self.linear_1(o))) + o
        return self.unembed(h[:, -1])[:, 0]


def batch(size):
    w = torch.randint(0, 2, (size, N))
    return w, (w.sum(1) * 2 > N).float()


model = Model()
opt = torch.optim.Adam(model.parameters(), lr=0.01)
for step in range(3000):
    w, y = batch(256)
    loss = torch.nn.functional.binary_cross_entropy_with_logits(model(w) * 4, y)
    opt.zero_grad()
    loss.backward()
    opt.step()
with torch.no_grad():
    every = torch.tensor([[(x >> i) & 1 for i in range(N)] for x in range(1 << N)])
    correct = ((model(every) > 0).float() == (every.sum(1) * 2 > N).float()).float().mean().item()
print(f"float accuracy on all 2^{N} inputs: {correct:.4f}")


def linear(layer):  # tc0 and Haiku store w as [in, out]; torch as [out, in]
    return {"w": layer.weight.detach().numpy().T, "b": layer.bias.detach().numpy()}


arrays = {"token_embed/embeddings": model.tok.detach().numpy(), "pos_embed/embeddings": model.pos.detach().numpy()}
for name, layer in [("attn/query", model.query), ("attn/key", model.key), ("attn/value", model.value),
                    ("attn/linear", model.linear), ("mlp/linear_1", model.linear_1), ("mlp/linear_2", model.linear_2)]:
    for field, a in linear(layer).items():
        arrays[f"transformer/layer_0/{name}/{field}"] = a
for field, a in linear(model.unembed).items():
    arrays[f"unembed/{field}"] = a
np.savez(os.path.join(HERE, "majority16.npz"), **{k: v.astype(np.float32) for k, v in arrays.items()})

config = {
    "format": "tc0-transformer", "version": 1, "name": "majority16",
    "description": "majority at n = 16, trained with PyTorch (src/examples/torch/train_majority.py)",
    "config": {
        "vocab": ["0", "1"], "bos": None, "max_seq_len": N, "d_model": D, "num_layers": 1, "num_heads": 1,
        "key_size": KEY, "value_size": VALUE, "mlp_hidden_size": HIDDEN, "precision": {"bits": 16},
        "attention": "softmax", "softmax_scale": SCALE, "layer_norm": False, "causal": False,
        "output": {"mode": "classify_last"},
    },
}
with open(os.path.join(HERE, "majority16.json"), "w") as f:
    json.dump(config, f, indent=2)
    f.write("\n")
