"""The yxsumm command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from yxsumm.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_summarize_json_with_extractive_method(capsys) -> None:
    assert main(["summarize", str(ROOT / "examples" / "yangxi.txt"), "--method", "lead", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "阳西：党建引领聚合力 打造发展新引擎"
    assert len(data["sections"]) == 5
    assert data["sections"][1]["heading"] == "突出政治引领，精准把握基层党建方向"


def test_summarize_markdown_with_tiny_model(capsys, tiny_copybart_dir: Path) -> None:
    code = main(
        [
            "summarize",
            str(ROOT / "examples" / "yangxi.txt"),
            "--model",
            str(tiny_copybart_dir),
            "--num-beams",
            "1",
            "--max-length",
            "8",
            "--format",
            "markdown",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("# ") and "原小标题：突出项目建设 人才强县战略 取得新突破" in out


def test_summarize_stdin_gbk() -> None:
    text = "气象台发布暴雨黄色预警，预计今晚有大到暴雨。请市民注意防范。"
    result = subprocess.run(
        [sys.executable, "-m", "yxsumm.cli", "summarize", "-", "--method", "lead"],
        input=text.encode("gbk"),
        capture_output=True,
        timeout=300,
        check=True,
    )
    assert result.stdout.decode().splitlines()[0] == "气象台发布暴雨黄色预警，预计今晚有大到暴雨"


def test_errors_are_clear_and_exit_2(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["summarize", str(empty), "--method", "lead"]) == 2
    assert "empty" in capsys.readouterr().err
    assert main(["summarize", str(ROOT / "examples" / "yangxi.txt"), "--model", str(tmp_path / "nomodel")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_eval_command(tmp_path: Path, capsys) -> None:
    data = tmp_path / "pairs.jsonl"
    data.write_text(
        "\n".join(
            json.dumps({"text": t, "summary": s, "task": "article-headline"}, ensure_ascii=False)
            for t, s in [
                ("今天开会。其他内容。", "今天开会"),
                ("明天下雨。带伞。", "明天有雨"),
                ("全省学习贯彻党的十九大精神。", "学习贯彻党的十九大"),
            ]
        ),
        encoding="utf-8",
    )
    assert main(["eval", str(data), "--method", "lead", "--json", str(tmp_path / "r.json")]) == 0
    out = capsys.readouterr().out
    assert "pairs.jsonl: n=3" in out and "lead-1" in out
    result = json.loads((tmp_path / "r.json").read_text())[0]
    assert result["system"]["rougeL"] == result["lead1"]["rougeL"]
    # "明天有雨": 有 and 雨 are never side by side in the text; "…十九大" stops before 精神 (bundled endings list)
    assert result["gold_faithfulness"]["scattered"] == 0.0  # a run of 2 is not counted
    assert result["gold_faithfulness"]["dangling"] == pytest.approx(33.3)
    assert result["faithfulness"]["dangling"] == 0.0 and "dangling 0.0% (gold 33.3%)" in out


def test_eval_as_articles_scores_the_headline_summarize_prints(tmp_path: Path, capsys) -> None:
    from yxsumm import Summarizer

    # A title line, a body and a byline: as it is, the lead sentence is the title; structured, the
    # title and the byline are taken out and the headline comes from the body.
    text = "全市图书馆延长开放时间\n\n本市各区图书馆从下月起每天开放到晚上十点，方便市民下班后借阅。\n\n撰文/张三"
    data = tmp_path / "articles.jsonl"
    data.write_text(json.dumps({"text": text, "summary": "图书馆开到晚上十点", "task": "article-headline"}))
    expected = Summarizer(method="lead").summarize(text).headline
    assert main(["eval", str(data), "--method", "lead", "--as-articles", "--json", str(tmp_path / "a.json")]) == 0
    assert main(["eval", str(data), "--method", "lead", "--json", str(tmp_path / "p.json")]) == 0
    capsys.readouterr()
    structured = json.loads((tmp_path / "a.json").read_text())[0]["examples"][0]["output"]
    as_it_is = json.loads((tmp_path / "p.json").read_text())[0]["examples"][0]["output"]
    assert structured == expected and "图书馆从下月起" in structured
    assert as_it_is == "全市图书馆延长开放时间"


def test_build_endings_counts_the_training_headlines(tmp_path: Path, capsys) -> None:
    import gzip

    from yxsumm.headline_endings import HeadlineEndings

    train = tmp_path / "data" / "train"
    train.mkdir(parents=True)
    headlines = ["学习贯彻党的十九大精神"] * 60 + ["十九大代表热议报告"] * 10 + ["党的十九大胜利闭幕"] * 5
    with gzip.open(train / "xwlb_items.jsonl.gz", "wt", encoding="utf-8") as handle:
        for headline in headlines:
            handle.write(json.dumps({"text": "正文", "summary": headline}, ensure_ascii=False) + "\n")
    output = tmp_path / "endings.json"
    assert main(["build-endings", "--data-dir", str(tmp_path / "data"), "-o", str(output)]) == 0
    assert "rare endings" in capsys.readouterr().out
    endings = HeadlineEndings.load(output)
    assert endings.dangling_end("全面贯彻党的十九大") == "十九大"  # 75 headlines have it, none ends with it
    assert endings.dangling_end("全面贯彻党的十九大精神") == ""


def test_train_spans_names_the_rankers_it_knows(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["train-spans", "--ranker", "forest", "--output-dir", "unused"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'forest' (choose from 'mlp', 'trees')" in capsys.readouterr().err
