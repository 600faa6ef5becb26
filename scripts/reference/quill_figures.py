"""Quill's figure functions for the reference (run_notebook.py): heatmap, bar_chart and scatter print the same text
form as Quill (Sources/QuillNotebook/Displays/Figure.swift), so that expected blocks generated here are what
`quill check` compares with:

    heatmap ROWSxCOLUMNS[: TITLE]       bar_chart N[: TITLE]        scatter N points[, PCA D -> 2][: TITLE]
    one line per row, values ".4f"      one line per bar:           one line per point:
    joined by two spaces                "VALUE  LABEL"              "X  Y[  LABEL]"

scatter projects points of more than two dimensions to two with PCA: the first two right singular vectors of the
centred points (numpy.linalg.svd), each flipped so that its entry of largest absolute value is positive (the first
such entry on ties, entries within a relative 1e-9 of the largest counting as ties); a component whose variance is zero (s^2 <= 1e-12 * s_0^2) projects every point to 0.
"""

import numpy as np


def _plain(v):
    return v.tolist() if hasattr(v, "tolist") else v


def _number(v, function):
    v = _plain(v)
    if not isinstance(v, (int, float)):
        raise TypeError(f"{function}() values must be numbers, not {type(v).__name__}")
    x = float(v)
    if x != x or x in (float("inf"), float("-inf")):
        raise ValueError(f"{function}() values must be finite, got {x}")
    return x


def _items(value, function, name):
    listed = _plain(value)
    if not isinstance(listed, (list, tuple)):
        raise TypeError(f"{function}() argument '{name}' must be a list, tuple, array or tensor, "
                        f"not {type(value).__name__}")
    return [_plain(v) for v in listed]


def _matrix(value, function):
    rows = _items(value, function, "matrix")
    if not rows:
        raise ValueError(f"{function}() got an empty matrix")
    matrix = []
    for i, row in enumerate(rows):
        if not isinstance(row, (list, tuple)):
            raise ValueError(f"{function}() needs a 2-D matrix (a list of rows), got row {i} of type {type(row).__name__}")
        numbers = [_number(v, function) for v in row]
        if not numbers:
            raise ValueError(f"{function}() got an empty row {i}")
        if matrix and len(matrix[0]) != len(numbers):
            raise ValueError(f"{function}(): row {i} has {len(numbers)} values, row 0 has {len(matrix[0])}")
        matrix.append(numbers)
    return matrix


def _labels(value, count, what, things, function):
    if value is None:
        return None
    if isinstance(value, str):
        raise TypeError(f"{function}(): {what} must be a list, not str")
    labels = [str(v) for v in _items(value, function, what)]
    if len(labels) != count:
        raise ValueError(f"{function}(): {len(labels)} {what} for {count} {things}")
    return labels


def _one_line(s):
    return s.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def _show(head, title, lines):
    if title is not None:
        head += ": " + str(title)
    print("\n".join(_one_line(line) for line in [head] + lines))


def heatmap(matrix, rows=None, columns=None, title=None):
    m = _matrix(matrix, "heatmap")
    _labels(rows, len(m), "row labels", "rows", "heatmap")
    _labels(columns, len(m[0]), "column labels", "columns", "heatmap")
    _show(f"heatmap {len(m)}x{len(m[0])}", title, ["  ".join(f"{x:.4f}" for x in row) for row in m])


def bar_chart(labels, values, title=None):
    vs = _items(values, "bar_chart", "values")
    if not vs:
        raise ValueError("bar_chart() got no values")
    for v in vs:
        if isinstance(v, (list, tuple)):
            raise ValueError(f"bar_chart() needs 1-D values, got an item of type {type(v).__name__}")
    vs = [_number(v, "bar_chart") for v in vs]
    if labels is None:
        raise TypeError("bar_chart() argument 'labels' must be a list of labels, not NoneType")
    names = _labels(labels, len(vs), "labels", "values", "bar_chart")
    _show(f"bar_chart {len(vs)}", title, [f"{v:.4f}  {name}" for v, name in zip(vs, names)])


def project(points):
    """[n][d] points (d > 2) -> [n][2], with the sign convention of the module docstring."""
    x = np.asarray(points, dtype=np.float64)
    x = x - x.mean(axis=0)
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    components = []
    for k in range(2):
        if k < len(s) and s[k] ** 2 > 1e-12 * max(s[0] ** 2, 1e-300):
            v = vt[k]
            # The first entry within a relative 1e-9 of the largest |entry| (rounding must not decide ties).
            best = int(np.flatnonzero(np.abs(v) >= np.abs(v).max() * (1 - 1e-9))[0])
            components.append(-v if v[best] < 0 else v)
        else:
            components.append(np.zeros(x.shape[1]))
    return (x @ np.stack(components).T).tolist()


def scatter(points, labels=None, title=None):
    p = _matrix(points, "scatter")
    d = len(p[0])
    if d < 2:
        raise ValueError(f"scatter() needs points of 2 or more dimensions, got {d}")
    names = _labels(labels, len(p), "labels", "points", "scatter") or []
    head = f"scatter {len(p)} points"
    if d > 2:
        p = project(p)
        head += f", PCA {d} -> 2"
    lines = []
    for i, (px, py) in enumerate(p):
        line = f"{px:.4f}  {py:.4f}"
        lines.append(line + "  " + names[i] if i < len(names) else line)
    _show(head, title, lines)


FUNCTIONS = {"heatmap": heatmap, "bar_chart": bar_chart, "scatter": scatter}
