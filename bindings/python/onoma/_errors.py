"""The exceptions onoma raises (imported by the extension too, so no import of it here)."""

from __future__ import annotations

from typing import Any

__all__ = ["OnomaError", "OnomaIOError"]


class OnomaError(ValueError):
    """A gazetteer (or another input) that onoma rejects.

    ``str(e)`` is the full message, ``"file:line: reason"``. The parts:

    - ``reason``: the reason alone;
    - ``file``: the file concerned, or ``""`` (``"<entities>"`` for
      :meth:`onoma.Gazetteer.from_entities`);
    - ``line``: the 1-based line in that file (for ``from_entities``: the
      1-based position of the entity in the iterable), or 0;
    - ``status``: the kind of failure: ``"invalid_input"``, ``"io"``,
      ``"invalid_argument"``, ``"not_found"`` or ``"internal"``.
    """

    def __init__(
        self,
        message: str,
        *,
        reason: str | None = None,
        file: str = "",
        line: int = 0,
        status: str = "invalid_input",
    ) -> None:
        super().__init__(message)
        self.reason: str = message if reason is None else reason
        self.file: str = file
        self.line: int = line
        self.status: str = status

    def __reduce__(self) -> tuple[Any, ...]:  # keep the keyword-only fields through pickle
        return (
            _rebuild,
            (type(self), str(self), self.reason, self.file, self.line, self.status),
        )


class OnomaIOError(OnomaError, OSError):
    """A gazetteer file that cannot be opened or read.

    Both an :class:`OnomaError` (a ``ValueError``) and an ``OSError``;
    ``filename`` is the file, like ``file``.
    """

    def __init__(
        self,
        message: str,
        *,
        reason: str | None = None,
        file: str = "",
        line: int = 0,
        status: str = "io",
    ) -> None:
        OnomaError.__init__(self, message, reason=reason, file=file, line=line, status=status)
        self.filename = file

    def __str__(self) -> str:  # OSError would format its own (errno, strerror) form
        return str(self.args[0]) if self.args else ""


def _rebuild(
    cls: type[OnomaError], message: str, reason: str, file: str, line: int, status: str
) -> OnomaError:
    return cls(message, reason=reason, file=file, line=line, status=status)
