"""The serial console of a stand-in Particle unit (standin-console --firmware particle): what the
manufacturing test firmware and the production firmware print over USB serial, answered from the
unit's state, so it reflects what the particle stand-in did to the unit.

A unit in listening mode (setup-done flag not set, or not yet reset after setting it) answers every
line with LISTENING, as a Gen 3 device blinking blue does not run the application. Otherwise:
help, ping (pong), version (the Device OS version flashed, or none), identify (device_id, imei,
iccid as key=value lines on one line), mode (NORMAL) and selftest: PASS, or FAIL and why when no
user firmware was flashed or when Device OS 3.0.0 or later runs with an NCP older than 0.0.7."""

NCP_FACTORY = "0.0.5"
NCP_MINIMUM_FOR_OS3 = "0.0.7"


def _numbers(version):
    parts = []
    for part in version.split("."):
        digits = "".join(c for c in part if c.isdigit())
        parts.append(int(digits) if digits else 0)
    return parts


def _at_least(version, minimum):
    return _numbers(version) >= _numbers(minimum)


def _selftest(state):
    firmware = state.get("firmware", {})
    if "user" not in firmware:
        return "FAIL no user firmware: flash the manufacturing test firmware to the user region"
    system = firmware.get("system", {}).get("version") or state.get("system_firmware", "")
    ncp = firmware.get("ncp", {}).get("version") or NCP_FACTORY
    if system and _at_least(system, "3.0.0") and not _at_least(ncp, NCP_MINIMUM_FOR_OS3):
        return (f"FAIL NCP firmware {ncp} is too old for Device OS {system}: flash NCP "
                f"{NCP_MINIMUM_FOR_OS3} or later to the ncp region")
    return "PASS"


def reply(device, line):
    state = device.state
    if state.get("listening"):
        return "LISTENING"
    command = line.strip()
    if command == "help":
        return "commands: help, ping, version, identify, mode, selftest"
    if command == "ping":
        return "pong"
    if command == "version":
        return state.get("firmware", {}).get("system", {}).get("version") or "none"
    if command == "identify":
        return f"device_id={state['device_id']} imei={state.get('imei', '')} iccid={state.get('iccid', '')}"
    if command == "mode":
        return "NORMAL"
    if command == "selftest":
        return _selftest(state)
    return f"ERROR unknown command '{command}'; try help"
