"""The chat page in a real browser (Playwright driving Debian's chromium),
against the whole running stack: web front, Rasa, action server.
Screenshots at 360 px and 1280 px go to results/screenshots/."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from bot import run as run_module
from bot import settings as settings_module
from helpers import free_port

ROOT = settings_module.ROOT
CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "results" / "screenshots"
TOKEN = "operator-token-for-tests"
# Flags from this machine's notes: no background connections to Google's hosts.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]



def _twelve_weeks_of_counts(path):
    """What an operator would see after a quarter: some topics large, some
    small, some weeks hidden."""
    from bot.stats import weeks
    from bot.stats.store import StatsStore

    cells = {}
    sizes = {"fear_child_welfare": 30, "fear_driving_licence": 24, "seek_help_self": 20, "worried_about_other": 16,
             "fear_police": 12, "ask_privacy": 8, "gambling_problem": 6, "crisis_suicidal": 5, "ask_treatment": 4}
    for i, week in enumerate(weeks.complete_weeks(weeks.now(), 12)):
        cells[(week, "conversations", "")] = 120 + 3 * i
        for n, (intent, size) in enumerate(sizes.items()):
            cells[(week, "intent", intent)] = size + (i * (n % 3)) // 2
        cells[(week, "crisis_answer", "")] = 5 + i % 3
        cells[(week, "fallback", "nlu")] = 9
        cells[(week, "feedback", "positive")] = 7
        cells[(week, "service_shown", "rusinfo")] = 14
    StatsStore(path).add(cells)


@pytest.fixture(scope="module")
def site(model_path, tmp_path_factory):
    """The stack plus a 'neutral' site on another port for the quick exit."""
    work = tmp_path_factory.mktemp("browser")
    (work / "neutral").mkdir()
    (work / "neutral" / "index.html").write_text("<!doctype html><title>Været</title><p>Været i morgen</p>")
    (work / "neutral" / "start.html").write_text("<!doctype html><title>Start</title><p>Startside</p>")
    neutral_port = free_port()
    (work / "neutral" / "kommune.html").write_text(
        "<!doctype html><html lang=nb><title>Kommunen</title><p>Kommunens side</p>"
        '<script src="__FRONT__static/embed.js" async></script>')
    neutral = subprocess.Popen([sys.executable, "-m", "http.server", str(neutral_port), "--bind", "127.0.0.1",
                                "--directory", str(work / "neutral")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    neutral_url = f"http://127.0.0.1:{neutral_port}/"
    settings = dataclasses.replace(
        settings_module.load(), action_port=free_port(), rasa_port=free_port(), web_port=free_port(),
        stats_path=work / "stats.sqlite3", operator_token=TOKEN, quick_exit_url=neutral_url,
        embed_origins=(neutral_url.rstrip("/"),),
    )
    _twelve_weeks_of_counts(settings.stats_path)
    host_page = work / "neutral" / "kommune.html"
    host_page.write_text(host_page.read_text().replace("__FRONT__", settings.web_url))
    venv = Path(sys.executable).parent
    log = open(work / "stack.log", "w")
    procs = [neutral]
    try:
        run_module.wait_until_up(neutral_url, neutral, 20)
        procs.append(run_module.start_actions(settings, venv, stdout=log, stderr=log))
        endpoints = run_module.write_endpoints(work / "endpoints.yml", settings)
        procs.append(run_module.start_rasa(settings, venv, endpoints, stdout=log, stderr=log))
        procs.append(run_module.start_web(settings, venv, stdout=log, stderr=log))
        yield settings.web_url, neutral_url
    finally:
        run_module.stop(procs)
        log.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (scripts/install-chromium.sh).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(site[0])
    yield page
    context.close()


def say(page, text):
    before = page.locator(".msg.bot").count()
    page.fill("#message", text)
    page.keyboard.press("Enter")
    # Locator waits, not wait_for_function: the page's CSP forbids the eval that needs.
    page.locator(".msg.bot").nth(before).wait_for(timeout=30_000)
    page.wait_for_selector("#typing", state="hidden")
    return page.locator(".msg.bot").last.inner_text()


def test_a_conversation_with_quick_replies_and_no_other_host(page, site):
    say(page, "hei")
    answer = say(page, "kan jeg miste førerkortet hvis jeg forteller legen at jeg drikker?")
    assert "førerkort" in page.locator("#log").inner_text().lower()
    assert page.locator(".quick button").count() >= 2
    page.locator(".quick button", has_text="Ja").first.click()
    page.locator(".msg.bot", has_text="opplysning fra").first.wait_for(timeout=30_000)
    assert page.locator(".msg.user").last.inner_text().endswith("Ja, vis meg")
    assert answer
    assert page.requests and all(url.startswith(site[0]) for url in page.requests), page.requests


def test_a_crisis_message_shows_the_numbers(page):
    say(page, "jeg orker ikke mer, vil bare dø")
    log = page.locator("#log").inner_text()
    assert "116 123" in log and "22 40 00 40" in log


def test_english_is_offered_and_every_message_carries_its_language(page):
    """Norsk / English on the page; `lang` on the page and on each message, so
    screen readers pronounce each in its own language."""
    assert page.locator("html").get_attribute("lang") == "nb"
    say(page, "Hi, will my employer find out if I ask my GP for help with drinking?")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".msg.user").last.get_attribute("lang") == "en"
    assert page.locator(".msg.bot").last.get_attribute("lang") == "en"
    assert page.locator("#quick-exit").inner_text() == "Quick exit"
    assert page.locator(".emergency").inner_text().startswith("Emergency")
    page.locator("button.lang", has_text="Norsk").click()
    assert page.locator("html").get_attribute("lang") == "nb"
    assert page.locator("button.lang", has_text="Norsk").get_attribute("aria-pressed") == "true"
    say(page, "kan sjefen få vite det?")
    assert page.locator(".msg.bot").last.get_attribute("lang") in ("nb", "nn")


def test_a_message_in_another_language_is_answered_in_it(page):
    say(page, "Chcę się zabić")
    bot = page.locator(".msg.bot").last
    assert bot.get_attribute("lang") == "pl"
    assert "113" in page.locator("#log").inner_text()


def test_the_emergency_line_is_always_there(page, site):
    line = page.locator(".emergency")
    assert line.is_visible()
    for number in ("113", "112", "116 123", "22 40 00 40"):
        assert number in line.inner_text()


def test_quick_exit_leaves_and_back_does_not_return(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site[1] + "start.html")
    page.goto(site[0])
    say(page, "hei")
    page.click("#quick-exit")
    page.wait_for_url(site[1])
    page.go_back()
    assert page.url == site[1] + "start.html"
    page.goto(site[0])
    page.keyboard.press("Escape")  # the Escape key does the same
    page.wait_for_url(site[1])
    context.close()


def test_another_site_shows_the_widget_with_one_line(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site[1] + "kommune.html")  # a page with no charset of its own
    page.get_by_role("button", name="Spør trygt – anonym chat").click()
    chat = page.frame_locator("iframe[title='Spør trygt – anonym chat']")
    chat.locator("#message").fill("hei")
    chat.locator("#message").press("Enter")
    chat.locator(".msg.bot").nth(1).wait_for(timeout=30_000)
    assert "113" in chat.locator(".emergency").inner_text()
    context.close()


def test_markup_shows_as_text_and_runs_nothing(page):
    page.evaluate("window.__ran = false")
    attack = '<img src=x onerror="window.__ran=true"><script>window.__ran=true</script>'
    say(page, attack)
    assert page.locator(".msg.user").last.inner_text().endswith(attack)
    assert page.locator("#log img, #log script").count() == 0
    # The assistant's text is rendered the same way: feed the widget a reply with markup.
    page.route("**/webhooks/rest/webhook", lambda route: route.fulfill(
        status=200, content_type="application/json",
        body='[{"text": "<img src=x onerror=\\"window.__ran=true\\"> se https://lovdata.no og javascript:alert(1)"}]'))
    say(page, "test")
    assert page.locator("#log img").count() == 0
    assert page.evaluate("window.__ran") is False
    links = page.locator(".msg.bot a")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == ["https://lovdata.no"]


def test_a_network_failure_offers_a_retry(page):
    page.route("**/webhooks/rest/webhook", lambda route: route.abort())
    page.fill("#message", "hei")
    page.keyboard.press("Enter")
    page.wait_for_selector(".retry")
    page.unroute("**/webhooks/rest/webhook")
    page.click(".retry")
    page.locator(".msg.bot").nth(1).wait_for(timeout=30_000)


def test_no_cookie_or_web_storage_on_the_chat_page(page):
    say(page, "hei")
    assert page.context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_the_operator_page_needs_the_token_and_shows_charts(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site[0] + "operator")
    assert page.locator("svg").count() == 0
    page.fill("#token", "wrong")
    page.click("button[type=submit]")
    assert "Feil" in page.inner_text("body") and page.locator("svg").count() == 0
    page.fill("#token", TOKEN)
    page.click("button[type=submit]")
    page.wait_for_selector("svg")
    assert page.locator(".chart svg").count() == 7  # every metric in full
    assert "Siste hele uke" in page.inner_text(".summary")
    first = page.locator(".summary tbody tr").first.inner_text().split("\t")
    assert first[0] == "Hjelp for seg selv" and first[1] == "31"  # the most asked topic first, by name
    assert "fear_child_welfare" not in page.inner_text("body")
    assert "må sjekkes" in page.inner_text(".attention")
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_operator_page_reads_at_a_glance_on_a_phone_and_a_screen(browser, site, width):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site[0] + "operator")
    page.fill("#token", TOKEN)
    page.click("button[type=submit]")
    page.wait_for_selector(".summary")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"operator-{width}.png"), full_page=True)
    if width == 1280:  # what a board meeting gets on paper
        page.emulate_media(media="print")
        page.pdf(path=str(SHOTS / "operator-a4.pdf"), format="A4")
        page.emulate_media(media="screen")
    assert results.violations_count == 0, results.generate_report()
    # The summary fits the screen: no sideways scrolling of the page itself.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_no_accessibility_violations_at_level_aa_and_screenshots(browser, site, width):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site[0])
    say(page, "hei")
    say(page, "mister jeg lappen?")
    say(page, "what if i am on LAR?")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"chat-{width}.png"), full_page=True)
    assert results.violations_count == 0, results.generate_report()
    context.close()


def test_usable_at_200_percent_zoom(browser, site):
    # 200 % zoom on a 720 px window is a 360 px layout at double scale.
    context = browser.new_context(viewport={"width": 360, "height": 400}, device_scale_factor=2)
    page = context.new_page()
    page.goto(site[0])
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    for selector in ("#quick-exit", "#message", "button[type=submit]"):
        assert page.locator(selector).is_visible()
    context.close()
