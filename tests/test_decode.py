"""Decoding raw files: the encodings pasted pages come in, and the files that are not text at all."""

from __future__ import annotations

import codecs

import pytest
from briefing.read.decode import decode_bytes
from briefing.read.extract import extract_article
from briefing.records import RawArticle, UnusableFile

ARTICLE = (
    "Ferry service resumes after winter storms\n"
    "\n"
    "The island ferry made its first crossing in nine days on Thursday morning, carrying about two hundred "
    "passengers and a truck full of mail that had piled up at the mainland terminal since the storms began.\n"
    "\n"
    "\u201cWe\u2019re glad to be back on the water,\u201d the captain said \u2013 adding that the crew had "
    "spent the week repairing a damaged ramp at the island pier so that cars could board again.\n"
)
SMART_QUOTES = "\u201cWe\u2019re glad to be back on the water,\u201d the captain said \u2013 adding"


def extract(data: bytes, name: str = "articles/ferry.txt"):
    return extract_article(RawArticle(name, data))


def test_utf8_text_is_decoded_as_is():
    assert decode_bytes(ARTICLE.encode("utf-8")) == ARTICLE


def test_utf8_byte_order_mark_is_dropped():
    text = decode_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
    assert text == ARTICLE
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_byte_order_mark_is_decoded(encoding):
    data = ARTICLE.encode(encoding)
    if encoding != "utf-16":  # the plain codec writes its own BOM
        data = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + data
    text = decode_bytes(data)
    assert text == ARTICLE


def test_utf16_without_byte_order_mark_is_recognised():
    assert decode_bytes(ARTICLE.encode("utf-16-le")) == ARTICLE


def test_cp1252_smart_quotes_are_decoded():
    data = ARTICLE.encode("cp1252")
    assert b"\x93" in data and b"\x92" in data  # really Windows-1252 bytes, not UTF-8
    assert SMART_QUOTES in decode_bytes(data)


def test_cp1252_article_body_keeps_its_smart_quotes():
    briefing = extract(ARTICLE.encode("cp1252"))
    assert briefing.title == "Ferry service resumes after winter storms"
    assert any(SMART_QUOTES in paragraph for paragraph in briefing.body)


def test_crlf_line_endings_become_newlines():
    text = decode_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    assert "\r" not in text
    assert text == ARTICLE


def test_old_mac_cr_line_endings_become_newlines():
    assert decode_bytes(ARTICLE.replace("\n", "\r").encode("utf-8")) == ARTICLE


def test_crlf_article_extracts_like_lf_article():
    lf = extract(ARTICLE.encode("utf-8"))
    crlf = extract(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    assert crlf.to_dict() == lf.to_dict()
    assert not any("\r" in paragraph for paragraph in crlf.body)


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "cp1252"],
)
def test_every_supported_encoding_gives_the_same_briefing(encoding):
    assert extract(ARTICLE.encode(encoding)).to_dict() == extract(ARTICLE.encode("utf-8")).to_dict()


def test_empty_file_is_unusable():
    with pytest.raises(UnusableFile, match="empty"):
        decode_bytes(b"")


@pytest.mark.parametrize("data", [b" ", b"\n\n\n", b" \t\r\n  \r\n", "\u00a0\u2003\n".encode("utf-8")])
def test_whitespace_only_file_is_unusable(data):
    with pytest.raises(UnusableFile, match=r"white space|empty|no article text"):
        extract(data)


def test_byte_order_mark_only_file_is_unusable():
    with pytest.raises(UnusableFile):
        extract(codecs.BOM_UTF8)


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 256


def test_binary_file_is_unusable():
    with pytest.raises(UnusableFile, match="binary"):
        decode_bytes(PNG)


def test_binary_file_with_some_text_is_unusable():
    data = b"%PDF-1.7\n" + bytes(range(256)) * 8
    with pytest.raises(UnusableFile):
        extract(data)


def test_undecodable_bytes_are_unusable_and_the_reason_says_so():
    # 0x81, 0x8D, 0x8F are invalid in UTF-8 here and undefined in Windows-1252.
    data = b"Council meets on Tuesday \x81\x8d\x8f to vote on the budget.\n"
    with pytest.raises(UnusableFile, match=r"undecodable|not UTF-8"):
        decode_bytes(data)


def test_broken_utf16_after_its_byte_order_mark_is_unusable():
    with pytest.raises(UnusableFile):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate half


def test_unusable_file_reason_is_a_readable_sentence():
    with pytest.raises(UnusableFile) as caught:
        extract(PNG, "articles/photo.txt")
    reason = str(caught.value)
    assert reason and "\n" not in reason and "Traceback" not in reason


def test_invisible_characters_and_odd_spaces_are_cleaned_from_lines():
    text = "Ferry\u00a0service\u200b resumes after winter storms\n\n" + ARTICLE.split("\n\n", 1)[1]
    briefing = extract(text.encode("utf-8"))
    assert briefing.title == "Ferry service resumes after winter storms"
