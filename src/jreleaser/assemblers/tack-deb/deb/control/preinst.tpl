#!/bin/sh
# From tack's template (src/jreleaser/assemblers/tack-deb/deb/control/preinst.tpl): nothing to do
# before unpacking.
set -e
exit 0
