"""A worker's pipeline is loaded once and recycled after N documents or past a string-store size."""

from __future__ import annotations

from eventwire.batches import NEVER, Recycle, WorkerModel
from eventwire.config import Settings
from eventwire.ingest import read_text
from tests.scale.stories import story


def docs(n: int, start: int = 0):  # type: ignore[no-untyped-def]
    return [read_text(story(i)["text"], source=f"s{i}") for i in range(start, start + n)]


def test_recycle_policy() -> None:
    assert Recycle(after_docs=3).due(3, 0) and not Recycle(after_docs=3, max_strings=0).due(2, 10**9)
    assert Recycle(after_docs=0, max_strings=100).due(0, 100) and not Recycle(0, 100).due(10**9, 99)
    assert not NEVER.due(10**9, 10**9)


def test_pipeline_is_reloaded_after_n_documents_and_codes_the_same() -> None:
    model = WorkerModel(Settings(), Recycle(after_docs=4, max_strings=0))
    first = model.nlp
    assert model.nlp is first and model.loads == 1  # loaded once, not per batch
    before = model.code(docs(3))
    assert model.nlp is first and model.docs == 3
    model.code(docs(1, 3))  # the 4th document: due, dropped after the batch
    assert model._nlp is None
    after = model.code(docs(3))
    assert model.loads == 2 and model.nlp is not first and model.docs == 3
    assert after == before  # a fresh pipeline codes exactly as the old one did


def test_pipeline_is_reloaded_when_its_string_store_grows() -> None:
    model = WorkerModel(Settings(), Recycle(after_docs=0, max_strings=1))  # any pipeline is over 1 string
    model.code(docs(1))
    model.code(docs(1, 1))
    assert model.loads == 2
    never = WorkerModel(Settings(), NEVER)
    for i in range(3):
        never.code(docs(1, i))
    assert never.loads == 1 and never.docs == 3
