package dev.tack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeLibraryTest {

    @Test
    void foldersAreSqliteJdbcsOwnForTheShippedPlatforms() {
        assertThat(NativeLibrary.folder("Mac OS X", "aarch64")).isEqualTo("Mac/aarch64");
        assertThat(NativeLibrary.folder("Mac OS X", "x86_64")).isEqualTo("Mac/x86_64");
        assertThat(NativeLibrary.folder("Windows 11", "amd64")).isEqualTo("Windows/x86_64");
        assertThat(NativeLibrary.folder("FreeBSD", "amd64")).isNull();
        assertThat(NativeLibrary.folder("Windows 11", "x86")).isNull();
        assertThat(NativeLibrary.fileName("Linux")).isEqualTo("libsqlitejdbc.so");
        assertThat(NativeLibrary.fileName("Mac OS X")).isEqualTo("libsqlitejdbc.dylib");
        assertThat(NativeLibrary.fileName("Windows 11")).isEqualTo("sqlitejdbc.dll");
    }

    @Test
    void linuxFolderMatchesSqliteJdbcsWhereItShipsOne() {
        // on this machine's platform, sqlite-jdbc's own name for the folder
        String ours = NativeLibrary.folder(System.getProperty("os.name"), System.getProperty("os.arch"));
        if (ours != null) {
            assertThat(ours).isEqualTo(org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS());
        }
    }
}
