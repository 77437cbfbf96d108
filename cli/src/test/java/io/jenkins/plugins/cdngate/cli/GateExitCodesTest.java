package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import io.jenkins.plugins.cdngate.emulator.Plan;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** The exit code of every kind of outcome, through the real SDK against the emulator. */
public class GateExitCodesTest {
    static final long GIB = 1L << 30;
    static CdnEmulator emulator;

    @BeforeClass
    public static void startEmulator() {
        emulator = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
    }

    @AfterClass
    public static void stopEmulator() {
        emulator.close();
    }

    /** An activated account holding one 500 GiB data-transfer plan that ends in a year. */
    static Account readyAccount(String id, String secret) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Account.create(id, secret).activated(true).chargeType("PayByTraffic")
                .openingTime("2024-02-28T13:11:49Z")
                .plan(Plan.dataTransfer("FP-" + id.substring(id.length() - 4), "CDN data transfer plan (Chinese mainland)", 500 * GIB, 500 * GIB,
                        now.minus(10, ChronoUnit.DAYS).toString(), now.plus(365, ChronoUnit.DAYS).toString()));
    }

    static Map<String, String> credentials(String id, String secret) {
        return Map.of(CredentialResolver.ENV_ID, id, CredentialResolver.ENV_SECRET, secret);
    }

    static String[] args(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--endpoint");
        all.add(emulator.endpoint());
        if (!all.contains("--attempts")) {
            all.add("--attempts");
            all.add("1");
        }
        return all.toArray(new String[0]);
    }

    @Test
    public void readyAccountPassesBothGatesWithExitCode0() {
        emulator.addAccount(readyAccount("LTAI-test-0101", "test-secret-0101"));
        Map<String, String> env = credentials("LTAI-test-0101", "test-secret-0101");

        CliRun active = CliRun.run(env, args("ensure-active"));
        CliRun quota = CliRun.run(env, args("require-quota", "--min-bytes", "100GiB"));

        assertEquals(active.toString(), ExitCodes.PASS, active.exitCode);
        assertEquals(quota.toString(), ExitCodes.PASS, quota.exitCode);
        assertTrue(quota.toString(), quota.out.lines().allMatch(line -> line.startsWith("[CDN Gate] ")));
        assertEquals(quota.toString(), "", quota.err);
    }

    @Test
    public void quotaUnderTheMinimumFailsWithExitCode1() {
        emulator.addAccount(readyAccount("LTAI-test-0102", "test-secret-0102"));

        CliRun run = CliRun.run(credentials("LTAI-test-0102", "test-secret-0102"),
                args("require-quota", "--min-bytes", "600GiB"));

        assertEquals(run.toString(), ExitCodes.FAIL, run.exitCode);
    }

    @Test
    public void quotaUnderTheWarningLevelIsUnstableWithExitCode3() {
        emulator.addAccount(readyAccount("LTAI-test-0103", "test-secret-0103"));

        CliRun run = CliRun.run(credentials("LTAI-test-0103", "test-secret-0103"),
                args("require-quota", "--min-bytes", "100GiB", "--warn-bytes", "600GiB"));

        assertEquals(run.toString(), ExitCodes.UNSTABLE, run.exitCode);
    }

    @Test
    public void warnModeTurnsAFailIntoExitCode3() {
        emulator.addAccount(readyAccount("LTAI-test-0104", "test-secret-0104"));

        CliRun run = CliRun.run(credentials("LTAI-test-0104", "test-secret-0104"),
                args("require-quota", "--min-bytes", "600GiB", "--mode", "warn"));

        assertEquals(run.toString(), ExitCodes.UNSTABLE, run.exitCode);
    }

    @Test
    public void ensureActiveActivatesByDefault() {
        Account account = emulator.addAccount(readyAccount("LTAI-test-0105", "test-secret-0105").activated(false));

        CliRun run = CliRun.run(credentials("LTAI-test-0105", "test-secret-0105"), args("ensure-active"));

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        assertTrue(account.isActivated());
    }

    @Test
    public void noActivateFailsOnAnAccountThatIsNotActivatedAndLeavesItAlone() {
        for (String option : new String[] {"--no-activate", "--activate=false"}) {
            String id = "LTAI-test-01" + (option.length() + 10);
            Account account = emulator.addAccount(readyAccount(id, "test-secret-0106").activated(false));

            CliRun run = CliRun.run(credentials(id, "test-secret-0106"), args("ensure-active", option));

            assertEquals(option + "\n" + run, ExitCodes.FAIL, run.exitCode);
            assertFalse(option, account.isActivated());
            assertEquals(option, 0, emulator.requests().stream()
                    .filter(r -> r.accessKeyId().equals(id) && r.action().equals(CdnEmulator.OPEN_CDN_SERVICE)).count());
        }
    }

    @Test
    public void lockFailsUnlessTheLockPolicyIsUnstable() {
        emulator.addAccount(readyAccount("LTAI-test-0107", "test-secret-0107").locks("financial"));
        Map<String, String> env = credentials("LTAI-test-0107", "test-secret-0107");

        CliRun failing = CliRun.run(env, args("ensure-active"));
        CliRun soft = CliRun.run(env, args("ensure-active", "--lock-policy", "unstable"));

        assertEquals(failing.toString(), ExitCodes.FAIL, failing.exitCode);
        assertEquals(soft.toString(), ExitCodes.UNSTABLE, soft.exitCode);
    }

    @Test
    public void wrongSecretFailsClosedWithExitCode1() {
        emulator.addAccount(readyAccount("LTAI-test-0108", "test-secret-0108"));

        CliRun run = CliRun.run(credentials("LTAI-test-0108", "not-the-secret-0108"), args("ensure-active"));

        assertEquals(run.toString(), ExitCodes.FAIL, run.exitCode);
    }

    @Test
    public void missingCredentialsIsOneLineSayingHowToProvideThemWithExitCode2() {
        CliRun run = CliRun.run(Map.of(), args("require-quota", "--min-bytes", "1GiB"));

        assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
        assertEquals("", run.out);
        // the test JVM has no aliyun CLI config or credentials file (user.home is target/test-home) and ECS metadata is off
        assertTrue(run.err, run.err.startsWith("cdn-gate: no Alibaba Cloud credentials found: "
                + io.jenkins.plugins.cdngate.core.credentials.DefaultChain.HOW_TO_PROVIDE + " (tried: "));
        assertEquals(run.err, 1, run.err.lines().count());
    }

    /** Each row: the arguments, a piece of the one-line error that says what to fix. */
    private static final String[][] USAGE_ERRORS = {
            {"require-quota", "Missing required option: '--min-bytes=SIZE'"},
            {"require-quota --min-bytes lots", "--min-bytes"},
            {"require-quota --min-bytes 2GiB --warn-bytes 1GiB",
                    "--warn-bytes (1.0 GiB (1073741824 bytes)) must be at least --min-bytes (2.0 GiB (2147483648 bytes))"},
            {"require-quota --min-bytes 1GiB --mode sometimes", "mode must be 'enforce' or 'warn', not 'sometimes'"},
            {"require-quota --min-bytes 1GiB --plan-filter (mainland", "--plan-filter '(mainland' is not a valid regular expression"},
            {"require-quota --min-bytes 1GiB --min-requests many", "option '--min-requests': count 'many' is not a whole number"},
            {"require-quota --min-bytes 1GiB --min-requests 1,000",
                    "option '--min-requests': count '1,000' has a thousands separator: write digits only, like 1000"},
            {"require-quota --min-bytes 1GiB --min-requests -5", "option '--min-requests': count '-5' is negative: give 0 or more"},
            {"require-quota --min-bytes 1GiB --expiry-warning-days -1", "option '--expiry-warning-days': '-1' is out of range: give 0"},
            {"require-quota --min-bytes 1GiB --expiry-warning-days 1.5", "option '--expiry-warning-days': '1.5' is not a whole number"},
            {"require-quota --min-bytes 1GiB --min-days-left 99999999999999999999",
                    "option '--min-days-left': '99999999999999999999' is out of range: give 0 to 36500 days"},
            {"ensure-active --attempts 1000000000000000000000", "option '--attempts': '1000000000000000000000' is out of range"},
            {"ensure-active --lock-policy maybe", "lock policy must be 'fail' or 'unstable', not 'maybe'"},
            {"ensure-active --timeout 0s", "--timeout must be above 0"},
            {"ensure-active --timeout soon", "'soon' is not a duration: write it like 500ms, 10s, 1.5s, 2m or 1h"},
            {"ensure-active --timeout -1s", "option '--timeout': '-1s' must not be negative"},
            {"ensure-active --connect-timeout -1s", "option '--connect-timeout': '-1s' must not be negative"},
            {"ensure-active --deadline -1s", "option '--deadline': '-1s' must not be negative"},
            {"require-quota --min-bytes 1GiB --cache-ttl -1s", "option '--cache-ttl': '-1s' must not be negative"},
            {"ensure-active --attempts 0", "option '--attempts': '0' is out of range: give 1 to 100 attempts"},
            {"ensure-active --attempts x", "option '--attempts': 'x' is not a whole number: give 1 to 100 attempts"},
            {"ensure-active --rate-limit-open 0", "option '--rate-limit-open': '0' is not a rate"},
            {"ensure-active --rate-limit-describe NaN", "option '--rate-limit-describe': 'NaN' is not a rate"},
            {"ensure-active --charge-type bogus", "--charge-type 'bogus' is not a charge type: use PayByTraffic ("},
            {"ensure-active --charge-type PayByBandwidth",
                    "--charge-type PayByBandwidth cannot be used to activate: OpenCdnService accepts only PayByTraffic"},
            {"ensure-active --expected-charge-type bogus",
                    "--expected-charge-type 'bogus' is not a charge type: use PayByTraffic or PayByBandwidth"},
            {"ensure-active --frobnicate", "unknown option --frobnicate"},
            {"deploy", "unknown command (not shown); commands: ensure-active, require-quota, demo"},
            {"", "Missing command: use ensure-active, require-quota or demo"},
    };

    @Test
    public void everyUsageErrorIsOneLineOnStderrNamingTheOptionWithExitCode2AndNoCall() {
        // not activated: a charge type that slipped through would send a real OpenCdnService
        emulator.addAccount(readyAccount("LTAI-test-0109", "test-secret-0109").activated(false));
        for (String[] row : USAGE_ERRORS) {
            String[] argv = row[0].isEmpty() ? new String[0] : row[0].split(" ");

            CliRun run = CliRun.run(credentials("LTAI-test-0109", "test-secret-0109"),
                    argv.length == 0 ? argv : args(argv));

            assertEquals(row[0] + "\n" + run, ExitCodes.USAGE, run.exitCode);
            assertEquals(row[0] + "\n" + run, "", run.out);
            assertTrue(row[0] + "\n" + run, run.err.startsWith("cdn-gate: ") && run.err.contains(row[1]));
            assertTrue(row[0] + "\n" + run, run.err.strip().endsWith(" --help')"));
            assertEquals(row[0] + "\n" + run, 1, run.err.lines().count());
        }
        assertEquals(0, emulator.requests().stream().filter(r -> r.accessKeyId().equals("LTAI-test-0109")).count());
    }

    /**
     * An unexpanded "$PLAN_FILTER" would count every plan, which could pass where the filter fails: refused. A blank
     * --mode is the default, enforce, the strict one (documented in docs/cli.md).
     */
    @Test
    public void aBlankPlanFilterIsRefusedAndABlankModeIsEnforce() {
        emulator.addAccount(readyAccount("LTAI-test-0113", "test-secret-0113"));
        Map<String, String> env = credentials("LTAI-test-0113", "test-secret-0113");

        for (String blank : new String[] {"", " "}) {
            CliRun filter = CliRun.run(env, args("require-quota", "--min-bytes", "1GiB", "--plan-filter", blank));
            assertEquals(filter.toString(), ExitCodes.USAGE, filter.exitCode);
            assertEquals("cdn-gate: --plan-filter is empty: give a regular expression, e.g. 'mainland', or leave the "
                    + "option out to count every plan (see 'cdn-gate require-quota --help')" + System.lineSeparator(),
                    filter.err);

            CliRun mode = CliRun.run(env, args("require-quota", "--min-bytes", "600GiB", "--mode", blank));
            assertEquals(mode.toString(), ExitCodes.FAIL, mode.exitCode);
        }
    }

    @Test
    public void aRateErrorBlamesOnlyTheOptionAtFault() {
        CliRun run = CliRun.run(credentials("LTAI-test-0109", "test-secret-0109"),
                args("ensure-active", "--rate-limit-describe", "NaN"));

        assertTrue(run.toString(), run.err.contains("--rate-limit-describe"));
        assertFalse(run.toString(), run.err.contains("--rate-limit-open"));
    }

    /** Each row: a bad --endpoint and what the one line says about it. */
    private static final String[][] BAD_ENDPOINTS = {
            {"garbage endpoint!", "--endpoint 'garbage endpoint!' is not a host name"},
            {"http://example.com", "--endpoint 'http://example.com' uses plain http to a non-local host: use https://"},
            {"ftp://x", "--endpoint 'ftp://x' has scheme 'ftp': use https://host[:port]"},
            {"127.0.0.1:99999", "--endpoint '127.0.0.1:99999' has port 99999: use a port from 1 to 65535"},
            {"", "--endpoint is empty: give HOST[:PORT] or a URL"},
            {"https://cdn.aliyuncs.com/path", "--endpoint 'https://cdn.aliyuncs.com/path' has a path, query or fragment"},
            {"https://ci:hunter2-pw@cdn.aliyuncs.com",
                    "--endpoint (not shown: it holds a user name or password before '@') is refused: give only host[:port]"},
            {"ci:hunter2-pw@cdn.aliyuncs.com",
                    "--endpoint (not shown: it holds a user name or password before '@') is refused: give only host[:port]"},
    };

    @Test
    public void aPasswordInTheEndpointIsNeverShown() {
        for (String endpoint : new String[] {"https://ci:hunter2-pw@cdn.aliyuncs.com", "ci:hunter2-pw@127.0.0.1:1"}) {
            CliRun run = CliRun.run(credentials("LTAI-test-0110", "test-secret-0110"),
                    "require-quota", "--min-bytes", "1GiB", "--endpoint", endpoint);

            assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
            assertFalse(run.toString(), run.all().contains("hunter2"));
        }
    }

    @Test
    public void aBadEndpointIsAUsageErrorWithEmptyStdoutEvenWithJson() {
        for (String[] row : BAD_ENDPOINTS) {
            for (String gate : new String[] {"ensure-active", "require-quota"}) {
                String[] argv = gate.equals("ensure-active") ? new String[] {gate, "--json", "--endpoint", row[0]}
                        : new String[] {gate, "--json", "--min-bytes", "1GiB", "--endpoint", row[0]};

                CliRun run = CliRun.run(credentials("LTAI-test-0110", "test-secret-0110"), argv);

                assertEquals(row[0] + "\n" + run, ExitCodes.USAGE, run.exitCode);
                assertEquals(row[0] + "\n" + run, "", run.out);
                assertEquals(row[0] + "\n" + run, "cdn-gate: " + row[1], run.err.substring(0, ("cdn-gate: " + row[1]).length()));
                assertTrue(row[0] + "\n" + run, run.err.strip().endsWith("(see 'cdn-gate " + gate + " --help')"));
                assertEquals(row[0] + "\n" + run, 1, run.err.lines().count());
            }
        }
    }

    @Test
    public void blankExternalIdAndProfileAreUsageErrorsInOneLineWithTheHelpHint() {
        String[][] rows = {
            {"--external-id", "--external-id is empty: give the ExternalId the role's trust policy asks for, or leave "
                    + "the option out"},
            {"--profile", "--profile is empty: name a profile of the aliyun CLI, or leave the option out"},
            {"--role-session-name", "--role-session-name is empty: give a session name (2 to 64 letters, digits or . @ - _),"
                    + " or leave the option out for the default, cdn-gate"},
        };
        for (String[] row : rows) {
            for (String blank : new String[] {"", "  "}) {
                CliRun run = CliRun.run(credentials("LTAI-test-0110", "test-secret-0110"), "require-quota", "--json",
                        "--min-bytes", "1GiB", "--endpoint", "127.0.0.1:1", "--role-arn",
                        "acs:ram::1234567890123456:role/deploy", row[0], blank);

                assertEquals(row[0] + "\n" + run, ExitCodes.USAGE, run.exitCode);
                assertEquals(row[0] + "\n" + run, "", run.out);
                assertEquals(row[0] + "\n" + run, "cdn-gate: " + row[1] + " (see 'cdn-gate require-quota --help')",
                        run.err.strip());
            }
        }
    }

    @Test
    public void expectedChargeTypeAcceptsBothBillingMethodsInAnyLetterCase() {
        emulator.addAccount(readyAccount("LTAI-test-0111", "test-secret-0111"));
        Map<String, String> env = credentials("LTAI-test-0111", "test-secret-0111");

        CliRun same = CliRun.run(env, args("ensure-active", "--expected-charge-type", "paybytraffic"));
        CliRun other = CliRun.run(env, args("ensure-active", "--expected-charge-type", "PayByBandwidth"));

        assertEquals(same.toString(), ExitCodes.PASS, same.exitCode);
        assertEquals(other.toString(), ExitCodes.UNSTABLE, other.exitCode);
        assertTrue(other.toString(), other.out.contains("PayByBandwidth"));
    }

    @Test
    public void aBlankOrLowerCaseChargeTypeActivatesWithPayByTraffic() {
        for (String value : new String[] {"", "paybytraffic"}) {
            String id = value.isEmpty() ? "LTAI-test-0114" : "LTAI-test-0115";
            Account account = emulator.addAccount(readyAccount(id, "test-secret-0114").activated(false));

            CliRun run = CliRun.run(credentials(id, "test-secret-0114"), args("ensure-active", "--charge-type", value));

            assertEquals(value + "\n" + run, ExitCodes.PASS, run.exitCode);
            assertTrue(value + "\n" + run, account.isActivated());
            assertTrue(value + "\n" + run, run.out.contains("charge type PayByTraffic"));
        }
    }

    @Test
    public void aSecretWithSurroundingWhitespaceStillSigns() {
        // a secret file or `echo` adds a trailing newline; the emulator checks the signature like Alibaba does
        emulator.addAccount(readyAccount("LTAI-test-0113", "test-secret-0113"));

        CliRun run = CliRun.run(credentials(" LTAI-test-0113\n", "test-secret-0113\n"), args("ensure-active"));

        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
    }

    @Test
    public void theStartLineIsPrintedOnceBeforeTheReport() {
        emulator.addAccount(readyAccount("LTAI-test-0112", "test-secret-0112"));
        Map<String, String> env = credentials("LTAI-test-0112", "test-secret-0112");

        CliRun human = CliRun.run(env, args("ensure-active", "--mode", "warn"));
        CliRun json = CliRun.run(env, args("ensure-active", "--json"));

        List<String> lines = human.out.lines().toList();
        assertEquals(human.toString(), "[CDN Gate] ensure-active with AccessKey LTAI****0112 from environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (mode warn)", lines.get(0));
        assertEquals(human.toString(), 1, lines.stream().filter(l -> l.contains(" with AccessKey ")).count());
        assertTrue(json.toString(), json.out.startsWith("{"));
    }
}
