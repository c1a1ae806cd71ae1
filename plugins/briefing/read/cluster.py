"""The language step on a Dask cluster (BRIEFING_DASK_SCHEDULER): the articles the cache lacks go to the
cluster's workers in batches, each worker loads the spaCy model once (a worker plugin keeps it for every
batch and every build while the worker lives) and sends back plain ArticleLanguage records, which the
build stores in its own cache as each batch arrives.

A worker needs what a build needs for the language step: the project's requirements (requirements.txt and
the model of requirements-model.txt) and the plugin package (`plugins/` on its PYTHONPATH), the same code
as the build: each batch comes back with the worker's `language_version`, and a batch from other code or
another model is refused, so a cached result always means what the build's own code would have found.

The build imports this module (and with it dask and distributed) only when a scheduler is set.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

from distributed import Client, WorkerPlugin, as_completed, get_worker

from .language import ArticleLanguage, ArticleText, analyse, language_version

logger = logging.getLogger(__name__)

# Under this name the worker plugin lives on each worker (Worker.plugins).
PLUGIN_NAME = "briefing-language-model"
# Articles per task: enough text for the model's batching and to make a task's overhead (milliseconds)
# small, few enough that a cluster's workers all get some of a cold build. Not tuned.
CLUSTER_BATCH_ARTICLES = 64
# How long the build waits for the scheduler before running the language step on this machine.
CONNECT_TIMEOUT_SECONDS = 10


class ClusterUnavailable(RuntimeError):
    """The cluster cannot run the language step; the message says why."""


class LanguageModelPlugin(WorkerPlugin):
    """On each worker: the model, loaded for the worker's first batch and kept; one batch at a time uses it."""

    name = PLUGIN_NAME

    def setup(self, worker) -> None:
        """On the worker (the plugin travels there pickled, so nothing is made before this)."""
        self.version = language_version()  # of the worker's own code and model
        self.lock = threading.Lock()
        self.nlp = None
        self.loads = 0

    def teardown(self, worker) -> None:
        self.nlp = None

    def analyse(self, texts: list[ArticleText]) -> list[ArticleLanguage]:
        with self.lock:
            if self.nlp is None:
                from .nlp import load_model

                self.nlp = load_model()
                self.loads += 1
            return analyse(texts, nlp=self.nlp)


def analyse_batch(texts: list[ArticleText]) -> tuple[str, list[ArticleLanguage]]:
    """A task on a worker: the batch's results and the worker's language version."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    return plugin.version, plugin.analyse(texts)


def analyse_on_cluster(
    address: str, texts: list[ArticleText], timeout: float | None = None
) -> Iterator[tuple[list[int], list[ArticleLanguage]]]:
    """(positions in `texts`, their results) for each batch, in the order the batches finish; `timeout`
    for reaching the scheduler, CONNECT_TIMEOUT_SECONDS by default. Raises ClusterUnavailable when the
    scheduler cannot be reached, or a worker fails or runs other code."""
    timeout = CONNECT_TIMEOUT_SECONDS if timeout is None else timeout
    version = language_version()
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterUnavailable(f"cannot reach the scheduler: {error}") from None
    try:
        _register_plugin(client)
        starts = range(0, len(texts), CLUSTER_BATCH_ARTICLES)
        batches = [list(range(start, min(start + CLUSTER_BATCH_ARTICLES, len(texts)))) for start in starts]
        futures = {
            client.submit(analyse_batch, [texts[p] for p in positions], pure=False): positions for positions in batches
        }
        for future in as_completed(futures, loop=client.loop):
            try:
                worker_version, languages = future.result()
            except Exception as error:  # a task's own error, re-raised by distributed
                raise ClusterUnavailable(f"a worker failed: {type(error).__name__}: {error}") from None
            if worker_version != version:
                raise ClusterUnavailable(
                    f"a worker runs other code or another model (language version {worker_version}, "
                    f"this build {version}): install the same project and requirements on every worker"
                )
            yield futures[future], languages
    finally:
        client.close()


def _register_plugin(client: Client) -> None:
    """The model's plugin on every worker, unless it is there already (registering again would replace the
    plugin, and the model it holds, on every worker). Raises ClusterUnavailable when the scheduler or a
    worker cannot load the plugin's code."""
    try:
        if not all(client.run(_has_plugin).values() or [False]):
            client.register_plugin(LanguageModelPlugin(), name=PLUGIN_NAME)
    except Exception as error:  # whatever the scheduler or a worker raised, sent back by distributed
        raise ClusterUnavailable(
            f"the scheduler or a worker cannot load the language step ({type(error).__name__}: {error}); "
            "start them from a checkout of the project with plugins/ on PYTHONPATH"
        ) from None


def _has_plugin(dask_worker) -> bool:
    return PLUGIN_NAME in dask_worker.plugins
