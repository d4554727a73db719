"""The Gradio web form: the API endpoint through gradio_client, and the page in headless Chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from yxsumm import Summarizer
from yxsumm.webapp import MAX_INPUT_CHARS, build_app

from .conftest import served

CHROMIUM = os.environ.get("YXSUMM_CHROMIUM", shutil.which("chromium") or shutil.which("chromium-browser") or "")
REQUIRE_BROWSER = os.environ.get("YXSUMM_REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="module")
def server(tiny_copybart_dir: Path) -> Iterator[str]:
    model = Summarizer(tiny_copybart_dir, max_length=10)
    app = build_app(model, {"lead": Summarizer(method="lead"), "textrank": Summarizer(method="textrank")})
    with served(app) as url:
        yield url


def test_api_endpoint_with_gradio_client(server: str, example_text: str) -> None:
    from gradio_client import Client

    client = Client(server, verbose=False)
    html, data, json_file, md_file = client.predict(example_text, None, "lead", 4, 40, 600, api_name="/summarize")
    assert data["title"] == "阳西：党建引领聚合力 打造发展新引擎"
    assert len(data["sections"]) == 5
    assert 'data-testid="section-card"' in html
    assert Path(json_file).read_text(encoding="utf-8").count("突出政治引领") >= 1
    assert Path(md_file).read_text(encoding="utf-8").startswith("# ")


def test_api_takes_just_the_text_or_keywords(server: str, example_text: str) -> None:
    from gradio_client import Client

    client = Client(server, verbose=False)
    _, data, _, _ = client.predict(example_text, api_name="/summarize")  # every other input has a default
    assert data["title"] == "阳西：党建引领聚合力 打造发展新引擎" and len(data["sections"]) == 5
    _, data, _, _ = client.predict(text=example_text, method="lead", num_beams=2, api_name="/summarize")
    assert data["headline_origin"] == "lead"
    names = [
        p["parameter_name"]
        for p in client.view_api(print_info=False, return_format="dict")["named_endpoints"]["/summarize"]["parameters"]
    ]
    assert names == ["text", "files", "method", "num_beams", "max_length", "section_chars"]


def test_model_method_through_the_api(server: str) -> None:
    from gradio_client import Client

    client = Client(server, verbose=False)
    _, data, _, _ = client.predict("市政府今天宣布新的交通政策。", None, "model", 2, 12, 600, api_name="/summarize")
    assert isinstance(data["headline"], str)


def test_oversized_and_empty_input_are_refused(server: str) -> None:
    from gradio_client import Client

    client = Client(server, verbose=False)
    with pytest.raises(Exception, match="过长"):
        client.predict("字" * (MAX_INPUT_CHARS + 1), None, "lead", 4, 40, 600, api_name="/summarize")
    with pytest.raises(Exception, match="请粘贴文章"):
        client.predict("   ", None, "lead", 4, 40, 600, api_name="/summarize")


def test_visitors_cannot_choose_a_model(server: str) -> None:
    from gradio_client import Client

    client = Client(server, verbose=False)
    with pytest.raises(Exception):  # noqa: B017 - any refusal will do: only known methods exist
        client.predict("文本。", None, "/etc/passwd", 4, 40, 600, api_name="/summarize")


def test_one_cap_for_the_text_and_the_files_of_a_request(server: str, tmp_path: Path) -> None:
    from gradio_client import Client, handle_file

    client = Client(server, verbose=False)
    files = []
    for i in range(3):
        path = tmp_path / f"part{i}.txt"
        path.write_text("字" * (MAX_INPUT_CHARS // 3 + 10), encoding="utf-8")
        files.append(handle_file(str(path)))
    with pytest.raises(Exception, match="内容过长"):
        client.predict("本市召开会议。", files, "lead", api_name="/summarize")


def test_visitors_see_a_short_message_not_internal_details(tiny_copybart_dir: Path) -> None:
    from gradio_client import Client

    class Broken(Summarizer):
        def summarize_articles(self, articles):  # a failure deep inside, with an address and a path in it
            raise RuntimeError(f"<object at 0x7f00deadbeef> in {Path.cwd()}")

    app = build_app(Summarizer(tiny_copybart_dir, max_length=10), {"lead": Broken(method="lead")})
    with served(app) as url, pytest.raises(Exception) as caught:
        Client(url, verbose=False).predict("本市召开会议。", method="lead", api_name="/summarize")
    message = str(caught.value)
    assert "处理失败" in message and "0x7f00deadbeef" not in message and str(Path.cwd()) not in message


def test_old_download_folders_are_removed() -> None:
    import os
    import time

    from yxsumm.webapp import _download_root, remove_old_downloads

    old = _download_root() / "req-old-test"
    old.mkdir(exist_ok=True)
    (old / "yxsumm.json").write_text("{}")
    stale = time.time() - 7200
    os.utime(old, (stale, stale))
    assert remove_old_downloads() >= 1 and not old.exists()


@pytest.mark.browser
def test_page_in_headless_chromium(server: str, example_text: str) -> None:
    if not CHROMIUM or not Path(CHROMIUM).exists():
        if REQUIRE_BROWSER:
            pytest.fail("YXSUMM_REQUIRE_BROWSER=1 but no Chromium was found (apt-get install chromium)")
        pytest.skip("no Chromium installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(server)
        page.locator("#article-input textarea").fill(example_text)
        page.locator("#submit").click()
        headline = page.locator('[data-testid="headline"]')
        headline.wait_for(timeout=120_000)
        assert headline.inner_text().strip()
        cards = page.locator('[data-testid="section-card"]')
        assert cards.count() == 5
        assert "突出政治引领，精准把握基层党建方向" in cards.nth(1).inner_text()
        page.screenshot(
            path=str(Path(os.environ.get("YXSUMM_SCREENSHOT_DIR", "/tmp")) / "yxsumm-page.png"), full_page=True
        )
        browser.close()
