"""Profile journey (issue 8), Amsterdam's MPG approach: a gezinsmanager signals, the coördinator risicogezinnen
opens the case and sets the family level, escalates it to MPG3; the procesmanager is told and sees levels and
process facts only, never the reasons."""
import time

from conftest import BASE_URL, login, logout, shot
from test_case_work import open_case, send


def test_amsterdam_levels_and_process_only_view(browser):
    case = open_case(browser, "Niveau" + str(int(time.time()))[-5:], reporter="gina@demo.regie.nl",
                     director="ravi@demo.regie.nl", network="Amsterdam", city="Amsterdam", postcode="1055 ZZ")
    assert "Gezinsniveau" in browser.page_source and "Nog geen gezinsniveau vastgesteld." in browser.page_source

    send(browser, "/family-level", {"family-level-reason": ""}, selects=[("family-level", "1 —")])
    assert "Vul dit veld in." in browser.page_source, "a level needs a reason"
    send(browser, "/family-level", {"family-level-reason": "Zorgmijdend gezin, geen indicatie"},
         selects=[("family-level", "1 —")])
    assert "Gezinsniveau vastgesteld." in browser.page_source
    send(browser, "/family-level", {"family-level-reason": "Ondertoezichtstelling uitgesproken"},
         selects=[("family-level", "3 —")])
    assert "3 — MPG met jeugdbeschermings- of jeugdreclasseringsmaatregel" in browser.page_source
    assert "Het proces ligt bij: procesmanager" in browser.page_source
    browser.execute_script("document.getElementById('family-level').scrollIntoView()")
    shot(browser, "amsterdam-family-level")
    logout(browser)

    login(browser, "paul@demo.regie.nl")
    browser.get(BASE_URL + "/notifications")
    assert "Een gezin is van niveau veranderd" in browser.page_source, "the procesmanager is told"
    browser.get(case)
    assert "3 — MPG met jeugdbeschermings- of jeugdreclasseringsmaatregel" in browser.page_source
    assert "Ondertoezichtstelling" not in browser.page_source, "process facts only, no reasons"
    assert "Huurachterstand" not in browser.page_source, "no content"
    shot(browser, "amsterdam-process-view")
    browser.get(BASE_URL + "/cases")
    assert "3 · procesmanager" in browser.page_source
    logout(browser)
