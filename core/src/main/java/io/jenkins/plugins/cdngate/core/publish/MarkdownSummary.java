package io.jenkins.plugins.cdngate.core.publish;

import io.jenkins.plugins.cdngate.core.Counts;
import io.jenkins.plugins.cdngate.core.Finding;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.ResourcePlan;
import io.jenkins.plugins.cdngate.core.Sizes;
import io.jenkins.plugins.cdngate.core.Text;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gates as GitHub-flavoured Markdown, for {@code $GITHUB_STEP_SUMMARY} (GitHub Actions shows it on the run's
 * page). GitHub strips SVG and styles from a summary, so each plan's share left is a text bar
 * ({@code ██████░░░░ 60% left}) next to the exact numbers. Every text from Alibaba Cloud or a user is escaped: a
 * plan name cannot add a table column, a link, an image or HTML.
 */
public final class MarkdownSummary {
    private static final int BAR = 20;

    private MarkdownSummary() {
    }

    public static String render(List<Report> reports) {
        List<Report> all = reports == null ? List.of() : reports;
        StringBuilder m = new StringBuilder(4096);
        if (all.isEmpty()) {
            return "### CDN Gate: FAIL\n\nNo gate ran, so nothing was verified: do not deploy.\n\n";
        }
        for (Report r : all) {
            gate(m, r);
        }
        return m.toString();
    }

    private static void gate(StringBuilder m, Report r) {
        String verdict = Gates.verdict(r);
        m.append("### CDN Gate ").append(escape(r.gate())).append(": ").append(icon(verdict)).append(' ')
                .append(verdict).append("\n\n");
        m.append("**").append(escape(r.reason())).append("**\n\n");
        m.append("AccessKey `").append(code(r.accessKeyId())).append('`');
        if (r.credentialSource() != null) {
            m.append(" from ").append(escape(r.credentialSource()));
        }
        if (r.activated()) {
            m.append(" · CDN was activated by this run");
        }
        m.append("\n\n");
        if (r.remainingBytes() != null) {
            m.append("- Data transfer left in the counted plans: **").append(Sizes.human(r.remainingBytes())).append("**");
            List<String> thresholds = Gates.thresholds(r);
            if (!thresholds.isEmpty()) {
                m.append(" (").append(escape(String.join(", ", thresholds))).append(')');
            }
            m.append('\n');
            if (r.remainingRequests() != null) {
                m.append("- Requests left: **").append(Counts.format(r.remainingRequests())).append("**\n");
            }
            String pace = Gates.pace(r);
            if (pace != null) {
                m.append("- ").append(escape(pace)).append('\n');
            }
            m.append('\n');
        }
        if (!r.plans().isEmpty()) {
            m.append("| Plan | Left | Used | Total | Ends | Counted |\n|---|---|---:|---:|---|---|\n");
            for (ResourcePlan p : r.plans()) {
                m.append("| ").append(escape(Gates.planName(p))).append(" | ").append(bar(p)).append(' ')
                        .append(escape(Gates.amount(p.unit(), p.remaining()))).append(" | ")
                        .append(escape(Gates.amount(p.unit(), Gates.used(p)))).append(" | ")
                        .append(escape(Gates.amount(p.unit(), p.total()))).append(" | ")
                        .append(escape(p.endTime() == null ? "" : p.endTime()));
                String pace = p.counted() && p.unit() == ResourcePlan.Unit.BYTES ? Gates.planPace(r, p) : null;
                if (pace != null) {
                    m.append("<br>").append(escape(pace));
                }
                m.append(" | ").append(p.counted() ? "yes" : "no").append(" |\n");
            }
            m.append('\n');
        }
        m.append("<details><summary>Findings (").append(r.findings().size()).append(")</summary>\n\n");
        for (Finding f : r.findings()) {
            m.append("- ");
            if (f.verdict() != null && f.verdict().name().equals("PASS")) {
                m.append(escape(f.message() + Gates.codes(f)));
            } else {
                m.append("**").append(f.verdict()).append(":** ").append(escape(f.message() + Gates.codes(f)));
            }
            m.append('\n');
        }
        Map<String, String> ids = Gates.requestIds(r);
        if (!ids.isEmpty()) {
            m.append("\nRequestIds: ");
            m.append(String.join(", ", ids.keySet().stream().map(id -> "`" + code(id) + "`").toList()));
            m.append('\n');
        }
        m.append("\n</details>\n\n");
    }

    /** {@code ██████░░░░ 60%}: the share left of the plan's total, in a code span so every font keeps the width. */
    static String bar(ResourcePlan p) {
        if (p.remaining() == null || p.total() == null || p.total() <= 0) {
            return "";
        }
        double share = Math.min(1.0, Math.max(0, (double) p.remaining() / p.total()));
        int full = (int) Math.round(share * BAR);
        return "`" + "\u2588".repeat(full) + "\u2591".repeat(BAR - full) + "` "
                + String.format(Locale.ROOT, "%.0f%%", share * 100) + "<br>";
    }

    private static String icon(String verdict) {
        return switch (verdict) {
            case "PASS" -> "\u2705";
            case "UNSTABLE" -> "\u26a0\ufe0f";
            default -> "\u274c";
        };
    }

    /**
     * Text as Markdown that shows it literally: HTML-significant characters as entities, Markdown punctuation
     * backslash-escaped, line breaks and control characters as visible escapes ({@link Text#oneLine}).
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        String one = Text.oneLine(text);
        StringBuilder out = new StringBuilder(one.length() + 16);
        for (char c : one.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '|' -> out.append("\\|");
                case '\\', '`', '*', '_', '[', ']', '#', '!', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Text for inside a code span: no backtick can close it early, no line break. */
    private static String code(String text) {
        return text == null ? "" : Text.oneLine(text).replace('`', '\'');
    }
}
