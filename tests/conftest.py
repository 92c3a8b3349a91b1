from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KAESONG = ROOT / "examples" / "kaesong"


@pytest.fixture(scope="session")
def kaesong_dir() -> Path:
    return KAESONG


@pytest.fixture(scope="session")
def kaesong_brief():
    import newsfuse

    return newsfuse.fuse(newsfuse.read([KAESONG]), words=120)
