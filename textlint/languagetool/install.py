"""Install LanguageTool's HTTP server and English from Maven Central into the cache directory.

``textlint languagetool install`` writes a small POM that depends on
``org.languagetool:languagetool-server`` (without ``language-all``, which would pull
in thirty languages) and ``language-en``, and lets Maven copy the jars to
``<cache>/languagetool/<version>/lib``. LanguageTool's server cannot start without
Spanish, Catalan and Portuguese: its language identifier loads them unconditionally
(``CommonWordsDetector``), so those three modules come along; no other language does.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

from ..dataclass import dataclass
from . import VERSION
from .errors import LanguageToolError
from .settings import LanguageToolSettings

GROUP = "org.languagetool"
#: Language modules besides English that the server needs to start (see the module docstring).
REQUIRED_BY_SERVER = ("es", "ca", "pt")
MIN_JAVA = 17
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1"
MAIN_CLASS = "org.languagetool.server.HTTPServer"

_JAVA_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')

POM = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by `textlint languagetool install`: LanguageTool's HTTP server with English only. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>textlint</groupId>
  <artifactId>languagetool-runtime</artifactId>
  <version>{version}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>{group}</groupId>
      <artifactId>languagetool-server</artifactId>
      <version>{version}</version>
      <exclusions>
        <exclusion><groupId>{group}</groupId><artifactId>language-all</artifactId></exclusion>
      </exclusions>
    </dependency>
{languages}  </dependencies>
</project>
"""


@dataclass
class Installation:
    """An installed LanguageTool: its version and the directory of its jars."""

    version: str
    lib: Path

    @property
    def classpath(self) -> str:
        return str(self.lib / "*")


def home(settings: LanguageToolSettings, version: str = VERSION) -> Path:
    return settings.root() / version


def installation(settings: LanguageToolSettings, version: str = VERSION) -> Installation | None:
    """The installation in the cache directory, if ``install`` completed there."""
    marker = home(settings, version) / "installed.json"
    lib = home(settings, version) / "lib"
    if marker.is_file() and (lib / f"languagetool-server-{version}.jar").is_file():
        return Installation(version, lib)
    return None


# -- Java ----------------------------------------------------------------------------
def find_java(settings: LanguageToolSettings) -> Path | None:
    """The ``java`` to run: the ``java`` setting, ``$JAVA_HOME/bin/java``, then ``PATH``."""
    if settings.java:
        return Path(settings.java)
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / ("java.exe" if os.name == "nt" else "java")
        if candidate.is_file():
            return candidate
    found = shutil.which("java")
    return Path(found) if found else None


def java_major(java: Path) -> int:
    """The major version of *java* (8 for ``1.8.0``); LanguageToolError if it does not run."""
    try:
        proc = subprocess.run([str(java), "-version"], capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise LanguageToolError(f"Java not found at {java}") from None
    except (OSError, subprocess.TimeoutExpired) as e:
        raise LanguageToolError(f"cannot run {java} -version: {e}") from None
    m = _JAVA_VERSION.search(proc.stderr + proc.stdout)
    if proc.returncode != 0 or not m:
        raise LanguageToolError(f"{java} -version failed: {(proc.stderr or proc.stdout).strip()[:200]}")
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


def check_java(settings: LanguageToolSettings) -> Path:
    """A Java ≥ 17, or a LanguageToolError that says what is missing and how to get it."""
    java = find_java(settings)
    if java is None:
        raise LanguageToolError(
            f"Java {MIN_JAVA} or newer is needed to run LanguageTool, and no `java` was found "
            f"(not in the `java` setting, $JAVA_HOME or PATH); install a JRE {MIN_JAVA}+ "
            "(e.g. `apt-get install openjdk-17-jre-headless`) or set JAVA_HOME")
    major = java_major(java)
    if major < MIN_JAVA:
        raise LanguageToolError(
            f"LanguageTool {VERSION} needs Java {MIN_JAVA} or newer; {java} is Java {major}; "
            "install a newer JRE or point JAVA_HOME (or the `java` setting) at one")
    return java


# -- Maven ---------------------------------------------------------------------------
def find_maven() -> str | None:
    return os.environ.get("MVN") or shutil.which("mvn")


def pom(version: str = VERSION) -> str:
    languages = "".join(
        f"    <dependency><groupId>{GROUP}</groupId><artifactId>language-{code}</artifactId>"
        f"<version>{version}</version></dependency>\n"
        for code in ("en", *REQUIRED_BY_SERVER))
    return POM.format(group=GROUP, version=version, languages=languages)


def install(settings: LanguageToolSettings, force: bool = False,
            say: Callable[[str], None] = lambda s: None, version: str = VERSION) -> Installation:
    """Resolve the server and English with Maven into the cache directory (idempotent)."""
    found = installation(settings, version)
    if found and not force:
        say(f"LanguageTool {version} is already installed in {found.lib.parent}")
        check_java(settings)
        return found
    problems = []
    try:
        check_java(settings)
    except LanguageToolError as e:
        problems.append(str(e))
    mvn = find_maven()
    if mvn is None:
        problems.append("Maven is needed to download LanguageTool from Maven Central, and `mvn` is "
                        "not on PATH; install it (e.g. `apt-get install maven`) or set $MVN")
    if problems:
        raise LanguageToolError("; ".join(problems))

    target = home(settings, version)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".install-{version}-", dir=target.parent))
    try:
        (work / "pom.xml").write_text(pom(version), encoding="utf-8")
        say(f"Resolving {GROUP}:languagetool-server:{version} and language-en with Maven "
            "(about 100 MB from Maven Central on a first install; under a minute on a fast line) ...")
        started = time.monotonic()
        cmd = [mvn, "-B", "-f", str(work / "pom.xml"), f"{DEPENDENCY_PLUGIN}:copy-dependencies",
               f"-DoutputDirectory={work / 'lib'}", "-DincludeScope=runtime"]
        returncode, output = _run_maven(cmd, mvn)
        if returncode != 0:
            tail = "\n".join(line for line in output[-15:])
            raise LanguageToolError(f"Maven could not resolve LanguageTool {version} "
                                    f"(exit code {returncode}):\n{tail}")
        jars = sorted(p.name for p in (work / "lib").glob("*.jar"))
        _verify(jars, version)
        (work / "installed.json").write_text(json.dumps({
            "version": version, "jars": jars, "installed": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }, indent=1), encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        work.rename(target)
        size = sum(p.stat().st_size for p in (target / "lib").iterdir()) / 1e6
        say(f"Installed LanguageTool {version} in {target} "
            f"({len(jars)} jars, {size:.0f} MB, {time.monotonic() - started:.0f} s)")
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return Installation(version, target / "lib")


def _run_maven(cmd: list[str], mvn: str, timeout: float = 3600) -> tuple[int, list[str]]:
    """Run Maven, counting the files it downloads on a spinner (standard error a terminal);
    its exit code and output lines."""
    from ..progress import waiting

    lines: list[str] = []
    downloaded = 0
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                errors="replace", stdin=subprocess.DEVNULL)
    except OSError as e:
        raise LanguageToolError(f"cannot run Maven ({mvn}): {e}") from None
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        with waiting("Maven: resolving ...") as update:
            for line in proc.stdout:
                lines.append(line.rstrip("\n"))
                if _DOWNLOADED.match(line):
                    downloaded += 1
                    update(f"Maven: {downloaded} files downloaded ...")
        returncode = proc.wait()
    finally:
        timer.cancel()
        proc.stdout.close()
    if returncode < 0:
        raise LanguageToolError(f"Maven ({mvn}) did not finish within {timeout:.0f} s")
    return returncode, [line for line in lines if line.strip()]


#: Maven's line for a file downloaded (``-B``, without ``-q``).
_DOWNLOADED = re.compile(r"\[INFO\] Downloaded from ")


def _verify(jars: list[str], version: str) -> None:
    """The server and English are there, and no language beyond the ones the server needs."""
    missing = [j for j in (f"languagetool-server-{version}.jar", f"language-en-{version}.jar")
               if j not in jars]
    if missing:
        raise LanguageToolError(f"Maven finished but {', '.join(missing)} is missing")
    allowed = {f"language-{c}-{version}.jar" for c in ("en", *REQUIRED_BY_SERVER)}
    extra = [j for j in jars if re.fullmatch(r"language-[a-z]{2,3}(-.*)?-\d.*\.jar", j)
             and j not in allowed]
    if extra:
        raise LanguageToolError(f"Maven pulled in other languages: {', '.join(extra)}")
