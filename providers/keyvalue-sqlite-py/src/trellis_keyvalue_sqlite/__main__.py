"""``python -m trellis_keyvalue_sqlite``: what a host launches (HostData on stdin)."""

import sys

from trellis_provider import run

from .provider import KeyValueSqliteProvider


def main() -> int:
    return run(KeyValueSqliteProvider())


if __name__ == "__main__":
    sys.exit(main())
