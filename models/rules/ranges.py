"""The ranges of numeric settings: a value outside is the client's mistake, refused with a
userError before it can overflow a date computation or a column later."""

from __future__ import annotations

from dataclasses import dataclass

from models.errors import invalid


@dataclass(frozen=True)
class Range:
    api_name: str
    least: int
    most: int
    meaning: str  # what the ends mean, for the message

    def check(self, value: int) -> int:
        if not self.least <= value <= self.most:
            raise invalid(
                f"{self.api_name} must be between {self.least} and {self.most} "
                f"({self.meaning}), got {value}",
                [self.api_name],
            )
        return value


MAX_SPLITS = Range("maxSplits", 1, 100, "every order needs at least one location")
ACCEPTANCE_MINUTES = Range(
    "acceptanceMinutes", 1, 30 * 24 * 60, "an assignee needs time to accept; 30 days at most"
)
RETURN_WINDOW_DAYS = Range("returnWindowDays", 0, 3650, "0 closes returns at delivery")
# Stock held at a counter for longer than a season is stock lost to every other order.
PICKUP_HOLD_DAYS = Range("pickupHoldDays", 1, 90, "a customer needs a day to come; 90 at most")
DAILY_CAPACITY = Range(
    "dailyCapacity", 0, 1_000_000, "fulfillment orders a day; null for unlimited"
)
