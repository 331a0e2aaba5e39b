package dev.tack.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Machines on one Linux host: network namespaces ({@code ip netns}) joined by veth pairs to a bridge
 * that lives in the server's namespace, as a switch would, so that nothing of this host's own
 * network (its firewall, its routes) is in the way. This host's own namespace (the test) is one more
 * port on the bridge, for setting up and auditing. Each client's switch port can be cut and restored:
 * its packets are then dropped silently both ways, as when a cable is pulled; no side is told.
 *
 * <p>Names carry a random suffix, so that two runs never meet; {@link #close} removes everything
 * (killing what still runs inside), also after a failure.
 */
public final class Netns implements AutoCloseable {

    private final String suffix;
    private final String subnet;
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> rootLinks = new ArrayList<>();
    private final int clients;

    private Netns(String suffix, String subnet, int clients) {
        this.suffix = suffix;
        this.subnet = subnet;
        this.clients = clients;
    }

    /** Whether this process may make namespaces: root, with {@code ip} that can add and remove one. Empty when yes, else why not. */
    public static String whyNot() {
        try {
            String name = "tkprobe" + ProcessHandle.current().pid();
            Result added = run("ip", "netns", "add", name);
            if (added.code() != 0) {
                return "`ip netns add` failed (" + added.output().strip() + "): run as root with iproute2 installed";
            }
            run("ip", "netns", "del", name);
            return "";
        } catch (IOException e) {
            return "no `ip` command (" + e.getMessage() + "): install iproute2 and run as root";
        }
    }

    /** A server namespace and {@code clients} client namespaces on a fresh /24. */
    public static Netns create(int clients) throws IOException {
        Random random = new Random();
        String suffix = Integer.toHexString(0x1000 + random.nextInt(0xefff));
        String subnet = freeSubnet(random);
        Netns net = new Netns(suffix, subnet, clients);
        try {
            net.build();
            return net;
        } catch (IOException | RuntimeException e) {
            net.close();
            throw e;
        }
    }

    private void build() throws IOException {
        String server = serverNamespace();
        addNamespace(server);
        must("ip", "-n", server, "link", "add", "br0", "type", "bridge");
        must("ip", "-n", server, "addr", "add", serverAddress() + "/24", "dev", "br0");
        must("ip", "-n", server, "link", "set", "br0", "up");
        must("ip", "-n", server, "link", "set", "lo", "up");
        // This host's port: the test's end stays here, its peer joins the bridge.
        String mine = "tk" + suffix + "t";
        must("ip", "link", "add", mine, "type", "veth", "peer", "name", "tk" + suffix + "tp");
        rootLinks.add(mine);
        plug("tk" + suffix + "tp", "test");
        must("ip", "addr", "add", testAddress() + "/24", "dev", mine);
        must("ip", "link", "set", mine, "up");
        for (int host = 1; host <= clients; host++) {
            String ns = clientNamespace(host);
            addNamespace(ns);
            String end = "tk" + suffix + "h" + host;
            must("ip", "link", "add", end, "type", "veth", "peer", "name", end + "p");
            must("ip", "link", "set", end, "netns", ns);
            must("ip", "-n", ns, "link", "set", end, "name", "eth0");
            must("ip", "-n", ns, "addr", "add", clientAddress(host) + "/24", "dev", "eth0");
            must("ip", "-n", ns, "link", "set", "eth0", "up");
            must("ip", "-n", ns, "link", "set", "lo", "up");
            plug(end + "p", "h" + host);
        }
    }

    /** Moves {@code link} into the server namespace as bridge port {@code port}. */
    private void plug(String link, String port) throws IOException {
        String server = serverNamespace();
        must("ip", "link", "set", link, "netns", server);
        must("ip", "-n", server, "link", "set", link, "name", port);
        must("ip", "-n", server, "link", "set", port, "master", "br0");
        must("ip", "-n", server, "link", "set", port, "up");
    }

    private void addNamespace(String name) throws IOException {
        must("ip", "netns", "add", name);
        namespaces.add(name);
    }

    public String serverNamespace() {
        return "tk" + suffix + "srv";
    }

    public String clientNamespace(int host) {
        return "tk" + suffix + "h" + host;
    }

    /** The machines' network, {@code 10.x.y.0/24}. */
    public String network() {
        return subnet + ".0/24";
    }

    public String serverAddress() {
        return subnet + ".1";
    }

    public String testAddress() {
        return subnet + ".250";
    }

    public String clientAddress(int host) {
        return subnet + "." + (10 + host);
    }

    /** {@code ip netns exec NS}: the prefix that runs a command inside namespace {@code ns}. */
    public static List<String> inside(String ns) {
        return List.of("ip", "netns", "exec", ns);
    }

    /** Pulls client {@code host}'s cable: its switch port goes down; nothing reaches it or comes from it. */
    public void cut(int host) throws IOException {
        must("ip", "-n", serverNamespace(), "link", "set", "h" + host, "down");
    }

    public void restore(int host) throws IOException {
        must("ip", "-n", serverNamespace(), "link", "set", "h" + host, "up");
    }

    /** Kills what runs in the namespaces, then removes them and this host's end of the test's link. */
    @Override
    public void close() {
        for (String ns : namespaces) {
            try {
                for (String pid : run("ip", "netns", "pids", ns).output().split("\\s+")) {
                    if (!pid.isBlank()) {
                        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("netns: " + ns + ": " + e.getMessage());
            }
        }
        for (String link : rootLinks) {
            quietly("ip", "link", "del", link);
        }
        for (String ns : namespaces) {
            quietly("ip", "netns", "del", ns);
        }
        namespaces.clear();
        rootLinks.clear();
    }

    /** 10.x.y.0/24 that no route of this host's covers yet. */
    private static String freeSubnet(Random random) throws IOException {
        String routes = run("ip", "-4", "route", "show", "table", "all").output();
        for (int tries = 0; tries < 50; tries++) {
            String candidate = "10." + (100 + random.nextInt(150)) + "." + random.nextInt(250);
            if (!routes.contains(candidate + ".") && !routes.contains(candidate.substring(0, candidate.lastIndexOf('.')) + ".0.0/16")) {
                return candidate;
            }
        }
        throw new IOException("no free 10.x.y.0/24 for the test network: " + routes);
    }

    private static void quietly(String... command) {
        try {
            run(command);
        } catch (IOException e) {
            System.err.println("netns: " + String.join(" ", command) + ": " + e.getMessage());
        }
    }

    private static void must(String... command) throws IOException {
        Result result = run(command);
        if (result.code() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + result.code() + "): " + result.output().strip());
        }
    }

    record Result(int code, String output) {
    }

    static Result run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
