import pytest

from mergedesk.core.values import is_blank, same_value


@pytest.mark.parametrize("value", [None, "", "  ", [], {}, ()])
def test_blank_values(value):
    assert is_blank(value)


@pytest.mark.parametrize("value", [0, False, "x", [None], {"a": None}])
def test_non_blank_values(value):
    assert not is_blank(value)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (None, "", True),
        (["a", "b"], ["b", "a"], True),
        (1, 1.0, True),
        (True, 1, False),
        ({"x": 1, "y": None}, {"x": 1}, True),
        ({"x": 1}, {"x": 2}, False),
        ("a", "A", False),
    ],
)
def test_same_value(a, b, same):
    assert same_value(a, b) is same
