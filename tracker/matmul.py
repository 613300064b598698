"""thinc's CPU ops with matrix products by NumPy's BLAS: the same networks, run faster."""

from __future__ import annotations

from typing import Any

import numpy
from thinc.api import NumpyOps


class MatmulOps(NumpyOps):  # type: ignore[misc]
    """thinc's NumpyOps with `gemm` done by NumPy's BLAS (OpenBLAS) instead of BLIS.

    en_core_web_sm spends most of its time in the dense layers of its two tok2vec networks
    (the tagger/parser one and the NER's own), and on the x86-64 machines tracker runs on
    OpenBLAS computes those products about three times faster than BLIS on one thread. The
    networks and weights are unchanged: tests/test_nlp.py checks that every tag, arc and
    entity equals spaCy's own on whole articles.
    """

    name = "tracker_matmul"

    def gemm(
        self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False
    ) -> Any:
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out
