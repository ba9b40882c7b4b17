"""An Afero ASR module's UART, for standin-console --firmware afero-asr (not Afero's firmware).

The module is a `probe` unit: J-Link Commander flashes its regions at the addresses of LAYOUT
(the slot map's `regions:` must name the same). Its ids are burnt in before it is programmed,
and its boot ROM reports them on the UART (`ids`) even on a blank module, which is how a
programming station records the module before flashing it; they are derived from the unit's id,
so they are stable, and kept in its state (`afero` in `standin-device show`) the first time they
are asked for. Every other command needs the app: a module without one prints nothing (an empty
line, which a station skips, so it waits and times out as on a silent UART).

Commands (one reply line each): help, ping (pong), ids (device_id=<16 hex> association_id=<24
hex> company_code=<4 hex> ble_mac=<MAC> [wifi_mac=<MAC>]), selftest (PASS), ftm (factory test
mode: the module raises its Wi-Fi access point, FTM ON; it lasts until a probe tool reaches
the module again, as J-Link Commander's scripts reset it), reboot (leaves factory test mode,
BOOT). Anything else: ERROR unknown command.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import standin_flash as sf  # noqa: E402
import standin_state as st  # noqa: E402

# Where the module's images live (the factory programmer's memory map for the module).
LAYOUT = {"bootloader": 0x00000, "profile": 0x10000, "app": 0x20000, "wifi": 0x60000}

# Every module of a fleet carries the partner's company code.
COMPANY_CODE = st.derived("afero-asr-fleet", "company_code", 4).upper()


def holds(device, region):
    """True when the region's first bytes are not erased: something was flashed there."""
    return sf.Flash(device).not_erased(LAYOUT[region], 16)


def running(device):
    return holds(device, "app")


def mac(first, key, purpose):
    rest = st.derived(key, purpose, 10).upper()
    return ":".join(["%02X" % first] + [rest[i : i + 2] for i in range(0, 10, 2)])


def ids(device):
    """The module's burnt-in ids, kept in its state once derived."""
    known = device.state.get("afero")
    if known:
        return known
    key = device.key
    known = {
        "device_id": st.derived(key, "afero_device_id", 16).upper(),
        "association_id": st.derived(key, "afero_association_id", 24).upper(),
        "company_code": COMPANY_CODE,
        # A static random BLE address: the two top bits of the first byte are set.
        "ble_mac": mac(0xEA, key, "afero_ble_mac"),
        "wifi_mac": mac(0x02, key, "afero_wifi_mac"),
    }
    with device.locked():
        device.state["afero"] = known
    return known


def flash_mark(device):
    """How many tool calls reached the module: factory test mode ends when a probe tool reaches it
    again (J-Link Commander's scripts reset the module), and with any change of its flash."""
    try:
        with open(os.path.join(device.folder, "calls.log"), "rb") as f:
            calls = sum(1 for _ in f)
    except FileNotFoundError:
        calls = 0
    flash = json.dumps(device.state.get("flash", []), sort_keys=True)
    return st.sha256(("%d:%s" % (calls, flash)).encode())


def in_test_mode(device):
    return device.state.get("afero_ftm") == flash_mark(device)


def reply(device, line):
    command = line.strip()
    if command != "ids" and not running(device):
        return ""
    if command == "help":
        return "commands: help, ping, ids, selftest, ftm, reboot"
    if command == "ping":
        return "pong"
    if command == "ids":
        known = ids(device)
        keys = ["device_id", "association_id", "company_code", "ble_mac"]
        if holds(device, "wifi"):
            keys.append("wifi_mac")
        return " ".join("%s=%s" % (k, known[k]) for k in keys)
    if command == "selftest":
        return "PASS"
    if command == "ftm":
        if not holds(device, "wifi"):
            return "ERROR no Wi-Fi firmware"
        with device.locked():
            device.state["afero_ftm"] = flash_mark(device)
        return "FTM ON"
    if command == "reboot":
        with device.locked():
            device.state.pop("afero_ftm", None)
        return "BOOT"
    return "ERROR unknown command '%s'; try help" % command
