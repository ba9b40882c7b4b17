#!/usr/bin/env python3
"""Stand-in for esptool: not the real tool. The work is in standin_esptool.py beside this file."""

import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import standin_esptool  # noqa: E402

standin_esptool.main()
