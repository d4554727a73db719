"""The Gradio web form: paste text or upload files, see headline and section cards, download results.

Visitors choose decoding options only; the model is fixed by whoever starts the server.
"""

from __future__ import annotations

import html
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .deadline import time_limit as stop_after
from .decoding import DecodingOptions
from .errors import TimeLimitError, YxsummError
from .results import ArticleSummary, result_record
from .structure import MAX_SECTION_CHARS
from .summarizer import Summarizer
from .textio import decode_bytes

logger = logging.getLogger(__name__)

#: Largest pasted text or uploaded file the form accepts, in characters / bytes.
MAX_INPUT_CHARS = 200_000
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_FILES = 10
#: Seconds one request may run; past it the work stops (between stages and generation batches, see
#: :mod:`yxsumm.deadline`), the visitor gets a message and the slot is free again.
REQUEST_TIME_LIMIT = 120
CONCURRENCY_LIMIT = 2
#: A request with more characters than this is large: at most one large request runs at a time, and one
#: that finds it busy is turned away at once instead of waiting in a slot, so a queue of large (slow)
#: requests never holds up the ordinary ones.
LARGE_REQUEST_CHARS = 20_000
QUEUE_SIZE = 64

_EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "yangxi.txt"
_CSS = """
.yx-headline {font-size: 1.6em; font-weight: 700; margin: 0.3em 0;}
.yx-card {border: 1px solid #ddd; border-radius: 8px; padding: 0.6em 0.9em; margin: 0.5em 0;}
.yx-summary {font-weight: 600; font-size: 1.1em;}
.yx-heading {color: #666; font-size: 0.9em;}
.yx-removed li {color: #888;}
"""


def example_text() -> str:
    """The bundled example article (empty when the project's examples/ folder is not there)."""
    return _EXAMPLE.read_text(encoding="utf-8") if _EXAMPLE.is_file() else ""


def render_html(results: list[tuple[str, ArticleSummary]]) -> str:
    """HTML of the results: headline, then one card per section (text collapsible), removed parts."""
    parts: list[str] = []
    for name, result in results:
        e = html.escape
        parts.append('<div class="yx-article">')
        if name:
            parts.append(f'<div class="yx-source">{e(name)}</div>')
        parts.append(f'<div class="yx-headline" data-testid="headline">{e(result.headline)}</div>')
        if result.title:
            parts.append(f'<div class="yx-title">原标题：{e(result.title)}</div>')
        if result.abstract:
            parts.append(f'<div class="yx-abstract">摘要：{e(result.abstract)}</div>')
        for number, section in enumerate(result.sections, 1):
            heading = f'<div class="yx-heading">原小标题：{e(section.heading)}</div>' if section.heading else ""
            parts.append(
                f'<div class="yx-card" data-testid="section-card"><div class="yx-summary">{number}. '
                f"{e(section.summary or '（未生成）')}</div>{heading}"
                f"<details><summary>原文（{len(section.text)} 字）</summary><p>"
                f"{e(section.text).replace(chr(10), '<br>')}</p></details></div>"
            )
        if result.removed:
            items = "".join(f"<li>[{e(reason)}] {e(text[:200])}</li>" for reason, text in result.removed)
            parts.append(
                f'<details class="yx-removed"><summary>已移除 {len(result.removed)} 项（图片说明、署名、推荐等）'
                f"</summary><ul>{items}</ul></details>"
            )
        for note in result.notes:
            parts.append(f'<div class="yx-note">注：{e(note)}</div>')
        parts.append("</div>")
    return "\n".join(parts)


def _collect_inputs(text: str | None, files: list[Any] | None) -> list[tuple[str, str]]:
    import gradio as gr

    inputs: list[tuple[str, str]] = []
    if text and text.strip():
        if len(text) > MAX_INPUT_CHARS:
            raise gr.Error(f"文本过长：{len(text):,} 字，上限 {MAX_INPUT_CHARS:,} 字。")
        inputs.append(("", text))
    for index, item in enumerate(files or []):
        if index >= MAX_FILES:
            raise gr.Error(f"一次最多上传 {MAX_FILES} 个文件。")
        data = item if isinstance(item, bytes) else Path(item).read_bytes()
        name = getattr(item, "orig_name", None) or (
            Path(item).name if not isinstance(item, bytes) else f"文件{index + 1}"
        )
        if len(data) > MAX_UPLOAD_BYTES:
            raise gr.Error(f"{name}: 文件过大（上限 {MAX_UPLOAD_BYTES // 1024 // 1024} MB）。")
        try:
            inputs.append((name, decode_bytes(data, name)))
        except YxsummError as error:
            raise gr.Error(str(error)) from error
    if not inputs:
        raise gr.Error("请粘贴文章或上传文件。")
    total = sum(len(content) for _, content in inputs)
    if total > MAX_INPUT_CHARS:  # one cap for the whole request, pasted text and files together
        raise gr.Error(f"内容过长：共 {total:,} 字，上限 {MAX_INPUT_CHARS:,} 字。")
    return inputs


#: Download files live in one folder; folders older than this many seconds are removed.
DOWNLOAD_MAX_AGE_SECONDS = 3600


def _download_root() -> Path:
    root = Path(tempfile.gettempdir()) / "yxsumm-web"
    root.mkdir(exist_ok=True)
    return root


def remove_old_downloads(max_age: float = DOWNLOAD_MAX_AGE_SECONDS) -> int:
    """Delete download folders older than ``max_age`` seconds; returns how many were removed."""
    cutoff = time.time() - max_age
    removed = 0
    for folder in _download_root().iterdir():
        try:
            if folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        except FileNotFoundError:
            continue
    return removed


def _write_downloads(results: list[tuple[str, ArticleSummary]]) -> tuple[str, str]:
    remove_old_downloads()
    folder = Path(tempfile.mkdtemp(prefix="req-", dir=_download_root()))
    records = [result_record(name, result) for name, result in results]
    json_path = folder / "yxsumm.json"
    json_path.write_text(
        json.dumps(records if len(records) > 1 else records[0], ensure_ascii=False, indent=2), encoding="utf-8"
    )
    md_path = folder / "yxsumm.md"
    md_path.write_text("\n\n".join(result.to_markdown() for _, result in results), encoding="utf-8")
    return str(json_path), str(md_path)


def build_app(
    summarizer: Summarizer,
    extractive: dict[str, Summarizer] | None = None,
    *,
    time_limit: float = REQUEST_TIME_LIMIT,
    concurrency_limit: int = CONCURRENCY_LIMIT,
    large_request_chars: int = LARGE_REQUEST_CHARS,
):
    """Build the Gradio Blocks app around ``summarizer`` (the operator's model).

    ``time_limit`` (seconds) stops a request's work; ``concurrency_limit`` requests run at once, of
    which one at most is larger than ``large_request_chars`` characters.
    """
    import gradio as gr

    methods = {"model": summarizer, **(extractive or {})}
    defaults = summarizer.decoding or DecodingOptions()
    large_slot = threading.Semaphore(1)

    def run(
        text: str | None,
        files: list[Any] | None = None,
        method: str = "model",
        num_beams: float = defaults.num_beams,
        max_length: float = defaults.max_length,
        section_chars: float = MAX_SECTION_CHARS,
        progress: gr.Progress = gr.Progress(),  # noqa: B008 (Gradio's way to ask for a progress bar)
    ) -> tuple[str, dict | list, str, str]:
        """Summarise the pasted text and the uploaded files.

        Returns (HTML of the result cards, the result as JSON — one object, or a list for several inputs —,
        path of the JSON download, path of the Markdown download).
        """
        try:
            with stop_after(time_limit):
                inputs = _collect_inputs(text, files)
                with admitted(sum(len(content) for _, content in inputs)):
                    return summarize_request(inputs, method, num_beams, max_length, section_chars, progress)
        except gr.Error:
            raise
        except TimeLimitError:
            logger.warning("request stopped at the time limit of %s s", time_limit)
            raise gr.Error(f"处理超时：超过 {time_limit:g} 秒，已停止。请缩短文章或分开提交。") from None
        except Exception as error:  # visitors get a short message; the details go to the log
            logger.exception("request failed")
            raise gr.Error(f"处理失败（{type(error).__name__}），请稍后再试或换一篇文章。") from None

    @contextmanager
    def admitted(chars: int) -> Iterator[None]:
        """Run a request of ``chars`` characters; a large one only when no other large one runs."""
        if chars <= large_request_chars:
            yield
            return
        if not large_slot.acquire(blocking=False):
            raise gr.Error("服务器正在处理另一篇长文，请稍后再试（短文不受影响）。")
        try:
            yield
        finally:
            large_slot.release()

    def summarize_request(
        inputs: list[tuple[str, str]],
        method: str,
        num_beams: float,
        max_length: float,
        section_chars: float,
        progress: gr.Progress,
    ) -> tuple[str, dict | list, str, str]:
        base = methods.get(method)
        if base is None:
            raise gr.Error(f"未知方法：{method}")
        decoding = {"num_beams": int(num_beams), "max_length": int(max_length)} if method == "model" else {}
        chosen = base.with_options(max_section_chars=int(section_chars), **decoding)
        results: list[tuple[str, ArticleSummary]] = []
        for index, (name, content) in enumerate(inputs):
            progress((index, len(inputs)), desc=f"{name or '文本'}", unit="篇")
            try:
                article = chosen.parse(content)
            except TimeLimitError:
                raise
            except YxsummError as error:
                raise gr.Error(f"{name or '文本'}: {error}") from error
            results.append((name, chosen.summarize_articles([article])[0]))
        json_path, md_path = _write_downloads(results)
        data = [result_record(name, r) for name, r in results]
        return render_html(results), (data if len(data) > 1 else data[0]), json_path, md_path

    # Gradio's upload cache: files older than an hour are deleted, checked every hour.
    with gr.Blocks(title="yxsumm · 中文新闻摘要", delete_cache=(3600, 3600)) as app:
        gr.Markdown(
            "## yxsumm · 中文新闻标题与分节摘要\n"
            "粘贴文章或上传文件（.txt/.md/.html），生成整篇标题和每一节的小标题式摘要。"
        )
        with gr.Row():
            with gr.Column(scale=3):
                text = gr.Textbox(
                    label="文章", lines=14, max_lines=30, placeholder="在此粘贴中文文章……", elem_id="article-input"
                )
                files = gr.File(
                    label="或上传文件",
                    file_count="multiple",
                    type="binary",
                    file_types=[".txt", ".md", ".html", ".htm"],
                )
                with gr.Accordion("选项", open=False):
                    method = gr.Radio(list(methods), value="model", label="方法（model=生成式，lead/textrank=抽取式）")
                    num_beams = gr.Slider(
                        1, max(8, defaults.num_beams), value=defaults.num_beams, step=1, label="束搜索宽度 (num_beams)"
                    )
                    max_length = gr.Slider(
                        min(12, defaults.max_length),
                        max(64, defaults.max_length),
                        value=defaults.max_length,
                        step=1,
                        label="标题最大长度（词元）",
                    )
                    section_chars = gr.Slider(
                        200, 2000, value=MAX_SECTION_CHARS, step=50, label="无小标题时每节最大字数"
                    )
                submit = gr.Button("生成摘要", variant="primary", elem_id="submit")
                gr.Examples(examples=[[example_text()]], inputs=[text], label="示例文章（阳西）")
            with gr.Column(scale=4):
                output = gr.HTML(elem_id="result")
                with gr.Row():
                    json_file = gr.DownloadButton("下载 JSON")
                    md_file = gr.DownloadButton("下载 Markdown")
                with gr.Accordion("JSON", open=False):
                    as_json = gr.JSON()
        submit.click(
            run,
            inputs=[text, files, method, num_beams, max_length, section_chars],
            outputs=[output, as_json, json_file, md_file],
            api_name="summarize",
            concurrency_limit=concurrency_limit,
        )
    app.queue(max_size=QUEUE_SIZE, default_concurrency_limit=concurrency_limit)
    return app


def launch(host: str | None = None, port: int | None = None, model: str | None = None, **kwargs: Any) -> None:
    """Start the web form on ``host:port``.

    Defaults come from ``GRADIO_SERVER_NAME``/``GRADIO_SERVER_PORT``, else 127.0.0.1:7860.
    """
    import gradio as gr

    host = host or os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1")
    port = port or int(os.environ.get("GRADIO_SERVER_PORT", "7860"))
    summarizer = Summarizer(model)
    extractive = {name: Summarizer(method=name) for name in ("textrank", "lead")}
    app = build_app(summarizer, extractive)
    app.launch(
        server_name=host,
        server_port=port,
        max_file_size=MAX_UPLOAD_BYTES,
        css=_CSS,
        theme=gr.themes.Soft(),
        show_error=True,
        **kwargs,
    )
