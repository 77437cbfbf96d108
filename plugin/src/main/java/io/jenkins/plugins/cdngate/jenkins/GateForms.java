package io.jenkins.plugins.cdngate.jenkins;

import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.cdngate.core.Sizes;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Form checks shared by the step and builder descriptors. They only parse what the user typed (no
 * credentials, no network), so they need no permission check beyond reaching the form; the descriptors
 * still accept them by POST only.
 */
public final class GateForms {
    private GateForms() {
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

    public static FormValidation checkCount(String name, String value) {
        try {
            Long count = GateBinding.parseCount(name, value);
            return count == null ? FormValidation.ok() : FormValidation.ok(String.format(Locale.ROOT, "= %,d", count));
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
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

    public static ListBoxModel modeItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("enforce: a FAIL fails the build (default)", "enforce");
        items.add("warn: a FAIL only makes the build unstable", "warn");
        return items;
    }

    public static ListBoxModel lockPolicyItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("fail: a locked service fails the build (default)", "fail");
        items.add("unstable: a locked service makes the build unstable", "unstable");
        return items;
    }
}
