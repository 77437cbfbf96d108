package io.jenkins.plugins.cdngate.core;

import io.jenkins.plugins.cdngate.core.forecast.ForecastText;
import io.jenkins.plugins.cdngate.core.forecast.Forecaster;
import io.jenkins.plugins.cdngate.core.forecast.PlanForecast;
import io.jenkins.plugins.cdngate.core.forecast.PoolForecast;
import io.jenkins.plugins.cdngate.core.forecast.QuotaForecast;
import io.jenkins.plugins.cdngate.core.forecast.Reading;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The require-quota gate: valid resource plans still hold at least {@code minBytes} of data transfer
 * (and {@code minRequests} requests when asked).
 *
 * <p>DescribeCdnUserResourcePackage with {@code Status=valid}. A plan counts only when all hold:
 * <ul>
 *   <li>its Status is {@code valid} (case-insensitive);</li>
 *   <li>it matches {@code planFilter} (case-insensitive regex, found in DisplayName, TemplateName, CommodityCode or
 *       InstanceId);</li>
 *   <li>its unit is known ({@code cdnflowbag} and data-transfer names count as bytes, {@code cdnhttpsbag} and
 *       request names as requests, see {@link ResponseParser#unitOf}); an UNKNOWN plan is listed, never counted;</li>
 *   <li>a request plan only when a minimum number of requests was asked for; otherwise it is listed as
 *       {@value #NOT_REQUIRED_SHORT};</li>
 *   <li>it has started and not ended (StartTime &lt;= now &lt; EndTime; an absent time is open-ended; an unreadable
 *       one is never guessed: the plan is not counted and the result is at best UNSTABLE);</li>
 *   <li>its CurrCapacity is an exact whole number (a malformed, negative, fractional or overflowing capacity is
 *       never read as zero or as plenty: the plan is not counted and the result is at best UNSTABLE).</li>
 * </ul>
 * Remaining above total is tolerated (Alibaba's own doc sample shows it) and noted. Below {@code minBytes}:
 * FAIL; below {@code warnBytes}: UNSTABLE; a counted plan ending within {@code expiryWarningDays}: UNSTABLE;
 * CDN not activated: FAIL telling the user to run ensure-active first. {@link Mode#WARN} turns FAIL into UNSTABLE.
 *
 * <p>Every report carries the forecast of the counted data-transfer plans ({@link Report#forecast()}, see
 * {@link Forecaster}): each plan's pace, run-out date and unused-at-expiry, the pool's days left. Fewer days left than
 * {@code minDaysLeft}: FAIL; than {@code warnDaysLeft}: UNSTABLE; no pace yet is reported and never judged.
 */
public final class RequireQuota {
    public static final String GATE = "require-quota";
    private static final String NOT_REQUIRED_SHORT = "not counted: not required";

    private RequireQuota() {
    }

    /** @throws InterruptedException when the calling thread is interrupted (an aborted build) */
    public static Report run(RequireQuotaRequest request) throws InterruptedException {
        return run(request, Clock.systemUTC());
    }

    /** As {@link #run(RequireQuotaRequest)}, with the clock that decides whether plans have started or ended. */
    public static Report run(RequireQuotaRequest request, Clock clock) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("the build was aborted before the gate ran");
        }
        ReportBuilder report = new ReportBuilder(GATE, request.mode(), request.accessKey());
        long deadline = Deadlines.start(request.connection());
        return report.buildFailingClosed(() -> evaluate(request, clock, report, deadline));
    }

    private static String evaluate(RequireQuotaRequest request, Clock clock, ReportBuilder report, long deadline)
            throws InterruptedException {
        Pattern filter;
        try {
            filter = request.planFilter() == null ? null
                    : Pattern.compile(request.planFilter(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("plan filter '" + request.planFilter()
                    + "' is not a valid regular expression (" + e.getDescription() + ")");
        }
        CdnClient client = CdnClient.create(request.accessKey(), request.connection());
        ResponseParser.PlanAnswer answer;
        try {
            answer = client.describeValidPlans(deadline);
        } catch (CdnCallException e) {
            if (e.entry().category() == ErrorCatalog.Category.NOT_ACTIVATED && EnsureActive.denied(e)) {
                // OperationDenied is also Alibaba's answer for a locked account: quote it, claim nothing.
                report.failure(e, Verdict.FAIL, "DescribeCdnUserResourcePackage denied this AccessKey the plan list"
                        + " (OperationDenied means CDN is not activated, or the account or service is locked;"
                        + " Alibaba's message says which)");
            } else if (e.entry().category() == ErrorCatalog.Category.NOT_ACTIVATED) {
                // The catalog's advice already says how to activate (run ensure-active with activation allowed).
                report.failure(e, Verdict.FAIL, "CDN is not activated on this account, so it has no usable plans");
            } else {
                report.failure(e, e.entry().verdict(), "Could not read the resource plans");
            }
            return null;
        }
        String rid = answer.requestId();
        for (String note : answer.notes()) {
            report.add(Verdict.UNSTABLE, "Could not read the plan list fully: " + note + ".", rid);
        }
        return judge(answer.plans(), request, filter, clock.instant(), report, rid, answer.notes().isEmpty());
    }

    static String judge(List<ResourcePlan> raw, RequireQuotaRequest request, Pattern filter, Instant now,
                        ReportBuilder report, String rid) {
        return judge(raw, request, filter, now, report, rid, true);
    }

    /**
     * @param listComplete false when the plan list could not be read fully; then this run's reading is not
     *                     verified and is not offered as history
     */
    static String judge(List<ResourcePlan> raw, RequireQuotaRequest request, Pattern filter, Instant now,
                        ReportBuilder report, String rid, boolean listComplete) {
        // A reading recorded as history must be one the gate could verify: every plan read, nothing guessed.
        boolean verified = listComplete;
        List<ResourcePlan> plans = new ArrayList<>();
        List<ResourcePlan> expiring = new ArrayList<>();
        BigInteger bytes = BigInteger.ZERO;
        BigInteger requests = BigInteger.ZERO;
        int bytePlans = 0;
        int requestPlans = 0;
        for (ResourcePlan p : raw) {
            List<String> notes = new ArrayList<>();
            if (p.note() != null) {
                notes.add(p.note());
            }
            String skip = skipReason(p, filter, now, request.minRequests() != null);
            boolean counted = skip == null;
            String name = planName(p);
            if (!counted) {
                notes.add(0, "not counted: " + skip);
                if (p.unit() == ResourcePlan.Unit.UNKNOWN && skip.startsWith("unit unknown")) {
                    report.add(Verdict.PASS, "Plan " + name + " is listed but not counted: cannot tell whether it holds"
                            + " data transfer or requests (CommodityCode " + orNone(p.commodityCode()) + ").", rid);
                } else if (skip.startsWith("CurrCapacity")) {
                    verified = false;
                    // Never read as zero or as plenty: someone must look (request plans reach here only when a
                    // minimum number of requests was asked for, see skipReason).
                    report.add(Verdict.UNSTABLE, "Plan " + name + " has an unusable capacity (" + p.note()
                            + "); it was not counted. Check it in the console.", rid);
                } else if (skip.startsWith("StartTime") || skip.startsWith("EndTime")) {
                    verified = false;
                    // Like an unusable capacity: a plan whose validity cannot be read is neither counted quietly
                    // nor dropped quietly (acceptance review 2, item 6).
                    report.add(Verdict.UNSTABLE, "Plan " + name + " has an unreadable " + skip.substring(0,
                            skip.indexOf(' ')) + " ('" + (skip.startsWith("StartTime") ? p.startTime() : p.endTime())
                            + "'); it was not counted. Check it in the console.", rid);
                }
            } else {
                if (p.total() != null && p.remaining() > p.total()) {
                    notes.add("remaining exceeds total (tolerated; counted as remaining)");
                    report.add(Verdict.PASS, "Plan " + name + " reports more remaining (" + amount(p.unit(), p.remaining())
                            + ") than its total (" + amount(p.unit(), p.total()) + "); counted as remaining.", rid);
                }
                if (p.unit() == ResourcePlan.Unit.BYTES) {
                    bytes = bytes.add(BigInteger.valueOf(p.remaining()));
                    bytePlans++;
                } else {
                    requests = requests.add(BigInteger.valueOf(p.remaining()));
                    requestPlans++;
                }
                if (endsWithin(p, request.expiryWarningDays(), now)) {
                    expiring.add(p);
                }
            }
            plans.add(new ResourcePlan(p.instanceId(), p.commodityCode(), p.displayName(), p.templateName(), p.status(),
                    p.startTime(), p.endTime(), p.currCapacity(), p.initCapacity(), p.unit(), p.remaining(), p.total(),
                    counted, notes.isEmpty() ? null : String.join("; ", notes)));
        }
        report.plans = plans;
        if (filter != null && raw.stream().noneMatch(p -> isValid(p) && matches(filter, p))) {
            // A filter that matches nothing (a typo, a renamed plan) must not pass quietly with "0 bytes left"
            // when minBytes is 0; with minBytes above 0 the FAIL below still applies.
            verified = false;
            long valid = raw.stream().filter(RequireQuota::isValid).count();
            report.add(Verdict.UNSTABLE, "No valid plan matches the plan filter '" + request.planFilter() + "' ("
                    + valid + " valid plan" + (valid == 1 ? "" : "s") + " listed); check the filter.", rid);
        }
        long remainingBytes = clamp(bytes);
        report.remainingBytes = remainingBytes;
        if (bytes.bitLength() > 63) {
            verified = false;
            report.add(Verdict.PASS, "The counted plans together hold more than the largest supported amount, " + Sizes.human(Long.MAX_VALUE)
                    + "; reported as that.", rid);
        }
        QuotaForecast forecast = Forecaster.forecast(plans, now, request.history(), request.minBytes(),
                request.warnBytes(), request.minDaysLeft(), request.warnDaysLeft(),
                verified ? new Reading(now, remainingBytes) : null);
        report.forecast = forecast;
        for (ResourcePlan p : expiring) {
            // after the forecast, so the warning's void amount is the plan's share of the pool's drain, as its
            // forecast line and the pool line say
            expiryWarning(p, request.expiryWarningDays(), now, report, rid, forecast);
        }
        String scope = request.planFilter() == null ? "" : " matching '" + request.planFilter() + "'";
        String bytesLine = Sizes.human(remainingBytes) + " of data transfer left in " + bytePlans + " counted plan"
                + (bytePlans == 1 ? "" : "s") + scope;
        if (remainingBytes < request.minBytes()) {
            report.add(Verdict.FAIL, "Only " + bytesLine + "; at least " + Sizes.human(request.minBytes())
                    + " is required. Buy a data-transfer plan for the region you deliver to, or lower the minimum.", rid);
        } else if (request.warnBytes() != null && remainingBytes < request.warnBytes()) {
            report.add(Verdict.UNSTABLE, "Only " + bytesLine + ", below the warning level of "
                    + Sizes.human(request.warnBytes()) + ". Buy a data-transfer plan soon.", rid);
        } else {
            report.add(Verdict.PASS, bytesLine + " (at least " + Sizes.human(request.minBytes()) + " required).", rid);
        }
        String daysReason = daysLeft(forecast, request, report, rid);
        if (request.minRequests() != null) {
            long remainingRequests = clamp(requests);
            report.remainingRequests = remainingRequests;
            String line = Counts.format(remainingRequests) + " requests left in " + requestPlans + " counted request plan"
                    + (requestPlans == 1 ? "" : "s") + scope;
            if (remainingRequests < request.minRequests()) {
                report.add(Verdict.FAIL, "Only " + line + "; at least " + Counts.format(request.minRequests())
                        + " are required. Buy a request plan, or lower the minimum.", rid);
            } else {
                report.add(Verdict.PASS, line + " (at least " + Counts.format(request.minRequests()) + " required).", rid);
            }
        }
        return bytesLine + " (at least " + Sizes.human(request.minBytes()) + " required)"
                + (daysReason == null ? "" : "; " + daysReason);
    }

    /**
     * Judges days left when minDaysLeft or warnDaysLeft is set: below the minimum FAIL, below the warning level
     * UNSTABLE. No pace yet is reported and never judged (no made-up number, never a FAIL by itself). The numbers are
     * shown as {@link ForecastText#days} shows them everywhere (rounded down), so no line contradicts the verdict.
     *
     * @return the days-left part of a PASS reason, or null when not asked
     */
    private static String daysLeft(QuotaForecast forecast, RequireQuotaRequest request, ReportBuilder report,
                                   String rid) {
        Integer min = request.minDaysLeft();
        Integer warn = request.warnDaysLeft();
        if (min == null && warn == null) {
            return null;
        }
        PoolForecast pool = forecast.pool();
        if (pool.daysLeft() == null && forecast.plans().isEmpty()) {
            // not "no pace yet": nothing to last any days at any pace (fail closed, whatever --min-bytes says)
            String none = "No counted data-transfer plan holds any data transfer, so none is left for any number of days";
            if (min != null && min > 0) {
                report.add(Verdict.FAIL, none + "; at least " + ForecastText.days(min) + (min == 1 ? " is" : " are")
                        + " required. Buy a data-transfer plan, or lower the days-left minimum.", rid);
                return null;
            }
            if (warn != null && warn > 0) {
                report.add(Verdict.UNSTABLE, none + ", below the warning level of " + ForecastText.days(warn)
                        + ". Buy a data-transfer plan soon.", rid);
                return null;
            }
            report.add(Verdict.PASS, none + " (days-left levels of 0 days).", rid);
            return "no data-transfer plan (days-left levels of 0 days)";
        }
        if (pool.daysLeft() == null) {
            report.add(Verdict.PASS, "Days left cannot be told yet: " + ForecastText.noPace(forecast)
                    + "; the days-left " + (min != null ? "minimum" : "warning level") + " was not checked.", rid);
            return "days left not checked (no pace yet)";
        }
        String left = ForecastText.days(pool.daysLeft()) + " of data transfer left " + ForecastText.atPace(pool);
        if (min != null && pool.daysLeft() < min) {
            report.add(Verdict.FAIL, "Only " + left + "; at least " + ForecastText.days(min)
                    + (min == 1 ? " is" : " are") + " required. Buy a data-transfer plan, or lower the days-left minimum.", rid);
        } else if (warn != null && pool.daysLeft() < warn) {
            report.add(Verdict.UNSTABLE, "Only " + left + ", below the warning level of " + ForecastText.days(warn)
                    + ". Buy a data-transfer plan soon.", rid);
        } else {
            String level = min != null ? "at least " + ForecastText.days(min) + " required"
                    : "warning level " + ForecastText.days(warn);
            report.add(Verdict.PASS, left + " (" + level + ").", rid);
            return ForecastText.days(pool.daysLeft()) + " left (" + level + ")";
        }
        return null;
    }

    private static String skipReason(ResourcePlan p, Pattern filter, Instant now, boolean requestsAsked) {
        if (!isValid(p)) {
            return "status is " + orNone(p.status()) + ", not valid";
        }
        if (filter != null && !matches(filter, p)) {
            return "does not match the plan filter";
        }
        if (p.unit() == ResourcePlan.Unit.UNKNOWN) {
            return "unit unknown (neither a data-transfer nor a request plan by its code and name)";
        }
        if (p.unit() == ResourcePlan.Unit.REQUESTS && !requestsAsked) {
            return NOT_REQUIRED;
        }
        Instant start;
        Instant end;
        try {
            start = time(p.startTime());
        } catch (DateTimeParseException e) {
            return "StartTime '" + p.startTime() + "' is unreadable";
        }
        try {
            end = time(p.endTime());
        } catch (DateTimeParseException e) {
            return "EndTime '" + p.endTime() + "' is unreadable";
        }
        if (start != null && start.isAfter(now)) {
            return "not started yet (starts " + p.startTime() + ")";
        }
        if (end != null && !end.isAfter(now)) {
            return "already ended (" + p.endTime() + ")";
        }
        if (p.remaining() == null) {
            return "CurrCapacity unusable";
        }
        return null;
    }

    /** Why a request plan is listed but not counted when no minimum number of requests was asked for. */
    static final String NOT_REQUIRED = "not required (a request plan; no minimum number of requests was asked for)";

    private static boolean endsWithin(ResourcePlan p, Integer days, Instant now) {
        if (days == null || p.endTime() == null || p.endTime().isBlank()) {
            return false;
        }
        return time(p.endTime()).isBefore(now.plus(Duration.ofDays(days)));
    }

    /**
     * A counted plan ending within the warning window. What it leaves void is what its forecast line says: its part of
     * the pool's drain (a data-transfer plan when the pool has a pace), else all that is left now (no pace yet, or a
     * request plan).
     */
    private static void expiryWarning(ResourcePlan p, Integer days, Instant now, ReportBuilder report, String rid,
                                      QuotaForecast forecast) {
        Instant end = time(p.endTime());
        long hours = Duration.between(now, end).toHours();
        String in = hours >= 48 ? (hours / 24) + " days" : hours + " hours";
        PlanForecast pace = p.unit() != ResourcePlan.Unit.BYTES ? null : forecast.plans().stream()
                .filter(f -> Objects.equals(f.instanceId(), p.instanceId())).findFirst().orElse(null);
        String voided;
        if (p.remaining() != null && p.remaining() <= 0) {
            voided = ForecastText.USED_UP;
        } else if (pace == null || pace.outcome() == PlanForecast.Outcome.NO_PACE_YET) {
            voided = amount(p.unit(), p.remaining()) + " of it will be void then unless used before";
        } else if (pace.outcome() == PlanForecast.Outcome.LEAVES_UNUSED_AT_EXPIRY) {
            voided = ForecastText.DRAIN + " " + Sizes.human(pace.unusedAtExpiryBytes()) + " of it will be void then";
        } else {
            voided = ForecastText.DRAIN + " it is used up " + (pace.runOutAt() == null ? "before then"
                    : "by " + ForecastText.date(pace.runOutAt())) + ", but whatever is left then is void";
        }
        report.add(Verdict.UNSTABLE, "Plan " + planName(p) + " ends " + p.endTime() + " (in " + in + "), within the "
                + days + "-day warning window; " + voided + ". Renew or replace it.", rid);
    }

    private static boolean isValid(ResourcePlan p) {
        return p.status() != null && p.status().trim().equalsIgnoreCase("valid");
    }

    private static boolean matches(Pattern filter, ResourcePlan p) {
        for (String s : new String[] {p.displayName(), p.templateName(), p.commodityCode(), p.instanceId()}) {
            if (s != null && filter.matcher(s).find()) {
                return true;
            }
        }
        return false;
    }

    /** ISO-8601 with offset; seconds optional (one doc shows {@code yyyy-MM-ddThh:mmZ}); null/blank is open-ended. */
    static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return OffsetDateTime.parse(text.trim()).toInstant();
    }

    private static long clamp(BigInteger sum) {
        return sum.bitLength() > 63 ? Long.MAX_VALUE : sum.longValueExact();
    }

    static String amount(ResourcePlan.Unit unit, Long value) {
        if (value == null) {
            return "unknown";
        }
        return unit == ResourcePlan.Unit.BYTES ? Sizes.human(value)
                : Counts.format(value) + (unit == ResourcePlan.Unit.REQUESTS ? " requests" : "");
    }

    static String planName(ResourcePlan p) {
        String id = orNone(p.instanceId());
        String display = p.displayName() == null || p.displayName().isBlank() ? "" : " \"" + p.displayName().trim() + "\"";
        return id + display;
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "(none)" : s.trim();
    }
}
