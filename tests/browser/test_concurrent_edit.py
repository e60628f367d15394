"""User journey (issue 10): two professionals have the same case open and both change the plan's context. The one
who saves second is not allowed to overwrite silently: Regie shows what the colleague changed, keeps her text, and
saves it only when she sends it again."""
import pytest
from selenium.webdriver.common.by import By

from conftest import login, new_browser, shot
from test_case_work import TODAY, open_case, send
from test_signals import switch_to


@pytest.fixture
def second_browser():
    """A second, separate browser: the colleague at another desk."""
    driver = new_browser()
    yield driver
    driver.quit()


def test_second_save_on_a_stale_page_shows_what_changed(browser, second_browser):
    case = open_case(browser, "Gelijktijdig")
    send(browser, "/lawful-basis", {"basis_note": "Wmo-onderzoek"}, selects=[("basis", "Wettelijke taak")])
    send(browser, "/director", {"director_from": TODAY}, selects=[("director", "Carla Casus")])
    send(browser, "/plan", {"context": "Eerste opzet."})

    # Both have the case open.
    login(second_browser, "carla@demo.regie.nl")
    switch_to(second_browser, "Enschede")
    second_browser.get(case)
    browser.get(case)

    send(browser, "/plan/context", {"context": "Huurachterstand; Els wil een budgetcoach."})
    assert "Opgeslagen." in browser.page_source

    send(second_browser, "/plan/context", {"context": "Mo gaat niet naar school; eerst leerplicht erbij."})
    page = second_browser.page_source
    assert "Niet opgeslagen: een collega heeft dit deel van het dossier gewijzigd" in page
    assert "Intussen gewijzigd — het plan" in page
    assert "Teun" in page and "Context van plan versie 1 bijgewerkt" in page
    assert "Huurachterstand; Els wil een budgetcoach." in page, "what is stored now is shown"
    kept = second_browser.find_element(By.ID, "context").get_attribute("value")
    assert kept == "Mo gaat niet naar school; eerst leerplicht erbij.", "her input is kept"
    shot(second_browser, "stale-plan-save")
    second_browser.find_element(By.LINK_TEXT, "Naar het formulier").click()
    shot(second_browser, "stale-plan-form")

    # She combines both and saves again on purpose: now it lands.
    send(second_browser, "/plan/context",
         {"context": "Huurachterstand; Els wil een budgetcoach. Mo gaat niet naar school."})
    assert "Niet opgeslagen" not in second_browser.page_source
    browser.get(case)
    stored = browser.find_element(By.ID, "context").get_attribute("value")
    assert stored == "Huurachterstand; Els wil een budgetcoach. Mo gaat niet naar school."
