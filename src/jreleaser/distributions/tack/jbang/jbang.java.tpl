//usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA {{distributionJavaVersion}}+
//JAVA_OPTIONS -Dfile.encoding=UTF-8 --enable-native-access=ALL-UNNAMED
//DEPS org.xerial:sqlite-jdbc:3.51.3.0 info.picocli:picocli:4.7.7 com.googlecode.lanterna:lanterna:3.1.3
//DEPS com.google.code.gson:gson:2.13.2 de.siegmar:fastcsv:4.1.0
//DEPS org.tomlj:tomlj:1.1.1 org.antlr:antlr4-runtime:4.11.1 org.postgresql:postgresql:42.7.13
//DEPS org.commonmark:commonmark:0.32.0
// tack {{projectVersion}} for `jbang {{jbangScriptName}}.java`, from tack's template
// (src/jreleaser/distributions/tack/jbang/jbang.java.tpl). tack is not on Maven Central: like the
// catalog's alias, this runs the release's own jar, fetched once into ~/.jbang/cache/tack
// (-Dtack.jbang.jar=PATH names a local one), with the libraries above.

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

public class {{jbangScriptName}} {
    static final String JAR = "https://github.com/{{repoOwner}}/{{repoName}}/releases/download/{{tagName}}/tack-{{projectVersion}}.jar";

    public static void main(String... args) throws Exception {
        String local = System.getProperty("tack.jbang.jar");
        Path jar = local != null ? Path.of(local)
            : Path.of(System.getProperty("user.home"), ".jbang", "cache", "tack", "tack-{{projectVersion}}.jar");
        if (!Files.isRegularFile(jar)) {
            Files.createDirectories(jar.getParent());
            Path part = Files.createTempFile(jar.getParent(), "tack", ".part");
            try (var in = URI.create(JAR).toURL().openStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, jar, StandardCopyOption.ATOMIC_MOVE);
        }
        // not closed: the board's threads load classes from it until the program ends
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, {{jbangScriptName}}.class.getClassLoader());
        Method main = loader.loadClass("{{distributionJavaMainClass}}").getMethod("main", String[].class);
        main.invoke(null, (Object) args);
    }
}
