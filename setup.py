"""Build hook only: every setting lives in pyproject.toml.

The sample articles' one copy is the top-level ``seeds/`` folder. A wheel gets the whole folder, as it is
at build time, as ``dateline/resources/seeds`` (where ``dateline.core.samples`` looks first), so no file
list has to be kept in step with it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SEEDS = Path(__file__).resolve().parent / "seeds"
TARGET = ("dateline", "resources", "seeds")


class BuildWithSamples(build_py):
    def run(self) -> None:
        super().run()
        if not self.editable_mode:  # an editable install reads seeds/ in place
            target = Path(self.build_lib, *TARGET)
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(SEEDS, target)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if not self.editable_mode:
            outputs += [str(Path(self.build_lib, *TARGET, p.name)) for p in sorted(SEEDS.iterdir())]
        return outputs


setup(cmdclass={"build_py": BuildWithSamples})
