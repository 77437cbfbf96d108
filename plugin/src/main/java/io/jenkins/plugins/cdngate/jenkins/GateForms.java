package io.jenkins.plugins.cdngate.jenkins;

import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.cdngate.core.Counts;
import io.jenkins.plugins.cdngate.core.Endpoint;
import io.jenkins.plugins.cdngate.core.EnsureActiveRequest;
import io.jenkins.plugins.cdngate.core.RequireQuotaRequest;
import io.jenkins.plugins.cdngate.core.Sizes;
import io.jenkins.plugins.cdngate.core.credentials.RoleSpec;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import jenkins.model.Jenkins;

/**
 * Form checks and drop-downs shared by the step, builder and global configuration descriptors. The checks only
 * parse what the user typed (no credentials, no network); the descriptors accept them by POST only.
 */
public final class GateForms {
    private GateForms() {
    }

    /**
     * Whether the current user may configure {@code item} (administrators when there is none, e.g. the global
     * configuration or the global snippet generator). Every check below answers only them and a plain OK to
     * anyone else: even a parse-only check is a web method any Overall/Read user can call, and the jenkins.io
     * form-validation guide (doc/developer/security/form-validation) asks for the permission check on all.
     */
    public static boolean mayConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** {@link #checkSize(String, boolean)} for those who {@link #mayConfigure} the item; OK for anyone else. */
    public static FormValidation checkSize(Item item, String value, boolean required) {
        return mayConfigure(item) ? checkSize(value, required) : FormValidation.ok();
    }

    /** {@link #checkCount(String)} for those who {@link #mayConfigure} the item; OK for anyone else. */
    public static FormValidation checkCount(Item item, String value) {
        return mayConfigure(item) ? checkCount(value) : FormValidation.ok();
    }

    /** {@link #checkRegex(String)} for those who {@link #mayConfigure} the item; OK for anyone else. */
    public static FormValidation checkRegex(Item item, String value) {
        return mayConfigure(item) ? checkRegex(value) : FormValidation.ok();
    }

    /** {@link #checkNonNegative(String)} for those who {@link #mayConfigure} the item; OK for anyone else. */
    public static FormValidation checkNonNegative(Item item, String value) {
        return mayConfigure(item) ? checkNonNegative(value) : FormValidation.ok();
    }

    /** {@code 500GiB} answers {@code = 500.0 GiB}, so a typo in the unit is visible before the build. */
    public static FormValidation checkSize(String value, boolean required) {
        String text = Util.fixEmptyAndTrim(value);
        if (text == null) {
            return required ? FormValidation.error("Required, for example 500GiB") : FormValidation.ok();
        }
        if (text.contains("${")) {
            return FormValidation.ok();
        }
        try {
            return FormValidation.ok("= " + Sizes.brief(Sizes.parse(text)));
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** {@code 1000000} answers {@code = 1,000,000}; the message shows under the field, so it does not name it. */
    public static FormValidation checkCount(String value) {
        String text = Util.fixEmptyAndTrim(value);
        if (text == null || text.contains("${")) {
            return FormValidation.ok();
        }
        try {
            return FormValidation.ok("= " + Counts.format(Counts.parse(text)));
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /**
     * The warning level as {@link #checkSize(String, boolean)} reads it, and then against the minimum in the same form
     * by core's one rule ({@link RequireQuotaRequest#warnBelowMin}), so the build's refusal shows before it runs.
     */
    public static FormValidation checkWarnSize(Item item, String value, String minBytes) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        FormValidation own = checkSize(value, false);
        String warn = Util.fixEmptyAndTrim(value);
        String min = Util.fixEmptyAndTrim(minBytes);
        if (own.kind != FormValidation.Kind.OK || warn == null || min == null || warn.contains("${")
                || min.contains("${")) {
            return own;
        }
        try {
            String order = RequireQuotaRequest.warnBelowMin("The warning level", Sizes.parse(warn), "the minimum",
                    Sizes.parse(min));
            return order == null ? own : FormValidation.error(order);
        } catch (IllegalArgumentException e) {
            return own; // the minimum's own check names its problem
        }
    }

    /** The days-left warning level as a whole number of days 0 or more, and not below the minimum (core's rule). */
    public static FormValidation checkWarnDays(Item item, String value, String minDaysLeft) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        FormValidation own = checkNonNegative(value);
        Integer warn = wholeDays(value);
        Integer min = wholeDays(minDaysLeft);
        if (own.kind != FormValidation.Kind.OK || warn == null || min == null) {
            return own;
        }
        String order = RequireQuotaRequest.warnDaysBelowMin("The warning level", warn, "the minimum", min);
        return order == null ? own : FormValidation.error(order + " days");
    }

    private static Integer wholeDays(String value) {
        String text = Util.fixEmptyAndTrim(value);
        if (text == null) {
            return null;
        }
        try {
            int days = Integer.parseInt(text);
            return days < 0 ? null : days;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static FormValidation checkRegex(String value) {
        String text = Util.fixEmptyAndTrim(value);
        if (text == null) {
            return FormValidation.ok();
        }
        try {
            Pattern.compile(text);
            return FormValidation.ok();
        } catch (PatternSyntaxException e) {
            return FormValidation.error("Not a regular expression: " + e.getDescription());
        }
    }

    public static FormValidation checkNonNegative(String value) {
        String text = Util.fixEmptyAndTrim(value);
        return text == null ? FormValidation.ok() : FormValidation.validateNonNegativeInteger(text);
    }

    /**
     * The endpoint as the gates will read it ({@link Endpoint#parse}), so a scheme, port or host typo shows on the
     * form instead of failing the build. Like the credentials check: answered only to those who may configure the
     * item (administrators on an item-less page, e.g. the global configuration); anyone else gets a plain OK
     * (jenkins.io form-validation guide: web methods need a permission check).
     */
    public static FormValidation checkEndpoint(Item item, String value) {
        return checkParsed(item, value, Endpoint::parse);
    }

    /** A RAM role ARN as core's {@link RoleSpec} reads it; blank is fine (no role). */
    public static FormValidation checkRoleArn(Item item, String value) {
        return checkParsed(item, value, RoleSpec::of);
    }

    /**
     * A value core parses ({@code parser} throws {@link IllegalArgumentException} with its one-line message): checked
     * for those who {@link #mayConfigure} the item, blank is fine, an expression is left to the build.
     */
    private static FormValidation checkParsed(Item item, String value, java.util.function.Consumer<String> parser) {
        String text = Util.fixEmptyAndTrim(value);
        if (!mayConfigure(item) || text == null) {
            return FormValidation.ok();
        }
        if (text.contains("${")) {
            return FormValidation.warning("Cannot check an expression; it is resolved when the build runs");
        }
        try {
            parser.accept(text);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** A role session duration in seconds, within core's {@link RoleSpec} bounds; blank = its default, 3600. */
    public static FormValidation checkRoleDuration(Item item, String value) {
        String text = Util.fixEmptyAndTrim(value);
        if (!mayConfigure(item) || text == null) {
            return FormValidation.ok();
        }
        int seconds;
        try {
            seconds = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return FormValidation.error("Enter whole seconds, for example 3600");
        }
        return seconds >= RoleSpec.MIN_DURATION_SECONDS && seconds <= RoleSpec.MAX_DURATION_SECONDS
                ? FormValidation.ok()
                : FormValidation.error("Give " + RoleSpec.MIN_DURATION_SECONDS + " to " + RoleSpec.MAX_DURATION_SECONDS
                        + " seconds, at most the role's maximum session duration");
    }

    /*
     * Each drop-down whose setting has a default starts with an empty option for it. An f:select without one
     * shows its first real option for an unset field and posts it back, so saving any form (or the Pipeline
     * snippet generator) would write the default out explicitly (chargeType: 'PayByTraffic', ...). With the
     * empty option the setters' Util.fixEmptyAndTrim keeps the field null and the snippet leaves it out.
     */

    /**
     * OpenCdnService accepts only PayByTraffic (seed OpenCdnService.txt; the API answers any other value with
     * InvalidInternetChargeType.ValueNotSupported), so the form offers nothing else.
     */
    public static ListBoxModel chargeTypeItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("(default: PayByTraffic)", "");
        for (String type : EnsureActiveRequest.ACTIVATION_CHARGE_TYPES) {
            items.add(type, type);
        }
        return items;
    }

    /** DescribeCdnService reports PayByTraffic or PayByBandwidth; none means any billing method passes. */
    public static ListBoxModel expectedChargeTypeItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("(none): any billing method", "");
        for (String type : EnsureActiveRequest.EXPECTED_CHARGE_TYPES) {
            items.add(type, type);
        }
        return items;
    }

    public static ListBoxModel modeItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("(default: enforce)", "");
        items.add("enforce: a FAIL fails the build", "enforce");
        items.add("warn: a FAIL only makes the build unstable", "warn");
        return items;
    }

    public static ListBoxModel lockPolicyItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("(default: fail)", "");
        items.add("fail: a locked service fails the build", "fail");
        items.add("unstable: a locked service makes the build unstable", "unstable");
        return items;
    }
}
