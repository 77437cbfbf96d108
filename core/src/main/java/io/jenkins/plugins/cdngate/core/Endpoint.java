package io.jenkins.plugins.cdngate.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the CDN API is, as the SDK wants it: a bare {@code host[:port]} for
 * {@code CommonRequest.setSysDomain} (a scheme there produces {@code http://http://...}, reference 2.2) and
 * whether to speak HTTPS.
 *
 * <p>HTTPS always, except plain HTTP to a loopback host (127.0.0.0/8, {@code localhost}, {@code ::1}) —
 * the local emulator. The SDK defaults to plain HTTP (reference 2.2), so the protocol is always set.
 *
 * @param host  host name or IP literal (IPv6 without brackets)
 * @param port  the port, or -1 for the protocol default
 * @param https whether to use HTTPS
 */
public record Endpoint(String host, int port, boolean https) {
    private static final Pattern URL = Pattern.compile("(?i)([a-z][a-z0-9+.-]*)://(.*)");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(?::(\\d{1,5}))?");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    /**
     * Parses {@code host[:port]} or an {@code https://host[:port]} URL ({@code http://} only to a loopback host;
     * a bare trailing {@code /} is allowed); a blank value means {@link ConnectionSettings#DEFAULT_ENDPOINT}. A
     * bare loopback host gets plain HTTP (the emulator); every other bare host HTTPS. Refused: a user name or
     * password before {@code @} (never repeated in the message: it is usually a secret) and a path, query or
     * fragment (the API is called at the host's root, so they would be dropped without a word).
     *
     * @throws IllegalArgumentException one line naming what to fix
     */
    public static Endpoint parse(String text) {
        if (text == null || text.isBlank()) {
            return new Endpoint(ConnectionSettings.DEFAULT_ENDPOINT, -1, true);
        }
        String value = Text.oneLine(text.trim());
        int at = value.lastIndexOf('@');
        if (at >= 0) {
            // user:password@host. Never echo it: the part before '@' is usually a secret (acceptance review 2).
            // Starts "endpoint " like every message here: front ends use such a message as it is (the CLI prefixes
            // "--") instead of quoting the value they were given.
            throw new IllegalArgumentException("endpoint (not shown: it holds a user name or password before '@') is"
                    + " refused: give only host[:port] or https://host[:port]; the AccessKey is passed separately");
        }
        value = Text.oneLine(value);
        Boolean https = null;
        Matcher url = URL.matcher(value);
        if (url.matches()) {
            String scheme = url.group(1).toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("endpoint '" + value + "' has scheme '" + url.group(1)
                        + "': use https://host[:port] or just host[:port]");
            }
            https = scheme.equals("https");
            value = url.group(2);
        }
        int cut = firstOf(value, "/?#");
        if (cut >= 0) {
            String rest = value.substring(cut);
            value = value.substring(0, cut);
            // A bare trailing "/" (https://cdn.aliyuncs.com/) means the same host; anything else would be dropped
            // without a word: the SDK signs and posts to the host's root whatever the URL says.
            if (!rest.equals("/")) {
                throw new IllegalArgumentException("endpoint '" + Text.oneLine(text.trim()) + "' has a path, query or fragment ('"
                        + Text.oneLine(ResponseParser.abbreviate(rest)) + "'): the CDN API is called at the host's root;"
                        + " give only host[:port] or https://host[:port]");
            }
        }
        Matcher hp = HOST_PORT.matcher(value);
        if (value.isEmpty() || !hp.matches()) {
            throw new IllegalArgumentException("endpoint '" + Text.oneLine(text.trim())
                    + "' is not a host name: use host[:port] or https://host[:port], e.g. cdn.aliyuncs.com");
        }
        String host = hp.group(1);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        } else if (!validHostName(host)) {
            throw new IllegalArgumentException("endpoint '" + Text.oneLine(text.trim())
                    + "' is not a valid host name: use host[:port] or https://host[:port], e.g. cdn.aliyuncs.com");
        }
        int port = -1;
        if (hp.group(2) != null) {
            port = Integer.parseInt(hp.group(2));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("endpoint '" + Text.oneLine(text.trim()) + "' has port " + port
                        + ": use a port from 1 to 65535");
            }
        }
        boolean loopback = isLoopback(host);
        if (https == null) {
            https = !loopback;
        } else if (!https && !loopback) {
            throw new IllegalArgumentException("endpoint '" + Text.oneLine(text.trim())
                    + "' uses plain http to a non-local host: use https:// (plain http is only for a local emulator on 127.0.0.1)");
        }
        return new Endpoint(host, port, https);
    }

    private static int firstOf(String s, String chars) {
        int best = -1;
        for (char c : chars.toCharArray()) {
            int i = s.indexOf(c);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    private static boolean validHostName(String host) {
        if (host.length() > 253 || host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
            return false;
        }
        for (String label : host.split("\\.")) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** 127.0.0.0/8, {@code localhost} or {@code ::1}, decided on the text alone (no DNS lookup). */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        if (IPV4_LOOPBACK.matcher(h).matches()) {
            for (String part : h.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** What {@code CommonRequest.setSysDomain} takes: {@code host[:port]}, IPv6 in brackets. */
    public String domain() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return port < 0 ? h : h + ":" + port;
    }

    @Override
    public String toString() {
        return (https ? "https://" : "http://") + domain();
    }
}
