"""Part of the NER stage: slovnet's NER network run over its own weights, faster.

slovnet's numpy Conv1d builds every window of the sequence (an im2col copy of
``kernel × channels`` numbers per token, gathered across strides) before one matrix
product; on news that copy takes as long as the product. Here a convolution is one
product per kernel offset over the padded sequence, shifted and summed, in (batch, time,
channels) layout throughout, and BatchNorm folded into one scale and shift. The word
vectors are navec's product-quantized rows decoded by one ``take`` over the centroids
(slovnet's fancy indexing over a subspace grid took four times as long). The arithmetic
is slovnet's; only float rounding differs.
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
        words, shapes = model.emb.word, model.emb.shape
        qdim, centroids, chunk = words.codes.array.shape
        self.codes = words.indexes.array  # word id → its centroid in each subspace
        self.centroids = words.codes.array.reshape(-1, chunk)
        self.offsets = np.arange(qdim, dtype=np.int64) * centroids
        self.shapes = shapes.weight.array.astype(np.float32)
        self.layers = [read_layer(layer) for layer in model.encoder.layers]
        proj = model.head.proj
        self.proj, self.proj_bias = proj.weight.array, proj.bias.array
        self.transitions = model.head.crf.transitions.array  # the CRF's, for ``viterbi``

    def __call__(self, word_id: np.ndarray, shape_id: np.ndarray, pad_mask: np.ndarray):
        x = self.embed(word_id, shape_id)
        keep = (~pad_mask)[..., None].astype(np.float32)
        for layer in self.layers:
            x = convolve(x, layer)
            np.maximum(x, 0, out=x)
            x *= layer.scale
            x += layer.shift
            x *= keep  # padding stays zero, as slovnet sets it
        return x @ self.proj + self.proj_bias

    def embed(self, word_id: np.ndarray, shape_id: np.ndarray) -> np.ndarray:
        """navec's vector of each word id, then its shape's embedding."""
        rows = np.take(self.centroids, self.codes[word_id.ravel()] + self.offsets, axis=0)
        words = rows.reshape(*word_id.shape, -1).astype(np.float32, copy=False)
        return np.concatenate((words, self.shapes[shape_id]), axis=-1)


def viterbi(transitions: np.ndarray, emissions: np.ndarray, mask: np.ndarray) -> list[list[int]]:
    """The best tag path of each sequence (``emissions``: batch × time × tags; ``mask``
    true on real tokens), as slovnet's ``CRF.decode`` finds it, with the paths followed
    back for the whole batch at once instead of token by token in Python."""
    batch, time, _ = emissions.shape
    steps, real = emissions.swapaxes(1, 0), mask.swapaxes(1, 0)
    score, history = steps[0], []
    for t in range(1, time):
        scores = score[:, :, None] + transitions + steps[t][:, None, :]
        best = scores.argmax(axis=1)
        scores = np.take_along_axis(scores, best[:, None, :], axis=1)[:, 0, :]
        score = np.where(real[t][:, None], scores, score)
        history.append(best)
    sizes = real.sum(axis=0) - 1
    paths = np.zeros((batch, time), dtype=np.int64)
    rows, current = np.arange(batch), score.argmax(axis=1)
    for t in range(time - 1, 0, -1):
        active = t <= sizes
        paths[active, t] = current[active]
        current = np.where(active, history[t - 1][rows, current], current)
    paths[:, 0] = current
    return [path[: size + 1].tolist() for path, size in zip(paths, sizes, strict=True)]


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
