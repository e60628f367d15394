"""Shared fixtures for the browser tests: a headless Chromium against a running `regie serve --demo`."""
import os
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

BASE_URL = os.environ.get("REGIE_URL", "http://127.0.0.1:8181")
SHOTS = pathlib.Path(os.environ.get("REGIE_SCREENSHOTS", ".build/screenshots"))
DEMO_PASSWORD = "regie-demo-2026"


def new_browser():
    """A headless Chromium with its own cookies, as a professional at their own desk."""
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=nl"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    return driver


@pytest.fixture
def browser():
    driver = new_browser()
    yield driver
    driver.quit()


def shot(driver, name):
    """Keeps a screenshot of the current page as a CI artifact."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    label = os.environ.get("REGIE_BACKEND", "sqlite")
    driver.save_screenshot(str(SHOTS / f"{label}-{name}.png"))


def submit(driver, selector="form.form button[type=submit]", element=None):
    """Clicks a submit button (by selector, or the element given) and waits until the next page has replaced
    this one (Post/Redirect/Get)."""
    driver.execute_script("window.regieOldPage = true")
    (element or driver.find_element(By.CSS_SELECTOR, selector)).click()

    def replaced(d):
        return d.execute_script("return window.regieOldPage === undefined && document.readyState === 'complete'")

    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(replaced)


def login(driver, email, password=DEMO_PASSWORD):
    driver.get(BASE_URL + "/login")
    driver.find_element(By.ID, "email").clear()
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    submit(driver)


def logout(driver):
    submit(driver, "form.logout button")


class MailSink:
    """A real SMTP server (aiosmtpd) that keeps what Regie sends, for asserting what e-mails contain."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), envelope.content.decode("utf-8", "replace")))
        return "250 OK"


@pytest.fixture(scope="session")
def mail_sink():
    """The SMTP sink on REGIE_SMTP_PORT, where the server under test (started with --smtp) delivers."""
    from aiosmtpd.controller import Controller

    sink = MailSink()
    controller = Controller(sink, hostname="127.0.0.1", port=int(os.environ.get("REGIE_SMTP_PORT", "8125")))
    controller.start()
    yield sink
    controller.stop()
