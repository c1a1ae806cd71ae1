"""The related-story search's TF-IDF (corpus/tfidf.py) is scikit-learn's to the bit: the same hashed
columns, weights and norms as HashingVectorizer, TfidfTransformer and normalize, on a generated archive and
on arbitrary texts. scikit-learn is a test requirement only: it is what the build's vectors are checked
against."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from briefing.corpus import related
from briefing.corpus.related import StoryText, story_tokens, tfidf_matrix
from briefing.corpus.tfidf import ENGLISH_STOP_WORDS, hashed_counts, normalized, sublinear_tfidf
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
sklearn_preprocessing = pytest.importorskip("sklearn.preprocessing")

COLUMNS = 2**related.HASH_BITS


def sklearn_counts(token_lists):
    return sklearn_text.HashingVectorizer(
        analyzer=lambda tokens: tokens, n_features=COLUMNS, alternate_sign=False, norm=None, dtype=np.float32
    ).transform(token_lists)


def same_bits(ours, theirs) -> bool:
    return (
        ours.shape == theirs.shape
        and ours.indptr.tobytes() == theirs.indptr.tobytes()
        and ours.indices.tobytes() == theirs.indices.tobytes()
        and ours.data.dtype == theirs.data.dtype
        and ours.data.tobytes() == theirs.data.tobytes()
    )


def generated_stories(count: int) -> list[StoryText]:
    """Stories of the generated archive `make bench` builds (scripts/bench_archive.py)."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from bench_archive import generate_articles
    finally:
        sys.path.remove(str(REPO / "scripts"))
    return [
        StoryText(a.slug, a.headline, "\n\n".join(a.paragraphs), a.date.isoformat())
        for a in generate_articles(count, seed=3)
    ]


def test_the_stop_words_are_scikit_learns():
    assert ENGLISH_STOP_WORDS == sklearn_text.ENGLISH_STOP_WORDS


def sklearn_tfidf_matrix(stories: list[StoryText], tokens: list[list[str]]):
    """related.tfidf_matrix as it was made with scikit-learn."""
    from scipy.sparse import diags, hstack

    def vectorize(token_lists):
        hashed = sklearn_counts(token_lists)
        if len(token_lists) >= 20:
            document_frequency = np.bincount(hashed.indices, minlength=hashed.shape[1])
            keep = (document_frequency <= related.MAX_DOCUMENT_SHARE * len(token_lists)).astype(np.float32)
            hashed = (hashed @ diags(keep)).tocsr()
            hashed.eliminate_zeros()
        return sklearn_text.TfidfTransformer(sublinear_tf=True).fit_transform(hashed)

    words = vectorize([[t for t in doc if t not in sklearn_text.ENGLISH_STOP_WORDS] for doc in tokens])
    text = [" ".join([s.title] * related.TITLE_REPEAT + [s.body[: related.BODY_CHARS]]) for s in stories]
    names = vectorize([[n.lower() for n in related._NAME.findall(t)] for t in text])
    return sklearn_preprocessing.normalize(hstack([words, names * related.NAME_WEIGHT]).tocsr().astype(np.float32))


def test_the_vectors_of_a_generated_archive_are_scikit_learns_to_the_bit():
    stories = generated_stories(300)
    tokens = [story_tokens(s) for s in stories]
    assert same_bits(tfidf_matrix(stories, tokens), sklearn_tfidf_matrix(stories, tokens))
    words = [[t for t in doc if t not in ENGLISH_STOP_WORDS] for doc in tokens]
    assert same_bits(hashed_counts(words, COLUMNS), sklearn_counts(words))


def test_the_neighbourhood_rows_are_normalised_as_scikit_learn_does():
    from scipy.sparse import csr_matrix

    rng = np.random.default_rng(5)
    rows, columns = rng.integers(0, 200, 3000), rng.integers(0, 200, 3000)
    scores = rng.random(3000).astype(np.float32)
    matrix = csr_matrix((scores, (rows, columns)), shape=(200, 200), dtype=np.float32)
    assert same_bits(normalized(matrix), sklearn_preprocessing.normalize(matrix))


@given(
    st.lists(
        st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12), max_size=30),
        min_size=1,
        max_size=12,
    )
)
def test_arbitrary_tokens_hash_and_weigh_as_in_scikit_learn(token_lists):
    if not any(token_lists):
        return
    counts = hashed_counts(token_lists, COLUMNS)
    assert same_bits(counts, sklearn_counts(token_lists))
    ours = sublinear_tfidf(counts)
    assert same_bits(ours, sklearn_text.TfidfTransformer(sublinear_tf=True).fit_transform(counts))


def test_a_row_of_stored_zeros_stays_as_it_is_and_the_others_have_unit_length():
    from scipy.sparse import csr_matrix

    data = np.array([3.0, 4.0, 0.0], dtype=np.float32)
    matrix = csr_matrix((data, np.array([1, 2, 0], dtype=np.int32), np.array([0, 2, 3], dtype=np.int32)), shape=(2, 3))
    ours = normalized(matrix)
    assert same_bits(ours, sklearn_preprocessing.normalize(matrix))
    assert ours.data.tolist() == [np.float32(0.6), np.float32(0.8), 0.0]
    assert matrix.data.tolist() == [3.0, 4.0, 0.0]  # a copy
