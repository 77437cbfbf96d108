package io.jenkins.plugins.cdngate.core.credentials;

import java.util.regex.Pattern;

/**
 * A RAM role to assume through STS AssumeRole before the CDN calls.
 *
 * @param roleArn          {@code acs:ram::<account id>:role/<role name>}
 * @param sessionName      the RoleSessionName STS records in ActionTrail: 2 to 64 of {@code A-Z a-z 0-9 . @ - _};
 *                         null means {@value #DEFAULT_SESSION_NAME}
 * @param durationSeconds  how long the temporary credentials live: 900 to 43200 s (the role's maximum session
 *                         duration decides the real upper bound); null means {@value #DEFAULT_DURATION_SECONDS}
 * @param externalId       the ExternalId the role's trust policy asks for, or null; 2 to 1224 of
 *                         {@code A-Z a-z 0-9 = , . @ : / - _}. Never shown in messages.
 */
public record RoleSpec(String roleArn, String sessionName, Integer durationSeconds, String externalId) {
    public static final String DEFAULT_SESSION_NAME = "cdn-gate";
    public static final int DEFAULT_DURATION_SECONDS = 3600;
    public static final int MIN_DURATION_SECONDS = 900;
    public static final int MAX_DURATION_SECONDS = 43200;

    static final Pattern ARN = Pattern.compile("acs:ram::(\\d+):role/([A-Za-z0-9._-]{1,64})");
    static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z0-9.@_-]{2,64}");
    static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9=,.@:/_-]{2,1224}");

    /** @throws IllegalArgumentException one line naming what to fix */
    public RoleSpec {
        if (roleArn == null || roleArn.isBlank()) {
            throw new IllegalArgumentException("role ARN is empty: give acs:ram::<account id>:role/<role name>");
        }
        roleArn = roleArn.strip();
        if (!ARN.matcher(roleArn).matches()) {
            throw new IllegalArgumentException("role ARN '" + shown(roleArn) + "' is not of the form "
                    + "acs:ram::<account id>:role/<role name>: copy it from the RAM console (role details, ARN)");
        }
        sessionName = sessionName == null || sessionName.isBlank() ? DEFAULT_SESSION_NAME : sessionName.strip();
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw new IllegalArgumentException("role session name '" + shown(sessionName) + "' is not usable: give 2 to 64 "
                    + "letters, digits or . @ - _");
        }
        durationSeconds = durationSeconds == null ? DEFAULT_DURATION_SECONDS : durationSeconds;
        if (durationSeconds < MIN_DURATION_SECONDS || durationSeconds > MAX_DURATION_SECONDS) {
            throw new IllegalArgumentException("role session duration " + durationSeconds + " s is out of range: give "
                    + MIN_DURATION_SECONDS + " to " + MAX_DURATION_SECONDS + " s (at most the role's maximum session duration)");
        }
        externalId = externalId == null || externalId.isBlank() ? null : externalId.strip();
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            throw new IllegalArgumentException("external ID is not usable (not shown): give 2 to 1224 letters, digits or "
                    + "= , . @ : / - _, as the role's trust policy names it");
        }
    }

    /** The role with the default session name and duration and no external ID. */
    public static RoleSpec of(String roleArn) {
        return new RoleSpec(roleArn, null, null, null);
    }

    /** The account that owns the role (the digits in the ARN). */
    public String accountId() {
        java.util.regex.Matcher m = ARN.matcher(roleArn);
        return m.matches() ? m.group(1) : null;
    }

    private static String shown(String s) {
        String one = io.jenkins.plugins.cdngate.core.Text.oneLine(s);
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }

    @Override
    public String toString() {
        return "RoleSpec[" + roleArn + ", session " + sessionName + ", " + durationSeconds + " s"
                + (externalId == null ? "" : ", external ID ****") + "]";
    }
}
