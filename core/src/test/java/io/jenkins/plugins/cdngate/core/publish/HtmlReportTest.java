package io.jenkins.plugins.cdngate.core.publish;

import static io.jenkins.plugins.cdngate.core.publish.PublishSamples.NOW;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.picture.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

public class HtmlReportTest {
    /**
     * Anything that runs code or loads something from outside the file. An attribute counts when its value starts
     * with a real character, not an entity: escaped text such as {@code href=&quot;} is shown, not obeyed.
     */
    static final Pattern UNSAFE = Pattern.compile("(?i)<script|<iframe|<object|<embed|<link|<img|<base"
            + "|\\son[a-z]+\\s*=\\s*[^&\\s]|\\s(src|href|srcset|action|formaction|xlink:href)\\s*=\\s*[^&\\s]|@import"
            + "|url\\((?!#)|javascript:");

    static List<Report> reports() {
        return List.of(PublishSamples.ensureActive(), PublishSamples.requireQuota());
    }

    @Test
    public void theDemoLikeRunIsRenderedExactlyAsTheGoldenFile() throws Exception {
        String html = HtmlReport.render(reports(), NOW);
        keep("report.html", html);
        assertEquals(Samples.golden("report.html", html), html);
    }

    @Test
    public void thePageRunsNothingAndLoadsNothingFromElsewhere() {
        for (List<Report> reports : List.of(reports(), List.<Report>of(), List.of(PublishSamples.failed()))) {
            String html = HtmlReport.render(reports, NOW);
            Matcher m = UNSAFE.matcher(html);
            assertFalse(m.find() ? "unsafe: " + html.substring(Math.max(0, m.start() - 60), Math.min(html.length(), m.end() + 60))
                    : "", m.find(0));
        }
    }

    @Test
    public void eachGateShowsItsVerdictReasonFindingsPictureTableAndRequestIds() {
        String html = HtmlReport.render(reports(), NOW);
        assertTrue(html.contains("<title>CDN Gate report: UNSTABLE</title>"));
        int ensure = html.indexOf("data-gate=\"ensure-active\" data-verdict=\"PASS\"");
        int quota = html.indexOf("data-gate=\"require-quota\" data-verdict=\"UNSTABLE\"");
        assertTrue(ensure > 0 && quota > ensure);
        String q = html.substring(quota);
        assertTrue(q.contains("<span class=\"badge UNSTABLE\">UNSTABLE</span>"));
        assertTrue(q.contains("<p class=\"reason\">Plan FP-cn-&lt;2&gt;"));
        assertTrue(q.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(q.contains("<table class=\"plans\">"));
        assertTrue(q.contains("<td class=\"num\">500.0 GiB<span class=\"bytes\">536870912000 bytes</span></td>"));
        assertTrue(q.contains("<td class=\"num\">8,000,000</td>"));
        assertTrue(q.contains("runs out 2027-05-25, before it ends"));
        assertTrue(q.contains("About 171 days of data transfer left at the average pace since the plans started"));
        assertTrue(q.contains("<li class=\"UNSTABLE\"><span class=\"tag\">UNSTABLE:</span>"));
        assertTrue(q.contains("<code>RID-PLANS-2</code>"));
        assertTrue(html.substring(ensure, quota).contains("<code>RID-SERVICE-1</code> &ndash; DescribeCdnService"));
        assertTrue(html.substring(ensure, quota).contains("CDN was activated by this run"));
    }

    @Test
    public void chineseNamesAndMarkupCharactersAreTextNotMarkup() {
        String html = HtmlReport.render(reports(), NOW);
        assertFalse(html.contains("<a href"));
        assertTrue(html.contains("中国内地流量包 &lt;a href=&quot;x&quot;&gt;&amp;&#39;引号&#39;&lt;/a&gt; | *bold*"));
    }

    @Test
    public void aPageWithoutGatesSaysNothingWasVerified() {
        String html = HtmlReport.render(List.of(), NOW);
        assertTrue(html.contains("<title>CDN Gate report: FAIL</title>"));
        assertTrue(html.contains("nothing was verified"));
    }

    @Test
    public void aGateThatCouldNotReadThePlansHasNoPictureButItsCodeAndRequestId() {
        String html = HtmlReport.render(List.of(PublishSamples.failed()), NOW);
        assertFalse(html.contains("<svg"));
        assertTrue(html.contains("[Code Forbidden.RAM, RequestId RID-ERR-3]"));
        assertTrue(html.contains("<code>RID-ERR-3</code> &ndash; error Forbidden.RAM"));
    }

    static void keep(String name, String text) throws Exception {
        Path dir = Path.of("target", "pictures");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
