package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.CallGovernor;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.GovernorSettings;
import io.jenkins.plugins.cdngate.core.Mode;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.ReportJson;
import io.jenkins.plugins.cdngate.core.ReportText;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What both gate subcommands do around their gate: resolve credentials, configure the process-wide
 * call governor, run, print the report, turn the verdict into the exit code. The gate decides;
 * this class only renders (a front end never interprets an Alibaba error code).
 */
abstract class GateCommand<R> implements Callable<Integer> {
    @ParentCommand
    CdnGate root;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public final Integer call() throws InterruptedException {
        // Every option is checked before credentials are read and before any call: a typo is exit code 2 with
        // one line naming the option, never a FAIL report and never a state-changing call (OpenCdnService).
        ConnectionSettings connection = common.connection();
        GovernorSettings governor = common.governor(openPerSecond());
        validate();
        AccessKey accessKey = root.credentials(common.profile, common.configFile);
        R request;
        try {
            request = request(accessKey, connection);
        } catch (IllegalArgumentException e) {
            // a combination core refuses that validate() did not foresee; still a usage error, not a crash, and in
            // option names: core words its request checks with its parameter names (minBytes, expectedChargeType)
            throw ConfigurationException.option(optionNames(e.getMessage()));
        }
        CallGovernor.shared().configure(governor);
        String startLine = ReportText.PREFIX + spec.name() + " with AccessKey " + accessKey.maskedId()
                + (mode() == Mode.WARN ? " (mode warn)" : "");
        if (!common.json) {
            // printed now, so a build log is not silent while the gate waits out retries (up to --deadline);
            // never with --json, whose stdout is one JSON object and nothing else
            PrintWriter out = spec.commandLine().getOut();
            out.println(startLine);
            out.flush();
        }
        Report report = run(request);
        print(report, startLine);
        return ExitCodes.of(report.verdict());
    }

    /** Core's request parameter names, as the options a CLI user knows. */
    private static final String[][] OPTION_NAMES = {
            {"minBytes", "--min-bytes"}, {"warnBytes", "--warn-bytes"}, {"minRequests", "--min-requests"},
            {"planFilter", "--plan-filter"}, {"expiryWarningDays", "--expiry-warning-days"},
            {"expectedChargeType", "--expected-charge-type"}, {"chargeType", "--charge-type"},
            {"lockPolicy", "--lock-policy"}, {"maxAttempts", "--attempts"}, {"connectTimeout", "--connect-timeout"},
            {"readTimeout", "--timeout"}, {"cacheTtl", "--cache-ttl"}, {"openPerSecond", "--rate-limit-open"},
            {"describePerSecond", "--rate-limit-describe"},
    };

    static String optionNames(String message) {
        String result = message == null ? "" : message;
        for (String[] name : OPTION_NAMES) {
            result = result.replaceAll("(?<![\\w-])" + name[0] + "(?!\\w)", name[1]);
        }
        return result;
    }

    /**
     * Checks the option values and combinations this command adds, in option names;
     * {@link ConfigurationException#option(String)} for one that is wrong.
     */
    abstract void validate();

    abstract Mode mode();

    /** OpenCdnService calls per second: ensure-active's {@code --rate-limit-open}; the default for other gates. */
    double openPerSecond() {
        return GovernorSettings.defaults().openPerSecond();
    }

    /**
     * Every exit code a gate can return, each explained: the exit code list of both gates' help (picocli
     * {@code exitCodeList}), one text so the two never differ.
     */
    static final String EXIT_HEADING = "%nExit codes:%n";
    static final String EXIT_0 = "0:PASS - the account is ready: deploy.";
    static final String EXIT_1 = "1:FAIL - do not deploy (or nothing could be verified: the gate fails closed).";
    static final String EXIT_2 = "2:usage or configuration error (bad option or value, no or broken credentials): fix the job.";
    static final String EXIT_3 = "3:UNSTABLE - deploy, but someone must look.";
    static final String EXIT_4 = "4:internal error in cdn-gate - nothing was verified; treat as FAIL.";
    static final String EXIT_130 = "130:interrupted (Ctrl-C, or SIGTERM when a CI job is cancelled); nothing was"
            + " verified, do not deploy.";
    /** ensure-active's 130: an interrupt during OpenCdnService says the activation's outcome is unknown. */
    static final String EXIT_130_ACTIVATION = EXIT_130 + " If it came while OpenCdnService was on its way, stderr"
            + " says the activation's outcome is unknown: check the service in the console.";

    /** The gate request from checked options. */
    abstract R request(AccessKey accessKey, ConnectionSettings connection);

    /** Runs the gate: every failure is a report, only an interrupt is thrown. */
    abstract Report run(R request) throws InterruptedException;

    private void print(Report report, String startLine) {
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.println(ReportJson.toJson(report));
        } else {
            List<String> lines = ReportText.lines(report);
            // the report's own first line is the start line already printed; if the forms ever differ, print it all
            int from = !lines.isEmpty() && lines.get(0).equals(startLine) ? 1 : 0;
            for (String line : lines.subList(from, lines.size())) {
                out.println(line);
            }
        }
        out.flush();
    }
}
