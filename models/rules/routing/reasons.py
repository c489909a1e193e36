"""The readable text of a routing decision: why a location or vendor was chosen, and the
runners-up. The planner decides what to say; this module says it."""

from collections.abc import Iterable, Sequence

from .types import LineDemand, PlannedLine, RuleSpec


def drop_ship_reason(pairs: Iterable[tuple[LineDemand, RuleSpec]]) -> str:
    """Which drop-ship rule sends which SKUs to which vendor."""
    by_rule: dict[int, tuple[RuleSpec, list[str]]] = {}
    for line, rule in pairs:
        by_rule.setdefault(rule.id, (rule, []))[1].append(line.sku)
    return "; ".join(
        f"drop-ship rule '{rule.name}' (priority {rule.priority}) sends {', '.join(skus)}"
        f" to vendor {rule.vendor_code or f'#{rule.vendor_id}'}"
        for rule, skus in by_rule.values()
    )


def rule_names(rules: Iterable[RuleSpec]) -> str:
    """Each rule once, in evaluation order."""
    unique = {r.id: r for r in rules}
    return ", ".join(
        f"rule '{r.name}'" for r in sorted(unique.values(), key=lambda r: (r.priority, r.id))
    )


def km_text(km: float | None, *, away: bool = True) -> str:
    if km is None:
        return "distance unknown"
    figure = f"{km:,.1f}" if km < 100 else f"{km:,.0f}"
    return f"{figure} km away" if away else f"{figure} km"


def where_text(
    km: float | None, preferred_by: Iterable[RuleSpec], allowed_by: Iterable[RuleSpec]
) -> str:
    """A chosen location's distance and the rules that preferred or allowed it."""
    parts = [km_text(km)]
    prefer = rule_names(preferred_by)
    if prefer:
        parts.append(f"preferred by {prefer}")
    ship_from = rule_names(allowed_by)
    if ship_from:
        parts.append(f"allowed by {ship_from}")
    return ", ".join(parts)


def all_lines_text(stock_lines: Sequence[LineDemand], line_count: int) -> str:
    """The stock lines as a whole, e.g. "2 x SKU-1" or "all 3 stock lines"."""
    count = len(stock_lines)
    if count == 1:
        return f"{stock_lines[0].quantity} x {stock_lines[0].sku}"
    # Drop-shipped lines are not the locations' business: say which lines are meant.
    kind = "stock lines" if count < line_count else "lines"
    return f"both {kind}" if count == 2 else f"all {count} {kind}"


def lines_text(planned: Sequence[PlannedLine], stock_lines: Sequence[LineDemand]) -> str:
    """What one location ships, a partial quantity as "SKU (2 of 5)"."""
    ordered = {line.line_id: line.quantity for line in stock_lines}
    names = [
        p.sku
        if p.quantity == ordered[p.line_id]
        else f"{p.sku} ({p.quantity} of {ordered[p.line_id]})"
        for p in planned
    ]
    if len(names) > 4:
        return f"{len(names)} lines ({', '.join(names[:3])} +{len(names) - 3} more)"
    return ", ".join(names)


def skus_text(skus: Sequence[str]) -> str:
    if len(skus) > 2:
        return f"{skus[0]}, {skus[1]} +{len(skus) - 2} more"
    return ", ".join(skus)


# Where a stock location's reason turns to the runners-up: what follows is other locations'
# stock, which only ADMIN and VIEWER keys read (models.rules.scopes.sees_whole_routing_reason).
RUNNERS_UP = "; runners-up: "


def runners_up_text(runners: Sequence[str]) -> str:
    return RUNNERS_UP + ", ".join(runners) if runners else ""


def assignee_reason(reason: str) -> str:
    """The reason as an assignee (or a channel) reads it: its own choice and why, without the
    runners-up. Cut at the first marker, so that text before it (a rule's name) can only make
    it say less."""
    return reason.split(RUNNERS_UP, 1)[0]


def runner_text(code: str, lacking: Sequence[str], km: float | None, note: str | None) -> str:
    """A runner-up: whether it could fill the share (else the SKUs it lacks), its distance,
    and why it lost when the distance does not say (`note`)."""
    parts = ["can fill" if not lacking else "lacks " + skus_text(lacking)]
    parts.append(km_text(km, away=False))
    if note:
        parts.append(note)
    return f"{code} ({', '.join(parts)})"
