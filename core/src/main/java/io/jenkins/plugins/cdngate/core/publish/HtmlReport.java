package io.jenkins.plugins.cdngate.core.publish;

import static io.jenkins.plugins.cdngate.core.picture.Markup.escape;

import io.jenkins.plugins.cdngate.core.Counts;
import io.jenkins.plugins.cdngate.core.Finding;
import io.jenkins.plugins.cdngate.core.Mode;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.ResourcePlan;
import io.jenkins.plugins.cdngate.core.ServiceStatus;
import io.jenkins.plugins.cdngate.core.Sizes;
import io.jenkins.plugins.cdngate.core.Verdict;
import io.jenkins.plugins.cdngate.core.picture.Markup;
import io.jenkins.plugins.cdngate.core.picture.QuotaPicture;
import io.jenkins.plugins.cdngate.core.picture.QuotaSnapshot;
import io.jenkins.plugins.cdngate.core.picture.TrendPicture;
import io.jenkins.plugins.cdngate.core.picture.TrendPoint;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page of one or more gate reports: per gate the verdict, the reason, the picture
 * ({@link QuotaPicture}, inline SVG), the plans as a table, the findings and the RequestIds.
 *
 * <p>No script and no external reference (no font, image, stylesheet or link that leaves the file): it reads the
 * same offline, from a CI artifact store or an e-mail attachment. The one stylesheet is inline and has a print
 * section (black on white, no page break inside a table row, the verdict spelled out, not only coloured).
 * Everything from Alibaba Cloud or a user (plan names, messages) is escaped.
 */
public final class HtmlReport {
    private static final String CSS = String.join("\n",
            ":root { color-scheme: light; }",
            "body { font-family: " + Markup.FONT + "; color: #1f2328; background: #f6f8fa; margin: 0;"
                    + " line-height: 1.45; font-size: 14px; }",
            "main { max-width: 960px; margin: 0 auto; padding: 24px 20px 40px; }",
            "header.page { display: flex; align-items: baseline; justify-content: space-between; gap: 16px;"
                    + " border-bottom: 1px solid #d0d7de; padding-bottom: 12px; margin-bottom: 20px; }",
            "h1 { font-size: 22px; margin: 0; }",
            "h2 { font-size: 18px; margin: 0; display: flex; align-items: center; gap: 10px; }",
            "h3 { font-size: 14px; margin: 20px 0 8px; text-transform: uppercase; letter-spacing: .04em; color: #57606a; }",
            ".meta { color: #57606a; font-size: 13px; margin: 2px 0 0; }",
            ".badge { display: inline-block; font-size: 12px; font-weight: 700; letter-spacing: .04em; color: #fff;"
                    + " border-radius: 4px; padding: 3px 9px; vertical-align: middle; }",
            ".badge.PASS { background: #1a7f37; } .badge.UNSTABLE { background: #9a6700; } .badge.FAIL { background: #cf222e; }",
            "section.gate { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 18px 20px;"
                    + " margin-bottom: 20px; }",
            ".reason { font-size: 15px; margin: 10px 0 4px; }",
            ".facts { color: #57606a; font-size: 13px; margin: 4px 0; }",
            "p.pace { font-weight: 600; margin: 6px 0; }",
            "figure.picture { margin: 16px 0 0; overflow-x: auto; }",
            "figure.picture svg { max-width: 100%; height: auto; }",
            "table { border-collapse: collapse; width: 100%; font-size: 12.5px; }",
            "th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #d8dee4; vertical-align: top; }",
            "th { background: #f6f8fa; font-weight: 600; }",
            "div.table { overflow-x: auto; }",
            "th.num { text-align: right; }",
            "td.dates { white-space: nowrap; }",
            "table.plans td:first-child { min-width: 200px; }",
            "table.plans td.pace { min-width: 140px; }",
            "td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }",
            "td .bytes { display: block; color: #57606a; font-size: 11px; }",
            "tr.not-counted td { color: #57606a; }",
            "ul.findings { list-style: none; padding: 0; margin: 0; }",
            "ul.findings li { padding: 6px 10px; border-left: 4px solid #d0d7de; margin-bottom: 4px; background: #f6f8fa; }",
            "ul.findings li.UNSTABLE { border-left-color: #9a6700; background: #fff8c5; }",
            "ul.findings li.FAIL { border-left-color: #cf222e; background: #ffebe9; }",
            ".tag { font-weight: 700; margin-right: 4px; }",
            "code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace; font-size: 12px; }",
            "footer { color: #57606a; font-size: 12px; margin-top: 24px; }",
            "@media print {",
            "  body { background: #fff; font-size: 10.5pt; }",
            "  main { max-width: none; padding: 0; }",
            "  section.gate { border: 1px solid #999; break-inside: auto; }",
            "  tr, li, figure { break-inside: avoid; }",
            "  h2, h3 { break-after: avoid; }",
            "  .badge { color: #000; background: #fff !important; border: 2px solid #000; }",
            "  ul.findings li { background: #fff !important; }",
            "  div.table { overflow: visible; }",
            "  table { font-size: 8.5pt; }",
            "  th, td { padding: 4px 5px; }",
            "  td.num { white-space: normal; }",
            "  table.plans td:first-child, table.plans td.pace { min-width: 0; }",
            "  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }",
            "}");

    private HtmlReport() {
    }

    /**
     * The page.
     *
     * @param reports the gates in the order they ran (none gives a page that says so, verdict FAIL: nothing verified)
     * @param now     when the page is made (shown; the pictures use it as their "as of")
     */
    public static String render(List<Report> reports, Instant now) {
        return render(reports, now, List.of());
    }

    /**
     * The page, with a trend of the data transfer left across earlier runs ({@link TrendPicture}) after the gates
     * when {@code trend} has points; its projection is the pool's run-out date of the last report that has one.
     */
    public static String render(List<Report> reports, Instant now, List<TrendPoint> trend) {
        List<Report> all = reports == null ? List.of() : reports;
        Verdict overall = Gates.worst(all);
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>CDN Gate report: ").append(overall).append("</title>\n<style>\n").append(CSS)
                .append("\n</style>\n</head>\n<body>\n<main>\n");
        h.append("<header class=\"page\"><div><h1>CDN Gate report</h1><p class=\"meta\">")
                .append(all.size()).append(all.size() == 1 ? " gate" : " gates").append(", made ")
                .append(Markup.minute(now)).append("</p></div><div>")
                .append("<span class=\"meta\">Overall </span>").append(badge(overall.name())).append("</div></header>\n");
        if (all.isEmpty()) {
            h.append("<section class=\"gate\"><p class=\"reason\">No gate ran, so nothing was verified: do not deploy.</p></section>\n");
        }
        int n = 0;
        for (Report r : all) {
            gate(h, r, now, ++n);
        }
        if (trend != null && !trend.isEmpty()) {
            // the last gate with a forecast draws the projection: its drain (the pace, and what plans leave unused)
            Instant runOut = null;
            List<io.jenkins.plugins.cdngate.core.forecast.DrainStep> drain = List.of();
            for (Report r : all) {
                if (r.forecast() != null && r.forecast().pool() != null && r.forecast().pool().runOutAt() != null) {
                    runOut = r.forecast().pool().runOutAt();
                    drain = r.forecast().drainPath();
                }
            }
            h.append("<section class=\"gate trend\">\n<h2>Trend</h2>\n<p class=\"facts\">The data transfer left in the "
                    + "counted plans at each reading (the history file), and where the current pace leads.</p>\n")
                    .append("<figure class=\"picture\">\n").append(drain.isEmpty() ? TrendPicture.svg(trend, runOut, "reading")
                            : TrendPicture.svg(trend, drain, "reading"))
                    .append("</figure>\n</section>\n");
        }
        h.append("<footer>Made by CDN Gate (Alibaba Cloud CDN Gate). A self-contained page: no script, nothing loaded"
                + " from elsewhere. Sizes are binary (1 GiB = 1024<sup>3</sup> bytes), as Alibaba Cloud counts plans."
                + " Times are UTC.</footer>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void gate(StringBuilder h, Report r, Instant now, int n) {
        String verdict = Gates.verdict(r);
        h.append("<section class=\"gate\" id=\"gate-").append(n).append("\" data-gate=\"").append(escape(r.gate()))
                .append("\" data-verdict=\"").append(verdict).append("\">\n");
        h.append("<h2>").append(escape(r.gate())).append(' ').append(badge(verdict)).append("</h2>\n");
        h.append("<p class=\"reason\">").append(escape(r.reason())).append("</p>\n");
        StringBuilder facts = new StringBuilder("AccessKey <code>").append(escape(r.accessKeyId())).append("</code>");
        if (r.credentialSource() != null) {
            facts.append(" from ").append(escape(r.credentialSource()));
        }
        if (r.mode() == Mode.WARN) {
            facts.append(" &middot; mode warn (a FAIL is reported as UNSTABLE)");
        }
        if (r.activated()) {
            facts.append(" &middot; CDN was activated by this run");
        }
        h.append("<p class=\"facts\">").append(facts).append("</p>\n");
        if (r.remainingBytes() != null) {
            h.append("<p class=\"facts\">Data transfer left in the counted plans: <strong>")
                    .append(escape(Sizes.human(r.remainingBytes()))).append("</strong>");
            if (r.remainingRequests() != null) {
                h.append(" &middot; requests left: <strong>").append(Counts.format(r.remainingRequests())).append("</strong>");
            }
            List<String> thresholds = Gates.thresholds(r);
            if (!thresholds.isEmpty()) {
                h.append(" &middot; ").append(escape(String.join(", ", thresholds)));
            }
            h.append("</p>\n");
        }
        String pace = Gates.pace(r);
        if (pace != null) {
            h.append("<p class=\"pace\">").append(escape(pace)).append("</p>\n");
        }
        if (Gates.hasQuota(r)) {
            h.append("<figure class=\"picture\">\n").append(QuotaPicture.svg(QuotaSnapshot.of(r, now))).append("</figure>\n");
        }
        findings(h, r);
        if (!r.plans().isEmpty()) {
            plans(h, r);
        }
        if (r.service() != null) {
            service(h, r.service(), r.activated());
        }
        Map<String, String> ids = Gates.requestIds(r);
        h.append("<h3>RequestIds</h3>\n");
        if (ids.isEmpty()) {
            h.append("<p class=\"facts\">No answer from Alibaba Cloud carried a RequestId.</p>\n");
        } else {
            h.append("<ul class=\"request-ids\">\n");
            ids.forEach((id, what) -> h.append("<li><code>").append(escape(id)).append("</code> &ndash; ")
                    .append(escape(what)).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private static void findings(StringBuilder h, Report r) {
        h.append("<h3>Findings</h3>\n<ul class=\"findings\">\n");
        for (Finding f : r.findings()) {
            String v = f.verdict() == null ? "PASS" : f.verdict().name();
            h.append("<li class=\"").append(v).append("\">");
            if (!"PASS".equals(v)) {
                h.append("<span class=\"tag\">").append(v).append(":</span>");
            }
            h.append(escape(f.message() + Gates.codes(f))).append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static void plans(StringBuilder h, Report r) {
        boolean paces = r.forecast() != null;
        h.append("<h3>Plans</h3>\n<div class=\"table\"><table class=\"plans\">\n<thead><tr><th>Plan</th>")
                .append("<th class=\"num\">Left</th><th class=\"num\">Total</th><th>Valid</th>")
                .append(paces ? "<th>In the pool's drain</th>" : "").append("<th>Counted</th></tr></thead>\n<tbody>\n");
        for (ResourcePlan p : r.plans()) {
            String kind = p.unit() == ResourcePlan.Unit.BYTES ? "data transfer"
                    : p.unit() == ResourcePlan.Unit.REQUESTS ? "requests" : "unknown unit";
            h.append("<tr class=\"").append(p.counted() ? "counted" : "not-counted").append("\"><td>")
                    .append(escape(Gates.planName(p))).append("<span class=\"bytes\"><code>").append(escape(p.commodityCode()))
                    .append("</code> &middot; ").append(kind).append(" &middot; ").append(escape(p.status())).append("</span>")
                    .append(p.note() == null ? "" : "<span class=\"bytes\">" + escape(p.note()) + "</span>").append("</td>")
                    .append(amountCell(p.unit(), p.remaining())).append(amountCell(p.unit(), p.total()))
                    .append("<td class=\"dates\">").append(day(p.startTime())).append(" to<br>")
                    .append(day(p.endTime())).append("</td>");
            if (paces) {
                String pace = p.counted() && p.unit() == ResourcePlan.Unit.BYTES ? Gates.planPace(r, p) : null;
                h.append("<td class=\"pace\">").append(pace == null ? "&ndash;" : escape(pace)).append("</td>");
            }
            h.append("<td>").append(p.counted() ? "yes" : "no").append("</td></tr>\n");
        }
        h.append("</tbody>\n</table></div>\n");
    }

    /**
     * The day of a plan time ({@code 2027-06-05}) with the time as Alibaba wrote it in a tooltip; a time that is not
     * ISO-8601 is shown whole, never reinterpreted.
     */
    private static String day(String time) {
        if (time == null || time.isBlank()) {
            return "unknown";
        }
        String t = time.trim();
        if (t.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            return "<span title=\"" + escape(t) + "\">" + escape(t.substring(0, 10)) + "</span>";
        }
        return escape(t);
    }

    /** A brief amount with the exact one under it, as the build log writes both. */
    private static String amountCell(ResourcePlan.Unit unit, Long value) {
        if (value == null) {
            return "<td class=\"num\">unknown</td>";
        }
        if (unit == ResourcePlan.Unit.BYTES) {
            return "<td class=\"num\">" + escape(Sizes.brief(value)) + (Math.abs(value) < 1024 ? ""
                    : "<span class=\"bytes\">" + String.format(Locale.ROOT, "%d bytes", value) + "</span>") + "</td>";
        }
        return "<td class=\"num\">" + Counts.format(value) + "</td>";
    }

    private static void service(StringBuilder h, ServiceStatus s, boolean activated) {
        h.append("<h3>").append(activated ? "Service after activation" : "Service").append("</h3>\n<table class=\"service\">\n");
        row(h, "Charge type", s.internetChargeType());
        row(h, "Opened", s.openingTime());
        row(h, "Locks", s.locked() ? String.join(", ", s.operationLocks()) : "none");
        if (s.changingChargeType() != null && !s.changingChargeType().isBlank()) {
            row(h, "Next charge type", s.changingChargeType()
                    + (s.changingAffectTime() == null ? "" : " from " + s.changingAffectTime()));
        }
        row(h, "Instance", s.instanceId());
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(escape(name)).append("</th><td>")
                .append(value == null || value.isBlank() ? "unknown" : escape(value)).append("</td></tr>\n");
    }

    private static String badge(String verdict) {
        return "<span class=\"badge " + escape(verdict) + "\">" + escape(verdict) + "</span>";
    }
}
