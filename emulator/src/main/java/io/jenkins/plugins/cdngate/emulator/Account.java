package io.jenkins.plugins.cdngate.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One emulated Alibaba Cloud account, keyed by its AccessKey ID. Thread-safe: tests mutate the live
 * account (from {@link CdnEmulator#account(String)}) while the emulator serves requests.
 * Every setter returns {@code this} so an account reads as one expression.
 */
public final class Account {
    /** Default answer of both Describe operations for an account that has not activated CDN. */
    public static final String NOT_ACTIVATED_DEFAULT = "CdnServiceNotFound";

    private final String accessKeyId;
    private final String accessKeySecret;
    private boolean activated;
    private String chargeType = "PayByTraffic";
    private String openingTime;
    private String instanceId;
    private String changingChargeType;
    private String changingAffectTime;
    private final List<String> locks = new ArrayList<>();
    private final List<Plan> plans = new ArrayList<>();
    private String openError;
    private final Map<String, String> denied = new LinkedHashMap<>();
    private String securityToken;
    private boolean securityTokenExpired;
    private String notActivatedCode = NOT_ACTIVATED_DEFAULT;
    private String describeDenied;

    private Account(String accessKeyId, String accessKeySecret) {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("AccessKey ID must not be empty");
        }
        if (accessKeySecret == null || accessKeySecret.isEmpty()) {
            throw new IllegalArgumentException("AccessKey secret must not be empty for " + mask(accessKeyId));
        }
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
    }

    /** A new, not activated account without plans, locks or errors. */
    public static Account create(String accessKeyId, String accessKeySecret) {
        return new Account(accessKeyId, accessKeySecret);
    }

    // ---- setters (fluent, thread-safe) ----

    /** Whether CDN is activated. Activating without an opening time sets it to now when first described. */
    public synchronized Account activated(boolean value) {
        this.activated = value;
        return this;
    }

    /** Current metering method ({@code InternetChargeType}). */
    public synchronized Account chargeType(String value) {
        this.chargeType = value;
        return this;
    }

    /** {@code OpeningTime}, ISO 8601 UTC. */
    public synchronized Account openingTime(String value) {
        this.openingTime = value;
        return this;
    }

    /** {@code InstanceId}; when unset the emulator derives one from the AccessKey ID. */
    public synchronized Account instanceId(String value) {
        this.instanceId = value;
        return this;
    }

    /** A pending metering-method change: {@code ChangingChargeType} and {@code ChangingAffectTime}. */
    public synchronized Account changing(String newChargeType, String affectTime) {
        this.changingChargeType = newChargeType;
        this.changingAffectTime = affectTime;
        return this;
    }

    /** Replaces the operation locks (e.g. {@code financial}); no argument clears them. */
    public synchronized Account locks(String... reasons) {
        locks.clear();
        for (String r : reasons) {
            locks.add(Objects.requireNonNull(r, "lock reason"));
        }
        return this;
    }

    /** Adds a resource plan. */
    public synchronized Account plan(Plan plan) {
        plans.add(Objects.requireNonNull(plan, "plan"));
        return this;
    }

    /** Replaces all resource plans. */
    public synchronized Account plans(List<Plan> newPlans) {
        plans.clear();
        newPlans.forEach(this::plan);
        return this;
    }

    /** Removes every resource plan. */
    public synchronized Account clearPlans() {
        plans.clear();
        return this;
    }

    /**
     * Makes OpenCdnService answer with this documented error (one of
     * {@link ErrorCodes#OPEN_CDN_SERVICE_ERRORS}); {@code null} clears it.
     */
    public synchronized Account openError(String code) {
        if (code != null && !ErrorCodes.OPEN_CDN_SERVICE_ERRORS.contains(code)) {
            throw new IllegalArgumentException("Not a documented OpenCdnService error: " + code
                    + " (one of " + ErrorCodes.OPEN_CDN_SERVICE_ERRORS + ")");
        }
        this.openError = code;
        return this;
    }

    /** RAM: the key lacks permission for the action; {@code code} is {@code Forbidden.RAM} or {@code NoPermission}. */
    public synchronized Account deny(String action, String code) {
        if (!"Forbidden.RAM".equals(code) && !"NoPermission".equals(code)) {
            throw new IllegalArgumentException("RAM denial code must be Forbidden.RAM or NoPermission, not " + code);
        }
        denied.put(Objects.requireNonNull(action, "action"), code);
        return this;
    }

    /** RAM: denies the action with {@code Forbidden.RAM}. */
    public synchronized Account deny(String action) {
        return deny(action, "Forbidden.RAM");
    }

    /**
     * Replaces every RAM denial with {@code denials} (action to code; an empty map clears them all), checking
     * every code before changing anything, so a request never sees half of the new set.
     */
    public synchronized Account denials(Map<String, String> denials) {
        Map<String, String> next = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : denials.entrySet()) {
            String code = e.getValue();
            if (!"Forbidden.RAM".equals(code) && !"NoPermission".equals(code)) {
                throw new IllegalArgumentException("RAM denial code must be Forbidden.RAM or NoPermission, not " + code);
            }
            next.put(Objects.requireNonNull(e.getKey(), "action"), code);
        }
        denied.clear();
        denied.putAll(next);
        return this;
    }

    /** Removes a RAM denial. */
    public synchronized Account allow(String action) {
        denied.remove(action);
        return this;
    }

    /** Accepts this STS token with the key; {@code null} accepts none. */
    public synchronized Account securityToken(String token) {
        this.securityToken = token;
        return this;
    }

    /** Makes the accepted STS token answer {@code InvalidSecurityToken.Expired}. */
    public synchronized Account securityTokenExpired(boolean expired) {
        this.securityTokenExpired = expired;
        return this;
    }

    /** What both Describe operations answer while not activated: {@code CdnServiceNotFound} or {@code OperationDenied}. */
    public synchronized Account notActivatedCode(String code) {
        if (!"CdnServiceNotFound".equals(code) && !"OperationDenied".equals(code)) {
            throw new IllegalArgumentException("notActivatedCode must be CdnServiceNotFound or OperationDenied, not "
                    + code);
        }
        this.notActivatedCode = code;
        return this;
    }

    /**
     * Makes both Describe operations answer 403 {@code OperationDenied} with this message whatever the activation
     * state, as Alibaba answers for an account locked for security reasons (OpenCdnService still answers as the
     * activation state says: {@code CdnService.HasOpened} once activated); {@code null} clears it.
     */
    public synchronized Account describeDenied(String message) {
        if (message != null && message.isBlank()) {
            throw new IllegalArgumentException("describeDenied needs a message (null clears it)");
        }
        this.describeDenied = message;
        return this;
    }

    // ---- getters ----

    public String accessKeyId() { return accessKeyId; }
    /** The AccessKey ID masked for display, e.g. {@code LTAI****0001}. */
    public String maskedId() { return mask(accessKeyId); }
    String accessKeySecret() { return accessKeySecret; }
    public synchronized boolean isActivated() { return activated; }
    public synchronized String chargeType() { return chargeType; }
    public synchronized String openingTime() { return openingTime; }
    public synchronized String instanceId() { return instanceId; }
    public synchronized String changingChargeType() { return changingChargeType; }
    public synchronized String changingAffectTime() { return changingAffectTime; }
    public synchronized List<String> locks() { return List.copyOf(locks); }
    public synchronized List<Plan> plans() { return List.copyOf(plans); }
    public synchronized String openError() { return openError; }
    public synchronized Map<String, String> denied() { return Collections.unmodifiableMap(new LinkedHashMap<>(denied)); }
    public synchronized String deniedCode(String action) { return denied.get(action); }
    public synchronized boolean hasSecurityToken() { return securityToken != null; }
    synchronized String securityToken() { return securityToken; }
    public synchronized boolean isSecurityTokenExpired() { return securityTokenExpired; }
    public synchronized String notActivatedCode() { return notActivatedCode; }
    /** The message of the {@code OperationDenied} both Describe operations answer with, or null. */
    public synchronized String describeDenied() { return describeDenied; }

    /**
     * Masks an AccessKey ID as CDN Gate does: first four and last four characters for the documented shapes
     * ({@code LTAI...}, {@code STS....}), e.g. {@code LTAI****0001}; anything else (maybe a secret sent as the ID)
     * its first two characters at most.
     */
    static String mask(String id) {
        if (id == null) {
            return "(none)";
        }
        if (id.length() < 8) {
            return "****";
        }
        if (id.matches("LTAI[A-Za-z0-9-]{8,28}|STS\\.[A-Za-z0-9-]{8,60}")) {
            return id.substring(0, 4) + "****" + id.substring(id.length() - 4);
        }
        return id.substring(0, 2) + "****";
    }

    @Override
    public synchronized String toString() {
        return "Account[" + maskedId() + (activated ? " activated" : " not activated") + ", locks=" + locks
                + ", plans=" + plans.size() + "]";
    }
}
