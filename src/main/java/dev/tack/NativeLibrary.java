package dev.tack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Points sqlite-jdbc at a native library shipped unpacked next to the jar, so that it does not
 * extract its library from the jar into the temporary folder on every start (that copy is a
 * megabyte written and loaded anew by each process). The package holds
 * {@code lib/native/<OS>/<arch>/} for the common platforms, in sqlite-jdbc's own folder names;
 * where none fits (another platform, a musl libc, or a plain build) nothing is set and sqlite-jdbc
 * does what it always does. An {@code org.sqlite.lib.path} given by the user wins.
 */
final class NativeLibrary {

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private NativeLibrary() {
    }

    static void locate() {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        try {
            String folder = folder(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
            String name = fileName(System.getProperty("os.name", ""));
            if (folder == null || name == null) {
                return;
            }
            Path jar = Path.of(NativeLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path base = jar.getParent();
            for (Path candidate : new Path[] {base.resolve("native"), base.resolve("lib").resolve("native")}) {
                Path directory = candidate.resolve(folder);
                if (Files.isRegularFile(directory.resolve(name))) {
                    System.setProperty(PATH_PROPERTY, directory.toString());
                    System.setProperty(NAME_PROPERTY, name);
                    return;
                }
            }
        } catch (Exception | LinkageError e) {
            // no shipped library: sqlite-jdbc extracts its own
        }
    }

    /** sqlite-jdbc's folder for this platform ({@code Linux/x86_64}), or null for one not shipped. */
    static String folder(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system;
        if (os.startsWith("linux")) {
            if (isMusl() || System.getProperty("java.vm.vendor", "").contains("Android")) {
                return null;
            }
            system = "Linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            system = "Mac";
        } else if (os.startsWith("windows")) {
            system = "Windows";
        } else {
            return null;
        }
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        return arch == null ? null : system + "/" + arch;
    }

    static String fileName(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return "libsqlitejdbc.so";
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "libsqlitejdbc.dylib";
        }
        return os.startsWith("windows") ? "sqlitejdbc.dll" : null;
    }

    /** Alpine and other musl systems have musl's loader; sqlite-jdbc keeps a separate build for them. */
    private static boolean isMusl() {
        return Files.exists(Path.of("/lib/ld-musl-x86_64.so.1")) || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"));
    }
}
