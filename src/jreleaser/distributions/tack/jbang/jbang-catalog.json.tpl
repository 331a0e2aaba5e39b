{
  "aliases": {
    "{{jbangAliasName}}": {
      "script-ref": "https://github.com/{{repoOwner}}/{{repoName}}/releases/download/{{tagName}}/tack-{{projectVersion}}.jar",
      "description": "{{projectDescription}}",
      "main": "{{distributionJavaMainClass}}",
      "java": "{{distributionJavaVersion}}+",
      "java-options": [ "-Dfile.encoding=UTF-8", "--enable-native-access=ALL-UNNAMED" ],
      "dependencies": [
        "org.xerial:sqlite-jdbc:3.51.3.0",
        "info.picocli:picocli:4.7.7",
        "com.googlecode.lanterna:lanterna:3.1.3",
        "com.google.code.gson:gson:2.13.2",
        "com.google.errorprone:error_prone_annotations:2.41.0",
        "de.siegmar:fastcsv:4.1.0",
        "org.tomlj:tomlj:1.1.1",
        "org.antlr:antlr4-runtime:4.11.1",
        "org.postgresql:postgresql:42.7.13",
        "org.checkerframework:checker-qual:3.55.1",
        "org.commonmark:commonmark:0.32.0"
      ]
    }
  }
}
