"""TF-IDF over hashed terms, with numpy and scipy.sparse alone: the three steps of scikit-learn that the
related-story search used (HashingVectorizer, TfidfTransformer, normalize), done as scikit-learn does them
(the same columns, the same float32 arithmetic in the same order: tests/test_tfidf.py compares the two on
a generated archive and on arbitrary texts), without importing scikit-learn, which cost about a second of
every build that links stories (it imports scipy.stats, which these steps do not need).
"""

from __future__ import annotations

import math

import numpy as np
from murmurhash.mrmr import hash as murmurhash3_32  # MurmurHash3 x86 32-bit, signed: scikit-learn's hash

# scikit-learn's English stop words (sklearn/feature_extraction/_stop_words.py, after the Glasgow
# Information Retrieval Group's list), as the related-story search has always left them out.
ENGLISH_STOP_WORDS = frozenset(
    """
    a about above across after afterwards again against all almost alone along already also although always am among
    amongst amoungst amount an and another any anyhow anyone anything anyway anywhere are around as at back be
    became because become becomes becoming been before beforehand behind being below beside besides between beyond
    bill both bottom but by call can cannot cant co con could couldnt cry de describe detail do done down due during
    each eg eight either eleven else elsewhere empty enough etc even ever every everyone everything everywhere
    except few fifteen fifty fill find fire first five for former formerly forty found four from front full further
    get give go had has hasnt have he hence her here hereafter hereby herein hereupon hers herself him himself his
    how however hundred i ie if in inc indeed interest into is it its itself keep last latter latterly least less
    ltd made many may me meanwhile might mill mine more moreover most mostly move much must my myself name namely
    neither never nevertheless next nine no nobody none noone nor not nothing now nowhere of off often on once one
    only onto or other others otherwise our ours ourselves out over own part per perhaps please put rather re same
    see seem seemed seeming seems serious several she should show side since sincere six sixty so some somehow
    someone something sometime sometimes somewhere still such system take ten than that the their them themselves
    then thence there thereafter thereby therefore therein thereupon these they thick thin third this those though
    three through throughout thru thus to together too top toward towards twelve twenty two un under until up upon
    us very via was we well were what whatever when whence whenever where whereafter whereas whereby wherein
    whereupon wherever whether which while whither who whoever whole whom whose why will with within without would
    yet you your yours yourself yourselves
    """.split()
)

_INT32_MIN = -(2**31)


def hashed_counts(token_lists: list[list[str]], columns: int):
    """Rows of term counts (float32 CSR, duplicates summed, indices sorted): a token's column is the
    absolute value of its MurmurHash3 (of its UTF-8 bytes, seed 0) modulo `columns`, hashed once per
    distinct token."""
    from scipy.sparse import csr_matrix

    column_of: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for tokens in token_lists:
        for token in tokens:
            column = column_of.get(token)
            if column is None:
                column = column_of[token] = _column(token, columns)
            indices.append(column)
        indptr.append(len(indices))
    matrix = csr_matrix(
        (np.ones(len(indices), dtype=np.float32), np.array(indices, dtype=np.int32), np.array(indptr, dtype=np.int32)),
        shape=(len(token_lists), columns),
        dtype=np.float32,
    )
    matrix.sum_duplicates()
    return matrix


def _column(token: str, columns: int) -> int:
    value = murmurhash3_32(token)
    if value == _INT32_MIN:  # abs(-2**31) does not fit: scikit-learn's value of it
        return (2**31 - 1 - (columns - 1)) % columns
    return abs(value) % columns


def sublinear_tfidf(counts):
    """Rows of 1 + log(count) times the smoothed idf, ln((1 + rows) / (1 + rows with the term)) + 1, in
    float32, each row L2-normalised; a new matrix."""
    frequency = np.bincount(counts.indices, minlength=counts.shape[1]).astype(counts.dtype, copy=False)
    frequency += 1.0
    idf = np.full_like(frequency, fill_value=counts.shape[0] + 1, dtype=counts.dtype)
    idf /= frequency
    np.log(idf, out=idf)
    idf += 1.0
    weights = counts.copy()
    np.log(weights.data, weights.data)
    weights.data += 1.0
    weights.data *= idf[weights.indices]
    normalize_rows(weights)
    return weights


def normalize_rows(matrix) -> None:
    """Divide each row of a float CSR matrix by its L2 norm, in place; a row of zeros stays as it is. The
    squares are summed one after the other in double precision, as scikit-learn does, so that the
    result is the same to the bit."""
    data, indptr = matrix.data, matrix.indptr
    squares = data * data
    norms = np.ones(matrix.shape[0], dtype=np.float64)
    for row in range(matrix.shape[0]):
        begin, end = indptr[row], indptr[row + 1]
        if begin < end:
            total = float(np.cumsum(squares[begin:end], dtype=np.float64)[-1])
            if total != 0.0:
                norms[row] = math.sqrt(total)
    data[:] = (data.astype(np.float64) / np.repeat(norms, np.diff(indptr))).astype(data.dtype)


def normalized(matrix):
    """A copy of a float CSR matrix with L2-normalised rows."""
    copy = matrix.copy()
    normalize_rows(copy)
    return copy
