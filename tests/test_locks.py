"""The dependency locks agree with pyproject.toml: a dependency added or changed without rerunning `.ci/lock`
fails here, not in the Docker image (which installs the lock with --no-deps and would simply lack it)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Set as AbstractSet
from pathlib import Path

import pytest
from packaging.markers import Marker, default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")
# The image's interpreter: markers in the locks are read for it.
IMAGE: dict[str, str | AbstractSet[str]] = {
    **{key: str(value) for key, value in default_environment().items()},
    "python_version": "3.11",
    "python_full_version": "3.11.0",
    "sys_platform": "linux",
}


def applies(marker: str | None) -> bool:
    return marker is None or Marker(marker).evaluate(IMAGE)


def pins(name: str) -> dict[str, str]:
    """Package -> pinned version in one lock file (the lines that apply to the image's Python); every pin
    is followed by its hashes (pip --require-hashes refuses the file otherwise)."""
    found: dict[str, str] = {}
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        m = PIN.match(line)
        if m is None:
            continue
        assert following.strip().startswith("--hash=sha256:"), f"{name}: {line.strip()} has no hash"
        if applies(m.group(3)):
            found[canonicalize_name(m.group(1))] = m.group(2)
    assert found, f"{name} pins nothing"
    return found


def project() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)


def requirements(*extras: str) -> list[Requirement]:
    meta = project()["project"]
    reqs = [Requirement(r) for r in meta["dependencies"]]
    for extra in extras:
        reqs += [Requirement(r) for r in meta["optional-dependencies"][extra]]
    return [r for r in reqs if r.marker is None or r.marker.evaluate(IMAGE)]


@pytest.mark.parametrize(
    ("lock", "extras"),
    [("requirements.lock", ()), ("requirements-test.lock", ("test",))],
)
def test_every_dependency_is_pinned_within_its_range(lock, extras):
    pinned = pins(lock)
    for req in requirements(*extras):
        name = canonicalize_name(req.name)
        assert name in pinned, f"{req.name} is in pyproject.toml but not in {lock}: run .ci/lock"
        assert req.specifier.contains(pinned[name], prereleases=True), (
            f"{lock} pins {req.name}=={pinned[name]} outside {req.specifier}: run .ci/lock"
        )


def test_ci_tests_the_versions_the_image_ships():
    app, test = pins("requirements.lock"), pins("requirements-test.lock")
    assert {name: test.get(name) for name in app} == app


def test_the_build_lock_pins_the_build_backend():
    pinned = pins("requirements-build.lock")
    for spec in project()["build-system"]["requires"]:
        req = Requirement(spec)
        assert req.specifier.contains(pinned[canonicalize_name(req.name)])


def test_dockerfile_and_ci_install_from_the_locks():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "--require-hashes --no-deps -r requirements-build.lock" in dockerfile
    assert "--require-hashes --no-deps --no-build-isolation -r requirements.lock" in dockerfile
    assert "--require-hashes --no-deps -r requirements-build.lock" in ci
    assert "-r requirements-test.lock" in ci
    # The image's user and group agree with its USER line.
    assert "groupadd --system --gid 10001" in dockerfile and "--uid 10001 --gid 10001" in dockerfile
    assert "USER 10001:10001" in dockerfile
