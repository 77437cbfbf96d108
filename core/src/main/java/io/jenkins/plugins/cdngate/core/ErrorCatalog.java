package io.jenkins.plugins.cdngate.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every error code the gates know, as one table: code -> category, retryable, default verdict and the one
 * sentence that tells the user what to do. Adding a code is one line in {@link #TABLE}.
 *
 * <p>Sources: the seeds ({@code shared/seeds/*.txt}, the three operations' documented codes) and
 * {@code shared/reference/aliyun-cdn-api.md} sections 1.6 (signature, RAM, throttling, 5xx), 2.5 (SDK
 * transport codes) and 6 (activation and locks). {@code docs/error-codes.md} is generated from this table
 * and a test keeps the two identical.
 *
 * <p>A code ending in {@code *} matches every code with that prefix (the longest prefix wins; an exact
 * entry always wins). A code in no entry resolves to {@link Category#UNKNOWN}: FAIL, showing code and
 * message (fail closed); with an HTTP status of 500 or more it is retried like a 5xx.
 */
public final class ErrorCatalog {

    /** What kind of trouble a code means; the gates decide on categories, never on codes. */
    public enum Category {
        /** OpenCdnService: the service was already open. Counts as active. */
        ALREADY_ACTIVE,
        /** CDN has not been activated on this account. */
        NOT_ACTIVATED,
        /** The account cannot activate CDN yet: balance, real-name verification, payment method, region. */
        ACCOUNT_NOT_READY,
        /** Alibaba's order system refused or failed to create the activation order. */
        ORDER_FAILED,
        /** The RAM user or role lacks a permission. */
        PERMISSION,
        /** The request itself was wrong (parameter, charge type, action, version). */
        BAD_REQUEST,
        /** AccessKey, signature, timestamp or STS token rejected. */
        AUTH,
        /** Flow control: too many calls for this account or API. Retried. */
        THROTTLED,
        /** A server-side failure that may pass (5xx). Retried. */
        TRANSIENT,
        /** No usable HTTP answer: timeout, connection failure, a non-JSON error page. Retried. */
        TRANSPORT,
        /** A 200 answer that is empty, not JSON or lacks the documented structure. */
        MALFORMED_RESPONSE,
        /** The gate's total time budget ran out. */
        DEADLINE,
        /** The gate's own configuration cannot work (SDK profile, endpoint resolution). */
        CONFIGURATION,
        /** A code this catalog does not know. */
        UNKNOWN
    }

    /**
     * One row of the catalog.
     *
     * @param code       the Alibaba Cloud / SDK error code, or a {@code CdnGate.*} code of our own; a trailing
     *                   {@code *} makes it a prefix
     * @param category   what it means to the gates
     * @param retryable  whether a fresh, re-signed attempt may succeed
     * @param verdict    the verdict when this error ends a gate (the gates may soften ALREADY_ACTIVE / NOT_ACTIVATED)
     * @param httpStatus the documented HTTP status ({@code -} when there is no HTTP answer)
     * @param operations which operations return it ({@code any} for all three)
     * @param meaning    what happened, in a few words
     * @param advice     the one sentence telling the user what to do; {@code {action}} is replaced by the operation
     */
    public record Entry(String code, Category category, boolean retryable, Verdict verdict, String httpStatus,
                        String operations, String meaning, String advice) {

        /** The advice with {@code {action}} replaced by the operation that failed. */
        public String adviceFor(String action) {
            return advice.replace("{action}", action == null || action.isBlank() ? "<action>" : action);
        }

        /** Whether this entry matches every code with its prefix. */
        public boolean isPrefix() {
            return code.endsWith("*");
        }
    }

    static final String ANY = "any";
    static final String OPEN = "OpenCdnService";
    static final String DESCRIBE = "DescribeCdnService";
    static final String PACKAGES = "DescribeCdnUserResourcePackage";
    static final String DESCRIBES = DESCRIBE + ", " + PACKAGES;

    /** Our own code for a 200 answer we cannot read. */
    public static final String MALFORMED_RESPONSE = "CdnGate.MalformedResponse";
    /** Our own code for the gate's deadline running out. */
    public static final String DEADLINE_EXCEEDED = "CdnGate.DeadlineExceeded";
    /** Our own code for a failure inside the client that is not an SDK error (a defect; fail closed). */
    public static final String UNEXPECTED = "CdnGate.UnexpectedError";
    /** The code the SDK gives a non-JSON error body (an HTML page from a proxy or load balancer). */
    public static final String NULL_CODE = "(null)";

    private static final Verdict F = Verdict.FAIL;

    /*
     * The settings the advice names, in words both front ends' users recognise: the cdn-gate option and the field of
     * the Jenkins global configuration (Manage Jenkins > System > Alibaba Cloud CDN Gate; docs/cli.md, docs/steps.md).
     */
    private static final String JENKINS = "in Jenkins, Manage Jenkins > System > Alibaba Cloud CDN Gate > ";
    static final String DEADLINE = "the total time budget (cdn-gate --deadline; " + JENKINS
            + "Time budget per gate, deadlineSeconds)";
    static final String RATE_LIMIT = "the rate limit (cdn-gate --rate-limit-describe / --rate-limit-open; "
            + JENKINS + "Describe / OpenCdnService calls per second)";
    static final String READ_TIMEOUT = "the read timeout (cdn-gate --timeout; " + JENKINS + "Read timeout)";

    /** The table. One line per code; keep the groups. */
    private static final List<Entry> TABLE = List.of(
            // --- activation state (seeds, reference section 6) ---
            e("CdnService.HasOpened", Category.ALREADY_ACTIVE, false, Verdict.PASS, "400", OPEN,
                    "CDN is already activated on this account",
                    "Nothing to do: an already activated service counts as active."),
            e("CdnServiceNotFound", Category.NOT_ACTIVATED, false, F, "403", ANY,
                    "CDN is not activated on this account",
                    "Activate CDN: run ensure-active with activation allowed, or activate it in the Alibaba Cloud console."),
            e("OperationDenied", Category.NOT_ACTIVATED, false, F, "403", DESCRIBES,
                    "CDN is not activated (older code), or the account or service is locked (e.g. for security reasons): Alibaba's message says which",
                    "Read Alibaba's message: if it says CDN is not open, activate CDN (ensure-active or the console); otherwise check the console for locks on the account and the CDN service, the RAM policy of this AccessKey and the account state (a security lock needs Alibaba Cloud support)."),
            // --- account not ready to activate (OpenCdnService seed) ---
            e("InsufficientBalance", Category.ACCOUNT_NOT_READY, false, F, "400", OPEN,
                    "the account balance is too low to activate CDN",
                    "Top up the Alibaba Cloud account balance (Billing > Recharge), then run the gate again."),
            e("NoRealNameAuthentication", Category.ACCOUNT_NOT_READY, false, F, "400", OPEN,
                    "the account has not completed real-name verification",
                    "Finish real-name verification for the Alibaba Cloud account in the console, then run the gate again."),
            e("VertifyFailInvalidPayMethod", Category.ACCOUNT_NOT_READY, false, F, "400", OPEN,
                    "the account has no valid payment method",
                    "Add a valid payment method to the Alibaba Cloud account, then run the gate again."),
            e("VertifyFailUserProfileComplete", Category.ACCOUNT_NOT_READY, false, F, "400", OPEN,
                    "the account profile is incomplete",
                    "Complete the Alibaba Cloud account profile (contact and billing details) in the console, then run the gate again."),
            e("Forbidden.Intl", Category.ACCOUNT_NOT_READY, false, F, "403", OPEN,
                    "this international account may not open the service through the API",
                    "Activate CDN for this international account in the Alibaba Cloud console (the API refuses it)."),
            e("Forbidden.BidUser", Category.ACCOUNT_NOT_READY, false, F, "403", OPEN,
                    "reseller (bid) accounts may not open the service",
                    "Ask your Alibaba Cloud reseller to activate CDN for this account."),
            // --- order system (OpenCdnService seed, reference section 6) ---
            e("CreateOrderFailed", Category.ORDER_FAILED, false, F, "400", OPEN,
                    "the activation order could not be created",
                    "Check the account's billing status and payment method in the console and run the gate again; if it persists, open a ticket with the RequestId."),
            e("QueryInfoError", Category.ORDER_FAILED, false, F, "400", OPEN,
                    "the activation order could not be created (order lookup failed)",
                    "Run the gate again later; if it persists, open an Alibaba Cloud ticket with the RequestId."),
            e("LX_CREATE_ORDER_FAILED", Category.ORDER_FAILED, false, F, "400", OPEN,
                    "the activation order could not be created (older code)",
                    "Check the account's billing status in the console and run the gate again; if it persists, open a ticket with the RequestId."),
            e("FUWU_BIZ_COMMODITY_VERIFY_FAIL_*", Category.ORDER_FAILED, false, F, "400", OPEN,
                    "the commodity check for the activation order failed (older codes)",
                    "Check that the account may buy CDN (real-name verification, payment method, region) and run the gate again."),
            // --- bad request (seeds, reference 1.6) ---
            e("InvalidInternetChargeType.ValueNotSupported", Category.BAD_REQUEST, false, F, "400", OPEN,
                    "the charge type is not accepted",
                    "Use charge type PayByTraffic (the only value OpenCdnService currently accepts)."),
            e("InternetChargeTypeInvalid", Category.BAD_REQUEST, false, F, "400", DESCRIBE,
                    "the charge type is invalid",
                    "Use charge type PayByTraffic or PayByBandwidth."),
            e("UnsupportedParameter", Category.BAD_REQUEST, false, F, "400", DESCRIBE,
                    "the request carried a parameter the API does not support",
                    "Report this to the CDN Gate maintainers with the RequestId: the gate sent a parameter the API rejects."),
            e("MissingParameter", Category.BAD_REQUEST, false, F, "400", ANY,
                    "a mandatory parameter was not sent",
                    "Report this to the CDN Gate maintainers with the RequestId: the gate left out a mandatory parameter."),
            e("Missing*", Category.BAD_REQUEST, false, F, "400", ANY,
                    "a mandatory parameter was not sent (modern form, e.g. MissingInternetChargeType)",
                    "Report this to the CDN Gate maintainers with the RequestId: the gate left out a mandatory parameter."),
            e("InvalidParameter", Category.BAD_REQUEST, false, F, "400", ANY,
                    "a parameter value is invalid",
                    "Check the gate parameters named in the message."),
            e("InvalidAction.NotFound", Category.BAD_REQUEST, false, F, "404", ANY,
                    "the endpoint does not know this API action",
                    "Check the endpoint: it must be the CDN API endpoint (default cdn.aliyuncs.com)."),
            e("InvalidVersion", Category.BAD_REQUEST, false, F, "400", ANY,
                    "the endpoint does not support API version 2018-05-10",
                    "Check the endpoint: it must be the CDN API endpoint (default cdn.aliyuncs.com)."),
            // --- permission (reference 1.6, RAM) ---
            e("Forbidden.RAM", Category.PERMISSION, false, F, "403", ANY,
                    "the RAM user or role may not call this action",
                    "Grant cdn:{action} to the RAM user or role that owns this AccessKey (a RAM policy with Action cdn:{action} on Resource *)."),
            e("NoPermission", Category.PERMISSION, false, F, "403", ANY,
                    "the RAM user or role may not call this action",
                    "Grant cdn:{action} to the RAM user or role that owns this AccessKey (a RAM policy with Action cdn:{action} on Resource *)."),
            e("NotAuthorized", Category.PERMISSION, false, F, "403", ANY,
                    "the RAM user or role may not call this action",
                    "Grant cdn:{action} to the RAM user or role that owns this AccessKey (a RAM policy with Action cdn:{action} on Resource *)."),
            e("Forbidden", Category.PERMISSION, false, F, "403", ANY,
                    "the request is forbidden for this account",
                    "Check the RAM permissions of this AccessKey (cdn:{action}) and the account status in the console."),
            // --- authentication and signing (reference 1.6) ---
            e("SignatureDoesNotMatch", Category.AUTH, false, F, "400", ANY,
                    "the signature does not match: the AccessKey secret is wrong",
                    "Fix the AccessKey secret: it does not belong to this AccessKey ID (copy it again from the RAM console)."),
            e("IncompleteSignature", Category.AUTH, false, F, "400", ANY,
                    "the request signature is malformed",
                    "Fix the AccessKey secret (it may contain stray characters or line breaks) and run the gate again."),
            e("SDK.InvalidAccessKeySecret", Category.AUTH, false, F, "-", ANY,
                    "the SDK found the AccessKey secret wrong",
                    "Fix the AccessKey secret: it does not belong to this AccessKey ID (copy it again from the RAM console)."),
            e("SDK.InvalidAccessSecret", Category.AUTH, false, F, "-", ANY,
                    "the SDK found the AccessKey secret invalid",
                    "Fix the AccessKey secret: it does not belong to this AccessKey ID (copy it again from the RAM console)."),
            e("InvalidAccessKeyId.NotFound", Category.AUTH, false, F, "404", ANY,
                    "the AccessKey ID does not exist",
                    "Fix the AccessKey ID: no such AccessKey exists (check for typos, or create one in the RAM console)."),
            e("InvalidAccessKeyId.Inactive", Category.AUTH, false, F, "400", ANY,
                    "the AccessKey is disabled",
                    "Enable the AccessKey in the RAM console, or use an active one."),
            e("InvalidAccessKeyId", Category.AUTH, false, F, "400", ANY,
                    "the AccessKey ID is invalid",
                    "Fix the AccessKey ID (check for typos, or create one in the RAM console)."),
            e("InvalidTimeStamp.Expired", Category.AUTH, false, F, "400", ANY,
                    "the request timestamp is more than 15 minutes off the server's clock",
                    "Sync the build agent's clock (NTP): it is more than 15 minutes away from the real time."),
            e("InvalidTimeStamp.Format", Category.AUTH, false, F, "400", ANY,
                    "the request timestamp is malformed",
                    "Sync the build agent's clock (NTP) and report this to the CDN Gate maintainers with the RequestId."),
            e("IllegalTimestamp", Category.AUTH, false, F, "400", ANY,
                    "the request timestamp is missing or malformed (older code)",
                    "Sync the build agent's clock (NTP) and report this to the CDN Gate maintainers with the RequestId."),
            e("SignatureNonceUsed", Category.AUTH, false, F, "400", ANY,
                    "the request nonce was already used",
                    "Run the gate again; if it repeats, check that no proxy replays requests."),
            e("MissingSecurityToken", Category.AUTH, false, F, "400", ANY,
                    "this AccessKey is an STS key and needs its security token",
                    "Provide the STS security token together with this temporary AccessKey."),
            e("InvalidSecurityToken.Expired", Category.AUTH, false, F, "400", ANY,
                    "the STS security token has expired",
                    "Fetch a fresh STS token (AssumeRole) and run the gate again."),
            e("InvalidSecurityToken.MismatchWithAccessKey", Category.AUTH, false, F, "400", ANY,
                    "the STS security token belongs to another AccessKey",
                    "Use the security token issued together with this temporary AccessKey ID and secret."),
            e("InvalidSecurityToken.Malformed", Category.AUTH, false, F, "400", ANY,
                    "the STS security token is malformed",
                    "Copy the STS security token again, complete and without line breaks."),
            e("InvalidSecurityToken.*", Category.AUTH, false, F, "400", ANY,
                    "the STS security token was rejected",
                    "Fetch a fresh STS token (AssumeRole) for this temporary AccessKey and run the gate again."),
            // --- throttling (reference 1.6; Alibaba sends these as HTTP 400) ---
            e("Throttling", Category.THROTTLED, true, F, "400", ANY,
                    "request throttled",
                    "Too many CDN API calls from this account: run fewer gates at once or lower " + RATE_LIMIT + "."),
            e("Throttling.User", Category.THROTTLED, true, F, "400", ANY,
                    "request throttled by the per-account limit",
                    "Too many CDN API calls from this account (all its AccessKeys together): run fewer gates at once or lower " + RATE_LIMIT + "."),
            e("Throttling.Api", Category.THROTTLED, true, F, "400", ANY,
                    "request throttled by the per-API limit",
                    "Too many calls of this API (Open 5/s, Describe 30/s per account): run fewer gates at once or lower " + RATE_LIMIT + "."),
            e("Throttling.*", Category.THROTTLED, true, F, "400", ANY,
                    "request throttled",
                    "Too many CDN API calls from this account: run fewer gates at once or lower " + RATE_LIMIT + "."),
            e("Rejected.Throttling", Category.THROTTLED, true, F, "400", ANY,
                    "request throttled",
                    "Too many CDN API calls from this account: run fewer gates at once or lower " + RATE_LIMIT + "."),
            e("ServiceBusy", Category.THROTTLED, true, F, "400", ANY,
                    "the CDN service is busy",
                    "Run the gate again in a few minutes; the CDN API is busy."),
            e("FlowControlError", Category.THROTTLED, true, F, "400", ANY,
                    "request refused by flow control",
                    "Too many CDN API calls from this account: run fewer gates at once or lower " + RATE_LIMIT + "."),
            e("SDK.TriggerThrottlingPolicy", Category.THROTTLED, true, F, "-", ANY,
                    "the SDK's client-side throttling refused the call",
                    "Too many CDN API calls from this account: run fewer gates at once or lower " + RATE_LIMIT + "."),
            // --- server errors (reference 1.6) ---
            e("InternalError", Category.TRANSIENT, true, F, "500", ANY,
                    "Alibaba Cloud failed to process the request",
                    "Run the gate again in a few minutes; if it persists, check the Alibaba Cloud status page or open a ticket with the RequestId."),
            e("ServiceUnavailable", Category.TRANSIENT, true, F, "503", ANY,
                    "the service is temporarily unavailable",
                    "Run the gate again in a few minutes; if it persists, check the Alibaba Cloud status page or open a ticket with the RequestId."),
            e("ServiceUnAvailable", Category.TRANSIENT, true, F, "503", ANY,
                    "the service is temporarily unavailable (older spelling)",
                    "Run the gate again in a few minutes; if it persists, check the Alibaba Cloud status page or open a ticket with the RequestId."),
            // --- SDK transport (reference 2.5) ---
            e("SDK.ReadTimeout", Category.TRANSPORT, true, F, "-", ANY,
                    "no answer within the read timeout",
                    "Check the network path from the build agent to the endpoint (proxy, firewall), or raise " + READ_TIMEOUT + "."),
            e("SDK.ServerUnreachable", Category.TRANSPORT, true, F, "-", ANY,
                    "the endpoint could not be reached (DNS, connection refused or reset, TLS failure)",
                    "Check the endpoint name, DNS, proxy settings (HTTPS_PROXY / NO_PROXY) and firewall from the build agent."),
            e("SDK.RequestTryOrRetryFailed", Category.TRANSPORT, true, F, "-", ANY,
                    "the request failed before a usable answer arrived",
                    "Check the network path and proxy from the build agent to the endpoint, then run the gate again."),
            e(NULL_CODE, Category.TRANSPORT, true, F, "5xx/4xx", ANY,
                    "the error answer was not JSON (an HTML page from a proxy or load balancer)",
                    "Check for a proxy or gateway between the build agent and the endpoint; run the gate again later."),
            e("SDK.InterruptedException", Category.TRANSPORT, false, F, "-", ANY,
                    "the SDK was interrupted (the build was aborted)",
                    "Nothing to do: the build was aborted."),
            e("SDK.EndpointResolvingError", Category.CONFIGURATION, false, F, "-", ANY,
                    "the SDK could not resolve an endpoint",
                    "Set the endpoint explicitly (default cdn.aliyuncs.com)."),
            e("SDK.InvalidProfile", Category.CONFIGURATION, false, F, "-", ANY,
                    "the SDK profile is invalid",
                    "Report this to the CDN Gate maintainers: the SDK profile could not be built."),
            // --- our own codes ---
            e(MALFORMED_RESPONSE, Category.MALFORMED_RESPONSE, false, F, "200", ANY,
                    "a success answer that is empty, not JSON, or lacks RequestId or the documented structure",
                    "Check for a proxy rewriting answers between the build agent and the endpoint; run the gate again, and if it persists report the RequestId."),
            e(DEADLINE_EXCEEDED, Category.DEADLINE, false, F, "-", ANY,
                    "the gate's total time budget ran out before a usable answer",
                    "Run the gate again later, or raise " + DEADLINE + "."),
            e(UNEXPECTED, Category.UNKNOWN, false, F, "-", ANY,
                    "an unexpected failure inside CDN Gate",
                    "Report this to the CDN Gate maintainers with the message above."));

    static final String ASSUME_ROLE = "AssumeRole";
    static final String ASSUME_ROLE_WITH_OIDC = "AssumeRoleWithOIDC";
    static final String STS_BOTH = ASSUME_ROLE + ", " + ASSUME_ROLE_WITH_OIDC;
    private static final String ROLE_ARN = "the role ARN (cdn-gate --role-arn; in Jenkins, the credential's RAM role ARN)";

    /**
     * STS (2015-04-01) errors when a gate assumes a RAM role (RoleAssumer) or the credential chain's OIDC source
     * exchanges its token. Every one ends the gate with FAIL before any CDN call (fail closed). Codes not listed here
     * (throttling, 5xx, transport) are read from the main table. Sources: Alibaba Cloud's STS error-code page and its
     * AssumeRole troubleshooting page; the emulator answers each of them.
     */
    private static final List<Entry> STS_TABLE = List.of(
            e("NoPermission", Category.PERMISSION, false, F, "403", ASSUME_ROLE,
                    "the base credential may not assume this role",
                    "Allow the RAM user (or role) behind the base credential to assume the role: attach AliyunSTSAssumeRoleAccess or a policy allowing sts:AssumeRole on the role, name it in the role's trust policy, and pass the external ID the trust policy requires (cdn-gate --external-id)."),
            e("EntityNotExist.Role", Category.BAD_REQUEST, false, F, "404", STS_BOTH,
                    "the role does not exist",
                    "Fix " + ROLE_ARN + ": no such role exists in that account; copy the ARN from the RAM console (Roles, role details)."),
            e("InvalidParameter.RoleArn", Category.BAD_REQUEST, false, F, "400", STS_BOTH,
                    "the role ARN is malformed",
                    "Fix " + ROLE_ARN + ": it must read acs:ram::<account id>:role/<role name>."),
            e("InvalidParameter.RoleSessionName", Category.BAD_REQUEST, false, F, "400", STS_BOTH,
                    "the role session name is malformed",
                    "Use a role session name of 2 to 64 letters, digits or . @ - _ (cdn-gate --role-session-name; ALIBABA_CLOUD_ROLE_SESSION_NAME for the OIDC source)."),
            e("InvalidParameter.DurationSeconds", Category.BAD_REQUEST, false, F, "400", STS_BOTH,
                    "the session duration is outside what the role allows",
                    "Ask for 900 s up to the role's maximum session duration (cdn-gate --role-duration), or raise the role's maximum session duration in the RAM console."),
            e("InvalidParameter.ExternalId", Category.BAD_REQUEST, false, F, "400", ASSUME_ROLE,
                    "the external ID is malformed",
                    "Pass the external ID exactly as the role's trust policy names it (cdn-gate --external-id): 2 to 1224 letters, digits or = , . @ : / - _."),
            e("InvalidAccessKeyId.NotFound", Category.AUTH, false, F, "404", ASSUME_ROLE,
                    "the base AccessKey ID does not exist",
                    "Fix the base credential used to assume the role: its AccessKey ID does not exist (check for typos, or create one in the RAM console)."),
            e("InvalidAccessKeyId.Inactive", Category.AUTH, false, F, "400", ASSUME_ROLE,
                    "the base AccessKey is disabled",
                    "Enable the base credential's AccessKey in the RAM console, or assume the role with an active one."),
            e("SignatureDoesNotMatch", Category.AUTH, false, F, "400", ASSUME_ROLE,
                    "the base AccessKey secret is wrong",
                    "Fix the base credential's AccessKey secret: it does not belong to its AccessKey ID (copy it again from the RAM console)."),
            e("MissingSecurityToken", Category.AUTH, false, F, "400", ASSUME_ROLE,
                    "the base credential is a temporary key without its security token",
                    "Provide the base credential's STS security token (ALIBABA_CLOUD_SECURITY_TOKEN, or the profile's sts_token) together with its temporary AccessKey."),
            e("InvalidSecurityToken.Expired", Category.AUTH, false, F, "400", ASSUME_ROLE,
                    "the base credential's STS token has expired",
                    "Refresh the base credential: its STS security token has expired (fetch a new one, or assume the role with a long-term AccessKey)."),
            e("InvalidSecurityToken.MismatchWithAccessKey", Category.AUTH, false, F, "400", ASSUME_ROLE,
                    "the base credential's STS token belongs to another AccessKey",
                    "Use the security token issued together with the base credential's temporary AccessKey ID and secret."),
            e("InvalidSecurityToken.*", Category.AUTH, false, F, "400", ASSUME_ROLE,
                    "the base credential's STS token was rejected",
                    "Refresh the base credential's STS security token, or assume the role with a long-term AccessKey."),
            e("AuthenticationFail.NoPermission", Category.PERMISSION, false, F, "401", ASSUME_ROLE_WITH_OIDC,
                    "no such OIDC provider is registered, or the role does not trust it",
                    "Fix ALIBABA_CLOUD_OIDC_PROVIDER_ARN (RAM console, SSO > OIDC; on ACK, the cluster's RRSA provider) and make the role's trust policy name that provider."),
            e("AuthenticationFail.OIDCToken.Expired", Category.AUTH, false, F, "401", ASSUME_ROLE_WITH_OIDC,
                    "the OIDC token has expired",
                    "Point ALIBABA_CLOUD_OIDC_TOKEN_FILE at the projected service-account token that ACK keeps fresh (RRSA), not at a copy of it."),
            e("AuthenticationFail.OIDCToken.Invalid", Category.AUTH, false, F, "401", ASSUME_ROLE_WITH_OIDC,
                    "the OIDC token is not a token the provider issued",
                    "Point ALIBABA_CLOUD_OIDC_TOKEN_FILE at the service-account token of the pod (RRSA) and check the role trusts that provider."),
            e("AuthenticationFail.OIDCToken.*", Category.AUTH, false, F, "401", ASSUME_ROLE_WITH_OIDC,
                    "the OIDC token was refused (audience, issuer or signature)",
                    "Check the OIDC provider's audience and issuer in the RAM console against the token in ALIBABA_CLOUD_OIDC_TOKEN_FILE."));

    /** Every STS entry, in table order. */
    public static List<Entry> stsEntries() {
        return STS_TABLE;
    }

    /**
     * The entry for an STS error: the STS table (exact, then the longest prefix), else the main table (throttling, 5xx,
     * transport), else an UNKNOWN FAIL entry naming the code.
     */
    public static Entry resolveSts(String code) {
        String c = code == null || code.isBlank() ? NULL_CODE : code.trim();
        Entry best = null;
        for (Entry entry : STS_TABLE) {
            if (!entry.isPrefix() && entry.code().equalsIgnoreCase(c)) {
                return entry;
            }
            if (entry.isPrefix()) {
                String prefix = entry.code().substring(0, entry.code().length() - 1);
                if (c.regionMatches(true, 0, prefix, 0, prefix.length()) && c.length() > prefix.length()
                        && (best == null || prefix.length() > best.code().length() - 1)) {
                    best = entry;
                }
            }
        }
        return best != null ? best : resolve(c);
    }

    /** The STS table as the Markdown table in {@code docs/error-codes.md}. */
    public static String markdownStsTable() {
        return markdown(STS_TABLE);
    }

    private static final Map<String, Entry> EXACT;
    private static final List<Entry> PREFIXES;

    static {
        Map<String, Entry> exact = new LinkedHashMap<>();
        List<Entry> prefixes = new ArrayList<>();
        for (Entry entry : TABLE) {
            if (entry.isPrefix()) {
                prefixes.add(entry);
            } else if (exact.put(entry.code(), entry) != null) {
                throw new IllegalStateException("duplicate catalog code " + entry.code());
            }
        }
        prefixes.sort((a, b) -> b.code().length() - a.code().length());
        EXACT = Collections.unmodifiableMap(exact);
        PREFIXES = List.copyOf(prefixes);
    }

    private ErrorCatalog() {
    }

    private static Entry e(String code, Category category, boolean retryable, Verdict verdict, String httpStatus,
                           String operations, String meaning, String advice) {
        return new Entry(code, category, retryable, verdict, httpStatus, operations, meaning, advice);
    }

    /** Every entry, in table order. */
    public static List<Entry> entries() {
        return TABLE;
    }

    /** The entry for a code: exact match, then case-insensitive, then the longest matching prefix entry. */
    public static Optional<Entry> find(String code) {
        String c = code == null || code.isBlank() ? NULL_CODE : code.trim();
        Entry exact = EXACT.get(c);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Entry entry : TABLE) {
            if (!entry.isPrefix() && entry.code().equalsIgnoreCase(c)) {
                return Optional.of(entry);
            }
        }
        for (Entry entry : PREFIXES) {
            String prefix = entry.code().substring(0, entry.code().length() - 1);
            if (c.regionMatches(true, 0, prefix, 0, prefix.length()) && c.length() > prefix.length()) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find}, but an unknown code gets an {@link Category#UNKNOWN} FAIL entry that names it. */
    public static Entry resolve(String code) {
        String c = code == null || code.isBlank() ? NULL_CODE : code.trim();
        return find(c).orElseGet(() -> new Entry(c, Category.UNKNOWN, false, Verdict.FAIL, "?", ANY,
                "an error code CDN Gate does not know",
                "Unrecognised error code " + c + ": look it up in the Alibaba Cloud error center with the RequestId; the gate fails closed."));
    }

    /**
     * Whether a failed attempt may be retried: the entry says so, or the code is unknown and the HTTP status
     * is 5xx (a server-side failure we have no row for).
     */
    public static boolean retryable(Entry entry, int httpStatus) {
        return entry.retryable() || (entry.category() == Category.UNKNOWN && httpStatus >= 500);
    }

    /** The catalog as the Markdown table in {@code docs/error-codes.md}. */
    public static String markdownTable() {
        return markdown(TABLE);
    }

    private static String markdown(List<Entry> table) {
        StringBuilder out = new StringBuilder();
        out.append("| Code | Operation | HTTP status | Meaning | Category | Retried | Verdict | What to do |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Entry entry : table) {
            out.append("| `").append(entry.code()).append("` | ")
                    .append(entry.operations()).append(" | ")
                    .append(entry.httpStatus()).append(" | ")
                    .append(cell(entry.meaning())).append(" | ")
                    .append(entry.category()).append(" | ")
                    .append(entry.retryable() ? "yes" : "no").append(" | ")
                    .append(entry.verdict()).append(" | ")
                    .append(cell(entry.advice())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
