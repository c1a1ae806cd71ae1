"""Direct quotes and their speakers (briefing.read.quotes), on sentences written for these tests."""

from __future__ import annotations

import re
import time

import pytest
from briefing.read.quotes import FoundQuote, PersonMention, find_quotes
from hypothesis import given
from hypothesis import strategies as st


def people_in(paragraphs: list[str], names: dict[str, str]) -> list[PersonMention]:
    """Person mentions as an NER step would give them: each surface form in `names`, longest first, mapped to
    its canonical name."""
    mentions: list[PersonMention] = []
    for index, paragraph in enumerate(paragraphs):
        taken: list[tuple[int, int]] = []
        for surface in sorted(names, key=len, reverse=True):
            for match in re.finditer(rf"\b{re.escape(surface)}\b", paragraph):
                if any(match.start() < end and match.end() > start for start, end in taken):
                    continue
                taken.append(match.span())
                mentions.append(PersonMention(index, match.start(), match.end(), names[surface]))
    return sorted(mentions, key=lambda m: (m.paragraph, m.start))


def quotes_of(paragraphs: list[str], names: dict[str, str] | None = None) -> list[FoundQuote]:
    return find_quotes(paragraphs, people_in(paragraphs, names or {}))


def speakers(found: list[FoundQuote]) -> dict[str, str | None]:
    return {q.text: q.speaker for q in found}


OKAFOR = {"Grace Okafor": "Grace Okafor", "Okafor": "Grace Okafor"}
LINDQVIST = {"Tom Lindqvist": "Tom Lindqvist", "Lindqvist": "Tom Lindqvist"}


# ----------------------------------------------------------------------------- attribution patterns


def test_speaker_after_the_quote():
    found = quotes_of(["“The bridge will reopen by spring,” Okafor said on Tuesday."], OKAFOR)
    assert found == [FoundQuote("The bridge will reopen by spring", "Grace Okafor", 0)]


@pytest.mark.parametrize(
    ("paragraph", "people", "quote", "speaker"),
    [
        pytest.param(
            '"We are not going anywhere," said Tom Lindqvist, the union\'s chief negotiator.',
            LINDQVIST,
            "We are not going anywhere",
            "Tom Lindqvist",
            id="inverted_speaker_after_the_quote",
        ),
        pytest.param(
            "Grace Okafor told the council: “The numbers do not add up.”",
            OKAFOR,
            "The numbers do not add up.",
            "Grace Okafor",
            id="speaker_before_a_colon",
        ),
        pytest.param(
            "Lindqvist said that the offer was “an insult to every worker on the line.”",
            LINDQVIST,
            "an insult to every worker on the line.",
            "Tom Lindqvist",
            id="partial_quote_after_said_that",
        ),
        pytest.param(
            "The plant will close in March, “with no exceptions for anyone,” according to Okafor.",
            OKAFOR,
            "with no exceptions for anyone",
            "Grace Okafor",
            id="according_to",
        ),
        pytest.param(
            "Okafor told reporters “there is no plan B” before she left the hearing.",
            OKAFOR,
            "there is no plan B",
            "Grace Okafor",
            id="told_reporters",
        ),
        pytest.param(
            "“Cheaper buses would change my whole week.” — Grace Okafor, commuter",
            OKAFOR,
            "Cheaper buses would change my whole week.",
            "Grace Okafor",
            id="speaker_after_a_dash",
        ),
        pytest.param(
            "Lindqvist called the offer “a disgrace.”",
            LINDQVIST,
            "a disgrace.",
            "Tom Lindqvist",
            id="short_quote_with_a_speech_verb_is_kept",
        ),
    ],
)
def test_attribution_pattern_gives_the_speaker(paragraph, people, quote, speaker):
    assert speakers(quotes_of([paragraph], people)) == {quote: speaker}


def test_speech_verbs_in_any_tense():
    paragraphs = [
        "“The vote is a formality,” Okafor says.",
        "“It never was a formality,” Lindqvist tweeted late on Sunday.",
        "“I stand by every word,” Okafor insisted.",
        "“Expect delays through the summer,” Lindqvist warned.",
        "“We will keep talking,” Okafor will say at the opening.",
    ]
    found = quotes_of(paragraphs, OKAFOR | LINDQVIST)
    assert [q.speaker for q in found] == [
        "Grace Okafor",
        "Tom Lindqvist",
        "Grace Okafor",
        "Tom Lindqvist",
        "Grace Okafor",
    ]


def test_appositive_between_speaker_and_verb():
    text = "“Nobody asked the tenants,” Grace Okafor, a spokeswoman for the housing board, said on Friday."
    assert speakers(quotes_of([text], OKAFOR)) == {"Nobody asked the tenants": "Grace Okafor"}


def test_party_and_state_in_brackets_do_not_hide_the_speaker():
    text = "Rep. Tom Lindqvist (D-Ore.) said the bill was “dead on arrival.”"
    assert speakers(quotes_of([text], LINDQVIST)) == {"dead on arrival.": "Tom Lindqvist"}


def test_quote_inside_a_clause_before_the_main_one_is_that_clauses():
    paragraph = (
        "Lindqvist kept quiet, and as Okafor went on about “the cost of the bridge,” and “the tolls” and "
        "“the long winter ahead,” Lindqvist said nothing at all."
    )
    found = speakers(quotes_of([paragraph], OKAFOR | LINDQVIST))
    assert found == dict.fromkeys(("the cost of the bridge", "the tolls", "the long winter ahead"), "Grace Okafor")


def test_while_clause_keeps_its_own_speaker():
    paragraph = (
        "While Okafor calls the plan “a gift to developers and nothing more,” Lindqvist says it is “the only "
        "way forward for the port.”"
    )
    assert speakers(quotes_of([paragraph], OKAFOR | LINDQVIST)) == {
        "a gift to developers and nothing more": "Grace Okafor",
        "the only way forward for the port.": "Tom Lindqvist",
    }


def test_went_on_attributes_like_continued():
    found = quotes_of(
        ["“We will rebuild it before the winter,” Okafor went on.", "The rally went on. “Go home.”"], OKAFOR
    )
    assert [q.speaker for q in found] == ["Grace Okafor", None]


def test_quote_opening_a_sentence_goes_on_from_the_person_the_sentence_before_is_about():
    paragraphs = [
        "On “Morning Report,” Grace Okafor, who lost the vote, backed the plan. “It is overdue and it is fair.”",
        "The plan was backed by Okafor. “It is overdue and it is fair, whatever they say.”",
    ]
    found = quotes_of(paragraphs, OKAFOR)
    assert [q.speaker for q in found if q.kind == "statement"] == ["Grace Okafor", None]


def test_split_quote_shares_its_speaker():
    text = "“We tried everything,” Lindqvist said. “Nothing worked, and now the money is gone.”"
    found = quotes_of([text], LINDQVIST)
    assert speakers(found) == {
        "We tried everything": "Tom Lindqvist",
        "Nothing worked, and now the money is gone.": "Tom Lindqvist",
    }


def test_quote_over_several_paragraphs_takes_the_first_paragraphs_speaker():
    paragraphs = [
        "Okafor said: “The first thing we did was count the empty flats.",
        "“Then we counted the families waiting for one.",
        "“The two numbers were almost the same.”",
        "The council meets again next week.",
    ]
    found = quotes_of(paragraphs, OKAFOR)
    assert len(found) == 1
    assert found[0].speaker == "Grace Okafor"
    assert found[0].paragraph == 0
    assert found[0].text.startswith("The first thing we did")
    assert "families waiting" in found[0].text
    assert found[0].text.endswith("almost the same.")
    assert "council meets" not in found[0].text


@pytest.mark.parametrize(
    ("paragraphs", "people", "expected"),
    [
        pytest.param(
            [
                "The mayor called the delay “unacceptable and said nothing more.",
                "Crews worked through the night to clear the line.",
                "“We expect trains by Monday,” Okafor said.",
                "Passengers were offered buses in the meantime.",
            ],
            OKAFOR,
            {"We expect trains by Monday": "Grace Okafor"},
            id="unbalanced_mark_does_not_swallow_the_article",
        ),
        pytest.param(
            [
                "It's the city's problem, Okafor's office said, and the mayor's too.",
                '"It\'s our job to fix it," Lindqvist said.',
                "“We’ll fix it,” Okafor said.",
            ],
            OKAFOR | LINDQVIST,
            {"It's our job to fix it": "Tom Lindqvist", "We’ll fix it": "Grace Okafor"},
            id="straight_and_curly_marks_and_apostrophes",
        ),
        pytest.param(
            [
                "Tom Lindqvist walked out of the meeting after an hour.",
                "“I have heard enough for one day,” he said.",
            ],
            LINDQVIST,
            {"I have heard enough for one day": "Tom Lindqvist"},
            id="pronoun_stands_for_the_person_named_before",
        ),
        pytest.param(
            [
                "Okafor thanked Lindqvist for his patience.",
                "“This took longer than anyone wanted,” she said.",
            ],
            OKAFOR | LINDQVIST,
            {"This took longer than anyone wanted": "Grace Okafor"},
            id="pronoun_prefers_the_subject_over_an_object",
        ),
        pytest.param(
            [
                "Ms. Okafor sat next to Mr. Lindqvist at the hearing.",
                "Mr. Lindqvist spoke first.",
                "“I disagree with every figure in that report,” she said.",
            ],
            OKAFOR | LINDQVIST,
            {"I disagree with every figure in that report": "Grace Okafor"},
            id="pronoun_skips_a_person_of_the_other_gender",
        ),
    ],
)
def test_speakers_across_paragraphs(paragraphs, people, expected):
    assert speakers(quotes_of(paragraphs, people)) == expected


# ----------------------------------------------------------------------------- marks


def test_stray_marks_inside_a_paragraph():
    found = quotes_of(['He said " and then " left, “Fine,” said Okafor, and ” then “'], OKAFOR)
    assert all(len(q.text) < 40 for q in found)


def test_single_marks_nest_inside_double_ones():
    text = "“When they told me ‘the money is coming,’ I believed them,” Lindqvist said."
    found = quotes_of([text], LINDQVIST)
    assert speakers(found) == {"When they told me ‘the money is coming,’ I believed them": "Tom Lindqvist"}


def test_curly_quote_nested_in_a_straight_one():
    text = '"I read the letter, which said “we regret the inconvenience,” and I laughed," Okafor said.'
    found = quotes_of([text], OKAFOR)
    assert [q.speaker for q in found] == ["Grace Okafor"]
    assert found[0].text.startswith("I read the letter")


# ----------------------------------------------------------------------------- pronouns and noun phrases


def test_it_stands_for_the_organisation_in_its_sentence():
    text = "The transit authority rejected what it called “a reckless and unfunded plan.”"
    found = quotes_of([text])
    assert found[0].speaker is not None
    assert "transit authority" in found[0].speaker


def test_noun_phrase_speakers():
    paragraphs = [
        "“The talks have stalled,” a senior U.S. official said.",
        "“No decision has been made,” the State Department said in a statement.",
        "“Ridership fell by a third,” the newspaper reported.",
    ]
    found = quotes_of(paragraphs)
    assert "official" in found[0].speaker
    assert "State Department" in found[1].speaker
    assert found[2].speaker == "newspaper"


def test_canonical_name_of_a_surname_mention():
    found = quotes_of(["“Give us the weekend,” Okafor said."], {"Okafor": "Grace Okafor"})
    assert found[0].speaker == "Grace Okafor"


def test_a_group_behind_a_possessive_speaks_not_the_person():
    paragraph = "Okafor’s neighbours watched the hearing and said they came away with “more questions than answers.”"
    assert [q.speaker for q in quotes_of([paragraph], OKAFOR)] == ["Okafor’s neighbours"]


def test_a_person_behind_a_possessive_is_not_the_speaker():
    found = quotes_of(["“We will appeal,” Okafor’s lawyer said."], OKAFOR)
    assert found[0].speaker == "Okafor’s lawyer"


def test_quote_without_attribution_has_no_speaker():
    found = quotes_of(["The banner, “Save our library from the budget cuts,” stayed up all week."])
    assert found == [FoundQuote("Save our library from the budget cuts", None, 0)]


# ----------------------------------------------------------------------------- what is left out, and duplicates


# ----------------------------------------------------------------------------- kinds: statements and phrases


@pytest.mark.parametrize(
    ("paragraph", "people", "quote", "kind", "speaker"),
    [
        pytest.param(
            "The town's “temporary” bridge has stood for forty years.",
            {},
            "temporary",
            "phrase",
            None,
            id="one_word_scare_quote",
        ),
        pytest.param(
            "The ministry called the closure a “precaution” after the storm.",
            {},
            "precaution",
            "phrase",
            "ministry",
            id="one_word_the_subject_called_it",
        ),
        pytest.param(
            "Okafor said the move was a “short pause” in the works.",
            OKAFOR,
            "short pause",
            "phrase",
            "Grace Okafor",
            id="two_word_fragment_of_what_someone_said",
        ),
        pytest.param(
            "Lindqvist called the offer “a disgrace.”",
            LINDQVIST,
            "a disgrace.",
            "phrase",
            "Tom Lindqvist",
            id="two_word_fragment_after_a_speech_verb",
        ),
        pytest.param(
            "The council read the report “Rivers of the North” aloud.",
            {},
            "Rivers of the North",
            "phrase",
            None,
            id="title_of_a_work",
        ),
        pytest.param(
            "“No,” Okafor said.",
            OKAFOR,
            "No",
            "statement",
            "Grace Okafor",
            id="one_word_set_off_with_a_speech_verb_is_a_statement",
        ),
        pytest.param(
            "Okafor said the plan would “cost every family in the valley more than it saves.”",
            OKAFOR,
            "cost every family in the valley more than it saves.",
            "statement",
            "Grace Okafor",
            id="partial_quote_of_a_clause_is_a_statement",
        ),
        pytest.param(
            "Okafor said the closure came in the wake of “repeated and serious safety failures” at the plant.",
            OKAFOR,
            "repeated and serious safety failures",
            "phrase",
            "Grace Okafor",
            id="noun_phrase_after_a_preposition",
        ),
        pytest.param(
            "Okafor said the inspection was “rushed, sloppy and far too late.”",
            OKAFOR,
            "rushed, sloppy and far too late.",
            "statement",
            "Grace Okafor",
            id="predicate_after_a_verb_is_a_statement",
        ),
        pytest.param(
            "Okafor said the report was about “what we will do next winter.”",
            OKAFOR,
            "what we will do next winter.",
            "statement",
            "Grace Okafor",
            id="clause_after_a_preposition_is_a_statement",
        ),
        pytest.param(
            "Crews finished the “temporary” footbridge in a week, and the town opened it on Monday.",
            {},
            "temporary",
            "phrase",
            None,
            id="phrase_modifying_the_noun_after_it",
        ),
        pytest.param(
            "The board's “listening tour” ended on Friday, Okafor said.",
            OKAFOR,
            "listening tour",
            "phrase",
            "Grace Okafor",
            id="phrase_inside_what_someone_said",
        ),
    ],
)
def test_quote_kind_and_speaker(paragraph, people, quote, kind, speaker):
    found = {q.text: q for q in quotes_of([paragraph], people)}
    assert (found[quote].kind, found[quote].speaker) == (kind, speaker)


def test_phrase_inside_the_subject_of_a_speech_verb_is_nobodys_words():
    paragraph = (
        "Residents said the water was safe, though an “unnamed” city engineer said that tests were still "
        "running. Another “senior city engineer” told the Courier, “We have found lead in three schools.”"
    )
    found = {q.text: q for q in quotes_of([paragraph])}
    assert (found["unnamed"].kind, found["unnamed"].speaker) == ("phrase", None)
    assert (found["senior city engineer"].kind, found["senior city engineer"].speaker) == ("phrase", None)
    statement = found["We have found lead in three schools."]
    assert statement.kind == "statement"
    assert statement.speaker == "senior city engineer"


def test_unnamed_source_is_given_as_the_description_the_text_gives():
    found = quotes_of(["“The order came from the top,” an anonymous senior port official said."])
    assert [(q.kind, q.speaker) for q in found] == [("statement", "anonymous senior port official")]


def test_unnamed_source_ends_before_what_describes_it():
    found = quotes_of(["“The vote will be close,” said one senior council member familiar with the count."])
    assert [q.speaker for q in found] == ["one senior council member"]


def test_participle_after_a_phrase_does_not_make_it_a_subject():
    found = quotes_of(["Okafor is describing as “reckless” a council memo attacking the port plan."], OKAFOR)
    assert [(q.kind, q.speaker) for q in found] == [("phrase", "Grace Okafor")]


def test_phrase_takes_the_subject_of_its_sentence():
    found = quotes_of(["Lindqvist has likened the deal to “a blank cheque” in every interview."], LINDQVIST)
    assert [(q.kind, q.speaker) for q in found] == [("phrase", "Tom Lindqvist")]


# ----------------------------------------------------------------------------- speakers that are not speakers


@pytest.mark.parametrize(
    ("paragraph", "people", "quote", "speaker"),
    [
        pytest.param(
            "The next morning, dock workers marched to the port and told the managers to “come down and talk.”",
            {},
            "come down and talk.",
            "dock workers",
            id="a_time_phrase_opening_the_sentence_is_not_its_subject",
        ),
        pytest.param(
            "A week later, Okafor told the council: “The numbers still do not add up.”",
            OKAFOR,
            "The numbers still do not add up.",
            "Grace Okafor",
            id="time_phrase_before_a_named_speaker",
        ),
        pytest.param(
            "According to a regional radio station this week citing “two people close to the talks,” the deal is done.",
            {},
            "two people close to the talks",
            "regional radio station",
            id="according_to_stops_at_a_time_word_and_a_participle",
        ),
        pytest.param(
            "According to a regional radio station citing “two officials close to the harbour talks,” Harbour "
            "Master Okafor has told the crews to stay ashore.",
            OKAFOR,
            "two officials close to the harbour talks",
            "regional radio station",
            id="quote_inside_an_opening_according_to_is_not_the_main_clauses",
        ),
        pytest.param(
            "Port officials have not ruled out closing the north quay for the winter (union leaders have reportedly "
            "told them to “keep the north quay open or expect a strike”).",
            {},
            "keep the north quay open or expect a strike",
            "union leaders",
            id="quote_in_brackets_is_attributed_inside_them",
        ),
        pytest.param(
            "The housing board released a statement on Monday. “We will appeal the ruling,” the statement read.",
            {},
            "We will appeal the ruling",
            "housing board",
            id="document_speaks_for_the_one_who_issued_it",
        ),
        pytest.param(
            "“Every tenant will be rehoused by June,” a Housing Board memo said.",
            {},
            "Every tenant will be rehoused by June",
            "Housing Board",
            id="document_names_its_issuer",
        ),
        pytest.param(
            "“The talks have collapsed,” the Harbour Post reported.",
            {},
            "The talks have collapsed",
            "Harbour Post",
            id="a_newspaper_named_like_a_document_is_a_speaker",
        ),
        pytest.param(
            "“Every tenant will be rehoused by June,” the memo said.",
            {},
            "Every tenant will be rehoused by June",
            None,
            id="document_with_no_issuer_has_no_speaker",
        ),
        pytest.param(
            "According to a civil complaint filed by the Harbour Authority, the firm “moved the money offshore.”",
            {},
            "moved the money offshore.",
            "Harbour Authority",
            id="document_filed_by_its_issuer",
        ),
        pytest.param(
            "“The quay will stay closed until further notice,” according to a statement from the Harbour Authority.",
            {},
            "The quay will stay closed until further notice",
            "Harbour Authority",
            id="document_from_its_issuer",
        ),
        pytest.param(
            "Tenants may not sublet a flat when it is “held for a family in need,” per the council’s housing rules.",
            {},
            "held for a family in need",
            "council",
            id="per_brings_in_a_source_and_a_document_speaks_for_its_owner",
        ),
        pytest.param(
            "A notice on the harbour board's website says that the quay is “closed to all traffic until spring.”",
            {},
            "closed to all traffic until spring.",
            "harbour board",
            id="document_on_a_page_speaks_for_the_pages_owner",
        ),
        pytest.param(
            "PORTSMOUTH, May 3 — Dock workers said the deal was “a start,” nothing more.",
            {},
            "a start",
            "Dock workers",
            id="dateline_place_is_not_the_speaker",
        ),
        pytest.param(
            "The director wants the film to be “a warning to every town on the coast.”",
            {},
            "a warning to every town on the coast.",
            "director",
            id="verb_before_its_object_is_not_part_of_the_subject",
        ),
        pytest.param(
            "The council rejected Okafor’s claim that the plan was “a gift to developers and nothing more.”",
            OKAFOR,
            "a gift to developers and nothing more.",
            "Grace Okafor",
            id="owner_of_a_claim",
        ),
        pytest.param(
            "Another critic, Grace Okafor, compared the plan to “moving the deckchairs around.”",
            OKAFOR,
            "moving the deckchairs around.",
            "Grace Okafor",
            id="person_in_apposition_to_the_subject",
        ),
        pytest.param(
            "Conversely, Lindqvist rated the proposal “mostly workable” in his review.",
            LINDQVIST,
            "mostly workable",
            "Tom Lindqvist",
            id="adverb_opening_the_sentence_is_not_its_subject",
        ),
    ],
)
def test_speaker_is_someone_not_a_time_a_document_or_a_clause_piece(paragraph, people, quote, speaker):
    assert speakers(quotes_of([paragraph], people))[quote] == speaker


def test_per_is_no_source_before_a_unit():
    found = quotes_of(["The ferry costs “far too much” per trip, Okafor said."], OKAFOR)
    assert speakers(found) == {"far too much": "Grace Okafor"}


def test_dateline_place_is_not_a_phrases_source():
    found = quotes_of(["PORTSMOUTH — After a week of “delays,” cargo moved again on Friday."])
    assert [(q.kind, q.speaker) for q in found] == [("phrase", None)]


def test_the_sentence_after_a_dateline_gives_the_source():
    paragraph = "PORTSMOUTH, May 3 (Wire) — At the harbour, Okafor likened the repairs to “a patch on a patch.”"
    found = quotes_of([paragraph], OKAFOR)
    assert [(q.kind, q.speaker) for q in found] == [("statement", "Grace Okafor")]


def test_according_to_closing_the_sentence_gives_the_source():
    found = quotes_of(["Some 4,000 people joined a citywide “sit-out” on Sunday, according to the organizers."])
    assert [(q.kind, q.speaker) for q in found] == [("phrase", "organizers")]


def test_a_short_sentence_of_its_own_is_a_statement():
    found = quotes_of(["“It’s over,” Okafor said. “We are leaving.”"], OKAFOR)
    assert [(q.kind, q.speaker) for q in found] == [("statement", "Grace Okafor"), ("statement", "Grace Okafor")]


def test_a_phrase_takes_the_subject_of_its_own_clause():
    found = quotes_of(["Okafor backed the plan; Lindqvist likened it to “a blank cheque.”"], OKAFOR | LINDQVIST)
    assert [(q.kind, q.speaker) for q in found] == [("phrase", "Tom Lindqvist")]


def test_colon_line_without_a_person_introduces_no_speaker():
    paragraphs = ["Partial minutes of the meeting follow:", "“The budget is closed for this year.”"]
    assert speakers(quotes_of(paragraphs)) == {"The budget is closed for this year.": None}


def test_pronoun_resolves_to_the_person_named_before_for_a_phrase_and_a_statement():
    paragraphs = [
        "Grace Okafor left the hearing early.",
        "She later called the ruling “a setback,” and added: “We will be back in court within a month.”",
    ]
    found = {q.text: q for q in quotes_of(paragraphs, OKAFOR)}
    assert (found["a setback"].kind, found["a setback"].speaker) == ("phrase", "Grace Okafor")
    statement = found["We will be back in court within a month."]
    assert (statement.kind, statement.speaker) == ("statement", "Grace Okafor")


def test_scare_quotes_are_phrases_of_no_one():
    paragraphs = ["The so-called “reform” added two new forms and a “helpline” nobody answers."]
    assert quotes_of(paragraphs) == [
        FoundQuote("reform", None, 0, "phrase"),
        FoundQuote("helpline", None, 0, "phrase"),
    ]


def test_show_title_is_a_phrase_of_the_sentence_that_mentions_it():
    found = quotes_of(["Okafor said on “Morning Report” that the fares would rise."], OKAFOR)
    assert found == [FoundQuote("Morning Report", "Grace Okafor", 0, "phrase")]


def test_same_quote_twice_is_reported_once():
    paragraphs = [
        "“Every school will have a nurse,” Okafor promised.",
        "Parents cheered. “Every school will have a nurse,” the banner at the back repeated.",
    ]
    found = quotes_of(paragraphs, OKAFOR)
    assert [(q.text, q.speaker, q.paragraph) for q in found] == [("Every school will have a nurse", "Grace Okafor", 0)]


def test_pull_quote_copy_gives_way_to_the_body():
    paragraphs = [
        "“Every school will have a nurse.”",
        "Okafor made the promise at a rally. “Every school will have a nurse,” she said, to applause.",
    ]
    found = find_quotes(paragraphs, people_in(paragraphs, OKAFOR), skip=["Every school will have a nurse."])
    assert [(q.speaker, q.paragraph) for q in found] == [("Grace Okafor", 1)]


# ----------------------------------------------------------------------------- robustness


def test_mentions_out_of_range_are_ignored():
    people = [PersonMention(7, 0, 4, "Nobody"), PersonMention(0, 50, 90, "Far Away")]
    assert find_quotes(["“Fine by me,” Okafor said."], people)[0].text == "Fine by me"


def test_long_unusual_input_stays_fast():
    paragraph = " ".join(f"“part {i},” he said and added “more {i}” and then" for i in range(3000))
    marks = ['" ' * 5000 + "“" * 5000 + "”" * 5000 + "!" * 5000]
    start = time.perf_counter()
    find_quotes([paragraph, *marks], [])
    assert time.perf_counter() - start < 5


PIECES = [*"ab .,:!?'\"“”‘’—()\n", " said", " He", " Okafor", " the", " according to", " who", ", saying"]


@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_any_text_gives_quotes_found_in_it(paragraph):
    for quote in find_quotes([paragraph], []):
        assert quote.text and quote.text in paragraph
        assert quote.paragraph == 0
