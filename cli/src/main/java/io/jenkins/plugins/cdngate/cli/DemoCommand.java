package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.publish.HtmlReport;
import io.jenkins.plugins.cdngate.core.Sizes;
import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.Plan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cdn-gate demo}: both gates, run exactly as a build would run them (the same subcommands,
 * credentials from the environment), against the emulator started in this process with a realistic
 * account. No Alibaba Cloud account, no network beyond loopback.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        versionProvider = CdnGate.Version.class,
        description = {
                "Runs ensure-active, then require-quota, against an emulated account in this process: CDN not yet "
                        + "activated, 500 GiB left of a 1 TiB data-transfer plan, a 50 GiB plan ending in 3 days, "
                        + "and an HTTPS request plan. No Alibaba Cloud account needed.",
                "Exit code: 0 when both gates end as scripted (ensure-active PASS, require-quota UNSTABLE "
                        + "for the plan ending soon); otherwise the worst gate's exit code."})
final class DemoCommand implements Callable<Integer> {
    /** Obviously fake: the hyphen can never occur in a real AccessKey ID. */
    static final String DEMO_ACCESS_KEY_ID = "LTAI-demo-0001";
    static final String DEMO_SECRET = "demo-secret-0001";
    static final long GIB = 1L << 30;

    /** The exit codes of ensure-active and require-quota that tell the demo's story. */
    static final List<Integer> SCRIPTED = List.of(ExitCodes.PASS, ExitCodes.UNSTABLE);

    static final String LARGE_PLAN = "FP-demo-0001";
    static final String ENDING_PLAN = "FP-demo-0002";
    static final String REQUEST_PLAN = "CDNHTTPSBAG-demo-0003";

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Where to write the HTML report of both gates (default: cdn-gate-demo-report.html in the "
                    + "system's temporary directory, ${sys:java.io.tmpdir}).")
    String report;

    @ParentCommand
    CdnGate root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path reportFile = ReportFiles.check("--report", report == null
                ? Path.of(System.getProperty("java.io.tmpdir"), "cdn-gate-demo-report.html").toString() : report);
        List<Report> reports = new ArrayList<>();
        try (CdnEmulator emulator = CdnEmulator.start()) {
            emulator.addAccount(demoAccount(now));
            String endpoint = emulator.endpoint();

            out.println("CDN Gate demo: both gates against the Alibaba Cloud CDN API emulator on " + endpoint
                    + " (started in this process; it checks signatures like the real service).");
            out.println("The emulated account " + AccessKey.mask(DEMO_ACCESS_KEY_ID)
                    + " has not activated CDN yet and holds three plans:");
            for (Plan plan : emulator.account(DEMO_ACCESS_KEY_ID).plans()) {
                out.println("  " + describe(plan, now));
            }
            out.println();

            Map<String, String> variables = new HashMap<>(root.environment().variables());
            variables.put(CredentialResolver.ENV_ID, DEMO_ACCESS_KEY_ID);
            variables.put(CredentialResolver.ENV_SECRET, DEMO_SECRET);
            variables.remove(CredentialResolver.ENV_TOKEN);
            variables.remove(CredentialResolver.ENV_PROFILE);
            // an emulated account's verdicts never go to a real run's summary page (nor from the build's training run)
            variables.remove(ReportFiles.GITHUB_STEP_SUMMARY);
            CliEnvironment build = new CliEnvironment(variables, root.environment().home());
            out.println("A build step sets the credentials in its environment, as a CI secret:");
            out.println("$ export " + CredentialResolver.ENV_ID + "=" + AccessKey.mask(DEMO_ACCESS_KEY_ID) + " "
                    + CredentialResolver.ENV_SECRET + "=****     # masked here, as in every line cdn-gate prints");
            out.println();

            List<Integer> codes = new ArrayList<>();
            String[][] steps = {
                    {"ensure-active", "--endpoint", endpoint},
                    {"require-quota", "--endpoint", endpoint, "--min-bytes", "100GiB", "--warn-bytes", "200GiB",
                            "--min-requests", "1000000", "--expiry-warning-days", "7"},
            };
            int exitCode = ExitCodes.PASS;
            for (String[] step : steps) {
                out.println("$ cdn-gate " + String.join(" ", step));
                out.flush();
                int code = CdnGate.run(build, out, err, reports::add, step);
                out.println("exit code " + code + " (" + ExitCodes.describe(code) + ")");
                out.println();
                codes.add(code);
                exitCode = worse(exitCode, code);
                if (code != ExitCodes.PASS && code != ExitCodes.UNSTABLE) {
                    out.println("A build stops at the first gate that fails, so this demo stops here too.");
                    break;
                }
            }
            // The demo is the project's main job: it succeeds when the gates told the scripted story, which
            // includes an UNSTABLE verdict on purpose; anything else surfaces as the worst gate's exit code.
            boolean asScripted = codes.equals(SCRIPTED);
            explain(out, codes, asScripted);
            ReportFiles.write("--report", reportFile, HtmlReport.render(reports, Instant.now()));
            out.println();
            out.println("The HTML report of both gates (verdicts, the picture of every plan, findings, RequestIds): "
                    + reportFile.toAbsolutePath());
            out.println("Open it in a browser; it is one self-contained file. A gate writes it with --report FILE.html.");
            out.flush();
            return asScripted ? ExitCodes.PASS : exitCode;
        }
    }

    /** Plan times are relative to now, so the demo tells the same story on any day. */
    static Account demoAccount(Instant now) {
        String started = now.minus(180, ChronoUnit.DAYS).toString();
        String endsLater = now.plus(185, ChronoUnit.DAYS).toString();
        return Account.create(DEMO_ACCESS_KEY_ID, DEMO_SECRET)
                .activated(false)
                .plan(Plan.dataTransfer(LARGE_PLAN, "CDN data transfer plan (Chinese mainland)", 500 * GIB, 1024 * GIB,
                        started, endsLater))
                .plan(Plan.dataTransfer(ENDING_PLAN, "CDN data transfer plan (Chinese mainland)", 50 * GIB, 100 * GIB,
                        now.minus(362, ChronoUnit.DAYS).toString(), now.plus(3, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS).toString()))
                .plan(Plan.httpsRequests(REQUEST_PLAN, "CDN resource plan for HTTPS requests", 8_000_000L, 10_000_000L,
                        started, endsLater));
    }

    /** One line per plan for the introduction, from the emulated plan itself. */
    private static String describe(Plan plan, Instant now) {
        boolean requests = Plan.HTTPS_REQUESTS.equals(plan.commodityCode());
        long left = Long.parseLong(plan.currCapacity());
        long total = Long.parseLong(plan.initCapacity());
        long days = ChronoUnit.DAYS.between(now, Instant.parse(plan.endTime()));
        return plan.instanceId() + "  " + (requests
                ? String.format(Locale.ROOT, "HTTPS requests, %,d left of %,d", left, total)
                : "data transfer, " + Sizes.brief(left) + " left of " + Sizes.brief(total))
                + ", ends in " + days + " days";
    }

    /** PASS < UNSTABLE < FAIL < anything else (usage, internal error, interrupted). */
    static int worse(int a, int b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(int code) {
        return switch (code) {
            case ExitCodes.PASS -> 0;
            case ExitCodes.UNSTABLE -> 1;
            case ExitCodes.FAIL -> 2;
            default -> 3;
        };
    }

    private static void explain(PrintWriter out, List<Integer> codes, boolean asScripted) {
        out.println("What happened:");
        if (codes.get(0) == ExitCodes.PASS) {
            out.println("- ensure-active found CDN not activated, activated it (OpenCdnService, PayByTraffic) and "
                    + "checked again that it is active and not locked.");
        } else {
            out.println("- ensure-active did not pass: its lines above say why.");
        }
        if (codes.size() > 1 && codes.get(1) == ExitCodes.UNSTABLE) {
            out.println("- require-quota counted the valid data-transfer plans against --min-bytes 100GiB and the "
                    + "HTTPS request plan against --min-requests: enough of both. The plan ending within "
                    + "--expiry-warning-days 7 makes the result UNSTABLE: deploy, but renew or replace that plan soon.");
        } else if (codes.size() > 1) {
            out.println("- require-quota ended " + ExitCodes.describe(codes.get(1)) + ": its lines above say why.");
        }
        out.println("- Gate exit codes: 0 PASS, 1 FAIL, 2 usage or configuration error, 3 UNSTABLE, 4 internal error"
                + " (treat as FAIL), 130 interrupted. A CI job fails "
                + "on anything but 0 unless told to allow 3.");
        out.println(asScripted
                ? "- The demo itself exits 0: both gates ended as scripted."
                : "- The demo did not end as scripted, so it exits with the worst gate's exit code.");
        out.println();
        out.println("Against your own account (a RAM user with cdn:DescribeCdnService, cdn:OpenCdnService and "
                + "cdn:DescribeCdnUserResourcePackage):");
        out.println("  export " + CredentialResolver.ENV_ID + "=... " + CredentialResolver.ENV_SECRET
                + "=...   # from your CI's secret store, never on the command line");
        out.println("  cdn-gate ensure-active");
        out.println("  cdn-gate require-quota --min-bytes 100GiB --expiry-warning-days 7");
        out.println("Every option: cdn-gate <command> --help, and docs/cli.md.");
    }
}
