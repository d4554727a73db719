"""Reading article files in the encodings people have."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from yxsumm import InputError
from yxsumm.textio import decode_bytes, read_text_file

TEXT = "阳西县全面贯彻党的十九大精神，努力把全县各级党组织锻造得更加坚强有力。"
TRAD = "香港特區政府今日宣佈，將於下月起放寬入境檢疫措施，旅客毋須再接受隔離。"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), TEXT),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT),
        (TEXT.encode("gbk"), TEXT),
        (TEXT.encode("gb18030"), TEXT),
        (TRAD.encode("big5"), TRAD),
        (TEXT.encode("utf-16"), TEXT),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "big5", "utf16-le-bom", "utf16-be-bom"],
)
def test_encodings_are_detected(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


def test_binary_is_rejected() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(InputError, match="binary"):
        decode_bytes(png, "picture.png")


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_text_file(path)


def test_oversized_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(TEXT.encode() * 10)
    with pytest.raises(InputError, match="limit"):
        read_text_file(path, max_bytes=100)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text_file(tmp_path / "nope.txt")
