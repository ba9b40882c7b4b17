"""Stand-in for esptool (v4.7 command names and output): not the real tool. The `esptool` and
`esptool.py` scripts beside this file run main(). Units are the esp units in
$SHIPREADY_STANDIN_STATE, selected by --port. See README.md beside this file."""

import argparse
import hashlib
import os
import sys
import time
import zlib

import standin_flash as fl
import standin_state as st

VERSION = "4.7.0"
CHIPS = ["auto", "esp8266", "esp32", "esp32s2", "esp32s3", "esp32c3", "esp32c6", "esp32h2"]
NAMES = {"esp8266": "ESP8266", "esp32": "ESP32", "esp32s2": "ESP32-S2", "esp32s3": "ESP32-S3", "esp32c3": "ESP32-C3", "esp32c6": "ESP32-C6", "esp32h2": "ESP32-H2"}
TROUBLESHOOTING = "For troubleshooting steps visit: https://docs.espressif.com/projects/esptool/en/latest/troubleshooting.html"


class FatalError(st.ToolError):
    pass


def say(*lines):
    for line in lines:
        print(line)
    sys.stdout.flush()


def integer(text):
    try:
        return int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid arg_auto_int value: '{text}'")


def pairs(values):
    """address filename [address filename ...]"""
    if len(values) % 2:
        raise FatalError("Values for address and filename must be given in pairs")
    result = []
    for i in range(0, len(values), 2):
        try:
            address = int(values[i], 0)
        except ValueError:
            raise FatalError(f"Address \"{values[i]}\" must be a number")
        try:
            with open(values[i + 1], "rb") as f:
                result.append((address, values[i + 1], f.read()))
        except OSError as error:
            raise FatalError(f"Could not open {values[i + 1]}: {error.strerror}")
    return result


class Esp:
    def __init__(self, args, root):
        self.args = args
        self.root = root
        self.device = None

    def connect(self):
        args = self.args
        say(f"esptool.py v{VERSION}")
        if args.port:
            say(f"Serial port {args.port}")
            device = st.find(self.root, ["esp"], args.port)
            if device is None or device.fault("not-attached"):
                say("")
                raise FatalError(
                    f"Could not open {args.port}, the port is busy or doesn't exist.\n"
                    f"([Errno 2] could not open port {args.port}: [Errno 2] No such file or directory: '{args.port}')\n\n"
                    "Hint: Check if the port is correct and ESP connected\n"
                )
        else:
            found = st.attached(self.root, "esp")
            say("Found %d serial ports" % len(found))
            if len(found) != 1:
                raise FatalError(f"Could not connect to an Espressif device on any of the {len(found)} available serial ports.")
            device = found[0]
            say(f"Serial port {device.key}")
        device.log("esptool", sys.argv[1:])
        s = device.state
        if device.fault("no-chip"):
            say("Connecting......................................", "")
            raise FatalError(f"Failed to connect to {NAMES.get(args.chip, 'Espressif device')}: No serial data received.\n{TROUBLESHOOTING}")
        say("Connecting....")
        if args.chip == "auto":
            say(f"Detecting chip type... {s['chip_name']}")
        elif args.chip != s["chip"]:
            raise FatalError(f"This chip is {s['chip_name']}, not {NAMES[args.chip]}. Wrong --chip argument?")
        say(f"Chip is {s['chip_description']}", f"Features: {s['features']}", "Crystal is 40MHz", f"MAC: {s['mac']}")
        if device.fault("locked"):
            say("WARNING: Secure Download Mode is enabled: the stub flasher cannot run; continuing with the ROM loader.")
        elif not args.no_stub:
            say("Uploading stub...", "Running stub...", "Stub running...")
        if args.baud != 115200:
            say(f"Changing baud rate to {args.baud}", "Changed.")
        self.device = device
        return device

    def secure(self, what):
        if self.device.fault("locked"):
            raise FatalError(f"Secure Download Mode is enabled: {what} is not available.")

    def leave(self):
        if self.args.after == "hard_reset":
            say("Hard resetting via RTS pin...")
        elif self.args.after == "soft_reset":
            say("Soft resetting...")
        else:
            say("Staying in bootloader.")

    def seconds(self, length):
        return length * 10 / self.args.baud

    # -- operations ---------------------------------------------------------------------

    def write_flash(self, a):
        images = pairs(a.addr_filename)
        device = self.connect()
        say("Configuring flash size...")
        with device.locked():
            flash = fl.Flash(device)
            if a.erase_all:
                say("Erasing flash (this may take a while)...")
                flash.erase_all()
            for address, name, data in images:
                if address + len(data) > flash.size:
                    raise FatalError(
                        f"File {name} (length {len(data)}) at offset {address} will not fit in {flash.size} bytes of flash. "
                        "Change the --flash_size argument, or flashing address."
                    )
                end = address + len(data)
                say(f"Flash will be erased from 0x{address - address % fl.PAGE:08x} to 0x{(end + fl.PAGE - 1) // fl.PAGE * fl.PAGE - 1:08x}...")
                compressed = len(zlib.compress(data, 9))
                if not a.no_compress:
                    say(f"Compressed {len(data)} bytes to {compressed}...")
                started = time.monotonic()
                try:
                    fl.program(device, flash, address, data, bytes_per_second=self.args.baud / 10)
                except fl.WriteFailed:
                    raise FatalError("Failed to write to target Flash after seq 0 (got response: 0x0106)")
                took = max(time.monotonic() - started, self.seconds(len(data)))
                rate = len(data) * 8 / took / 1000 if took else 0
                detail = f" ({compressed} compressed)" if not a.no_compress else ""
                say(f"Wrote {len(data)} bytes{detail} at 0x{address:08x} in {took:.1f} seconds (effective {rate:.1f} kbit/s)...")
                if not device.fault("locked"):
                    actual = flash.read(address, len(data))
                    if actual != data:
                        say(f"File  md5: {hashlib.md5(data).hexdigest()}", f"Flash md5: {hashlib.md5(actual).hexdigest()}")
                        raise FatalError("MD5 of file does not match data in flash!")
                    say("Hash of data verified.")
        say("", "Leaving...")
        self.leave()

    def verify_flash(self, a):
        images = pairs(a.addr_filename)
        device = self.connect()
        self.secure("reading the flash digest (verify_flash)")
        say("Configuring flash size...")
        flash = fl.Flash(device)
        differences = False
        for address, name, data in images:
            say(f"Verifying 0x{len(data):x} ({len(data)}) bytes @ 0x{address:08x} in flash against {name}...")
            actual = flash.read(address, len(data))
            if actual == data:
                say("-- verify OK (digest matched)")
                continue
            differences = True
            say("-- verify FAILED: digest mismatch")
            if a.diff == "yes":
                diff = [i for i in range(len(data)) if data[i] != actual[i]]
                say(f"-- {len(diff)} bytes differ")
                for i in diff:
                    say(f"   0x{address + i:08x}: file {data[i]:02x} flash {actual[i]:02x}")
        if differences:
            raise FatalError("Verify failed.")
        self.leave()

    def read_flash(self, a):
        device = self.connect()
        self.secure("reading the flash (read_flash)")
        say("Configuring flash size...")
        try:
            data = fl.Flash(device).read(a.address, a.size)
        except fl.FlashError as error:
            raise FatalError(str(error))
        st.wait(self.seconds(len(data)), "esptool")
        with open(a.filename, "wb") as f:
            f.write(data)
        took = self.seconds(len(data))
        say(f"Read {len(data)} bytes at 0x{a.address:08x} in {took:.1f} seconds ({len(data) * 8 / max(took, 0.001) / 1000:.1f} kbit/s)...")
        self.leave()

    def erase_flash(self, a):
        device = self.connect()
        say("Erasing flash (this may take a while)...")
        with device.locked():
            flash = fl.Flash(device)
            flash.erase_all()
            flash.store()
        st.wait(5, "esptool")
        say("Chip erase completed successfully in 5.2s")
        self.leave()

    def erase_region(self, a):
        if a.address % fl.PAGE:
            raise FatalError("Offset to erase from must be a multiple of 4096")
        if a.size % fl.PAGE:
            raise FatalError("Size of data to erase must be a multiple of 4096")
        device = self.connect()
        say("Erasing region (may be slow depending on size)...")
        with device.locked():
            flash = fl.Flash(device)
            try:
                flash.erase(a.address, a.size)
            except fl.FlashError as error:
                raise FatalError(str(error))
            flash.store()
        say("Erase completed successfully in 0.1 seconds.")
        self.leave()

    def read_mac(self, a):
        device = self.connect()
        say(f"MAC: {device.state['mac']}")
        self.leave()

    def chip_id(self, a):
        device = self.connect()
        if device.state["chip"] == "esp8266":
            say(f"Chip ID: 0x00{device.state['mac'].replace(':', '')[-6:]}")
        else:
            say(f"Warning: {device.state['chip_name']} has no Chip ID. Reading MAC instead.", f"MAC: {device.state['mac']}")
        self.leave()

    def flash_id(self, a):
        device = self.connect()
        size = device.state.get("flash_size", 4 << 20)
        say("Manufacturer: c8", "Device: 4016", f"Detected flash size: {size >> 20}MB")
        self.leave()


def parser(prog):
    top = argparse.ArgumentParser(prog=prog, description=f"esptool.py v{VERSION} - Espressif chips ROM Bootloader Utility", allow_abbrev=False)
    top.add_argument("--chip", "-c", choices=CHIPS, default=os.environ.get("ESPTOOL_CHIP", "auto"))
    top.add_argument("--port", "-p", default=os.environ.get("ESPTOOL_PORT"))
    top.add_argument("--baud", "-b", type=integer, default=115200)
    top.add_argument("--before", choices=["default_reset", "usb_reset", "no_reset", "no_reset_no_sync"], default="default_reset")
    top.add_argument("--after", "-a", choices=["hard_reset", "soft_reset", "no_reset", "no_reset_stub"], default="hard_reset")
    top.add_argument("--no-stub", action="store_true")
    top.add_argument("--trace", "-t", action="store_true")
    top.add_argument("--connect-attempts", type=int, default=7)
    ops = top.add_subparsers(dest="operation", metavar="{write_flash,read_flash,verify_flash,erase_flash,erase_region,read_mac,chip_id,flash_id,version}")
    ops.required = True

    def op(name, function):
        p = ops.add_parser(name, allow_abbrev=False)
        p.set_defaults(function=function)
        return p

    p = op("write_flash", Esp.write_flash)
    p.add_argument("addr_filename", nargs="+", metavar="<address> <filename>")
    p.add_argument("--erase-all", "-e", action="store_true")
    p.add_argument("--flash_freq", "-ff")
    p.add_argument("--flash_mode", "-fm")
    p.add_argument("--flash_size", "-fs")
    p.add_argument("--compress", "-z", action="store_true")
    p.add_argument("--no-compress", "-u", action="store_true")
    p.add_argument("--no-progress", "-p", action="store_true")
    p.add_argument("--verify", action="store_true")
    p = op("verify_flash", Esp.verify_flash)
    p.add_argument("addr_filename", nargs="+", metavar="<address> <filename>")
    p.add_argument("--diff", "-d", choices=["no", "yes"], default="no")
    p.add_argument("--flash_freq", "-ff")
    p.add_argument("--flash_mode", "-fm")
    p.add_argument("--flash_size", "-fs")
    p = op("read_flash", Esp.read_flash)
    p.add_argument("address", type=integer)
    p.add_argument("size", type=integer)
    p.add_argument("filename")
    p.add_argument("--no-progress", "-p", action="store_true")
    op("erase_flash", Esp.erase_flash)
    p = op("erase_region", Esp.erase_region)
    p.add_argument("address", type=integer)
    p.add_argument("size", type=integer)
    op("read_mac", Esp.read_mac)
    op("chip_id", Esp.chip_id)
    op("flash_id", Esp.flash_id)
    op("version", None)
    return top


def main():
    prog = os.path.basename(sys.argv[0])
    args = parser(prog).parse_args()
    if args.operation == "version":
        say(f"esptool.py v{VERSION}", VERSION)
        return
    root = st.state_root(prog)
    try:
        args.function(Esp(args, root), args)
    except FatalError as error:
        say("", f"A fatal error occurred: {error}")
        sys.exit(2)
