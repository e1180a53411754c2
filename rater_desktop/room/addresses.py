"""The laptop's local addresses a phone in the room could reach, and advice about them.

Read with ifaddr (no network traffic, no DNS).  Only IPv4: a phone's camera
app opens ``http://192.0.2.7:8765/…`` from a QR code everywhere, while IPv6
link-local addresses need a zone index that browsers refuse.  Loopback and
self-assigned (169.254.x.x) addresses are left out; adapters of virtual
machines, containers and VPNs are kept but listed last, because the phones
are almost never on them.

Advice comes back as codes (``no_network``, ``guest_wifi``, ``firewall``) and
:func:`advice_text` words them in the current language, for the window and
the ``serve`` command alike.
"""

from __future__ import annotations

import ipaddress
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rater_desktop.i18n import _

KINDS: tuple[str, ...] = ("hotspot", "wifi", "wired", "other", "virtual")
"""Kinds of adapter, in the order they are offered (the phones' network first)."""

_NAME_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hotspot", ("hotspot", "hosted network", "wi-fi direct", "ap0", "bridge100")),
    ("virtual", ("docker", "br-", "veth", "virbr", "vmnet", "vbox", "virtualbox", "hyper-v", "vethernet",
                 "wsl", "tun", "tap", "wg", "utun", "zt", "tailscale", "vpn", "loopback", "npcap")),
    ("wifi", ("wl", "wi-fi", "wifi", "wireless", "wlan", "802.11", "airport")),
    ("wired", ("eth", "en", "ethernet", "lan", "gigabit", "realtek", "intel(r) ethernet")),
)


@dataclass(frozen=True)
class LocalAddress:
    """One IPv4 address of the laptop, with the adapter it belongs to."""

    ip: str
    adapter: str
    """the adapter's name as the system shows it (``Wi-Fi``, ``wlan0``, ``en0``)"""
    kind: str
    """one of :data:`KINDS`, guessed from the adapter's name"""


def adapter_kind(name: str) -> str:
    """Guess what an adapter is from its name; ``other`` when the name says nothing."""
    lowered = name.lower()
    for kind, hints in _NAME_HINTS:
        if any(lowered.startswith(hint) or (len(hint) > 3 and hint in lowered) for hint in hints):
            return kind
    return "other"


def local_addresses(adapters: Iterable[Any] | None = None) -> list[LocalAddress]:
    """Addresses a phone could use, most likely first (``adapters``: ifaddr's, for tests)."""
    if adapters is None:
        import ifaddr

        adapters = ifaddr.get_adapters()
    found: list[LocalAddress] = []
    for adapter in adapters:
        name = adapter.nice_name or adapter.name
        for entry in adapter.ips:
            if not isinstance(entry.ip, str):
                continue  # IPv6: see the module docstring
            try:
                ip = ipaddress.IPv4Address(entry.ip)
            except ValueError:
                continue
            if ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast:
                continue
            found.append(LocalAddress(str(ip), name, adapter_kind(name)))
    unique = {address.ip: address for address in found}
    return sorted(unique.values(), key=lambda a: KINDS.index(a.kind))


def join_url(host: str, port: int, code: str) -> str:
    """The address a phone opens: ``http://<host>:<port>/j/<room code>``."""
    return f"http://{host}:{port}/j/{code}"


def advice(addresses: list[LocalAddress], platform: str = sys.platform) -> list[str]:
    """What to tell the facilitator before the phones join, as codes for :func:`advice_text`."""
    codes = []
    if not any(a.kind != "virtual" for a in addresses):
        codes.append("no_network")
    codes.append("guest_wifi")
    if platform == "win32":
        codes.append("firewall")
    return codes


def advice_text(code: str, platform: str = sys.platform) -> str:
    """One of :func:`advice`'s codes in words, in the current language."""
    if code == "no_network":
        return _no_network_text(platform)
    if code == "guest_wifi":
        return _(
            "Guest and hotel Wi-Fi often keep devices apart: if phones cannot open the address, "
            "start a hotspot instead and connect the laptop and the phones to it."
        )
    if code == "firewall":
        return _(
            "Windows may ask whether to let RATER Report Card communicate on this network: choose "
            "Allow (private networks), or the phones cannot reach the laptop."
        )
    raise KeyError(code)


def _no_network_text(platform: str) -> str:
    first = _("This laptop is on no network the phones could join.")
    if platform == "win32":
        how = _("Start a hotspot: Settings → Network & internet → Mobile hotspot, then connect the phones to it.")
    elif platform == "darwin":
        how = _(
            "Turn on one phone's personal hotspot (no mobile data needed), connect this laptop and the "
            "other phones to it, then start again."
        )
    else:
        how = _(
            "Start a hotspot from the Wi-Fi settings (Turn On Wi-Fi Hotspot), or use one phone's personal "
            "hotspot, connect the phones to it, then start again."
        )
    return f"{first} {how}"
