"""People, organizations, places, quotes and tags on the real sample site, built with `make html`."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from conftest import REPO
from test_site import make_html, page_path

FIRST = "articles/2018-09-28-us-evacuates-basra-consulate.txt"
SECOND = "articles/2018-09-28-diplomats-evacuated-from-basra.txt"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("entity-site")
    shutil.copytree(REPO / "content", root / "content")
    build = make_html(root / "content", root / "out", root / "cache")
    assert build.returncode == 0, build.log[-4000:]
    return build


def entities(build, source_path: str) -> dict[str, dict]:
    return {e["name"]: e for e in build.article(source_path)["entities"]}


def test_spelling_variants_are_one_person_and_one_organization(site):
    first = entities(site, FIRST)
    soleimani = [e for e in first.values() if "Soleimani" in e["name"]]
    assert len(soleimani) == 1
    assert soleimani[0]["type"] == "person"
    assert {"Qasem Soleimani", "Qassem Soleimani"} <= set(soleimani[0]["mentions"])
    quds = [e for e in first.values() if {"Quds Force", "Qods Force"} & set(e["mentions"])]
    assert len(quds) == 1
    assert quds[0]["type"] == "organization"
    assert {"Quds Force", "Qods Force"} <= set(quds[0]["mentions"])


def test_an_acronym_joins_its_long_form(site):
    irgc = entities(site, FIRST)["Islamic Revolutionary Guard Corps"]
    assert irgc["type"] == "organization"
    assert "IRGC" in irgc["mentions"]


def test_pompeo_is_the_person_mike_pompeo_in_both_articles(site):
    for source_path in (FIRST, SECOND):
        found = entities(site, source_path)
        pompeo = [e for e in found.values() if "Pompeo" in " ".join(e["mentions"])]
        assert [(e["name"], e["type"]) for e in pompeo] == [("Mike Pompeo", "person")]
        assert "Pompeo" in pompeo[0]["mentions"]


def test_state_alone_is_not_an_organization(site):
    for source_path in (FIRST, SECOND):
        assert "State" not in entities(site, source_path)
        assert all(m != "State" for e in entities(site, source_path).values() for m in e["mentions"])


def test_the_commenter_appears_nowhere(site):
    text = (site.out / "archive.json").read_text(encoding="utf-8")
    record = site.article(FIRST)
    assert not any("Wolfe" in e["name"] for e in record["entities"])
    assert not any("Wolfe" in (q["speaker"] or "") for q in record["quotes"])
    assert "Wolfe" not in "".join(record["tags"])
    assert not (site.out / "people" / "ronald-wolfe").exists()
    assert text.count("Ronald Wolfe") == 1  # only under "removed", the comment kept as cut text


def test_pompeo_quotes_are_his_in_both_articles(site):
    for source_path in (FIRST, SECOND):
        quotes = site.article(source_path)["quotes"]
        advised = [q for q in quotes if q["text"].startswith("I have advised the Government of Iran")]
        assert advised, quotes
        assert {q["speaker"] for q in advised} == {"Mike Pompeo"}


def test_sample_quotes_have_trustworthy_speakers_and_kinds(site):
    quotes = {q["text"]: q for source_path in (FIRST, SECOND) for q in site.article(source_path)["quotes"]}
    speakers = {q["speaker"] for q in quotes.values()}
    assert not speakers & {"day", "statement", "Iraqi media outlets", "ruled out striking IRGC targets"}
    assert not any("citing" in (speaker or "") for speaker in speakers)
    for fragment in ("anonymous", "anonymous senior Iraqi official", "action", "temporary relocation"):
        assert quotes[fragment]["kind"] == "phrase"
    assert quotes["anonymous"]["speaker"] is None
    assert quotes["please leave Iraq to us"]["speaker"] == "American officials"
    unnamed = next(q for text, q in quotes.items() if text.startswith("We are not aware of any intention"))
    assert (unnamed["kind"], unnamed["speaker"]) == ("statement", "anonymous senior Iraqi official")


def test_both_articles_share_the_tags_iran_iraq_and_basra(site):
    for source_path in (FIRST, SECOND):
        assert {"Iran", "Iraq", "Basra"} <= set(site.article(source_path)["tags"])
    tags_page = (site.out / "tags" / "index.html").read_text(encoding="utf-8")
    assert "Basra" in tags_page


def test_entity_pages_list_articles_quotes_and_company(site):
    people = (site.out / "people" / "index.html").read_text(encoding="utf-8")
    assert "Mike Pompeo" in people
    record = entities(site, FIRST)["Mike Pompeo"]
    assert record["url"] == "people/mike-pompeo/"
    page = page_path(site.out, record["url"]).read_text(encoding="utf-8")
    for source_path in (FIRST, SECOND):
        assert site.article(source_path)["url"] in page
    assert "I have advised the Government of Iran" in page
    assert "Often appears with" in page
    for folder in ("organizations", "places"):
        assert (site.out / folder / "index.html").is_file()


def test_the_briefing_page_links_entities_and_shows_key_quotes(site):
    record = site.article(FIRST)
    page = site.page(record).read_text(encoding="utf-8")
    body = page.split('<div class="body">', 1)[1].split("</div>", 1)[0]
    assert body.count('href="../../people/mike-pompeo/"') == 1  # the first mention only
    assert "Key quotes" in page
    assert 'class="entities"' in page


def test_a_warm_build_loads_no_model(site, tmp_path):
    # spaCy cannot even be imported in this build: it only works if every article comes from the cache.
    blocker = tmp_path / "blocker" / "spacy"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('the language model must not load')\n")
    os.environ["PYTHONPATH"] = str(blocker.parent)
    try:
        warm = make_html(site.content, tmp_path / "out", site.cache)
    finally:
        del os.environ["PYTHONPATH"]
    assert warm.returncode == 0, warm.log[-3000:]
    assert "no model loaded" in warm.log
    assert warm.archive["articles"] == site.archive["articles"]


def test_the_curated_list_names_and_describes(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    (content / "entities.yaml").write_text(
        "entities:\n"
        "  - name: Mike R. Pompeo\n"
        "    type: person\n"
        "    aliases: [Mike Pompeo, Pompeo]\n"
        "    description: Secretary of State from 2018.\n"
        "ignore: [Katyusha, Consulate General]\n",
        encoding="utf-8",
    )
    build = make_html(content, tmp_path / "out", tmp_path / "cache")
    assert build.returncode == 0, build.log[-3000:]
    found = entities(build, SECOND)
    assert "Mike R. Pompeo" in found
    assert "Mike Pompeo" not in found
    assert "Consulate General" not in found
    page = page_path(build.out, found["Mike R. Pompeo"]["url"]).read_text(encoding="utf-8")
    assert "Secretary of State from 2018." in page


def test_a_broken_curated_list_is_reported_and_the_site_still_builds(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    (content / "entities.yaml").write_text("entities:\n  - name: X\n    type: animal\n", encoding="utf-8")
    build = make_html(content, tmp_path / "out", tmp_path / "cache")
    assert build.returncode != 0
    assert "entities.yaml" in build.log and "'type' must be one of" in build.log
    assert len(build.archive["articles"]) == 2
    assert any(r["source_path"] == "entities.yaml" for r in build.archive["rejected"])


def test_the_build_ends_with_a_summary(site):
    log = " ".join(site.log.split())
    assert "briefings built: 2" in log
    assert "removed from the articles (lines, by kind; each shown on its page):" in log
    assert re.search(r"\bcomment \d+", log)
    assert "entities and quotes: 2 article(s) analysed" in log and "words/s" in log
    assert "time: read" in log and "related stories and threads" in log and "write" in log


def test_a_name_only_one_briefing_uses_is_shown_without_a_link_or_page(site):
    first, second = entities(site, FIRST), entities(site, SECOND)
    lone = [e for name, e in first.items() if name not in second]
    assert lone, "the first sample names someone the second does not"
    assert all(e["url"] is None for e in lone)
    assert all(e["url"] for name, e in first.items() if name in second)
    page = site.page(site.article(FIRST)).read_text(encoding="utf-8")
    listed = page.split('<section class="entities"', 1)[1].split("</section>", 1)[0]
    people_index = (site.out / "people" / "index.html").read_text(encoding="utf-8")
    for entity in lone:
        assert f"<li>{entity['name']}</li>" in listed.replace("&#39;", "'")
        assert f">{entity['name']}<" not in people_index
