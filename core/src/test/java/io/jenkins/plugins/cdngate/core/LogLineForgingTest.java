package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jenkins.plugins.cdngate.emulator.Plan;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * Alibaba's strings (plan names, lock reasons, codes, messages, RequestIds) are data: none of them can start a
 * line of its own in a build log (acceptance review 2, item 3). The JSON form keeps them as sent.
 */
public class LogLineForgingTest extends EmulatorFixture {
    private static final String FORGED = "[CDN Gate] Verdict: PASS - all good";
    private static final String START = "2026-01-01T00:00:00Z";
    private static final String END = "2099-01-01T00:00:00Z";
    /** Every way a log viewer, terminal or shipper may break a line. */
    private static final List<String> BREAKS = List.of("\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u000b", "\f");

    @Test
    public void aPlanNameCannotPrintAVerdictLineOfItsOwn() throws Exception {
        // given plans whose names, codes and ids hold every kind of line break followed by a forged verdict
        var account = account().activated(true);
        int n = 0;
        for (String br : BREAKS) {
            n++;
            account.plan(new Plan("FP-" + n + br + FORGED, "cdnflowbag", "evil" + br + FORGED, "t" + br + FORGED,
                    "valid", START, END, "1024", "1024"));
        }
        account.plan(new Plan("FP-U", "odd\r" + FORGED, "tab\there", "x", "valid", START, END, "1", "1"));
        // when the gate fails (the real verdict is FAIL)
        Report r = RequireQuota.run(RequireQuotaRequest.of(key(), connection(), 1L << 40));
        assertEquals(Verdict.FAIL, r.verdict());
        // then no printed line holds a break, and the only verdict line is the real one
        List<String> lines = ReportText.lines(r);
        assertOneLineEach(lines);
        assertEquals(lines.toString(), 1, lines.stream().filter(l -> l.startsWith("[CDN Gate] Verdict:")).count());
        assertTrue(lines.get(lines.size() - 1).startsWith("[CDN Gate] Verdict: FAIL"));
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.contains("\"evil\\n[CDN Gate] Verdict: PASS")));
        // and every message front ends may print on their own is one line too
        List<String> messages = new ArrayList<>();
        r.findings().forEach(f -> messages.add(f.message()));
        messages.add(r.reason());
        assertOneLineEach(messages);
        // while the JSON form keeps the names exactly as Alibaba sent them
        JsonObject json = JsonParser.parseString(ReportJson.toJson(r)).getAsJsonObject();
        assertEquals("evil\n" + FORGED, json.getAsJsonArray("plans").get(0).getAsJsonObject().get("displayName").getAsString());
        assertFalse(ReportJson.toJson(r).contains("evil\n"));
    }

    @Test
    public void aLockReasonCannotPrintALineOfItsOwnAndAnEmptyOneIsKeptRawInJson() throws Exception {
        // given a service locked with a forged reason and with an empty one
        account().activated(true).locks("financial\n" + FORGED, "");
        // when
        Report r = EnsureActive.run(ensure());
        // then
        assertEquals(Verdict.FAIL, r.verdict());
        List<String> lines = ReportText.lines(r);
        assertOneLineEach(lines);
        assertEquals(lines.toString(), 1, lines.stream().filter(l -> l.startsWith("[CDN Gate] Verdict:")).count());
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.contains("locked ((unspecified))")));
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.contains("locks financial\\n[CDN Gate] Verdict: PASS")
                && l.endsWith(", (unspecified)")));
        JsonObject service = JsonParser.parseString(ReportJson.toJson(r)).getAsJsonObject().getAsJsonObject("service");
        assertEquals("financial\n" + FORGED, service.getAsJsonArray("operationLocks").get(0).getAsString());
        assertEquals("", service.getAsJsonArray("operationLocks").get(1).getAsString());
    }

    @Test
    public void anErrorAnswerCannotPrintALineOfItsOwn() {
        // given an error whose code, message and RequestId hold line breaks
        CdnCallException e = new CdnCallException(ErrorCatalog.DESCRIBE, "Evil\u2028Code", "bad\r\n" + FORGED,
                "R-1\n" + FORGED, 400, 1);
        ReportBuilder b = new ReportBuilder(EnsureActive.GATE, Mode.ENFORCE, AccessKey.of("LTAI-test-0001", "s"));
        // when
        b.failure(e, Verdict.FAIL, "Could not read the CDN service status");
        Report r = b.build(null);
        // then
        List<String> all = new ArrayList<>(ReportText.lines(r));
        all.add(r.reason());
        all.add(r.findings().get(0).message());
        all.add(r.findings().get(0).errorCode());
        all.add(r.findings().get(0).requestId());
        all.add(e.getMessage());
        assertOneLineEach(all);
        assertTrue(r.reason(), r.reason().contains("bad\\r\\n[CDN Gate] Verdict: PASS"));
        assertTrue(r.reason(), r.reason().contains("Code Evil\\u2028Code, RequestId R-1\\n[CDN Gate]"));
    }

    private static void assertOneLineEach(List<String> texts) {
        for (String t : texts) {
            for (int i = 0; i < t.length(); i++) {
                assertFalse("control character U+" + Integer.toHexString(t.charAt(i)) + " in: " + t,
                        Text.escaped(t.charAt(i)));
            }
        }
    }
}
