package io.jenkins.plugins.cdngate.core.publish;

import static io.jenkins.plugins.cdngate.core.picture.Markup.escape;

import io.jenkins.plugins.cdngate.core.Finding;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.ReportText;
import io.jenkins.plugins.cdngate.core.Verdict;
import io.jenkins.plugins.cdngate.core.picture.Markup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gates as a JUnit XML report, one test case per gate, so that Jenkins (junit step), GitLab
 * ({@code artifacts:reports:junit}) and Azure Pipelines (PublishTestResults) show them in their test views.
 *
 * <ul>
 *   <li>PASS: a passed test case.</li>
 *   <li>FAIL: {@code <failure type="fail" message="FAIL: reason">} with the FAIL findings as its text.</li>
 *   <li>UNSTABLE: {@code <failure type="unstable" message="UNSTABLE: reason">}. JUnit XML has no "passed, but
 *       look" state. A {@code <skipped>} would read as "not run" and disappear from failure counts (GitLab and Azure
 *       list skipped tests apart and pass the pipeline); a passed case with a property is shown by no viewer; the
 *       {@code flakyFailure} element is Surefire's own and read by Jenkins only with an extra plugin. A failure is
 *       what all three viewers show, and Jenkins' junit step turns failed test cases into an UNSTABLE build (not a
 *       FAILED one), which is exactly UNSTABLE. The {@code type} attribute and the message prefix tell it from a
 *       FAIL, and the suite's {@code <properties>} hold each gate's verdict ({@code <gate>.verdict}) for tools.
 *       The process exit code (0, 1, 3) stays the authority on whether to deploy.</li>
 * </ul>
 * Every gate's build-log lines are its {@code <system-out>}. Text is escaped (control characters as visible
 * escapes) so the file is always well-formed XML 1.0; no secret is in any report, so none is here.
 */
public final class JUnitReport {
    /** The test suite's name, and the class name of every test case (how Jenkins groups them). */
    public static final String SUITE = "CDN Gate";

    private JUnitReport() {
    }

    public static String render(List<Report> reports) {
        List<Report> all = reports == null ? List.of() : reports;
        int failures = 0;
        for (Report r : all) {
            if (r.verdict() != Verdict.PASS) {
                failures++;
            }
        }
        List<String> names = names(all);
        StringBuilder x = new StringBuilder(8192);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites name=\"").append(SUITE).append("\" tests=\"").append(all.size()).append("\" failures=\"")
                .append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
        x.append("  <testsuite name=\"").append(SUITE).append("\" tests=\"").append(all.size()).append("\" failures=\"")
                .append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
        if (!all.isEmpty()) {
            x.append("    <properties>\n");
            for (int i = 0; i < all.size(); i++) {
                x.append("      <property name=\"").append(escape(names.get(i))).append(".verdict\" value=\"")
                        .append(Gates.verdict(all.get(i))).append("\"/>\n");
            }
            x.append("    </properties>\n");
        }
        for (int i = 0; i < all.size(); i++) {
            testcase(x, all.get(i), names.get(i));
        }
        x.append("  </testsuite>\n</testsuites>\n");
        return x.toString();
    }

    private static void testcase(StringBuilder x, Report r, String name) {
        x.append("    <testcase classname=\"").append(SUITE).append("\" name=\"").append(escape(name)).append("\">\n");
        String verdict = Gates.verdict(r);
        if (!"PASS".equals(verdict)) {
            List<String> lines = new ArrayList<>();
            for (Finding f : r.findings()) {
                if (f.verdict() != null && f.verdict() != Verdict.PASS) {
                    lines.add(Gates.finding(f));
                }
            }
            x.append("      <failure type=\"").append(verdict.toLowerCase(java.util.Locale.ROOT)).append("\" message=\"")
                    .append(escape(verdict + ": " + r.reason())).append("\">")
                    .append(escapeBlock(lines)).append("</failure>\n");
        }
        x.append("      <system-out>").append(escapeBlock(ReportText.lines(r))).append("</system-out>\n");
        x.append("    </testcase>\n");
    }

    /** Lines joined with real line breaks (each line escaped on its own, so no field adds a line). */
    private static String escapeBlock(List<String> lines) {
        List<String> escaped = new ArrayList<>();
        for (String line : lines) {
            escaped.add(Markup.escape(line));
        }
        return String.join("\n", escaped);
    }

    /** The gate names, with {@code (2)}, {@code (3)} after a name seen before (two require-quota calls in one run). */
    static List<String> names(List<Report> reports) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Report r : reports) {
            String gate = r.gate() == null ? "gate" : r.gate();
            int n = seen.merge(gate, 1, Integer::sum);
            names.add(n == 1 ? gate : gate + " (" + n + ")");
        }
        return names;
    }
}
