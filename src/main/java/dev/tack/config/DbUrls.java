package dev.tack.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A database location as text: a {@code postgresql://} (or {@code postgres://}) URL, or else a file
 * path. A password never belongs in a config file (PostgreSQL's own PGPASSWORD and ~/.pgpass do
 * that job), so a URL that carries one is refused, in a file tack reads or one it writes.
 */
public final class DbUrls {

    /** {@code scheme://user:secret@}: a colon in the user part before the {@code @}. */
    private static final Pattern USER_PASSWORD = Pattern.compile("^[a-z]+://[^/@?#]*:[^/@?#]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("[?&]password=", Pattern.CASE_INSENSITIVE);

    private DbUrls() {
    }

    public static boolean isUrl(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("postgresql://") || lower.startsWith("postgres://");
    }

    public static boolean hasPassword(String location) {
        return isUrl(location) && (USER_PASSWORD.matcher(location.toLowerCase(Locale.ROOT)).find()
                || PASSWORD_PARAMETER.matcher(location).find());
    }

    /** The one line that says why a password is not written (or read) and where it goes instead. */
    public static final String NO_PASSWORD = "a database URL with a password does not go into a config file;"
            + " give the password with PGPASSWORD or ~/.pgpass";
}
