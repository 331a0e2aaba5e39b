package dev.tack.store.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import dev.tack.model.TackException;

/**
 * A PostgreSQL location as a person writes it ({@code postgresql://user@host:port/db?currentSchema=s},
 * or {@code postgres://…}, libpq's forms) turned into what pgjdbc takes: a {@code jdbc:postgresql:} URL
 * without credentials, and the user, the password and the other parameters as connection properties.
 *
 * <p>The password never leaves this class except into the driver's properties: {@link #display} (what
 * tack prints, and hands a worker's job as {@code TACK_DB}) has none. Where a password comes from
 * follows PostgreSQL's conventions: the URL (discouraged), else {@code PGPASSWORD}, else pgjdbc's own
 * reading of {@code ~/.pgpass} (or {@code PGPASSFILE}); {@code ?service=NAME} reads the service file
 * ({@code ~/.pg_service.conf}, {@code PGSERVICEFILE}); {@code sslmode} and pgjdbc's other parameters
 * pass through.
 */
record PgUrl(String jdbcUrl, String display, String schema, String user, String password, Map<String, String> parameters) {

    static final String DEFAULT_SCHEMA = "tack";

    static boolean is(String location) {
        return location.startsWith("postgresql://") || location.startsWith("postgres://");
    }

    static PgUrl parse(String location, Map<String, String> env) {
        String rest = location.substring(location.indexOf("://") + 3);
        String authority = rest;
        String pathAndQuery = "";
        int slash = rest.indexOf('/');
        int question = rest.indexOf('?');
        int cut = slash >= 0 && (question < 0 || slash < question) ? slash : question;
        if (cut >= 0) {
            authority = rest.substring(0, cut);
            pathAndQuery = rest.substring(cut);
        }
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String credentials = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = credentials.indexOf(':');
            user = decode(colon >= 0 ? credentials.substring(0, colon) : credentials);
            password = colon >= 0 ? decode(credentials.substring(colon + 1)) : null;
        }
        String path = pathAndQuery;
        String query = "";
        int q = pathAndQuery.indexOf('?');
        if (q >= 0) {
            path = pathAndQuery.substring(0, q);
            query = pathAndQuery.substring(q + 1);
        }
        String database = path.startsWith("/") ? decode(path.substring(1)) : decode(path);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
            parameters.put(key, value);
        }
        String schema = parameters.remove("currentSchema");
        if (schema == null || schema.isBlank()) {
            schema = DEFAULT_SCHEMA;
        }
        if (parameters.containsKey("user")) {
            user = parameters.remove("user");
        }
        if (parameters.containsKey("password")) {
            password = parameters.remove("password");
        }
        if (password == null) {
            String fromEnv = env.get("PGPASSWORD");
            password = fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
        }
        if (user == null && !parameters.containsKey("service")) {
            String fromEnv = env.get("PGUSER");
            user = fromEnv != null && !fromEnv.isBlank() ? fromEnv : System.getProperty("user.name");
        }
        if (authority.isEmpty() && !parameters.containsKey("service")) {
            throw TackException.usage("a PostgreSQL location needs a host: postgresql://user@host:5432/database");
        }
        try {
            // Checks the host and port read as a URI's authority (an IPv6 address in brackets, say).
            if (!authority.isEmpty()) {
                new URI("postgresql", authority, "/", null, null);
            }
        } catch (URISyntaxException e) {
            throw TackException.usage("not a PostgreSQL location (host and port): " + authority);
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(authority).append('/');
        jdbc.append(encode(database));
        String service = parameters.remove("service");
        if (service != null) {
            jdbc.append("?service=").append(encode(service)); // pgjdbc reads the service file from the URL only
        }
        StringBuilder shown = new StringBuilder("postgresql://");
        if (user != null && at >= 0) {
            shown.append(encode(user)).append('@');
        }
        shown.append(authority).append('/').append(encode(database));
        StringBuilder shownQuery = new StringBuilder();
        if (!schema.equals(DEFAULT_SCHEMA)) {
            shownQuery.append("currentSchema=").append(encode(schema));
        }
        if (service != null) {
            shownQuery.append(shownQuery.length() == 0 ? "" : "&").append("service=").append(encode(service));
        }
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getKey().equalsIgnoreCase("password") || parameter.getKey().toLowerCase().contains("password")) {
                continue; // sslpassword and the like: never shown either
            }
            shownQuery.append(shownQuery.length() == 0 ? "" : "&").append(encode(parameter.getKey())).append('=')
                    .append(encode(parameter.getValue()));
        }
        if (shownQuery.length() > 0) {
            shown.append('?').append(shownQuery);
        }
        return new PgUrl(jdbc.toString(), shown.toString(), schema, user, password, Map.copyOf(parameters));
    }

    /** The driver's properties: user, password, the URL's parameters, and who is connecting. */
    Properties properties(String applicationName) {
        Properties properties = new Properties();
        parameters.forEach(properties::setProperty);
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.putIfAbsent("connectTimeout", "10");
        return properties;
    }

    /** Never the password: the record's own toString would print it. */
    @Override
    public String toString() {
        return display;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
