"""onoma: find the mentions of known entities in text, however the text writes them.

>>> import onoma
>>> g = onoma.Gazetteer.default()
>>> text = "MELANIE JOLY met U.S. officials; one of us was late."
>>> [(m.text, m.id) for m in g.find(text)]
[('MELANIE JOLY', 'melanie-joly'), ('U.S.', 'united-states')]

The package is a binding of libonoma's C API (shipped inside the package):
:class:`Gazetteer` (immutable, shared by threads) finds :class:`Match` es;
:class:`GazetteerBuilder` builds gazetteers from files and Python data;
:class:`Entity` and :class:`Alias` describe what a gazetteer holds; failures
raise :class:`OnomaError` (a ``ValueError``). ``python -m onoma extract`` is
the command line.
"""

from __future__ import annotations

from ._errors import OnomaError, OnomaIOError
from . import _onoma

if _onoma.version_number() != _onoma.HEADER_VERSION_NUMBER:
    raise ImportError(
        f"onoma: the extension was built for libonoma {_onoma.HEADER_VERSION_NUMBER} but "
        f"libonoma {_onoma.version_number()} ({_onoma.version_string()}) was loaded; "
        "another libonoma.so is shadowing the one in the package (LD_LIBRARY_PATH?) "
        "or the package is broken: reinstall it"
    )

from ._onoma import Alias, Entity, Match
from ._options import Folding
from ._gazetteer import Gazetteer, GazetteerBuilder

__version__: str = _onoma.version_string()

# Public names read as onoma.X (in reprs, tracebacks and pickles), wherever they are defined.
for _public in (Alias, Entity, Match, Folding, Gazetteer, GazetteerBuilder, OnomaError, OnomaIOError):
    _public.__module__ = __name__
del _public


def library_version() -> str:
    """The version of the libonoma in use, ``"MAJOR.MINOR.PATCH"``."""
    return _onoma.version_string()


def unicode_version() -> str:
    """The Unicode version of the character data folding uses, e.g. ``"15.0"``."""
    return _onoma.unicode_version()


__all__ = [
    "Alias",
    "Entity",
    "Folding",
    "Gazetteer",
    "GazetteerBuilder",
    "Match",
    "OnomaError",
    "OnomaIOError",
    "__version__",
    "library_version",
    "unicode_version",
]
