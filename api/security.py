"""Edge hardening: bounded JSON nesting, a brake on guessing keys, and no input the
database cannot store (NUL, lone surrogates, datetimes out of range). The security
headers and the request body cap are api/edge.py's."""

from __future__ import annotations

import json
import re
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLNullableType,
    GraphQLScalarType,
    GraphQLSchema,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    VariableDefinitionNode,
    Visitor,
    get_named_type,
    get_nullable_type,
    is_input_type,
    type_from_ast,
    visit,
)
from strawberry.types import ExecutionContext

from api.documents import PerDocument


@dataclass
class FailedAuthLimiter:
    """At most `limit` failed authentications per client address in `window` seconds.

    Kept per process: with N workers an address gets at most N x limit guesses
    a window, still far too few to guess a 190-bit key. Addresses are kept oldest
    failure first and forgotten once their window has passed, and the oldest beyond
    `max_addresses`, so that failures from many addresses cannot grow memory without bound.
    """

    limit: int = 20
    window: float = 60.0
    max_addresses: int = 10_000
    failures: OrderedDict[str, deque[float]] = field(default_factory=OrderedDict)

    def _forget_old(self, now: float) -> None:
        while self.failures:
            address, times = next(iter(self.failures.items()))
            if times[-1] > now - self.window and len(self.failures) <= self.max_addresses:
                return
            del self.failures[address]

    def _recent(self, address: str, now: float) -> deque[float]:
        times = self.failures.get(address, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def retry_after(self, address: str, now: float | None = None) -> float | None:
        """Seconds until `address` may try again, or None when it may now."""
        known = self.failures.get(address)
        if known is None or len(known) < self.limit:
            return None  # the common case: dropping old failures could only shorten it
        now = time.monotonic() if now is None else now
        times = self._recent(address, now)
        if len(times) < self.limit:
            return None
        return times[0] + self.window - now

    def failed(self, address: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        times = self._recent(address, now)
        times.append(now)
        self.failures[address] = times
        self.failures.move_to_end(address)  # ordered by latest failure
        self._forget_old(now)


# -- bad input, refused once at the edge ------------------------------------------------

# Deeper than any of our inputs needs: the deepest variables (an input object holding a
# list of input objects) are 4 levels; a JSON document deeper than this is refused before
# json.loads builds it, so nothing after it (graphql-core's coercion, the walks below)
# recurses without bound.
MAX_JSON_DEPTH = 32
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


class JsonTooDeep(json.JSONDecodeError):
    """A JSONDecodeError, so that strawberry answers it as any unparsable body (HTTP 400,
    WebSocket close 4400)."""


def _nesting_over(text: str, limit: int) -> bool:
    if text.count("[") + text.count("{") <= limit:
        return False  # the common case: too few brackets to nest that deep
    depth = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > limit:
            return True
    return False


def bounded_json(data: str | bytes, max_depth: int = MAX_JSON_DEPTH) -> object:
    """json.loads, refusing documents nested deeper than `max_depth` before building them."""
    if isinstance(data, bytes):
        try:
            data = data.decode()
        except UnicodeDecodeError as error:
            raise json.JSONDecodeError("the body is not UTF-8", "", error.start) from None
    if _nesting_over(data, max_depth):
        raise JsonTooDeep(f"JSON nested more than {max_depth} levels deep", "", 0)
    return json.loads(data)


# NUL: PostgreSQL cannot store or even compare text holding it (SQLite can). Lone
# surrogates: no UTF-8 encoding exists, so neither driver can send them.
_UNSTORABLE_TEXT = re.compile("[\x00\ud800-\udfff]")
# Python's datetime spans years 1-9999; the database converts to UTC, and date arithmetic
# (deadlines, windows) adds days: a day's margin on each side keeps every step in range.
EARLIEST = datetime(1, 1, 2, tzinfo=UTC)
LATEST = datetime(9999, 12, 30, tzinfo=UTC)


def _unstorable_text_in(value: Any) -> bool:
    """Whether any string (or dict key) in a JSON value holds NUL or a lone surrogate."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if _UNSTORABLE_TEXT.search(item):
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


class _FindsUnstorableText(Visitor):
    found = False

    def enter_string_value(self, node: StringValueNode, *_: Any) -> Any:
        if _UNSTORABLE_TEXT.search(node.value):
            self.found = True
            return Visitor.BREAK
        return None


def storable_moment(moment: datetime) -> bool:
    try:
        return EARLIEST <= moment.astimezone(UTC) <= LATEST
    except (OverflowError, ValueError):
        return False


@dataclass
class _DateTimes:
    """Finds DateTime values, literal or in variables, that the database cannot hold."""

    schema: GraphQLSchema
    found: str | None = None

    def check(self, scalar: GraphQLScalarType, text: Any) -> None:
        if self.found is not None or not isinstance(text, str):
            return
        try:
            moment = scalar.parse_value(text)
        except Exception:  # unparsable: graphql-core's coercion answers that itself
            return
        if isinstance(moment, datetime) and not storable_moment(moment):
            self.found = text

    def walk_value(self, kind: GraphQLNullableType | GraphQLNonNull[Any], value: Any) -> None:
        kind = get_nullable_type(kind)
        if isinstance(kind, GraphQLScalarType):
            if kind.name == "DateTime":
                self.check(kind, value)
        elif isinstance(kind, GraphQLList) and isinstance(value, list):
            for item in value:
                self.walk_value(kind.of_type, item)
        elif isinstance(kind, GraphQLInputObjectType) and isinstance(value, dict):
            for name, input_field in kind.fields.items():
                if name in value:
                    self.walk_value(input_field.type, value[name])

    def walk_literals(self, document: DocumentNode) -> list[tuple[str, GraphQLInputType]]:
        """Checks the document's literals; returns its variables and their types."""
        type_info = TypeInfo(self.schema)
        walker = self
        variables: list[tuple[str, GraphQLInputType]] = []

        class Literals(Visitor):
            def enter_string_value(self, node: StringValueNode, *_: Any) -> Any:
                kind = get_named_type(type_info.get_input_type())
                if isinstance(kind, GraphQLScalarType) and kind.name == "DateTime":
                    walker.check(kind, node.value)
                return Visitor.BREAK if walker.found else None

            def enter_variable_definition(self, node: VariableDefinitionNode, *_: Any) -> Any:
                kind = type_from_ast(walker.schema, node.type)
                if is_input_type(kind):
                    variables.append((node.variable.name.value, kind))
                return None

        visit(document, TypeInfoVisitor(type_info, Literals()))
        return variables


@dataclass(frozen=True)
class _DocumentFacts:
    """What a document alone says about storability: the same for every request that
    sends it, so it is worked out once per document (api/documents.py)."""

    unstorable_text: bool
    bad_datetime: str | None
    variables: tuple[tuple[str, GraphQLInputType], ...]  # those that can hold a DateTime


_FACTS: PerDocument[_DocumentFacts] = PerDocument()


def _facts(schema: GraphQLSchema, document: DocumentNode) -> _DocumentFacts:
    finder = _FindsUnstorableText()
    visit(document, finder)
    datetimes = _DateTimes(schema)
    variables = datetimes.walk_literals(document)
    # Only variables whose type can hold a DateTime are walked per request (placeOrder's
    # input holds none).
    dated = tuple((name, kind) for name, kind in variables if _holds_datetime(kind, set()))
    return _DocumentFacts(finder.found, datetimes.found, dated)


def _holds_datetime(kind: GraphQLInputType, seen: set[str]) -> bool:
    named = get_named_type(kind)
    if isinstance(named, GraphQLScalarType):
        return named.name == "DateTime"
    if not isinstance(named, GraphQLInputObjectType) or named.name in seen:
        return False
    seen.add(named.name)
    return any(_holds_datetime(field.type, seen) for field in named.fields.values())


def _bad_input(message: str) -> list[GraphQLError]:
    return [GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})]


def refuse_unstorable_input(context: ExecutionContext) -> None:
    """Refuse, in any argument, input field or variable, on both backends, what the
    database cannot store: text holding NUL or a lone surrogate, and datetimes outside
    the range it keeps. The client's mistake (BAD_USER_INPUT), said up front as the
    operation's `pre_execution_errors` (api/schema.OperationHooks calls this after
    validation), rather than a database error halfway through the request: strawberry
    then answers the error and executes nothing, for a subscription as for a query."""
    document = context.graphql_document
    if document is None:
        return
    schema = context.schema._schema
    variables = context.variables or {}
    facts = _FACTS.get(document, schema, lambda: _facts(schema, document))
    bad_datetime = facts.bad_datetime
    if bad_datetime is None and variables:
        datetimes = _DateTimes(schema)
        for name, kind in facts.variables:
            if name in variables:
                datetimes.walk_value(kind, variables[name])
        bad_datetime = datetimes.found
    if facts.unstorable_text or (variables and _unstorable_text_in(variables)):
        context.pre_execution_errors = _bad_input(
            "text may not contain the NUL character (U+0000) or a lone surrogate "
            "(U+D800-U+DFFF): send valid Unicode text"
        )
    elif bad_datetime is not None:
        context.pre_execution_errors = _bad_input(
            f"the datetime {bad_datetime!r} is outside the range this server "
            f"stores ({EARLIEST:%Y-%m-%d} to {LATEST:%Y-%m-%d} UTC)"
        )
