package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import io.jenkins.plugins.cdngate.emulator.Plan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** --min-days-left, --warn-days-left and --history reach the gate; the history file is read and appended to. */
public class ForecastCliTest {
    private static final long GIB = 1L << 30;
    private static final AtomicInteger NEXT = new AtomicInteger(700);
    static CdnEmulator emulator;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private String id;
    private String secret;
    private Instant now;

    @BeforeClass
    public static void startEmulator() {
        emulator = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
    }

    @AfterClass
    public static void stopEmulator() {
        emulator.close();
    }

    @Before
    public void freshAccount() {
        int n = NEXT.incrementAndGet();
        id = "LTAI-test-0" + n;
        secret = "test-secret-0" + n;
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** 400 GiB bought 30 days ago, 100 GiB left: 10 GiB/day, a little over 10 days left (the clock moves on). */
    private Account accountInUse() {
        return emulator.addAccount(Account.create(id, secret).activated(true).chargeType("PayByTraffic")
                .openingTime("2024-02-28T13:11:49Z")
                .plan(Plan.dataTransfer("FP-A", "A", 100 * GIB, 400 * GIB, now.minus(30, ChronoUnit.DAYS).toString(),
                        now.plus(365, ChronoUnit.DAYS).toString())));
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("require-quota", "--min-bytes", "1GiB"));
        all.addAll(Arrays.asList(args));
        all.addAll(List.of("--endpoint", emulator.endpoint(), "--attempts", "1"));
        return CliRun.run(Map.of(CredentialResolver.ENV_ID, id, CredentialResolver.ENV_SECRET, secret),
                all.toArray(new String[0]));
    }

    private String line(Instant at, long bytes) {
        return "{\"at\":\"" + at + "\",\"remainingBytes\":" + bytes + "}";
    }

    @Test
    public void daysLeftOptionsReachTheGate() {
        accountInUse();
        CliRun fail = run("--min-days-left", "11");
        assertEquals(fail.toString(), ExitCodes.FAIL, fail.exitCode);
        assertTrue(fail.out, fail.out.contains("FAIL: Only 10.0 days of data transfer left at 10.0 GiB/day (the plans' "
                + "average pace since they started); at least 11 days are required."));
        CliRun unstable = run("--min-days-left", "5", "--warn-days-left", "11");
        assertEquals(unstable.toString(), ExitCodes.UNSTABLE, unstable.exitCode);
        assertTrue(unstable.out, unstable.out.contains("below the warning level of 11 days"));
        CliRun pass = run("--min-days-left", "10");
        assertEquals(pass.toString(), ExitCodes.PASS, pass.exitCode);
        assertTrue(pass.out, pass.out.contains("10.0 days left (at least 10 days required)"));
    }

    @Test
    public void badDaysLeftValuesAreOneLineAndExitCode2() {
        accountInUse();
        for (String[] args : new String[][] {{"--min-days-left", "-1"}, {"--warn-days-left", "ten"},
                {"--min-days-left", "30", "--warn-days-left", "10"}}) {
            CliRun r = run(args);
            assertEquals(r.toString(), ExitCodes.USAGE, r.exitCode);
            assertEquals(r.toString(), 1, r.err.strip().lines().count());
            assertTrue(r.err, r.err.contains(args[args.length - 2]));
            assertEquals("", r.out);
        }
        CliRun order = run("--min-days-left", "30", "--warn-days-left", "10");
        assertTrue(order.err, order.err.startsWith("cdn-gate: --warn-days-left (10) must be at least --min-days-left (30)"));
        CliRun ensure = CliRun.run(Map.of(), "ensure-active", "--min-days-left", "3");
        assertEquals(ensure.toString(), ExitCodes.USAGE, ensure.exitCode);
    }

    @Test
    public void aMissingHistoryFileIsCreatedWithThisRunsReading() throws Exception {
        accountInUse();
        Path file = temp.getRoot().toPath().resolve("history.jsonl");
        CliRun r = run("--history", file.toString());
        assertEquals(r.toString(), ExitCodes.PASS, r.exitCode);
        List<String> lines = Files.readAllLines(file);
        assertEquals(1, lines.size());
        JsonObject o = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals(100 * GIB, o.get("remainingBytes").getAsLong());
        assertFalse(Instant.parse(o.get("at").getAsString()).isBefore(now));
        assertTrue(r.out, r.out.contains("[CDN Gate] History: this run's reading (100.0 GiB (107374182400 bytes)) added to "
                + file));
        // the history line goes before the verdict, which stays last
        assertTrue(r.out, r.out.strip().lines().reduce((a, b) -> b).orElseThrow().startsWith("[CDN Gate] Verdict: PASS"));
        String content = Files.readString(file);
        assertFalse(content.contains(secret));
        assertFalse(content.contains(id));
    }

    @Test
    public void recentReadingsGiveTheRecentPaceAndTheRunIsAppended() throws Exception {
        accountInUse();
        Path file = temp.newFile("h.jsonl").toPath();
        // 140 -> 120 -> 100 GiB (now) over 2 days: 20 GiB/day, 5 days left (the plan's own pace is 10 GiB/day)
        Files.writeString(file, line(now.minus(2, ChronoUnit.DAYS), 140 * GIB) + "\n"
                + line(now.minus(1, ChronoUnit.DAYS), 120 * GIB) + "\n");
        CliRun r = run("--history", file.toString(), "--min-days-left", "4");
        assertEquals(r.toString(), ExitCodes.PASS, r.exitCode);
        assertTrue(r.out, r.out.contains("[CDN Gate] Days left (pool): 5.0 days at 20.0 GiB/day (the recent pace from 3 "
                + "readings within the last 30 days)"));
        assertEquals(3, Files.readAllLines(file).size());
    }

    @Test
    public void malformedHistoryLinesAreSkippedWithOneLineSayingSo() throws Exception {
        accountInUse();
        Path file = temp.newFile("h.jsonl").toPath();
        Files.writeString(file, "garbage\n" + line(now.minus(2, ChronoUnit.DAYS), 140 * GIB) + "\n{\"at\":1}\n"
                + line(now.minus(1, ChronoUnit.DAYS), 120 * GIB));
        CliRun r = run("--history", file.toString());
        assertEquals(r.toString(), ExitCodes.PASS, r.exitCode);
        List<String> notes = r.out.lines().filter(l -> l.contains("unreadable line")).toList();
        assertEquals(r.out, List.of("[CDN Gate] History file " + file + ": 2 unreadable lines skipped (first: line 1); "
                + "each line must be like {\"at\":\"2026-11-30T10:00:00Z\",\"remainingBytes\":536870912000}"), notes);
        assertTrue(r.out, r.out.contains("(the recent pace from 3 readings"));
        // a last line without a newline is not joined with the new one
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(5, lines.size());
        assertTrue(lines.get(4), lines.get(4).startsWith("{\"at\":\""));
    }

    @Test
    public void anUnverifiedReadingIsNotRecorded() throws Exception {
        emulator.addAccount(Account.create(id, secret).activated(true)
                .plan(Plan.dataTransfer("FP-A", "A", 100 * GIB, 400 * GIB, now.minus(30, ChronoUnit.DAYS).toString(),
                        now.plus(365, ChronoUnit.DAYS).toString()))
                .plan(Plan.dataTransfer("FP-X", "broken", 0, 0, now.minus(30, ChronoUnit.DAYS).toString(),
                        now.plus(365, ChronoUnit.DAYS).toString()).withCurrCapacity("12.5")));
        Path file = temp.getRoot().toPath().resolve("h.jsonl");
        CliRun r = run("--history", file.toString());
        assertEquals(r.toString(), ExitCodes.UNSTABLE, r.exitCode);
        assertFalse(Files.exists(file));
        assertTrue(r.out, r.out.contains("History: this run's reading was not verified, so it was not added to " + file));
    }

    @Test
    public void aFailedCallRecordsNothing() throws Exception {
        emulator.addAccount(Account.create(id, secret).activated(false));
        Path file = temp.getRoot().toPath().resolve("h.jsonl");
        CliRun r = run("--history", file.toString());
        assertEquals(r.toString(), ExitCodes.FAIL, r.exitCode);
        assertFalse(Files.exists(file));
    }

    @Test
    public void withJsonStdoutIsTheReportAndHistoryLinesGoToStderr() throws Exception {
        accountInUse();
        Path file = temp.newFile("h.jsonl").toPath();
        Files.writeString(file, "garbage\n");
        CliRun r = run("--history", file.toString(), "--json", "--warn-days-left", "3");
        assertEquals(r.toString(), ExitCodes.PASS, r.exitCode);
        JsonObject o = JsonParser.parseString(r.out).getAsJsonObject();
        assertEquals("cdn-gate-report/2", o.get("schema").getAsString());
        JsonObject forecast = o.getAsJsonObject("forecast");
        assertEquals(3, forecast.get("warnDaysLeft").getAsInt());
        assertEquals("PLANS_SINCE_START", forecast.getAsJsonObject("pool").get("paceSource").getAsString());
        assertTrue(r.err, r.err.contains("1 unreadable line skipped"));
        assertTrue(r.err, r.err.contains("added to " + file));
    }

    @Test
    public void aHistoryPathThatCannotBeUsedIsExitCode2BeforeAnyCall() throws Exception {
        accountInUse();
        emulator.clearRequests();
        CliRun folder = run("--history", temp.getRoot().toString());
        assertEquals(folder.toString(), ExitCodes.USAGE, folder.exitCode);
        assertTrue(folder.err, folder.err.contains("is a folder: give a file"));
        CliRun missing = run("--history", temp.getRoot().toPath().resolve("no/such/h.jsonl").toString());
        assertEquals(missing.toString(), ExitCodes.USAGE, missing.exitCode);
        assertTrue(missing.err, missing.err.contains("its folder does not exist"));
        assertEquals(1, missing.err.strip().lines().count());
        assertTrue(emulator.requests().isEmpty());
    }
}
