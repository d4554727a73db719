"""A forest of binary decision trees (a LightGBM model), evaluated with numpy.

LightGBM trains the span ranker (``yxsumm train-spans --ranker trees``) and the heading detector
(``yxsumm train-headings``) through :func:`train_forest`, with the ``train`` extra;
running it needs only numpy: the trees are stored as arrays (``safetensors``) and all trees of a
forest walk one level at a time for every row at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from safetensors.numpy import load_file, save_file

#: Rows walked together: bounds the memory of one pass (a few arrays of rows × trees entries).
ROWS_AT_ONCE = 1024


@dataclass(frozen=True)
class TreeEnsemble:
    """Trees as arrays: node ``i`` of tree ``t`` sends a row left when ``x[feature] <= threshold``.

    Children ``>= 0`` are inner nodes; a child ``c < 0`` is leaf ``~c`` (LightGBM's own encoding).
    A tree that is a single leaf has ``root[t] == -1``.  The score of a row is the sum of its leaves.
    """

    feature: np.ndarray  # [trees, nodes] int32
    threshold: np.ndarray  # [trees, nodes] float64
    left: np.ndarray  # [trees, nodes] int32
    right: np.ndarray  # [trees, nodes] int32
    leaf_value: np.ndarray  # [trees, leaves] float64
    root: np.ndarray  # [trees] int32: 0, or -1 for a one-leaf tree
    depth: int

    @property
    def features(self) -> int:
        """How many input features the trees read (one more than the highest feature index used)."""
        return int(self.feature.max()) + 1 if self.feature.size else 0

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The score of each row of ``x`` (``[rows, features]``), :data:`ROWS_AT_ONCE` rows at a time."""
        values = np.ascontiguousarray(x, dtype=np.float64)
        if len(values) <= ROWS_AT_ONCE:
            return self._predict(values)
        chunks = range(0, len(values), ROWS_AT_ONCE)
        return np.concatenate([self._predict(values[start : start + ROWS_AT_ONCE]) for start in chunks])

    def _predict(self, values: np.ndarray) -> np.ndarray:
        rows, width = values.shape
        trees, nodes = self.feature.shape
        tree = np.tile(np.arange(trees), rows)  # one (row, tree) pair per entry
        value_start = np.repeat(np.arange(rows) * width, trees)  # flat index of the pair's row's feature 0
        node_start = tree * nodes  # flat index of the pair's tree's node 0
        feature, threshold, flat_values = self.feature.ravel(), self.threshold.ravel(), values.ravel()
        children = np.stack([self.left.ravel(), self.right.ravel()], axis=1).ravel()  # left, right of each node
        node = self.root[tree]
        walking = np.flatnonzero(node >= 0)
        while walking.size:  # one level of every tree per pass, for the pairs not yet at a leaf
            at = node_start[walking] + node[walking]
            goes_right = flat_values[value_start[walking] + feature[at]] > threshold[at]
            node[walking] = children[2 * at + goes_right]
            walking = walking[node[walking] >= 0]
        leaves = self.leaf_value.shape[1]
        return self.leaf_value.ravel()[tree * leaves + ~node].reshape(rows, trees).sum(axis=1)

    def save(self, path: str | Path) -> None:
        """Write the arrays to a ``safetensors`` file."""
        arrays = {
            "feature": self.feature,
            "threshold": self.threshold,
            "left": self.left,
            "right": self.right,
            "leaf_value": self.leaf_value,
            "root": self.root,
            "depth": np.array([self.depth], dtype=np.int32),
        }
        save_file({k: np.ascontiguousarray(v) for k, v in arrays.items()}, str(path))

    @classmethod
    def load(cls, path: str | Path) -> TreeEnsemble:
        """Read a forest written by :meth:`save`."""
        a = load_file(str(path))
        return cls(a["feature"], a["threshold"], a["left"], a["right"], a["leaf_value"], a["root"], int(a["depth"][0]))

    @classmethod
    def from_lightgbm(cls, dump: dict[str, Any]) -> TreeEnsemble:
        """Convert ``lightgbm.Booster.dump_model()``: numerical ``<=`` splits without missing values only."""
        trees = dump["tree_info"]
        nodes = max(1, max(t["num_leaves"] - 1 for t in trees))
        leaves = max(t["num_leaves"] for t in trees)
        shape = (len(trees), nodes)
        feature = np.zeros(shape, np.int32)
        threshold = np.zeros(shape, np.float64)
        left = np.full(shape, -1, np.int32)
        right = np.full(shape, -1, np.int32)
        leaf_value = np.zeros((len(trees), leaves), np.float64)
        root = np.zeros(len(trees), np.int32)
        depth = 0
        for t, tree in enumerate(trees):
            top = tree["tree_structure"]
            if "leaf_value" in top:  # a one-leaf tree
                root[t] = -1
                leaf_value[t, 0] = top["leaf_value"]
                continue
            depth = max(depth, _fill(top, t, feature, threshold, left, right, leaf_value))
        return cls(feature, threshold, left, right, leaf_value, root, depth)


#: LightGBM settings every forest of yxsumm is trained with (the span ranker's and the heading detector's):
#: leaves of at least 50 rows, 80 % of rows and of features per tree, one thread, quiet.
COMMON_LIGHTGBM_PARAMS: dict[str, Any] = {
    "min_data_in_leaf": 50,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "feature_fraction": 0.8,
    "num_threads": 1,
    "verbose": -1,
}


def train_forest(
    features: np.ndarray,
    labels: np.ndarray,
    rounds: int,
    params: dict[str, Any],
    group: list[int] | None = None,
) -> TreeEnsemble:
    """Train ``rounds`` LightGBM trees (:data:`COMMON_LIGHTGBM_PARAMS` and ``params``: objective, leaves,
    learning rate, seed …; ``group``: row counts of a ranking objective's queries) and convert them."""
    try:
        import lightgbm
    except ImportError as error:
        raise RuntimeError("forests are trained with LightGBM: pip install 'yxsumm[train]'") from error
    data = lightgbm.Dataset(features, labels, group=group)
    booster = lightgbm.train(COMMON_LIGHTGBM_PARAMS | params, data, num_boost_round=rounds)
    return TreeEnsemble.from_lightgbm(booster.dump_model())


def _child(node: dict[str, Any]) -> int:
    return ~int(node["leaf_index"]) if "leaf_value" in node else int(node["split_index"])


def _fill(
    node: dict[str, Any],
    t: int,
    feature: np.ndarray,
    threshold: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    leaf_value: np.ndarray,
) -> int:
    """Write ``node``'s subtree into the arrays of tree ``t``; return the subtree's depth."""
    if "leaf_value" in node:
        leaf_value[t, int(node["leaf_index"])] = node["leaf_value"]
        return 0
    if node["decision_type"] != "<=" or node.get("missing_type", "None") not in ("None", "NaN"):
        raise ValueError(f"unsupported split: {node['decision_type']} with missing type {node.get('missing_type')}")
    i = int(node["split_index"])
    feature[t, i] = node["split_feature"]
    threshold[t, i] = node["threshold"]
    left[t, i] = _child(node["left_child"])
    right[t, i] = _child(node["right_child"])
    args = (t, feature, threshold, left, right, leaf_value)
    return 1 + max(_fill(node["left_child"], *args), _fill(node["right_child"], *args))
