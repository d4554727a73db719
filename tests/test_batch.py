"""Folder batch: records per file, errors recorded, resume, SIGKILL safety, output checks."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from yxsumm import InputError, Summarizer
from yxsumm.batch import run_batch

ARTICLE = "市政府今天宣布，全市公交车明年起全部改用电力驱动，以减少空气污染。这项计划预计投入十亿元。"


def _make_inputs(folder: Path, count: int = 6) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"a{i:02d}.txt").write_text(f"第{i}篇：" + ARTICLE, encoding="utf-8")
    (folder / "sub").mkdir(exist_ok=True)
    (folder / "sub" / "gbk.txt").write_bytes(("繁简测试：" + ARTICLE).encode("gbk"))
    (folder / "sub" / "page.html").write_text(f"<html><body><p>{ARTICLE}</p><script>x()</script></body></html>")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (folder / "empty.md").write_text("   \n")
    (folder / "ignored.bin").write_bytes(b"not an article")


def _lead() -> Summarizer:
    return Summarizer(method="lead")


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_batch_writes_one_record_per_file_and_records_errors(tmp_path: Path) -> None:
    _make_inputs(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    stats = run_batch(_lead, tmp_path / "in", out, progress=False)
    records = {r["source"]: r for r in _read_jsonl(out)}
    assert len(records) == stats.total == 10
    assert records["broken.txt"]["error"] and "binary" in records["broken.txt"]["error"]
    assert records["empty.md"]["error"] and "empty" in records["empty.md"]["error"]
    assert records["sub/gbk.txt"]["error"] is None and records["sub/gbk.txt"]["sections"][0]["text"].startswith("繁简")
    assert "x()" not in json.dumps(records["sub/page.html"]["sections"])
    assert records["a03.txt"]["headline"].startswith("第3篇")
    assert stats.failed == 2

    # Re-running skips everything already written.
    again = run_batch(_lead, tmp_path / "in", out, progress=False)
    assert again.skipped == 10 and again.done == 0
    assert len(_read_jsonl(out)) == 10


def test_torn_last_line_is_repaired_on_resume(tmp_path: Path) -> None:
    _make_inputs(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    run_batch(_lead, tmp_path / "in", out, progress=False)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:4]) + lines[4][:20], encoding="utf-8")  # a power cut mid-line
    run_batch(_lead, tmp_path / "in", out, progress=False)
    records = _read_jsonl(out)
    assert sorted(r["source"] for r in records) == sorted({r["source"] for r in records})
    assert len(records) == 10


def test_csv_and_markdown_formats_resume(tmp_path: Path) -> None:
    _make_inputs(tmp_path / "in", count=3)
    for fmt in ("csv", "markdown"):
        out = tmp_path / f"out.{fmt}"
        run_batch(_lead, tmp_path / "in", out, fmt=fmt, progress=False)
        first = out.read_text(encoding="utf-8")
        again = run_batch(_lead, tmp_path / "in", out, fmt=fmt, progress=False)
        assert again.skipped == 7 and out.read_text(encoding="utf-8") == first
    rows = {row["source"]: row for row in csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8"))}
    assert len(rows) == 7 and rows["a00.txt"]["headline"].startswith("第0篇") and rows["broken.txt"]["error"]
    assert '<!-- yxsumm: "a01.txt" -->' in (tmp_path / "out.markdown").read_text(encoding="utf-8")


def test_unwritable_output_fails_before_any_work(tmp_path: Path) -> None:
    _make_inputs(tmp_path / "in", count=2)
    with pytest.raises(InputError, match="does not exist"):
        run_batch(_lead, tmp_path / "in", tmp_path / "missing" / "out.jsonl", progress=False)
    if os.geteuid() != 0:  # root can write anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        with pytest.raises(InputError, match="not writable"):
            run_batch(_lead, tmp_path / "in", locked / "out.jsonl", progress=False)


def test_missing_input_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder"):
        run_batch(_lead, tmp_path / "nope", tmp_path / "out.jsonl", progress=False)


def test_sigkill_at_random_moments_then_resume(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(60):
        (folder / f"doc{i:03d}.txt").write_text(f"第{i}篇文章。" + ARTICLE * 3, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    command = [
        sys.executable,
        "-m",
        "yxsumm.cli",
        "batch",
        str(folder),
        "-o",
        str(out),
        "--method",
        "textrank",
        "--quiet",
    ]
    rng = random.Random(7)
    for _ in range(4):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.0, 4.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        if out.exists():
            assert out.read_bytes().endswith(b"\n") or out.stat().st_size == 0
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    records = _read_jsonl(out)
    paths = [r["source"] for r in records]
    assert len(paths) == len(set(paths)) == 60
    assert all(r["error"] is None for r in records)


def test_a_file_name_that_is_not_utf8_is_recorded_and_resumed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.fsencode(folder) + b"/\xb2\xe2\xca\xd4.txt"  # "测试" in GBK, as a Windows zip leaves it
    with open(odd, "wb") as handle:
        handle.write(ARTICLE.encode("utf-8"))
    out = tmp_path / "out.jsonl"
    stats = run_batch(_lead, folder, out, progress=False)
    records = _read_jsonl(out)
    assert stats.done == 1 and records[0]["error"] is None
    assert records[0]["source"] == "\\xb2\\xe2\\xca\\xd4.txt"
    assert run_batch(_lead, folder, out, progress=False).skipped == 1


def test_a_second_run_on_the_same_output_is_refused_and_duplicates_are_dropped(tmp_path: Path) -> None:
    import fcntl

    _make_inputs(tmp_path / "in", count=2)
    out = tmp_path / "out.jsonl"
    with open(out, "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running batch holds it
        with pytest.raises(InputError, match="another yxsumm batch is writing"):
            run_batch(_lead, tmp_path / "in", out, progress=False)
    run_batch(_lead, tmp_path / "in", out, progress=False)
    lines = out.read_text(encoding="utf-8").splitlines()
    out.write_text("\n".join(lines + lines[:3]) + "\n", encoding="utf-8")  # what two overlapping runs left
    stats = run_batch(_lead, tmp_path / "in", out, progress=False)
    paths = [r["source"] for r in _read_jsonl(out)]
    assert stats.skipped == len(paths) == len(set(paths)) == len(lines)


def test_workers_die_with_a_killed_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(200):
        (folder / f"doc{i:03d}.txt").write_text(f"第{i}篇文章。" + ARTICLE * 3, encoding="utf-8")
    command = [sys.executable, "-m", "yxsumm.cli", "batch", str(folder), "-o", str(tmp_path / "out.jsonl")]
    process = subprocess.Popen(
        [*command, "--method", "textrank", "--workers", "2", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children: set[int] = set()
    deadline = time.monotonic() + 60
    while len(children) < 2 and time.monotonic() < deadline:
        time.sleep(0.5)
        children = {
            int(p)
            for p in subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
        }
    assert len(children) >= 2, "the workers did not start"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in children):
        time.sleep(0.2)
    alive = [
        pid
        for pid in children
        if Path(f"/proc/{pid}/status").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text()
    ]
    assert not alive, f"workers still running after the batch was killed: {alive}"


def test_links_out_of_the_folder_and_the_output_itself_are_not_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _make_inputs(folder, count=1)
    secret = tmp_path / "secret.txt"
    secret.write_text("秘密：不应出现在输出中。", encoding="utf-8")
    (folder / "link.txt").symlink_to(secret)
    out = folder / "out.md"  # inside the input folder, with a readable suffix
    run_batch(_lead, folder, out, fmt="markdown", progress=False)
    run_batch(_lead, folder, out, fmt="markdown", progress=False)  # resume must not read its own output
    text = out.read_text(encoding="utf-8")
    assert "秘密" not in text and "link.txt" not in text and "out.md" not in text
    other = tmp_path / "linked.jsonl"
    run_batch(_lead, folder, other, progress=False, follow_links=True)
    assert "秘密" in other.read_text(encoding="utf-8")


@pytest.mark.parametrize("target", ["folder", "/dev/full", "fifo"])
def test_outputs_that_cannot_be_resumed_are_refused_up_front(tmp_path: Path, target: str) -> None:
    _make_inputs(tmp_path / "in", count=1)
    if target == "folder":
        output = tmp_path
    elif target == "fifo":
        output = tmp_path / "pipe"
        os.mkfifo(output)
    else:
        output = Path(target)
    with pytest.raises(InputError, match=r"folder|not a regular file"):
        run_batch(_lead, tmp_path / "in", output, progress=False)
