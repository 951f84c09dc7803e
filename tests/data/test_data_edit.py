"""Points added or removed by hand make a new, "edited" data set that remembers its origin."""

import numpy as np
import pytest

from nnstudio.data import (
    Dataset,
    add_point,
    is_edited,
    make_dataset,
    original_name,
    original_source,
    remove_point,
)


def test_adding_a_point_appends_a_column_and_marks_the_set_edited():
    flower = make_dataset("flower")
    edited = add_point(flower, [0.5, -1.0], 1)
    assert edited.X.shape == (2, 401) and edited.Y.shape == (1, 401)
    np.testing.assert_array_equal(edited.X[:, :400], flower.X)
    np.testing.assert_array_equal(edited.X[:, 400], [0.5, -1.0])
    assert edited.Y[0, 400] == 1 and edited.Y.dtype == np.int64
    assert edited.name == "flower (edited)" and is_edited(edited) and not is_edited(flower)
    assert edited.source == {"kind": "edited", "from": flower.source}
    assert edited.class_names == flower.class_names
    assert flower.m == 400  # the original never changes


def test_edits_of_an_edited_set_keep_one_origin():
    flower = make_dataset("flower")
    twice = remove_point(add_point(flower, [0.0, 0.0], 0), 3)
    assert twice.m == 400 and twice.name == "flower (edited)"
    assert twice.source["from"] == flower.source and "from" not in twice.source["from"]
    assert original_name(twice) == "flower" and original_source(twice) == flower.source
    np.testing.assert_array_equal(twice.X[:, 3], flower.X[:, 4])
    assert original_name(flower) == "flower" and original_source(flower) == flower.source


def test_bad_points_are_refused():
    flower = make_dataset("flower")
    with pytest.raises(ValueError, match="2 values"):
        add_point(flower, [1.0], 0)
    with pytest.raises(ValueError, match=r"0\.\.1"):
        add_point(flower, [1.0, 2.0], 2)
    with pytest.raises(ValueError, match="finite"):
        add_point(flower, [np.nan, 2.0], 0)
    with pytest.raises(IndexError):
        remove_point(flower, 400)


def test_an_edited_set_survives_its_metadata_round_trip():
    edited = add_point(make_dataset("moons", samples=50), [0.25, 0.75], 0)
    again = Dataset.from_arrays(**edited.to_arrays(), **edited.metadata())
    assert again == edited and is_edited(again)
