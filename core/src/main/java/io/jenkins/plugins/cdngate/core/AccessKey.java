package io.jenkins.plugins.cdngate.core;

import java.util.Objects;

/**
 * An Alibaba Cloud AccessKey pair, optionally with an STS security token.
 * {@link #toString()} never shows the secret or the token, and shows the ID only masked.
 */
public final class AccessKey {
    private final String id;
    private final String secret;
    private final String securityToken;
    private final String source;

    private AccessKey(String id, String secret, String securityToken, String source) {
        this.id = id;
        this.secret = secret;
        this.securityToken = securityToken;
        this.source = source;
    }

    /**
     * Builds a key, trimming whitespace around the ID, the secret and the token.
     *
     * <p>Why the secret is trimmed too: an Alibaba Cloud AccessKey secret (like the ID and an STS token) is
     * letters, digits and a few symbols and never contains whitespace, while the common CI mistake is a trailing
     * newline from {@code $(cat secret-file)}, a here-doc or a pasted value. Signed as-is, that newline makes every
     * call fail with {@code SignatureDoesNotMatch}, which points the user at the wrong cause (reference 1.6). For
     * the same reason whitespace <em>inside</em> a secret or token can only be a copy mistake and is refused.
     *
     * @throws IllegalArgumentException with a one-line message naming what is missing or wrong (never the secret)
     */
    public static AccessKey of(String id, String secret, String securityToken) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("AccessKey ID is empty: provide the AccessKey ID of a RAM user");
        }
        String trimmedId = id.strip();
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("AccessKey secret is empty for AccessKey " + mask(trimmedId)
                    + ": give the AccessKey secret that belongs to this AccessKey ID");
        }
        String trimmedSecret = secret.strip();
        if (hasWhitespace(trimmedSecret)) {
            throw new IllegalArgumentException("AccessKey secret for AccessKey " + mask(trimmedId)
                    + " contains whitespace inside it (a space, tab or line break): copy the secret again");
        }
        String token = securityToken == null || securityToken.isBlank() ? null : securityToken.strip();
        if (token != null && hasWhitespace(token)) {
            throw new IllegalArgumentException("STS security token for AccessKey " + mask(trimmedId)
                    + " contains whitespace inside it (a space, tab or line break): copy the token again, in one piece");
        }
        return new AccessKey(trimmedId, trimmedSecret, token, null);
    }

    private static boolean hasWhitespace(String s) {
        return s.codePoints().anyMatch(Character::isWhitespace);
    }

    public static AccessKey of(String id, String secret) {
        return of(id, secret, null);
    }

    public String id() {
        return id;
    }

    public String secret() {
        return secret;
    }

    /** The STS token, or null for a long-term AccessKey. */
    public String securityToken() {
        return securityToken;
    }

    /**
     * Where this key came from, in words a person recognises (e.g. "environment variables
     * ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET", "aliyun CLI profile 'default' (AK mode) in ~/.aliyun/config.json",
     * "RAM role acs:ram::123:role/deploy assumed with ..."); null when unknown. Never holds a secret.
     */
    public String source() {
        return source;
    }

    /** This key with its source named (one line; null or blank means unknown). The source is not part of equality. */
    public AccessKey withSource(String value) {
        String clean = value == null || value.isBlank() ? null : Text.oneLine(value.strip());
        return new AccessKey(id, secret, securityToken, clean);
    }

    public String maskedId() {
        return mask(id);
    }

    /**
     * The documented shapes of an AccessKey ID: a long-term key's {@code LTAI} followed by letters and digits (16 to
     * 24 characters in all for keys Alibaba issues; hyphens and 12 characters are allowed for test keys), an STS
     * temporary key's {@code STS.} followed by letters and digits.
     */
    private static final java.util.regex.Pattern LONG_TERM = java.util.regex.Pattern.compile("LTAI[A-Za-z0-9-]{8,28}");
    private static final java.util.regex.Pattern TEMPORARY = java.util.regex.Pattern.compile("STS\\.[A-Za-z0-9-]{8,60}");

    /** Whether {@code id} has a documented AccessKey ID shape ({@code LTAI...} or {@code STS....}, see above). */
    public static boolean hasDocumentedShape(String id) {
        return id != null && (LONG_TERM.matcher(id).matches() || TEMPORARY.matcher(id).matches());
    }

    /**
     * An AccessKey ID for display. An ID of a documented shape ({@code LTAI...}, {@code STS....}) keeps its first and
     * last four characters: {@code LTAI-example-7890} becomes {@code LTAI****7890}. Anything else may be a secret in
     * the wrong place (the ID and secret swapped, a secret pasted in the ID field), so it shows at most its first two
     * characters ({@code Xk****}), and nothing at all when shorter than 8 characters ({@code ****}).
     */
    public static String mask(String id) {
        if (id == null || id.length() < 8) {
            return "****";
        }
        if (hasDocumentedShape(id)) {
            return id.substring(0, 4) + "****" + id.substring(id.length() - 4);
        }
        return id.substring(0, 2) + "****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessKey k && k.id.equals(id) && k.secret.equals(secret)
                && Objects.equals(k.securityToken, securityToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, secret, securityToken);
    }

    @Override
    public String toString() {
        return "AccessKey " + maskedId();
    }
}
