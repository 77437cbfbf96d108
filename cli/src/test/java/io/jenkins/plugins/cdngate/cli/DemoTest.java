package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DemoTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void demoActivatesThenWarnsAboutTheEndingPlanAndSucceedsAsScripted() throws Exception {
        Path report = tmp.getRoot().toPath().resolve("demo.html");
        CliRun run = CliRun.run(Map.of(), "demo", "--report", report.toString());

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        assertEquals(run.toString(), "", run.err);
        String out = run.out;
        int ensure = out.indexOf("$ cdn-gate ensure-active --endpoint 127.0.0.1:");
        int ensurePassed = out.indexOf("exit code 0 (PASS)", ensure);
        int quota = out.indexOf("$ cdn-gate require-quota --endpoint 127.0.0.1:", ensurePassed);
        int quotaUnstable = out.indexOf("exit code 3 (UNSTABLE)", quota);
        int explanation = out.indexOf("What happened:", quotaUnstable);
        assertTrue(run.toString(), ensure >= 0 && ensurePassed > ensure && quota > ensurePassed
                && quotaUnstable > quota && explanation > quotaUnstable);
        assertTrue(run.toString(), out.contains("[CDN Gate] "));
        assertTrue(run.toString(), out.contains(DemoCommand.ENDING_PLAN));
        assertTrue(run.toString(), out.contains("Against your own account"));
        assertTrue(run.toString(), out.contains("The demo itself exits 0"));
        // the summary of a gate's exit codes is the whole list, as in each gate's --help
        assertTrue(run.toString(), out.contains("- Gate exit codes: 0 PASS, 1 FAIL, 2 usage or configuration error,"
                + " 3 UNSTABLE, 4 internal error (treat as FAIL), 130 interrupted."));
        assertFalse(run.toString(), out.contains(DemoCommand.DEMO_SECRET) || out.contains(DemoCommand.DEMO_ACCESS_KEY_ID));
    }

    /**
     * The demo's gates check an emulated account: their verdicts never go to a real run's step summary (nor does the
     * build's class-data-sharing training run of the demo append to the summary of the job that builds the jar).
     */
    @Test
    public void demoLeavesGithubStepSummaryAlone() throws Exception {
        Path summary = tmp.getRoot().toPath().resolve("summary.md");
        java.nio.file.Files.writeString(summary, "earlier step\n");
        CliRun run = CliRun.run(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), "demo", "--report",
                tmp.getRoot().toPath().resolve("demo.html").toString());

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        assertEquals("earlier step\n", java.nio.file.Files.readString(summary));
        assertFalse(run.toString(), run.out.contains("GITHUB_STEP_SUMMARY"));
    }

    @Test
    public void demoWritesTheHtmlReportOfBothGatesAndSaysWhere() throws Exception {
        Path report = tmp.getRoot().toPath().resolve("demo.html");
        CliRun run = CliRun.run(Map.of(), "demo", "--report", report.toString());

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        assertTrue(run.toString(), run.out.contains("The HTML report of both gates (verdicts, the picture of every plan, "
                + "findings, RequestIds): " + report.toAbsolutePath()));
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(html.indexOf("data-gate=\"ensure-active\" data-verdict=\"PASS\"")
                < html.indexOf("data-gate=\"require-quota\" data-verdict=\"UNSTABLE\""));
        assertTrue(html, html.contains(DemoCommand.ENDING_PLAN));
        assertFalse(html, html.contains(DemoCommand.DEMO_SECRET) || html.contains(DemoCommand.DEMO_ACCESS_KEY_ID));
    }
}
