"""The crowd's shoppers: each a browser of its own (cookies, CSRF tokens read from the forms it posts) that
browses the catalogue, filters, searches with typos, opens products, adds to cart and checks out, cash on delivery
or by card (a card token from localstripe, as Stripe.js would give it); some sign in first. Every request is
recorded as a ``Hit``. At one moment every shopper also joins the rush: all put the same product (10 in stock) in
a fresh cart and submit the checkout together.
"""

from __future__ import annotations

import asyncio
import html
import random
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from benchmarks.crowd_figures import Hit

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ADD_FORM = re.compile(r'<form method="post" action="/cart/" class="add-to-cart".*?</form>', re.S)
PAYMENT = re.compile(r'name="payment" value="([^"]+)"')
PRODUCT_LINK = re.compile(r'href="/products/([a-z0-9-]+)/"')
SHOWCASE_LINK = re.compile(r'href="/showcases/([a-z0-9-]+)/"')
OUT_OF_STOCK = "Đã hết hàng"
FILTERS = ("stars=4,5", "stars=5", "in_stock=1", "sort=price", "sort=-price", "sort=stars", "sort=newest",
           "group=thuc-pham", "group=do-uong", "province=lam-dong", "province=ha-noi", "price_max=200000",
           "price_min=100000&price_max=500000")
ADDRESS = {"name": "Nguyễn Văn An", "phone": "0912 345 678", "province": "lam-dong",
           "ward": "Phường Xuân Hương - Đà Lạt", "street": "12 Trần Phú"}


@dataclass
class Crowd:
    """What every shopper shares: where the shop is, the products it may remember, the recorded hits."""

    base: str
    stripe: str
    publishable_key: str
    deadline: float  # time.monotonic() when shoppers stop starting journeys
    started: float
    slugs: list[str]  # every product at the start (old tabs and bookmarks: withdrawn ones are asked for too)
    names: list[str]
    think: float  # mean seconds between a shopper's steps
    hits: list[Hit] = field(default_factory=list)
    rush_slug: str = ""
    rush_at: float = 0.0  # time.monotonic() when shoppers join the rush
    rush_outcomes: list[str] = field(default_factory=list)
    rush_gate: asyncio.Barrier | None = None
    accounts: list[tuple[str, str]] = field(default_factory=list)  # (email, password) of shoppers who sign in


def page_of(path: str) -> str:
    """A request's route, for the per-page figures."""
    path = path.split("?", 1)[0]
    for pattern, name in ((r"^/products/[^/]+/$", "/products/<slug>/"), (r"^/showcases/[^/]+/$", "/showcases/<slug>/"),
                          (r"^/checkout/orders/\d+/$", "/checkout/orders/<n>/"),
                          (r"^/account/orders/\d+/$", "/account/orders/<n>/")):
        if re.match(pattern, path):
            return name
    return path


def typo(text: str, rng: random.Random) -> str:
    """``text`` as a hurried shopper types it: often without diacritics, one letter dropped, doubled or swapped."""
    if rng.random() < 0.6:
        text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
        text = text.replace("đ", "d").replace("Đ", "D")
    words = text.lower().split()
    if not words:
        return text
    index = rng.randrange(len(words))
    word = words[index]
    if len(word) > 3:
        at = rng.randrange(1, len(word) - 1)
        kind = rng.choice(("drop", "double", "swap"))
        if kind == "drop":
            word = word[:at] + word[at + 1:]
        elif kind == "double":
            word = word[:at] + word[at] + word[at:]
        else:
            word = word[:at - 1] + word[at] + word[at - 1] + word[at + 1:]
    words[index] = word
    return " ".join(words)


class Shopper:
    def __init__(self, crowd: Crowd, number: int, rng: random.Random):
        self.crowd = crowd
        self.number = number
        self.rng = rng
        self.account = crowd.accounts[number % len(crowd.accounts)] if number % 5 == 0 and crowd.accounts else None
        self.card = number % 3 == 1
        self.browser = self._browser()

    def _browser(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.crowd.base, follow_redirects=False, timeout=httpx.Timeout(90.0),
                                 headers={"User-Agent": f"crowd-shopper/{self.number}", "Accept-Language": "vi"})

    async def request(self, step: str, method: str, path: str, *, expect: tuple[int, ...] = (200,),
                      browser: httpx.AsyncClient | None = None, data: dict | None = None,
                      follow: bool = False) -> httpx.Response | None:
        """One request, recorded (with ``follow``, the redirects it leads to too, as a browser follows them);
        None when nothing came back."""
        browser = browser or self.browser
        started = time.monotonic()
        headers = {"Origin": self.crowd.base, "Referer": self.crowd.base + "/"} if method == "POST" else None
        try:
            response = await browser.request(method, path, data=data, headers=headers, follow_redirects=follow)
        except httpx.TimeoutException:
            self._hit(path, step, started, None, "timeout")
            return None
        except httpx.HTTPError as error:
            self._hit(path, step, started, None, f"no answer: {type(error).__name__}")
            return None
        status = response.status_code
        error = "" if status in expect else (f"5xx {status}{title(response.text)}" if status >= 500 else
                                             f"unexpected {status}{shown_error(response.text)}")
        self._hit(path, step, started, status, error)
        return response

    def _hit(self, path: str, step: str, started: float, status: int | None, error: str) -> None:
        self.crowd.hits.append(Hit(page_of(path), step, started - self.crowd.started, time.monotonic() - started,
                                   status, error))

    def note(self, step: str, path: str, kind: str) -> None:
        """A page that answered but did not hold what a browser needs next (recorded as an error, no time)."""
        self.crowd.hits.append(Hit(page_of(path) + " (content)", step, time.monotonic() - self.crowd.started, 0.0,
                                   None, kind))

    async def think(self) -> None:
        await asyncio.sleep(self.rng.uniform(0.5, 1.5) * self.crowd.think)

    async def run(self) -> None:
        try:
            if self.account:
                # at staggered moments: Saleor suspends sign-ins from one address while another is under way
                # (its throttling), and every shopper here comes from 127.0.0.1
                await asyncio.sleep(self.number * 1.5)
                await self.sign_in()
            while time.monotonic() < self.crowd.deadline:
                await self.journey()
        finally:
            await self.browser.aclose()

    async def sign_in(self) -> None:
        email, password = self.account or ("", "")
        page = await self.request("sign in: form", "GET", "/account/sign-in/")
        token = CSRF.search(page.text) if page is not None else None
        if token is None:
            return
        await self.think()
        await self.request("sign in: submit", "POST", "/account/sign-in/", expect=(302, 303),
                           data={"csrfmiddlewaretoken": token.group(1), "email": email, "password": password})

    async def journey(self) -> None:
        rng = self.rng
        home = await self.request("home", "GET", "/")
        showcases = SHOWCASE_LINK.findall(home.text) if home is not None else []
        await self.think()
        if showcases and rng.random() < 0.5:
            await self.request("showcase", "GET", f"/showcases/{rng.choice(showcases)}/")
            await self.think()
        listing = await self.request("catalogue", "GET", "/products/" + rng.choice(("", "?page=2", "?page=3")),
                                     expect=(200, 404))
        seen = PRODUCT_LINK.findall(listing.text) if listing is not None and listing.status_code == 200 else []
        await self.think()
        query = "&".join(rng.sample(FILTERS, rng.choice((1, 2))))
        filtered = await self.request("filter", "GET", f"/products/?{query}", expect=(200, 404), follow=True)
        if filtered is not None and filtered.status_code == 200:
            seen += PRODUCT_LINK.findall(filtered.text)
        await self.think()
        words = rng.choice(self.crowd.names).split()
        wanted = typo(" ".join(words[:rng.choice((1, 2, 3))]), rng)
        await self.request("search: suggest as typed", "GET",
                           "/search/suggest/?" + str(httpx.QueryParams({"q": wanted[:5]})))
        found = await self.request("search (typos)", "GET", "/search/?" + str(httpx.QueryParams({"q": wanted})))
        if found is not None and found.status_code == 200:
            seen += PRODUCT_LINK.findall(found.text)
        await self.think()
        # what a shopper opens: mostly something just seen, sometimes an old tab or bookmark
        # (never the rushed product: its 10 are for the rush alone)
        seen = [item for item in seen if item != self.crowd.rush_slug]
        slug = rng.choice(seen) if seen and rng.random() < 0.7 else rng.choice(
            [item for item in self.crowd.slugs if item != self.crowd.rush_slug])
        if rng.random() < 0.5 or time.monotonic() >= self.crowd.deadline:
            await self.request("open product", "GET", f"/products/{slug}/", expect=(200, 404, 410))
            return
        await self.buy(slug)

    async def buy(self, slug: str) -> None:
        product = await self.request("open product", "GET", f"/products/{slug}/", expect=(200, 404, 410))
        if product is None or product.status_code != 200:
            return
        form = ADD_FORM.search(product.text)
        if form is None:  # not for sale (withdrawn, out of stock or a service without a form)
            return
        await self.think()
        if not await self.add(self.browser, form.group(0), "add to cart", f"/products/{slug}/"):
            return
        await self.request("cart", "GET", "/cart/")
        await self.think()
        await self.checkout(self.browser, card=self.card)

    async def add(self, browser: httpx.AsyncClient, form: str, step: str, path: str) -> bool:
        token = CSRF.search(form)
        variant = re.search(r'name="variant" value="([^"]+)"', form) or re.search(
            r'<option value="([^"]+)">', form)
        if token is None or variant is None:
            self.note(step, path, "no add-to-cart form fields")
            return False
        added = await self.request(step, "POST", "/cart/", browser=browser, expect=(302, 303), data={
            "csrfmiddlewaretoken": token.group(1), "variant": html.unescape(variant.group(1)), "quantity": "1"})
        return added is not None and added.status_code in (302, 303)

    def _details(self, token: str, card: bool) -> dict[str, str]:
        email = self.account[0] if self.account else f"khach{self.number}@example.vn"
        return {"csrfmiddlewaretoken": token, "email": email, **ADDRESS, "payment_method": "card" if card else "cod"}

    async def checkout(self, browser: httpx.AsyncClient, *, card: bool) -> None:
        page = await self.request("checkout: form", "GET", "/checkout/", browser=browser, expect=(200, 302))
        token = CSRF.search(page.text) if page is not None and page.status_code == 200 else None
        if token is None:
            return
        await self.think()
        step = "checkout: choose card" if card else "checkout: place order (COD)"
        placed = await self.request(step, "POST", "/checkout/", browser=browser, data=self._details(
            token.group(1), card), expect=(303, 302, 400, 409))
        if placed is None or placed.status_code not in (302, 303):
            return
        if not card:
            await self.request("confirmation", "GET", placed.headers["location"], browser=browser)
            return
        pay = await self.request("card: payment page", "GET", "/checkout/pay/", browser=browser)
        payment = PAYMENT.search(pay.text) if pay is not None and pay.status_code == 200 else None
        token = CSRF.search(pay.text) if pay is not None else None
        if payment is None or token is None:
            if pay is not None and pay.status_code == 200:
                self.note("card: payment page", "/checkout/pay/", "no payment token on the card page")
            return
        card_id = await self.card_token()
        if card_id is None:
            return
        paid = await self.request("card: pay", "POST", "/checkout/pay/", browser=browser, expect=(302, 303), data={
            "csrfmiddlewaretoken": token.group(1), "payment": html.unescape(payment.group(1)),
            "payment_method": card_id})
        if paid is not None and paid.status_code in (302, 303):
            await self.request("confirmation", "GET", paid.headers["location"], browser=browser)

    async def card_token(self) -> str | None:
        """The card Stripe.js would hand the page (localstripe's tokens: the browser's part, not the shop's)."""
        async with httpx.AsyncClient(timeout=30) as stripe:
            try:
                answer = await stripe.post(f"{self.crowd.stripe}/v1/tokens", data={
                    "card[number]": "4242424242424242", "card[exp_month]": "12", "card[exp_year]": "2030",
                    "card[cvc]": "123", "key": self.crowd.publishable_key})
                return answer.raise_for_status().json()["card"]["id"]
            except (httpx.HTTPError, KeyError, ValueError) as error:
                self.note("card: token from localstripe", "/v1/tokens", f"localstripe: {type(error).__name__}")
                return None

    async def rush(self) -> None:
        """At the rush's moment, in a tab of its own (the journeys go on): a fresh cart with the rushed product, the
        checkout opened, then submitted together with every other shopper; what this shopper saw goes into the
        crowd's outcomes."""
        await asyncio.sleep(max(0.0, self.crowd.rush_at - time.monotonic()))
        browser = self._browser()
        outcome = "no cart"
        try:
            path = f"/products/{self.crowd.rush_slug}/"
            product = await self.request("rush: open product", "GET", path, browser=browser)
            form = ADD_FORM.search(product.text) if product is not None else None
            ready = form is not None and await self.add(browser, form.group(0), "rush: add to cart", path)
            page = await self.request("rush: checkout form", "GET", "/checkout/", browser=browser) if ready else None
            token = CSRF.search(page.text) if page is not None else None
            assert self.crowd.rush_gate is not None
            try:
                async with asyncio.timeout(180):
                    await self.crowd.rush_gate.wait()
            except TimeoutError:
                outcome = "never released (others too slow)"
                return
            if token is None:
                return
            placed = await self.request("rush: place order at once", "POST", "/checkout/", browser=browser,
                                        expect=(303, 400), data=self._details(token.group(1), False))
            outcome = classify_rush(placed.status_code if placed else None, placed.text if placed else "")
            if outcome == "order" and placed is not None:
                await self.request("confirmation", "GET", placed.headers["location"], browser=browser)
        finally:
            self.crowd.rush_outcomes.append(outcome)
            await browser.aclose()


def title(text: str) -> str:
    """A page's title, briefly (with DEBUG on, a 500's title names the exception): ": title" or ""."""
    found = re.search(r"<title>(.*?)</title>", text, re.S)
    return f": {' '.join(html.unescape(found.group(1)).split())[:90]}" if found else ""


def shown_error(text: str) -> str:
    """The first error message a page shows (its first shown ``errorlist``), briefly: ": message" or ""."""
    found = re.search(r'<(ul|p) class="errorlist"(?![^>]*hidden)[^>]*>(.*?)</\1>', text, re.S)
    if found is None:
        return ""
    message = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found.group(2))).split())
    return f": {message[:90]}" if message else ""


def classify_rush(status: int | None, text: str) -> str:
    """What a rush shopper saw after submitting the checkout."""
    if status in (302, 303):
        return "order"
    if status is None:
        return "no answer"
    if status == 400 and OUT_OF_STOCK in text:
        return "out of stock"
    busy = "Many shoppers" in text or "Nhiều người" in text
    return f"{status}{' (busy)' if busy else ''} without \"hết hàng\""


async def run_crowd(crowd: Crowd, shoppers: int, seed: int, side: Callable[[], object]) -> None:
    """``shoppers`` shoppers until the deadline, with ``side()`` (a coroutine: the plugin and staff) alongside."""
    crowd.rush_gate = asyncio.Barrier(shoppers)
    rng = random.Random(seed)
    crowd_of = [Shopper(crowd, number, random.Random(rng.random())) for number in range(shoppers)]
    tasks = [asyncio.create_task(shopper.run()) for shopper in crowd_of]
    tasks += [asyncio.create_task(shopper.rush()) for shopper in crowd_of]
    await asyncio.gather(side(), *tasks)
