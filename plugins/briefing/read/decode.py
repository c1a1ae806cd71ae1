"""Turn the bytes of a pasted article file into clean text, or say why that is impossible."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..records import UnusableFile

# Share of control characters (other than tab, newline, carriage return, form feed) above which a file
# is taken for binary data rather than text. Text pasted from the web has none; PDFs, images and office
# files have many among their first kilobytes.
BINARY_CONTROL_SHARE = 0.01

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def decode_bytes(data: bytes) -> str:
    """Decode a raw file: BOMs, UTF-8, UTF-16 without BOM, then Windows-1252 pastes."""
    if not data.strip():
        raise UnusableFile("the file is empty" if not data else "the file holds only white space")
    text = _decode(data)
    if _looks_binary(text):
        raise UnusableFile("the file is binary data, not text")
    text = normalize_newlines(text)
    if not text.strip():
        raise UnusableFile("the file holds only white space")
    return text


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise UnusableFile(
                    f"the file starts with a {encoding} mark but is not {encoding}: {error.reason}"
                ) from None
    guessed_utf16 = _guess_utf16_without_bom(data)
    if guessed_utf16:
        try:
            return data.decode(guessed_utf16)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        if b"\x00" in data:
            raise UnusableFile("the file is binary data, not text") from None
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise UnusableFile(
                f"undecodable bytes: not UTF-8 (byte {utf8_error.start}) and not Windows-1252 text"
            ) from None


def _guess_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    if odd_zeros > 0.4 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.4 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    return bool(sample) and len(_CONTROL.findall(sample)) / len(sample) > BINARY_CONTROL_SHARE


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_line(line: str) -> str:
    """One line as it should be read: NFC, no invisible characters, single spaces, no control bytes."""
    line = unicodedata.normalize("NFC", line)
    line = _INVISIBLE.sub("", line)
    line = _CONTROL.sub("", line)
    return _SPACES.sub(" ", line).strip()
