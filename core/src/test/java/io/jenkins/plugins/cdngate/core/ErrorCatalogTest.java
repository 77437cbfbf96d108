package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.core.ErrorCatalog.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class ErrorCatalogTest {

    /** Every error code in shared/seeds/*.txt (the three operations' documented errors). */
    private static final List<String> SEED_CODES = List.of(
            "UnsupportedParameter", "InternetChargeTypeInvalid",                     // DescribeCdnService
            "CdnServiceNotFound",                                                     // DescribeCdnUserResourcePackage
            "InvalidInternetChargeType.ValueNotSupported", "CdnService.HasOpened", "InsufficientBalance",
            "NoRealNameAuthentication", "VertifyFailInvalidPayMethod", "VertifyFailUserProfileComplete",
            "CreateOrderFailed", "QueryInfoError", "MissingParameter", "Forbidden.Intl", "Forbidden.BidUser");

    /** Auth, RAM, STS, throttling, 5xx and SDK transport codes from reference sections 1.6, 2.5, 6. */
    private static final List<String> REFERENCE_CODES = List.of(
            "SignatureDoesNotMatch", "IncompleteSignature", "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId.Inactive",
            "InvalidTimeStamp.Expired", "InvalidTimeStamp.Format", "IllegalTimestamp", "SignatureNonceUsed",
            "MissingInternetChargeType", "InvalidAction.NotFound", "InvalidVersion", "InvalidParameter",
            "Throttling", "Throttling.User", "Throttling.Api", "ServiceBusy", "FlowControlError",
            "InternalError", "ServiceUnavailable", "ServiceUnAvailable", "Forbidden.RAM", "NoPermission", "NotAuthorized",
            "InvalidSecurityToken.Expired", "InvalidSecurityToken.MismatchWithAccessKey", "InvalidSecurityToken.Malformed",
            "MissingSecurityToken", "OperationDenied", "LX_CREATE_ORDER_FAILED", "FUWU_BIZ_COMMODITY_VERIFY_FAIL_X",
            "SDK.ReadTimeout", "SDK.ServerUnreachable", "SDK.RequestTryOrRetryFailed", "SDK.InvalidAccessKeySecret",
            "SDK.InvalidAccessSecret", "SDK.InterruptedException", "SDK.EndpointResolvingError", "SDK.InvalidProfile",
            "(null)");

    private static final Set<Category> RETRIED = EnumSet.of(Category.THROTTLED, Category.TRANSIENT, Category.TRANSPORT);

    @Test
    public void everySeedAndReferenceCodeHasAnEntry() {
        for (String code : SEED_CODES) {
            assertTrue("seed code " + code, ErrorCatalog.find(code).isPresent());
        }
        for (String code : REFERENCE_CODES) {
            assertTrue("reference code " + code, ErrorCatalog.find(code).isPresent());
        }
    }

    /** code -> category, retryable, verdict: the decisions the gates rest on. */
    private static final Object[][] DECISIONS = {
            {"CdnService.HasOpened", Category.ALREADY_ACTIVE, false, Verdict.PASS},
            {"CdnServiceNotFound", Category.NOT_ACTIVATED, false, Verdict.FAIL},
            {"OperationDenied", Category.NOT_ACTIVATED, false, Verdict.FAIL},
            {"InsufficientBalance", Category.ACCOUNT_NOT_READY, false, Verdict.FAIL},
            {"NoRealNameAuthentication", Category.ACCOUNT_NOT_READY, false, Verdict.FAIL},
            {"Forbidden.RAM", Category.PERMISSION, false, Verdict.FAIL},
            {"SignatureDoesNotMatch", Category.AUTH, false, Verdict.FAIL},
            {"InvalidTimeStamp.Expired", Category.AUTH, false, Verdict.FAIL},
            {"Throttling.User", Category.THROTTLED, true, Verdict.FAIL},
            {"Throttling.Something.New", Category.THROTTLED, true, Verdict.FAIL},
            {"ServiceUnAvailable", Category.TRANSIENT, true, Verdict.FAIL},
            {"SDK.ReadTimeout", Category.TRANSPORT, true, Verdict.FAIL},
            {"(null)", Category.TRANSPORT, true, Verdict.FAIL},
            {"MissingInternetChargeType", Category.BAD_REQUEST, false, Verdict.FAIL},
            {"InvalidSecurityToken.SomethingElse", Category.AUTH, false, Verdict.FAIL},
            {"throttling.user", Category.THROTTLED, true, Verdict.FAIL},
    };

    @Test
    public void codesResolveToTheirCategoryRetryAndVerdict() {
        for (Object[] row : DECISIONS) {
            ErrorCatalog.Entry e = ErrorCatalog.resolve((String) row[0]);
            assertEquals("category of " + row[0], row[1], e.category());
            assertEquals("retryable " + row[0], row[2], e.retryable());
            assertEquals("verdict of " + row[0], row[3], e.verdict());
        }
    }

    /** code -> words its sentence must hold (what the user must do). */
    private static final String[][] SENTENCES = {
            {"InsufficientBalance", "Top up"},
            {"NoRealNameAuthentication", "real-name verification"},
            {"Forbidden.RAM", "cdn:{action}"},
            {"NoPermission", "cdn:{action}"},
            {"SignatureDoesNotMatch", "AccessKey secret"},
            {"SDK.InvalidAccessKeySecret", "AccessKey secret"},
            {"InvalidTimeStamp.Expired", "NTP"},
            {"InvalidAccessKeyId.NotFound", "AccessKey ID"},
            {"CdnServiceNotFound", "ensure-active"},
            {"InvalidSecurityToken.Expired", "STS"},
    };

    @Test
    public void sentencesTellTheUserWhatToDo() {
        for (String[] row : SENTENCES) {
            assertTrue(row[0] + ": " + ErrorCatalog.resolve(row[0]).advice(), ErrorCatalog.resolve(row[0]).advice().contains(row[1]));
        }
        assertEquals(true, ErrorCatalog.resolve("Forbidden.RAM").adviceFor("DescribeCdnService").contains("cdn:DescribeCdnService"));
    }

    @Test
    public void unknownCodeFailsClosedAndNamesTheCode() {
        ErrorCatalog.Entry e = ErrorCatalog.resolve("Brand.New.Code");
        assertEquals(Category.UNKNOWN, e.category());
        assertEquals(Verdict.FAIL, e.verdict());
        assertFalse(e.retryable());
        assertTrue(e.advice().contains("Brand.New.Code"));
        assertFalse(ErrorCatalog.find("Brand.New.Code").isPresent());
    }

    @Test
    public void unknownCodeWithA5xxStatusIsRetriedLikeA5xx() {
        ErrorCatalog.Entry e = ErrorCatalog.resolve("Brand.New.Code");
        assertTrue(ErrorCatalog.retryable(e, 502));
        assertFalse(ErrorCatalog.retryable(e, 400));
    }

    @Test
    public void everyEntryIsCompleteAndRetriesOnlyThrottlingServerAndTransportFailures() {
        for (ErrorCatalog.Entry e : ErrorCatalog.entries()) {
            assertFalse(e.code() + " meaning", e.meaning().isBlank());
            assertTrue(e.code() + " advice ends a sentence", e.advice().endsWith("."));
            assertFalse(e.code() + " advice is one line", e.advice().contains("\n"));
            if (e.retryable()) {
                assertTrue(e.code() + " retried but " + e.category(), RETRIED.contains(e.category()));
            }
            if (RETRIED.contains(e.category()) && !e.code().equals("SDK.InterruptedException")) {
                assertTrue(e.code() + " should be retried", e.retryable());
            }
        }
    }

    @Test
    public void exactEntryWinsOverPrefix() {
        assertEquals("MissingSecurityToken", ErrorCatalog.resolve("MissingSecurityToken").code());
        assertEquals(Category.AUTH, ErrorCatalog.resolve("MissingSecurityToken").category());
        assertEquals("Missing*", ErrorCatalog.resolve("MissingStatus").code());
    }

    static final String BEGIN = "<!-- BEGIN catalog: generated from ErrorCatalog by ErrorCatalogTest; do not edit by hand -->";
    static final String END = "<!-- END catalog -->";

    /**
     * docs/error-codes.md holds the catalog table between markers. Run with {@code -Dcdngate.writeDocs=true}
     * to regenerate it after changing the catalog.
     */
    @Test
    public void docsErrorCodesTableMatchesTheCatalog() throws IOException {
        Path doc = Path.of("..", "docs", "error-codes.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        assertTrue("docs/error-codes.md lacks the catalog markers", b >= 0 && e > b);
        String expected = text.substring(0, b + BEGIN.length()) + "\n" + ErrorCatalog.markdownTable() + text.substring(e);
        if (Boolean.getBoolean("cdngate.writeDocs")) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
            text = expected;
        }
        assertEquals("docs/error-codes.md is out of date: run ./mvnw -pl core -am verify -Dcdngate.writeDocs=true",
                expected, text);
    }

    static final String STS_BEGIN = "<!-- BEGIN sts: generated from ErrorCatalog by ErrorCatalogTest; do not edit by hand -->";
    static final String STS_END = "<!-- END sts -->";

    /** The STS table of docs/error-codes.md, between its own markers, regenerated like the main one. */
    @Test
    public void docsStsTableMatchesTheCatalog() throws IOException {
        Path doc = Path.of("..", "docs", "error-codes.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int b = text.indexOf(STS_BEGIN);
        int e = text.indexOf(STS_END);
        assertTrue("docs/error-codes.md lacks the STS markers", b >= 0 && e > b);
        String expected = text.substring(0, b + STS_BEGIN.length()) + "\n" + ErrorCatalog.markdownStsTable() + text.substring(e);
        if (Boolean.getBoolean("cdngate.writeDocs")) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
            text = expected;
        }
        assertEquals("docs/error-codes.md is out of date: run ./mvnw -pl core -am verify -Dcdngate.writeDocs=true",
                expected, text);
    }

    @Test
    public void adviceNamingASettingNamesItForBothFrontEnds() {
        // given the settings a user can change, as the CLI option and the Jenkins global configuration field
        String[][] settings = {
                {"total time budget", "--deadline", "Time budget per gate"},
                {"rate limit", "--rate-limit-describe", "calls per second"},
                {"read timeout", "--timeout", "Read timeout"},
        };
        for (ErrorCatalog.Entry e : ErrorCatalog.entries()) {
            assertFalse(e.code() + ": " + e.advice(), e.advice().contains("the gate's"));
            for (String[] s : settings) {
                if (e.advice().contains("raise the " + s[0]) || e.advice().contains("lower the " + s[0])) {
                    assertTrue(e.code() + ": " + e.advice(), e.advice().contains("cdn-gate " + s[1]));
                    assertTrue(e.code() + ": " + e.advice(), e.advice().contains(s[2]));
                }
            }
        }
        assertTrue(ErrorCatalog.resolve(ErrorCatalog.DEADLINE_EXCEEDED).advice().contains("raise the total time budget"));
        assertTrue(ErrorCatalog.resolve("Throttling.User").advice().contains("lower the rate limit"));
    }
}
