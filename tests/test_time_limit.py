"""A time limit stops the work itself: in the API, per web request (freeing the slot), per batch file."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from yxsumm import Summarizer, TimeLimitError, span_selector, time_limit
from yxsumm.batch import run_batch
from yxsumm.webapp import build_app

from .conftest import served

#: Seconds each generate() call of the slowed model sleeps (the test hook).
DELAY = 0.2
ORDINARY = "本市今天召开会议，部署今年的重点工作。会议要求各部门抓好落实。"


def _many_sections(count: int) -> str:
    """A text that is cut into about ``count`` sections, each a different generation job."""
    sections = []
    for i in range(1, count + 1):
        sentence = f"本市今天召开会议，部署今年的第{i}项重点工作，要求各部门抓好落实。"
        sections.append(f"{i}. 第{i}项工作\n{sentence * 6}")
    return "\n".join(sections)


def _slowed(summarizer: Summarizer) -> Summarizer:
    """``summarizer`` with a model whose every generate() call first sleeps :data:`DELAY` seconds."""
    original: Callable[..., Any] = summarizer.model.generate

    def slow_generate(*args: Any, **kwargs: Any) -> Any:
        time.sleep(DELAY)
        return original(*args, **kwargs)

    summarizer.model.generate = slow_generate
    return summarizer


@pytest.fixture()
def slow(tiny_copybart_dir: Path) -> Summarizer:
    return _slowed(Summarizer(tiny_copybart_dir, num_beams=1, max_length=6, batch_size=1, guard=False))


def test_the_api_stops_at_the_limit_and_runs_normally_afterwards(slow: Summarizer) -> None:
    text = _many_sections(40)
    assert len(slow.parse(text).sections) >= 30  # about 6 s of work without the limit
    start = time.monotonic()
    with pytest.raises(TimeLimitError, match="time limit of 1 s"), time_limit(1.0):
        slow.summarize(text)
    assert time.monotonic() - start < 1.0 + 3 * DELAY + 1.0  # stopped within one batch of the limit
    assert slow.summarize(ORDINARY).headline  # no limit left behind
    with time_limit(30), time_limit(60):  # nested limits keep the earliest deadline
        assert slow.summarize(ORDINARY).sections


def test_the_span_features_computed_beside_generation_stop_at_the_limit_too(
    tiny_copybart_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With the guard on, the span selector's features are computed on another thread while the model
    # generates; that thread must see the caller's limit (a context variable) and stop at it as well.
    summarizer = Summarizer(tiny_copybart_dir, num_beams=1, max_length=6, batch_size=256)
    original = span_selector.span_features

    def slow_features(*args: Any, **kwargs: Any) -> Any:
        time.sleep(DELAY)
        return original(*args, **kwargs)

    assert summarizer.summarize(ORDINARY).headline  # warm: jieba's dictionaries are loaded
    monkeypatch.setattr(span_selector, "span_features", slow_features)
    start = time.monotonic()
    with pytest.raises(TimeLimitError, match="time limit of 1 s"), time_limit(1.0):
        summarizer.summarize(_many_sections(40))  # about 8 s of span features without the limit
    assert time.monotonic() - start < 1.0 + 3 * DELAY + 1.0


def test_a_slow_web_request_is_cut_and_the_slot_is_free_again(slow: Summarizer) -> None:
    from gradio_client import Client

    app = build_app(slow, {"lead": Summarizer(method="lead")}, time_limit=1.5, concurrency_limit=1)
    with served(app) as url:
        client = Client(url, verbose=False)
        hostile = client.submit(_many_sections(60), method="model", api_name="/summarize")  # ~12 s unbounded
        time.sleep(0.5)
        start = time.monotonic()
        _, data, _, _ = client.predict(ORDINARY, method="lead", api_name="/summarize")  # waits for the one slot
        waited = time.monotonic() - start
        assert data["headline"] and waited < 6.0
        with pytest.raises(Exception, match="处理超时"):
            hostile.result()


def test_a_slow_file_in_a_batch_gets_an_error_record_and_the_others_their_summaries(
    slow: Summarizer, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_ordinary.txt").write_text(ORDINARY, encoding="utf-8")
    (folder / "b_hostile.txt").write_text(_many_sections(60), encoding="utf-8")
    (folder / "c_ordinary.txt").write_text(ORDINARY.replace("本市", "全省"), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    start = time.monotonic()
    stats = run_batch(lambda: slow, folder, output, progress=False, time_limit=1.5)
    elapsed = time.monotonic() - start
    records = {r["source"]: r for r in map(json.loads, output.read_text(encoding="utf-8").splitlines())}
    assert stats.done == 3 and stats.failed == 1
    assert "time limit" in records["b_hostile.txt"]["error"] and records["b_hostile.txt"]["headline"] is None
    assert records["a_ordinary.txt"]["headline"] and records["c_ordinary.txt"]["headline"]
    assert elapsed < 3 * 1.5 + 1.5 + 4.0  # the chunk's limit, then the hostile file's own, not ~12 s


def test_large_requests_take_one_slot_at_most_so_short_ones_still_pass(slow: Summarizer) -> None:
    from gradio_client import Client

    app = build_app(slow, {"lead": Summarizer(method="lead")}, time_limit=4, large_request_chars=2_000)
    with served(app) as url:
        client = Client(url, verbose=False)
        first = client.submit(_many_sections(60), method="model", api_name="/summarize")  # large: runs
        time.sleep(0.5)
        start = time.monotonic()
        with pytest.raises(Exception, match="长文"):  # a second large one is turned away, not queued
            client.predict(_many_sections(61), method="model", api_name="/summarize")
        assert time.monotonic() - start < 3.0
        _, data, _, _ = client.predict(ORDINARY, method="lead", api_name="/summarize")  # the other slot
        assert data["headline"] and time.monotonic() - start < 4.0
        with pytest.raises(Exception, match="处理超时"):
            first.result()
