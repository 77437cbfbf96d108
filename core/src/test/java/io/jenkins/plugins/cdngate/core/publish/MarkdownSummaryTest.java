package io.jenkins.plugins.cdngate.core.publish;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class MarkdownSummaryTest {
    @Test
    public void eachGateHasItsVerdictReasonNumbersAndOneTableRowPerPlan() {
        String md = MarkdownSummary.render(List.of(PublishSamples.ensureActive(), PublishSamples.requireQuota()));
        assertTrue(md, md.contains("### CDN Gate ensure-active: \u2705 PASS"));
        assertTrue(md, md.contains("### CDN Gate require-quota: \u26a0\ufe0f UNSTABLE"));
        assertTrue(md, md.contains("- Data transfer left in the counted plans: **550.0 GiB (590558003200 bytes)**"));
        assertTrue(md, md.contains("About 171 days of data transfer left"));
        assertTrue(md, md.contains("| FP-demo-0001 \"CDN data transfer plan (Chinese mainland)\" | "
                + "`\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2591\u2591\u2591\u2591\u2591\u2591\u2591"
                + "\u2591\u2591\u2591` 49%<br> 500.0 GiB (536870912000 bytes) |"));
        assertTrue(md, md.contains("`RID-PLANS-2`"));
        long rows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Plan")).count();
        assertEquals(3, rows);
    }

    @Test
    public void aPlanNameCannotAddAColumnALinkOrHtml() {
        String md = MarkdownSummary.render(List.of(PublishSamples.requireQuota()));
        String row = md.lines().filter(l -> l.startsWith("| FP-cn")).findFirst().orElseThrow();
        // 7 column separators for 6 columns: the | in the name is escaped
        assertEquals(7, row.replace("\\|", "").chars().filter(c -> c == '|').count());
        assertFalse(md, md.contains("<a href"));
        // a link needs an unescaped "](": the bracket is escaped
        assertFalse(md, java.util.regex.Pattern.compile("(?<!\\\\)\\]\\(").matcher(md).find());
        assertTrue(row, row.contains("中国内地流量包 &lt;a href=\"x\"&gt;&amp;'引号'&lt;/a&gt; \\| \\*bold\\* \\[link\\](http:"));
    }

    @Test
    public void noGatesSaysNothingWasVerified() {
        assertTrue(MarkdownSummary.render(List.of()).contains("FAIL"));
    }
}
