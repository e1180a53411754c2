"""Which local address the room offers, and what the facilitator is told about the network.

Adapters here are made up, with documentation addresses (RFC 5737) only: the
tests never look at, print or use this machine's own network addresses.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from rater_desktop.room.addresses import advice, advice_text, join_url, local_addresses


def adapter(name: str, *ips) -> SimpleNamespace:
    return SimpleNamespace(name=name, nice_name=name, ips=[SimpleNamespace(ip=ip) for ip in ips])


def test_the_phones_network_comes_first_and_unusable_addresses_are_left_out():
    found = local_addresses([
        adapter("docker0", "198.51.100.1"),
        adapter("lo", "127.0.0.1", ("::1", 0, 0)),
        adapter("eth0", "203.0.113.20", ("fe80::1", 0, 2)),
        adapter("wlp2s0", "192.0.2.15"),
    ])
    assert [(a.ip, a.kind) for a in found] == [
        ("192.0.2.15", "wifi"), ("203.0.113.20", "wired"), ("198.51.100.1", "virtual")]


@pytest.mark.parametrize(("name", "kind"), [
    ("Wi-Fi", "wifi"), ("wlan0", "wifi"), ("Ethernet 2", "wired"), ("en7", "wired"),
    ("vEthernet (WSL)", "virtual"), ("VirtualBox Host-Only Network", "virtual"), ("tailscale0", "virtual"),
    ("Local Area Connection* 10 (Microsoft Wi-Fi Direct Virtual Adapter)", "hotspot"), ("mystery", "other"),
])
def test_adapter_kinds_are_guessed_from_names_on_every_system(name, kind):
    assert local_addresses([adapter(name, "192.0.2.9")])[0].kind == kind


def test_no_usable_network_says_how_to_start_a_hotspot_on_each_system():
    only_virtual = local_addresses([adapter("docker0", "198.51.100.1")])
    assert advice(only_virtual, "linux")[0] == "no_network"
    assert "Mobile hotspot" in advice_text("no_network", "win32")
    assert "hotspot" in advice_text("no_network", "darwin") and "hotspot" in advice_text("no_network", "linux")


def test_guest_wifi_is_always_mentioned_and_the_firewall_only_on_windows():
    wifi = local_addresses([adapter("Wi-Fi", "192.0.2.15")])
    assert advice(wifi, "linux") == ["guest_wifi"]
    assert advice(wifi, "win32") == ["guest_wifi", "firewall"]
    assert "Allow" in advice_text("firewall")


def test_join_url_puts_the_room_code_in_the_path():
    assert join_url("192.0.2.15", 8765, "abc_-123") == "http://192.0.2.15:8765/j/abc_-123"
