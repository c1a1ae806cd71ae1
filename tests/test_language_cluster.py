"""The language step on a Dask cluster (BRIEFING_DASK_SCHEDULER), against a real distributed.LocalCluster
in this process, with the real model: the same results as this machine, stored in the same cache."""

from __future__ import annotations

import logging

import pytest
from briefing.cache import JsonCache
from briefing.read.cluster import PLUGIN_NAME, ClusterUnavailable, analyse_on_cluster
from briefing.read.language import ArticleLanguage, ArticleText, analyse, analyse_cached
from briefing.records import Briefing
from briefing.settings import BriefingSettings

distributed = pytest.importorskip("distributed")

PEOPLE = ("Elin Sorvik", "Tomas Varga", "Ana Ruiz", "Peter Holm")
PLACES = ("Lune", "Oakham", "Redfield")


def texts(count: int) -> list[ArticleText]:
    """`count` short articles, each naming a person and a place and carrying a quote."""
    briefings = [
        Briefing(
            source_path=f"articles/{n}.txt",
            title=f"Harbour of {PLACES[n % 3]} reopens, day {n}",
            slug=str(n),
            body=(
                f"Harbour Master {PEOPLE[n % 4]} said on Tuesday that the port of {PLACES[n % 3]} would reopen.",
                f'"We expect the first ships by Friday," {PEOPLE[n % 4].split()[-1]} told reporters in Oslo.',
            ),
        )
        for n in range(count)
    ]
    return [ArticleText.of(b) for b in briefings]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def nlp():
    from briefing.read.nlp import load_model

    return load_model()


def language_cache(folder) -> JsonCache:
    return JsonCache(str(folder), ArticleLanguage.from_dict, ArticleLanguage.to_dict)


def test_the_cluster_finds_what_this_machine_finds_and_fills_the_cache(cluster, nlp, tmp_path):
    batch = texts(70)  # more than one task's worth (CLUSTER_BATCH_ARTICLES)
    cache = language_cache(tmp_path / "language")
    found, run = analyse_cached(batch, cache, scheduler=cluster.scheduler_address)
    assert found == analyse(batch, nlp=nlp)
    assert run.articles == 70
    assert any("Sorvik" in e.name for e in found[0].entities)
    # a second build takes everything from the cache the cluster's results went into
    again, second = analyse_cached(batch, cache, scheduler="tcp://127.0.0.1:1")
    assert again == found and second.articles == 0


def test_each_worker_loads_the_model_once_for_every_batch_and_build(cluster):
    for _ in range(2):
        for _positions, languages in analyse_on_cluster(cluster.scheduler_address, texts(70)):
            assert len(languages) <= 64
    (worker,) = cluster.workers.values()
    assert worker.plugins[PLUGIN_NAME].loads == 1


def test_results_come_back_in_their_own_positions(cluster):
    batch = texts(70)
    placed: dict[int, ArticleLanguage] = {}
    for positions, languages in analyse_on_cluster(cluster.scheduler_address, batch):
        placed.update(zip(positions, languages, strict=True))
    assert sorted(placed) == list(range(70))
    assert any(PLACES[5 % 3] == e.name for e in placed[5].entities)


def test_an_unreachable_scheduler_says_so():
    with pytest.raises(ClusterUnavailable, match="cannot reach the scheduler"):
        list(analyse_on_cluster("tcp://127.0.0.1:1", texts(1), timeout=1))


def test_without_a_cluster_the_build_runs_the_step_here_and_warns(nlp, tmp_path, caplog, monkeypatch):
    monkeypatch.setattr("briefing.read.cluster.CONNECT_TIMEOUT_SECONDS", 1)
    batch = texts(2)
    with caplog.at_level(logging.WARNING):
        found, run = analyse_cached(batch, language_cache(tmp_path / "language"), scheduler="tcp://127.0.0.1:1")
    assert found == analyse(batch, nlp=nlp)
    assert run.articles == 2
    assert "BRIEFING_DASK_SCHEDULER tcp://127.0.0.1:1" in caplog.text and "runs on this machine" in caplog.text


def test_the_scheduler_comes_from_the_settings_or_the_environment(monkeypatch):
    monkeypatch.delenv("BRIEFING_DASK_SCHEDULER", raising=False)
    assert BriefingSettings.from_pelican({}).dask_scheduler == ""
    assert BriefingSettings.from_pelican({"BRIEFING_DASK_SCHEDULER": "tcp://a:8786"}).dask_scheduler == "tcp://a:8786"
    monkeypatch.setenv("BRIEFING_DASK_SCHEDULER", "tcp://b:8786")
    assert BriefingSettings.from_pelican({"BRIEFING_DASK_SCHEDULER": "tcp://a:8786"}).dask_scheduler == "tcp://b:8786"
