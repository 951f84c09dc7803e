"""Discretized class maps: every point of the plane in its predicted class's full colour."""

import numpy as np

from nnstudio.learn import class_regions_image
from nnstudio.learn.view_data import DEFAULT_CLASS_COLORS, LEVELS, class_map_lut


def test_a_sigmoid_output_splits_the_plane_at_one_half():
    lut = class_map_lut(DEFAULT_CLASS_COLORS, 2)
    p = np.array([[[0.1, 0.49, 0.5], [0.51, 0.9, np.nan]]])  # (1, gy, gx)
    image = class_regions_image(p, lut)
    assert image.shape == (2, 3, 4) and image.dtype == np.uint8
    zero, one = lut[LEVELS - 1], lut[2 * LEVELS - 1]
    expected = [[zero, zero, zero], [one, one, zero]]  # ŷ > 0.5 is class 1; NaN undecided: 0
    np.testing.assert_array_equal(image, np.array(expected))


def test_a_softmax_output_takes_the_likeliest_class():
    lut = class_map_lut(DEFAULT_CLASS_COLORS, 3)
    P = np.array([[[0.2, 0.6]], [[0.3, 0.3]], [[0.5, 0.1]]])  # (K, gy, gx)
    image = class_regions_image(P, lut)
    np.testing.assert_array_equal(image[0, 0], lut[3 * LEVELS - 1])
    np.testing.assert_array_equal(image[0, 1], lut[LEVELS - 1])
    colours = {tuple(c) for c in image.reshape(-1, 4)}
    assert colours <= {tuple(lut[k * LEVELS + LEVELS - 1]) for k in range(3)}
