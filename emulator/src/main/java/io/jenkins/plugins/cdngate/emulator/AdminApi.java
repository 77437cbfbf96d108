package io.jenkins.plugins.cdngate.emulator;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin HTTP path on the emulator's own port, for changing state while it runs (a pipeline demo
 * flipping an account): {@code /_emulator/accounts}, {@code /_emulator/faults}, {@code /_emulator/requests}.
 *
 * <p>Not signature-checked, so it is served only when the emulator is bound to a loopback address and
 * the caller is on loopback too; otherwise 403. It never returns a secret or an STS token, and shows
 * AccessKey IDs in the request log masked.
 */
final class AdminApi {
    static final String PREFIX = "/_emulator";
    private static final int MAX_BODY = 1 << 20;
    /**
     * For the request log, whose entries always carry every key (docs/emulator.md): Gson drops null map
     * values unless told otherwise, which would leave {@code code} and {@code fault} out for a plain OK.
     */
    private static final Gson WITH_NULLS = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private final CdnEmulator emu;

    AdminApi(CdnEmulator emu) {
        this.emu = emu;
    }

    void handle(HttpExchange ex) throws IOException {
        try {
            byte[] body = readBody(ex);
            if (!emu.isLoopback() || !ex.getRemoteAddress().getAddress().isLoopbackAddress()) {
                reply(ex, 403, error("the admin path is served only when the emulator is bound to a loopback"
                        + " address and called from it"));
                return;
            }
            if (!loopbackHost(ex.getRequestHeaders().getFirst("Host"))) {
                // DNS rebinding: a page whose own name now resolves to 127.0.0.1 still sends its own Host.
                reply(ex, 403, error("the admin path answers only requests addressed to localhost or 127.0.0.1"));
                return;
            }
            String method0 = ex.getRequestMethod();
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (("POST".equals(method0) || "PUT".equals(method0))
                    && (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))) {
                // A web page can send a cross-site "simple" POST (form or text/plain) to localhost, but not
                // one with Content-Type application/json without a CORS preflight, which we never grant.
                reply(ex, 415, error("send the body with Content-Type: application/json"));
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            String rest = path.length() > PREFIX.length() ? path.substring(PREFIX.length()) : "/";
            String method = ex.getRequestMethod();
            if (rest.equals("/accounts") || rest.equals("/accounts/")) {
                switch (method) {
                    case "GET" -> reply(ex, 200, accountsList());
                    case "PUT", "POST" -> putAccount(ex, body);
                    default -> notAllowed(ex, "GET, PUT");
                }
            } else if (rest.startsWith("/accounts/")) {
                String id = URLDecoder.decode(rest.substring("/accounts/".length()), StandardCharsets.UTF_8);
                Account a = emu.account(id);
                switch (method) {
                    case "GET" -> {
                        if (a == null) {
                            reply(ex, 404, error("no account " + Account.mask(id)));
                        } else {
                            reply(ex, 200, AccountsJson.describe(a));
                        }
                    }
                    case "DELETE" -> {
                        if (emu.removeAccount(id) == null) {
                            reply(ex, 404, error("no account " + Account.mask(id)));
                        } else {
                            reply(ex, 200, Map.of("removed", Account.mask(id)));
                        }
                    }
                    default -> notAllowed(ex, "GET, DELETE");
                }
            } else if (rest.equals("/faults")) {
                switch (method) {
                    case "GET" -> reply(ex, 200, Map.of("faults", emu.faults()));
                    case "POST" -> postFaults(ex, body);
                    case "DELETE" -> {
                        emu.clearFaults();
                        reply(ex, 200, Map.of("faults", emu.faults()));
                    }
                    default -> notAllowed(ex, "GET, POST, DELETE");
                }
            } else if (rest.equals("/requests")) {
                switch (method) {
                    case "GET" -> reply(ex, 200, WITH_NULLS.toJson(requestLog()));
                    case "DELETE" -> {
                        emu.clearRequests();
                        reply(ex, 200, Map.of("count", 0));
                    }
                    default -> notAllowed(ex, "GET, DELETE");
                }
            } else {
                reply(ex, 404, error("unknown admin path; use /_emulator/accounts, /_emulator/faults,"
                        + " /_emulator/requests"));
            }
        } catch (IllegalArgumentException e) {
            reply(ex, 400, error(e.getMessage()));
        }
    }

    private void putAccount(HttpExchange ex, byte[] body) throws IOException {
        JsonObject o = AccountsJson.object(AccountsJson.parseJson(new String(body, StandardCharsets.UTF_8)),
                "the request body");
        JsonElement idElement = o.get("accessKeyId");
        if (idElement == null || !idElement.isJsonPrimitive()) {
            throw new IllegalArgumentException("accessKeyId is required");
        }
        String id = idElement.getAsString();
        Account existing = emu.account(id);
        Account result;
        int status;
        if (existing == null || AccountsJson.hasSecret(o)) {
            // New account, or a full replacement (it carries a secret).
            result = emu.addAccount(AccountsJson.account(o, "account"));
            status = existing == null ? 201 : 200;
        } else {
            // Patch: only the fields given change, on the live account.
            AccountsJson.apply(existing, o, "account " + Account.mask(id));
            result = existing;
            status = 200;
        }
        reply(ex, status, AccountsJson.describe(result));
    }

    private void postFaults(HttpExchange ex, byte[] body) throws IOException {
        JsonElement root = AccountsJson.parseJson(new String(body, StandardCharsets.UTF_8));
        List<AccountsJson.FaultSpec> specs = new ArrayList<>();
        if (root.isJsonArray()) {
            for (int i = 0; i < root.getAsJsonArray().size(); i++) {
                specs.add(AccountsJson.fault(AccountsJson.object(root.getAsJsonArray().get(i), "fault[" + i + "]"),
                        "fault[" + i + "]"));
            }
        } else {
            specs.add(AccountsJson.fault(AccountsJson.object(root, "the request body"), "fault"));
        }
        for (AccountsJson.FaultSpec s : specs) {
            emu.inject(s.action(), s.fault());
        }
        reply(ex, 200, Map.of("faults", emu.faults()));
    }

    private Map<String, Object> accountsList() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Account a : emu.accounts()) {
            list.add(AccountsJson.describe(a));
        }
        list.sort((x, y) -> String.valueOf(x.get("accessKeyId")).compareTo(String.valueOf(y.get("accessKeyId"))));
        return Map.of("accounts", list);
    }

    private Map<String, Object> requestLog() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RecordedRequest r : emu.requests()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", r.action());
            m.put("accessKeyId", r.accessKeyId() == null ? null : Account.mask(r.accessKeyId()));
            m.put("method", r.method());
            m.put("status", r.status());
            m.put("code", r.code());
            m.put("fault", r.fault());
            m.put("nanoTime", r.nanoTime());
            list.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", emu.requestCount());
        out.put("requests", list);
        return out;
    }

    /** Whether the Host header names a loopback host (127.0.0.1, localhost, [::1]), port ignored. */
    static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.trim().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && h.substring(1, end).equals("::1");
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            h = h.substring(0, colon);
        }
        return h.equals("localhost") || h.equals("127.0.0.1");
    }

    private static byte[] readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new IllegalArgumentException("request body larger than 1 MiB");
            }
            return b;
        }
    }

    private static Map<String, Object> error(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        return m;
    }

    private void notAllowed(HttpExchange ex, String allowed) throws IOException {
        ex.getResponseHeaders().set("Allow", allowed);
        reply(ex, 405, error("method not allowed; use " + allowed));
    }

    private void reply(HttpExchange ex, int status, Object body) throws IOException {
        reply(ex, status, emu.gson.toJson(body));
    }

    private void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", CdnEmulator.JSON);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        } finally {
            ex.close();
        }
    }
}
