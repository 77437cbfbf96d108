package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Test;

public class HelpAndVersionTest {
    /** Each row: the command, the options its help must list. */
    private static final String[][] COMMANDS = {
            {"", "ensure-active", "require-quota", "demo", "--version", "Exit codes:"},
            {"ensure-active", "--[no-]activate", "--charge-type", "--expected-charge-type", "--lock-policy", "--mode",
                    "--endpoint", "--json", "--timeout", "--connect-timeout", "--attempts", "--deadline", "--profile",
                    "--role-arn", "--role-session-name", "--role-duration", "--external-id", "--sts-endpoint", "--rate-limit-describe", "--rate-limit-open", "--no-rate-limit", "--cache-ttl"},
            {"require-quota", "--min-bytes", "--warn-bytes", "--min-requests", "--plan-filter", "--expiry-warning-days",
                    "--mode", "--endpoint", "--json", "--timeout", "--profile"},
            {"demo", "No Alibaba Cloud", "Exit code"},
    };

    @Test
    public void helpOfEveryCommandListsItsOptionsOnStdoutWithExitCode0() {
        for (String[] row : COMMANDS) {
            String[] argv = row[0].isEmpty() ? new String[] {"--help"} : new String[] {row[0], "--help"};

            CliRun run = CliRun.run(Map.of(), argv);

            assertEquals(row[0] + "\n" + run, ExitCodes.PASS, run.exitCode);
            assertTrue(run.toString(), run.out.startsWith("Usage: cdn-gate" + (row[0].isEmpty() ? "" : " " + row[0])));
            for (int i = 1; i < row.length; i++) {
                assertTrue(row[0] + " lacks " + row[i] + "\n" + run, run.out.contains(row[i]));
            }
            assertEquals("", run.err);
        }
    }

    /** Issue 8 item 7: each gate's help lists every exit code it can return, each explained. */
    @Test
    public void helpOfEachGateExplainsEveryExitCodeItCanReturn() {
        for (String gate : new String[] {"ensure-active", "require-quota"}) {
            String help = CliRun.run(Map.of(), gate, "--help").out;
            int at = help.indexOf("Exit codes:");
            assertTrue(gate + "\n" + help, at >= 0);
            String codes = help.substring(at);
            for (String[] row : new String[][] {{"0", "PASS"}, {"1", "FAIL"}, {"2", "usage"}, {"3", "UNSTABLE"},
                    {"4", "internal error"}, {"130", "interrupted"}}) {
                assertTrue(gate + " lacks exit code " + row[0] + "\n" + codes,
                        codes.matches("(?s).*\\n\\s*" + row[0] + "\\s+" + row[1] + ".*"));
            }
            assertFalse(gate + ": no half list in the description\n" + help,
                    help.contains("Exit code 0 PASS, 1 FAIL, 2 usage/configuration error, 3 UNSTABLE."));
        }
    }

    /** Issue 8 item 7: require-quota never calls OpenCdnService, so it has no --rate-limit-open. */
    @Test
    public void eachGateListsOnlyTheOptionsItUses() {
        String quota = CliRun.run(Map.of(), "require-quota", "--help").out;
        assertFalse(quota, quota.contains("--rate-limit-open"));
        assertFalse(quota, quota.contains("OpenCdnService calls"));
        assertTrue(quota, quota.contains("--rate-limit-describe"));
        String ensure = CliRun.run(Map.of(), "ensure-active", "--help").out;
        assertTrue(ensure, ensure.contains("--rate-limit-open"));
        CliRun refused = CliRun.run(Map.of(), "require-quota", "--min-bytes", "1GiB", "--rate-limit-open", "2");
        assertEquals(refused.toString(), ExitCodes.USAGE, refused.exitCode);
    }

    /** The role options are one group in each gate's help, not split by the output-file options. */
    @Test
    public void theRoleOptionsAreListedTogetherAndTheOutputFilesAfterThem() {
        for (String gate : new String[] {"ensure-active", "require-quota"}) {
            String help = CliRun.run(Map.of(), gate, "--help").out;
            java.util.List<String> options = help.lines()
                    .filter(l -> l.startsWith("      --")).map(String::strip).map(l -> l.split("[=\\s]")[0]).toList();
            int arn = options.indexOf("--role-arn");
            assertEquals(gate + "\n" + help, java.util.List.of("--role-arn", "--role-session-name", "--role-duration",
                    "--external-id", "--sts-endpoint", "--report", "--junit"), options.subList(arn, arn + 7));
        }
        String quota = CliRun.run(Map.of(), "require-quota", "--help").out;
        for (String option : new String[] {"--min-days-left", "--warn-days-left", "--history", "--report", "--junit"}) {
            assertTrue(option + "\n" + quota, quota.contains(option + "="));
        }
        String ensure = CliRun.run(Map.of(), "ensure-active", "--help").out;
        for (String option : new String[] {"--min-days-left", "--warn-days-left", "--history", "--min-bytes"}) {
            assertFalse(option + "\n" + ensure, ensure.contains(option));
        }
    }

    @Test
    public void helpOffersOnlyPayByTrafficForActivationAndBothBillingMethodsAsExpected() {
        String help = CliRun.run(Map.of(), "ensure-active", "--help").out.replaceAll("\\s+", " ");

        String chargeType = help.substring(help.indexOf("--charge-type=TYPE Billing"), help.indexOf("--expected-charge-type=TYPE "));
        String expected = help.substring(help.indexOf("--expected-charge-type=TYPE "), help.indexOf("--lock-policy=fail|unstable "));
        assertTrue(chargeType, chargeType.contains("accepts only PayByTraffic"));
        assertFalse(chargeType, chargeType.contains("PayByBandwidth"));
        assertTrue(expected, expected.contains("PayByTraffic or PayByBandwidth"));
    }

    @Test
    public void versionNamesTheBuild() {
        CliRun run = CliRun.run(Map.of(), "--version");

        assertEquals(ExitCodes.PASS, run.exitCode);
        assertTrue(run.toString(), run.out.matches("cdn-gate \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"));
    }
}
