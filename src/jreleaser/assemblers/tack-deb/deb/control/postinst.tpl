#!/bin/sh
# From tack's template (src/jreleaser/assemblers/tack-deb/deb/control/postinst.tpl). The command is
# /usr/bin/tack, a link in the package. On configure, makes the class-data-sharing archive here,
# where the package is installed (docs/STARTUP.md): the launcher's first run starts it, and the
# postinst waits (at most 60 s) for that run to finish so that every user starts with it.
set -e
case "$1" in
    configure)
        {{debInstallationPath}}/bin/{{distributionExecutableUnix}} --version >/dev/null 2>&1 || true
        i=0
        while ls -d {{debInstallationPath}}/jars/tack-*.jsa.lock >/dev/null 2>&1 && [ $i -lt 600 ]; do
            sleep 0.1
            i=$((i + 1))
        done
        ;;
esac
exit 0
