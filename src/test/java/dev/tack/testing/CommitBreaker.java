package dev.tack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of the tests' PostgreSQL server that breaks one connection at the commit of
 * a write: the first {@code COMMIT} a client sends after its transaction wrote {@code marker} (a
 * piece of SQL text, such as {@code "INSERT INTO idempotency_keys"}) meets the chosen {@link Break}.
 * Everything else is passed on byte for byte. pgjdbc sends a statement's text with its first uses,
 * which is all a fresh tack process makes.
 */
public final class CommitBreaker implements AutoCloseable {

    /** What happens to the commit. */
    public enum Break {
        /** The server commits, and the client never hears it: the outcome is unknown to the client, and the write is saved. */
        ANSWER_LOST,
        /** The commit never reaches the server, which rolls the transaction back when the connection closes. */
        COMMIT_LOST,
        /** The commit is passed on as it is, after {@link BeforeBreak} ran (which may end the server's session first). */
        PASSED_ON
    }

    /** Called with the commit's bytes held back, before the break (a test may end the server's session there). */
    public interface BeforeBreak {
        void run() throws Exception;
    }

    private final ServerSocket listener;
    private final int serverPort;
    private final AtomicReference<Break> armed = new AtomicReference<>();
    private final AtomicReference<String> marker = new AtomicReference<>();
    private volatile BeforeBreak beforeBreak = () -> { };
    private final AtomicInteger breaks = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public CommitBreaker(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "commit-breaker");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code postgresql://tack@127.0.0.1:<this proxy>/tack?currentSchema=schema}. */
    public String url(String schema) {
        return "postgresql://tack@127.0.0.1:" + port() + "/tack?currentSchema=" + schema;
    }

    /** Breaks the next commit of a transaction that sent {@code markerText}, once. */
    public void arm(Break how, String markerText, BeforeBreak before) {
        beforeBreak = before;
        marker.set(markerText);
        armed.set(how);
    }

    public void arm(Break how, String markerText) {
        arm(how, markerText, () -> { });
    }

    /** How many commits were broken so far. */
    public int breaks() {
        return breaks.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                sockets.add(client);
                sockets.add(server);
                Connection connection = new Connection(client, server);
                start(() -> connection.clientToServer(), "breaker-up");
                start(() -> connection.serverToClient(), "breaker-down");
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void start(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private final class Connection {
        private final Socket client;
        private final Socket server;
        private boolean sawMarker;
        private volatile boolean dropAnswer;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void clientToServer() {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    String text = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                    String wanted = marker.get();
                    if (wanted != null && text.contains(wanted)) {
                        sawMarker = true;
                    }
                    if (sawMarker && text.contains("COMMIT") && armed.get() != null) {
                        Break how = armed.getAndSet(null);
                        sawMarker = false;
                        beforeBreak.run();
                        breaks.incrementAndGet();
                        if (how == Break.COMMIT_LOST) {
                            closeBoth();
                            return;
                        }
                        dropAnswer = how == Break.ANSWER_LOST; // the answer to this commit goes nowhere, and the connection with it
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (Exception e) {
                // a side closed
            } finally {
                closeBoth();
            }
        }

        void serverToClient() {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (dropAnswer) {
                        closeBoth(); // the server answered the commit (it is saved); the client hears nothing
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a side closed
            } finally {
                closeBoth();
            }
        }

        private void closeBoth() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
