package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/**
 * Issue 8 item 6: an AccessKey ID is shown partly (first 4 + last 4) only when it has a documented shape (LTAI...,
 * STS....); anything else may be a secret in the wrong place (ID and secret swapped) and shows at most 2 characters.
 */
public class AccessKeyMaskTest {
    /** A 30-character value shaped like an AccessKey secret. */
    private static final String SECRET_LIKE = "XkFAKEqZqZqZqZqZqZqZqZqZqZqZqZ";

    @Test
    public void documentedShapesAreMaskedAsBefore() {
        assertEquals("LTAI****0001", AccessKey.mask("LTAI-test-0001"));
        assertEquals("LTAI****OpQr", AccessKey.mask("LTAI5tFAKEnotRealKeyOpQr"));
        assertEquals("LTAI****yAAA", AccessKey.mask("LTAI4FAKEnotArealKeyAAA"));
        assertEquals("STS.****ts01", AccessKey.mask("STS.FAKEtemporaryIdForTests01"));
    }

    @Test
    public void anythingElseShowsAtMostItsFirstTwoCharacters() {
        assertEquals("Xk****", AccessKey.mask(SECRET_LIKE));
        assertEquals("te****", AccessKey.mask("test-secret-0001"));
        // LTAI in lower case, or LTAI with characters an AccessKey ID never has, is not the documented shape
        assertEquals("lt****", AccessKey.mask("ltai-test-0001"));
        assertEquals("LT****", AccessKey.mask("LTAI/secret+value=0001"));
        // too long for an AccessKey ID: a token or a secret pasted in the ID field
        assertEquals("LT****", AccessKey.mask("LTAI" + "a".repeat(60)));
    }

    @Test
    public void theShapeTheMaskKeepsIsTheShapeTheCredentialFormAccepts() {
        assertTrue(AccessKey.hasDocumentedShape("LTAI5tFAKEnotRealKeyOpQr"));
        assertTrue(AccessKey.hasDocumentedShape("STS.FAKEtemporaryIdForTests01"));
        assertFalse(AccessKey.hasDocumentedShape(SECRET_LIKE));
        assertFalse(AccessKey.hasDocumentedShape("my secret with spaces"));
        assertFalse(AccessKey.hasDocumentedShape("LTAI123"));
        assertFalse(AccessKey.hasDocumentedShape(null));
    }

    @Test
    public void veryShortValuesShowNothing() {
        assertEquals("****", AccessKey.mask("abc"));
        assertEquals("****", AccessKey.mask("abcdefg"));
        assertEquals("****", AccessKey.mask("LTAI123"));
        assertEquals("****", AccessKey.mask(""));
        assertEquals("****", AccessKey.mask(null));
    }

    @Test
    public void aSwappedSecretNeverShowsMoreThanTwoCharactersInAReport() throws Exception {
        // given the ID and secret variables swapped: the secret is sent as the ID
        AccessKey swapped = AccessKey.of(SECRET_LIKE, "LTAI5tFAKEnotRealKeyOpQr");
        // when a gate runs (the endpoint refuses the connection: the report still names the key)
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Report r = EnsureActive.run(EnsureActiveRequest.of(swapped, ConnectionSettings.defaults()
                .withEndpoint("127.0.0.1:" + port).withRetries(1, java.time.Duration.ofSeconds(10))));
        // then
        assertEquals("Xk****", r.accessKeyId());
        String all = String.join("\n", ReportText.lines(r)) + ReportJson.toJson(r) + swapped;
        for (int i = 2; i + 3 <= SECRET_LIKE.length(); i++) {
            assertFalse(all, all.contains(SECRET_LIKE.substring(i, i + 3)));
        }
        assertTrue(all, all.contains("AccessKey Xk****"));
    }
}
