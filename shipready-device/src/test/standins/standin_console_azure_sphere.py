"""The console of the Azure Sphere line's functional-test application, for standin-console.

The application answers on the peripheral UART only while it is installed on the unit (as the
functional_test step of lines/azure-sphere/programming.yaml expects): help, ping, selftest (PASS),
deviceid. Without an application installed nothing answers, as on a real board."""

FUNCTIONAL_TEST = "77a74c44-697e-4aed-b8fc-35b3d7f9542e"


def reply(device, line):
    images = device.state.get("images", [])
    if not any(i.get("image_type") == "Applications" for i in images):
        return ""
    if line == "help":
        return "commands: help, ping, selftest, deviceid"
    if line == "ping":
        return "pong"
    if line == "selftest":
        if not any(i.get("component_id") == FUNCTIONAL_TEST for i in images):
            return "ERROR selftest needs the functional test application"
        return "PASS"
    if line == "deviceid":
        return device.state["device_id"]
    return f"ERROR unknown command '{line}'; try help"
