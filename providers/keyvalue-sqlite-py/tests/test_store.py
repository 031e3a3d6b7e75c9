"""The SQLite keyspace on its own: every operation's semantics, kinds, expiry, bad input."""

from __future__ import annotations

import threading

import pytest

from trellis_keyvalue_sqlite import KeyValueError, SqliteStore


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path, clock):
    s = SqliteStore(tmp_path / "sub" / "kv.sqlite3", clock)
    yield s
    s.close()


def test_get_set_del_contains(store):
    assert store.get("k") == ("", False)
    assert not store.contains("k")
    store.set("k", "v")
    assert store.get("k") == ("v", True) and store.contains("k")
    store.set("k", "")
    assert store.get("k") == ("", True)  # an empty value exists
    assert store.delete("k") is True
    assert store.delete("k") is False
    assert store.get("k") == ("", False)


def test_expiry(store, clock):
    store.set("short", "v", expires=10)
    store.set("forever", "v", expires=0)
    clock.now += 9.5
    assert store.get("short") == ("v", True)
    clock.now += 1
    assert store.get("short") == ("", False) and not store.contains("short")
    assert store.get("forever") == ("v", True)
    store.set("again", "v", expires=5)
    store.set("again", "w")  # a new Set without expires clears the expiry
    clock.now += 100
    assert store.get("again") == ("w", True)


def test_increment(store, clock):
    assert store.increment("n", 5) == 5  # created at 0
    assert store.increment("n", -7) == -2
    assert store.get("n") == ("-2", True)
    store.set("t", "41", expires=10)
    assert store.increment("t", 1) == 42
    clock.now += 11
    assert not store.contains("t")  # increment keeps the expiry
    store.set("word", "abc")
    with pytest.raises(
        KeyValueError, match="failed to increment key 'word': its value 'abc' is not an integer"
    ):
        store.increment("word", 1)
    store.set("big", str(2**31 - 1))
    with pytest.raises(KeyValueError, match="does not fit in a 32-bit integer"):
        store.increment("big", 1)
    assert store.get("big") == (str(2**31 - 1), True)  # unchanged after the failure


def test_lists(store):
    assert store.list_range("l", 0, -1) == []
    assert [store.list_add("l", v) for v in "abcab"] == [1, 2, 3, 4, 5]
    assert store.list_range("l", 0, 2) == ["a", "b", "c"]  # inclusive
    assert store.list_range("l", 0, -1) == list("abcab")
    assert store.list_range("l", -2, -1) == ["a", "b"]
    assert store.list_range("l", 3, 100) == ["a", "b"]
    assert store.list_range("l", 4, 2) == [] and store.list_range("l", 9, 12) == []
    assert store.list_del("l", "b") is True  # first occurrence only
    assert store.list_range("l", 0, -1) == list("acab")
    assert store.list_del("l", "zz") is False
    assert store.list_clear("l") is True and store.list_clear("l") is False
    assert not store.contains("l")
    store.list_add("one", "x")
    assert store.list_del("one", "x") is True and not store.contains("one")  # emptied lists vanish


def test_sets(store):
    assert store.set_add("s", "a") == 1 and store.set_add("s", "a") == 0
    store.set_add("s", "b")
    store.set_add("t", "b")
    store.set_add("t", "c")
    assert store.set_query("s") == ["a", "b"] and store.set_query("none") == []
    assert store.set_union(["s", "t", "none"]) == ["a", "b", "c"]
    assert store.set_intersection(["s", "t"]) == ["b"]
    assert store.set_intersection(["s", "none"]) == []
    assert store.set_del("s", "a") == 1 and store.set_del("s", "a") == 0
    assert store.set_clear("t") is True and store.set_clear("t") is False
    assert store.set_del("s", "b") == 1 and not store.contains("s")
    with pytest.raises(KeyValueError, match="failed to compute a set union: no set names given"):
        store.set_union([])
    with pytest.raises(
        KeyValueError, match="failed to compute a set intersection: no set names given"
    ):
        store.set_intersection([])


def test_one_keyspace_with_kinds(store):
    store.list_add("l", "x")
    store.set_add("s", "x")
    store.set("k", "v")
    assert store.contains("l") and store.contains("s")
    with pytest.raises(
        KeyValueError, match="failed to get key 'l': key 'l' holds a list, not a string value"
    ):
        store.get("l")
    with pytest.raises(
        KeyValueError, match="failed to add to list 'k': key 'k' holds a string value, not a list"
    ):
        store.list_add("k", "x")
    with pytest.raises(
        KeyValueError, match="failed to add to set 'l': key 'l' holds a list, not a set"
    ):
        store.set_add("l", "x")
    with pytest.raises(KeyValueError, match="holds a set, not a list"):
        store.list_range("s", 0, -1)
    with pytest.raises(KeyValueError, match="failed to compute a set union with 'k'"):
        store.set_union(["s", "k"])
    with pytest.raises(KeyValueError, match="failed to increment key 's'"):
        store.increment("s", 1)
    store.set("l", "now a string")  # Set replaces any kind
    assert store.get("l") == ("now a string", True)
    store.list_add("fresh", "y")
    assert store.list_range("fresh", 0, -1) == ["y"]  # old list items did not leak
    assert store.delete("s") is True and store.set_query("s") == []


def test_persists_across_reopen(tmp_path, clock):
    path = tmp_path / "kv.sqlite3"
    first = SqliteStore(path, clock)
    first.set("k", "v")
    first.list_add("l", "a")
    first.close()
    second = SqliteStore(path, clock)
    assert second.get("k") == ("v", True) and second.list_range("l", 0, -1) == ["a"]
    second.close()


def test_concurrent_increments_are_atomic(store):
    def work():
        for _ in range(200):
            store.increment("n", 1)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.get("n") == ("800", True)
