package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class ResponseParserTest {

    private static final String RID = "\"RequestId\":\"R-1\"";

    /** OperationLocks shape -> lock reasons read. Every shape the API or a proxy may send. */
    private static final Object[][] LOCK_SHAPES = {
            {"{\"LockReason\":[{\"LockReason\":\"financial\"}]}", List.of("financial")},
            {"[{\"LockReason\":\"financial\"}]", List.of("financial")},                 // bare: the typed SDK reads 0 locks
            {"{\"LockReason\":{\"LockReason\":\"security\"}}", List.of("security")},   // single object, XML-to-JSON style
            {"{\"LockReason\":[]}", List.of()},
            {"[]", List.of()},
            {"{}", List.of()},
            {"[\"Financial\"]", List.of("Financial")},
            {"{\"LockReason\":[{\"LockReason\":\"financial\"},{\"LockReason\":\"security\"}]}", List.of("financial", "security")},
            {"{\"LockReason\":[{}]}", List.of("")},                     // unreadable lock is still a lock
            {"{\"LockReason\":[{\"LockReason\":\"\"}]}", List.of("")},                 // kept as sent (JSON shows "")
            {"[\" financial \"]", List.of(" financial ")},
    };

    @Test
    public void readsLocksInEveryShape() throws Exception {
        for (Object[] row : LOCK_SHAPES) {
            ServiceStatus s = ResponseParser.service("{" + RID + ",\"OperationLocks\":" + row[0] + "}").status();
            assertEquals("locks of " + row[0], row[1], s.operationLocks());
        }
    }

    @Test
    public void readsEveryDocumentedServiceFieldAndIgnoresUnknownOnes() throws Exception {
        String body = "{\"ChangingAffectTime\":\"2019-11-27T16:00:00Z\",\"RequestId\":\"16A96B9A\","
                + "\"ChangingChargeType\":\"PayByBandwidth\",\"OpeningTime\":\"2019-02-28T13:11:49Z\","
                + "\"InternetChargeType\":\"PayByTraffic\",\"InstanceId\":\"aliuidxx\",\"DynamicBillingType\":\"x\","
                + "\"OperationLocks\":{\"LockReason\":[{\"LockReason\":\"financial\"}]}}";
        ServiceStatus s = ResponseParser.service(body).status();
        assertEquals(new ServiceStatus("16A96B9A", "aliuidxx", "2019-02-28T13:11:49Z", "PayByTraffic",
                "PayByBandwidth", "2019-11-27T16:00:00Z", List.of("financial")), s);
    }

    @Test
    public void absentOperationLocksIsNotedNotGuessed() throws Exception {
        ResponseParser.ServiceAnswer a = ResponseParser.service("{" + RID + "}");
        assertTrue(a.status().operationLocks().isEmpty());
        assertEquals(1, a.notes().size());
        assertTrue(a.notes().get(0).contains("OperationLocks"));
    }

    /** Bodies a 200 may carry that must end as a malformed answer (fail closed), with a word of the reason. */
    private static final String[][] MALFORMED = {
            {"", "empty"},
            {"   ", "empty"},
            {"<html>502</html>", "not valid JSON"},
            {"{\"RequestId\":\"R-1\",\"OperationLocks\":{\"LockRea", "not valid JSON"},
            {"[1,2]", "not a JSON object"},
            {"\"text\"", "not a JSON object"},
            {"{}", "no RequestId"},
            {"{\"RequestId\":\"\"}", "no RequestId"},
            {"{\"RequestId\":{\"Id\":\"x\"}}", "no RequestId"},
            {"{" + RID + ",\"OperationLocks\":\"financial\"}", "OperationLocks"},
            {"{" + RID + ",\"OperationLocks\":{\"Other\":1}}", "OperationLocks"},
            {"{" + RID + ",\"InternetChargeType\":[\"PayByTraffic\"]}", "InternetChargeType"},
            {"{" + RID + ",\"OperationLocks\":[[1]]}", "OperationLocks"},
    };

    @Test
    public void malformedServiceAnswersAreRejected() {
        for (String[] row : MALFORMED) {
            ResponseParser.Malformed e = assertThrows(row[0], ResponseParser.Malformed.class, () -> ResponseParser.service(row[0]));
            assertTrue(row[0] + " -> " + e.getMessage(), e.getMessage().contains(row[1]));
        }
    }

    @Test
    public void deeplyNestedJunkIsMalformedNotAStackOverflow() {
        String deep = "{\"RequestId\":\"R\",\"X\":" + "[".repeat(100_000);
        assertThrows(ResponseParser.Malformed.class, () -> ResponseParser.service(deep));
    }

    private static String plansBody(String infos) {
        return "{" + RID + ",\"ResourcePackageInfos\":" + infos + "}";
    }

    private static final String PLAN = "{\"InstanceId\":\"FP-1\",\"CommodityCode\":\"cdnflowbag\",\"Status\":\"valid\","
            + "\"CurrCapacity\":\"536870912000\",\"InitCapacity\":\"536870912000\"}";

    /** ResourcePackageInfos shape -> number of plans read. */
    private static final Object[][] PLAN_SHAPES = {
            {"{\"ResourcePackageInfo\":[" + PLAN + "," + PLAN + "]}", 2},
            {"[" + PLAN + "]", 1},
            {"{\"ResourcePackageInfo\":" + PLAN + "}", 1},
            {"{\"ResourcePackageInfo\":[]}", 0},
            {"[]", 0},
            {"{}", 0},
    };

    @Test
    public void readsPlansWrappedBareOrSingle() throws Exception {
        for (Object[] row : PLAN_SHAPES) {
            assertEquals("plans of " + row[0], row[1], ResponseParser.plans(plansBody((String) row[0])).plans().size());
        }
    }

    @Test
    public void aPlanEntryThatIsNotAnObjectIsMalformed() {
        assertThrows(ResponseParser.Malformed.class, () -> ResponseParser.plans(plansBody("[\"FP-1\"]")));
        assertThrows(ResponseParser.Malformed.class, () -> ResponseParser.plans(plansBody("\"none\"")));
    }

    @Test
    public void absentPlanListIsNoted() throws Exception {
        ResponseParser.PlanAnswer a = ResponseParser.plans("{" + RID + "}");
        assertTrue(a.plans().isEmpty());
        assertEquals(1, a.notes().size());
    }

    /** capacity as sent (JSON text) -> exact value, or null with a word of the note. */
    private static final Object[][] CAPACITIES = {
            {"\"536870912000\"", 536870912000L, null},
            {"536870912000", 536870912000L, null},
            {"\"0\"", 0L, null},
            {"\" 42 \"", 42L, null},
            {"\"9223372036854775807\"", Long.MAX_VALUE, null},
            {"\"9223372036854775808\"", null, "beyond"},
            {"99999999999999999999999", null, "beyond"},
            {"\"-1\"", null, "negative"},
            {"-5", null, "negative"},
            {"\"1.5\"", null, "not plain digits"},
            {"1.5e3", null, "not plain digits"},
            {"\"12GB\"", null, "not a number"},
            {"\"\"", null, "empty"},
            {"true", null, "not a number"},
            {"{\"Value\":\"1\"}", null, "not a number"},
            {"null", null, "absent"},
    };

    @Test
    public void capacitiesAreExactOrReportedNeverZeroOrPlenty() throws Exception {
        for (Object[] row : CAPACITIES) {
            String plan = "{\"InstanceId\":\"FP-1\",\"CommodityCode\":\"cdnflowbag\",\"Status\":\"valid\",\"CurrCapacity\":"
                    + row[0] + ",\"InitCapacity\":\"1\"}";
            ResourcePlan p = ResponseParser.plans(plansBody("[" + plan + "]")).plans().get(0);
            assertEquals("remaining of " + row[0], row[1], p.remaining());
            if (row[2] == null) {
                assertNull("note of " + row[0], p.note());
            } else {
                assertTrue("note of " + row[0] + ": " + p.note(), p.note() != null && p.note().contains((String) row[2]));
            }
        }
    }

    @Test
    public void capacityParserKeepsEveryProblem() {
        List<String> problems = new ArrayList<>();
        assertNull(ResponseParser.capacity("CurrCapacity", "-0.5", problems));
        assertEquals(List.of("CurrCapacity is not plain digits (-0.5)"), problems);
    }

    /** commodity code, display name, template name -> unit */
    private static final Object[][] UNITS = {
            {"cdnflowbag", "anything", null, ResourcePlan.Unit.BYTES},
            {"CDNFLOWBAG", null, null, ResourcePlan.Unit.BYTES},
            {"cdnhttpsbag", "CDN HTTPS请求数资源包", null, ResourcePlan.Unit.REQUESTS},
            {"dcdnpaybag", "Downstream Data Package (Australia Sydney)", "FPT_dcdnpaybag_deadlineAcc_1", ResourcePlan.Unit.BYTES},
            {"dcdnpaybag", "静态HTTPS请求包", null, ResourcePlan.Unit.REQUESTS},
            {"dcdnpaybag", "HTTPS requests for static content", null, ResourcePlan.Unit.REQUESTS},
            {"dcdnpaybag", "CDN流量包(中国内地版)", null, ResourcePlan.Unit.BYTES},
            {"dcdnpaybag", null, "FPT_dcdnpaybag_deadlineAcc_1541405199", ResourcePlan.Unit.UNKNOWN},
            {"somethingnew", "Data Transfer Plan in Asia Pacific 1", null, ResourcePlan.Unit.BYTES},
            {"somethingnew", "Real-time log bag", null, ResourcePlan.Unit.UNKNOWN},
            {"dcdnpaybag", "data transfer and requests bundle", null, ResourcePlan.Unit.UNKNOWN},
            {null, null, null, ResourcePlan.Unit.UNKNOWN},
    };

    @Test
    public void unitIsDecidedByCodeThenByName() {
        for (Object[] row : UNITS) {
            assertEquals(row[0] + "/" + row[1] + "/" + row[2], row[3],
                    ResponseParser.unitOf((String) row[0], (String) row[1], (String) row[2]));
        }
    }
}
