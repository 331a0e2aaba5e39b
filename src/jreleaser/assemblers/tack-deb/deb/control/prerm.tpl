#!/bin/sh
# {{jreleaserCreationStamp}}
# From tack's template (src/jreleaser/assemblers/tack-deb/deb/control/prerm.tpl): removes the
# class-data-sharing archive that the launcher made in the installation folder, which dpkg does
# not know of. Users' archives in ~/.cache/tack/cds are theirs to remove.
rm -rf {{debInstallationPath}}/jars/tack-*.jsa {{debInstallationPath}}/jars/tack-*.jsa.lock
