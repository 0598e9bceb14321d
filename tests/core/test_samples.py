"""The sample articles are found where a checkout, a wheel or a bundle puts them."""

from __future__ import annotations

import shutil
from pathlib import Path

from dateline.core import samples

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_the_checkout_seeds_are_the_samples():
    folder = samples.samples_dir()
    assert folder is not None and (folder / "manifest.json").is_file()
    assert [p.name for p in samples.sample_files()] == sorted(
        p.name for p in SEEDS.iterdir() if p.suffix == ".txt"
    )


def test_only_article_files_are_listed(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "s")
    names = [p.name for p in samples.sample_files(tmp_path / "s")]
    assert names and all(n.endswith(".txt") for n in names)
    assert "manifest.json" not in names and "gold-timeline.json" not in names
