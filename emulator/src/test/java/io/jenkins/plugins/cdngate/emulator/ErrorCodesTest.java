package io.jenkins.plugins.cdngate.emulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.Map;
import org.junit.Test;

public class ErrorCodesTest {

    @Test
    public void openErrorListIsExactlyTheElevenDocumentedCodesWithTheirStatuses() {
        assertEquals(11, ErrorCodes.OPEN_CDN_SERVICE_ERRORS.size());
        assertEquals(OpenErrorsTest.DOCUMENTED_STATUS.keySet(), new HashSet<>(ErrorCodes.OPEN_CDN_SERVICE_ERRORS));
        for (Map.Entry<String, Integer> e : OpenErrorsTest.DOCUMENTED_STATUS.entrySet()) {
            assertEquals(e.getKey(), (int) e.getValue(), ErrorCodes.get(e.getKey()).status());
        }
    }

    @Test
    public void gatewayStatusesFollowTheReference() {
        Map<String, Integer> expected = Map.of("SignatureDoesNotMatch", 400, "InvalidAccessKeyId.NotFound", 404,
                "InvalidTimeStamp.Expired", 400, "SignatureNonceUsed", 400, "InvalidAction.NotFound", 404,
                "Throttling.User", 400, "Forbidden.RAM", 403, "NoPermission", 403, "InternalError", 500,
                "ServiceUnavailable", 503);
        expected.forEach((code, status) -> assertEquals(code, (int) status, ErrorCodes.get(code).status()));
    }

    @Test
    public void everyEntryHasAMessage() {
        ErrorCodes.all().values().forEach(e -> assertTrue(e.code(), !e.message().isBlank()));
    }

    @Test
    public void requestIdsLookLikeTheGatewaysUuids() {
        String id = CdnEmulator.newRequestId();

        assertTrue(id, id.matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}"));
        assertTrue(!id.equals(CdnEmulator.newRequestId()));
    }
}
