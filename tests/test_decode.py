"""Decoding raw files: the encodings pasted pages come in, and the files that are not text at all."""

from __future__ import annotations

import codecs
import time

import pytest
from briefing.read.decode import decode_bytes, decode_text, size_reason
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
    read, utf8 = extract(ARTICLE.encode(encoding)).to_dict(), extract(ARTICLE.encode("utf-8")).to_dict()
    warnings = read.pop("warnings")
    utf8.pop("warnings")
    assert read == utf8
    # a guess that changes characters says so: Windows-1252 is read only when the bytes are not UTF-8
    assert bool(warnings) is (encoding == "cp1252")


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


# --- stray bytes: UTF-8 with a few Windows-1252 bytes, and what the caller is told ----------------------

ACCENTED = (
    "Le traversier reprend du service après les tempêtes\n"
    "\n"
    "Le traversier de l’île a effectué jeudi matin sa première traversée en neuf jours, avec près de deux "
    "cents passagers à bord et un camion de courrier resté à quai depuis le début des tempêtes.\n"
)


def test_one_stray_windows_1252_byte_in_utf8_leaves_the_rest_utf8():
    data = ACCENTED.encode("utf-8")
    cut = data.index(b" avec")
    data = data[:cut] + b" \x96" + data[cut:]  # an en dash typed in another program
    text, warning = decode_text(data)
    assert text == ACCENTED.replace(" avec", " \u2013 avec", 1)
    assert "tempêtes" in text and "Ã" not in text
    assert warning == f"not valid UTF-8: 1 byte read as Windows-1252 (at byte {cut + 1})"
    assert decode_bytes(data) == text


def test_several_stray_bytes_are_counted_and_located():
    data = ACCENTED.encode("utf-8").replace(b"\xe2\x80\x99", b"\x92")  # l’île written by Windows
    data = b"\x93" + data + b"\x94"
    text, warning = decode_text(data)
    assert text == "\u201c" + ACCENTED + "\u201d"
    assert warning.startswith("not valid UTF-8: 3 bytes read as Windows-1252 (at bytes 0, ")


def test_stray_byte_after_a_utf8_byte_order_mark_is_read_the_same_way():
    data = codecs.BOM_UTF8 + ACCENTED.encode("utf-8").replace(b"\xe2\x80\x99", b"\x92")
    text, warning = decode_text(data)
    assert text == ACCENTED
    assert warning.startswith("not valid UTF-8: 1 byte read as Windows-1252 (at byte ")


def test_a_windows_1252_file_is_read_as_windows_1252_with_a_warning():
    text, warning = decode_text(ACCENTED.encode("cp1252"))
    assert text == ACCENTED
    assert warning.startswith("not UTF-8: read as Windows-1252")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "ascii"])
def test_nothing_is_guessed_for_a_file_that_decodes_as_what_it_is(encoding):
    text = ACCENTED if encoding != "ascii" else ARTICLE.encode("ascii", "ignore").decode()
    assert decode_text(text.encode(encoding)) == (text, None)


def test_many_stray_bytes_take_linear_time():
    data = ("Die Fähre fährt wieder ".encode() + b"\x96 ") * 40_000  # 27 bytes each, 1.08 MB
    start = time.perf_counter()
    text, warning = decode_text(data)
    assert time.perf_counter() - start < 2.0
    assert text.count("\u2013") == 40_000 and text.count("ä") == 80_000
    assert warning.startswith("not valid UTF-8: 40,000 bytes read as Windows-1252 (at bytes 25, 52, 79, ...)")


# --- files that are not text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"\xff" * 5000,  # read as Windows-1252: 'ÿÿÿ...', all letters but none A-Z
        b"\x9c",  # one random byte: 'œ'
        b"\xff",
        b"\xe9\xe8",
        b"\x85" * 100,  # '……': no letter at all
        b"12345 67890\n",
        b"---- **** ++++ 2024 ====\n",
        codecs.BOM_UTF16_LE + b"\xff\xff" * 100,  # U+FFFF, not a character
        codecs.BOM_UTF8 + b"\xff" * 100,
    ],
)
def test_bytes_that_are_not_text_are_unusable(data):
    with pytest.raises(UnusableFile, match=r"not text|binary"):
        decode_bytes(data)


def test_cyrillic_saved_as_windows_1251_is_unusable_and_the_reason_says_how_to_fix_it():
    data = "Паромное сообщение возобновлено после зимних штормов.\n".encode("cp1251")
    with pytest.raises(UnusableFile, match=r"not UTF-8.*save it as UTF-8"):
        decode_bytes(data)


ARTICLES = {
    "russian": (
        "Паромное сообщение возобновлено после зимних штормов\n\n"
        "Паром совершил первый за девять дней рейс в четверг утром, перевезя около двухсот пассажиров и "
        "грузовик с почтой, скопившейся на материковом терминале с начала штормов.\n"
    ),
    "greek": (
        "Η ακτοπλοϊκή σύνδεση επανήλθε μετά τις χειμερινές καταιγίδες\n\n"
        "Το πλοίο έκανε το πρώτο του δρομολόγιο μετά από εννέα ημέρες την Πέμπτη το πρωί, μεταφέροντας "
        "περίπου διακόσιους επιβάτες και ένα φορτηγό με αλληλογραφία.\n"
    ),
    "chinese": (
        "冬季风暴过后渡轮恢复运行\n\n"
        "周四上午，岛上渡轮九天来首次航行，载有约两百名乘客和一辆装满邮件的卡车，这些邮件自风暴开始以来一直堆积在大陆码头。\n"
    ),
    "japanese": (
        "冬の嵐の後、フェリーの運航が再開\n\n"
        "島のフェリーは木曜日の朝、九日ぶりに運航し、約二百人の乗客と、嵐が始まって以来本土のターミナルにたまっていた郵便物を積んだトラックを運んだ。\n"
    ),
    "arabic": (
        "استئناف خدمة العبارات بعد عواصف الشتاء\n\n"
        "قامت العبارة برحلتها الأولى منذ تسعة أيام صباح الخميس، وعلى متنها نحو مئتي راكب وشاحنة محملة "
        "بالبريد الذي تكدس في المحطة منذ بدء العواصف.\n"
    ),
    "hindi": (
        "सर्दियों के तूफ़ानों के बाद नौका सेवा फिर शुरू\n\n"
        "द्वीप की नौका ने गुरुवार सुबह नौ दिनों में पहली बार यात्रा की और लगभग दो सौ यात्रियों को ले गई।\n"
    ),
    "french": ACCENTED,
    "german": (
        "Fährbetrieb nach den Winterstürmen wieder aufgenommen\n\n"
        "Die Inselfähre fuhr am Donnerstagmorgen zum ersten Mal seit neun Tagen und beförderte rund "
        "zweihundert Fahrgäste – größtenteils Pendler – sowie einen Lastwagen voller Post.\n"
    ),
    "spanish": (
        "El ferri vuelve a navegar tras los temporales de invierno\n\n"
        "El ferri de la isla realizó el jueves por la mañana su primera travesía en nueve días, con unos "
        "doscientos pasajeros a bordo. «Estamos contentos de volver al agua», dijo el capitán.\n"
    ),
    "english": ARTICLE,
}
WINDOWS_1252_LANGUAGES = ("french", "german", "spanish", "english")  # Windows-1252 has no letters for the others
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le+bom", "utf-16-be+bom"]


@pytest.mark.parametrize(
    ("language", "encoding"),
    [(language, encoding) for language in ARTICLES for encoding in ENCODINGS]
    + [(language, "cp1252") for language in WINDOWS_1252_LANGUAGES],
)
def test_articles_in_any_language_and_supported_encoding_are_text(language, encoding):
    article = ARTICLES[language]
    if encoding.endswith("+bom"):
        plain = encoding.removesuffix("+bom")
        data = (codecs.BOM_UTF16_LE if plain.endswith("le") else codecs.BOM_UTF16_BE) + article.encode(plain)
    else:
        data = article.encode(encoding)
    text, warning = decode_text(data)
    assert text == article
    assert (warning is not None) == (encoding == "cp1252")
    extract(data, f"articles/{language}.txt")  # and the article is read, not refused


def test_a_one_letter_file_is_text():
    assert decode_bytes(b"a") == "a"


# --- size ------------------------------------------------------------------------------------------------


def test_size_reason_gives_exact_numbers():
    assert size_reason(2_000_001, 2_000_000) == (
        "the file is 2,000,001 bytes, over the limit of 2,000,000 bytes for one article (BRIEFING_MAX_FILE_BYTES)"
    )
