#!/bin/sh
# {{jreleaserCreationStamp}}
# From tack's template (src/jreleaser/assemblers/tack-deb/deb/control/postinst.tpl): JReleaser's
# postinst, which links the launcher into /usr/local/bin (-f: a reinstall finds the link), plus the class-data-sharing archive made
# here, where the package is installed (docs/STARTUP.md): the launcher's first run makes it, and
# the postinst waits (at most 60 s) for that run to finish so that every user starts with it.

set -e

ln -sf {{debInstallationPath}}/bin/{{distributionExecutableUnix}} /usr/local/bin/{{distributionExecutableUnix}}

{{debInstallationPath}}/bin/{{distributionExecutableUnix}} --version >/dev/null 2>&1 || true
i=0
while [ -d {{debInstallationPath}}/jars/tack-{{projectVersion}}.jsa.lock ] && [ $i -lt 600 ]; do
    sleep 0.1
    i=$((i + 1))
done
