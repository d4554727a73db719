"""The numpy tree forest: hand-built trees, LightGBM's own predictions, and the span ranker that uses it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from yxsumm.tree_ensemble import TreeEnsemble


def _leaf(index: int, value: float) -> dict:
    return {"leaf_index": index, "leaf_value": value}


def _split(index: int, feature: int, threshold: float, left: dict, right: dict) -> dict:
    return {
        "split_index": index,
        "split_feature": feature,
        "threshold": threshold,
        "decision_type": "<=",
        "missing_type": "None",
        "left_child": left,
        "right_child": right,
    }


#: Tree 0: x1 <= 0.5 → 1.0; else x0 <= 2 → -1.0 else 3.0.  Tree 1: a single leaf, 0.25.
DUMP = {
    "tree_info": [
        {
            "num_leaves": 3,
            "tree_structure": _split(0, 1, 0.5, _leaf(0, 1.0), _split(1, 0, 2.0, _leaf(1, -1.0), _leaf(2, 3.0))),
        },
        {"num_leaves": 1, "tree_structure": {"leaf_value": 0.25}},
    ]
}


def test_hand_built_trees_send_each_row_to_its_leaves(tmp_path: Path) -> None:
    forest = TreeEnsemble.from_lightgbm(DUMP)
    rows = np.array([[0.0, 0.5], [2.0, 0.6], [2.5, 9.0]], dtype=np.float32)
    assert forest.predict(rows).tolist() == [1.25, -0.75, 3.25]  # a value equal to the threshold goes left
    assert forest.depth == 2 and forest.features == 2
    forest.save(tmp_path / "trees.safetensors")
    again = TreeEnsemble.load(tmp_path / "trees.safetensors")
    assert again.predict(rows).tolist() == [1.25, -0.75, 3.25]


def test_a_split_the_evaluator_does_not_know_is_refused() -> None:
    categorical = {"tree_info": [{"num_leaves": 2, "tree_structure": {**_split(0, 0, 1.0, _leaf(0, 1), _leaf(1, 2))}}]}
    categorical["tree_info"][0]["tree_structure"]["decision_type"] = "=="
    with pytest.raises(ValueError, match="unsupported split"):
        TreeEnsemble.from_lightgbm(categorical)


def test_the_forest_scores_exactly_as_lightgbm_does() -> None:
    lightgbm = pytest.importorskip("lightgbm")
    rng = np.random.default_rng(0)
    features = rng.normal(size=(3000, 6)).astype(np.float32)
    features[:, 5] = rng.integers(0, 3, size=3000)  # ties on a few values, as the span features have
    grades = np.clip((features[:, 0] + features[:, 5] + rng.normal(size=3000) * 0.3).round(), 0, 4).astype(int)
    params = {"objective": "lambdarank", "num_leaves": 15, "verbose": -1, "num_threads": 1, "min_data_in_leaf": 5}
    booster = lightgbm.train(params, lightgbm.Dataset(features, grades, group=[30] * 100), num_boost_round=40)
    forest = TreeEnsemble.from_lightgbm(booster.dump_model())
    fresh = rng.normal(size=(500, 6)).astype(np.float32)
    fresh[:, 5] = rng.integers(0, 3, size=500)
    assert np.abs(forest.predict(fresh) - booster.predict(fresh, num_threads=1)).max() < 1e-9


def test_a_span_selector_with_trees_round_trips(tmp_path: Path, example_text: str) -> None:
    from yxsumm.span_ranker import FEATURE_NAMES
    from yxsumm.span_selector import SpanSelector

    rng = np.random.default_rng(1)
    tree = _split(0, int(rng.integers(len(FEATURE_NAMES))), 0.3, _leaf(0, -1.0), _leaf(1, 1.0))
    selector = SpanSelector(TreeEnsemble.from_lightgbm({"tree_info": [{"num_leaves": 2, "tree_structure": tree}]}))
    (span,) = selector.select([example_text])
    assert span is not None and span.text in example_text
    selector.save(tmp_path / "ranker")
    again = SpanSelector.load(tmp_path / "ranker")
    assert isinstance(again.model, TreeEnsemble)
    assert [s.text for s in again.select([example_text]) if s] == [span.text]
