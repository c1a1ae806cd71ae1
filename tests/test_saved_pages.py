"""The read stage on saved web pages, single-file pages and e-mails (tests/fixtures/saved/).

news_page.html is a news story as a browser saves it: JSON-LD, Open Graph, a menu, the article with its
byline and links, a share button, an advert frame, comments, related stories and a footer. The same story
is turned into a single-file page (.mhtml) here with the standard library, as browsers write them;
news_alert.eml is the story as a news alert e-mail, newsletter.eml a newsletter with a text and an HTML
part (webpage_complete.html and single_file.mhtml are read in the browser tests too). The tests pin what
reaches the record and what is shown as removed, under which kind.
"""

from __future__ import annotations

import functools
import json
from email import policy
from email.message import EmailMessage

import pytest
from briefing.read.page_text import strip_site
from briefing.read.saved import extract_saved
from briefing.records import BodyLink, Extraction, RawArticle, UnusableFile
from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st

SAVED = FIXTURES / "saved"
HEADLINE = "Harbour bridge reopens to traffic after six months of repairs"
CANONICAL = "https://courier.example.org/news/2031/04/harbour-bridge-reopens"
PARAGRAPH_STARTS = (
    "The old harbour bridge opened to cars and buses again",
    "City engineer Ana Duarte said the repairs had cost 14 million euros",
    "Commuters who had spent the winter on a long detour",
    "Cyclists will have to wait a little longer.",
    "The council plans a small ceremony on the bridge on Saturday",
)


def fixture_bytes(name: str) -> bytes:
    return (SAVED / name).read_bytes()


@functools.cache
def saved_page() -> Extraction:
    return extract_saved(RawArticle("articles/news_page.html", fixture_bytes("news_page.html")))


@functools.cache
def news_alert() -> Extraction:
    return extract_saved(RawArticle("articles/news_alert.eml", fixture_bytes("news_alert.eml")))


def single_file_page(html: bytes, location: str | None = None) -> bytes:
    """`html` as a browser's "Webpage, Single File": multipart/related, the page quoted-printable, an image."""
    page = EmailMessage(policy=policy.SMTP)
    page["From"] = "<Saved by Blink>"
    page["Subject"] = "saved page"
    page["Date"] = "Mon, 14 Apr 2031 09:12:00 +0200"
    if location:
        page["Snapshot-Content-Location"] = location
    page.set_content(html, maintype="text", subtype="html", cte="quoted-printable")
    page.make_related()
    page.get_payload()[0].replace_header("Content-Type", 'text/html; charset="utf-8"')
    if location:
        page.get_payload()[0]["Content-Location"] = location
    page.add_related(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", maintype="image", subtype="gif", cid="<pixel@blink>")
    return page.as_bytes()


def page_with(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


PROSE = (
    "<p>The ferry company said on Tuesday that the morning boats would run every twenty minutes from May, "
    "twice as often as they do now, because more people had started to commute across the bay.</p>"
    "<p>Passengers will be able to buy tickets on their phones, and the old ticket office at the pier "
    "will become a café with a view of the water, the company's director told reporters.</p>"
    "<p>Fares will stay the same until the end of the year, and children under twelve will travel for free on "
    "weekends during the summer holidays, the company added in a statement.</p>"
)


def squash(text: str) -> str:
    return " ".join(text.split())


def cut_lines(extraction: Extraction) -> dict[str, str]:
    """Each line of the removed blocks, and the kind it was shown as."""
    return {squash(line): block.kind for block in extraction.cut for line in block.text.split("\n")}


# --- a saved news page ------------------------------------------------------------------------------


def test_saved_page_takes_headline_authors_date_and_site_from_structured_data():
    page = saved_page()
    assert page.title == HEADLINE
    assert page.authors == ("Marta Okonkwo", "Lucas Brandt")  # JSON-LD wins over <meta name=author>
    assert page.date == "2031-04-14"
    assert page.date_source == "page metadata"
    assert page.source == "The Riverside Courier"


def test_canonical_link_becomes_the_url():
    assert saved_page().url == CANONICAL


def test_saved_page_body_is_the_article_paragraphs_in_order():
    body = saved_page().body
    assert len(body) == len(PARAGRAPH_STARTS)
    for paragraph, start in zip(body, PARAGRAPH_STARTS, strict=True):
        assert paragraph.startswith(start)
    assert all("\n" not in paragraph and "  " not in paragraph for paragraph in body)


def test_slug_and_summary_come_from_title_and_lede():
    page = saved_page()
    assert page.slug == "harbour-bridge-reopens-to-traffic-after-six-months-of-repairs"
    assert page.summary.startswith(PARAGRAPH_STARTS[0])


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("News", "navigation"),
        ("Weather", "navigation"),
        ("Finally! About time they fixed it, I was late every single day this winter.", "comment"),
        ("12 Comments", "comment"),
        ("Detour traffic doubles journey times in the industrial quarter", "related"),
        ("© 2031 The Riverside Courier. All rights reserved.", "footer"),
        ("By Marta Okonkwo and Lucas Brandt", "byline"),
        (HEADLINE, "headline"),
    ],
)
def test_page_leftovers_are_removed_blocks_of_their_kind(line, kind):
    page = saved_page()
    assert all(squash(line) not in squash(paragraph) for paragraph in page.body)
    assert cut_lines(page).get(squash(line)) == kind


def test_every_visible_line_of_the_page_is_in_the_body_or_a_removed_block():
    page = saved_page()
    shown = " ".join(page.body)
    removed = cut_lines(page)
    visible = [
        "The Riverside Courier",
        "Sport",
        "Opinion",
        "April 14, 2031",
        "Forty years sounds optimistic to me, they said the same thing in 1990.",
        "Related stories",
        "Harbour bridge closed after inspectors find corroded cables",
        "Privacy policy",
    ]
    for line in visible:
        assert squash(line) in removed or squash(line) in shown, line


def test_script_style_iframe_and_event_attributes_never_reach_the_record():
    record = json.dumps(saved_page().to_dict(), ensure_ascii=False)
    for markup in (
        "<",
        "trackPage",
        "onclick",
        "onload",
        "querySelectorAll",
        "ads.example.com",
        "color: red",
        "share()",
    ):
        assert markup not in record


def test_body_links_keep_http_addresses_and_resolve_relative_ones():
    links = saved_page().links
    assert BodyLink(1, "inspection report", "https://courier.example.org/reports/bridge-inspection.pdf") in links
    assert BodyLink(1, "regional transport office", "https://transport.example.net/bridges/harbour") in links
    for link in links:
        assert link.href.startswith(("http://", "https://"))
        assert link.text in saved_page().body[link.paragraph]


def test_javascript_and_mailto_links_are_dropped():
    texts = {link.text for link in saved_page().links}
    assert "vote again" not in texts
    assert "press office" not in texts


def test_sidecar_values_win_and_unknown_keys_are_shown():
    sidecar = "title: Bridge open again\ntags: [bridges, transport]\nstatus: draft\nmood: relieved\n"
    page = extract_saved(RawArticle("articles/news_page.html", fixture_bytes("news_page.html"), sidecar))
    assert page.title == "Bridge open again"
    assert page.slug == "bridge-open-again"
    assert page.tags == ("bridges", "transport")
    assert page.status == "draft"
    assert page.cut[0].kind == "front matter" and "mood: relieved" in page.cut[0].text
    assert page.authors == ("Marta Okonkwo", "Lucas Brandt")  # what the sidecar does not set is read


def test_broken_sidecar_is_reported():
    with pytest.raises(UnusableFile, match="sidecar"):
        extract_saved(RawArticle("articles/news_page.html", fixture_bytes("news_page.html"), "title: [unclosed"))


def test_file_name_date_wins_over_the_page_metadata():
    page = extract_saved(RawArticle("articles/2031-04-13-bridge.htm", fixture_bytes("news_page.html")))
    assert (page.date, page.date_source) == ("2031-04-13", "file name")


def test_extension_is_matched_whatever_its_case():
    assert extract_saved(RawArticle("articles/BRIDGE.HTML", fixture_bytes("news_page.html"))).title == HEADLINE


# --- titles ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        (
            "Bridge reopens after repairs | The Riverside Courier",
            "The Riverside Courier",
            "Bridge reopens after repairs",
        ),
        ("Bridge reopens after repairs - Riverside Courier", None, "Bridge reopens after repairs"),
        ("Bridge reopens after repairs – News – The Courier", None, "Bridge reopens after repairs"),
        ("Courier | Bridge reopens after repairs", "Courier", "Bridge reopens after repairs"),
        ("Bridge reopens after repairs", "Courier", "Bridge reopens after repairs"),
        (
            "Mayor: the bridge - our pride and joy for forty years",
            None,
            "Mayor: the bridge - our pride and joy for forty years",
        ),
    ],
)
def test_title_loses_its_site_part(title, site, expected):
    assert strip_site(title, site, None) == expected


def test_page_with_only_a_title_element_uses_it_without_the_site():
    html = page_with(PROSE, "<title>Ferries to run twice as often across the bay | Bay Herald</title>")
    page = extract_saved(RawArticle("articles/ferry.html", html.encode()))
    assert page.title == "Ferries to run twice as often across the bay"


def test_visible_heading_wins_over_a_differently_worded_seo_title():
    head = '<meta property="og:title" content="Ferry timetable 2031: boats every 20 minutes">'
    html = page_with("<h1>Ferries will run twice as often across the bay</h1>" + PROSE, head)
    page = extract_saved(RawArticle("articles/ferry.html", html.encode()))
    assert page.title == "Ferries will run twice as often across the bay"


def test_date_in_the_address_is_used_when_the_page_states_none():
    head = '<link rel="canonical" href="https://bay.example.com/2031/05/02/ferries">'
    page = extract_saved(
        RawArticle("articles/ferry.html", page_with("<h1>Ferries run more often</h1>" + PROSE, head).encode())
    )
    assert (page.date, page.date_source) == ("2031-05-02", "page metadata")


UTC_TIMESTAMP = '<meta property="article:published_time" content="2031-05-01T22:30:00Z">'


def test_day_shown_below_the_headline_wins_over_a_utc_timestamp_of_the_day_before():
    html = page_with('<h1>Ferries run more often</h1><p class="date">May 2, 2031</p>' + PROSE, UTC_TIMESTAMP)
    page = extract_saved(RawArticle("articles/ferry.html", html.encode()))
    assert (page.date, page.date_source) == ("2031-05-02", "text")


def test_same_day_below_the_headline_keeps_the_metadata_timestamp():
    html = page_with('<h1>Ferries run more often</h1><p class="date">May 1, 2031</p>' + PROSE, UTC_TIMESTAMP)
    page = extract_saved(RawArticle("articles/ferry.html", html.encode()))
    assert (page.date, page.date_source) == ("2031-05-01T22:30+00:00", "page metadata")


@pytest.mark.parametrize(
    "below",
    [
        '<nav class="menu"><a href="/archive">May 2, 2031</a></nav>',  # a menu's date
        "<p>A crowd waits for the first morning boat at the pier on May 2, 2031, in this photo taken by a "
        "reader of the paper who asked not to be named.</p>",  # a line of prose, not a date of its own
    ],
)
def test_date_in_a_menu_or_a_sentence_below_the_headline_does_not_replace_the_metadata(below):
    html = page_with("<h1>Ferries run more often</h1>" + below + PROSE, UTC_TIMESTAMP)
    page = extract_saved(RawArticle("articles/ferry.html", html.encode()))
    assert page.date == "2031-05-01T22:30+00:00"


# --- a single-file page (.mhtml) ------------------------------------------------------------------------


def test_single_file_page_reads_like_the_saved_page():
    data = single_file_page(fixture_bytes("news_page.html"), CANONICAL)
    page = extract_saved(RawArticle("articles/news_page.mhtml", data))
    assert (page.title, page.authors, page.date, page.url) == (HEADLINE, saved_page().authors, "2031-04-14", CANONICAL)
    assert page.body == saved_page().body


def test_single_file_page_takes_its_saved_address_when_the_page_has_no_canonical_link():
    data = single_file_page(
        page_with("<h1>Ferries run more often</h1>" + PROSE).encode(), "https://bay.example.com/ferries"
    )
    page = extract_saved(RawArticle("articles/ferry.mht", data))
    assert page.url == "https://bay.example.com/ferries"


def test_single_file_page_without_an_html_part_is_unusable():
    message = EmailMessage()
    message["Subject"] = "saved page"
    message.set_content("just text")
    with pytest.raises(UnusableFile, match="no HTML part"):
        extract_saved(RawArticle("articles/page.mhtml", message.as_bytes()))


def test_multipart_without_its_boundary_is_broken_mime():
    data = b"MIME-Version: 1.0\nContent-Type: multipart/related\nSubject: x\n\n<html><body>lost</body></html>\n"
    with pytest.raises(UnusableFile, match="broken MIME"):
        extract_saved(RawArticle("articles/page.mhtml", data))


# --- e-mails -----------------------------------------------------------------------------------------------


def test_news_alert_takes_subject_date_and_sender():
    alert = news_alert()
    assert alert.title == "Breaking: harbour bridge reopens after six months of repairs"
    assert (alert.date, alert.date_source) == ("2031-04-14T08:05+02:00", "e-mail header")
    assert alert.source == "Riverside Courier Alerts"
    assert "Riverside Courier Alerts" not in alert.authors


def test_news_alert_body_comes_from_its_html_part():
    alert = news_alert()
    assert alert.body[0].startswith("The old harbour bridge opened to cars and buses again")
    assert len(alert.body) == 3
    assert BodyLink(2, "the full story", CANONICAL) in alert.links
    assert cut_lines(alert)["The Riverside Courier · Breaking news"] == "header"


def test_newsletter_footer_is_a_removed_block_not_body():
    letter = extract_saved(RawArticle("articles/weekend-read.eml", fixture_bytes("newsletter.eml")))
    assert letter.title == "The Weekend Read: Why the river towns are planting willows"
    assert letter.source == "The Valley Ledger"
    assert letter.authors == ("Tomás Reyes",)
    assert letter.body[-1].startswith("Not everyone is convinced.")
    lines = cut_lines(letter)
    assert lines["You are receiving this email because you subscribed to The Weekend Read from The Valley Ledger."] == (
        "footer"
    )
    assert lines["Unsubscribe · Update your preferences"] == "footer"
    assert not any("letting the river back onto their fields" in text for text in [*letter.body, *lines])


def test_text_only_email_is_read_by_the_text_rules():
    message = EmailMessage()
    message["From"] = "Bay Herald <news@bay.example.com>"
    message["Subject"] = "Ferries to run twice as often"
    message["Date"] = "Tue, 06 May 2031 18:00:00 +0000"
    message.set_content(
        "---\ntitle: not front matter\n---\n\nFerries to run twice as often\n\n"
        + "\n\n".join(squash(p) for p in PROSE.replace("<p>", "").split("</p>") if p)
    )
    mail = extract_saved(RawArticle("articles/ferry.eml", message.as_bytes()))
    assert mail.title == "Ferries to run twice as often"
    assert mail.source == "Bay Herald"
    assert any(p.startswith("The ferry company said on Tuesday") for p in mail.body)
    assert "front matter" not in {block.kind for block in mail.cut}  # the sender's text sets no metadata


def test_email_with_only_an_attachment_is_unusable():
    with pytest.raises(UnusableFile, match="the e-mail has no text or HTML part"):
        extract_saved(RawArticle("articles/report.eml", fixture_bytes("attachment_only.eml")))


def test_file_without_email_headers_is_unusable():
    with pytest.raises(UnusableFile, match="not an e-mail: it has no MIME headers"):
        extract_saved(RawArticle("articles/notes.eml", b"just some notes\nabout the bridge\n"))


# --- charsets that lie --------------------------------------------------------------------------------------

ACCENTED = "Café owners in Saint-Rémy welcome the new ferry timetable"


def test_utf8_page_declaring_latin1_is_read_as_utf8_with_a_warning():
    html = page_with(f"<h1>{ACCENTED}</h1>" + PROSE, '<meta charset="ISO-8859-1">')
    page = extract_saved(RawArticle("articles/cafe.html", html.encode("utf-8")))
    assert page.title == ACCENTED
    assert any("declares the charset ISO-8859-1 but is UTF-8" in w for w in page.warnings)


def test_latin1_page_declaring_utf8_is_read_as_windows_1252_with_a_warning():
    html = page_with(
        f"<h1>{ACCENTED}</h1>" + PROSE, '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    )
    page = extract_saved(RawArticle("articles/cafe.html", html.encode("cp1252")))
    assert page.title == ACCENTED
    assert any("not valid UTF-8" in w and "declares utf-8" in w for w in page.warnings)


def test_latin1_page_declaring_latin1_is_read_without_a_warning():
    html = page_with(f"<h1>{ACCENTED}</h1>" + PROSE, '<meta charset="iso-8859-1">')
    page = extract_saved(RawArticle("articles/cafe.html", html.encode("latin-1")))
    assert page.title == ACCENTED
    assert page.warnings == ()


# --- files that cannot become a briefing --------------------------------------------------------------------


def test_file_over_the_size_limit_is_unusable():
    with pytest.raises(UnusableFile, match="over the limit of 1,000 bytes"):
        extract_saved(RawArticle("articles/news_page.html", fixture_bytes("news_page.html")), max_bytes=1000)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "binary"),
        (b"A plain note without any markup, saved with the wrong name.", "not HTML"),
        (page_with("<script>var a = 1;</script><img src='x.png'>").encode(), "no visible text"),
    ],
)
def test_bad_html_files_are_unusable_with_a_reason(data, reason):
    with pytest.raises(UnusableFile, match=reason):
        extract_saved(RawArticle("articles/page.html", data))


def test_other_extensions_are_not_read_as_saved_pages():
    with pytest.raises(UnusableFile, match="not a saved page"):
        extract_saved(RawArticle("articles/page.pdf", b"%PDF-1.4"))


@pytest.mark.parametrize("extension", [".html", ".eml", ".mhtml"])
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_give_an_extraction_or_an_unusable_file(extension, data):
    try:
        result = extract_saved(RawArticle(f"articles/fuzz{extension}", data))
    except UnusableFile as error:
        assert str(error)
    else:
        assert isinstance(result, Extraction) and result.body and result.title


@given(text=st.text(max_size=400))
def test_arbitrary_text_inside_a_page_gives_an_extraction_or_an_unusable_file(text):
    html = page_with(f"<h1>{text}</h1><p>{text}</p>" + PROSE)
    try:
        result = extract_saved(RawArticle("articles/fuzz.html", html.encode("utf-8", "surrogatepass")))
    except UnusableFile as error:
        assert str(error)
    else:
        assert result.body
