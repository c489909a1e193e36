"""api/documents.PerDocument: values per parsed document, told apart by identity."""

from __future__ import annotations

from graphql import parse

from api.documents import PerDocument


def test_the_same_document_is_computed_once_and_an_equal_one_again() -> None:
    memo: PerDocument[int] = PerDocument()
    computed: list[str] = []

    def compute(name: str) -> int:
        computed.append(name)
        return len(computed)

    first, twin = parse("{ __typename }"), parse("{ __typename }")
    assert first == twin and first is not twin
    assert memo.get(first, "k", lambda: compute("first")) == 1
    assert memo.get(first, "k", lambda: compute("again")) == 1  # remembered
    assert memo.get(twin, "k", lambda: compute("twin")) == 2  # equal is not the same
    assert memo.get(first, "other", lambda: compute("other key")) == 3
    assert computed == ["first", "twin", "other key"]


def test_it_keeps_at_most_maxsize_entries_least_recently_used_out_first() -> None:
    memo: PerDocument[str] = PerDocument(maxsize=2)
    a, b, c = parse("{ a }"), parse("{ b }"), parse("{ c }")
    memo.get(a, None, lambda: "a")
    memo.get(b, None, lambda: "b")
    memo.get(a, None, lambda: "a again")  # a is now the most recent
    memo.get(c, None, lambda: "c")  # b goes
    assert len(memo) == 2
    assert memo.get(a, None, lambda: "a recomputed") == "a"
    assert memo.get(b, None, lambda: "b recomputed") == "b recomputed"
