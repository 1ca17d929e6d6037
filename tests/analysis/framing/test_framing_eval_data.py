"""Built-in generic-frame detectors against the annotated climate articles (Frermann et al. 2023).

Uses ../shared/data/narrative-frames-climate (development data, never copied into the repo);
skipped when it is absent.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[3]
DATA = REPO.parent / "shared" / "data" / "narrative-frames-climate"


def _eval_module():
    spec = importlib.util.spec_from_file_location(
        "eval_frames", REPO / "benchmarks" / "eval_frames.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_eval_script_explains_missing_data(tmp_path, capsys):
    assert _eval_module().main(["--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no articles_dev.tsv" in err and "--data" in err


@pytest.mark.skipif(
    not (DATA / "articles_dev.tsv").exists(),
    reason=f"evaluation data not available at {DATA} (../shared is absent)",
)
def test_builtin_detectors_reach_target_macro_f1():
    from mediacompare.analysis.framing import GENERIC_FRAMES, score_frames
    from mediacompare.text import sentences

    module = _eval_module()
    texts, Y, _ = module.load(DATA)
    assert len(texts) == 342  # 343 minus the broken row 405
    present = np.array(
        [[score_frames(sentences(t)).generic[f].present for f in GENERIC_FRAMES] for t in texts]
    ).astype(int)
    f1 = module.f1s(Y, present)
    assert f1.mean() >= 0.55, dict(zip(GENERIC_FRAMES, f1.round(3)))
    # every frame beats "always present"
    assert np.all(f1 > module.f1s(Y, np.ones_like(Y)))
