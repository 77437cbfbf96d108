package io.jenkins.plugins.cdngate.core;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.jenkins.plugins.cdngate.core.forecast.ForecastText;
import io.jenkins.plugins.cdngate.core.forecast.PlanForecast;
import io.jenkins.plugins.cdngate.core.forecast.PoolForecast;
import io.jenkins.plugins.cdngate.core.forecast.QuotaForecast;
import io.jenkins.plugins.cdngate.core.forecast.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * The stable JSON form of a {@link Report}, documented in {@code docs/report-json.md}. Keys always appear, in
 * this order, with {@code null} for absent values; new keys may be added, existing ones never renamed or
 * removed while {@code schema} stays {@value #SCHEMA}. Holds no secret, the AccessKey ID only masked.
 */
public final class ReportJson {
    /** Version of the JSON form. */
    public static final String SCHEMA = "cdn-gate-report/2";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private ReportJson() {
    }

    public static String toJson(Report report) {
        return GSON.toJson(toTree(report));
    }

    /**
     * The same form as plain Java values ({@link LinkedHashMap}, {@link ArrayList}, String, Long, Boolean, null),
     * for front ends whose callers must not depend on Gson: a Pipeline step returns it, and a sandboxed script
     * reads it without script approval.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Report report) {
        return (Map<String, Object>) plain(toTree(report));
    }

    private static Object plain(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                m.put(entry.getKey(), plain(entry.getValue()));
            }
            return m;
        }
        if (e.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            e.getAsJsonArray().forEach(item -> list.add(plain(item)));
            return list;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        // toTree only adds Longs (sizes, counts), Doubles (paces, days left) and Booleans; getAsNumber gives back the
        // Long or Double it was given.
        return p.isBoolean() ? p.getAsBoolean() : p.isNumber() ? p.getAsNumber() : p.getAsString();
    }

    /** The same form as a Gson tree, for front ends that embed it. */
    public static JsonObject toTree(Report r) {
        JsonObject o = new JsonObject();
        o.addProperty("schema", SCHEMA);
        o.addProperty("gate", r.gate());
        o.addProperty("verdict", r.verdict() == null ? null : r.verdict().name());
        o.addProperty("reason", r.reason());
        o.addProperty("mode", r.mode() == null ? null : r.mode().name());
        o.addProperty("accessKeyId", r.accessKeyId());
        o.addProperty("credentialSource", r.credentialSource());
        o.addProperty("activated", r.activated());
        o.addProperty("remainingBytes", r.remainingBytes());
        o.addProperty("remainingBytesHuman", r.remainingBytes() == null ? null : Sizes.human(r.remainingBytes()));
        o.addProperty("remainingRequests", r.remainingRequests());
        o.add("service", service(r.service()));
        JsonArray plans = new JsonArray();
        for (ResourcePlan p : r.plans()) {
            plans.add(plan(p));
        }
        o.add("plans", plans);
        JsonArray findings = new JsonArray();
        for (Finding f : r.findings()) {
            JsonObject j = new JsonObject();
            j.addProperty("verdict", f.verdict() == null ? null : f.verdict().name());
            j.addProperty("message", f.message());
            j.addProperty("errorCode", f.errorCode());
            j.addProperty("requestId", f.requestId());
            findings.add(j);
        }
        o.add("findings", findings);
        o.add("forecast", forecast(r.forecast()));
        return o;
    }

    private static JsonObject service(ServiceStatus s) {
        if (s == null) {
            return null;
        }
        JsonObject o = new JsonObject();
        o.addProperty("requestId", s.requestId());
        o.addProperty("instanceId", s.instanceId());
        o.addProperty("openingTime", s.openingTime());
        o.addProperty("internetChargeType", s.internetChargeType());
        o.addProperty("changingChargeType", s.changingChargeType());
        o.addProperty("changingAffectTime", s.changingAffectTime());
        o.add("operationLocks", strings(s.operationLocks()));
        // Without an OperationLocks field nothing is known about locks: "locked" is null then, never false.
        if (s.locked() || s.locksKnown()) {
            o.addProperty("locked", s.locked());
        } else {
            o.add("locked", com.google.gson.JsonNull.INSTANCE);
        }
        o.addProperty("locksKnown", s.locksKnown());
        return o;
    }

    private static JsonObject plan(ResourcePlan p) {
        JsonObject o = new JsonObject();
        o.addProperty("instanceId", p.instanceId());
        o.addProperty("commodityCode", p.commodityCode());
        o.addProperty("displayName", p.displayName());
        o.addProperty("templateName", p.templateName());
        o.addProperty("status", p.status());
        o.addProperty("startTime", p.startTime());
        o.addProperty("endTime", p.endTime());
        o.addProperty("currCapacity", p.currCapacity());
        o.addProperty("initCapacity", p.initCapacity());
        o.addProperty("unit", p.unit() == null ? null : p.unit().name());
        o.addProperty("remaining", p.remaining());
        o.addProperty("total", p.total());
        o.addProperty("counted", p.counted());
        o.addProperty("note", p.note());
        return o;
    }

    /** The forecast, or null (ensure-active, or no plan data). Times ISO-8601 UTC, paces in bytes per day. */
    private static JsonObject forecast(QuotaForecast f) {
        if (f == null) {
            return null;
        }
        JsonObject o = new JsonObject();
        o.addProperty("minBytes", f.minBytes());
        o.addProperty("warnBytes", f.warnBytes());
        // as Longs, like every other whole number here (toMap hands them to Pipeline scripts unchanged)
        o.addProperty("minDaysLeft", f.minDaysLeft() == null ? null : Long.valueOf(f.minDaysLeft()));
        o.addProperty("warnDaysLeft", f.warnDaysLeft() == null ? null : Long.valueOf(f.warnDaysLeft()));
        PoolForecast p = f.pool();
        JsonObject pool = new JsonObject();
        pool.addProperty("paceSource", p == null ? null : p.source().name());
        pool.addProperty("bytesPerDay", p == null ? null : p.bytesPerDay());
        pool.addProperty("daysLeft", p == null ? null : p.daysLeft());
        pool.addProperty("runOutAt", p == null ? null : time(p.runOutAt()));
        pool.addProperty("unusedAtExpiryBytes", p == null ? null : p.unusedAtExpiryBytes());
        pool.addProperty("readingsUsed", p == null ? null : (long) p.readingsUsed());
        pool.addProperty("historyNotUsed", p == null ? null : p.historyNotUsed());
        // added within cdn-gate-report/2 (new keys may be added): whether runOutAt is a run-out or the last plan's end
        pool.addProperty("ending", p == null || p.ending() == null ? null : p.ending().name());
        o.add("pool", pool);
        JsonArray plans = new JsonArray();
        for (PlanForecast pf : f.plans()) {
            JsonObject j = new JsonObject();
            j.addProperty("instanceId", pf.instanceId());
            j.addProperty("outcome", pf.outcome() == null ? null : pf.outcome().name());
            j.addProperty("bytesPerDay", pf.bytesPerDay());
            j.addProperty("turnAt", time(pf.turnAt()));
            j.addProperty("runOutAt", time(pf.runOutAt()));
            j.addProperty("endsAt", time(pf.endsAt()));
            j.addProperty("unusedAtExpiryBytes", pf.unusedAtExpiryBytes());
            j.addProperty("measuredDays", pf.measuredDays());
            plans.add(j);
        }
        o.add("plans", plans);
        Reading reading = f.reading();
        JsonObject r = null;
        if (reading != null) {
            r = new JsonObject();
            r.addProperty("at", time(reading.at()));
            r.addProperty("remainingBytes", reading.remainingBytes());
        }
        o.add("reading", r);
        return o;
    }

    private static String time(Instant at) {
        return at == null ? null : ForecastText.date(at);
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

}
