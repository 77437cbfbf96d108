package io.jenkins.plugins.cdngate.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RPC signature version 1.0 (HMAC-SHA1), implemented from the documented algorithm
 * (help.aliyun.com/document_detail/28839; shared/reference/aliyun-cdn-api.md §1.2–1.3):
 * every parameter but {@code Signature}, sorted by raw name, each name and value percent-encoded
 * (RFC 3986 unreserved characters kept, upper-case hex), joined with {@code &}; the string to sign is
 * {@code METHOD&%2F&percentEncode(canonical)}; the key is {@code secret + "&"}.
 */
final class RpcSignature {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JDK", e);
        }
    });

    private RpcSignature() {
    }

    /** Percent-encodes UTF-8 bytes, leaving only {@code A-Z a-z 0-9 - _ . ~}. */
    static String percentEncode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    /** The string to sign for these (decoded) parameters; {@code Signature} is left out. */
    static String stringToSign(String method, Map<String, String> params) {
        TreeMap<String, String> sorted = new TreeMap<>(params);
        sorted.remove("Signature");
        StringBuilder canonical = new StringBuilder(256);
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (canonical.length() > 0) {
                canonical.append('&');
            }
            canonical.append(percentEncode(e.getKey())).append('=').append(percentEncode(e.getValue()));
        }
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonical.toString());
    }

    /** Base64(HMAC-SHA1(secret + "&", stringToSign)). */
    static String sign(String secret, String stringToSign) {
        Mac mac = MAC.get();
        try {
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise HmacSHA1", e);
        }
        return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison of the expected and the presented signature. */
    static boolean matches(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
