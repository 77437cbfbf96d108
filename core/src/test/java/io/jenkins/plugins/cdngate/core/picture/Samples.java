package io.jenkins.plugins.cdngate.core.picture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Fixed snapshots for picture tests, and the golden-file check. */
public final class Samples {
    public static final long GIB = 1L << 30;
    public static final Instant NOW = Instant.parse("2026-12-02T00:40:00Z");

    private Samples() {
    }

    /** The demo's account: 550 GiB left of 1.1 TiB, one plan ending in 3 days, a request plan, min 100 / warn 200 GiB. */
    public static QuotaSnapshot unstable() {
        return new QuotaSnapshot(NOW, "UNSTABLE", 100 * GIB, 200 * GIB, 550 * GIB, 171.2,
                NOW.plus(171, ChronoUnit.DAYS), List.of(
                new PlanBar("FP-demo-0001", "CDN data transfer plan (Chinese mainland)", PlanBar.BYTES, 500 * GIB,
                        1024 * GIB, NOW.plus(185, ChronoUnit.DAYS), NOW.plus(174, ChronoUnit.DAYS), true),
                new PlanBar("FP-demo-0002", "CDN data transfer plan (Chinese mainland)", PlanBar.BYTES, 50 * GIB,
                        100 * GIB, NOW.plus(3, ChronoUnit.DAYS), NOW.plus(362, ChronoUnit.DAYS), true),
                new PlanBar("CDNHTTPSBAG-demo-0003", "CDN resource plan for HTTPS requests", PlanBar.REQUESTS,
                        8_000_000L, 10_000_000L, NOW.plus(185, ChronoUnit.DAYS), null, false)));
    }

    /** Below the minimum, a Chinese plan name with markup characters in it, no pace yet. */
    public static QuotaSnapshot failWithChineseName() {
        return new QuotaSnapshot(NOW, "FAIL", 300 * GIB, 400 * GIB, 120 * GIB, null, null, List.of(
                new PlanBar("FP-cn-<1>", "中国内地流量包 <a href=\"x\">&'引号'</a>", PlanBar.BYTES, 120 * GIB, 500 * GIB,
                        Instant.parse("2027-03-01T00:00:00Z"), null, true)));
    }

    /**
     * The account a real Jenkins showed (docs/gates.md "Days left"): 740 GiB left of 1.5 TiB in two plans that both end
     * with capacity left, so the pool lasts until 2027-06-01 and 269.9 GiB expires unused; a 5 TiB minimum stretches the
     * bar's scale; a counted request plan with a minimum of 9,000,000 requests.
     */
    public static QuotaSnapshot lastsUntil() {
        Instant end = Instant.parse("2027-06-01T00:00:00Z");
        return new QuotaSnapshot(NOW, "FAIL", 5120 * GIB, null, 740 * GIB, 180.8, end, List.of(
                new PlanBar("FP-look-0001", "CDN data transfer plan (Chinese mainland)", PlanBar.BYTES, 650 * GIB,
                        1024 * GIB, end, end, true),
                new PlanBar("FP-look-0002", "CDN data transfer plan (Global)", PlanBar.BYTES, 90 * GIB, 500 * GIB,
                        Instant.parse("2026-12-20T00:00:00Z"), Instant.parse("2026-12-20T00:00:00Z"), true),
                new PlanBar("CDNHTTPSBAG-look-0001", "CDN HTTPS request plan", PlanBar.REQUESTS, 8_000_000L, 10_000_000L,
                        Instant.parse("2027-01-01T00:00:00Z"), null, true)),
                289_808_384_000L, io.jenkins.plugins.cdngate.core.forecast.PoolForecast.Ending.LAST_PLAN_EXPIRES,
                9_000_000L);
    }

    /** The golden file's text, or writes it when {@code -Dgolden.update=true} (then look at it before committing). */
    public static String golden(String name, String actual) {
        Path file = Path.of("src/test/resources/picture", name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("golden file " + file.toAbsolutePath() + " (write it with -Dgolden.update=true)", e);
        }
    }
}
