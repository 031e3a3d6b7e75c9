"""Provider logging: stderr only (a host captures stdout), JSON lines when HostData asks for
structured logging, level from ``log_level``."""

from __future__ import annotations

import datetime
import json
import logging
import sys

_LEVELS = {
    "trace": logging.DEBUG,
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warn": logging.WARNING,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: timestamp, level, target, message, plus ``extra`` fields."""

    def format(self, record: logging.LogRecord) -> str:
        out = {
            "timestamp": datetime.datetime.fromtimestamp(
                record.created, tz=datetime.timezone.utc
            ).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "target": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                out[key] = value if isinstance(value, (str, int, float, bool)) else str(value)
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


def level_of(name: str | None) -> int:
    return _LEVELS.get((name or "info").strip().lower(), logging.INFO)


def configure_logging(structured: bool = False, level: str | None = None) -> None:
    """Route the root logger to stderr; call once from a provider's ``main``."""
    handler = logging.StreamHandler(sys.stderr)
    if structured:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level_of(level))
    # nats-py is chatty at DEBUG; keep it at INFO unless asked for trace.
    if (level or "").lower() != "trace":
        logging.getLogger("nats").setLevel(max(level_of(level), logging.INFO))
