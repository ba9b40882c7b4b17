"""The RSSI receiver of an Afero validation fixture, for standin-console --firmware afero-rssi
(not Afero's software): SCPI lines over TCP, about the module in the fixture (the unit served).

  *IDN?            maker, model, serial (the unit's id), version
  MEAS:RSSI? BLE   the RSSI of the module's BLE advertisement in dBm; 9.91E37 when it does not
                   advertise (no app in its flash)
  MEAS:RSSI? WIFI  the RSSI of the access point the module raises in factory test mode; 9.91E37
                   when it is not in factory test mode or has no Wi-Fi image

A module carrying the `weak-radio` fault is heard 30 dB weaker. Anything else: an SCPI error line.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import standin_console_afero_asr as module  # noqa: E402

NOT_HEARD = "9.91E37"
NOMINAL = {"BLE": -55.0, "WIFI": -50.0}


def reply(device, line):
    command = " ".join(line.strip().upper().split())
    if command == "*IDN?":
        return "Shipready,AFERO-RSSI-STANDIN,%s,1.0" % device.key
    if command.startswith("MEAS:RSSI? "):
        band = command.split(" ", 1)[1]
        if band not in NOMINAL:
            return '-224,"Illegal parameter value"'
        heard = module.running(device) if band == "BLE" else module.in_test_mode(device)
        if not heard:
            return NOT_HEARD
        rssi = NOMINAL[band] - (30.0 if device.fault("weak-radio") else 0.0)
        return "%+.1f" % rssi
    return '-113,"Undefined header"'
