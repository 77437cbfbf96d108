package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.CallGovernor;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.ReportJson;
import io.jenkins.plugins.cdngate.core.ReportText;
import java.io.PrintWriter;
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
abstract class GateCommand implements Callable<Integer> {
    @ParentCommand
    CdnGate root;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public final Integer call() throws InterruptedException {
        ConnectionSettings connection = common.connection();
        CallGovernor.shared().configure(common.governor());
        AccessKey accessKey = root.credentials(common.profile, common.configFile);
        Report report;
        try {
            report = run(accessKey, connection);
        } catch (IllegalArgumentException e) {
            // a parameter combination the request records reject, e.g. --warn-bytes below --min-bytes
            throw new ConfigurationException(e.getMessage());
        }
        print(report);
        return ExitCodes.of(report.verdict());
    }

    /** Builds the gate request from the options and runs the gate. */
    abstract Report run(AccessKey accessKey, ConnectionSettings connection) throws InterruptedException;

    private void print(Report report) {
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.println(ReportJson.toJson(report));
        } else {
            for (String line : ReportText.lines(report)) {
                out.println(line);
            }
        }
        out.flush();
    }
}
