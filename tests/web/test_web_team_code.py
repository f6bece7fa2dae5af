"""A seat's team code: where a student finds it, and how a second device (or a classmate) joins with it."""

from __future__ import annotations

import pytest
from pages import join, no_overlapping_controls, tab, take_seat
from playwright.sync_api import expect


@pytest.fixture
def server(host):
    return host("--scenario", "moscow-2020", "--seed", "3")


def test_a_student_on_a_second_device_finds_the_code_on_the_first_and_joins_their_own_seat(server, contexts):
    laptop = contexts().new_page()
    join(laptop, server, "Ayla")
    laptop.get_by_role("button", name="Take Turkey").first.click()
    # The briefing, the first thing read after taking a seat, shows the code; so does the Seats tab.
    code = laptop.locator(".team-code strong").inner_text()
    assert code.strip()
    laptop.click("#to-table")
    tab(laptop, "seats")
    expect(laptop.locator(".team-code strong")).to_have_text(code)
    tab(laptop, "briefing")
    expect(laptop.locator(".team-code strong")).to_have_text(code)

    phone = contexts(390, 844).new_page()
    join(phone, server, "Ayla")
    field = phone.get_by_label("Team code for Turkey")
    expect(field).to_be_visible()
    no_overlapping_controls(phone)
    turkey = phone.locator("li", has_text="Turkey")
    turkey.get_by_role("button", name="Join the team").click()
    # Told where the code is, in words that hold when the holder is the student themself.
    alert = phone.get_by_role("alert")
    expect(alert).to_contain_text("on another device")
    expect(alert).to_contain_text("a device already playing the seat shows it")
    assert "ask them" not in alert.inner_text()
    field.fill(code)
    field.press("Enter")
    expect(phone.get_by_role("heading", name="You are Turkey")).to_be_visible()
    expect(phone.locator(".team-code strong")).to_have_text(code)


def test_a_held_seats_code_field_is_labelled_beside_its_seat_on_a_phone(server, contexts):
    ada = contexts().new_page()
    join(ada, server, "Ada")
    take_seat(ada, "Turkey")
    phone = contexts(390, 844).new_page()
    join(phone, server, "Bo")
    label = phone.locator("li", has_text="Turkey").locator("label", has_text="Team code for Turkey")
    expect(label).to_be_visible()
    expect(label.locator("input")).to_be_visible()
