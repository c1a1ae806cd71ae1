"""Split pasted page text into lines, with the few facts about each line that later stages use."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .decode import clean_line

_WORD = re.compile(r"\w+")

# Function words of the languages most pasted pages are in. Running prose is dense with them; menus,
# headlines, captions and credits are not (the signal jusText and boilerpipe build on).
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    said says told according since still while though although yet who's it's that's there's he's she's
    der die das und ist nicht ein eine einen dem den des mit von zu auf für sich auch als wie im bei aus
    nach noch wird werden hat haben sind wurde oder aber wenn nur so um es sie er wir ich le la les un
    une des du et est dans que qui pour pas par sur au aux avec ne se ce il elle ont sont el los las y
    en del que por con para una es se lo al como más pero su sus fue ha il lo gli di che non per con una
    sono della nel alla anche come più ma""".split()
)


@dataclass(frozen=True)
class Line:
    """One non-empty line of the pasted page."""

    index: int
    text: str
    blank_before: bool
    words: int
    stop_share: float

    @property
    def ends_sentence(self) -> bool:
        return bool(re.search(r"[.!?…][\"'”’)\]]*$|[\"”]$", self.text))


def segment_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    blank_before = True
    for raw in text.split("\n"):
        cleaned = clean_line(raw)
        if not cleaned:
            blank_before = True
            continue
        words = _WORD.findall(cleaned.lower())
        stop_share = sum(1 for w in words if w in STOPWORDS) / len(words) if words else 0.0
        lines.append(Line(len(lines), cleaned, blank_before, len(words), stop_share))
        blank_before = False
    return lines


def has_blank_line_paragraphs(lines: list[Line]) -> bool:
    """True when the page separates its paragraphs by blank lines (most pastes); False for one-line-per-block."""
    return sum(1 for line in lines if line.blank_before) >= max(2, len(lines) // 4)


def join_fragments(texts: list[str], blank_separated: bool) -> list[str]:
    """Rebuild paragraphs from kept lines.

    Pages copied without blank lines break sentences at inline markup ("Logitech" / "'" / "s research");
    a line that does not end a sentence is joined with the next one in that case.
    """
    if blank_separated:
        return list(texts)
    paragraphs: list[str] = []
    current = ""
    for text in texts:
        if not current:
            current = text
        elif re.search(r"[.!?:…][\"'”’)\]]*$", current) and len(current.split()) >= 6:
            paragraphs.append(current)
            current = text
        else:
            glue = "" if re.match(r"^[,.;:!?)\]'’”]", text) or current.endswith(("(", "'", "’", "“")) else " "
            current = f"{current}{glue}{text}"
    if current:
        paragraphs.append(current)
    return paragraphs
