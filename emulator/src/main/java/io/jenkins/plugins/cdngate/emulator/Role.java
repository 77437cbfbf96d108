package io.jenkins.plugins.cdngate.emulator;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A RAM role the emulator's STS lets callers assume ({@link CdnEmulator#addRole}). Temporary credentials issued for it
 * act on its owner account's CDN state until they expire.
 *
 * <pre>{@code
 * emu.addRole(owner, Role.create("acs:ram::1234567890123456:role/deploy").trust("LTAI-test-0001"));
 * }</pre>
 */
public final class Role {
    static final Pattern ARN = Pattern.compile("acs:ram::(\\d+):role/([A-Za-z0-9._-]{1,64})");

    private final String arn;
    private final Set<String> trusted = new LinkedHashSet<>();
    private int maxSessionSeconds = 3600;
    private String externalId;
    private String oidcProviderArn;
    private String oidcToken;
    private boolean oidcTokenExpired;
    private int sessionNameMaxLength = 64;
    private volatile Account owner;

    private Role(String arn) {
        this.arn = arn;
    }

    /** @throws IllegalArgumentException when the ARN is not {@code acs:ram::<digits>:role/<name>} */
    public static Role create(String arn) {
        if (arn == null || !ARN.matcher(arn).matches()) {
            throw new IllegalArgumentException("role ARN must be acs:ram::<digits>:role/<name>, not " + arn);
        }
        return new Role(arn);
    }

    /**
     * Who may assume it (its trust policy): AccessKey IDs of emulator accounts, or ARNs of roles whose temporary
     * credentials may chain into this one.
     */
    public synchronized Role trust(String... principals) {
        for (String p : principals) {
            trusted.add(Objects.requireNonNull(p, "principal"));
        }
        return this;
    }

    /** The role's maximum session duration, 3600 to 43200 s (default 3600, as in RAM). */
    public synchronized Role maxSessionDuration(int seconds) {
        if (seconds < 3600 || seconds > 43200) {
            throw new IllegalArgumentException("maximum session duration must be 3600 to 43200 s, not " + seconds);
        }
        this.maxSessionSeconds = seconds;
        return this;
    }

    /** The ExternalId its trust policy requires (sts:ExternalId condition); null for none. */
    public synchronized Role externalId(String value) {
        this.externalId = value;
        return this;
    }

    /** Trusts this OIDC provider (RRSA) presenting exactly this token, for AssumeRoleWithOIDC. */
    public synchronized Role oidc(String providerArn, String token) {
        this.oidcProviderArn = providerArn;
        this.oidcToken = token;
        return this;
    }

    /**
     * The longest RoleSessionName STS accepts for this role, 2 to 64 (default 64; older STS pages said 32), longer
     * names answer InvalidParameter.RoleSessionName.
     */
    public synchronized Role sessionNameMaxLength(int length) {
        if (length < 2 || length > 64) {
            throw new IllegalArgumentException("session name length must be 2 to 64, not " + length);
        }
        this.sessionNameMaxLength = length;
        return this;
    }

    public synchronized int sessionNameMaxLength() {
        return sessionNameMaxLength;
    }

    /** Makes AssumeRoleWithOIDC answer AuthenticationFail.OIDCToken.Expired for the token. */
    public synchronized Role oidcTokenExpired(boolean expired) {
        this.oidcTokenExpired = expired;
        return this;
    }

    public String arn() {
        return arn;
    }

    /** The role name: the part after {@code role/}. */
    public String name() {
        Matcher m = ARN.matcher(arn);
        return m.matches() ? m.group(2) : arn;
    }

    public Account owner() {
        return owner;
    }

    void owner(Account account) {
        this.owner = account;
    }

    public synchronized boolean trusts(String principal) {
        return principal != null && trusted.contains(principal);
    }

    public synchronized int maxSessionSeconds() {
        return maxSessionSeconds;
    }

    public synchronized String externalId() {
        return externalId;
    }

    public synchronized String oidcProviderArn() {
        return oidcProviderArn;
    }

    public synchronized String oidcToken() {
        return oidcToken;
    }

    public synchronized boolean isOidcTokenExpired() {
        return oidcTokenExpired;
    }

    @Override
    public String toString() {
        return "Role[" + arn + "]";
    }
}
