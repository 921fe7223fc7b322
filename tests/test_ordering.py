"""The start order deals the long tests out to the heads of the workers' first shares."""

from tests.ordering import share_sizes, start_order


def test_the_shares_are_xdists_first_hand_out():
    assert share_sizes(10, 2) == [5, 5]
    assert share_sizes(11, 2) == [5, 6]
    assert share_sizes(10, 3) == [3, 3, 4]
    assert share_sizes(7, 1) == [7]


def test_each_worker_starts_with_its_turn_of_the_long_tests():
    long = ["L1", "L2", "L3", "L4", "L5"]
    short = [f"s{i}" for i in range(15)]
    order = start_order(long, short, 2)
    first, second = order[:10], order[10:]
    assert first[:3] == ["L1", "L3", "L5"]
    assert second[:2] == ["L2", "L4"]
    # Every test once; the short ones keep their order.
    assert sorted(order) == sorted(long + short)
    assert [t for t in order if t.startswith("s")] == short


def test_one_worker_runs_the_long_tests_first():
    assert start_order(["L1", "L2"], ["s1", "s2"], 1) == ["L1", "L2", "s1", "s2"]
