"""User journey: a user turns on two-step verification and from then on logs in with a code."""
import base64
import hashlib
import hmac
import struct
import time

from selenium.webdriver.common.by import By

from conftest import BASE_URL, login, logout, shot, submit


def totp(key_text, step=None):
    """RFC 6238 code for the base32 key as shown on the set-up page, for the current or a given time step."""
    key = base64.b32decode(key_text.replace(" ", "") + "=" * (-len(key_text.replace(" ", "")) % 8))
    step = int(time.time()) // 30 if step is None else step
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def test_enable_totp_then_login_with_code(browser):
    login(browser, "gert@demo.regie.nl")
    browser.get(BASE_URL + "/account/totp")
    key = browser.find_element(By.ID, "totp-key").text
    shot(browser, "totp-setup")
    browser.find_element(By.ID, "code").send_keys("000000")
    submit(browser)
    assert "Deze code klopt niet." in browser.page_source
    used = int(time.time()) // 30
    browser.find_element(By.ID, "code").send_keys(totp(key, used))
    submit(browser)
    assert "Tweestapsverificatie staat aan." in browser.page_source
    shot(browser, "account")
    logout(browser)

    login(browser, "gert@demo.regie.nl")
    assert "/login/code" in browser.current_url
    # Each code works once; the next step's code is accepted within the allowed clock drift.
    browser.find_element(By.ID, "code").send_keys(totp(key, used))
    submit(browser)
    assert "Deze code klopt niet." in browser.page_source
    browser.find_element(By.ID, "code").send_keys(totp(key, used + 1))
    submit(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Welkom, Gert GGZ"
