package io.jenkins.plugins.cdngate.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every error the emulator answers with: code, HTTP status and message. One table, so tests and
 * docs/emulator.md can iterate it. Sources: the three operation pages in shared/seeds and
 * shared/reference/aliyun-cdn-api.md §1.6 and §6.
 */
public final class ErrorCodes {

    /** One error: the documented HTTP status and message. */
    public record Entry(String code, int status, String message) { }

    private static final Map<String, Entry> TABLE = new LinkedHashMap<>();

    /** The 11 documented OpenCdnService errors (seeds/OpenCdnService.txt), in the page's order. */
    public static final List<String> OPEN_CDN_SERVICE_ERRORS = List.of(
            "InvalidInternetChargeType.ValueNotSupported",
            "CdnService.HasOpened",
            "InsufficientBalance",
            "NoRealNameAuthentication",
            "VertifyFailInvalidPayMethod",
            "VertifyFailUserProfileComplete",
            "CreateOrderFailed",
            "QueryInfoError",
            "MissingParameter",
            "Forbidden.Intl",
            "Forbidden.BidUser");

    static {
        // OpenCdnService (seeds/OpenCdnService.txt)
        put("InvalidInternetChargeType.ValueNotSupported", 400,
                "The specified value of parameter InternetChargeType is not valid.");
        put("CdnService.HasOpened", 400, "Your cdn service has opened.");
        put("InsufficientBalance", 400, "Your account does not have enough balance.");
        put("NoRealNameAuthentication", 400, "Real name authentication is needed.");
        put("VertifyFailInvalidPayMethod", 400, "INVALID PAY METHOD");
        put("VertifyFailUserProfileComplete", 400, "MISSING USERPROFILE");
        put("CreateOrderFailed", 400, "Create order failed");
        put("QueryInfoError", 400, "Create order failed");
        put("MissingParameter", 400, "The input parameter OwnerId or OwnerAccount that is mandatory for"
                + " processing this request is not supplied.");
        put("Forbidden.Intl", 403, "User not authorized to open Intl service.");
        put("Forbidden.BidUser", 403, "Bid user is limited to open service.");
        // DescribeCdnService / DescribeCdnUserResourcePackage (seeds)
        put("UnsupportedParameter", 400, "There is unsupported parameters");
        put("InternetChargeTypeInvalid", 400, "The specified InternetChargeType is invalid.");
        put("CdnServiceNotFound", 403, "Your account does not open CDN service yet.");
        put("OperationDenied", 403, "Your account does not open CDN service yet.");
        put("InvalidParameter", 400, "Specified parameter Status is not valid.");
        // Gateway (reference §1.6)
        put("SignatureDoesNotMatch", 400, "Specified signature is not matched with our calculation.");
        put("IncompleteSignature", 400, "The request signature does not conform to Aliyun standards.");
        put("InvalidAccessKeyId.NotFound", 404, "Specified access key is not found.");
        put("InvalidTimeStamp.Expired", 400, "Specified time stamp or date value is expired.");
        put("InvalidTimeStamp.Format", 400, "Specified time stamp or date value is not well formatted.");
        put("SignatureNonceUsed", 400, "Specified signature nonce was used already.");
        put("InvalidVersion", 400, "Specified parameter Version is not valid.");
        put("InvalidAction.NotFound", 404, "Specified api is not found, please check your url and method.");
        put("InvalidSecurityToken.MismatchWithAccessKey", 400,
                "Specified SecurityToken mismatch with the AccessKey.");
        put("InvalidSecurityToken.Expired", 400, "Specified SecurityToken is expired.");
        put("Throttling.User", 400, "Request was denied due to user flow control.");
        put("Forbidden.RAM", 403, "User not authorized to operate on the specified resource,"
                + " or this API doesn't support RAM.");
        put("NoPermission", 403, "You are not authorized to perform this operation.");
        put("InternalError", 500, "The request processing has failed due to some unknown error.");
        put("ServiceUnavailable", 503, "The request has failed due to a temporary failure of the server.");
        put("InvalidParameter.Encoding", 400, "The request has a malformed percent-encoded parameter.");
        // STS 2015-04-01 AssumeRole / AssumeRoleWithOIDC (the STS error-code page and the AssumeRole troubleshooting
        // page; NoPermission above is also STS's answer when the caller may not assume the role)
        put("EntityNotExist.Role", 404, "The specified Role not exists .");
        put("InvalidParameter.RoleArn", 400, "The parameter RoleArn is wrongly formed.");
        put("InvalidParameter.RoleSessionName", 400, "The parameter RoleSessionName is wrongly formed.");
        put("InvalidParameter.DurationSeconds", 400, "The Min/Max value of DurationSeconds is 15min/1hr.");
        put("InvalidParameter.ExternalId", 400, "The parameter ExternalId is wrongly formed.");
        put("InvalidAccessKeyId.Inactive", 400, "Specified access key is disabled.");
        put("AuthenticationFail.NoPermission", 401, "No such OIDC Provider registered.");
        put("AuthenticationFail.OIDCToken.Invalid", 401, "The Jwt content is invalid that cannot be recognized.");
        put("AuthenticationFail.OIDCToken.Expired", 401, "This JsonWebToken is expired.");
    }

    private ErrorCodes() {
    }

    private static void put(String code, int status, String message) {
        TABLE.put(code, new Entry(code, status, message));
    }

    /** The entry for a code, or {@code null} when the emulator does not know the code. */
    public static Entry get(String code) {
        return TABLE.get(code);
    }

    /** Whether the code is in the table. */
    public static boolean known(String code) {
        return TABLE.containsKey(code);
    }

    /** The whole table, in a stable order. */
    public static Map<String, Entry> all() {
        return Collections.unmodifiableMap(TABLE);
    }
}
