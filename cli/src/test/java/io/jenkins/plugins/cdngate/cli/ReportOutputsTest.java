package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonParser;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** --report, --junit and $GITHUB_STEP_SUMMARY: the three outputs for any CI, written from the real gate's report. */
public class ReportOutputsTest {
    static final String ID = "LTAI-test-0901";
    static CdnEmulator emulator;
    static Map<String, String> env = GateExitCodesTest.credentials(ID, "test-secret-0901");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @BeforeClass
    public static void startEmulator() {
        emulator = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
        emulator.addAccount(GateExitCodesTest.readyAccount(ID, "test-secret-0901"));
    }

    @AfterClass
    public static void stopEmulator() {
        emulator.close();
    }

    @Test
    public void requireQuotaWritesTheHtmlPageTheJUnitFileAndAppendsTheStepSummary() throws Exception {
        Path html = tmp.getRoot().toPath().resolve("out/nested/report.html");
        Path junit = tmp.getRoot().toPath().resolve("junit.xml");
        Path summary = tmp.newFile("summary.md").toPath();
        Files.writeString(summary, "earlier step\n");
        Map<String, String> withSummary = new HashMap<>(env);
        withSummary.put("GITHUB_STEP_SUMMARY", summary.toString());

        CliRun run = CliRun.run(withSummary, "require-quota", "--min-bytes", "100GiB", "--warn-bytes", "600GiB",
                "--endpoint", emulator.endpoint(), "--report", html.toString(), "--junit", junit.toString());

        assertEquals(run.toString(), ExitCodes.UNSTABLE, run.exitCode);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page, page.startsWith("<!DOCTYPE html>"));
        assertTrue(page, page.contains("data-gate=\"require-quota\" data-verdict=\"UNSTABLE\""));
        assertTrue(page, page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(page, page.contains("500.0 GiB (536870912000 bytes)"));
        String xml = Files.readString(junit, StandardCharsets.UTF_8);
        assertTrue(xml, xml.contains("<testcase classname=\"CDN Gate\" name=\"require-quota\">"));
        assertTrue(xml, xml.contains("<failure type=\"unstable\" message=\"UNSTABLE: "));
        String md = Files.readString(summary, StandardCharsets.UTF_8);
        assertTrue(md, md.startsWith("earlier step\n### CDN Gate require-quota: "));
        assertTrue(run.out, run.out.contains("[CDN Gate] HTML report: " + html.toAbsolutePath()));
        assertTrue(run.out, run.out.contains("[CDN Gate] JUnit XML: " + junit.toAbsolutePath()));
        assertTrue(run.out, run.out.contains("[CDN Gate] Summary added to $GITHUB_STEP_SUMMARY"));
        // no temporary file is left beside the reports
        try (var files = Files.list(html.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    public void ensureActiveTakesTheSameOptionsAndAStepSummaryAccumulatesBothGates() throws Exception {
        Path summary = tmp.getRoot().toPath().resolve("summary.md");
        Path junit = tmp.getRoot().toPath().resolve("ensure.xml");
        Map<String, String> withSummary = new HashMap<>(env);
        withSummary.put("GITHUB_STEP_SUMMARY", summary.toString());

        CliRun ensure = CliRun.run(withSummary, "ensure-active", "--endpoint", emulator.endpoint(), "--junit", junit.toString());
        CliRun quota = CliRun.run(withSummary, "require-quota", "--min-bytes", "1GiB", "--endpoint", emulator.endpoint());

        assertEquals(ensure.toString(), ExitCodes.PASS, ensure.exitCode);
        assertEquals(quota.toString(), ExitCodes.PASS, quota.exitCode);
        String md = Files.readString(summary, StandardCharsets.UTF_8);
        assertTrue(md, md.indexOf("### CDN Gate ensure-active: \u2705 PASS") < md.indexOf("### CDN Gate require-quota: \u2705 PASS"));
        assertTrue(Files.readString(junit).contains("name=\"ensure-active\""));
    }

    @Test
    public void withAHistoryFileTheHtmlReportShowsTheTrendToTheProjectedRunOutDate() throws Exception {
        Path history = tmp.getRoot().toPath().resolve("history.jsonl");
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Files.writeString(history, "{\"at\":\"" + now.minus(java.time.Duration.ofDays(6)) + "\",\"remainingBytes\":"
                + (560L << 30) + "}\n{\"at\":\"" + now.minus(java.time.Duration.ofDays(3)) + "\",\"remainingBytes\":"
                + (530L << 30) + "}\n");
        Path html = tmp.getRoot().toPath().resolve("trend.html");

        CliRun run = CliRun.run(env, "require-quota", "--min-bytes", "1GiB", "--endpoint", emulator.endpoint(),
                "--history", history.toString(), "--report", html.toString());

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        // two readings from the file and this run's: 560, 530, then the emulator's 500 GiB; 10 GiB a day from history
        // a CLI run reads a history file: readings, not builds
        assertTrue(page, page.contains("Remaining data transfer across 3 readings: 500.0 GiB at the latest, projected to run out "));
        assertTrue(page, page.contains("Reading on "));
        assertFalse(page, page.contains("build"));
        assertFalse(page, page.contains("Build"));
        assertTrue(page, page.contains("this run on "));
        assertTrue(page, page.contains("reading without a verdict"));
        assertTrue(page, page.contains("class=\"cdngate-projection\""));
    }

    @Test
    public void withJsonStdoutStaysOneJsonObjectWhileTheFilesAreWritten() throws Exception {
        Path html = tmp.getRoot().toPath().resolve("r.html");

        CliRun run = CliRun.run(env, "require-quota", "--min-bytes", "1GiB", "--json", "--endpoint", emulator.endpoint(),
                "--report", html.toString());

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        assertEquals("PASS", JsonParser.parseString(run.out).getAsJsonObject().get("verdict").getAsString());
        assertTrue(Files.exists(html));
    }

    @Test
    public void aReportPathThatCannotBeWrittenIsOneLineExit2BeforeAnyCall() throws Exception {
        Path file = tmp.newFile("plain-file").toPath();
        String[][] cases = {
                {"--report", tmp.getRoot().toString(), "is a directory"},
                {"--junit", file.resolve("x.xml").toString(), "is not a directory"},
                {"--report", "", "--report is empty"},
                {"--report", tmp.getRoot().toPath().resolve("same.xml").toString(), "--report and --junit name the same file"},
        };
        for (String[] c : cases) {
            emulator.clearRequests();
            CliRun run = c[2].contains("same file")
                    ? CliRun.run(env, "require-quota", "--min-bytes", "1GiB", "--endpoint", emulator.endpoint(), c[0], c[1],
                    "--junit", c[1])
                    : CliRun.run(env, "require-quota", "--min-bytes", "1GiB", "--endpoint", emulator.endpoint(), c[0], c[1]);
            assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
            assertEquals(run.toString(), 1, run.err.lines().count());
            assertTrue(run.toString(), run.err.startsWith("cdn-gate: " + c[0]) || run.err.contains(c[2]));
            assertTrue(run.toString(), run.err.contains(c[2]));
            assertFalse(run.toString(), run.err.contains("Exception"));
            assertEquals("", run.out);
            assertTrue(emulator.requests().isEmpty());
        }
    }

    @Test
    public void aDeviceOrPipeIsRefusedBeforeAnyCallAndNeverReplaced() throws Exception {
        // a report file is written beside and moved into place: over /dev/null or a pipe (as root) that would replace
        // the device node with a plain file; a pipe (mkfifo) stands in for any non-regular file here
        Path fifo = tmp.getRoot().toPath().resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        for (String option : new String[] {"--report", "--junit"}) {
            emulator.clearRequests();
            CliRun run = CliRun.run(env, "require-quota", "--min-bytes", "1GiB", "--endpoint", emulator.endpoint(),
                    option, fifo.toString());

            assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
            assertEquals(run.toString(), "cdn-gate: " + option + " " + fifo + " is not a regular file (a device or pipe):"
                    + " give a file name (see 'cdn-gate require-quota --help')", run.err.strip());
            assertTrue(emulator.requests().isEmpty());
            assertTrue(fifo.toString(), Files.exists(fifo) && !Files.isRegularFile(fifo));
        }
    }

    @Test
    public void twoOutputsNamingOneFileAreRefusedBeforeAnyCall() throws Exception {
        Path one = tmp.getRoot().toPath().resolve("one.txt");
        Path history = tmp.newFile("h.jsonl").toPath();
        Files.writeString(history, "{\"at\":\"2026-11-30T10:00:00Z\",\"remainingBytes\":536870912000}\n");
        String[][] cases = {
                {"--report and --history", "--report", one.toString(), "--history", one.toString()},
                {"--junit and --history", "--junit", history.toString(), "--history", history.toString()},
                {"--report and --history", "--report", tmp.getRoot().toPath().resolve("sub/../h.jsonl").toString(),
                        "--history", history.toString()},
        };
        for (String[] c : cases) {
            emulator.clearRequests();
            CliRun run = CliRun.run(env, "require-quota", "--min-bytes", "1GiB", "--endpoint", emulator.endpoint(),
                    c[1], c[2], c[3], c[4]);

            assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
            assertTrue(run.toString(), run.err.startsWith("cdn-gate: " + c[0] + " name the same file"));
            assertEquals(run.toString(), 1, run.err.lines().count());
            assertTrue(emulator.requests().isEmpty());
        }
        // the history file was not touched
        assertEquals("{\"at\":\"2026-11-30T10:00:00Z\",\"remainingBytes\":536870912000}\n", Files.readString(history));

        Map<String, String> withSummary = new HashMap<>(env);
        withSummary.put("GITHUB_STEP_SUMMARY", one.toString());
        CliRun run = CliRun.run(withSummary, "ensure-active", "--endpoint", emulator.endpoint(), "--junit", one.toString());
        assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
        assertTrue(run.toString(), run.err.startsWith("cdn-gate: --junit and GITHUB_STEP_SUMMARY name the same file"));
    }

    /**
     * A report file left by an earlier run must not outlive a run that writes none (a credentials error, an option
     * error): a CI artifact would show the old PASS next to this run's exit code 2.
     */
    @Test
    public void aRunThatWritesNoReportLeavesNoStaleReportOfAnEarlierRun() throws Exception {
        Path html = tmp.getRoot().toPath().resolve("report.html");
        Path junit = tmp.getRoot().toPath().resolve("junit.xml");
        CliRun first = CliRun.run(env, "require-quota", "--min-bytes", "1GiB", "--endpoint", emulator.endpoint(),
                "--report", html.toString(), "--junit", junit.toString());
        assertEquals(first.toString(), ExitCodes.PASS, first.exitCode);
        assertTrue(Files.exists(html) && Files.exists(junit));

        // no credentials this time: exit code 2, no report
        CliRun second = CliRun.run(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", ID), "require-quota", "--min-bytes", "1GiB",
                "--endpoint", emulator.endpoint(), "--report", html.toString(), "--junit", junit.toString());
        assertEquals(second.toString(), ExitCodes.USAGE, second.exitCode);
        assertFalse("stale HTML report of the earlier PASS", Files.exists(html));
        assertFalse("stale JUnit XML of the earlier PASS", Files.exists(junit));

        // an option error found after the output paths are known: the same
        Files.writeString(html, "<p>PASS</p>");
        CliRun third = CliRun.run(env, "require-quota", "--min-bytes", "2GiB", "--warn-bytes", "1GiB",
                "--endpoint", emulator.endpoint(), "--report", html.toString());
        assertEquals(third.toString(), ExitCodes.USAGE, third.exitCode);
        assertFalse("stale HTML report", Files.exists(html));
    }

    @Test
    public void aStepSummaryInAFolderNotYetMadeIsWrittenAsTheCheckPromised() throws Exception {
        Path summary = tmp.getRoot().toPath().resolve("new/dir/summary.md");
        Map<String, String> withSummary = new HashMap<>(env);
        withSummary.put("GITHUB_STEP_SUMMARY", summary.toString());

        CliRun run = CliRun.run(withSummary, "ensure-active", "--endpoint", emulator.endpoint());

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        assertTrue(Files.readString(summary).startsWith("### CDN Gate ensure-active: "));
    }

    @Test
    public void anUnwritableStepSummaryIsOneLineExit2NamingTheVariable() throws Exception {
        Map<String, String> withSummary = new HashMap<>(env);
        withSummary.put("GITHUB_STEP_SUMMARY", tmp.getRoot().toString());

        CliRun run = CliRun.run(withSummary, "ensure-active", "--endpoint", emulator.endpoint());

        assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
        assertTrue(run.toString(), run.err.startsWith("cdn-gate: GITHUB_STEP_SUMMARY " + tmp.getRoot() + " is a directory"));
        assertEquals(run.toString(), 1, run.err.lines().count());
    }
}
