"""Which prose belongs to the story: a story's paragraphs share words with the paragraphs around them
(cohesion), and stay on the topic its headline and lede set. Teasers of other stories, appeals, legal
notices and the next story run on below share neither. The page model (page_model.py) scores such prose
lower; this module knows only lines' content words and scores.
"""

from __future__ import annotations

# A story's paragraphs share words with the paragraphs around them; a list of other stories' teasers,
# a legal notice or a stray prompt does not. A prose line sharing no content word with the
# COHESION_REACH prose lines on each side keeps UNCONNECTED_PROSE_SHARE of its score, on pages of at
# least COHESION_MIN_LINES prose lines (on fewer, a line has too few neighbours to tell). Swept on the
# halves (share 1/0.7/0.5/0.3/0.15/0 at 12 lines): pasted-l3s body_f1 a 0.9692/0.9692/0.9714/0.9716/
# 0.9720/0.9703, b 0.9635/0.9643/0.9665/0.9676/0.9681/0.9682; not_content_leak a 0.114/0.114/0.056/
# 0.056/0.052/0.052, b 0.082/0.074/0.058/0.052/0.047/0.047; pasted-naeb body_f1 a 0.9044/0.9048/0.9051/
# 0.9070/0.9074/0.9091, b 0.8770/0.8776/0.8780/0.8780/0.8781/0.8781. Lines 0/6/12/20 at share 0.5:
# pasted-naeb body_f1 b 0.8716/0.8716/0.8780/0.8777 (a short shopping page lost its story at 0 and 6),
# pasted-l3s not_content_leak a 0.055/0.055/0.056/0.073. Reach 2/3 at 0.5: pasted-l3s not_content_leak
# a 0.055/0.072. Title, authors, date and clean pastes the same at every value.
COHESION_REACH = 2
COHESION_MIN_LINES = 12
UNCONNECTED_PROSE_SHARE = 0.15
# A story stays on its topic: a line of prose below its lede that shares no content word with the
# headline and the lede's first LEDE_PARAGRAPHS prose lines (a next story run on, an appeal, a teaser
# with its text) keeps OFF_TOPIC_SHARE of its score, on stories of TOPIC_MIN_LINES prose lines or more.
# Swept on the halves (share 1/0.5/0.3/0.15/0, lede 5): pasted-naeb body_f1 a 0.9074/0.9095/0.9096/
# 0.9096/0.9109, b 0.8781/0.8784/0.8789/0.8795/0.8834; pasted-l3s body_f1 a 0.9720/0.9721/0.9726/0.9725/
# 0.9728, b 0.9681/0.9688/0.9705/0.9703/0.9709. Lede 3/5/8 (share 0.3): naeb a 0.9097/0.9096/0.9094, b
# 0.8798/0.8789/0.8782; l3s a 0.9720/0.9726/0.9725, b 0.9705/0.9705/0.9683; at share 0, lede 3 against 5:
# naeb a 0.9113/0.9109, b 0.8845/0.8834, l3s a 0.9724/0.9728, b 0.9773/0.9709 (not_content_leak a 0.035/
# 0.045, b 0.017/0.031). Lines 4/8/12 (share 0, lede 5): l3s b 0.9711/0.9709/0.9686, naeb a 0.9109/0.9109/
# 0.9095; at lede 3 (as kept), lines 4/8/12: naeb body_f1 a 0.9167/0.9163/0.9151, b 0.8860/0.8846/0.8843,
# l3s a 0.9719/0.9725/0.9731, b 0.9777/0.9774/0.9752 (each bound better on some half, 8 never the worst).
# Titles, authors, dates and clean pastes the same at every value.
OFF_TOPIC_SHARE = 0.0
LEDE_PARAGRAPHS = 3
TOPIC_MIN_LINES = 8


def with_cohesion(body: list[float], words: list[set[str]]) -> list[float]:
    """A line of prose that shares no content word with the prose lines around it (COHESION_REACH of them
    on each side) is a list item of other stories, not a paragraph of this one: it keeps
    UNCONNECTED_PROSE_SHARE of its score."""
    prose = [p for p, score in enumerate(body) if score > 0]
    if len(prose) < COHESION_MIN_LINES:
        return body
    scores = list(body)
    for order, position in enumerate(prose):
        around = prose[max(0, order - COHESION_REACH) : order] + prose[order + 1 : order + 1 + COHESION_REACH]
        if not any(words[position] & words[other] for other in around):
            scores[position] *= UNCONNECTED_PROSE_SHARE
    return scores


def off_topic_lines(words: list[set[str]], story: range, headline_words: set[str]) -> list[int]:
    """The prose lines below the lede (the first LEDE_PARAGRAPHS lines of prose of the `story` lines) that
    share no content word with it or with the headline; none on a story of fewer than TOPIC_MIN_LINES.
    `words` holds each line's content words, empty for a line that is not prose."""
    prose = [p for p in story if words[p]]
    if len(prose) < TOPIC_MIN_LINES:
        return []
    lede = prose[:LEDE_PARAGRAPHS]
    topic = set(headline_words).union(*(words[p] for p in lede))
    return [p for p in range(lede[-1] + 1, len(words)) if words[p] and not words[p] & topic]
