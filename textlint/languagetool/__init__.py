"""LanguageTool inside ``textlint check``: a local server from Maven Central, a client, a cache.

- :mod:`.settings`  the ``[languagetool]`` configuration table and the switch
- :mod:`.install`   Java and Maven checks; resolve the server jars into the cache directory
- :mod:`.server`    a background server per cache directory: start, reuse, idle timeout, stop
- :mod:`.client`    HTTP requests to that server (``requests``); batches, UTF-16 offsets, answers checked
- :mod:`.cache`     results per paragraph on disk (sqlite)
- :mod:`.rule`      the ``languagetool`` rule: matches become diagnostics
- :mod:`.cli`       ``textlint languagetool install|start|stop|status|clear-cache``

Only :mod:`.settings` and :mod:`.rule` are imported when textlint starts;
the client, ``requests`` and ``psutil`` load on the first cache miss.
"""

from __future__ import annotations

from .errors import LanguageToolError

#: The LanguageTool release textlint installs (group ``org.languagetool`` on Maven Central).
VERSION = "6.6"

__all__ = ["VERSION", "LanguageToolError"]
