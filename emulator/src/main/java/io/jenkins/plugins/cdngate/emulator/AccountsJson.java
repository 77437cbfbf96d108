package io.jenkins.plugins.cdngate.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of accounts and faults: the standalone accounts file and the admin path share it.
 * Format documented in docs/emulator.md. Unknown keys are rejected (a typo must not silently become a
 * default). Output never contains a secret or an STS token.
 */
public final class AccountsJson {

    /** What an accounts file holds. */
    public record Contents(List<Account> accounts, List<FaultSpec> faults) { }

    /** A fault aimed at an action ({@code "*"} for all). */
    public record FaultSpec(String action, Fault fault) { }

    private static final Set<String> ACCOUNT_KEYS = Set.of("accessKeyId", "accessKeySecret", "accessKeySecretEnv",
            "activated", "chargeType", "openingTime", "instanceId", "changingChargeType", "changingAffectTime",
            "locks", "plans", "openError", "deny", "securityToken", "securityTokenExpired", "notActivatedCode",
            "describeDenied");
    private static final Set<String> PLAN_KEYS = Set.of("instanceId", "commodityCode", "displayName", "templateName",
            "status", "startTime", "endTime", "currCapacity", "initCapacity");
    private static final Set<String> FAULT_KEYS = Set.of("action", "fault", "latencyMs", "times", "probability",
            "seed");

    private AccountsJson() {
    }

    /** Reads an accounts file; {@link IllegalArgumentException} with a one-line message on any problem. */
    public static Contents readFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Accounts file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read accounts file " + file + ": " + e.getMessage());
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Accounts file " + file + ": " + e.getMessage());
        }
    }

    /** Parses the file format: {@code {"accounts":[...], "faults":[...]}}. */
    public static Contents parse(String json) {
        JsonObject root = object(parseJson(json), "the file");
        for (String k : root.keySet()) {
            if (!k.equals("accounts") && !k.equals("faults")) {
                throw new IllegalArgumentException("unknown key '" + k + "' (expected accounts, faults)");
            }
        }
        List<Account> accounts = new ArrayList<>();
        if (root.has("accounts")) {
            JsonArray arr = array(root.get("accounts"), "accounts");
            for (int i = 0; i < arr.size(); i++) {
                accounts.add(account(object(arr.get(i), "accounts[" + i + "]"), "accounts[" + i + "]"));
            }
        }
        List<FaultSpec> faults = new ArrayList<>();
        if (root.has("faults")) {
            JsonArray arr = array(root.get("faults"), "faults");
            for (int i = 0; i < arr.size(); i++) {
                faults.add(fault(object(arr.get(i), "faults[" + i + "]"), "faults[" + i + "]"));
            }
        }
        return new Contents(accounts, faults);
    }

    static JsonElement parseJson(String json) {
        try {
            return JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not valid JSON" + jsonPosition(e.getMessage()));
        }
    }

    /** A new account from its JSON object (secret required). */
    public static Account account(JsonObject o, String where) {
        String id = string(o, "accessKeyId", where);
        if (id == null) {
            throw new IllegalArgumentException(where + ": accessKeyId is required");
        }
        String secret = secret(o, where + " (" + Account.mask(id) + ")");
        if (secret == null) {
            throw new IllegalArgumentException(where + " (" + Account.mask(id)
                    + "): accessKeySecret or accessKeySecretEnv is required");
        }
        Account a = Account.create(id, secret);
        apply(a, o, where + " (" + Account.mask(id) + ")");
        return a;
    }

    private static String secret(JsonObject o, String where) {
        String secret = string(o, "accessKeySecret", where);
        String env = string(o, "accessKeySecretEnv", where);
        if (secret == null && env != null) {
            secret = System.getenv(env);
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException(where + ": environment variable " + env + " is not set");
            }
        }
        return secret;
    }

    /** Whether the object carries a secret (then an admin PUT replaces the account instead of patching it). */
    static boolean hasSecret(JsonObject o) {
        return o.has("accessKeySecret") || o.has("accessKeySecretEnv");
    }

    /** Applies every field present in {@code o} to {@code a} (a patch); absent fields stay as they are. */
    static void apply(Account a, JsonObject o, String where) {
        for (String k : o.keySet()) {
            if (!ACCOUNT_KEYS.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown key '" + k + "'");
            }
        }
        try {
            if (o.has("activated")) a.activated(bool(o, "activated", where));
            if (o.has("chargeType")) a.chargeType(string(o, "chargeType", where));
            if (o.has("openingTime")) a.openingTime(string(o, "openingTime", where));
            if (o.has("instanceId")) a.instanceId(string(o, "instanceId", where));
            if (o.has("changingChargeType") || o.has("changingAffectTime")) {
                a.changing(o.has("changingChargeType") ? string(o, "changingChargeType", where) : a.changingChargeType(),
                        o.has("changingAffectTime") ? string(o, "changingAffectTime", where) : a.changingAffectTime());
            }
            if (o.has("locks")) {
                JsonArray arr = array(o.get("locks"), where + ".locks");
                List<String> locks = new ArrayList<>();
                for (JsonElement e : arr) {
                    locks.add(scalar(e, where + ".locks"));
                }
                a.locks(locks.toArray(new String[0]));
            }
            if (o.has("plans")) {
                JsonArray arr = array(o.get("plans"), where + ".plans");
                List<Plan> plans = new ArrayList<>();
                for (int i = 0; i < arr.size(); i++) {
                    plans.add(plan(object(arr.get(i), where + ".plans[" + i + "]"), where + ".plans[" + i + "]"));
                }
                a.plans(plans);
            }
            if (o.has("openError")) a.openError(string(o, "openError", where));
            if (o.has("deny")) {
                // Like "locks" and "plans", "deny" is the whole set: {} clears every denial, and an action
                // left out (or given null) is allowed. A merge would leave no way to clear by the same key.
                JsonObject deny = object(o.get("deny"), where + ".deny");
                Map<String, String> denials = new LinkedHashMap<>();
                for (String action : deny.keySet()) {
                    String code = scalarOrNull(deny.get(action), where + ".deny." + action);
                    if (code != null) {
                        denials.put(action, code);
                    }
                }
                a.denials(denials);
            }
            if (o.has("securityToken")) a.securityToken(string(o, "securityToken", where));
            if (o.has("securityTokenExpired")) a.securityTokenExpired(bool(o, "securityTokenExpired", where));
            if (o.has("notActivatedCode")) a.notActivatedCode(string(o, "notActivatedCode", where));
            if (o.has("describeDenied")) a.describeDenied(scalarOrNull(o.get("describeDenied"), where + ".describeDenied"));
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(m.startsWith(where) ? m : where + ": " + m);
        }
    }

    static Plan plan(JsonObject o, String where) {
        for (String k : o.keySet()) {
            if (!PLAN_KEYS.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown key '" + k + "'");
            }
        }
        return new Plan(string(o, "instanceId", where), string(o, "commodityCode", where),
                string(o, "displayName", where), string(o, "templateName", where),
                o.has("status") ? string(o, "status", where) : "valid",
                string(o, "startTime", where), string(o, "endTime", where),
                string(o, "currCapacity", where), string(o, "initCapacity", where));
    }

    /** A fault from its JSON object. */
    public static FaultSpec fault(JsonObject o, String where) {
        for (String k : o.keySet()) {
            if (!FAULT_KEYS.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown key '" + k + "'");
            }
        }
        String action = o.has("action") ? string(o, "action", where) : CdnEmulator.ANY_ACTION;
        if (!CdnEmulator.ANY_ACTION.equals(action) && !CdnEmulator.ACTIONS.contains(action)) {
            throw new IllegalArgumentException(where + ": unknown action '" + action + "'; use one of "
                    + CdnEmulator.ACTIONS + " or *");
        }
        String name = string(o, "fault", where);
        if (name == null) {
            throw new IllegalArgumentException(where + ": fault is required");
        }
        try {
            Fault f = Fault.named(name, o.has("latencyMs") ? number(o, "latencyMs", where).longValue() : 1000);
            if (o.has("times")) {
                f = f.times(number(o, "times", where).intValue());
            }
            if (o.has("probability")) {
                f = f.probability(number(o, "probability", where).doubleValue(),
                        o.has("seed") ? number(o, "seed", where).longValue() : 0L);
            }
            return new FaultSpec(action, f);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(m.startsWith(where) ? m : where + ": " + m);
        }
    }

    /** An account as JSON for the admin path: never the secret, never the STS token. */
    public static Map<String, Object> describe(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accessKeyId", a.accessKeyId());
        m.put("activated", a.isActivated());
        m.put("chargeType", a.chargeType());
        m.put("openingTime", a.openingTime());
        m.put("instanceId", a.instanceId());
        m.put("changingChargeType", a.changingChargeType());
        m.put("changingAffectTime", a.changingAffectTime());
        m.put("locks", a.locks());
        List<Map<String, Object>> plans = new ArrayList<>();
        for (Plan p : a.plans()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("instanceId", p.instanceId());
            pm.put("commodityCode", p.commodityCode());
            pm.put("displayName", p.displayName());
            pm.put("templateName", p.templateName());
            pm.put("status", p.status());
            pm.put("startTime", p.startTime());
            pm.put("endTime", p.endTime());
            pm.put("currCapacity", p.currCapacity());
            pm.put("initCapacity", p.initCapacity());
            plans.add(pm);
        }
        m.put("plans", plans);
        m.put("openError", a.openError());
        m.put("deny", a.denied());
        m.put("hasSecurityToken", a.hasSecurityToken());
        m.put("securityTokenExpired", a.isSecurityTokenExpired());
        m.put("notActivatedCode", a.notActivatedCode());
        m.put("describeDenied", a.describeDenied());
        return m;
    }

    // ---- small typed readers with one-line errors ----

    static JsonObject object(JsonElement e, String where) {
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonElement e, String where) {
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException(where + " must be a JSON array");
        }
        return e.getAsJsonArray();
    }

    private static String string(JsonObject o, String key, String where) {
        return scalarOrNull(o.get(key), where + "." + key);
    }

    private static String scalarOrNull(JsonElement e, String where) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        return scalar(e, where);
    }

    private static String scalar(JsonElement e, String where) {
        if (!e.isJsonPrimitive()) {
            throw new IllegalArgumentException(where + " must be a string");
        }
        return e.getAsString();
    }

    private static boolean bool(JsonObject o, String key, String where) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(where + "." + key + " must be true or false");
        }
        return e.getAsBoolean();
    }

    private static Number number(JsonObject o, String key, String where) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(where + "." + key + " must be a number");
        }
        return e.getAsNumber();
    }

    private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile("line \\d+ column \\d+");

    /**
     * Gson's messages carry its own advice (switching to lenient parsing, a troubleshooting URL) that means
     * nothing to someone editing an accounts file: keep only where the problem is.
     */
    static String jsonPosition(String gsonMessage) {
        java.util.regex.Matcher m = POSITION.matcher(gsonMessage == null ? "" : gsonMessage);
        return m.find() ? " at " + m.group() : "";
    }

}
