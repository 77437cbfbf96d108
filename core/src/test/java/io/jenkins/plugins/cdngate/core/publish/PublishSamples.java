package io.jenkins.plugins.cdngate.core.publish;

import io.jenkins.plugins.cdngate.core.Finding;
import io.jenkins.plugins.cdngate.core.Mode;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.ResourcePlan;
import io.jenkins.plugins.cdngate.core.ServiceStatus;
import io.jenkins.plugins.cdngate.core.Verdict;
import io.jenkins.plugins.cdngate.core.forecast.PlanForecast;
import io.jenkins.plugins.cdngate.core.forecast.PoolForecast;
import io.jenkins.plugins.cdngate.core.forecast.QuotaForecast;
import java.time.Instant;
import java.util.List;

/** Fixed reports (as the gates build them) for the published forms' tests. */
final class PublishSamples {
    static final long GIB = 1L << 30;
    static final Instant NOW = Instant.parse("2026-12-02T00:40:00Z");
    static final String NAME = "中国内地流量包 <a href=\"x\">&'引号'</a> | *bold* [link](http://example.com)";

    private PublishSamples() {
    }

    static Report ensureActive() {
        ServiceStatus service = new ServiceStatus("RID-SERVICE-1", "cdn-123", "2026-12-02T00:39:58Z", "PayByTraffic", null,
                null, List.of());
        return new Report("ensure-active", Verdict.PASS, "CDN is active (PayByTraffic) and not locked",
                List.of(Finding.of(Verdict.PASS, "CDN is not activated yet; activating it (PayByTraffic).")),
                "LTAI****0001", Mode.ENFORCE, service, List.of(), null, null, true, null,
                "environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET");
    }

    static Report requireQuota() {
        return requireQuota(new PoolForecast(PoolForecast.PaceSource.PLANS_SINCE_START, 3.05 * GIB, 171.2,
                Instant.parse("2027-05-22T05:00:00Z"), 49 * GIB, 0));
    }

    /** The same account with the pool's last plan ending with capacity left: it lasts until then, nothing runs out. */
    static Report requireQuotaLastsUntil() {
        return requireQuota(new PoolForecast(PoolForecast.PaceSource.PLANS_SINCE_START, 2.6 * GIB, 180.8,
                Instant.parse("2027-06-01T00:00:00Z"), 289_808_384_000L, 0, null, PoolForecast.Ending.LAST_PLAN_EXPIRES));
    }

    static Report requireQuota(PoolForecast pool) {
        String rid = "RID-PLANS-2";
        List<ResourcePlan> plans = List.of(
                new ResourcePlan("FP-demo-0001", "cdnflowbag", "CDN data transfer plan (Chinese mainland)", "flow",
                        "valid", "2026-06-05T00:40:00Z", "2027-06-05T00:40:00Z", "536870912000", "1099511627776",
                        ResourcePlan.Unit.BYTES, 500 * GIB, 1024 * GIB, true, null),
                new ResourcePlan("FP-cn-<2>", "cdnflowbag", NAME, "flow", "valid", "2025-12-05T00:40:00Z",
                        "2026-12-05T01:40:00Z", "53687091200", "107374182400", ResourcePlan.Unit.BYTES, 50 * GIB,
                        100 * GIB, true, null),
                new ResourcePlan("CDNHTTPSBAG-demo-0003", "cdnhttpsbag", "CDN resource plan for HTTPS requests", "https",
                        "valid", "2026-06-05T00:40:00Z", "2027-06-05T00:40:00Z", "8000000", "10000000",
                        ResourcePlan.Unit.REQUESTS, 8_000_000L, 10_000_000L, false,
                        "not counted: not required (a request plan; no minimum number of requests was asked for)"));
        List<Finding> findings = List.of(
                new Finding(Verdict.UNSTABLE, "Plan FP-cn-<2> \"" + NAME + "\" ends 2026-12-05T01:40:00Z (in 3 days),"
                        + " within the 7-day warning window; 50.0 GiB (53687091200 bytes) of it will be void then.", null, rid),
                new Finding(Verdict.PASS, "550.0 GiB (590558003200 bytes) of data transfer left in 2 counted plans"
                        + " (at least 100.0 GiB (107374182400 bytes) required).", null, rid));
        QuotaForecast forecast = new QuotaForecast(List.of(
                new PlanForecast("FP-demo-0001", 2.91 * GIB, Instant.parse("2027-05-25T00:00:00Z"),
                        Instant.parse("2027-06-05T00:40:00Z"), 0L, PlanForecast.Outcome.RUNS_OUT_BEFORE_EXPIRY),
                new PlanForecast("FP-cn-<2>", 0.14 * GIB, Instant.parse("2027-12-01T00:00:00Z"),
                        Instant.parse("2026-12-05T01:40:00Z"), 49 * GIB, PlanForecast.Outcome.LEAVES_UNUSED_AT_EXPIRY)),
                pool,
                100 * GIB, 200 * GIB, null, null);
        return new Report("require-quota", Verdict.UNSTABLE, findings.get(0).message() + " [RequestId " + rid + "]",
                findings, "LTAI****0001", Mode.ENFORCE, null, plans, 550 * GIB, null, false, forecast,
                "environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET");
    }

    static Report failed() {
        Finding f = new Finding(Verdict.FAIL, "The AccessKey is not allowed to call DescribeCdnUserResourcePackage. "
                + "Grant cdn:DescribeCdnUserResourcePackage to the RAM user.", "Forbidden.RAM", "RID-ERR-3");
        return new Report("require-quota", Verdict.FAIL, f.message() + " [Code Forbidden.RAM, RequestId RID-ERR-3]",
                List.of(f), "LTAI****0001", Mode.ENFORCE, null, List.of(), null, null, false, null, null);
    }
}
