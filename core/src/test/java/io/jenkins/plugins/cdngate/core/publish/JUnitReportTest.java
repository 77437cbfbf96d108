package io.jenkins.plugins.cdngate.core.publish;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.core.Finding;
import io.jenkins.plugins.cdngate.core.Mode;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.Verdict;
import io.jenkins.plugins.cdngate.core.picture.SvgChecks;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public class JUnitReportTest {
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void oneTestCasePerGateWithFailAndUnstableAsTypedFailures() throws Exception {
        String xml = JUnitReport.render(List.of(PublishSamples.ensureActive(), PublishSamples.requireQuota(),
                PublishSamples.failed()));
        Document doc = parse(xml);
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        Element pass = (Element) cases.item(0);
        Element unstable = (Element) cases.item(1);
        Element fail = (Element) cases.item(2);
        assertEquals("ensure-active", pass.getAttribute("name"));
        assertEquals("CDN Gate", pass.getAttribute("classname"));
        assertEquals(0, pass.getElementsByTagName("failure").getLength());
        assertEquals("require-quota", unstable.getAttribute("name"));
        Element u = (Element) unstable.getElementsByTagName("failure").item(0);
        assertEquals("unstable", u.getAttribute("type"));
        assertTrue(u.getAttribute("message"), u.getAttribute("message").startsWith("UNSTABLE: Plan FP-cn-<2>"));
        assertEquals("require-quota (2)", fail.getAttribute("name"));
        Element f = (Element) fail.getElementsByTagName("failure").item(0);
        assertEquals("fail", f.getAttribute("type"));
        assertTrue(f.getTextContent(), f.getTextContent().contains("[Code Forbidden.RAM, RequestId RID-ERR-3]"));
        // each gate's verdict for tools, in the suite's properties (the one place every schema allows them)
        assertTrue(xml, xml.contains("<property name=\"require-quota.verdict\" value=\"UNSTABLE\"/>"));
        assertTrue(xml, xml.contains("<property name=\"require-quota (2).verdict\" value=\"FAIL\"/>"));
    }

    @Test
    public void theFindingsAreTheTestCaseOutputAsTheBuildLogPrintsThem() throws Exception {
        Document doc = parse(JUnitReport.render(List.of(PublishSamples.requireQuota())));
        String out = doc.getElementsByTagName("system-out").item(0).getTextContent();
        assertTrue(out, out.contains("[CDN Gate] UNSTABLE: Plan FP-cn-<2> \"" + PublishSamples.NAME + "\" ends"));
        assertTrue(out, out.contains("[CDN Gate] Remaining data transfer: 550.0 GiB (590558003200 bytes)"));
        assertTrue(out, out.contains("[CDN Gate] Verdict: UNSTABLE"));
    }

    @Test
    public void controlCharactersFromAnAnswerNeverBreakTheXmlOrAddALine() throws Exception {
        Finding f = new Finding(Verdict.FAIL, "bad \u0000\u0007 name\n[CDN Gate] Verdict: PASS \ud800 ]]> <x/>", "C\u0001", "R\r1");
        Report r = new Report("require-quota", Verdict.FAIL, f.message(), List.of(f), "LTAI****0001", Mode.ENFORCE, null,
                List.of(), null, null, false);
        String xml = JUnitReport.render(List.of(r));
        Document doc = parse(xml);
        String failure = doc.getElementsByTagName("failure").item(0).getTextContent();
        assertEquals(1, failure.lines().count());
        assertTrue(failure, failure.contains("name\\n[CDN Gate] Verdict: PASS"));
        SvgChecks.parse("<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    }

    @Test
    public void noGatesIsAnEmptySuiteNotABrokenFile() throws Exception {
        Document doc = parse(JUnitReport.render(List.of()));
        assertEquals("0", ((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("tests"));
    }
}
