package io.jenkins.plugins.cdngate.core.credentials;

import java.util.List;
import java.util.Locale;

/**
 * An HTTP proxy for the CDN and STS calls (e.g. the one set under Manage Jenkins).
 *
 * <p>What holds, given how the Alibaba Cloud SDK (aliyun-java-sdk-core) works: its Apache HTTP client is one per JVM
 * (class loader) and keeps the {@code HttpClientConfig} of the first SDK client built in it, proxy included
 * (ApacheHttpClient.getInstance / calcProxy read the singleton's config). So a proxy takes effect when the first gate
 * in a JVM carries it: always for the {@code cdn-gate} CLI (one gate per process); in Jenkins, from the first gate
 * after a controller or agent start, and a changed proxy takes effect after the next restart. Requests to
 * loopback addresses (the emulator) never go through it.
 *
 * @param host          proxy host name or address
 * @param port          1..65535
 * @param user          proxy user name, or null
 * @param password      proxy password, or null; never shown ({@link #toString()})
 * @param noProxyHosts  host names reached directly (exact names, as the SDK compares them); may be empty
 */
public record ProxySettings(String host, int port, String user, String password, List<String> noProxyHosts) {
    public ProxySettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("proxy host is empty: give the proxy's host name, or no proxy");
        }
        host = host.strip();
        if (host.contains("/") || host.contains("@") || host.contains(":") && !host.startsWith("[")
                || host.codePoints().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("proxy host '" + safe(host) + "' is not a host name: give the name"
                    + " or address only (no scheme, port, user or path)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port " + port + " is out of range: give 1 to 65535");
        }
        user = user == null || user.isBlank() ? null : user.strip();
        password = password == null || password.isEmpty() ? null : password;
        if (password != null && user == null) {
            throw new IllegalArgumentException("proxy password is set without a proxy user name: give both, or neither");
        }
        noProxyHosts = noProxyHosts == null ? List.of() : noProxyHosts.stream()
                .filter(h -> h != null && !h.isBlank()).map(String::strip).toList();
    }

    public ProxySettings(String host, int port) {
        this(host, port, null, null, List.of());
    }

    /** {@code http://host:port} without the user and password, for messages. */
    public String display() {
        return "http://" + host + ":" + port;
    }

    /** Whether this host is reached directly (exact match, case-insensitive; a leading '.' or '*.' matches a suffix). */
    public boolean bypasses(String targetHost) {
        String t = targetHost == null ? "" : targetHost.toLowerCase(Locale.ROOT);
        for (String h : noProxyHosts) {
            String n = h.toLowerCase(Locale.ROOT);
            if (n.startsWith("*.")) {
                n = n.substring(1);
            }
            if (t.equals(n) || n.startsWith(".") && t.endsWith(n)) {
                return true;
            }
        }
        return false;
    }

    private static String safe(String s) {
        int at = s.lastIndexOf('@');
        return at >= 0 ? "****@" + s.substring(at + 1) : s;
    }

    @Override
    public String toString() {
        return "ProxySettings[" + display() + (user == null ? "" : ", user " + user + ", password ****")
                + (noProxyHosts.isEmpty() ? "" : ", noProxy " + noProxyHosts) + "]";
    }
}
