#!/bin/sh
# From tack's template (src/jreleaser/assemblers/tack-deb/deb/control/prerm.tpl): removes the
# class-data-sharing archives that the launcher made in the installation folder (postinst),
# which dpkg does not know of. Users' archives in ~/.cache/tack/cds are theirs to remove.
set -e
rm -rf {{debInstallationPath}}/jars/tack-*.jsa {{debInstallationPath}}/jars/tack-*.jsa.java {{debInstallationPath}}/jars/tack-*.jsa.lock
exit 0
