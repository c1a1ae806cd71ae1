"""MIME containers of articles: a browser's single-file page (.mhtml, .mht) and an e-mail (.eml), opened
with the standard library's `email` package. Only what the read stage needs comes out: the HTML (or
text) part with its declared charset, and the e-mail's subject, date and sender.
"""

from __future__ import annotations

import email
import email.errors
import email.utils
import logging
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage

from ..records import UnusableFile
from .html_page import decode_declared
from .structured import MAX_YEAR, MIN_YEAR

logger = logging.getLogger(__name__)

# Headers one of which every e-mail has; a file with none of them is not an e-mail.
EMAIL_HEADERS = ("from", "to", "subject", "date", "message-id", "mime-version", "content-type")
# Parts a message may have before the reader stops looking (a mail bomb nests thousands).
MAX_PARTS = 500
# What goes wrong inside the standard library's header parser on malformed input: a header that cannot
# be read is treated as absent.
_HEADER_ERRORS = (email.errors.MessageError, ValueError, TypeError, IndexError, AttributeError, LookupError)


@dataclass(frozen=True)
class HtmlPart:
    data: bytes  # as sent: after the transfer encoding, before the charset
    charset: str | None
    location: str | None = None  # the address it was saved from (MHTML), when given


@dataclass(frozen=True)
class Email:
    subject: str | None
    date: str | None  # ISO, to the minute, with the sender's offset
    sender: str | None  # the display name of From
    html: HtmlPart | None
    text: str | None
    warnings: tuple[str, ...] = ()


def read_mhtml(data: bytes) -> HtmlPart:
    """The first HTML part of a single-file page, and the address the page was saved from."""
    message = _message(data, "a single-file page (MHTML)")
    html = next((part for part in _leaf_parts(message) if part.get_content_type() == "text/html"), None)
    if html is None:
        raise UnusableFile("the single-file page has no HTML part")
    location = _header(message, "snapshot-content-location") or _header(html, "content-location")
    return HtmlPart(_payload(html), _charset(html), location)


def read_email(data: bytes) -> Email:
    """The subject, date, sender and first HTML and text parts of an e-mail (attachments are skipped)."""
    message = _message(data, "an e-mail")
    html = text = None
    warnings: list[str] = []
    for part in _leaf_parts(message):
        if part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/html" and html is None:
            html = HtmlPart(_payload(part), _charset(part))
        elif kind == "text/plain" and text is None:
            payload = _payload(part)
            if payload.strip():
                text, part_warnings = decode_declared(payload, _charset(part), "e-mail's text part")
                warnings.extend(part_warnings)
    if html is None and text is None:
        raise UnusableFile("the e-mail has no text or HTML part")
    sender = email.utils.parseaddr(_header(message, "from") or "")[0].strip() or None
    return Email(_header(message, "subject"), _date(message), sender, html, text, tuple(warnings))


def _message(data: bytes, what: str) -> EmailMessage:
    try:
        message = email.message_from_bytes(data, policy=policy.default)
    except _HEADER_ERRORS as error:  # the parser is lenient; this is a safety net
        raise UnusableFile(f"broken MIME: {what} that cannot be parsed ({error})") from None
    names = {name.lower() for name in message}
    if not names & set(EMAIL_HEADERS) and not names & {"snapshot-content-location"}:
        raise UnusableFile(f"the file is not {what}: it has no MIME headers")
    if message.get_content_maintype() == "multipart" and not message.is_multipart():
        raise UnusableFile(f"broken MIME: {what} whose multipart body has no boundary to find its parts by")
    return message


def _leaf_parts(message: EmailMessage):
    for count, part in enumerate(message.walk()):
        if count > MAX_PARTS:
            logger.debug("more than %d MIME parts: the rest are not read", MAX_PARTS)
            return
        if not part.is_multipart():
            yield part


def _payload(part) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except _HEADER_ERRORS:
        payload = None
    return payload if isinstance(payload, bytes) else b""


def _charset(part) -> str | None:
    try:
        return part.get_content_charset()
    except _HEADER_ERRORS:
        return None


def _header(message, name: str) -> str | None:
    try:
        value = message.get(name)
        text = " ".join(str(value).split()) if value is not None else ""
    except _HEADER_ERRORS:
        logger.debug("unreadable %s header", name)
        return None
    return text or None


def _date(message) -> str | None:
    value = _header(message, "date")
    if not value:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except _HEADER_ERRORS:
        return None
    if moment is None or not MIN_YEAR <= moment.year <= MAX_YEAR:
        return None
    return moment.isoformat(timespec="minutes")
