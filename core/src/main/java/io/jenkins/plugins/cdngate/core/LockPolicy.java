package io.jenkins.plugins.cdngate.core;

/** What an operation lock on the CDN service (for example {@code financial}) does to the verdict. */
public enum LockPolicy {
    /** A locked service fails the gate (default). */
    FAIL,
    /** A locked service only makes the result UNSTABLE. */
    UNSTABLE;

    /** Parses {@code fail} / {@code unstable}, case-insensitively; blank means FAIL. */
    public static LockPolicy parse(String text) {
        if (text == null || text.isBlank()) {
            return FAIL;
        }
        for (LockPolicy p : values()) {
            if (p.name().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("lock policy must be 'fail' or 'unstable', not '" + text.trim() + "'");
    }
}
