package io.jenkins.plugins.cdngate.core;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the raw JSON of {@code CommonResponse.getData()} into records. We parse ourselves instead of using the
 * typed SDK models because those crash with StackOverflowError on truncated JSON and read an unwrapped
 * {@code "OperationLocks":[...]} as zero locks, which would PASS a locked account (reference section 8).
 *
 * <p>Tolerant where the API varies: absent fields (null), wrapped ({@code {"LockReason":[...]}}) or bare
 * ({@code [...]}) or single-object arrays, numbers or strings for text and capacities, unknown fields ignored.
 * Strict where a gate could be fooled: an empty body, non-JSON, no {@code RequestId}, or a documented field of
 * the wrong shape is a {@link Malformed} answer (the gate fails closed).
 */
final class ResponseParser {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private ResponseParser() {
    }

    /** A 200 answer that cannot be trusted; {@code requestId} when one could be read. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final String requestId;

        Malformed(String detail, String requestId) {
            super(detail);
            this.requestId = requestId;
        }
    }

    /** DescribeCdnService, with notes about anything that was absent. */
    record ServiceAnswer(ServiceStatus status, List<String> notes) {
    }

    /** DescribeCdnUserResourcePackage: plans as read (unit classified, capacities checked, nothing counted yet). */
    record PlanAnswer(String requestId, List<ResourcePlan> plans, List<String> notes) {
    }

    static String requestIdOf(String body) throws Malformed {
        return root(body).requestId;
    }

    static ServiceAnswer service(String body) throws Malformed {
        Root r = root(body);
        JsonObject o = r.object;
        List<String> notes = new ArrayList<>();
        List<String> locks = new ArrayList<>();
        JsonElement lockField = o.get("OperationLocks");
        if (lockField == null || lockField.isJsonNull()) {
            notes.add("the answer has no OperationLocks field, so the locks are unknown");
        } else {
            for (JsonElement lock : items(lockField, "LockReason", "OperationLocks", r.requestId)) {
                locks.add(lockReason(lock, r.requestId));
            }
        }
        ServiceStatus status = new ServiceStatus(r.requestId,
                text(o, "InstanceId", r.requestId),
                text(o, "OpeningTime", r.requestId),
                text(o, "InternetChargeType", r.requestId),
                text(o, "ChangingChargeType", r.requestId),
                text(o, "ChangingAffectTime", r.requestId),
                locks, lockField != null && !lockField.isJsonNull());
        return new ServiceAnswer(status, notes);
    }

    static PlanAnswer plans(String body) throws Malformed {
        Root r = root(body);
        List<String> notes = new ArrayList<>();
        List<ResourcePlan> plans = new ArrayList<>();
        JsonElement infos = r.object.get("ResourcePackageInfos");
        if (infos == null || infos.isJsonNull()) {
            notes.add("the answer has no ResourcePackageInfos field; read as no plans");
        } else {
            for (JsonElement item : items(infos, "ResourcePackageInfo", "ResourcePackageInfos", r.requestId)) {
                if (!item.isJsonObject()) {
                    throw new Malformed("a ResourcePackageInfo entry is " + kind(item) + ", not an object", r.requestId);
                }
                plans.add(plan(item.getAsJsonObject(), r.requestId));
            }
        }
        return new PlanAnswer(r.requestId, plans, notes);
    }

    /** OpenCdnService: only the RequestId. */
    static String opened(String body) throws Malformed {
        return root(body).requestId;
    }

    private static ResourcePlan plan(JsonObject o, String requestId) throws Malformed {
        String instanceId = text(o, "InstanceId", requestId);
        String commodityCode = text(o, "CommodityCode", requestId);
        String displayName = text(o, "DisplayName", requestId);
        String templateName = text(o, "TemplateName", requestId);
        String curr = capacityText(o, "CurrCapacity", requestId);
        String init = capacityText(o, "InitCapacity", requestId);
        List<String> problems = new ArrayList<>();
        Long remaining = capacity("CurrCapacity", curr, problems);
        Long total = capacity("InitCapacity", init, problems);
        return new ResourcePlan(instanceId, commodityCode, displayName, templateName,
                text(o, "Status", requestId), text(o, "StartTime", requestId), text(o, "EndTime", requestId),
                curr, init, unitOf(commodityCode, displayName, templateName), remaining, total, false,
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    /**
     * The capacity as an exact long, or null with a problem noted: absent, empty, not a number, fractional,
     * negative or beyond {@link Long#MAX_VALUE}. Never silently zero, never silently plenty.
     */
    static Long capacity(String field, String text, List<String> problems) {
        if (text == null) {
            problems.add(field + " is absent");
            return null;
        }
        String t = text.trim();
        if (t.isEmpty()) {
            problems.add(field + " is empty");
            return null;
        }
        if (INTEGER.matcher(t).matches()) {
            BigInteger value = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
            if (value.signum() < 0) {
                problems.add(field + " is negative (" + t + ")");
                return null;
            }
            if (value.compareTo(LONG_MAX) > 0) {
                problems.add(field + " " + t + " is beyond the largest supported value " + Long.MAX_VALUE);
                return null;
            }
            return value.longValueExact();
        }
        if (DECIMAL.matcher(t).matches()) {
            problems.add(field + " is not plain digits (" + t + ")");
        } else {
            problems.add(field + " is not a number (" + abbreviate(t) + ")");
        }
        return null;
    }

    /**
     * What a plan counts. {@code cdnflowbag} is data transfer and {@code cdnhttpsbag} HTTPS requests
     * (reference section 4); any other code, notably the shared {@code dcdnpaybag}, is decided by its
     * DisplayName/TemplateName: "request"/"请求" -> requests, "data transfer"/"流量"/"downstream" -> bytes;
     * both or neither -> UNKNOWN (listed, never counted).
     */
    static ResourcePlan.Unit unitOf(String commodityCode, String displayName, String templateName) {
        String code = commodityCode == null ? "" : commodityCode.trim().toLowerCase(Locale.ROOT);
        if (code.equals("cdnflowbag")) {
            return ResourcePlan.Unit.BYTES;
        }
        if (code.equals("cdnhttpsbag")) {
            return ResourcePlan.Unit.REQUESTS;
        }
        String names = ((displayName == null ? "" : displayName) + " " + (templateName == null ? "" : templateName))
                .toLowerCase(Locale.ROOT);
        boolean requests = names.contains("request") || names.contains("请求");
        boolean bytes = names.contains("data transfer") || names.contains("流量") || names.contains("downstream");
        if (requests == bytes) {
            return ResourcePlan.Unit.UNKNOWN;
        }
        return requests ? ResourcePlan.Unit.REQUESTS : ResourcePlan.Unit.BYTES;
    }

    private record Root(JsonObject object, String requestId) {
    }

    private static Root root(String body) throws Malformed {
        if (body == null || body.isBlank()) {
            throw new Malformed("the answer is empty", null);
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(body);
        } catch (JsonParseException | StackOverflowError e) {
            // Gson's lenient top-level parse is fine; any syntax error means a truncated or foreign body.
            throw new Malformed("the answer is not valid JSON (" + abbreviate(body) + ")", null);
        }
        if (!parsed.isJsonObject()) {
            throw new Malformed("the answer is " + kind(parsed) + ", not a JSON object", null);
        }
        JsonObject o = parsed.getAsJsonObject();
        JsonElement id = o.get("RequestId");
        if (id == null || !id.isJsonPrimitive() || id.getAsString().isBlank()) {
            throw new Malformed("the answer has no RequestId", null);
        }
        return new Root(o, id.getAsString());
    }

    /** Wrapped {@code {"Inner":[...]}}, wrapped single {@code {"Inner":{...}}}, bare {@code [...]}. */
    private static List<JsonElement> items(JsonElement field, String inner, String name, String requestId)
            throws Malformed {
        List<JsonElement> out = new ArrayList<>();
        JsonElement list = field;
        if (field.isJsonObject()) {
            JsonObject wrapper = field.getAsJsonObject();
            list = wrapper.get(inner);
            if (list == null || list.isJsonNull()) {
                if (wrapper.size() == 0) {
                    return out; // {} : nothing inside
                }
                throw new Malformed(name + " has no " + inner + " list", requestId);
            }
        }
        if (list.isJsonArray()) {
            JsonArray array = list.getAsJsonArray();
            array.forEach(out::add);
            return out;
        }
        if (list.isJsonObject()) {
            out.add(list);
            return out;
        }
        throw new Malformed(name + " is " + kind(list) + ", not a list", requestId);
    }

    private static String lockReason(JsonElement lock, String requestId) throws Malformed {
        // Kept as Alibaba sent it (the JSON report shows it raw, docs/report-json.md); an empty reason is still a
        // lock, which the human text shows as "(unspecified)" (EnsureActive.lockName).
        if (lock.isJsonPrimitive()) {
            return lock.getAsString();
        }
        if (lock.isJsonObject()) {
            // A lock entry we cannot read is still a lock: fail closed.
            String s = text(lock.getAsJsonObject(), "LockReason", requestId);
            return s == null ? "" : s;
        }
        throw new Malformed("an OperationLocks entry is " + kind(lock), requestId);
    }

    private static String text(JsonObject o, String field, String requestId) throws Malformed {
        JsonElement v = o.get(field);
        if (v == null || v.isJsonNull()) {
            return null;
        }
        if (v.isJsonPrimitive()) {
            return v.getAsString();
        }
        throw new Malformed(field + " is " + kind(v) + ", not text", requestId);
    }

    private static String capacityText(JsonObject o, String field, String requestId) throws Malformed {
        JsonElement v = o.get(field);
        if (v == null || v.isJsonNull()) {
            return null;
        }
        if (v.isJsonPrimitive()) {
            JsonPrimitive p = v.getAsJsonPrimitive();
            // Gson keeps a JSON number's original text (LazilyParsedNumber), so no precision is lost here.
            return p.getAsString();
        }
        // an object or array where a number belongs: keep its text; capacity() reports it as not a number
        return v.toString();
    }

    private static String kind(JsonElement e) {
        if (e.isJsonArray()) {
            return "a list";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonNull()) {
            return "null";
        }
        return "a value (" + abbreviate(e.getAsString()) + ")";
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() > 60 ? one.substring(0, 60) + "..." : one;
    }
}
