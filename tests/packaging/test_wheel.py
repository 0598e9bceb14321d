"""The wheel a user installs with pip, checked as that user: built from this tree, installed into a
fresh virtualenv outside it, run from another folder. The sample articles missing from the wheel
went unnoticed because nothing ever ran Dateline that way."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile

import pytest
from shipping import ROOT, commands, is_png, run_program, user_env

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-w", str(out), "-v"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    [path] = out.glob("dateline-*.whl")
    return path, build.stdout + build.stderr


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory):
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=True)
    pip = [str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel[0])]
    subprocess.run(pip, check=True, timeout=900, capture_output=True, text=True)
    return env_dir / "bin"


def test_the_wheel_builds_without_deprecation_warnings(wheel):
    _, log = wheel
    for warning in ("DeprecationWarning", "BuildBackendWarning", "project.license"):
        assert warning not in log


def test_the_wheel_carries_every_file_of_seeds(wheel):
    names = zipfile.ZipFile(wheel[0]).namelist()
    shipped = {n.rsplit("/", 1)[1] for n in names if n.startswith("dateline/resources/seeds/")}
    assert shipped == {p.name for p in (ROOT / "seeds").iterdir()}


def test_installed_dateline_runs_from_any_folder_on_its_own_samples(installed, tmp_path):
    home = tmp_path / "home"
    work = tmp_path / "elsewhere"
    work.mkdir(parents=True)
    env = user_env(home)
    helped = run_program([installed / "dateline", "--help"], work, env).stdout
    for name in commands():
        assert f"    {name} " in helped or f"    {name}\n" in helped, name
    db = work / "project.db"
    out = run_program([installed / "dateline", "import", "--samples", "--db", db], work, env).stdout
    assert "2 imported" in out
    shot = work / "window.png"
    run_program([installed / "dateline", "gui", "--db", db, "--screenshot", shot], work, env)
    assert is_png(shot)
    # what `dateline run` and File > Load Sample Articles call, in the installed package
    probe = "from dateline.core import samples; print(len(samples.sample_files()))"
    assert run_program([installed / "python", "-c", probe], work, env).stdout.strip() == "2"
