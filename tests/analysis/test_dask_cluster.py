"""The Dask backend on a real ``distributed.LocalCluster`` (two worker processes, loopback):
results identical to serial, through a client and through ``DASK_SCHEDULER_ADDRESS``."""

from __future__ import annotations

import pytest

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
dask = pytest.importorskip("dask")

from mediacompare.analysis.pipeline import analyze_all  # noqa: E402
from mediacompare.errors import ConfigError  # noqa: E402
from mediacompare.ingest import load_example  # noqa: E402
from mediacompare.model import Article  # noqa: E402

TEXTS = [
    "Officials praised the good, hopeful deal. Aid reached the capital.",
    "Strikes killed three people. The war went on.",
    "President Jane Doe said the talks would resume. She thanked the envoys.",
    "Markets fell sharply on Monday. Prices rose by 5%.",
    "The committee met on Tuesday. “We will win,” Mr. Smith said.",
]


@pytest.fixture(scope="module")
def cluster():
    with dask.config.set({"distributed.worker.daemon": False}):
        local = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None, silence_logs=40,
        )
    try:
        yield local
    finally:
        local.close()


@pytest.fixture(scope="module")
def articles():
    made = [Article(id=f"a{i}", outlet=f"O{i % 2}", text=t) for i, t in enumerate(TEXTS * 2)]
    return made + list(load_example())


def _same(a, b) -> bool:
    """Equal records, NaN included (an untitled article's headline scores are NaN, and NaN is
    only equal to the very same object, which pickling between processes replaces)."""
    return repr(a) == repr(b)


def test_client_on_a_local_cluster_gives_the_serial_results(cluster, articles):
    serial = analyze_all(articles)
    with distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        assert _same(analyze_all(articles, jobs=2, backend="dask"), serial)


def test_scheduler_address_setting_reaches_the_cluster(cluster, articles):
    serial = analyze_all(articles)
    with dask.config.set({"scheduler-address": cluster.scheduler_address}):
        assert _same(analyze_all(articles, jobs=2, backend="dask"), serial)


def test_an_unreachable_scheduler_is_one_clear_error(monkeypatch, articles):
    from mediacompare.analysis import pipeline

    monkeypatch.setattr(pipeline, "DASK_CONNECT_TIMEOUT", 1)
    with dask.config.set({"scheduler-address": "tcp://127.0.0.1:9"}):  # nothing listens there
        with pytest.raises(ConfigError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
            analyze_all(articles[:4], jobs=2, backend="dask")
