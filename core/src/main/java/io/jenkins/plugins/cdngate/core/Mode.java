package io.jenkins.plugins.cdngate.core;

/** How hard a gate stops a deployment. */
public enum Mode {
    /** A FAIL stays a FAIL (default). */
    ENFORCE,
    /** Every FAIL is reported as UNSTABLE, and the report says so. */
    WARN;

    /** Parses {@code enforce} / {@code warn}, case-insensitively. */
    public static Mode parse(String text) {
        if (text == null || text.isBlank()) {
            return ENFORCE;
        }
        for (Mode m : values()) {
            if (m.name().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode must be 'enforce' or 'warn', not '" + text.trim() + "'");
    }
}
