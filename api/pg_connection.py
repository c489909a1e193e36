"""The asyncpg connection class of the server's pool: no reset query on release."""

from __future__ import annotations

import asyncpg


class UnresetConnection(asyncpg.Connection):  # type: ignore[misc,no-any-unimported]
    """A pooled connection that goes back to the pool without asyncpg's reset query.

    asyncpg sends `SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL;`
    each time a connection is released: a round trip and PostgreSQL work per release, and
    a placement releases twice (the stock read, then its transaction). Each part undoes
    session state that nothing in this project leaves on a pooled connection:

    - advisory locks: the relay takes `pg_advisory_xact_lock`, released by its
      transaction's end; nothing takes a session-level advisory lock;
    - cursors: none is declared (asyncpg's own cursors live inside a transaction, which
      closes them);
    - LISTEN: nothing listens (events travel through broadcaster, not NOTIFY);
    - session settings: the API sets none; tests set them with `SET LOCAL` (transaction
      scoped) or on connections of their own, and the bulk loader, the one place that
      sets a session setting on a pooled connection, resets it on every way out
      (`bench.bulk_load.session_settings`).

    What the reset must still do it still does: asyncpg's `Connection.reset` rolls back an
    open or failed transaction before any reset query, whatever `get_reset_query`
    answers, so a connection never goes back to the pool inside a transaction
    (`tests/integration/test_pg_connection.py`). Anything added later that sets session
    state on a pooled connection must undo it itself, as the bulk loader does.
    """

    def get_reset_query(self) -> str:
        return ""
