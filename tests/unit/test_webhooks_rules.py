"""The webhook rules on plain values: which URLs and addresses may be called, the
signature, the retry schedule. No network, no database."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models.rules.webhooks import (
    DEFAULT_MAX_ATTEMPTS,
    MAX_URL_LENGTH,
    address_problem,
    backoff,
    signature,
    url_problem,
)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://hooks.example.com/oms", None),
        ("http://hooks.example.com:8080/oms?x=1", None),
        ("ftp://hooks.example.com/oms", "http:// or https://"),
        ("https:///oms", "with a host"),
        ("not a url", "http:// or https://"),
        ("https://hooks.example.com:99999/", "not a valid URL"),
        ("https://user:pass@hooks.example.com/", "credentials"),
        ("https://hooks.example.com/" + "x" * 2000, "at most 2000"),
    ],
)
def test_url_form(url: str, problem: str | None) -> None:
    found = url_problem(url)
    assert (found is None) if problem is None else (problem in (found or ""))


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not globally routable"),
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
    ],
)
def test_which_addresses_are_refused(address: str, kind: str | None) -> None:
    problem = address_problem("hooks.example.com", [address])
    if kind is None:
        assert problem is None
    else:
        assert problem is not None and kind in problem and "hooks.example.com" in problem


def test_every_address_must_be_public() -> None:
    assert address_problem("h", ["93.184.216.34", "2606:4700::1111"]) is None
    assert "10.0.0.1" in (address_problem("h", ["93.184.216.34", "10.0.0.1"]) or "")


def test_signature_is_hmac_sha256_of_the_raw_body() -> None:
    # RFC 4231 test case 2.
    assert signature("Jefe", b"what do ya want for nothing?") == (
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    )


def test_backoff_doubles_from_ten_seconds_up_to_an_hour() -> None:
    waits = [backoff(n).total_seconds() for n in range(1, 12)]
    assert waits == [10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600]
    assert backoff(10_000) == timedelta(hours=1)


def test_the_longest_url_the_column_holds_is_accepted() -> None:
    base = "https://hooks.example.com/"
    assert url_problem(base + "x" * (MAX_URL_LENGTH - len(base))) is None
    assert url_problem(base + "x" * (MAX_URL_LENGTH - len(base) + 1)) is not None


def test_a_public_address_with_an_ipv6_zone_id_is_allowed() -> None:
    assert address_problem("h", ["2606:4700::1111%eth0"]) is None


def test_the_signature_covers_the_secret_and_every_byte_of_the_body() -> None:
    signed = signature("s3cret", b'{"a":1}')
    assert signed.startswith("sha256=") and len(signed) == len("sha256=") + 64
    assert signature("s3cret", b'{"a":1}') == signed
    assert signature("other", b'{"a":1}') != signed
    assert signature("s3cret", b'{"a": 1}') != signed


def test_backoff_never_waits_less_than_the_first_retry() -> None:
    assert backoff(0) == backoff(-3) == backoff(1) == timedelta(seconds=10)


def test_the_attempts_span_about_twenty_one_minutes() -> None:
    # The waits between DEFAULT_MAX_ATTEMPTS attempts, as the module's comment promises.
    waits = sum((backoff(n) for n in range(1, DEFAULT_MAX_ATTEMPTS)), timedelta())
    assert timedelta(minutes=20) < waits < timedelta(minutes=22)
