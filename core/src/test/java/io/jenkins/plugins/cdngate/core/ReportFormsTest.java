package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
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
                "remainingBytesHuman", "remainingRequests", "service", "plans", "findings", "forecast"),
                List.copyOf(o.keySet()));
        assertEquals("cdn-gate-report/2", o.get("schema").getAsString());
        assertEquals(536870912000L, o.get("remainingBytes").getAsLong());
        assertEquals("500.0 GiB (536870912000 bytes)", o.get("remainingBytesHuman").getAsString());
        assertTrue(o.get("remainingRequests").isJsonNull());
        assertEquals(List.of("requestId", "instanceId", "openingTime", "internetChargeType", "changingChargeType",
                "changingAffectTime", "operationLocks", "locked", "locksKnown"), List.copyOf(o.getAsJsonObject("service").keySet()));
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
    public void textShowsServiceFactsAndLocksAfterTheFindings() {
        // given an ensure-active report with one finding and no activation
        List<String> lines = ReportText.lines(new Report("ensure-active", Verdict.FAIL, "locked",
                List.of(new Finding(Verdict.FAIL, "CDN service is locked (financial)", null, "R-1")), "LTAI****0001",
                Mode.WARN, SERVICE, null, null, null, false));
        // then the service line is the state the gate ended with: after the findings, before the verdict
        assertEquals(List.of(
                "[CDN Gate] ensure-active with AccessKey LTAI****0001 (mode warn)",
                "[CDN Gate] FAIL: CDN service is locked (financial) [RequestId R-1]",
                "[CDN Gate] Service: charge type PayByTraffic, opened 2024-02-28T13:11:49Z, locks financial,"
                        + " next charge type PayByBandwidth from 2026-11-23T16:00:00Z",
                "[CDN Gate] Verdict: FAIL - locked"), lines);
    }

    @Test
    public void passFindingsAreUntaggedObservationsAndTheServiceLineSaysItIsTheStateAfterActivation() {
        // given a run that activated CDN
        Report r = new Report("ensure-active", Verdict.PASS, "activated", List.of(
                new Finding(Verdict.PASS, "CDN is not activated yet (CdnServiceNotFound); activating it.", null, "R-1"),
                new Finding(Verdict.UNSTABLE, "Charge type is PayByTraffic, expected PayByBandwidth.", null, "R-2")),
                "LTAI****0001", Mode.ENFORCE, SERVICE, null, null, null, true);
        // when
        List<String> lines = ReportText.lines(r);
        // then
        assertEquals(List.of(
                "[CDN Gate] ensure-active with AccessKey LTAI****0001",
                "[CDN Gate] CDN is not activated yet (CdnServiceNotFound); activating it. [RequestId R-1]",
                "[CDN Gate] UNSTABLE: Charge type is PayByTraffic, expected PayByBandwidth. [RequestId R-2]",
                "[CDN Gate] Service after activation: charge type PayByTraffic, opened 2024-02-28T13:11:49Z,"
                        + " locks financial, next charge type PayByBandwidth from 2026-11-23T16:00:00Z",
                "[CDN Gate] CDN was activated by this run.",
                "[CDN Gate] Verdict: PASS - activated"), lines);
        // and no line claims PASS before the verdict
        assertTrue(lines.stream().limit(lines.size() - 1).noneMatch(l -> l.contains("PASS")));
    }

    @Test
    public void verdictLinePointsAtTheFindingInsteadOfRepeatingIt() {
        // given a FAIL whose reason is word for word the finding printed above (as ReportBuilder makes it)
        Finding denied = new Finding(Verdict.FAIL, "Could not read the plans: long advice", "Forbidden.RAM", "R-3");
        Report one = new Report("require-quota", Verdict.FAIL, ReportBuilder.withCode(denied), List.of(denied),
                "****", Mode.ENFORCE, null, null, null, null, false);
        Report two = new Report("require-quota", Verdict.FAIL, ReportBuilder.withCode(denied),
                List.of(denied, Finding.of(Verdict.FAIL, "another")), "****", Mode.ENFORCE, null, null, null, null, false);
        // then
        List<String> lines = ReportText.lines(one);
        assertEquals("[CDN Gate] FAIL: Could not read the plans: long advice [Code Forbidden.RAM, RequestId R-3]",
                lines.get(lines.size() - 2));
        assertEquals("[CDN Gate] Verdict: FAIL (the FAIL line above says why)", lines.get(lines.size() - 1));
        List<String> twoLines = ReportText.lines(two);
        assertEquals("[CDN Gate] Verdict: FAIL (the first FAIL line above says why)", twoLines.get(twoLines.size() - 1));
        // and the JSON reason keeps it in full
        assertEquals(ReportBuilder.withCode(denied),
                JsonParser.parseString(ReportJson.toJson(one)).getAsJsonObject().get("reason").getAsString());
    }

    @Test
    public void remainingRequestsAreShownWithThousandsSeparators() {
        Report r = new Report("require-quota", Verdict.PASS, "ok", List.of(), "LTAI****0001", Mode.ENFORCE, null,
                List.of(new ResourcePlan("HB-1", "cdnhttpsbag", "https", "t", "valid", null, null, "8000000", "10000000",
                        ResourcePlan.Unit.REQUESTS, 8_000_000L, 10_000_000L, true, null)), 0L, 8_000_000L, false);
        List<String> lines = ReportText.lines(r);
        assertTrue(lines.toString(), lines.contains("[CDN Gate] Remaining requests: 8,000,000"));
        assertTrue(lines.toString(), lines.get(1).contains(": 8,000,000 requests left of 10,000,000 requests,"));
    }

    @Test
    public void jsonKeepsTheNullCodeAsTheCatalogKeyWhileTextSaysNoErrorCode() {
        Report r = new Report("ensure-active", Verdict.FAIL, "x", List.of(new Finding(Verdict.FAIL, "not JSON",
                ErrorCatalog.NULL_CODE, null)), "****", Mode.ENFORCE, null, null, null, null, false);
        JsonObject o = JsonParser.parseString(ReportJson.toJson(r)).getAsJsonObject();
        assertEquals("(null)", o.getAsJsonArray("findings").get(0).getAsJsonObject().get("errorCode").getAsString());
        assertTrue(ReportText.lines(r).contains("[CDN Gate] FAIL: not JSON [no error code]"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void theMapFormHasTheJsonKeysAsPlainJavaValues() {
        Map<String, Object> m = ReportJson.toMap(QUOTA);

        assertEquals(List.copyOf(JsonParser.parseString(ReportJson.toJson(QUOTA)).getAsJsonObject().keySet()),
                List.copyOf(m.keySet()));
        assertEquals(536870912000L, m.get("remainingBytes"));
        assertEquals(null, m.get("remainingRequests"));
        assertEquals(Boolean.FALSE, m.get("activated"));
        Map<String, Object> plan = ((List<Map<String, Object>>) m.get("plans")).get(0);
        assertEquals("CDN流量包(中国内地版)", plan.get("displayName"));
        assertEquals(536870912000L, plan.get("remaining"));
        assertEquals(List.of("financial"), ((Map<String, Object>) m.get("service")).get("operationLocks"));
        assertEquals("Forbidden.RAM", ((List<Map<String, Object>>) m.get("findings")).get(1).get("errorCode"));
    }
}
