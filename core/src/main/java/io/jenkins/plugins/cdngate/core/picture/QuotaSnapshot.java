package io.jenkins.plugins.cdngate.core.picture;

import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.ResourcePlan;
import io.jenkins.plugins.cdngate.core.forecast.PlanForecast;
import io.jenkins.plugins.cdngate.core.forecast.PoolForecast;
import io.jenkins.plugins.cdngate.core.forecast.QuotaForecast;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link QuotaPicture} draws, as plain immutable values: buildable from a {@link Report}
 * ({@link #of(Report, Instant)}) and from stored numbers alone (Jenkins keeps plain fields in a build action and
 * draws the picture again after a restart).
 *
 * @param at             when the numbers were read (shown as "as of"; the picture never reads a clock)
 * @param verdict        PASS, UNSTABLE or FAIL (any other text is shown as it is)
 * @param minBytes       the gate's minimum, drawn as a solid marker on the pool bar; null for none
 * @param warnBytes      the gate's warning level, drawn as a dashed marker; null for none
 * @param remainingBytes data transfer left in the counted plans (the pool); null when unknown (no pool bar)
 * @param daysLeft       days of data transfer left at the pool's pace; null when there is no pace yet
 * @param poolRunOutAt   when the pool's drain ends at that pace (used up, or its last plan ends: see {@code poolEnding});
 *                       null when there is no pace yet
 * @param plans          one bar per plan, in the report's order
 * @param poolUnusedAtExpiryBytes what expires unused in the pool's drain ({@link PoolForecast#unusedAtExpiryBytes()});
 *                       null when unknown or no pace
 * @param poolEnding     how the pool ends at {@code poolRunOutAt} ({@link PoolForecast#ending()}): only
 *                       {@link PoolForecast.Ending#USED_UP} "runs out"; null when unknown (read as used up, as before)
 * @param minRequests    the gate's minRequests, drawn as a marker on each counted request plan's bar; null for none
 */
public record QuotaSnapshot(Instant at, String verdict, Long minBytes, Long warnBytes, Long remainingBytes,
                            Double daysLeft, Instant poolRunOutAt, List<PlanBar> plans, Long poolUnusedAtExpiryBytes,
                            PoolForecast.Ending poolEnding, Long minRequests) {
    public QuotaSnapshot {
        Objects.requireNonNull(at, "at");
        plans = plans == null ? List.of() : List.copyOf(plans);
    }

    /** Without how the pool ends nor the request minimum (unknown: drawn as before). */
    public QuotaSnapshot(Instant at, String verdict, Long minBytes, Long warnBytes, Long remainingBytes,
                         Double daysLeft, Instant poolRunOutAt, List<PlanBar> plans) {
        this(at, verdict, minBytes, warnBytes, remainingBytes, daysLeft, poolRunOutAt, plans, null, null, null);
    }

    /** Whether the pool is used up at {@link #poolRunOutAt()} (unknown reads as used up). */
    public boolean poolUsedUpAtEnd() {
        return poolEnding != PoolForecast.Ending.LAST_PLAN_EXPIRES;
    }

    /** The snapshot of a require-quota report at {@code now}, without the request minimum. */
    public static QuotaSnapshot of(Report report, Instant now) {
        return of(report, now, null);
    }

    /**
     * The snapshot of a require-quota report at {@code now}. Plans whose capacity could not be read (the report
     * lists them with a note and the gate is at best UNSTABLE) have no bar: a bar would have to invent a number.
     * The thresholds and the pace come from {@link Report#forecast()} when the report has one; {@code minRequests} is
     * the gate's request minimum (the report does not carry it), null for none.
     */
    public static QuotaSnapshot of(Report report, Instant now, Long minRequests) {
        QuotaForecast forecast = report.forecast();
        PoolForecast pool = forecast == null ? null : forecast.pool();
        List<PlanBar> bars = new ArrayList<>();
        for (ResourcePlan p : report.plans()) {
            if (p.remaining() == null || p.total() == null || p.remaining() < 0 || p.total() < 0) {
                continue;
            }
            PlanForecast f = forecastOf(forecast, p.instanceId());
            bars.add(new PlanBar(p.instanceId(), p.displayName(), p.unit() == null ? null : p.unit().name(),
                    p.remaining(), p.total(), time(p.endTime()), f == null ? null : f.runOutAt(), p.counted()));
        }
        return new QuotaSnapshot(now, report.verdict() == null ? null : report.verdict().name(),
                forecast == null ? null : forecast.minBytes(), forecast == null ? null : forecast.warnBytes(),
                report.remainingBytes(), pool == null ? null : pool.daysLeft(), pool == null ? null : pool.runOutAt(),
                bars, pool == null ? null : pool.unusedAtExpiryBytes(), pool == null ? null : pool.ending(), minRequests);
    }

    /** The counted data-transfer plans: what the pool bar adds up. */
    public List<PlanBar> pool() {
        return plans.stream().filter(p -> p.counted() && p.bytes()).toList();
    }

    private static PlanForecast forecastOf(QuotaForecast forecast, String instanceId) {
        if (forecast == null || instanceId == null) {
            return null;
        }
        return forecast.plans().stream().filter(f -> instanceId.equals(f.instanceId())).findFirst().orElse(null);
    }

    /** An EndTime as the gate reads it (ISO-8601 with offset); null when absent or unreadable (never guessed). */
    private static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
