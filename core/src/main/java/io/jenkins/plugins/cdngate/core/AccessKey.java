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

    private AccessKey(String id, String secret, String securityToken) {
        this.id = id;
        this.secret = secret;
        this.securityToken = securityToken;
    }

    /**
     * @throws IllegalArgumentException with a one-line message naming what is missing
     */
    public static AccessKey of(String id, String secret, String securityToken) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("AccessKey ID is empty: provide the AccessKey ID of a RAM user");
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("AccessKey secret is empty for AccessKey " + mask(id.trim()));
        }
        String token = securityToken == null || securityToken.isBlank() ? null : securityToken.trim();
        return new AccessKey(id.trim(), secret, token);
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

    public String maskedId() {
        return mask(id);
    }

    /** {@code LTAI-example-7890} becomes {@code LTAI****7890}; short IDs become {@code ****}. */
    public static String mask(String id) {
        if (id == null) {
            return "****";
        }
        return id.length() <= 8 ? "****" : id.substring(0, 4) + "****" + id.substring(id.length() - 4);
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
