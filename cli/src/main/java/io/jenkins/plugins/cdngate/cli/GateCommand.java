package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.CallGovernor;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.GovernorSettings;
import io.jenkins.plugins.cdngate.core.Mode;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.ReportJson;
import io.jenkins.plugins.cdngate.core.ReportText;
import io.jenkins.plugins.cdngate.core.credentials.CredentialException;
import io.jenkins.plugins.cdngate.core.credentials.CredentialFailure;
import io.jenkins.plugins.cdngate.core.credentials.RoleAssumer;
import io.jenkins.plugins.cdngate.core.credentials.RoleSpec;
import io.jenkins.plugins.cdngate.core.picture.TrendPoint;
import io.jenkins.plugins.cdngate.core.publish.HtmlReport;
import io.jenkins.plugins.cdngate.core.publish.JUnitReport;
import io.jenkins.plugins.cdngate.core.publish.MarkdownSummary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
        Outputs outputs = outputs();
        // a report file of an earlier run must not outlive a run that writes none (an option or credentials error,
        // an interrupt): a CI artifact would show its old verdict next to this run's exit code
        outputs.removeStale();
        validate();
        String profile = common.profile();
        RoleSpec role = common.role();
        AccessKey accessKey;
        try {
            accessKey = root.credentials(profile, common.configFile, connection);
            if (role != null) {
                AccessKey base = accessKey;
                try {
                    accessKey = root.remember(RoleAssumer.assume(base, role, connection));
                } catch (CredentialException e) {
                    // STS refused: fail closed with a FAIL report naming the base key (masked) and the fix
                    return failedBeforeAnyCall(CredentialFailure.report(spec.name(), e, mode(), base), outputs);
                }
            }
        } catch (CredentialException e) {
            // a source's exchange with Alibaba Cloud was refused (e.g. the OIDC source's STS call): FAIL, not a usage error
            return failedBeforeAnyCall(CredentialFailure.report(spec.name(), e, mode()), outputs);
        }
        R request;
        try {
            request = request(accessKey, connection);
        } catch (IllegalArgumentException e) {
            // a combination core refuses that validate() did not foresee; still a usage error, not a crash, and in
            // option names: core words its request checks with its parameter names (minBytes, expectedChargeType)
            throw ConfigurationException.option(optionNames(e.getMessage()));
        }
        CallGovernor.shared().configure(governor);
        String startLine = ReportText.startLine(spec.name(), accessKey.maskedId(), accessKey.source(), mode());
        if (!common.json) {
            // printed now, so a build log is not silent while the gate waits out retries (up to --deadline);
            // never with --json, whose stdout is one JSON object and nothing else
            PrintWriter out = spec.commandLine().getOut();
            out.println(startLine);
            out.flush();
        }
        for (String notice : notices()) {
            (common.json ? spec.commandLine().getErr() : spec.commandLine().getOut()).println(ReportText.PREFIX + notice);
        }
        Report report = run(request);
        root.reported(report);
        List<String> after = afterRun(report);
        print(report, startLine, after);
        outputs.write(report);
        return ExitCodes.of(report.verdict());
    }

    /** A credential failure: printed and written to every output file like any report (CI's test view shows it too). */
    private int failedBeforeAnyCall(Report failed, Outputs outputs) {
        root.reported(failed);
        print(failed, null, List.of());
        outputs.write(failed);
        return ExitCodes.of(failed.verdict());
    }

    /** The files this run writes besides stdout, checked now (before any call). */
    private Outputs outputs() {
        Path html = common.report == null ? null : ReportFiles.check("--report", common.report);
        Path junit = common.junit == null ? null : ReportFiles.check("--junit", common.junit);
        String summaryValue = root.environment().get(ReportFiles.GITHUB_STEP_SUMMARY);
        Path summary = summaryValue == null ? null
                : ReportFiles.check(ReportFiles.GITHUB_STEP_SUMMARY, summaryValue, false);
        ReportFiles.requireDistinct("--report", html, "--junit", junit, "--history", historyFile(),
                ReportFiles.GITHUB_STEP_SUMMARY, summary);
        return new Outputs(html, junit, summary);
    }

    /**
     * {@code --report}, {@code --junit} and the GitHub step summary. Each is written after the report is printed:
     * a file that cannot be written then is a configuration error (exit 2), never a silent pass.
     */
    private final class Outputs {
        final Path html;
        final Path junit;
        final Path summary;

        Outputs(Path html, Path junit, Path summary) {
            this.html = html;
            this.junit = junit;
            this.summary = summary;
        }

        void removeStale() {
            for (Path path : new Path[] {html, junit}) {
                try {
                    if (path != null && Files.isRegularFile(path)) {
                        Files.delete(path);
                    }
                } catch (java.io.IOException e) {
                    throw ConfigurationException.option("cannot replace " + path + " (the report of an earlier run): "
                            + ReportFiles.words(e));
                }
            }
        }

        void write(Report report) {
            PrintWriter out = spec.commandLine().getOut();
            List<Report> reports = List.of(report);
            if (html != null) {
                ReportFiles.write("--report", html, HtmlReport.render(reports, Instant.now(), trend(report)));
                say(out, "HTML report: " + html.toAbsolutePath());
            }
            if (junit != null) {
                ReportFiles.write("--junit", junit, JUnitReport.render(reports));
                say(out, "JUnit XML: " + junit.toAbsolutePath());
            }
            if (summary != null) {
                ReportFiles.append(ReportFiles.GITHUB_STEP_SUMMARY, summary, MarkdownSummary.render(reports));
                say(out, "Summary added to $" + ReportFiles.GITHUB_STEP_SUMMARY);
            }
        }

        private void say(PrintWriter out, String line) {
            // with --json on stderr: stdout is one JSON object and nothing else
            PrintWriter to = common.json ? spec.commandLine().getErr() : out;
            to.println(ReportText.PREFIX + line);
            to.flush();
        }
    }

    /** Core's request parameter names, as the options a CLI user knows. */
    private static final String[][] OPTION_NAMES = {
            {"minBytes", "--min-bytes"}, {"warnBytes", "--warn-bytes"}, {"minRequests", "--min-requests"},
            {"planFilter", "--plan-filter"}, {"expiryWarningDays", "--expiry-warning-days"},
            {"expectedChargeType", "--expected-charge-type"}, {"chargeType", "--charge-type"},
            {"lockPolicy", "--lock-policy"}, {"maxAttempts", "--attempts"}, {"connectTimeout", "--connect-timeout"},
            {"readTimeout", "--timeout"}, {"cacheTtl", "--cache-ttl"}, {"openPerSecond", "--rate-limit-open"},
            {"describePerSecond", "--rate-limit-describe"}, {"minDaysLeft", "--min-days-left"},
            {"warnDaysLeft", "--warn-days-left"},
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

    /** The file this command reads earlier readings from and appends to ({@code --history}); none by default. */
    Path historyFile() {
        return null;
    }

    /** Lines (without prefix) to print before the gate runs, e.g. what an input file held; none by default. */
    List<String> notices() {
        return List.of();
    }

    /** Earlier readings and this run's, for the trend in the HTML report; none by default. */
    List<TrendPoint> trend(Report report) {
        return List.of();
    }

    /** What this command does with the report before it is printed (e.g. record it); lines saying so. */
    List<String> afterRun(Report report) {
        return List.of();
    }

    /** The report; {@code after} lines go just before the verdict line (to stderr with --json: stdout is the JSON). */
    private void print(Report report, String startLine, List<String> after) {
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.println(ReportJson.toJson(report));
            for (String line : after) {
                spec.commandLine().getErr().println(ReportText.PREFIX + line);
            }
            spec.commandLine().getErr().flush();
        } else {
            List<String> lines = new java.util.ArrayList<>(ReportText.lines(report));
            for (String line : after) {
                lines.add(lines.size() - 1, ReportText.PREFIX + line);
            }
            // the report's own first line is the start line already printed; if the forms ever differ, print it all
            int from = !lines.isEmpty() && lines.get(0).equals(startLine) ? 1 : 0;
            for (String line : lines.subList(from, lines.size())) {
                out.println(line);
            }
        }
        out.flush();
    }
}
