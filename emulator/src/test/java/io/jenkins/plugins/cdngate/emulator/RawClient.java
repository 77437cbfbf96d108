package io.jenkins.plugins.cdngate.emulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A hand-rolled RPC client for what the SDK cannot do (old timestamps, replayed URLs, missing or odd
 * parameters). Its signer is written independently of the emulator's, the way the SDK does it:
 * URLEncoder, then '+' to %20, '*' to %2A, %7E back to '~'.
 */
final class RawClient {
    private final String endpoint;

    RawClient(CdnEmulator emu) {
        this.endpoint = emu.endpoint();
    }

    /** A complete set of common parameters for a signed call. */
    static Map<String, String> common(String action, String accessKeyId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", action);
        p.put("Version", "2018-05-10");
        p.put("Format", "JSON");
        p.put("AccessKeyId", accessKeyId);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", UUID.randomUUID().toString());
        p.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return p;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    static String sign(String method, Map<String, String> params, String secret) {
        StringJoiner canonical = new StringJoiner("&");
        new TreeMap<>(params).forEach((k, v) -> {
            if (!k.equals("Signature")) {
                canonical.add(encode(k) + "=" + encode(v));
            }
        });
        String toSign = method + "&" + encode("/") + "&" + encode(canonical.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query string (or form body) of these parameters, form-encoded like the SDK's body. */
    static String form(Map<String, String> params) {
        StringJoiner j = new StringJoiner("&");
        params.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    /** Signs query + form together with {@code secret} and sends them. */
    Response signed(String method, Map<String, String> query, Map<String, String> formBody, String secret)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>(query);
        all.putAll(formBody);
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("Signature", sign(method, all, secret));
        return send(method, "/?" + form(q), formBody.isEmpty() ? null : form(formBody));
    }

    /** Sends exactly this path-and-query (and optional form body). */
    Response send(String method, String pathAndQuery, String formBody) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://" + endpoint + pathAndQuery).toURL()
                .openConnection(java.net.Proxy.NO_PROXY);
        c.setRequestMethod(method);
        c.setConnectTimeout(2000);
        c.setReadTimeout(5000);
        if (formBody != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (OutputStream out = c.getOutputStream()) {
                out.write(formBody.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        String body;
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Response(status, c.getContentType(), c.getHeaderField("x-acs-request-id"), body);
    }

    /** Sends a JSON body (or none) to a path, for the admin API. */
    Response sendJson(String method, String path, String json) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://" + endpoint + path).toURL()
                .openConnection(java.net.Proxy.NO_PROXY);
        c.setRequestMethod(method);
        c.setConnectTimeout(2000);
        c.setReadTimeout(5000);
        if (json != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = c.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        String body;
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Response(status, c.getContentType(), c.getHeaderField("x-acs-request-id"), body);
    }

    /** An HTTP answer. */
    record Response(int status, String contentType, String requestIdHeader, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        String code() {
            JsonObject o = json();
            return o.has("Code") ? o.get("Code").getAsString() : null;
        }

        String message() {
            return json().get("Message").getAsString();
        }
    }
}
