#!/bin/sh
# From tack's template (src/jreleaser/assemblers/tack-deb/deb/control/postrm.tpl). dpkg calls it
# for remove, purge, upgrade, failed-upgrade, abort-install, abort-upgrade and disappear (purge
# comes after remove): the files dpkg knows it removes itself; a /usr/local/bin/tack link left by
# a package before 0.1.0-1's rename is removed on remove or purge only, and only if it is one.
set -e
case "$1" in
    remove|purge)
        if [ -h /usr/local/bin/{{distributionExecutableUnix}} ] \
           && [ "$(readlink /usr/local/bin/{{distributionExecutableUnix}})" = /opt/tack/bin/{{distributionExecutableUnix}} ]; then
            rm -f /usr/local/bin/{{distributionExecutableUnix}}
        fi
        ;;
esac
exit 0
