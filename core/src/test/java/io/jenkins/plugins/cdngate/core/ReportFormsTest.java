package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.Test;

public class ReportFormsTest {

    private static final ServiceStatus SERVICE = new ServiceStatus("R-1", "aliuid-1", "2024-02-28T13:11:49Z",
            "PayByTraffic", "PayByBandwidth", "2026-11-23T16:00:00Z", List.of("financial"));
    private static final ResourcePlan PLAN = new ResourcePlan("FP-1", "cdnflowbag", "CDN流量包(中国内地版)", "t", "valid",
            "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "536870912000", "536870912000", ResourcePlan.Unit.BYTES,
            536870912000L, 536870912000L, true, null);
    private static final Report QUOTA = new Report("require-quota", Verdict.FAIL, "Only 500.0 GiB <left> & \"more\"",
            List.of(new Finding(Verdict.FAIL, "Only 500.0 GiB", null, "R-2"),
                    new Finding(Verdict.FAIL, "denied", "Forbidden.RAM", "R-3")),
            "LTAI****0001", Mode.ENFORCE, SERVICE, List.of(PLAN), 536870912000L, null, false);

    @Test
    public void jsonHasTheDocumentedKeysInOrderWithNullsKept() {
        String json = ReportJson.toJson(QUOTA);
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(List.of("schema", "gate", "verdict", "reason", "mode", "accessKeyId", "activated", "remainingBytes",
                "remainingBytesHuman", "remainingRequests", "service", "plans", "findings"), List.copyOf(o.keySet()));
        assertEquals("cdn-gate-report/1", o.get("schema").getAsString());
        assertEquals(536870912000L, o.get("remainingBytes").getAsLong());
        assertEquals("500.0 GiB (536870912000 bytes)", o.get("remainingBytesHuman").getAsString());
        assertTrue(o.get("remainingRequests").isJsonNull());
        assertEquals(List.of("requestId", "instanceId", "openingTime", "internetChargeType", "changingChargeType",
                "changingAffectTime", "operationLocks", "locked"), List.copyOf(o.getAsJsonObject("service").keySet()));
        assertEquals(List.of("instanceId", "commodityCode", "displayName", "templateName", "status", "startTime",
                "endTime", "currCapacity", "initCapacity", "unit", "remaining", "total", "counted", "note"),
                List.copyOf(o.getAsJsonArray("plans").get(0).getAsJsonObject().keySet()));
        assertEquals(List.of("verdict", "message", "errorCode", "requestId"),
                List.copyOf(o.getAsJsonArray("findings").get(0).getAsJsonObject().keySet()));
        assertEquals("Forbidden.RAM", o.getAsJsonArray("findings").get(1).getAsJsonObject().get("errorCode").getAsString());
    }

    @Test
    public void jsonKeepsUnicodeAndMarkupRaw() {
        String json = ReportJson.toJson(QUOTA);
        assertTrue(json, json.contains("CDN流量包(中国内地版)"));
        assertTrue(json, json.contains("<left> & \\\"more\\\""));
    }

    @Test
    public void jsonOfAReportWithoutFactsHasNullService() {
        Report r = new Report("ensure-active", Verdict.FAIL, "x", null, "****", Mode.WARN, null, null, null, null, false);
        JsonObject o = JsonParser.parseString(ReportJson.toJson(r)).getAsJsonObject();
        assertTrue(o.get("service").isJsonNull());
        assertEquals(0, o.getAsJsonArray("plans").size());
        assertEquals("WARN", o.get("mode").getAsString());
    }

    @Test
    public void everyTextLineStartsWithThePrefixAndShowsSizesBothWays() {
        List<String> lines = ReportText.lines(QUOTA);
        for (String line : lines) {
            assertTrue(line, line.startsWith("[CDN Gate] "));
        }
        assertEquals("[CDN Gate] require-quota with AccessKey LTAI****0001", lines.get(0));
        assertTrue(lines.toString(), lines.contains(
                "[CDN Gate] Plan FP-1 \"CDN流量包(中国内地版)\" [cdnflowbag, BYTES, valid]: 500.0 GiB (536870912000 bytes) left of"
                        + " 500.0 GiB (536870912000 bytes), 2026-01-01T00:00:00Z to 2027-01-01T00:00:00Z, counted"));
        assertTrue(lines.toString(), lines.contains("[CDN Gate] FAIL: denied [Code Forbidden.RAM, RequestId R-3]"));
        assertTrue(lines.toString(), lines.contains("[CDN Gate] FAIL: Only 500.0 GiB [RequestId R-2]"));
        assertTrue(lines.toString(), lines.contains("[CDN Gate] Remaining data transfer: 500.0 GiB (536870912000 bytes)"));
        assertEquals("[CDN Gate] Verdict: FAIL - Only 500.0 GiB <left> & \"more\"", lines.get(lines.size() - 1));
    }

    @Test
    public void textShowsServiceFactsAndLocks() {
        List<String> lines = ReportText.lines(new Report("ensure-active", Verdict.FAIL, "locked", List.of(), "LTAI****0001",
                Mode.WARN, SERVICE, null, null, null, true));
        assertEquals("[CDN Gate] ensure-active with AccessKey LTAI****0001 (mode warn)", lines.get(0));
        assertEquals("[CDN Gate] Service: charge type PayByTraffic, opened 2024-02-28T13:11:49Z, locks financial,"
                + " next charge type PayByBandwidth from 2026-11-23T16:00:00Z", lines.get(1));
        assertTrue(lines.contains("[CDN Gate] CDN was activated by this run."));
    }
}
