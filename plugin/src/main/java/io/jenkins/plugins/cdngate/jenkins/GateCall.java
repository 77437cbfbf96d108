package io.jenkins.plugins.cdngate.jenkins;

import io.jenkins.plugins.cdngate.core.Finding;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.ReportText;
import io.jenkins.plugins.cdngate.core.Sizes;
import io.jenkins.plugins.cdngate.core.forecast.DrainStep;
import io.jenkins.plugins.cdngate.core.forecast.ForecastText;
import io.jenkins.plugins.cdngate.core.forecast.PoolForecast;
import io.jenkins.plugins.cdngate.core.forecast.QuotaForecast;
import io.jenkins.plugins.cdngate.core.forecast.Reading;
import io.jenkins.plugins.cdngate.core.picture.PlanBar;
import io.jenkins.plugins.cdngate.core.picture.QuotaSnapshot;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One gate call of a build, as stored in the build (build.xml, through {@link CdnGateRunAction}): plain fields only
 * (XStream does not restore records; times are kept as ISO-8601 text, exactly), numbers and short text, never the
 * API's answer or a secret. Enough to show the summary box, the whole report's lines and to draw the picture again after
 * a restart, and to serve as history for the job's later gates.
 */
public final class GateCall {
    /** At most this many report lines are kept (a report has far fewer; a bound keeps build.xml small anyway). */
    static final int MAX_LINES = 80;
    /** At most this many other problems are kept for the summary box; the whole report has every line. */
    static final int MAX_OTHER_PROBLEMS = 5;

    private int ordinal;
    private String place;
    private String gate;
    private String verdict;
    private String reason;
    private String accessKeyId;
    private String credentialSource;
    private String poolKey;
    private String at;
    private Long remainingBytes;
    private Double daysLeft;
    private String poolRunOutAt;
    /** What expires unused in the pool's drain, in bytes; null without a pace. */
    private Long poolUnusedBytes;
    /** {@code USED_UP} or {@code LAST_PLAN_EXPIRES} ({@link PoolForecast.Ending}); null when unknown. */
    private String poolEnding;
    /** The pool's drain over time (core's {@link QuotaForecast#drainPath()}), the job trend's projection. */
    private List<Step> drain;
    /** The gate's minRequests, marked on a counted request plan's bar; null for none. */
    private Long minRequests;
    private String pace;
    private Long minBytes;
    private Long warnBytes;
    private String readingAt;
    private Long readingBytes;
    private List<Bar> bars;
    private List<String> lines;
    /** {@code FAIL: Only 8,000,000 requests left ...}: what else lowered the verdict (core's Report.otherProblems). */
    private List<String> otherProblems;

    /** One step of the pool's drain, plain. */
    public static final class Step {
        private String at;
        private long bytes;

        static Step of(DrainStep d) {
            Step st = new Step();
            st.at = d.at().toString();
            st.bytes = d.remainingBytes();
            return st;
        }

        DrainStep toDrainStep() {
            Instant when = instant(at);
            return when == null ? null : new DrainStep(when, bytes);
        }
    }

    /** One plan bar, plain. */
    public static final class Bar {
        private String instanceId;
        private String name;
        private String unit;
        private long remaining;
        private long total;
        private String endsAt;
        private String runOutAt;
        private boolean counted;

        Bar() {
        }

        static Bar of(PlanBar b) {
            Bar bar = new Bar();
            bar.instanceId = b.instanceId();
            bar.name = b.name();
            bar.unit = b.unit();
            bar.remaining = b.remaining();
            bar.total = b.total();
            bar.endsAt = text(b.endsAt());
            bar.runOutAt = text(b.runOutAt());
            bar.counted = b.counted();
            return bar;
        }

        PlanBar toPlanBar() {
            return new PlanBar(instanceId, name, unit, Math.max(0, remaining), Math.max(0, total), instant(endsAt),
                    instant(runOutAt), counted);
        }
    }

    GateCall() {
    }

    /**
     * @param ordinal  1 for the build's first gate call, 2 for the next, ...
     * @param place    where in the build (e.g. {@code stage 'Deploy'}); null when nothing names it
     * @param poolKey  what makes two builds' readings comparable (credentials, role, endpoint, plan filter; no secret)
     * @param now      when the report was read
     * @param minRequests the gate's request minimum, marked on a counted request plan's bar (the report does not carry
     *                    it); null for none and for ensure-active
     */
    static GateCall of(int ordinal, String place, String poolKey, Report report, Instant now, Long minRequests) {
        GateCall c = new GateCall();
        c.minRequests = minRequests;
        c.ordinal = ordinal;
        c.place = place;
        c.poolKey = poolKey;
        c.gate = report.gate();
        c.verdict = report.verdict() == null ? null : report.verdict().name();
        c.reason = report.reason();
        c.accessKeyId = report.accessKeyId();
        c.credentialSource = report.credentialSource();
        c.at = now.toString();
        c.remainingBytes = report.remainingBytes();
        QuotaForecast forecast = report.forecast();
        if (forecast != null) {
            c.minBytes = forecast.minBytes();
            c.warnBytes = forecast.warnBytes();
            PoolForecast pool = forecast.pool();
            if (pool != null) {
                c.daysLeft = pool.daysLeft();
                c.poolRunOutAt = text(pool.runOutAt());
                c.poolUnusedBytes = pool.unusedAtExpiryBytes();
                c.poolEnding = pool.ending() == null ? null : pool.ending().name();
                c.pace = pool.bytesPerDay() == null ? ForecastText.noPace(forecast) : ForecastText.atPace(pool);
            }
            if (!forecast.drainPath().isEmpty()) {
                c.drain = new ArrayList<>();
                for (DrainStep d : forecast.drainPath()) {
                    c.drain.add(Step.of(d));
                }
            }
            Reading reading = forecast.reading();
            if (reading != null) {
                c.readingAt = reading.at().toString();
                c.readingBytes = reading.remainingBytes();
            }
        }
        if (isQuota(report.gate())) {
            c.bars = new ArrayList<>();
            for (PlanBar b : QuotaSnapshot.of(report, now).plans()) {
                c.bars.add(Bar.of(b));
            }
        }
        List<String> text = ReportText.lines(report);
        c.lines = new ArrayList<>(text.subList(0, Math.min(text.size(), MAX_LINES)));
        List<Finding> others = report.otherProblems();
        if (!others.isEmpty()) {
            c.otherProblems = new ArrayList<>();
            for (Finding f : others.subList(0, Math.min(others.size(), MAX_OTHER_PROBLEMS))) {
                c.otherProblems.add(f.verdict().name() + ": " + f.message());
            }
        }
        return c;
    }

    private static boolean isQuota(String gate) {
        return "require-quota".equals(gate);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    /** A stored time; null when absent or (hand-edited build.xml) unreadable: never guessed. */
    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** What the picture draws, rebuilt from the stored numbers; null for a gate without one (ensure-active). */
    public QuotaSnapshot snapshot() {
        if (!isQuota(gate)) {
            return null;
        }
        List<PlanBar> planBars = new ArrayList<>();
        if (bars != null) {
            for (Bar b : bars) {
                planBars.add(b.toPlanBar());
            }
        }
        Instant when = instant(at);
        if (when == null) {
            return null;
        }
        return new QuotaSnapshot(when, verdict, minBytes, warnBytes, remainingBytes, daysLeft,
                instant(poolRunOutAt), planBars, poolUnusedBytes, ending(), minRequests);
    }

    /** This call's verified reading of the pool, as history for later builds; null when it was not verified. */
    public Reading reading() {
        Instant when = instant(readingAt);
        return when == null || readingBytes == null || readingBytes < 0 ? null : new Reading(when, readingBytes);
    }

    public boolean hasPicture() {
        return isQuota(gate) && instant(at) != null;
    }

    public int getOrdinal() {
        return ordinal;
    }

    public String getPlace() {
        return place;
    }

    public String getGate() {
        return gate;
    }

    public String getVerdict() {
        return verdict;
    }

    public String getReason() {
        return reason;
    }

    public String getAccessKeyId() {
        return accessKeyId;
    }

    public String getCredentialSource() {
        return credentialSource;
    }

    public String getPoolKey() {
        return poolKey;
    }

    public Instant getAt() {
        return instant(at);
    }

    public Long getRemainingBytes() {
        return remainingBytes;
    }

    public Double getDaysLeft() {
        return daysLeft;
    }

    public Instant getPoolRunOutAt() {
        return instant(poolRunOutAt);
    }

    /** {@code 550.0 GiB}, or null when the gate read no pool. */
    public String getRemainingText() {
        return remainingBytes == null ? null : Sizes.brief(remainingBytes);
    }

    /** {@code 45.2 days at 3.3 GiB/day (...)}, {@code no pace yet (...)}, or null when there is no forecast. */
    public String getDaysLeftText() {
        if (daysLeft != null) {
            return ForecastText.days(daysLeft) + (pace == null ? "" : " " + pace);
        }
        return pace;
    }

    /** {@code 2027-01-06T13:20:00Z}, or null without a pace. */
    public String getRunOutText() {
        Instant runOut = instant(poolRunOutAt);
        return runOut == null ? null : ForecastText.date(runOut);
    }

    /**
     * How the pool ends, in core's words for every surface: {@code runs out <date>} only when it is used up then, else
     * {@code lasts until <date>, <amount> expires unused in plans ...}; null without a pace.
     */
    public String getPoolEndText() {
        Instant runOut = instant(poolRunOutAt);
        return runOut == null ? null : ForecastText.poolEnd(ending() != PoolForecast.Ending.LAST_PLAN_EXPIRES, runOut,
                poolUnusedBytes, ForecastText::date, Sizes::brief);
    }

    /** The pool's drain over time as the job trend draws it; empty when none was recorded (older builds too). */
    public List<DrainStep> drainPath() {
        List<DrainStep> path = new ArrayList<>();
        if (drain != null) {
            for (Step st : drain) {
                DrainStep d = st.toDrainStep();
                if (d != null) {
                    path.add(d);
                }
            }
        }
        return path;
    }

    private PoolForecast.Ending ending() {
        if (poolEnding == null) {
            return null;
        }
        try {
            return PoolForecast.Ending.valueOf(poolEnding);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What else lowered the verdict besides the reason (at most {@link #MAX_OTHER_PROBLEMS}), for the summary box. */
    public List<String> getOtherProblems() {
        return otherProblems == null ? List.of() : List.copyOf(otherProblems);
    }

    /** The report as the console printed it (without the build's other output). */
    public List<String> getLines() {
        return lines == null ? List.of() : List.copyOf(lines);
    }

    /** {@link #getLines()} as one text, a line each, for the report page's {@code <pre>}. */
    public String getConsoleText() {
        return String.join("\n", getLines());
    }

    /** {@code #2 require-quota, stage 'Deploy'}. */
    public String getTitle() {
        return "#" + ordinal + " " + gate + (place == null ? "" : ", " + place);
    }
}
