"""The Ray engine on a local Ray gives the same output as the local engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from yxsumm import Summarizer
from yxsumm.batch import run_batch

pytest.importorskip("ray", reason="the optional ray extra is not installed")

ARTICLE = "气象台发布暴雨黄色预警，预计今晚到明天本市有大到暴雨。请市民注意防范，减少外出。"


def _lead() -> Summarizer:
    return Summarizer(method="lead")


@pytest.mark.ray
def test_ray_engine_matches_local_engine_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"n{i:02d}.txt").write_text(f"第{i}条：" + ARTICLE, encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01binary\x00" * 20)
    local, remote = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    run_batch(_lead, folder, local, progress=False)
    remote.write_text(local.read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8")
    stats = run_batch(_lead, folder, remote, engine="ray", workers=2, progress=False)
    assert stats.skipped == 1 and stats.done == 12

    def by_path(path: Path) -> dict[str, dict]:
        return {r["source"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}

    assert by_path(remote) == by_path(local)
    assert by_path(remote)["bad.txt"]["error"]
