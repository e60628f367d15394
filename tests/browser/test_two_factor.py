"""User journey: a user turns on two-step verification and from then on logs in with a code."""
import base64
import hashlib
import hmac
import struct
import time

from selenium.webdriver.common.by import By

from conftest import BASE_URL, login, logout, shot, submit


def totp(key_text):
    """RFC 6238 code for the base32 key as shown on the set-up page."""
    key = base64.b32decode(key_text.replace(" ", "") + "=" * (-len(key_text.replace(" ", "")) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
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
    browser.find_element(By.ID, "code").send_keys(totp(key))
    submit(browser)
    assert "Tweestapsverificatie staat aan." in browser.page_source
    logout(browser)

    login(browser, "gert@demo.regie.nl")
    assert "/login/code" in browser.current_url
    browser.find_element(By.ID, "code").send_keys(totp(key))
    submit(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Welkom, Gert GGZ"
