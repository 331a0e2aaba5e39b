package dev.tack.store.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every place in Java source that opens, reads, writes, copies, moves, deletes or chmods a
 * file with Java I/O — everything but {@code stat}-style calls (docs/ARCHITECTURE.md §2 rule 1). Comments are
 * ignored, and so is text inside string literals, so that only real calls count.
 */
final class SourceScan {

    /** A call that touches a file's contents or its directory entry, in one source file. */
    record Finding(String file, int line, String rule, String statement) {
        @Override
        public String toString() {
            return file + ":" + line + " [" + rule + "] " + statement;
        }
    }

    /** Files.* methods that only look at a file (stat, permissions, file store) or create folders. */
    static final Set<String> STAT_STYLE_FILES_METHODS = Set.of(
            "exists", "notExists", "isDirectory", "isRegularFile", "isReadable", "isWritable", "isExecutable",
            "isSymbolicLink", "isHidden", "isSameFile", "size", "getLastModifiedTime", "getPosixFilePermissions",
            "getOwner", "getAttribute", "readAttributes", "getFileAttributeView", "getFileStore", "createDirectories",
            "createDirectory");

    private record Rule(String name, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("Files.*", Pattern.compile("\\bFiles\\s*\\.\\s*(\\w+)\\s*\\(")),
            new Rule("static import of Files", Pattern.compile("\\bimport\\s+static\\s+java\\s*\\.\\s*nio\\s*\\.\\s*file\\s*\\.\\s*Files\\b")),
            new Rule("FileChannel.open", Pattern.compile("\\b(?:Asynchronous)?FileChannel\\s*\\.\\s*open\\s*\\(")),
            new Rule("new file stream", Pattern.compile("\\bnew\\s+(?:java\\s*\\.\\s*io\\s*\\.\\s*)?"
                    + "(FileInputStream|FileOutputStream|RandomAccessFile|FileReader|FileWriter|ZipFile|JarFile)\\s*\\(")),
            new Rule("new writer/reader on a name", Pattern.compile("\\bnew\\s+(?:java\\s*\\.\\s*(?:io|util)\\s*\\.\\s*)?"
                    + "(PrintWriter|PrintStream|Formatter|Scanner)\\s*\\((?!\\s*(?:System\\s*\\.|new\\s+StringWriter|new\\s+ByteArrayOutputStream|new\\s+StringBuilder|\\)))")),
            new Rule("java.io.File mutator", Pattern.compile("\\.\\s*(renameTo|setWritable|setReadable|setExecutable|setLastModified"
                    + "|createNewFile|deleteOnExit)\\s*\\(|\\.\\s*delete\\s*\\(\\s*\\)|\\bFile\\s*\\.\\s*createTempFile\\s*\\(")),
            new Rule("Path.toFile", Pattern.compile("\\.\\s*toFile\\s*\\(\\s*\\)")),
            new Rule("process redirect to a file", Pattern.compile("\\bRedirect\\s*\\.\\s*(to|from|appendTo)\\s*\\("
                    + "|\\.\\s*redirect(Output|Input|Error)\\s*\\((?!\\s*(?:ProcessBuilder\\s*\\.\\s*)?Redirect\\s*\\.\\s*(INHERIT|PIPE|DISCARD))")));

    private SourceScan() {
    }

    static List<Finding> scan(String file, String source) {
        String code = blankCommentsAndStrings(source, true);
        String withStrings = blankCommentsAndStrings(source, false);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(code);
            while (m.find()) {
                if (rule.name().equals("Files.*") && STAT_STYLE_FILES_METHODS.contains(m.group(1))) {
                    continue;
                }
                findings.add(new Finding(file, lineOf(source, m.start()), rule.name(), statementAt(withStrings, m.start())));
            }
        }
        findings.sort(java.util.Comparator.comparingInt(Finding::line));
        return findings;
    }

    /** From a call to the end of its statement, whitespace collapsed: what the allow-list matches against. */
    private static String statementAt(String text, int start) {
        int lineStart = text.lastIndexOf('\n', start) + 1;
        int end = text.indexOf(';', start);
        if (end < 0) {
            end = text.length();
        }
        return text.substring(lineStart, end).replaceAll("\\s+", " ").strip();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The source with comments replaced by spaces (newlines kept, so offsets and lines stay), and
     * with the contents of string, text-block and char literals blanked too when {@code strings}.
     */
    static String blankCommentsAndStrings(String source, boolean strings) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    if (source.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                for (i += 3; i < end; i++) {
                    if (strings && source.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && source.charAt(i) != c && source.charAt(i) != '\n') {
                    if (source.charAt(i) == '\\' && i + 1 < n) {
                        if (strings) {
                            out.setCharAt(i, ' ');
                        }
                        i++;
                    }
                    if (strings) {
                        out.setCharAt(i, ' ');
                    }
                    i++;
                }
                i++;
            } else {
                i++;
            }
        }
        return out.toString();
    }
}
