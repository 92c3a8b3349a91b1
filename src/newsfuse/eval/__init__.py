"""Scoring newsfuse's output against references and gold: the metrics the benchmarks share.

Importable and tested like the rest of the product, so a benchmark is a thin runner and a
change to a scorer is covered by unit tests. Metrics that need a library outside newsfuse's
runtime dependencies import it only when a scorer is built: ROUGE needs ``rouge-score`` (in the
``bench`` and ``test`` extras), tilse's timeline ROUGE is optional.

* :mod:`newsfuse.eval.scores`: :class:`PRF`, the precision/recall/F1 every metric returns;
* :mod:`newsfuse.eval.rouge`: summary ROUGE with truncation to N words, several references,
  ROUGE-Lsum on sentence lines;
* :mod:`newsfuse.eval.clustering`: B-cubed and pairwise scores of a grouping into events;
* :mod:`newsfuse.eval.timeline`: date F1 and date-sensitive timeline ROUGE-1;
* :mod:`newsfuse.eval.results`: write results atomically after a complete run; exit on missing
  data.
"""

from newsfuse.eval.results import finish_run, require_path, write_results
from newsfuse.eval.rouge import Rouge, mean_rouge, rouge, truncate_words
from newsfuse.eval.scores import PRF, mean_prf, prf

__all__ = [
    "PRF",
    "Rouge",
    "finish_run",
    "mean_prf",
    "mean_rouge",
    "prf",
    "require_path",
    "rouge",
    "truncate_words",
    "write_results",
]
