#!/bin/sh
# Host MCU programming: runs the partner's own tool for the product's host MCU after the module
# is programmed. This stand-in reports the firmware it would flash.
echo "host_fw=1.0.7"
exit 0
