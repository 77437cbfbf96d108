package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.Mode;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.RequireQuota;
import io.jenkins.plugins.cdngate.core.RequireQuotaRequest;
import io.jenkins.plugins.cdngate.core.Sizes;
import io.jenkins.plugins.cdngate.core.forecast.Reading;
import io.jenkins.plugins.cdngate.core.forecast.Readings;
import io.jenkins.plugins.cdngate.core.picture.TrendPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cdn-gate require-quota}: the valid resource plans still hold at least the data the deployment needs. */
@Command(name = "require-quota",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = CdnGate.Version.class,
        description = {
                "Checks that the valid CDN resource plans still hold at least --min-bytes of data transfer.",
                "Sizes: 536870912000, 500GiB, 500 GB, 1.5 TiB (GB and TB are binary, as Alibaba sells them: "
                        + "a 500 GB plan holds 536870912000 bytes)."},
        exitCodeListHeading = GateCommand.EXIT_HEADING,
        exitCodeList = {GateCommand.EXIT_0, GateCommand.EXIT_1, GateCommand.EXIT_2, GateCommand.EXIT_3,
                GateCommand.EXIT_4, GateCommand.EXIT_130})
final class RequireQuotaCommand extends GateCommand<RequireQuotaRequest> {
    @Option(names = "--min-bytes", order = 1, paramLabel = "SIZE", required = true, converter = Converters.SizeConverter.class,
            description = "Required. Less data transfer left in the counted plans fails the gate.")
    Long minBytes;

    @Option(names = "--warn-bytes", order = 2, paramLabel = "SIZE", converter = Converters.SizeConverter.class,
            description = "At least --min-bytes; less left than this is UNSTABLE.")
    Long warnBytes;

    @Option(names = "--min-requests", order = 3, paramLabel = "N", converter = Converters.CountConverter.class,
            description = "Fewer requests left in request plans (e.g. cdnhttpsbag) fails the gate; digits only, "
                    + "e.g. 1000000. Without it, request plans are listed but not counted.")
    Long minRequests;

    @Option(names = "--plan-filter", order = 4, paramLabel = "REGEX",
            description = "Count only plans whose name, template, commodity code or instance ID matches this "
                    + "case-insensitive regular expression, e.g. 'mainland'.")
    String planFilter;

    @Option(names = "--expiry-warning-days", order = 5, paramLabel = "DAYS", converter = Converters.DaysConverter.class,
            description = "A counted plan that ends within this many days is UNSTABLE (request plans count only "
                    + "with --min-requests).")
    Integer expiryWarningDays;

    @Option(names = "--min-days-left", order = 6, paramLabel = "DAYS", converter = Converters.DaysConverter.class,
            description = "Fewer days of data transfer left at the current pace fails the gate. No use yet (no pace) "
                    + "is reported, never a FAIL by itself.")
    Integer minDaysLeft;

    @Option(names = "--warn-days-left", order = 7, paramLabel = "DAYS", converter = Converters.DaysConverter.class,
            description = "At least --min-days-left; fewer days left at the current pace is UNSTABLE.")
    Integer warnDaysLeft;

    @Option(names = "--history", order = 8, paramLabel = "FILE",
            description = "Earlier readings, one JSON object a line: two or more from the last 30 days give the "
                    + "recent pace. This run's reading is appended when the gate verified it; a missing file is "
                    + "created.")
    Path history;

    @Option(names = "--mode", order = 9, paramLabel = "enforce|warn", defaultValue = "enforce",
            converter = Converters.ModeConverter.class,
            description = "enforce, or warn: every FAIL is reported as UNSTABLE instead (default: ${DEFAULT-VALUE}).")
    Mode mode;

    /** What --history held, read in {@link #validate()} (before any call). */
    private Readings.Parsed historyRead;

    /**
     * The combinations the request refuses, in option names and human sizes. Core checks the same rules with
     * its parameter names (for any front end); this is the one place the CLI words them.
     */
    @Override
    void validate() {
        if (warnBytes != null && warnBytes < minBytes) {
            throw ConfigurationException.option("--warn-bytes (" + Sizes.human(warnBytes) + ") must be at least --min-bytes ("
                    + Sizes.human(minBytes) + ")");
        }
        // The gate would report a bad pattern as a FAIL after calling the API; on the command line it is a typo
        // to fix before any call, like every other bad option value.
        if (planFilter != null && planFilter.isBlank()) {
            // an unexpanded "$PLAN_FILTER" in a CI script: counting every plan instead could pass a gate the filter
            // would fail, so blank is refused rather than read as "no filter"
            throw ConfigurationException.option("--plan-filter is empty: give a regular expression, e.g. 'mainland', "
                    + "or leave the option out to count every plan");
        }
        if (minDaysLeft != null && warnDaysLeft != null && warnDaysLeft < minDaysLeft) {
            throw ConfigurationException.option("--warn-days-left (" + warnDaysLeft + ") must be at least "
                    + "--min-days-left (" + minDaysLeft + ")");
        }
        if (history != null) {
            historyRead = HistoryFile.read(history);
        }
        if (planFilter != null) {
            try {
                Pattern.compile(planFilter);
            } catch (PatternSyntaxException e) {
                throw ConfigurationException.option("--plan-filter '" + planFilter + "' is not a valid regular expression: "
                        + e.getDescription());
            }
        }
    }

    @Override
    Mode mode() {
        return mode;
    }

    @Override
    RequireQuotaRequest request(AccessKey accessKey, ConnectionSettings connection) {
        return new RequireQuotaRequest(accessKey, connection, minBytes, warnBytes, minRequests, planFilter,
                expiryWarningDays, mode, minDaysLeft, warnDaysLeft,
                historyRead == null ? null : historyRead.readings());
    }

    @Override
    Path historyFile() {
        return history;
    }

    @Override
    List<String> notices() {
        String skipped = historyRead == null ? null : historyRead.skippedSummary(history.toString());
        return skipped == null ? List.of() : List.of(skipped);
    }

    /**
     * The --history readings and this run's verified one, for the trend in --report. A reading in the file carries
     * no verdict (drawn as such); this run's carries the gate's.
     */
    @Override
    List<TrendPoint> trend(Report report) {
        if (history == null) {
            return List.of();
        }
        List<TrendPoint> points = new java.util.ArrayList<>();
        if (historyRead != null) {
            for (Reading r : historyRead.readings()) {
                points.add(new TrendPoint(null, r.at(), r.remainingBytes(), null));
            }
        }
        Reading now = report.forecast() == null ? null : report.forecast().reading();
        if (now != null) {
            points.add(new TrendPoint("this run", now.at(), now.remainingBytes(), report.verdict().name()));
        }
        return points;
    }

    /** Appends this run's reading to --history, only when the gate verified it (fail closed: no guess becomes history). */
    @Override
    List<String> afterRun(Report report) {
        if (history == null) {
            return List.of();
        }
        Reading reading = report.forecast() == null ? null : report.forecast().reading();
        if (reading == null) {
            return List.of("History: this run's reading was not verified, so it was not added to " + history);
        }
        try {
            HistoryFile.append(history, reading);
            return List.of("History: this run's reading (" + Sizes.human(reading.remainingBytes()) + ") added to "
                    + history);
        } catch (IOException e) {
            return List.of("History: could not add this run's reading to " + history + " ("
                    + e.getClass().getSimpleName() + "); the verdict stands");
        }
    }

    @Override
    Report run(RequireQuotaRequest request) throws InterruptedException {
        return RequireQuota.run(request);
    }
}
