#!/bin/sh
# Post-programming test: the manufacturer's check of the finished board (here a stand-in that
# reports what it checked). Exit non-zero to fail the unit.
echo "leds=ok"
echo "buttons=ok"
exit 0
