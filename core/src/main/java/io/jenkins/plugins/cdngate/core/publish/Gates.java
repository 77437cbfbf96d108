package io.jenkins.plugins.cdngate.core.publish;

import io.jenkins.plugins.cdngate.core.Counts;
import io.jenkins.plugins.cdngate.core.ErrorCatalog;
import io.jenkins.plugins.cdngate.core.Finding;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.ResourcePlan;
import io.jenkins.plugins.cdngate.core.Sizes;
import io.jenkins.plugins.cdngate.core.Verdict;
import io.jenkins.plugins.cdngate.core.forecast.ForecastText;
import io.jenkins.plugins.cdngate.core.forecast.PlanForecast;
import io.jenkins.plugins.cdngate.core.forecast.PoolForecast;
import io.jenkins.plugins.cdngate.core.forecast.QuotaForecast;
import io.jenkins.plugins.cdngate.core.picture.Markup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the three published forms (HTML, JUnit XML, Markdown) share, so that none says something another
 * contradicts: the same plan names, amounts, pace sentence and RequestIds as the build log ({@code ReportText}).
 */
final class Gates {
    private Gates() {
    }

    /** The worst verdict of all reports; FAIL for none (nothing verified, nothing passes). */
    static Verdict worst(List<Report> reports) {
        if (reports == null || reports.isEmpty()) {
            return Verdict.FAIL;
        }
        Verdict worst = Verdict.PASS;
        for (Report r : reports) {
            worst = worst.worst(r.verdict() == null ? Verdict.FAIL : r.verdict());
        }
        return worst;
    }

    static String verdict(Report r) {
        return r.verdict() == null ? "FAIL" : r.verdict().name();
    }

    /** {@code FP-1 "name"}, as the build log names a plan. */
    static String planName(ResourcePlan p) {
        String id = p.instanceId() == null || p.instanceId().isBlank() ? "(none)" : p.instanceId().trim();
        return p.displayName() == null || p.displayName().isBlank() ? id : id + " \"" + p.displayName().trim() + "\"";
    }

    static String amount(ResourcePlan.Unit unit, Long value) {
        if (value == null) {
            return "unknown";
        }
        return unit == ResourcePlan.Unit.BYTES ? Sizes.human(value)
                : Counts.format(value) + (unit == ResourcePlan.Unit.REQUESTS ? " requests" : "");
    }

    static Long used(ResourcePlan p) {
        return p.remaining() == null || p.total() == null ? null : Math.max(0, p.total() - p.remaining());
    }

    /** {@code [Code X, RequestId Y]} after a finding, or empty. */
    static String codes(Finding f) {
        if (f.errorCode() != null) {
            String code = ErrorCatalog.NULL_CODE.equals(f.errorCode()) ? "no error code" : "Code " + f.errorCode();
            return " [" + code + (f.requestId() == null ? "" : ", RequestId " + f.requestId()) + "]";
        }
        return f.requestId() == null ? "" : " [RequestId " + f.requestId() + "]";
    }

    /** A finding as one line: {@code UNSTABLE: message [Code X, RequestId Y]}; a PASS finding has no tag. */
    static String finding(Finding f) {
        String tag = f.verdict() == null || f.verdict() == Verdict.PASS ? "" : f.verdict() + ": ";
        return tag + f.message() + codes(f);
    }

    /** Every RequestId of the report, once, with what it answered; in order of appearance. */
    static Map<String, String> requestIds(Report r) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (r.service() != null && r.service().requestId() != null && !r.service().requestId().isBlank()) {
            ids.put(r.service().requestId(), "DescribeCdnService");
        }
        for (Finding f : r.findings()) {
            if (f.requestId() != null && !f.requestId().isBlank()) {
                ids.putIfAbsent(f.requestId(), f.errorCode() == null ? "answer read by the gate" : "error " + f.errorCode());
            }
        }
        return ids;
    }

    /** The pool's pace in one sentence, or null when the report has no forecast. */
    static String pace(Report r) {
        QuotaForecast f = r.forecast();
        if (f == null || f.pool() == null) {
            return null;
        }
        PoolForecast pool = f.pool();
        if (pool.daysLeft() == null || pool.bytesPerDay() == null) {
            return "No pace yet (no use seen to measure it), so no run-out date.";
        }
        String source = pool.source() == PoolForecast.PaceSource.HISTORY
                ? "the recent pace (" + pool.readingsUsed() + " readings)"
                : "the average pace since the plans started"
                + (pool.historyNotUsed() == null ? "" : " (" + pool.historyNotUsed() + ")");
        StringBuilder s = new StringBuilder(days(pool.daysLeft())).append(" of data transfer left at ").append(source)
                .append(", ").append(Sizes.brief(Math.round(pool.bytesPerDay()))).append(" a day");
        if (pool.runOutAt() != null) {
            s.append("; ").append(ForecastText.poolEnd(pool.usedUpAtEnd(), pool.runOutAt(), pool.unusedAtExpiryBytes(),
                    Markup::date, Sizes::human));
        } else if (pool.unusedAtExpiryBytes() != null && pool.unusedAtExpiryBytes() > 0) {
            s.append("; ").append(Sizes.human(pool.unusedAtExpiryBytes())).append(' ').append(ForecastText.EXPIRES_UNUSED);
        }
        return s.append('.').toString();
    }

    /** What the pool's drain says of a counted data-transfer plan, or null when the report has none for it. */
    static String planPace(Report r, ResourcePlan p) {
        PlanForecast f = planForecast(r, p);
        if (f == null || f.outcome() == null) {
            return null;
        }
        if (io.jenkins.plugins.cdngate.core.forecast.ForecastText.usedUp(f, p)) {
            return "used up already";
        }
        return switch (f.outcome()) {
            case NO_PACE_YET -> "no pace yet";
            case RUNS_OUT_BEFORE_EXPIRY -> f.endsAt() == null
                    ? (f.runOutAt() == null ? "lasts beyond the year 9999" : "runs out " + Markup.date(f.runOutAt()))
                            + " (no end date)"
                    : "runs out " + (f.runOutAt() == null ? "before it ends" : Markup.date(f.runOutAt()) + ", before it ends");
            case LEAVES_UNUSED_AT_EXPIRY -> "ends with "
                    + (f.unusedAtExpiryBytes() == null ? "capacity" : Sizes.brief(f.unusedAtExpiryBytes())) + " unused";
        };
    }

    static PlanForecast planForecast(Report r, ResourcePlan p) {
        if (r.forecast() == null || p.instanceId() == null) {
            return null;
        }
        return r.forecast().plans().stream().filter(f -> p.instanceId().equals(f.instanceId())).findFirst().orElse(null);
    }

    static String days(double days) {
        if (Double.isNaN(days) || Double.isInfinite(days)) {
            return days > 0 ? "No end in sight" : "No pace";
        }
        if (days < 1) {
            return "Less than a day";
        }
        long whole = (long) Math.floor(days);
        return "About " + whole + (whole == 1 ? " day" : " days");
    }

    /** The thresholds the gate applied, as words; empty when the report does not carry them. */
    static List<String> thresholds(Report r) {
        List<String> out = new ArrayList<>();
        QuotaForecast f = r.forecast();
        if (f == null) {
            return out;
        }
        if (f.minBytes() != null) {
            out.add("minimum " + Sizes.human(f.minBytes()));
        }
        if (f.warnBytes() != null) {
            out.add("warning level " + Sizes.human(f.warnBytes()));
        }
        if (f.minDaysLeft() != null) {
            out.add("at least " + io.jenkins.plugins.cdngate.core.forecast.ForecastText.days((int) f.minDaysLeft()) + " left");
        }
        if (f.warnDaysLeft() != null) {
            out.add("warn under " + io.jenkins.plugins.cdngate.core.forecast.ForecastText.days((int) f.warnDaysLeft()) + " left");
        }
        return out;
    }

    /** The capacity of the counted data-transfer plans (the pool); 0 when none has a known total. */
    static long poolTotal(Report r) {
        java.math.BigInteger total = java.math.BigInteger.ZERO;
        for (ResourcePlan p : r.plans()) {
            if (p.counted() && p.unit() == ResourcePlan.Unit.BYTES && p.total() != null && p.remaining() != null) {
                total = total.add(java.math.BigInteger.valueOf(Math.max(p.total(), p.remaining())));
            }
        }
        return total.bitLength() > 63 ? Long.MAX_VALUE : total.longValueExact();
    }

    /** Whether the report has plan data worth a picture (a require-quota run that read the plans). */
    static boolean hasQuota(Report r) {
        return r.remainingBytes() != null || !r.plans().isEmpty();
    }
}
