"""The CAMEO table and its PLOVER map load from data and agree with CAMEO's structure."""

import pytest

from eventwire.errors import KnowledgeError
from eventwire.knowledge.cameo import cameo_table, lookup


def test_all_twenty_roots_are_present() -> None:
    roots = {c.root for c in cameo_table().values()}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


@pytest.mark.parametrize("root, quad", [("04", 1), ("06", 2), ("11", 3), ("13", 3), ("18", 4), ("19", 4)])
def test_quad_class_follows_the_root(root: str, quad: int) -> None:
    assert {c.quad_class for c in cameo_table().values() if c.root == root} == {quad}


@pytest.mark.parametrize(
    "code, plover",
    [("036", "AGREE"), ("112", "ACCUSE"), ("138", "THREATEN"), ("166", "SANCTION"), ("163", "COERCE"),
     ("173", "COERCE"), ("195", "ASSAULT")],
)
def test_plover_mapping(code: str, plover: str) -> None:
    assert lookup(code).plover == plover


def test_goldstein_signs() -> None:
    assert lookup("057").goldstein > 0 > lookup("138").goldstein


def test_unknown_code_is_a_knowledge_error() -> None:
    with pytest.raises(KnowledgeError, match="999"):
        lookup("999")
