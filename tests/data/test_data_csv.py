"""CSV import: good files load, bad files give a CsvError that says where and what to do."""

import csv
import os
from pathlib import Path

import numpy as np
import pytest

from nnstudio.data import CsvError, CsvPreview, csv_import, flower, load_csv, read_csv_preview

IRIS = """sepal_length,sepal_width,species
5.1,3.5,setosa
7.0,3.2,versicolor
6.3,3.3,virginica
4.9,3.0,setosa
6.4,3.2,versicolor
5.8,2.7,virginica
"""


def write(tmp_path, text, name="data.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding, newline="")
    return path


def error_of(path, **kwargs):
    with pytest.raises(CsvError) as info:
        load_csv(path, **kwargs)
    return info.value


# -- good files ------------------------------------------------------------------------------
def test_iris_like_file_with_text_labels(tmp_path):
    d = load_csv(write(tmp_path, IRIS, "iris.csv"))
    assert d.task == "multiclass" and d.name == "iris"
    assert d.feature_names == ("sepal_length", "sepal_width")
    assert d.class_names == ("setosa", "versicolor", "virginica")  # sorted
    assert d.X.shape == (2, 6) and d.Y.shape == (1, 6)
    np.testing.assert_array_equal(d.X[:, 0], [5.1, 3.5])
    np.testing.assert_array_equal(d.Y, [[0, 1, 2, 0, 1, 2]])
    assert (d.output_units, d.output_activation) == (3, "softmax")
    assert d.source == {"kind": "csv", "file_name": "iris.csv", "label_column": "species"}


def test_round_trip_of_a_written_data_set(tmp_path):
    original = flower(samples=50, seed=3)
    path = tmp_path / "flower.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow([*original.feature_names, "colour"])
        for x, y in zip(original.X.T, original.Y.ravel(), strict=True):
            writer.writerow([repr(float(v)) for v in x] + [original.class_names[y]])
    loaded = load_csv(path)
    np.testing.assert_array_equal(loaded.X, original.X)  # repr() keeps every bit
    assert loaded.task == "binary" and loaded.feature_names == ("x1", "x2")
    names = np.array(loaded.class_names)[loaded.Y.ravel()]
    assert list(names) == [original.class_names[y] for y in original.Y.ravel()]


def test_header_detected_and_absent(tmp_path):
    with_header = load_csv(write(tmp_path, "a,b,label\n1,2,0\n3,4,1\n"))
    assert with_header.feature_names == ("a", "b") and with_header.m == 2
    without = load_csv(write(tmp_path, "1,2,0\n3,4,1\n5,6,1\n", "plain.csv"))
    assert without.feature_names == ("column 1", "column 2") and without.m == 3
    assert without.source["label_column"] == "column 3"
    assert without.class_names == ("0", "1") and without.task == "binary"


def test_headerless_file_with_text_labels(tmp_path):
    d = load_csv(write(tmp_path, "5.1,3.5,setosa\n7.0,3.2,versicolor\n6.3,3.3,setosa\n"))
    assert d.m == 3 and d.class_names == ("setosa", "versicolor")


def test_header_can_be_forced(tmp_path):
    path = write(tmp_path, "1,2,0\n3,4,1\n5,6,0\n")
    d = load_csv(path, has_header=True)
    assert d.feature_names == ("1", "2") and d.m == 2


def test_semicolons_with_decimal_commas_and_tabs(tmp_path):
    d = load_csv(write(tmp_path, "x;y;k\n1,5;2;a\n3;4,25;b\n"))
    np.testing.assert_array_equal(d.X, [[1.5, 3.0], [2.0, 4.25]])
    t = load_csv(write(tmp_path, "x\ty\tk\n1\t2\ta\n3\t4\tb\n", "tabs.tsv"))
    assert t.feature_names == ("x", "y") and t.m == 2


def test_label_column_by_name_number_and_negative_number(tmp_path):
    path = write(tmp_path, "kind,x,y\na,1,2\nb,3,4\na,5,6\n")
    by_name = load_csv(path, label_column="kind")
    by_number = load_csv(path, label_column=0)
    assert by_name == by_number and by_name.feature_names == ("x", "y")
    assert load_csv(path, label_column="KIND") == by_name  # case does not matter
    numeric = write(tmp_path, "k,x,y\n1,1,2\n0,3,4\n1,5,6.5\n", "numeric.csv")
    last = load_csv(numeric, label_column=-1)
    assert last.task == "regression" and last.source["label_column"] == "y"
    assert last.feature_names == ("k", "x")


def test_label_kinds_are_guessed_and_can_be_overridden(tmp_path):
    ints = write(tmp_path, "x,y\n" + "".join(f"{i},{i % 3 + 1}\n" for i in range(9)))
    d = load_csv(ints)
    assert d.task == "multiclass" and d.class_names == ("1", "2", "3")
    np.testing.assert_array_equal(d.Y[0, :3], [0, 1, 2])
    assert load_csv(ints, task="regression").Y.dtype == np.float64
    floats = write(tmp_path, "x,y\n1,0.5\n2,1.5\n3,2.25\n", "floats.csv")
    assert load_csv(floats).task == "regression"
    many = write(tmp_path, "x,y\n" + "".join(f"{i},{i}\n" for i in range(30)), "many.csv")
    assert load_csv(many).task == "regression"
    assert load_csv(many, task="multiclass").n_classes == 30
    two = write(tmp_path, "x,y\n1,1.0\n2,3\n3,1\n", "two.csv")
    d2 = load_csv(two, task="multiclass")
    assert d2.class_names == ("1", "3") and d2.output_units == 2


def test_latin1_bom_and_utf16_files(tmp_path):
    text = "größe,label\n1,ja\n2,nein\n"
    latin = load_csv(write(tmp_path, text, "latin.csv", encoding="latin-1"))
    assert latin.feature_names == ("größe",)
    bom = load_csv(write(tmp_path, text, "bom.csv", encoding="utf-8-sig"))
    assert bom.feature_names == ("größe",)
    utf16 = load_csv(write(tmp_path, text, "utf16.csv", encoding="utf-16"))
    assert utf16.feature_names == ("größe",)


def test_blank_rows_are_skipped_but_count_as_rows(tmp_path):
    path = write(tmp_path, "x,y\n1,a\n\n2,b\n,c\n\n")
    error = error_of(path)
    assert error.row == 5 and error.column == "x"


def test_the_preview_numbers_its_rows_as_errors_do(tmp_path):
    path = write(tmp_path, "x,y\n1,a\n\n2,b\n,c\n\n")
    preview = read_csv_preview(path)
    assert preview.row_numbers == (2, 4, 5)
    error = error_of(path)
    assert preview.rows[preview.row_numbers.index(error.row)] == ("", "c")
    headless = read_csv_preview(write(tmp_path, "1,2\n\n3,4\n", "plain.csv"))
    assert headless.row_numbers == (1, 3)


def test_preview(tmp_path):
    path = write(tmp_path, "a;b;c\n" + "".join(f"{i};{i};{i % 2}\n" for i in range(50)))
    p = read_csv_preview(path, max_rows=5)
    assert isinstance(p, CsvPreview)
    assert p.header == ("a", "b", "c") and p.has_header and p.delimiter == ";"
    assert p.rows == [(str(i), str(i), str(i % 2)) for i in range(5)] and p.n_columns == 3
    q = read_csv_preview(write(tmp_path, "1,2\n3,4\n", "plain.csv"))
    assert not q.has_header and q.header == ("column 1", "column 2") and len(q.rows) == 2
    with pytest.raises(CsvError, match="empty"):
        read_csv_preview(write(tmp_path, "", "empty.csv"))


# -- refusals --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "message", "row", "column"),
    [
        ("a,b,k\n1,2,x\n3,,y\n", "row 3, column 'b': the value is missing", 3, "b"),
        ("a,b,k\n1,2,x\n3,abc,y\n", "row 3, column 'b': 'abc' is not a number", 3, "b"),
        ("a,b,k\n1,nan,x\n3,4,y\n", "row 2, column 'b': 'nan' is not a finite number", 2, "b"),
        ("a,b,k\n1,2,x\n3,4,\n", "row 3, column 'k': the label is missing", 3, "k"),
        ("a,b,k\n1,2,x\n3,4\n", "row 3 has 2 values but the header has 3 columns", 3, None),
        ("a,b,k\n1,2,x\n3,4,y,5\n", "row 3 has 4 values", 3, None),
        ("a,b,k\n1,2,x\n3,4,x\n", "all rows have the label 'x'", None, "k"),
    ],
)
def test_bad_values_name_row_and_column(tmp_path, text, message, row, column):
    error = error_of(write(tmp_path, text))
    assert message in str(error)
    assert (error.row, error.column) == (row, column)
    assert isinstance(error, ValueError)


def test_one_class_message_says_two_classes_are_needed(tmp_path):
    error = error_of(write(tmp_path, "a,k\n1,yes\n2,yes\n"))
    assert "a classifier needs at least two classes" in str(error)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("  \n\n", "is empty"),
        (",,\n,,\n", "holds no values"),
        ("a,b,label\n", "has a header row but no data rows"),
        ("x\n1\n2\n", "only one column"),
    ],
)
def test_empty_header_only_and_single_column_files(tmp_path, text, message):
    assert message in str(error_of(write(tmp_path, text)))


def test_regression_needs_numeric_labels(tmp_path):
    error = error_of(write(tmp_path, "a,k\n1,2\n2,x\n"), task="regression")
    assert "row 3, column 'k'" in str(error) and error.row == 3


def test_binary_needs_exactly_two_classes(tmp_path):
    error = error_of(write(tmp_path, IRIS), task="binary")
    assert "3 classes" in str(error) and "multiclass" in str(error)


def test_unknown_label_column_and_task(tmp_path):
    path = write(tmp_path, IRIS)
    assert "no column 'colour'" in str(error_of(path, label_column="colour"))
    assert "no column number 5" in str(error_of(path, label_column=5))
    assert "task must be one of" in str(error_of(path, task="clustering"))


def test_too_many_classes(tmp_path):
    path = write(tmp_path, "x,k\n" + "".join(f"{i},name{i}\n" for i in range(150)))
    assert "150 different labels" in str(error_of(path))


def test_limits_on_size_rows_and_columns(tmp_path, monkeypatch):
    wide = write(tmp_path, ",".join(["1"] * 1026) + "\n" + ",".join(["2"] * 1025 + ["1"]) + "\n")
    error = error_of(wide)
    assert "1025 feature columns" in str(error) and "at most 1024" in str(error)

    rows = write(tmp_path, "x,k\n" + "".join(f"{i},{i % 2}\n" for i in range(12)), "rows.csv")
    monkeypatch.setattr(csv_import, "MAX_ROWS", 10)
    error = error_of(rows)
    assert "more than 10 rows" in str(error) and "sample" in str(error)
    monkeypatch.setattr(csv_import, "MAX_ROWS", 12)
    assert load_csv(rows).m == 12

    monkeypatch.setattr(csv_import, "MAX_FILE_BYTES", 20)
    error = error_of(rows)
    assert "MB" in str(error) and "smaller file" in str(error)


def test_missing_folder_and_binary_files(tmp_path):
    assert "no file" in str(error_of(tmp_path / "nothing.csv"))
    assert "folder" in str(error_of(tmp_path))
    workbook = tmp_path / "book.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + bytes(100))
    assert "save it from your spreadsheet program as CSV" in str(error_of(workbook))


def test_a_missing_value_in_the_first_row_is_not_taken_for_a_header(tmp_path):
    error = error_of(write(tmp_path, "1,,a\n3,4,b\n5,6,a\n"))
    assert error.row == 1 and error.column == "column 2"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_any_line_ending(tmp_path, newline):
    d = load_csv(write(tmp_path, newline.join(["a;b", "1;x", "2;y", ""])))
    assert d.m == 2 and d.feature_names == ("a",) and d.class_names == ("x", "y")


# -- missing labels, open quotes, files that are not files ------------------------------------
@pytest.mark.parametrize("missing", ["nan", "NaN", "", "-nan"])
def test_a_nan_label_is_a_missing_label_with_its_row_not_a_class(tmp_path, missing):
    text = f"x,label\n1,a\n2,b\n\n3,{missing}\n4,a\n"
    error = error_of(write(tmp_path, text))
    assert "label is missing" in str(error)
    assert (error.row, error.column) == (5, "label")  # the blank row 4 counts, as in the preview
    preview = read_csv_preview(write(tmp_path, text, "p.csv"))
    assert preview.row_numbers[preview.rows.index(("3", missing))] == error.row


def test_a_nan_label_is_missing_in_a_regression_too(tmp_path):
    error = error_of(write(tmp_path, "x,y\n1,0.5\n2,nan\n3,2.5\n"), task="regression")
    assert "label is missing" in str(error) and error.row == 3


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ('x,label\n1,a\n2,"b\n3,a\n4,b\n', 3),  # swallows the rows after it
        ('x,label\n1,a\n2,b\n3,"a', 4),  # at the very end, no line break
        ('x,label\n1,a\n2,b\n3,"a\n', 4),
    ],
)
def test_an_unterminated_quote_is_named(tmp_path, text, row):
    error = error_of(write(tmp_path, text))
    assert "quotation mark" in str(error) and "never closed" in str(error)
    assert error.row == row


def test_a_quote_inside_a_value_is_still_read_as_it_stands(tmp_path):
    d = load_csv(write(tmp_path, 'x,label\n1,5" screen\n2,b\n3,b\n'))
    assert d.class_names == ('5" screen', "b")


def test_a_quoted_value_over_several_lines_is_still_fine(tmp_path):
    d = load_csv(write(tmp_path, 'x,label\n1,"a\nb"\n2,c\n3,c\n'))
    assert d.class_names == ("a\nb", "c")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # reading it would wait until some program writes to it
    assert "not a regular file" in str(error_of(fifo))
    with pytest.raises(CsvError, match="not a regular file"):
        read_csv_preview(fifo)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_does_not_bypass_the_size_limit():
    assert "not a regular file" in str(error_of(Path("/dev/zero")))
