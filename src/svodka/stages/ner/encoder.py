"""Part of the NER stage: slovnet's NER network run over its own weights, faster.

slovnet's numpy Conv1d builds every window of the sequence (an im2col copy of
``kernel × channels`` numbers per token, gathered across strides) before one matrix
product; on news that copy takes as long as the product. Here a convolution is one
product per kernel offset over the padded sequence, shifted and summed, in (batch, time,
channels) layout throughout, and BatchNorm folded into one scale and shift. The
arithmetic is slovnet's; only float rounding differs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Layer:
    """A convolution (the ``channels × filters`` matrices of every kernel offset side by
    side), then ReLU, then BatchNorm as ``x * scale + shift``."""

    kernels: np.ndarray  # channels × (kernel · filters)
    size: int  # the kernel's width
    bias: np.ndarray
    padding: int
    scale: np.ndarray
    shift: np.ndarray


class Encoder:
    """The forward pass of a slovnet ``NER`` model: embeddings, CNN encoder, projection.
    Called like the model: word ids, shape ids and the pad mask in, tag scores out."""

    def __init__(self, model) -> None:
        self.emb = model.emb
        self.layers = [read_layer(layer) for layer in model.encoder.layers]
        proj = model.head.proj
        self.proj, self.proj_bias = proj.weight.array, proj.bias.array

    def __call__(self, word_id: np.ndarray, shape_id: np.ndarray, pad_mask: np.ndarray):
        x = self.emb(word_id, shape_id).astype(np.float32, copy=False)
        keep = (~pad_mask)[..., None].astype(np.float32)
        for layer in self.layers:
            x = convolve(x, layer)
            np.maximum(x, 0, out=x)
            x *= layer.scale
            x += layer.shift
            x *= keep  # padding stays zero, as slovnet sets it
        return x @ self.proj + self.proj_bias


def read_layer(layer) -> Layer:
    """A slovnet ``CNNEncoderLayer`` as a ``Layer``."""
    conv, norm = layer.conv, layer.norm
    scale = norm.weight.array / norm.std.array
    return Layer(
        kernels=np.ascontiguousarray(
            conv.weight.array.transpose(1, 2, 0).reshape(conv.weight.array.shape[1], -1)
        ),
        size=conv.weight.array.shape[2],
        bias=conv.bias.array,
        padding=conv.padding,
        scale=scale,
        shift=norm.bias.array - norm.mean.array * scale,
    )


def convolve(x: np.ndarray, layer: Layer) -> np.ndarray:
    """Conv1d over time of ``x`` (batch × time × channels), zero-padded on both ends: one
    matrix product for all kernel offsets, then each offset's slice shifted and summed."""
    batch, time, channels = x.shape
    pad, size = layer.padding, layer.size
    padded = np.pad(x, ((0, 0), (pad, pad), (0, 0)))
    width = time + 2 * pad
    products = (padded.reshape(-1, channels) @ layer.kernels).reshape(batch, width, size, -1)
    steps = width - size + 1
    out = products[:, 0:steps, 0] + layer.bias
    for k in range(1, size):
        out += products[:, k : k + steps, k]
    return out
