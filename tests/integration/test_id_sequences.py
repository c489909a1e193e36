"""The sequences placement takes its ids from on PostgreSQL, named as constants
(`placement.id_sequence`): each is the one behind its table's serial id."""

from __future__ import annotations

import pytest

from models import sql
from models.operations.placement import _ID_TABLES, id_sequence
from models.tables import FulfillmentOrder, FulfillmentOrderLine, Order, OrderLine
from tests.support.database import ON_POSTGRES

pytestmark = [
    pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL's sequences"),
    pytest.mark.usefixtures("db"),
]


async def test_each_id_sequence_is_its_tables_serial_sequence() -> None:
    models = (Order, OrderLine, FulfillmentOrder, FulfillmentOrderLine)
    assert tuple(model._meta.db_table for model in models) == _ID_TABLES
    for model in models:
        named = f"pg_get_serial_sequence('{sql.table(model)}', 'id')::regclass"
        ((same,),) = await sql.fetch(
            model, f"SELECT {named} = {id_sequence(model._meta.db_table)}", []
        )
        assert same, model
