"""Turn the bytes of a pasted article file into clean text, or say why that is impossible."""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata

from ..records import UnusableFile
from ..userdata import xml_text

# Share of control characters (other than tab, newline, carriage return, form feed) above which a file
# is taken for binary data rather than text. Text pasted from the web has none; PDFs, images and office
# files have many among their first kilobytes.
BINARY_CONTROL_SHARE = 0.01
# How much of the decoded text the share checks look at: a few screens, enough to tell text from data.
BINARY_SAMPLE_CHARS = 8192
# A file that is neither UTF-8 nor UTF-16 is read as Windows-1252, the encoding of Western European
# languages, whose text is mostly the 26 letters A-Z: below this share of A-Z among its letters the
# reading is not text (0xFF bytes read as 'ÿÿÿ', one stray byte read as 'œ', or Cyrillic saved as
# Windows-1251). Checked on every dev text encoded as Windows-1252: the lowest share is 0.986.
MIN_LATIN_LETTER_SHARE = 0.5
# A file that is not valid UTF-8 is still read as UTF-8, with only its invalid bytes read as
# Windows-1252 (a stray byte pasted from another program), when the valid multi-byte UTF-8 characters
# make at least this share of its non-ASCII characters; otherwise the whole file is read as
# Windows-1252. Checked on the dev texts encoded as Windows-1252 (899 of them are not UTF-8): valid
# UTF-8 sequences appear in 9, only where the text already holds mojibake ('Â£' for '£'), and make at
# most 0.44 of the non-ASCII characters; a UTF-8 text with one stray byte among its n non-ASCII
# characters has a share of (n - 1) / n.
MIN_UTF8_SHARE = 0.5
# Positions of bytes read as Windows-1252 named in the warning; the count says how many there are.
SHOWN_POSITIONS = 3

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
# What the 'surrogateescape' error handler makes of each byte that is not UTF-8: U+DC80 + the byte.
# Valid UTF-8 never decodes to these code points, so they mark exactly the invalid bytes.
_ESCAPED = re.compile("[\udc80-\udcff]")
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")
# The escaped bytes Windows-1252 leaves undefined: 0x81, 0x8D, 0x8F, 0x90 and 0x9D.
_ESCAPED_UNDEFINED_IN_CP1252 = re.compile("[\udc81\udc8d\udc8f\udc90\udc9d]")


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode a raw file: BOMs, UTF-8, UTF-16 without BOM, then Windows-1252 pastes.

    Returns the text and a warning when part or all of the file had to be read as Windows-1252, which
    changes characters if the guess is wrong ('not valid UTF-8: 1 byte read as Windows-1252 (at byte
    1234)'); None when the file decoded as what it is. Raises UnusableFile when it is not text.
    """
    if not data.strip():
        raise UnusableFile("the file is empty" if not data else "the file holds only white space")
    text, warning, whole_cp1252 = _decode(data)
    if _looks_binary(text):
        raise UnusableFile("the file is binary data, not text")
    text = normalize_newlines(text)
    if not text.strip():
        raise UnusableFile("the file holds only white space")
    reason = _not_text_reason(text, whole_cp1252)
    if reason:
        raise UnusableFile(reason)
    return text, warning


def decode_bytes(data: bytes) -> str:
    """The text of a raw file, as decode_text reads it, without its warning."""
    return decode_text(data)[0]


def size_reason(size: int, limit: int, setting: str = "BRIEFING_MAX_FILE_BYTES") -> str:
    """Why a file of `size` bytes is refused under a limit of `limit` bytes, with both numbers exact."""
    return f"the file is {size:,} bytes, over the limit of {limit:,} bytes for one article ({setting})"


def _decode(data: bytes) -> tuple[str, str | None, bool]:
    """The text, the warning, and whether the whole file is a Windows-1252 guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), None, False
            except UnicodeDecodeError as error:
                if encoding == "utf-8-sig" and b"\x00" not in data:
                    return _decode_stray_bytes(data[len(bom) :], len(bom))
                raise UnusableFile(
                    f"the file starts with a {encoding} mark but is not {encoding}: {error.reason}"
                ) from None
    guessed_utf16 = _guess_utf16_without_bom(data)
    if guessed_utf16:
        try:
            return data.decode(guessed_utf16), None, False
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), None, False
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise UnusableFile("the file is binary data, not text") from None
    return _decode_stray_bytes(data)


def _decode_stray_bytes(data: bytes, start: int = 0) -> tuple[str, str | None, bool]:
    """UTF-8 with its invalid bytes read as Windows-1252, or all of it Windows-1252 when the valid
    multi-byte UTF-8 characters are too few to say it is UTF-8 (see MIN_UTF8_SHARE). `data` starts at
    byte `start` of the file (after its byte order mark), for the positions in the warning."""
    escaped = data.decode("utf-8", "surrogateescape")
    invalid = len(_ESCAPED.findall(escaped))
    non_ascii = len(escaped) - len(escaped.encode("ascii", "ignore"))
    positions = [
        start + _byte_offset(escaped, m.start()) for m in itertools.islice(_ESCAPED.finditer(escaped), SHOWN_POSITIONS)
    ]
    undefined = _ESCAPED_UNDEFINED_IN_CP1252.search(escaped)
    if undefined:
        raise UnusableFile(
            "undecodable bytes: not UTF-8 and not Windows-1252 text "
            f"(byte {start + _byte_offset(escaped, undefined.start())} is neither)"
        )
    if non_ascii - invalid < MIN_UTF8_SHARE * non_ascii:  # no or too few valid UTF-8 characters
        return (
            data.decode("cp1252"),
            f"not UTF-8: read as Windows-1252 ({_bytes(invalid)} not UTF-8, {_where(invalid, positions)})",
            True,
        )
    text = _ESCAPED_RUN.sub(lambda m: m.group().encode("utf-8", "surrogateescape").decode("cp1252"), escaped)
    warning = f"not valid UTF-8: {_bytes(invalid)} read as Windows-1252 ({_where(invalid, positions)})"
    return text, warning, False


def _bytes(count: int) -> str:
    return "1 byte" if count == 1 else f"{count:,} bytes"


def _byte_offset(escaped: str, index: int) -> int:
    return len(escaped[:index].encode("utf-8", "surrogateescape"))


def _where(count: int, positions: list[int]) -> str:
    """'at byte 1234', 'at bytes 12, 40 and 97', 'at bytes 12, 40, 97, ...' (`count` bytes in all)."""
    shown = [str(p) for p in positions]
    if count == 1:
        return f"at byte {shown[0]}"
    if count <= len(shown):
        return f"at bytes {', '.join(shown[:-1])} and {shown[-1]}"
    return f"at bytes {', '.join(shown)}, ..."


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
    sample = text[:BINARY_SAMPLE_CHARS]
    return bool(sample) and len(_CONTROL.findall(sample)) / len(sample) > BINARY_CONTROL_SHARE


def _not_text_reason(text: str, whole_cp1252: bool) -> str | None:
    """Why decoded `text` is not an article's text, or None. Text is written in words: it has letters
    of some script, and a Windows-1252 reading has mostly the letters A-Z (see MIN_LATIN_LETTER_SHARE)."""
    if not any(map(str.isalpha, text)):
        return "the file is not text: it has no letters in any script"
    if whole_cp1252:
        sample = text[:BINARY_SAMPLE_CHARS]
        letters = [c for c in sample if c.isalpha()]
        latin = sum(1 for c in letters if c.isascii())
        if latin < MIN_LATIN_LETTER_SHARE * len(letters):
            return (
                f"the file is not text: it is not UTF-8, and read as Windows-1252 only {latin:,} of "
                f"{len(letters):,} letters are A-Z (binary data, or text in another encoding such as "
                "Windows-1251: save it as UTF-8)"
            )
    return None


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_line(line: str) -> str:
    """One line as it should be read: NFC, no invisible characters, single spaces, no control bytes."""
    line = unicodedata.normalize("NFC", line)
    line = _INVISIBLE.sub("", line)
    line = _CONTROL.sub("", xml_text(line))  # and what XML forbids: the form feed, U+FFFE, U+FFFF
    return _SPACES.sub(" ", line).strip()
