#!/bin/sh
# Pre-programming test: the manufacturer's own check of the board before the module is flashed
# (here: a stand-in that reports the fixture's supply and passes). A real hook measures the board,
# prints key=value lines for the record and exits non-zero to fail the unit.
echo "fixture=${SHIPREADY_SLOT:-?}"
echo "supply_v=3.31"
echo "result=PASS"
exit 0
