"""The store dashboard in headless Chromium, against a real server: a new order
appears without a reload, the worker accepts and ships it, another store never sees it."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from models.operations.access import create_api_key
from models.rules.scopes import Role
from tests.support.factories import twin_cities
from tests.support.servers import place

playwright_api = pytest.importorskip("playwright.async_api")

CHROMIUM = os.environ.get("OMS_CHROMIUM", "/usr/bin/chromium")
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "dashboard.png"
pytestmark = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None,
    reason=f"needs Chromium at {CHROMIUM} (apt-get install chromium)",
)


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    async with playwright_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            yield browser
        finally:
            await browser.close()


async def sign_in(browser: Any, base: str, secret: str) -> Any:
    page = await browser.new_page(viewport={"width": 390, "height": 844})  # a phone
    await page.goto(f"{base}/dashboard")
    await page.fill("#key", secret)
    await page.click("#sign-in-form button[type=submit]")
    await page.wait_for_selector("#work:not([hidden])")
    await page.wait_for_selector("#live:not([hidden])")
    assert secret not in page.url
    return page


async def order_status(base: str, secret: str, number: str) -> str:
    query = "query($n: String) { order(number: $n) { status } }"
    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {secret}"}) as c:
        body = (await c.post("/graphql", json={"query": query, "variables": {"n": number}})).json()
    return body["data"]["order"]["status"]


async def test_a_store_worker_sees_a_new_order_live_and_ships_it(
    live_server: str, browser: Any
) -> None:
    network = await twin_cities({"MUG": (5, 5, 5)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    _, minneapolis = await create_api_key("Minneapolis staff", Role.STAFF, [network.msp.id])
    _, st_paul = await create_api_key("St. Paul staff", Role.STAFF, [network.stp.id])

    page = await sign_in(browser, live_server, minneapolis)
    other = await sign_in(browser, live_server, st_paul)
    await page.wait_for_selector("#open-list .empty")

    order = await place(live_server, admin, [("MUG", 2)])
    card = f'article[data-number="{order["number"]}"]'
    await page.wait_for_selector(f"#open-list {card} .new-badge:not([hidden])", timeout=10_000)
    assert "MUG" in await page.inner_text(card)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    await page.screenshot(path=str(SCREENSHOT), full_page=True)

    await page.click(f"{card} button:text-is('Accept')")
    await page.wait_for_selector(f"#working-list {card}")
    assert await order_status(live_server, admin, order["number"]) == "IN_PROGRESS"

    await page.click(f"{card} button:text-is('Ship…')")
    await page.fill(f"{card} input[name=carrier]", "UPS")
    await page.fill(f"{card} input[name=tracking]", "1Z999")
    await page.click(f"{card} button:text-is('Confirm shipment')")
    await page.wait_for_selector(card, state="detached")
    assert await order_status(live_server, admin, order["number"]) == "SHIPPED"

    assert await other.query_selector(card) is None
    assert "Nothing waiting" in await other.inner_text("#open-list")


async def test_a_bad_key_is_told_in_plain_words(live_server: str, browser: Any) -> None:
    page = await browser.new_page()
    await page.goto(f"{live_server}/dashboard")
    await page.fill("#key", "oms_nothing_here")
    await page.click("#sign-in-form button[type=submit]")
    await page.wait_for_selector("#sign-in-error:not([hidden])")
    assert "sign in again" in (await page.inner_text("#sign-in-error")).lower()
