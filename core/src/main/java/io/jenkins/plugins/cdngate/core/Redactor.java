package io.jenkins.plugins.cdngate.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of every message that leaves the client. Alibaba's {@code SignatureDoesNotMatch} message
 * quotes the server's string to sign, which holds the AccessKey ID and the STS token (reference 1.6); SDK
 * transport messages may quote the request URL with the same parameters.
 */
final class Redactor {
    private static final Pattern SIGNED_PARAM = Pattern.compile(
            "(?i)(SecurityToken|AccessKeyId|Signature|AccessKeySecret)(=|%3D|%253D)[^&\\s\"']*");
    private static final int MAX = 400;

    private Redactor() {
    }

    static String clean(String message, AccessKey key) {
        if (message == null) {
            return "";
        }
        String m = message;
        int sts = m.toLowerCase(java.util.Locale.ROOT).indexOf("string to sign is:");
        if (sts >= 0) {
            m = m.substring(0, sts + "string to sign is:".length()) + " (omitted)";
        }
        if (key != null) {
            m = hide(m, key.secret(), "****");
            m = hide(m, key.securityToken(), "****");
            m = hide(m, key.id(), key.maskedId());
        }
        m = SIGNED_PARAM.matcher(m).replaceAll("$1$2****");
        m = m.replaceAll("[\\r\\n\\t]+", " ").trim();
        if (m.length() > MAX) {
            m = m.substring(0, MAX) + "...";
        }
        return m;
    }

    private static String hide(String text, String value, String replacement) {
        if (value == null || value.isEmpty()) {
            return text;
        }
        String out = text.replace(value, replacement);
        String once = URLEncoder.encode(value, StandardCharsets.UTF_8);
        out = out.replace(once, replacement);
        out = out.replace(URLEncoder.encode(once, StandardCharsets.UTF_8), replacement);
        return out;
    }
}
