"""Scoring newsfuse's output against references and gold: the metrics the benchmarks share.

Importable and tested like the rest of the product, so a benchmark is a thin runner and a
scorer change is covered by unit tests. Metrics that need a library outside newsfuse's runtime
dependencies (ROUGE needs ``rouge-score``, in the ``bench`` and ``test`` extras) import it
only when called.

* :mod:`newsfuse.eval.results`: write results atomically after a complete run; exit on missing
  data.
"""

from newsfuse.eval.results import finish_run, require_path, write_results

__all__ = ["finish_run", "require_path", "write_results"]
